"""Articles whose text came ready-made (JSONL records, feed items)."""

from __future__ import annotations

import re

from crosswire.errors import InputError
from crosswire.extract.body import join_paragraphs
from crosswire.extract.dates import to_iso_date
from crosswire.model import Article, Capture

_INLINE_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")


def tidy_whitespace(text: str) -> str:
    """One space between words, one blank line between paragraphs."""
    lines = (_INLINE_SPACE.sub(" ", line).strip() for line in text.splitlines())
    return join_paragraphs(lines)


def extract_record(capture: Capture) -> Article:
    raw = capture.content
    text = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
    body = tidy_whitespace(text)
    if not body:
        raise InputError(capture.origin, "no article text found")
    hints = capture.hints
    return Article(
        id=capture.id,
        kind="record",
        origin=capture.origin,
        text=body,
        title=hints.title,
        author=hints.author,
        # A hint that is already ISO is kept as given (it may carry a time).
        published=hints.published if hints.published and to_iso_date(hints.published) else None,
        publisher=hints.publisher,
        url=hints.url,
        language=hints.language,
    )
