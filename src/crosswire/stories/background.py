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
from datetime import date

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


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def background_sentences(article: Article, by_year: bool = True) -> list[tuple[int, int]]:
    """The spans of the article's sentences that are about a time before its own.

    A year alone is weaker evidence ("bridges built before 1990" may be checked today): with
    ``by_year=False`` only a past-period phrase or a full date counts.
    """
    annotations = article.annotations
    if annotations is None:
        return []
    published = _day(article.published)
    spans = []
    for sentence in annotations.sentences:
        text = article.text[sentence.start : sentence.end]
        if _PAST_PERIOD.search(text):
            spans.append((sentence.start, sentence.end))
            continue
        if published is None:
            continue
        years = [int(year) for year in _YEAR.findall(text)]
        dates = [day for d in annotations.dates if sentence.start <= d.start < sentence.end and (day := _day(d.date))]
        earlier_day = any((published - day).days > BACKGROUND_DAYS for day in dates)
        # "In 2019 a blaze ...": a year that opens the sentence dates all of it, however strict the reading.
        opening_year = _OPENING_YEAR.match(text)
        earlier_year = opening_year is not None and int(opening_year.group(1)) < published.year
        if earlier_day or earlier_year or (by_year and any(year < published.year for year in years)):
            spans.append((sentence.start, sentence.end))
    return spans


def check_past_period(entry: Entry) -> None:
    """The lexicon check: the example's figure (the value) lies in a background sentence."""
    from crosswire.annotate import default_stages  # the annotators are heavy; only the check needs them
    from crosswire.pipeline import Pipeline

    article = Pipeline(default_stages())(
        Article("example", "record", "lexicon", entry.example, published="2026-11-08T09:00:00")
    )
    assert article.annotations is not None
    spans = background_sentences(article)
    figures = [q for q in article.annotations.quantities if q.value == entry.value]
    assert figures and all(any(s <= q.start < e for s, e in spans) for q in figures), (entry.term, spans)
