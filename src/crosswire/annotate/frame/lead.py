"""The headline and lead of an article: where the frame looks for the main event.

The text may open with the headline (records often carry "title, blank
line, body"); the body starts after it.  The lead is the first
``LEAD_SENTENCES`` sentences of the body; the opening, its first
``OPENING_SENTENCES`` (the first paragraphs), is where *where* looks when the
lead names no place.  The lead's sentences of at least
``MIN_WORDS`` words, without a dateline ("OSLO (Reuters) -"), are parsed, and
the first that has a main clause gives who and what when the headline has no
clause: a page's promo line ("Sign up for our newsletter!") or a caption
without a verb before the lead is passed over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosswire.model import Article, Sentence

LEAD_SENTENCES = 3
OPENING_SENTENCES = 8
MIN_WORDS = 6
MAX_HEADLINE_CHARS = 300
#: Without sentences, the lead is this many characters of the body.
_FALLBACK_LEAD_CHARS = 400
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{1,40}(?:\([^)]{1,40}\))?\s*[-–—]+\s*")


@dataclass(frozen=True, slots=True)
class Lead:
    headline: str | None
    #: The text after the headline (all of it when the text does not open with the headline).
    body: str
    body_start: int
    #: Where the lead ends in the text.
    end: int
    #: Where the opening (the first ``OPENING_SENTENCES`` sentences of the body) ends in the text.
    opening_end: int
    #: The lead's sentences worth parsing, in reading order.
    sentences: tuple[str, ...]
    #: Where each of ``sentences`` starts in the text, so that what a parse finds can be placed in it.
    sentence_starts: tuple[int, ...] = ()


def read_lead(article: Article) -> Lead:
    text = article.text
    title = (article.title or "").strip() or None
    body_start = _body_start(text, title)
    # A summary or a whole paragraph in the title field is no headline to parse.
    headline = title if title is not None and len(title) <= MAX_HEADLINE_CHARS else None
    sentences = [s for s in (article.annotations.sentences if article.annotations else ()) if s.end > body_start]
    lead = sentences[:LEAD_SENTENCES]
    end = lead[-1].end if lead else min(len(text), body_start + _FALLBACK_LEAD_CHARS)
    opening = sentences[:OPENING_SENTENCES]
    opening_end = max(end, opening[-1].end) if opening else end
    kept = _lead_sentences(text, body_start, lead)
    return Lead(headline=headline, body=text[body_start:], body_start=body_start, end=end, opening_end=opening_end,
                sentences=tuple(sentence for _, sentence in kept),
                sentence_starts=tuple(start for start, _ in kept))  # fmt: skip


def _body_start(text: str, headline: str | None) -> int:
    if not headline:
        return 0
    opening = text.lstrip()
    if not opening.startswith(headline):
        return 0
    start = len(text) - len(opening) + len(headline)
    return len(text) - len(text[start:].lstrip())


def _lead_sentences(text: str, body_start: int, sentences: list[Sentence]) -> list[tuple[int, str]]:
    """The sentences worth parsing, each with where it starts in the text (after its dateline)."""
    kept: list[tuple[int, str]] = []
    for sentence in sentences:
        start = max(sentence.start, body_start)
        raw = text[start : sentence.end]
        start += len(raw) - len(raw.lstrip())
        dateline = _DATELINE.match(raw.strip())
        candidate = raw.strip()[dateline.end() :] if dateline else raw.strip()
        if len(candidate.split()) >= MIN_WORDS:
            kept.append((start + (dateline.end() if dateline else 0), candidate))
    return kept
