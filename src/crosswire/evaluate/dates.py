"""``crosswire eval dates``: publication dates against htmldate's gold.

Exact-day accuracy as the origin scores it (TP exact, FP another date, FN
none found).  The few pages whose gold date is null are left out of every
figure and reported apart (``null_gold``), since the origin cannot score them.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import htmldate

from crosswire.errors import InputError
from crosswire.evaluate.extraction import read_gold
from crosswire.evaluate.metrics import DateCounts
from crosswire.evaluate.scored import Scored
from crosswire.evaluate.split import Part, select
from crosswire.extract.decode import decode_html
from crosswire.extract.html import parse_page, publication_date


def _ours(page: bytes, origin: str) -> str | None:
    try:
        return publication_date(parse_page(decode_html(page, origin), origin))
    except InputError:
        return None


def _plain_htmldate(page: bytes) -> str | None:
    try:
        return htmldate.find_date(page)
    except (ValueError, TypeError):
        return None


def _summary(counts: DateCounts) -> dict[str, Any]:
    return {**counts.scores(), "tp": counts.tp, "fp": counts.fp, "fn": counts.fn,
            "null_gold": {"no_date_found": counts.null_gold_no_date,
                          "some_date_found": counts.null_gold_some_date}}


#: One page: our counts and htmldate's.
PageDates = tuple[DateCounts, DateCounts]


def _figures(units: Sequence[PageDates]) -> dict[str, Any]:
    ours = DateCounts.pooled(page for page, _ in units)
    baseline = DateCounts.pooled(page for _, page in units)
    return {"task": "dates", "n": len(units), "scored": ours.tp + ours.fp + ours.fn,
            "null_gold_policy": "pages with a null gold date are left out of every figure",
            **_summary(ours), "baseline": {"name": "htmldate", **_summary(baseline)}}


def score_dates(dataset_dir: Path, part: Part = "all", limit: int | None = None) -> Scored[PageDates]:
    units: list[PageDates] = []
    for record in select(read_gold(dataset_dir), part)[:limit]:
        page = gzip.decompress((dataset_dir / "pages" / f"{record['id']}.html.gz").read_bytes())
        ours, baseline = DateCounts(), DateCounts()
        ours.add(record["date"], _ours(page, record["id"]))
        baseline.add(record["date"], _plain_htmldate(page))
        units.append((ours, baseline))
    return Scored({**_figures(units), "dataset": dataset_dir.name, "part": part}, units, _figures)


def evaluate_dates(dataset_dir: Path, limit: int | None = None, part: Part = "all") -> dict[str, Any]:
    return score_dates(dataset_dir, part, limit).figures
