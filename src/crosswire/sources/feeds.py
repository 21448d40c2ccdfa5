"""RSS and Atom feeds: one capture per item that carries its content.

Items whose feed gives only a title or a one-line summary are skipped: there
is no article to read, and fetching the linked page is ``crosswire fetch``'s
job, not a file reader's.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import lxml.html

from crosswire.errors import InputError
from crosswire.model import Capture, SourceHints
from crosswire.sources.files import read_bytes
from crosswire.sources.limits import FILE_BYTES

#: A feed summary shorter than this is a teaser, not the article.
_MIN_CONTENT_CHARS = 200
_BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "br", "tr"}


def read_feed(path: Path) -> Iterator[Capture | InputError]:
    publisher, entries = parse_feed(read_bytes(path, FILE_BYTES), str(path))
    for index, entry in enumerate(entries, start=1):
        capture = entry_to_capture(entry, f"{path}#item{index}", publisher)
        if capture is not None:
            yield capture


def parse_feed(data: bytes, origin: str) -> tuple[str | None, list[Any]]:
    """The feed's title (the publisher) and its items; InputError when it has none."""
    try:
        parsed = feedparser.parse(data)
    except (ValueError, OverflowError, RecursionError) as error:
        # feedparser's own character-reference decoding raises on out-of-range references ("&#x110000;")
        raise InputError(origin, f"unreadable feed ({error})") from error
    if not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f": {reason}" if reason else ""
        raise InputError(origin, f"not an RSS or Atom feed, or a feed with no items{detail}")
    return parsed.feed.get("title"), list(parsed.entries)


def entry_to_capture(entry: Any, origin: str, publisher: str | None) -> Capture | None:
    html = _entry_html(entry)
    text = html_fragment_to_text(html) if html else ""
    if len(text) < _MIN_CONTENT_CHARS:
        return None
    link = entry.get("link")
    item_id = link or entry.get("id")
    if not item_id:
        return None
    hints = SourceHints(
        title=entry.get("title"),
        author=entry.get("author"),
        published=_iso_time(entry.get("published_parsed") or entry.get("updated_parsed")),
        publisher=publisher,
        url=link,
    )
    return Capture(id=str(item_id), kind="record", origin=origin, content=text, hints=hints)


def _entry_html(entry: Any) -> str:
    contents = entry.get("content") or []
    if contents:
        return "\n".join(str(part.get("value", "")) for part in contents)
    return str(entry.get("summary") or "")


def html_fragment_to_text(html: str) -> str:
    """Paragraph text of an HTML fragment, one block per paragraph."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return html.strip()
    for element in root.iter():
        if element.tag in _BLOCK_TAGS:
            element.tail = "\n\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n\n"))
    return "\n\n".join(line for line in lines if line)


def _iso_time(value: time.struct_time | None) -> str | None:
    if value is None:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%S", value)
