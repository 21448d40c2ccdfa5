"""RSS and Atom feeds: one capture per item that carries its content.

Items whose feed gives only a title or a one-line summary are skipped: there
is no article to read, and fetching the linked page is ``crosswire fetch``'s
job, not a file reader's.
"""

from __future__ import annotations

import email.utils
import re
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import feedparser
import lxml.html

from crosswire.errors import InputError
from crosswire.model import Capture, SourceHints
from crosswire.sources.chars import xml_safe
from crosswire.sources.files import read_bytes
from crosswire.sources.limits import FILE_BYTES

#: A feed summary shorter than this is a teaser, not the article.
_MIN_CONTENT_CHARS = 200
_BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "br", "tr"}
#: A numeric character reference, as an ASCII-compatible encoding writes it.
_CHARREF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")


def read_feed(path: Path) -> Iterator[Capture | InputError]:
    publisher, entries = parse_feed(read_bytes(path, FILE_BYTES), str(path))
    for index, entry in enumerate(entries, start=1):
        capture = entry_to_capture(entry, f"{path}#item{index}", publisher)
        if capture is not None:
            yield capture


def parse_feed(data: bytes, origin: str) -> tuple[str | None, list[Any]]:
    """The feed's title (the publisher) and its items; InputError when it has none."""
    try:
        parsed = feedparser.parse(_CHARREF.sub(_valid_charref, data))
    except (ValueError, OverflowError, RecursionError) as error:
        # feedparser's own character-reference decoding raises on out-of-range references
        # ("&#x110000;") it is still given, in an encoding _CHARREF does not read (UTF-16)
        raise InputError(origin, f"unreadable feed ({error})") from error
    if not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f": {reason}" if reason else ""
        raise InputError(origin, f"not an RSS or Atom feed, or a feed with no items{detail}")
    return _clean(parsed.feed.get("title")), list(parsed.entries)


def _valid_charref(match: re.Match[bytes]) -> bytes:
    """A reference to a surrogate or past U+10FFFF (which feedparser cannot decode, or
    decodes to a surrogate UTF-8 cannot hold) becomes one to U+FFFD, as in HTML."""
    hex_digits, decimal = match.group(1), match.group(2)
    digits = (hex_digits or decimal).lstrip(b"0")
    value = int(digits or b"0", 16 if hex_digits else 10) if len(digits) <= 8 else 0x110000
    return b"&#xFFFD;" if 0xD800 <= value <= 0xDFFF or value > 0x10FFFF else match.group(0)


def entry_to_capture(entry: Any, origin: str, publisher: str | None) -> Capture | None:
    html = _entry_html(entry)
    text = html_fragment_to_text(html) if html else ""
    if len(text) < _MIN_CONTENT_CHARS:
        return None
    link = _clean(entry.get("link"))
    item_id = link or _clean(entry.get("id"))
    if not item_id:
        return None
    hints = SourceHints(
        title=_clean(entry.get("title")),
        author=_clean(entry.get("author")),
        published=_published(entry),
        publisher=publisher,
        url=link,
    )
    return Capture(id=item_id, kind="record", origin=origin, content=text, hints=hints)


def _clean(value: object) -> str | None:
    """A feed field as text without characters XML cannot hold (feedparser passes on
    what "&#1;" or "&#xFFFF;" decode to)."""
    return None if value is None else xml_safe(str(value))


def _entry_html(entry: Any) -> str:
    contents = entry.get("content") or []
    if contents:
        return "\n".join(str(part.get("value", "")) for part in contents)
    return str(entry.get("summary") or "")


def html_fragment_to_text(html: str) -> str:
    """Paragraph text of an HTML fragment, one block per paragraph.

    Characters XML cannot hold (controls, U+FFFF, lone surrogates), which lxml
    refuses in a tree's text, are replaced first (:func:`xml_safe`).
    """
    html = xml_safe(html)
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return html.strip()
    for element in root.iter():
        if element.tag in _BLOCK_TAGS:
            element.tail = "\n\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n\n"))
    return "\n\n".join(line for line in lines if line)


def _published(entry: Any) -> str | None:
    """The item's date as ISO 8601 with the zone it was written in ("Tue, 03 Nov 2026 21:10:00 -0500"
    stays 21:10 on the 3rd, five hours behind UTC): feedparser's own parse is turned into UTC and
    loses the zone, which moves a late-evening item onto the next day for its readers."""
    written = _clean(entry.get("published") or entry.get("updated"))
    if written:
        try:
            return email.utils.parsedate_to_datetime(written).isoformat()  # RSS: RFC 822
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(written).isoformat()  # Atom: RFC 3339 (a trailing Z reads as UTC)
        except ValueError:
            pass
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    return None if parsed is None else time.strftime("%Y-%m-%dT%H:%M:%S+00:00", parsed)
