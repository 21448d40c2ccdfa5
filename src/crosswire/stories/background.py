"""Sentences about another time than the story's: their figures are not the story's claims.

Reports recall earlier events in passing: "The largest quake there, in 2002,
killed three people", "Last year floods displaced 3,000 residents".  Such a
figure is true, but of another event, and set against this story's toll it
would make a false conflict.  A sentence is taken to be about another time
when it names one clearly before the article's own: a date resolved more than
``BACKGROUND_DAYS`` before the publication day, a year before the
publication year, or a phrase of ``lexicons/past_periods.json`` ("last year",
"years ago").  Without a publication date only the phrases count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosswire.annotate.dates import parse_iso_day
from crosswire.lexicon import Entry, load_lexicon
from crosswire.model import Article

#: A date this many days before the article's publication is another event's.
BACKGROUND_DAYS = 60
_PAST_PERIODS = load_lexicon("crosswire.stories", "past_periods").entries
_PAST_PERIOD = re.compile(
    r"\b(?:" + "|".join(re.escape(e.term).replace(r"\ ", r"\s+") for e in _PAST_PERIODS) + r")\b", re.IGNORECASE
)
_OPENING_YEAR = re.compile(r"\s*(?:in|during|back in)\s+(1[89]\d\d|20\d\d)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d.,])(1[89]\d\d|20\d\d)(?![\d.,]\d)")


@dataclass(frozen=True, slots=True)
class Background:
    """A sentence about a time before the article's: its span, and whether it names that time for sure
    (a past period or day, a sentence opening "In 2019") or only holds an earlier year somewhere ("bridges
    built before 1990", which may be checked today)."""

    start: int
    end: int
    certain: bool


def background_sentences(article: Article) -> list[Background]:
    """The article's sentences that are about a time before its own."""
    annotations = article.annotations
    if annotations is None:
        return []
    published = parse_iso_day(article.published)
    found = []
    for sentence in annotations.sentences:
        text = article.text[sentence.start : sentence.end]
        if _PAST_PERIOD.search(text):
            found.append(Background(sentence.start, sentence.end, certain=True))
            continue
        if published is None:
            continue
        dates = [day for d in annotations.dates
                 if sentence.start <= d.start < sentence.end and (day := parse_iso_day(d.date))]  # fmt: skip
        earlier_day = any((published - day).days > BACKGROUND_DAYS for day in dates)
        # "In 2019 a blaze ...": a year that opens the sentence dates all of it.
        opening_year = _OPENING_YEAR.match(text)
        earlier_opening = opening_year is not None and int(opening_year.group(1)) < published.year
        if earlier_day or earlier_opening:
            found.append(Background(sentence.start, sentence.end, certain=True))
        elif any(int(year) < published.year for year in _YEAR.findall(text)):
            found.append(Background(sentence.start, sentence.end, certain=False))
    return found


def check_past_period(entry: Entry) -> None:
    """The lexicon check: the example's figure (the value) lies in a background sentence."""
    from crosswire.annotate import default_stages  # the annotators are heavy; only the check needs them
    from crosswire.pipeline import Pipeline

    article = Pipeline(default_stages())(
        Article("example", "record", "lexicon", entry.example, published="2026-11-08T09:00:00")
    )
    assert article.annotations is not None
    spans = [(b.start, b.end) for b in background_sentences(article) if b.certain]
    figures = [q for q in article.annotations.quantities if q.value == entry.value]
    assert figures and all(any(s <= q.start < e for s, e in spans) for q in figures), (entry.term, spans)
