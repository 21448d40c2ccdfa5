"""Where in an article a claim is told: its sentence, the sentences around it, and who it is attributed to.

Every kind of fact (numbers and dates in ``corroborate``, people and places
in ``people_places``) reads these the same way, so that ``origins.origin_keys``
judges the independence of each by the same rules: a copied sentence, a
copied passage around a reworded one, one speaker quoted by several outlets.
"""

from __future__ import annotations

import re

from crosswire.model import Article
from crosswire.stories.origins import attribution, normalised

#: Where a sentence ends when the annotators did not split the text: after end punctuation, or at a line break.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def sentence_bounds(article: Article, start: int, end: int) -> tuple[int, int]:
    """The offsets of the sentence holding ``start:end``: the annotators' sentence, else split by punctuation."""
    annotations = article.annotations
    if annotations is not None:
        for sentence in annotations.sentences:
            if sentence.start <= start and end <= sentence.end:
                return sentence.start, sentence.end
    text = article.text
    left = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    right_match = SENTENCE_END.search(text, end)
    return left, right_match.start() if right_match else len(text)


def raw_sentence(article: Article, start: int, end: int) -> str:
    """The sentence around a span, as printed."""
    left, right = sentence_bounds(article, start, end)
    return article.text[left:right]


def sentence_of(article: Article, start: int, end: int) -> str:
    """The sentence around a span, normalised as origins are compared (``origins.normalised``)."""
    return normalised(raw_sentence(article, start, end))


def around_of(article: Article, start: int, end: int) -> tuple[str, ...]:
    """The sentences right before and after the one around a span, normalised: an outlet that rewrote a wire
    report's sentence for a claim but carries the sentences around it is carrying that report
    (``origins.origin_keys``)."""
    annotations = article.annotations
    if annotations is None:
        return ()
    left, right = sentence_bounds(article, start, end)
    previous = max((s for s in annotations.sentences if s.end <= left), key=lambda s: s.end, default=None)
    following = min((s for s in annotations.sentences if s.start >= right), key=lambda s: s.start, default=None)
    return tuple(normalised(article.text[s.start : s.end]) for s in (previous, following) if s is not None)


def said_by_of(article: Article, start: int, end: int) -> str | None:
    """Who the sentence around a span says its claim comes from (``origins.attribution``)."""
    return attribution(raw_sentence(article, start, end))


def told_in(raw: str) -> tuple[str, str | None]:
    """A claim's sentence as printed, normalised (to tell copies), and its speaker as written, from one read."""
    return normalised(raw), attribution(raw)
