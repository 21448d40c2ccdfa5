"""Reads ``annotate`` input lines and writes result objects (contract.md)."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from crosswire.errors import LimitError
from crosswire.model import Annotations, Article
from crosswire.serialize import annotations_to_dict
from crosswire.sources.limits import check_text_length


def annotate_lines(lines: Iterable[str], origin: str) -> Iterator[dict[str, Any]]:
    """One result (or error object) per non-empty input line, in order.

    The articles stream through one pipeline, over worker processes when there are enough of them
    (``CROSSWIRE_PROCESSES``); a line that is no article waits, in its place, for the ones before it.
    """
    from crosswire.annotate import default_stages
    from crosswire.pipeline import Pipeline
    from crosswire.workers import default_processes

    waiting: deque[Article | dict[str, Any]] = deque()

    def articles() -> Iterator[Article]:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                item = _parse(line, f"{origin}:{number}")
                waiting.append(item)
                if isinstance(item, Article):
                    yield item

    # The pipeline keeps order, so each result pairs up with the first article waiting.
    for result in Pipeline(default_stages(), processes=default_processes()).pipe(articles()):
        while not isinstance(item := waiting.popleft(), Article):
            yield item
        yield {"id": result.id, **annotations_to_dict(result.annotations or Annotations())}
    # Every article has had its result: what waits still are the error objects after the last one.
    yield from (item for item in waiting if not isinstance(item, Article))


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
