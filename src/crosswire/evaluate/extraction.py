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
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import trafilatura

from crosswire.errors import InputError
from crosswire.evaluate.metrics import ShingleMatch, SnippetCounts, shingle_match, shingle_scores
from crosswire.extract import extract
from crosswire.model import Capture, SourceHints

Extractor = Callable[[dict[str, Any], bytes], str]


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


def _score(records: list[dict[str, Any]], outputs: Iterator[tuple[dict[str, Any], str]]) -> dict[str, float]:
    if "body" in records[0]:
        matches: list[ShingleMatch] = [shingle_match(record["body"], text) for record, text in outputs]
        return shingle_scores(matches)
    counts = SnippetCounts()
    for record, text in outputs:
        counts.add(text, record.get("with", []), record.get("without", []))
    return counts.scores()


def _run(dataset_dir: Path, records: list[dict[str, Any]], extractor: Extractor) -> dict[str, float]:
    outputs = ((record, extractor(record, _page_bytes(dataset_dir, record["id"]))) for record in records)
    return _score(records, outputs)


def evaluate_extraction(dataset_dir: Path, limit: int | None = None, baseline: bool = True) -> dict[str, Any]:
    """Extraction figures of ``extract_html`` (and plain trafilatura) on a dataset."""
    records = read_gold(dataset_dir)[:limit]
    metric = "shingles" if "body" in records[0] else "snippets"
    result: dict[str, Any] = {"task": "extraction", "dataset": dataset_dir.name, "n": len(records),
                              "metric": metric, **_run(dataset_dir, records, ours_from_html)}
    if baseline:
        result["baseline"] = {"name": "trafilatura", **_run(dataset_dir, records, plain_trafilatura)}
    return result


def ours_from_capture(record: dict[str, Any], text: str) -> str:
    capture = Capture(id=record["id"], kind="capture", origin=record["id"], content=text,
                      hints=SourceHints(url=record.get("url")))
    try:
        return extract(capture).text
    except InputError:
        return ""


def evaluate_captures(dataset_dir: Path, limit: int | None = None) -> dict[str, Any]:
    """Shingle figures of ``extract_capture`` on plain-text page captures.

    The baseline is the whole capture kept as it is: what cleaning gains."""
    records = read_gold(dataset_dir)[:limit]
    captures = {record["id"]: (dataset_dir / "captures" / f"{record['id']}.txt").read_text("utf-8")
                for record in records}
    ours = [shingle_match(r["body"], ours_from_capture(r, captures[r["id"]])) for r in records]
    whole = [shingle_match(r["body"], captures[r["id"]]) for r in records]
    return {"task": "captures", "dataset": dataset_dir.name, "n": len(records), "metric": "shingles",
            **shingle_scores(ours), "baseline": {"name": "whole capture", **shingle_scores(whole)}}
