"""``crosswire eval metadata``: title, author and date of a page, from its HTML or from its text capture.

Metric (shared/data/README.md, ``metadata/trafilatura-dev``), per field over the pages whose
gold value is not null:

- title: right when its lower-cased ``\\w+`` words are the gold's, in the same order;
- author: right when the set of its lower-cased ``\\w+`` words equals the gold's;
- date: right when its first 10 characters equal the gold date.

A missing prediction is wrong.  ``--source html`` (default) reads the page
``../../extraction/<set>/pages/<id>.html.gz`` beside the set, as the set's
README lays it out; ``--source capture`` reads ``captures/<id>.txt``.  Plain
trafilatura's metadata on the same HTML is scored alongside as the baseline.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import trafilatura

from crosswire.errors import CrosswireError, InputError
from crosswire.evaluate.scored import Scored
from crosswire.evaluate.split import Part, select
from crosswire.extract import extract
from crosswire.extract.html import NoArticleText
from crosswire.model import Capture, SourceHints

FIELDS = ("title", "author", "date")
Source = Literal["html", "capture"]
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def field_right(field: str, predicted: str | None, gold: str) -> bool:
    """The set's rule for one field."""
    if not predicted:
        return False
    if field == "title":
        return _words(predicted) == _words(gold)
    if field == "author":
        return set(_words(predicted.replace(";", " "))) == set(_words(gold.replace(";", " ")))
    return predicted[:10] == gold[:10]


@dataclass(frozen=True)
class PageFields:
    """For one page and each field with a gold value: whether ours and the baseline's are right."""

    ours: dict[str, bool]
    baseline: dict[str, bool]


def _figures(pages: Sequence[PageFields]) -> dict[str, Any]:
    def accuracy(side: str) -> dict[str, float | int]:
        result: dict[str, float | int] = {}
        for field in FIELDS:
            judged = [getattr(page, side)[field] for page in pages if field in getattr(page, side)]
            result[field] = sum(judged) / len(judged) if judged else 0.0
            result[f"{field}_n"] = len(judged)
        return result

    return {"task": "metadata", "n": len(pages), **accuracy("ours"),
            "baseline": {"name": "trafilatura (HTML)", **accuracy("baseline")}}  # fmt: skip


def _ours(record: dict[str, Any], content: str | bytes, kind: Source) -> dict[str, str | None]:
    capture = Capture(id=str(record["id"]), kind=kind, origin=str(record["id"]), content=content,
                      hints=SourceHints(url=record.get("url")))  # fmt: skip
    try:
        article = extract(capture)
    except NoArticleText as refused:  # a page without text still has its metadata
        article = refused.article
    except InputError:
        return dict.fromkeys(FIELDS)
    return {"title": article.title, "author": article.author, "date": article.published}


def _plain_trafilatura(page: bytes, url: str | None) -> dict[str, str | None]:
    tree = trafilatura.load_html(page)  # decodes with the page's own charset, as trafilatura itself does
    if tree is None:
        return dict.fromkeys(FIELDS)
    try:
        document = trafilatura.extract_metadata(tree, default_url=url)
    except (ValueError, TypeError):
        return dict.fromkeys(FIELDS)
    if document is None:
        return dict.fromkeys(FIELDS)
    return {"title": document.title, "author": document.author, "date": document.date}


def score_metadata(
    dataset_dir: Path, part: Part = "all", limit: int | None = None, source: Source = "html"
) -> Scored[PageFields]:
    dataset_dir = Path(dataset_dir)
    gold_path = dataset_dir / "gold.jsonl"
    if not gold_path.is_file():
        raise FileNotFoundError(
            f"{gold_path}: not found; expected a set such as ../shared/data/metadata/trafilatura-dev"
        )
    if source not in ("html", "capture"):
        raise CrosswireError(f"unknown source {source!r}: choose html or capture")
    pages_dir = dataset_dir.parent.parent / "extraction" / dataset_dir.name / "pages"
    with gold_path.open(encoding="utf-8") as lines:
        records = select((json.loads(line) for line in lines if line.strip()), part)[:limit]
    pages: list[PageFields] = []
    for record in records:
        html = gzip.decompress((pages_dir / f"{record['id']}.html.gz").read_bytes())
        if source == "html":
            ours = _ours(record, html, "html")
        else:
            ours = _ours(record, (dataset_dir / "captures" / f"{record['id']}.txt").read_text("utf-8"), "capture")
        theirs = _plain_trafilatura(html, record.get("url"))
        gold = {field: record.get(field) for field in FIELDS if record.get(field)}
        pages.append(PageFields(
            ours={field: field_right(field, ours[field], value) for field, value in gold.items()},
            baseline={field: field_right(field, theirs[field], value) for field, value in gold.items()},
        ))  # fmt: skip
    figures = {**_figures(pages), "dataset": dataset_dir.name, "part": part, "source": source}
    return Scored(figures, pages, _figures)
