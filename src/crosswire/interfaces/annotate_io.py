"""Reads ``annotate`` input lines and writes result objects (contract.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from crosswire.errors import LimitError
from crosswire.model import Annotations, Article
from crosswire.serialize import annotations_to_dict
from crosswire.sources.limits import check_text_length

_BATCH = 64


def annotate_lines(lines: Iterable[str], origin: str) -> Iterator[dict[str, Any]]:
    """One result (or error object) per non-empty input line, in order."""
    batch: list[tuple[int, Article | dict[str, Any]]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        batch.append((number, _parse(line, f"{origin}:{number}")))
        if len(batch) >= _BATCH:
            yield from _annotate_batch(batch)
            batch = []
    if batch:
        yield from _annotate_batch(batch)


def _parse(line: str, where: str) -> Article | dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return {"path": where, "error": f"malformed JSON ({error.msg} at column {error.colno})"}
    if not isinstance(record, dict):
        return {"path": where, "error": "a line must be a JSON object"}
    text = record.get("text")
    if not isinstance(text, str):
        return {"path": where, "id": record.get("id"), "error": "field 'text' must be a string"}
    published = record.get("published")
    if published is not None and not isinstance(published, str):
        return {"path": where, "id": record.get("id"), "error": "field 'published' must be a string or null"}
    article_id = str(record.get("id") if record.get("id") is not None else where)
    try:
        check_text_length(where, text)  # over the limit, spaCy would fail the whole batch
    except LimitError as error:
        return {"path": where, "id": record.get("id"), "error": error.problem}
    return Article(id=article_id, kind="record", origin=where, text=text, published=published)


def _annotate_batch(batch: list[tuple[int, Article | dict[str, Any]]]) -> Iterator[dict[str, Any]]:
    from crosswire.annotate import default_stages
    from crosswire.pipeline import Pipeline

    articles = [item for _, item in batch if isinstance(item, Article)]
    # The pipeline keeps order, so results pair up with the articles given.
    annotated = iter(Pipeline(_stages(default_stages)).pipe(articles)) if articles else iter(())
    for _, item in batch:
        if isinstance(item, dict):
            yield item
            continue
        result = next(annotated)
        annotations = result.annotations or Annotations()
        yield {"id": result.id, **annotations_to_dict(annotations)}


_cached_stages: list[Any] = []


def _stages(factory: Any) -> list[Any]:
    # Loading spaCy takes a second; build the stages once per process.
    if not _cached_stages:
        _cached_stages.extend(factory())
    return _cached_stages
