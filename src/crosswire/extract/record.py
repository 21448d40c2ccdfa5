"""Articles whose text came ready-made (JSONL records, feed items, Parquet rows).

Such text is often a page's text copied whole, with its furniture: picture
captions and credits, "Advertisement" and "Read more" lines, gallery
counters ("3/8 The harbour at dawn").  Those lines go through the same
line rules as captures and pages (``body.is_chrome``) and are taken out of
the text, so that no figure of theirs becomes a fact; they stay in the
article's annotations (``Annotations.furniture``) for the article page.
Only whole lines are judged, and a long line only by the rules that hold
for prose-length lines, so a sentence that mentions an advertisement stays.
"""

from __future__ import annotations

import re

from crosswire.errors import InputError
from crosswire.extract.body import is_chrome, join_paragraphs, opens_as_caption
from crosswire.extract.dates import to_iso_date
from crosswire.lexicon import Entry
from crosswire.model import Annotations, Article, Capture
from crosswire.sources.limits import check_text_chars, text_chars

_INLINE_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
#: A gallery's picture counter opening a line: "3/8 The harbour at dawn", "Photo 2 of 12".
_GALLERY_COUNTER = re.compile(r"^(?:\d{1,2}\s?/\s?\d{1,2}|(?:photo|image|picture|slide)\s\d{1,2}\sof\s\d{1,2})\b", re.I)
#: A line longer than this, or a full sentence of at least ``PROSE_WORDS`` words, is prose whatever word it
#: contains ("Shown in the advertisement are ..."); captions and promotions are short or end without a stop.
FURNITURE_MAX_CHARS = 160
PROSE_WORDS = 10
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?$")


def is_furniture(line: str) -> bool:
    """A line of supplied text that is page furniture, not the article's prose."""
    if _GALLERY_COUNTER.match(line) or opens_as_caption(line):
        return True
    prose = len(line.split()) >= PROSE_WORDS and _SENTENCE_END.search(line) is not None
    return len(line) <= FURNITURE_MAX_CHARS and not prose and is_chrome(line)


def without_furniture(text: str) -> tuple[list[str], list[str]]:
    """The text's lines (whitespace tidied), split into prose kept and furniture taken out."""
    kept: list[str] = []
    furniture: list[str] = []
    for raw_line in text.splitlines():
        line = _INLINE_SPACE.sub(" ", raw_line).strip()
        if line:
            (furniture if is_furniture(line) else kept).append(line)
    return kept, furniture


def tidy_whitespace(text: str) -> str:
    """One space between words, one blank line between paragraphs."""
    lines = (_INLINE_SPACE.sub(" ", line).strip() for line in text.splitlines())
    return join_paragraphs(lines)


def extract_record(capture: Capture) -> Article:
    raw = capture.content
    text = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
    check_text_chars(capture.origin, text_chars(text))  # before any work on an oversized text
    kept, furniture = without_furniture(text)
    body = join_paragraphs(kept) or tidy_whitespace(text)  # all furniture: keep the text rather than nothing
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
        annotations=Annotations(furniture=tuple(furniture)) if furniture and kept else None,
    )


def check_caption_opener(entry: Entry) -> None:
    """The lexicon check: the example line is furniture, and what follows its label alone would be kept."""
    assert is_furniture(entry.example), entry.term
    assert not is_furniture(entry.example[len(entry.term) :].strip()), entry.term
