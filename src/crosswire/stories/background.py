"""Sentences about another time than the story's: their figures are not the story's claims.

Reports recall earlier events in passing: "The largest quake there, in 2002,
killed three people", "Last year floods displaced 3,000 residents".  Such a
figure is true, but of another event, and set against this story's toll it
would make a false conflict.  A sentence is taken to be about another time
when it names one clearly before the article's own: a date resolved more than
``BACKGROUND_DAYS`` before the publication day, a year before the
publication year, a year naming an earlier occasion ("a 1999 incident") or
placing a happening in it ("fell into the pool in 1996"), a decade dating one
("in the 1930s"), a phrase of
``lexicons/past_periods.json`` ("last year", "years ago"), or an opening of
``lexicons/past_openings.json`` ("Before that, ...").  An
article without a publication date is read against the story's year
(``story_year``): the latest day any of its articles was published, or, when
none is dated, the latest year its articles write (a report names
its own year or none, and the events it recalls by theirs).  Against a year
alone, only a sentence that dates itself by an earlier year ("In December 2004
a tsunami ...", "died in 2002") is surely another time's.  A sentence that
names an earlier occasion but is dated by a day of the story's own time too
("killed four on Sunday in a valley hit by the 2019 floods") may tell this
story's figure beside it: it is only maybe another time's (kept from
conflicts, not from the story).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from crosswire.annotate.dates import FUTURE_CUE, MONTH_NAMES, parse_iso_day
from crosswire.annotate.quantities.numbers import NUMBER_WORDS
from crosswire.lexicon import Entry, load_lexicon, phrase_alternation
from crosswire.model import Article, DateMention

#: A date this many days before the article's publication is another event's.
BACKGROUND_DAYS = 60
_PAST_PERIODS = load_lexicon("crosswire.stories", "past_periods").entries
_PAST_PERIOD = re.compile(rf"\b(?:{phrase_alternation(e.term for e in _PAST_PERIODS)})\b", re.IGNORECASE)
_PAST_OPENINGS = load_lexicon("crosswire.stories", "past_openings").entries
#: How many of a period an opening may count ("*Two* years earlier", "*Some* decades earlier").
_COUNT = rf"(?:\d+|{phrase_alternation(NUMBER_WORDS)}|a|an|some|several|many)"
#: Words opening a sentence, set off by a comma, that set it all in an earlier time: "Before that, she won two
#: titles", "Two years earlier, a blast injured nine" ("Before that vote, ..." dates by something else).
_OPENS_IN_THE_PAST = re.compile(
    rf"\s*[\"“]?(?:{_COUNT}\s+)?(?:{phrase_alternation(e.term for e in _PAST_OPENINGS)})\s*,", re.IGNORECASE
)
_OPENING_YEAR = re.compile(r"\s*(?:in|during|back in)\s+(1[89]\d\d|20\d\d)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d.,])(1[89]\d\d|20\d\d)(?![\d.,]\d)")
#: A year after a preposition, perhaps with a month and day between: " December 2004", " 4 May 2002", " mid-2019".
_YEAR_AFTER = (
    r"\s+(?:(?:early|late|mid-?)\s*)?(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?(1[89]\d\d|20\d\d)\b"
)
#: A year that dates what the sentence tells: "in 2004", "since 2002", "in December 2004", "on 4 May 2002".
_DATING_YEAR = re.compile(rf"\b(?i:in|during|since|by|of|from|on){_YEAR_AFTER}")
#: A year that places what the sentence tells in it: "in 1996", "in March 2019", "during 2004".  Unlike "since 2002"
#: (a state lasting until now) or "by 2030", it dates a happening of that year.
_HAPPENED_IN_YEAR = re.compile(rf"\b(?i:in|during){_YEAR_AFTER}")


#: A month that dates what a sentence opening with it tells, without a day: "In January, cables were cut", "In
#: March 2025 a storm ..." (a day after the month is a date the annotator reads).
_OPENING_MONTH = re.compile(
    rf"\s*(?:(?:[Ii]n|[Dd]uring|[Bb]ack in|[Ee]arly in|[Ll]ate in)\s+)(?:(?:early|mid-?|late)\s*)?"
    rf"(?P<month>{'|'.join(MONTH_NAMES)})(?:,?\s+(?P<year>1[89]\d\d|20\d\d))?(?!\s*\d)\b"
)


#: Another happening of the story's kind, brought in with "a"/"an": "a similar attack", "an earlier blast"
#: (``lexicons/other_occasions.json``).
_OTHER_OCCASIONS = load_lexicon("crosswire.stories", "other_occasions").entries
_AN_OTHER_OCCASION = rf"(?:a|an)\s+(?:{phrase_alternation(e.term for e in _OTHER_OCCASIONS)})\s+[a-z]"
_OTHER_OCCASION = re.compile(rf"\b{_AN_OTHER_OCCASION}", re.IGNORECASE)
#: A sentence that opens with another happening ("In a separate incident, ...", "An earlier blast at the plant
#: injured ..."), as its subject or its setting, tells of that happening all through.
_OPENS_WITH_OTHER_OCCASION = re.compile(rf"\s*[\"“]?(?:(?:in|at|during)\s+)?{_AN_OTHER_OCCASION}", re.IGNORECASE)


#: A decade that dates what the sentence tells: "built in the 1930s", "since the early 1990s".
_DATING_DECADE = re.compile(
    r"\b(?i:in|during|since|by|from|of)\s+the\s+(?:(?:early|late|mid-?)\s*)?(1[89]\d0|20\d0)['’]?s\b"
)
#: A year naming an occasion: "a 1999 incident", "the 2003 final", "the 1961 Harriers" (that year's team), "the
#: 2011 Velmar earthquake", "in 1998, when the club ..." is another time's event, wherever it stands.
_OCCASION_YEAR = re.compile(
    r"\b(?:(?:[Aa]n?|[Tt]he)\s+(1[89]\d\d|20\d\d)\s+(?=[A-Za-z])|(1[89]\d\d|20\d\d),?\s+when\b)"
)


@dataclass(frozen=True, slots=True)
class Background:
    """A sentence about a time before the article's: its span, and whether it names that time for sure
    (a past period or day, a sentence opening "In 2019") or only holds an earlier year somewhere ("bridges
    built before 1990", which may be checked today)."""

    start: int
    end: int
    certain: bool


#: A clause of time that gives someone's age then, right before the number: "when she was just 15", "since I
#: was nine", "as a boy of 12" is not one (no verb of being).
_AGE_THEN_BEFORE = re.compile(
    r"\b(?i:when|since|until|till|before|after|as)\s+(?:(?i:he|she|they|we|you)|I|[A-Z][\w'’-]+)\s+(?i:was|were)\s+"
    r"(?i:(?:just|only|about|around|aged|barely|still)\s+)?$"
)

_RECORD_BEATING_VERBS = load_lexicon("crosswire.stories", "record_beating_verbs").entries
#: "broke the club record of ", "surpassing the yard's best of ": the record a verb of beating one beat.
_BEATEN_RECORD_BEFORE = re.compile(
    rf"\b(?:{phrase_alternation(e.term for e in _RECORD_BEATING_VERBS)})\s+(?:[\w'’-]+\s+){{0,4}}"
    r"(?:record|mark|best)\s+of\s+(?:about\s+|around\s+|some\s+)?\$?$",
    re.IGNORECASE,
)


#: A verb in the perfect ("has been running", "have performed", "had been required") and, further in its clause
#: (no quotation opening, no "will" between: "has said it will orbit for a billion years"), "for" and perhaps a
#: qualifier right before the number: how long a state has lasted.
_LASTED_FOR_BEFORE = re.compile(
    r"\b(?:has|have|had|'ve|’ve)\s+(?:(?:[a-z]+ly|not|never|always|long|already|also|just)\s+){0,2}"
    r"(?:been\s+[a-z]+(?:ing|ed|en|wn|t)|[a-z]{2,}(?:ed|en|wn|t))\b"
    r"(?:(?!\bwill\b|\bwould\b)[^.;:\"“”‘]){0,60}?"
    r"\bfor\s+(?:(?:more than|nearly|almost|about|over|some|around)\s+)?$",
    re.IGNORECASE,
)
#: Units of the quantity registry that measure spans of years ("35 years", "two decades").
_SPANS_OF_YEARS = frozenset({"year", "decade", "century"})


def figure_of_another_time(text: str, start: int, unit: str | None) -> bool:
    """Whether the amount at ``start`` (in ``unit``, as the quantity annotator names it) is, by the words before
    it, a figure of another time than the story's: an age in a clause of time ("married when she was just 15",
    "I haven't played since I was nine"), a record the story tells was beaten ("broke the club record of 31
    goals": the old record), or the years a state has lasted ("reviews scientists have performed for 35 years"):
    the history behind the story, not what happened in it (days and months may be the story's own: "hostages
    held for 40 days")."""
    age_then = _AGE_THEN_BEFORE.search(text, max(0, start - 40), start) is not None
    beaten_record = _BEATEN_RECORD_BEFORE.search(text, max(0, start - 60), start) is not None
    years_lasted = unit in _SPANS_OF_YEARS and _LASTED_FOR_BEFORE.search(text, max(0, start - 120), start) is not None
    return age_then or beaten_record or years_lasted


def story_year(articles: Sequence[Article]) -> int | None:
    """The year a story is told in: its latest publication, else the latest year its articles write."""
    published = [day.year for article in articles if (day := parse_iso_day(article.published))]
    if published:
        return max(published)
    this_year = date.today().year
    written = [int(year) for article in articles for year in _YEAR.findall(article.text) if int(year) <= this_year]
    return max(written, default=None)


#: Where a relative clause opens: ", which ...", ", where ...", "a region that was ...", "a town that had ...".
_RELATIVE_CLAUSE = re.compile(
    r",\s*(?:which|who|whose|where)\b|\s(?:that|which)\s+(?:was|were|had|has|have)\b", re.IGNORECASE
)


def background_sentences(article: Article, year_of_story: int | None = None) -> list[Background]:
    """The article's sentences that are about a time before its own (or, undated, before the story's year).

    When what dates a sentence in the past lies in a relative clause closing it ("the quake shook a valley *that
    was flattened by floods in 2009*"), the clause tells of the noun it describes, not of what the sentence
    reports before it: only the clause is background.  A clause in the middle ("the fire, which broke out in
    2019, killed three") is background with all that follows it, the main verb's figures too."""
    annotations = article.annotations
    if annotations is None:
        return []
    published = parse_iso_day(article.published)
    found = []
    for sentence in annotations.sentences:
        text = article.text[sentence.start : sentence.end]
        days = _days_in(annotations.dates, sentence.start, sentence.end)
        certain = _another_time(text, days, published, year_of_story)
        if certain is None:
            continue
        clause = _RELATIVE_CLAUSE.search(text)
        if clause is not None:
            main = text[: clause.start()]
            main_days = _days_in(annotations.dates, sentence.start, sentence.start + clause.start())
            if _another_time(main, main_days, published, year_of_story) is None:
                found.append(Background(sentence.start + clause.start(), sentence.end, certain))
                continue
        found.append(Background(sentence.start, sentence.end, certain))
    return found


def _another_time(
    text: str, days: Sequence[date], published: date | None, year_of_story: int | None
) -> bool | None:
    """Whether the words ``text`` (a sentence, or its part before a relative clause), dated by ``days``, are about
    a time before the article's: surely (True), maybe (False: an earlier year named beside the story's own day),
    or not (None)."""
    if _PAST_PERIOD.search(text) or _OPENS_IN_THE_PAST.match(text):
        return True
    if _OPENS_WITH_OTHER_OCCASION.match(text):
        return True
    if _OTHER_OCCASION.search(text):
        # Maybe another happening's figure, maybe this story's beside it ("the blast, which killed seven, came
        # after a similar attack killed 12"): kept from any conflict, not from the story.
        return False
    if published is None:
        if year_of_story is None:
            return None
        years = [int(y) for y in _DATING_YEAR.findall(text)] + _occasion_years(text)
        if any(y < year_of_story for y in years) or _earlier_decade(text, year_of_story):
            # "Struck on Tuesday ... in a region hit by the tsunami of 2004": dated by the story's own day too,
            # the sentence may tell this story's figures beside the earlier year's occasion.
            return not any(day.year >= year_of_story for day in days)
        return None
    earlier_day = any((published - day).days > BACKGROUND_DAYS for day in days)
    told_now = any(abs((published - day).days) <= BACKGROUND_DAYS for day in days)
    # "In 2019 a blaze ...": a year that opens the sentence dates all of it.
    opening_year = _OPENING_YEAR.match(text)
    earlier_opening = opening_year is not None and int(opening_year.group(1)) < published.year
    # "A 2004 tsunami", "in 1996" or "the 1990s" in a sentence dated by the story's own day ("killed five on
    # Tuesday in a region hit by the 2004 tsunami") names an earlier occasion beside this story's figures;
    # without such a day, the sentence tells of that earlier time.
    earlier_year_told = any(year < published.year for year in _occasion_years(text)) or any(
        int(year) < published.year for year in _HAPPENED_IN_YEAR.findall(text)
    )
    earlier_decade = _earlier_decade(text, published.year)
    earlier_month = _opens_with_earlier_month(text, published)
    if earlier_day or earlier_opening or earlier_month or ((earlier_year_told or earlier_decade) and not told_now):
        return True
    if earlier_year_told or earlier_decade or any(int(year) < published.year for year in _YEAR.findall(text)):
        return False
    return None


def _days_in(dates: Sequence[DateMention], start: int, end: int) -> list[date]:
    """The days the date mentions between ``start`` and ``end`` resolve to."""
    return [day for d in dates if start <= d.start < end and (day := parse_iso_day(d.date))]


def _opens_with_earlier_month(text: str, published: date) -> bool:
    """Whether the sentence opens with a month (``_OPENING_MONTH``) that ended more than ``BACKGROUND_DAYS``
    before the publication day: the last such month up to it when no year is written ("In January", told in
    December, is this year's January), unless the sentence looks ahead ("In January, the ferry will ...")."""
    opening = _OPENING_MONTH.match(text)
    if opening is None or FUTURE_CUE.search(text):
        return False
    month = MONTH_NAMES.index(opening.group("month")) + 1
    year = int(opening.group("year")) if opening.group("year") else (
        published.year if month <= published.month else published.year - 1
    )
    month_end = date(year, month, calendar.monthrange(year, month)[1])
    return (published - month_end).days > BACKGROUND_DAYS


def _occasion_years(text: str) -> list[int]:
    """The years that name an occasion in the sentence (``_OCCASION_YEAR``)."""
    return [int(named or when) for named, when in _OCCASION_YEAR.findall(text)]


def _earlier_decade(text: str, year: int) -> bool:
    """Whether the sentence dates what it tells by a decade over before ``year`` ("in the 1930s")."""
    return any(int(decade) + 9 < year for decade in _DATING_DECADE.findall(text))


def check_record_beating_verb(entry: Entry) -> None:
    """The lexicon check: the old record's figure in the example (the value) is read as another time's."""
    written = f"{entry.value:,}"
    assert written in entry.example, (entry.term, written)
    assert figure_of_another_time(entry.example, entry.example.index(written), None), (entry.term, entry.example)


def check_past_period(entry: Entry) -> None:
    """The lexicon check: the example's figure (the value) lies in a certain background sentence."""
    _check_in_background(entry, certain=True)


def check_other_occasion(entry: Entry) -> None:
    """The lexicon check: the example's figure (the value) lies in a background sentence, not a certain one."""
    _check_in_background(entry, certain=False)


def _check_in_background(entry: Entry, certain: bool) -> None:
    from crosswire.annotate import default_stages  # the annotators are heavy; only the check needs them
    from crosswire.pipeline import Pipeline

    article = Pipeline(default_stages())(
        Article("example", "record", "lexicon", entry.example, published="2026-11-08T09:00:00")
    )
    assert article.annotations is not None
    spans = [(b.start, b.end) for b in background_sentences(article) if b.certain == certain]
    figures = [q for q in article.annotations.quantities if q.value == entry.value]
    assert figures and all(any(s <= q.start < e for s, e in spans) for q in figures), (entry.term, spans)
