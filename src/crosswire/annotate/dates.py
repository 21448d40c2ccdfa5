"""Date mentions, resolved against the article's publication date.

Detection is our own regex scanner (dateparser's ``search_dates`` is slow
and finds dates in ordinary words); resolution is plain calendar arithmetic.

Rules, kept simple so that a reader can predict them:

* absolute dates ("November 12, 2026", "12 Nov 2026", "2026-11-12") are
  taken as written;
* a day and month without a year ("May 16") get the year that puts them
  closest to publication, counting days ahead twice (news mostly reports
  the past): "December 30" in a January article is last year's, "January 3"
  in a late-December article next year's;
* a weekday ("on Tuesday") is the most recent such day on or before
  publication, because news reports what happened; it is the next one on or
  after publication when the phrase says "next" or the sentence speaks of
  the future ("will", "is expected to", "plans to", "planned for", "set for",
  "scheduled", "to be held");
* "yesterday", "today", "tomorrow" are one day either side of publication;
* spans that do not name a day ("last week", "this month", "November 2026")
  and anything relative without a publication date get ``date: None``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta

from crosswire.lexicon import Entry, mapping
from crosswire.model import Annotations, Article, DateMention

#: Month name or short form (lower case) -> the month's number (``lexicons/months.json``).
MONTHS: dict[str, int] = {term: int(number) for term, number in mapping("crosswire.annotate", "months").items()}
#: The full English month names (the longest form of each month), January first.
MONTH_NAMES = tuple(
    max((name for name, number in MONTHS.items() if number == month), key=len).capitalize() for month in range(1, 13)
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# "May" and "March" are also a verb and a noun: only capitalised forms count.  Longer forms come first so that
# "Sept" is not cut to "Sep".
_MONTH = "(?P<month>" + "|".join(name.capitalize() for name in sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"\b{_MONTH}\s{_DAY}\b(?:,?\s{_YEAR}\b)?"),
    re.compile(rf"\b{_DAY}\s(?:of\s)?{_MONTH}(?:,?\s{_YEAR}\b)?"),
    re.compile(rf"\b{_MONTH}\s(?:of\s)?{_YEAR}\b"),
)
_WEEKDAY = re.compile(
    r"\b(?:(?P<modifier>last|this|next|on|this\spast|this\scoming)\s)?"
    r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b",
    re.IGNORECASE,
)
_RELATIVE_DAY = re.compile(r"\b(?P<word>yesterday|today|tomorrow|tonight)\b", re.IGNORECASE)
_VAGUE_PERIOD = re.compile(
    r"\b(?:(?:earlier|later)\s)?(?:last|this|next|past|coming)\s(?:week|month|year|weekend|summer|winter|spring|autumn|fall)\b",
    re.IGNORECASE,
)
_FUTURE_CUE = re.compile(
    r"\b(?:will|won't|shall|is\sexpected\sto|are\sexpected\sto|plans?\sto|planned\sfor|scheduled|is\sdue|are\sdue|"
    r"upcoming|set\s(?:to|for)|to\sbe\sheld|is\sto|are\sto|would\sbegin|begins|starts|opens)\b",
    re.IGNORECASE,
)

_QUOTATION = re.compile(r'"[^"]*"|“[^”]*”')
#: A past-tense report of what was said or done, which fixes the time of the clause that follows.
_PAST_REPORT = re.compile(r"\b(?:said|told|announced|added|reported|confirmed|was|were|had)\b", re.IGNORECASE)


class DateStage:
    """Fills ``Annotations.dates`` from the text and the publication date."""

    name = "dates"
    requires = frozenset({"text", "published"})
    assigns = frozenset({"dates"})

    def __call__(self, article: Article) -> Article:
        annotations = article.annotations or Annotations()
        found = tuple(find_dates(article.text, article.published))
        return dataclasses.replace(article, annotations=dataclasses.replace(annotations, dates=found))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            yield self(article)


def find_dates(text: str, published: str | None) -> list[DateMention]:
    """Every date expression in ``text`` with its ISO day, or None when it names no day."""
    reference = parse_iso_day(published)
    found: list[DateMention] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            found.append(_mention(text, match, _absolute_date(match, reference)))
    for match in _WEEKDAY.finditer(text):
        if match.group("weekday")[0].isupper():
            found.append(_mention(text, match, _weekday_date(text, match, reference)))
    for match in _RELATIVE_DAY.finditer(text):
        found.append(_mention(text, match, _relative_day(match.group("word"), reference)))
    for match in _VAGUE_PERIOD.finditer(text):
        found.append(_mention(text, match, None))
    return _without_overlaps(found)


def check_month_example(entry: Entry) -> None:
    """The lexicon check: the example's date is found and falls in the entry's month."""
    months = [int(m.date[5:7]) for m in find_dates(entry.example, "2026-06-15") if m.date]
    assert entry.value in months, (entry.term, months)


def parse_iso_day(value: str | None) -> date | None:
    """The day of an ISO date or timestamp, None when absent or unreadable."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _mention(text: str, match: re.Match[str], day: date | None) -> DateMention:
    return DateMention(text=text[match.start() : match.end()], start=match.start(), end=match.end(),
                       date=day.isoformat() if day else None)  # fmt: skip


def _absolute_date(match: re.Match[str], reference: date | None) -> date | None:
    groups = match.groupdict()
    month_text = groups["month"]
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower()]
    if groups.get("day") is None:
        return None  # "November 2026" names a month, not a day
    day = int(groups["day"])
    if groups.get("year"):
        return _safe_date(int(groups["year"]), month, day)
    if reference is None:
        return None
    candidates = [_safe_date(reference.year + shift, month, day) for shift in (-1, 0, 1)]
    valid = [candidate for candidate in candidates if candidate is not None]
    return min(valid, key=lambda candidate: _distance(candidate, reference)) if valid else None


def _distance(candidate: date, reference: date) -> int:
    days = (candidate - reference).days
    return 2 * days if days > 0 else -days


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _weekday_date(text: str, match: re.Match[str], reference: date | None) -> date | None:
    if reference is None:
        return None
    target = WEEKDAYS.index(match.group("weekday").lower())
    modifier = (match.group("modifier") or "").lower()
    sentence_start = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
    future = modifier in ("next", "this coming") or (
        modifier not in ("last", "this past") and _speaks_of_the_future(text[sentence_start : match.start()])
    )
    if future:
        return reference + timedelta(days=(target - reference.weekday()) % 7)
    back = (reference.weekday() - target) % 7
    if modifier == "last" and back == 0:
        back = 7
    return reference - timedelta(days=back)


def _speaks_of_the_future(before: str) -> bool:
    """Whether the narration before a weekday looks ahead.

    Words inside a quotation are the speaker's, not the narration's: in
    '"We will rebuild," the mayor said on Tuesday' Tuesday is past.  When
    the weekday itself is quoted ('"We will meet on Friday'), the speaker's
    words are the ones that count.  A past-tense report after the last
    future cue wins the same way ("will", then "said ... on Tuesday").
    """
    if before.count('"') % 2 == 1:
        narration = before[before.rfind('"') + 1 :]
    elif before.rfind("“") > before.rfind("”"):
        narration = before[before.rfind("“") + 1 :]
    else:
        narration = _QUOTATION.sub(" ", before)
    cues = list(_FUTURE_CUE.finditer(narration))
    return bool(cues) and _PAST_REPORT.search(narration, cues[-1].end()) is None


def _relative_day(word: str, reference: date | None) -> date | None:
    if reference is None:
        return None
    shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word.lower()]
    return reference + timedelta(days=shift)


def _without_overlaps(mentions: list[DateMention]) -> list[DateMention]:
    kept: list[DateMention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept
