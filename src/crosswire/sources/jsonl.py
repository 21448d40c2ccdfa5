"""JSON Lines article records: ``{"id", "source", "url", "title", "published", "text"}``
with an optional ``"html"`` holding the page the text came from."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from crosswire.errors import InputError
from crosswire.model import Capture, SourceHints
from crosswire.sources.chars import storable
from crosswire.sources.files import CappedStream
from crosswire.sources.limits import ITEM_BYTES
from crosswire.sources.pages import article_id_for

#: An oversized line is skipped in pieces of this many bytes.
_SKIP_CHUNK = 1 << 20
#: ``json.loads`` raises RecursionError on arrays or objects nested about 1,000 deep.
_TOO_DEEP = "JSON nested too deeply (arrays or objects about 1,000 levels deep)"


def read_jsonl(path: Path) -> Iterator[Capture | InputError]:
    """Records of a JSONL file, read one line at a time.

    A line over ``ITEM_BYTES`` is skipped without being held whole and gets
    one error; a ``.gz`` file stops at ``FILE_BYTES`` decompressed (or at
    damaged gzip data), keeping the records before that point.
    """
    cap = ITEM_BYTES.value()
    line_number = 0
    records = 0
    with CappedStream(path) as stream:
        while True:
            start = stream.position
            try:
                line = stream.readline(cap + 1)
                if len(line) > cap and not line.endswith(b"\n"):
                    size = len(line)
                    while not line.endswith(b"\n"):
                        line = stream.readline(_SKIP_CHUNK)
                        if not line:
                            break
                        size += len(line)
                    size -= len(line) - len(line.rstrip(b"\r\n"))
                    line_number += 1
                    records += 1
                    yield ITEM_BYTES.error(f"{path}:{line_number}", "line", size, cap)
                    continue
            except InputError as error:
                yield error
                return
            if not line:
                break
            line_number += 1
            if line_number == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8) :]
            if not line.strip():
                continue
            records += 1
            origin = f"{path}:{line_number}"
            if b"\x00" in line:
                if line_number == 1:  # UTF-16/32 or not text at all: nothing in it is a record
                    raise InputError(str(path), "binary content (NUL bytes), not text")
                yield InputError(origin, "binary content (NUL bytes), not text")
                continue
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError as error:
                yield InputError(origin, f"invalid UTF-8 at byte {start + error.start}: save the file as UTF-8")
                continue
            try:
                record = json.loads(text)
            except json.JSONDecodeError as error:
                yield InputError(origin, f"malformed JSON ({error.msg} at column {error.colno})")
                continue
            except RecursionError:
                yield InputError(origin, _TOO_DEEP)
                continue
            try:
                yield record_to_capture(record, origin, default_id=f"{article_id_for(path)}#{line_number}")
            except InputError as error:
                yield error
            except RecursionError:  # a record read whole whose nested id is turned into text
                yield InputError(origin, _TOO_DEEP)
    if not records:
        raise InputError(str(path), "file is empty")


def record_to_capture(record: Any, origin: str, default_id: str) -> Capture:
    """One article record as a capture; the record's own ``id`` wins.

    A lone surrogate or NUL a JSON escape left in a string (``"\\ud800"``,
    ``"\\u0000"``) becomes U+FFFD.
    """
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
    article_id = storable(str(record_id)) if record_id not in (None, "") else default_id
    cap = ITEM_BYTES.value()
    if html and html.strip():
        page = html.encode("utf-8")
        if len(page) > cap:
            raise ITEM_BYTES.error(origin, "html", len(page), cap)
        return Capture(id=article_id, kind="html", origin=origin, content=page, hints=hints)
    text = text or ""
    # A character is at most four bytes: only a long text needs encoding to be measured.
    if len(text) * 4 > cap and (size := len(text.encode("utf-8"))) > cap:
        raise ITEM_BYTES.error(origin, "text", size, cap)
    return Capture(id=article_id, kind="record", origin=origin, content=text, hints=hints)


def _optional_str(record: dict[str, Any], key: str, origin: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(origin, f"field {key!r} must be a string, not {type(value).__name__}")
    # A "\\ud800" escape decodes to a lone surrogate, which UTF-8 cannot hold; PostgreSQL refuses a "\\u0000".
    return storable(value)
