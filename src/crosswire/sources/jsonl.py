"""JSON Lines article records: ``{"id", "source", "url", "title", "published", "text"}``
with an optional ``"html"`` holding the page the text came from."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from crosswire.errors import InputError
from crosswire.model import Capture, SourceHints
from crosswire.sources.files import decode_text, read_bytes
from crosswire.sources.pages import article_id_for


def read_jsonl(path: Path) -> Iterator[Capture | InputError]:
    text = decode_text(read_bytes(path), str(path))
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        origin = f"{path}:{line_number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(origin, f"malformed JSON ({error.msg} at column {error.colno})")
            continue
        try:
            yield record_to_capture(record, origin, default_id=f"{article_id_for(path)}#{line_number}")
        except InputError as error:
            yield error


def record_to_capture(record: Any, origin: str, default_id: str) -> Capture:
    """One article record as a capture; the record's own ``id`` wins."""
    if not isinstance(record, dict):
        raise InputError(origin, "a record must be a JSON object")
    html = _optional_str(record, "html", origin)
    text = _optional_str(record, "text", origin)
    if not (html or text or "").strip():
        raise InputError(origin, "record has neither 'text' nor 'html'")
    record_id = record.get("id")
    hints = SourceHints(
        title=_optional_str(record, "title", origin),
        author=_optional_str(record, "author", origin),
        published=_optional_str(record, "published", origin),
        publisher=_optional_str(record, "source", origin) or _optional_str(record, "publisher", origin),
        url=_optional_str(record, "url", origin),
        language=_optional_str(record, "language", origin),
    )
    article_id = str(record_id) if record_id not in (None, "") else default_id
    if html and html.strip():
        return Capture(id=article_id, kind="html", origin=origin, content=html.encode("utf-8"), hints=hints)
    return Capture(id=article_id, kind="record", origin=origin, content=text or "", hints=hints)


def _optional_str(record: dict[str, Any], key: str, origin: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(origin, f"field {key!r} must be a string, not {type(value).__name__}")
    return value
