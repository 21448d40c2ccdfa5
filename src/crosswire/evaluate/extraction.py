"""``crosswire eval extraction`` and ``crosswire eval captures``.

Scores our extractors against the layouts of ``/work/shared/data``:
``gold.jsonl`` with a ``body`` field is scored by ScrapingHub's token-shingle
matching, one with ``with``/``without`` snippets by trafilatura's snippet
matching.  Every result also carries plain trafilatura's figures on the same
pages, so a change can be judged against a fixed baseline.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import trafilatura

from crosswire.errors import InputError
from crosswire.evaluate.metrics import ShingleMatch, SnippetCounts, shingle_match, shingle_scores
from crosswire.evaluate.scored import Scored
from crosswire.evaluate.split import Part, select
from crosswire.extract import extract
from crosswire.model import Capture, SourceHints

#: One page's match: ours, and the baseline's (None when the baseline is not run).
PageUnit = tuple[ShingleMatch | SnippetCounts, ShingleMatch | SnippetCounts | None]


def read_gold(dataset_dir: Path) -> list[dict[str, Any]]:
    """The gold records of a dataset, with a clear error when it is absent."""
    gold = dataset_dir / "gold.jsonl"
    if not gold.is_file():
        raise FileNotFoundError(
            f"dataset not found: {gold} does not exist (the evaluation data is not on this machine?)"
        )
    with gold.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _page_bytes(dataset_dir: Path, item_id: str) -> bytes:
    return gzip.decompress((dataset_dir / "pages" / f"{item_id}.html.gz").read_bytes())


def ours_from_html(record: dict[str, Any], page: bytes) -> str:
    capture = Capture(
        id=record["id"], kind="html", origin=record["id"], content=page,
        hints=SourceHints(url=record.get("url")),
    )
    try:
        return extract(capture).text
    except InputError:
        return ""  # scored as an empty output, as the benchmarks score a crash


def plain_trafilatura(record: dict[str, Any], page: bytes) -> str:
    return trafilatura.extract(page) or ""


def _page_units(dataset_dir: Path, records: list[dict[str, Any]], baseline: bool) -> list[PageUnit]:
    """Per page: our match and, when asked, plain trafilatura's."""
    units: list[PageUnit] = []
    for record in records:
        page = _page_bytes(dataset_dir, record["id"])
        ours = _match(record, ours_from_html(record, page))
        units.append((ours, _match(record, plain_trafilatura(record, page)) if baseline else None))
    return units


def _match(record: dict[str, Any], text: str) -> ShingleMatch | SnippetCounts:
    if "body" in record:
        return shingle_match(record["body"], text)
    counts = SnippetCounts()
    counts.add(text, record.get("with", []), record.get("without", []))
    return counts


def _scores(matches: Sequence[ShingleMatch | SnippetCounts]) -> dict[str, float]:
    shingles = [match for match in matches if isinstance(match, ShingleMatch)]
    if shingles:
        return shingle_scores(shingles)
    return SnippetCounts.pooled(match for match in matches if isinstance(match, SnippetCounts)).scores()


def _figures_of(task: str, metric: str, baseline_name: str | None) -> Callable[[Sequence[PageUnit]], dict[str, Any]]:
    def figures(units: Sequence[PageUnit]) -> dict[str, Any]:
        result: dict[str, Any] = {"task": task, "n": len(units), "metric": metric,
                                  **_scores([ours for ours, _ in units])}
        if baseline_name is not None:
            result["baseline"] = {"name": baseline_name,
                                  **_scores([theirs for _, theirs in units if theirs is not None])}
        return result

    return figures


def score_extraction(
    dataset_dir: Path, part: Part = "all", limit: int | None = None, baseline: bool = True
) -> Scored[PageUnit]:
    """Extraction figures of ``extract_html`` (and plain trafilatura) on a dataset."""
    records = select(read_gold(dataset_dir), part)[:limit]
    metric = "shingles" if records and "body" in records[0] else "snippets"
    units = _page_units(dataset_dir, records, baseline)
    figures = _figures_of("extraction", metric, "trafilatura" if baseline else None)
    return Scored({**figures(units), "dataset": dataset_dir.name, "part": part}, units, figures)


def evaluate_extraction(
    dataset_dir: Path, limit: int | None = None, baseline: bool = True, part: Part = "all"
) -> dict[str, Any]:
    return score_extraction(dataset_dir, part, limit, baseline).figures


def ours_from_capture(record: dict[str, Any], text: str) -> str:
    capture = Capture(id=record["id"], kind="capture", origin=record["id"], content=text,
                      hints=SourceHints(url=record.get("url")))
    try:
        return extract(capture).text
    except InputError:
        return ""


def score_captures(dataset_dir: Path, part: Part = "all", limit: int | None = None) -> Scored[PageUnit]:
    """Shingle figures of ``extract_capture`` on plain-text page captures.

    The baseline is the whole capture kept as it is: what cleaning gains."""
    records = select(read_gold(dataset_dir), part)[:limit]
    units: list[PageUnit] = []
    for record in records:
        capture = (dataset_dir / "captures" / f"{record['id']}.txt").read_text("utf-8")
        units.append((shingle_match(record["body"], ours_from_capture(record, capture)),
                      shingle_match(record["body"], capture)))
    figures = _figures_of("captures", "shingles", "whole capture")
    return Scored({**figures(units), "dataset": dataset_dir.name, "part": part}, units, figures)


def evaluate_captures(dataset_dir: Path, limit: int | None = None, part: Part = "all") -> dict[str, Any]:
    return score_captures(dataset_dir, part, limit).figures
