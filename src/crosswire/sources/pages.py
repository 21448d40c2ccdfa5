"""Single-page inputs: saved HTML pages and plain-text page captures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from crosswire.errors import InputError
from crosswire.model import Capture
from crosswire.sources.files import decode_text, read_bytes


def article_id_for(path: Path) -> str:
    """A file's article id is its base name (contract.md), without ``.gz``."""
    name = path.name
    return name[: -len(".gz")] if name.lower().endswith(".gz") else name


def read_html(path: Path) -> Iterator[Capture | InputError]:
    data = read_bytes(path)
    if b"\x00" in data[:4096]:
        raise InputError(str(path), "binary content (NUL bytes), not an HTML page")
    yield Capture(id=article_id_for(path), kind="html", origin=str(path), content=data)


def read_capture(path: Path) -> Iterator[Capture | InputError]:
    text = decode_text(read_bytes(path), str(path))
    yield Capture(id=article_id_for(path), kind="capture", origin=str(path), content=text)
