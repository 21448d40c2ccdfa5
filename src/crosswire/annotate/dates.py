"""Date mentions, resolved against the article's publication date.

Detection is our own regex scanner (dateparser's ``search_dates`` is slow
and finds dates in ordinary words); resolution is plain calendar arithmetic.

Rules, kept simple so that a reader can predict them:

* absolute dates ("November 12, 2026", "12 Nov 2026", "2026-11-12") are
  taken as written;
* a day and month without a year ("May 16") get the year that puts them
  closest to publication, counting days ahead twice (news mostly reports
  the past): "December 30" in a January article is last year's, "January 3"
  in a late-December article next year's; so does a holiday on a fixed day
  ("on Christmas Day");
* a range written with the month once ("Feb 7-14", "between Feb 8 and 25")
  gives both days, the second in the first's month and year;
* a weekday ("on Tuesday") is the most recent such day on or before
  publication, because news reports what happened; it is the next one on or
  after publication when the sentence speaks of
  the future ("will", "would", "is expected to", "plans to", "set for",
  "scheduled", "to be held") with no past report ("said", "was") after that,
  unless the verb the weekday hangs on is itself past ("a deal signed on
  Friday"), or when nothing before it tells the time and a future follows it
  in a sentence with no past tense at all ("On Friday the council will
  vote"), or when its possessive names the event as planned ("Friday's
  planned vote"); a future told in the past ("was expected to reopen on
  Friday", "Friday's planned vote was put off") takes the nearer such day,
  before or after publication; "next Tuesday" is the next one strictly after
  publication, "last Tuesday" the last one strictly before; a name holding a
  weekday ("Good Friday", "Patch Tuesday") dates nothing, and a weekday
  written with its date ("Saturday, September 14, 2013") is that date;
* "yesterday", "today", "tomorrow" are one day either side of publication,
  except "today" meaning these days ("the largest rocket in use today"),
  which dates nothing;
* an undated text is read against the date line of its opening (a dated
  line under its headline, ``opening_date``);
* spans that do not name a day ("last week", "this month", "November 2026")
  and anything relative without a publication date get ``date: None``.

The words are data in ``lexicons/`` (months, weekdays, weekday_modifiers,
relative_days, date_periods, date_period_modifiers, future_cues,
planned_attributes, past_reports, holidays, named_days,
present_day_phrases), each entry with an example sentence, the day it is
published and what it resolves to
(``check_date_example``); the patterns below are built from them once, at
import.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta

from crosswire.annotate.quantities import grammar
from crosswire.annotate.verb_forms import is_past_form
from crosswire.lexicon import Entry, LexiconError, load_lexicon, mapping, phrase_alternation, terms
from crosswire.model import Annotations, Article, DateMention
from crosswire.workers import batched

#: Month name or short form (lower case) -> the month's number (``lexicons/months.json``).
MONTHS: dict[str, int] = {term: int(number) for term, number in mapping("crosswire.annotate", "months").items()}
#: The full English month names (the longest form of each month), January first.
MONTH_NAMES = tuple(
    max((name for name, number in MONTHS.items() if number == month), key=len).capitalize() for month in range(1, 13)
)
_PACKAGE = "crosswire.annotate"


def _entries(name: str) -> tuple[Entry, ...]:
    return load_lexicon(_PACKAGE, name).entries


def _alternatives(entries: Iterable[Entry]) -> str:
    """The terms as regex alternatives (``lexicon.phrase_alternation``: longest first, a space inside a term
    matching any run of whitespace)."""
    return phrase_alternation(entry.term for entry in entries)


def _names_as_written(names: Iterable[str]) -> str:
    """Names matched as written, capitalised (no IGNORECASE): a regex alternation, longest first, an apostrophe
    in either form ("New Year's Eve", "New Year’s Eve")."""
    return "|".join(re.escape(name).replace("'", "['’]") for name in sorted(names, key=len, reverse=True))


#: Weekday names (lower case), Monday first (``lexicons/weekdays.json``).
WEEKDAYS = tuple(entry.term for entry in sorted(_entries("weekdays"), key=lambda entry: int(entry.value["weekday"])))
#: How a modifier places a weekday (``lexicons/weekday_modifiers.json``).
_BEFORE, _ON_OR_BEFORE, _AFTER, _ON_OR_AFTER = "before", "on or before", "after", "on or after"
_BY_SENTENCE = "as the sentence says"
_EVERY = "every such day"
_WEEKDAY_READING: dict[str, str] = {entry.term: entry.value["reading"] for entry in _entries("weekday_modifiers")}
if not set(_WEEKDAY_READING.values()) <= {_BEFORE, _ON_OR_BEFORE, _AFTER, _ON_OR_AFTER, _BY_SENTENCE, _EVERY}:
    raise LexiconError(f"weekday_modifiers: unknown reading in {sorted(set(_WEEKDAY_READING.values()))}")
#: yesterday/today/tonight/tomorrow -> days from publication (``lexicons/relative_days.json``).
_DAY_SHIFT: dict[str, int] = {entry.term: int(entry.value["shift"]) for entry in _entries("relative_days")}
_PERIOD_MODIFIERS = _entries("date_period_modifiers")

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
    rf"\b(?:(?P<modifier>{_alternatives(_entries('weekday_modifiers'))})\s)?"
    r"(?P<weekday>" + "|".join(day.capitalize() for day in WEEKDAYS) + r")s?\b",
    re.IGNORECASE,
)
#: Holidays on a fixed day (``lexicons/holidays.json``): name as written -> (month, day).
_HOLIDAY_DAYS: dict[str, tuple[int, int]] = {
    entry.term: (int(entry.value["month"]), int(entry.value["day"])) for entry in _entries("holidays")
}
_HOLIDAY = re.compile(rf"\b(?P<holiday>{_names_as_written(_HOLIDAY_DAYS)})(?![\w'’])")
#: What stands between a weekday and the date it names ("Saturday, September 14, 2013", "Sat 14 Sep").
_BEFORE_DATE = re.compile(r",?\s+")
#: Names holding a weekday that date nothing ("Good Friday", "Patch Tuesday"; ``lexicons/named_days.json``).
_NAMED_DAY = re.compile(rf"\b(?:{_names_as_written(entry.term for entry in _entries('named_days'))})\b")
_RELATIVE_DAY = re.compile(rf"\b(?P<word>{_alternatives(_entries('relative_days'))})\b", re.IGNORECASE)
#: Phrases in which "today" means these days ("the most powerful rocket in use today";
#: ``lexicons/present_day_phrases.json``): the relative day inside them dates nothing.
_PRESENT_DAY = re.compile(rf"\b(?:{phrase_alternation(terms('crosswire.annotate', 'present_day_phrases'))})\b",
                          re.IGNORECASE)
_VAGUE_PERIOD = re.compile(
    rf"\b(?:(?:{_alternatives(e for e in _PERIOD_MODIFIERS if e.value.get('before_modifier'))})\s)?"
    rf"(?:{_alternatives(e for e in _PERIOD_MODIFIERS if not e.value.get('before_modifier'))})"
    rf"\s(?:{_alternatives(_entries('date_periods'))})\b",
    re.IGNORECASE,
)
#: Words by which narration looks ahead (``lexicons/future_cues.json``): "will", "is expected to", "scheduled".
FUTURE_CUE = re.compile(rf"\b(?:{_alternatives(_entries('future_cues'))})\b", re.IGNORECASE)

#: A weekday's possessive and a word presenting what it dates as still to come ("Friday's planned vote", "Sunday
#: evening's scheduled kick-off"; ``lexicons/planned_attributes.json``, times of day from ``times_of_day.json``).
_PLANNED_AFTER = re.compile(
    rf"(?:\s+(?:{_alternatives(_entries('times_of_day'))}))?['’]s\s+(?:{_alternatives(_entries('planned_attributes'))})\b",
    re.IGNORECASE,
)
_QUOTATION = re.compile(r'"[^"]*"|“[^”]*”')
#: A past-tense report of what was said or done, which fixes the time of the clause that follows.
_PAST_REPORT = re.compile(rf"\b(?:{_alternatives(_entries('past_reports'))})\b", re.IGNORECASE)


class DateStage:
    """Fills ``Annotations.dates`` from the text and the publication date."""

    name = "dates"
    requires = frozenset({"text", "published"})
    assigns = frozenset({"dates"})

    def __call__(self, article: Article) -> Article:
        return next(iter(self.pipe([article])))

    def pipe(self, articles: Iterable[Article], batch_size: int = 64) -> Iterator[Article]:
        """Find each article's dates, then read what each is the date of from the parse of its
        sentence (``grammar.read_dated``), a batch of articles at a time."""
        for batch in batched(articles, batch_size):
            yield from _with_dates(batch)


def _with_dates(articles: list[Article]) -> Iterator[Article]:
    if not articles:
        return
    found = [
        (
            article.text,
            find_dates(article.text, article.published or opening_date(article.text)),
            article.annotations.sentences if article.annotations else (),
        )
        for article in articles
    ]
    for article, dates in zip(articles, grammar.add_date_claims_to_many(found), strict=True):
        annotations = article.annotations or Annotations()
        yield dataclasses.replace(article, annotations=dataclasses.replace(annotations, dates=tuple(dates)))


#: How far into an undated text its own date line may stand ("Published: December 19, 2005" under a headline).
OPENING_CHARS = 300
#: Labels a page prints before its own dates (``extract/lexicons/date_labels.json``: "Published:", "Updated on"),
#: with what may stand between label and day ("PUBLISHED: 22:07 GMT, 7 July 2026": a clock time and its zone).
#: The stories layer reads a figure after one as the page's time stamp, not a date of the story.
PAGE_DATE_LABEL = re.compile(
    rf"\b(?:{phrase_alternation(terms('crosswire.extract', 'date_labels'))})\b\s*(?:on|at)?\s*:?\s*"
    r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?\s*,?\s*)?$",
    re.IGNORECASE,
)
#: What marks a date in a text's opening as the text's own: a page's date label before it (``PAGE_DATE_LABEL``), a
#: weekday before it ("Tuesday, December 20, 2005"), a clock time after it ("July 3, 2013 6:22am", "Dec. 19, 2005
#: at 9:44 pm"), or the start of a line.  A date inside the first sentence ("On March 11, 2005, a gunman ...") may
#: be an earlier event's.
_DATELINE_BEFORE = re.compile(
    rf"(?:^|\n|\b(?:{'|'.join(day for name in WEEKDAYS for day in (name, name[:3]))})\.?,?)\s*$",
    re.IGNORECASE,
)
_DATELINE_AFTER = re.compile(r"\s*(?:[-/|,]\s*)?(?:at\s+)?\d{1,2}\s*[:.]\s*\d\d|\s*(?:[-/|,]\s*)?\d{1,2}\s*[ap]\.?m\b",
                             re.IGNORECASE)


def opening_date(text: str) -> str | None:
    """The day an undated text gives itself in a date line of its opening (a dateline, a "Published:" line;
    ``PAGE_DATE_LABEL``, ``_DATELINE_BEFORE``, ``_DATELINE_AFTER``), against which its "Saturday" and "yesterday"
    are read; None when its opening has no such line."""
    opening = text[:OPENING_CHARS]
    found = sorted(
        (match for pattern in _PATTERNS for match in pattern.finditer(opening)), key=lambda match: match.start()
    )
    for match in found:
        if not (match.groupdict().get("year") and match.groupdict().get("day")):
            continue
        if (
            PAGE_DATE_LABEL.search(opening, 0, match.start())
            or _DATELINE_BEFORE.search(opening, 0, match.start())
            or _DATELINE_AFTER.match(opening, match.end())
        ):
            day = _absolute_date(match, None)
            return day.isoformat() if day else None
    return None


def find_dates(text: str, published: str | None) -> list[DateMention]:
    """Every date expression in ``text`` with its ISO day, or None when it names no day."""
    reference = parse_iso_day(published)
    found: list[DateMention] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            named = _in_the_year_said(text, match, _absolute_date(match, reference), reference)
            found.append(_mention(text, match, named))
            if named is not None and match.groupdict().get("day") is not None:
                found.extend(_range_end(text, match, named))
    for match in _NAMED_DAY.finditer(text):
        found.append(_mention(text, match, None))  # it holds a weekday, which it keeps from being read
    written_out = {mention.start: index for index, mention in enumerate(found)}
    for match in _WEEKDAY.finditer(text):
        if not match.group("weekday")[0].isupper():
            continue
        after = _BEFORE_DATE.match(text, match.end())
        index = written_out.get(after.end()) if after else None
        if index is not None:
            # "Saturday, September 14, 2013": one date, written with its weekday
            found[index] = dataclasses.replace(found[index], text=text[match.start() : found[index].end],
                                               start=match.start())  # fmt: skip
            continue
        found.append(_mention(text, match, _weekday_date(text, match, reference)))
    for match in _HOLIDAY.finditer(text):
        month, day = _HOLIDAY_DAYS[match.group("holiday").replace("’", "'")]
        found.append(_mention(text, match, _nearest_year(month, day, reference)))
    present_days = [phrase.span() for phrase in _PRESENT_DAY.finditer(text)]
    for match in _RELATIVE_DAY.finditer(text):
        if _inside_name(text, match.start("word")) or any(a <= match.start() < b for a, b in present_days):
            continue  # the "Today" of "USA Today"; the "today" of "the largest rocket in use today"
        found.append(_mention(text, match, _relative_day(match.group("word"), reference)))
    for match in _VAGUE_PERIOD.finditer(text):
        found.append(_mention(text, match, None))
    return _without_overlaps(found)


#: The second day of a range written with one month: "Feb 7-14", "between Feb 8 and 25", "7 to 14 March".
#: After the first day: a dash, "to", "through" or "until" (or "and" after "between"), then a day that ends
#: there (no unit, no count after it: "Feb 8 and 25 people" is no range).
_RANGE_END = re.compile(
    r"\s*(?:[-–]|\s(?:to|through|until|and)\s)\s*(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:(?:19|20)\d\d|on|in|at|of|for|from|when|while|but|and|or|as|with|after|before"
    r"|until|during|this|last|next|that|is|are|was|were|will)\b)"
)
#: The same, for a day-first date whose month follows the second day ("7-14 March"): the first day before it.
_RANGE_START = re.compile(r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:[-–]|\s(?:to|and)\s)\s*$")
#: "between" right before a range's first day.
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)


def _range_end(text: str, match: re.Match[str], first: date) -> list[DateMention]:
    """The other day of a range written with the month once, as a mention of its own, in the first day's month
    and year: "Feb 7-14" (after "Feb 7"), "7-14 March" (before "14 March").  "and" makes a range only after
    "between" ("between Feb 8 and 25")."""
    if match.group("month").isdigit():
        return []  # "2026-02-07": no range is written after an ISO date
    day_first = match.group().lstrip()[:1].isdigit()
    if day_first:
        found = _RANGE_START.search(text, max(0, match.start() - 12), match.start())
        if found is not None and text[found.start() - 1 : found.start()].isalnum():
            found = None  # "2017-14 March": part of a longer number
    else:
        found = _RANGE_END.match(text, match.end())
        between = _BETWEEN.search(text, max(0, match.start() - 12), match.start())
        if found is not None and found.group().split()[0] == "and" and between is None:
            found = None  # "on Feb 8 and 25": two days, perhaps, but no range
    if found is None:
        return []
    other = _safe_date(first.year, first.month, int(found.group("day")))
    if other is None or (other < first) != day_first or other == first:
        return []  # "Feb 17-4" is no range
    start, end = found.span("day")
    return [DateMention(text=text[start:end], start=start, end=end, date=other.isoformat())]


def _inside_name(text: str, start: int) -> bool:
    """A capitalised relative day right after a capitalised word, mid-sentence, is part of a name: the
    "Today" of "USA Today" or "Carrow Today" dates nothing."""
    if not text[start : start + 1].isupper():
        return False
    before = re.search(r"([A-Za-z][\w.'’&-]*)\s+$", text[max(0, start - 40) : start])
    return before is not None and before.group(1)[0].isupper() and not re.search(r"[.!?:]\s*$", text[:start])


def check_month_example(entry: Entry) -> None:
    """The lexicon check: the example's date is found and falls in the entry's month."""
    months = [int(m.date[5:7]) for m in find_dates(entry.example, "2026-06-15") if m.date]
    assert entry.value in months, (entry.term, months)


def check_date_example(entry: Entry) -> None:
    """The lexicon check: published on the value's day, the example has the value's span resolved to its date.

    A weekday's number and a relative day's shift must agree with that date.
    """
    value = entry.value
    found = [(mention.text, mention.date) for mention in find_dates(entry.example, value["published"])]
    assert (value["span"], value["date"]) in found, (entry.term, found)
    if "weekday" in value:
        assert WEEKDAYS[value["weekday"]] == entry.term, (entry.term, WEEKDAYS)
        assert date.fromisoformat(value["date"]).weekday() == value["weekday"], (entry.term, value)
    if "shift" in value:
        shift = date.fromisoformat(value["date"]) - date.fromisoformat(value["published"])
        assert shift.days == value["shift"], (entry.term, value)


def check_present_day_example(entry: Entry) -> None:
    """The lexicon check: in the example, published on 2026-11-08, the "today" of the phrase dates nothing."""
    found = [mention.text for mention in find_dates(entry.example, "2026-11-08")]
    assert entry.term in entry.example.lower() and "today" not in found, (entry.term, found)


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
    return _nearest_year(month, day, reference)


#: A year named relative to publication right after a day written without one: "October 4 next year".
_YEAR_SAID_AFTER = re.compile(r",?\s+(?P<which>next|last|this)\s+year\b", re.IGNORECASE)
_YEAR_SHIFT = {"next": 1, "last": -1, "this": 0}


def _in_the_year_said(text: str, match: re.Match[str], day: date | None, reference: date | None) -> date | None:
    """The day in the year the words after it name ("October 4 next year": publication's year + 1), rather
    than the nearest year, when the date has no year of its own."""
    said = _YEAR_SAID_AFTER.match(text, match.end())
    if day is None or reference is None or said is None or match.groupdict().get("year"):
        return day
    return _safe_date(reference.year + _YEAR_SHIFT[said.group("which").lower()], day.month, day.day) or day


def _nearest_year(month: int, day: int, reference: date | None) -> date | None:
    """A day and month without a year, in the year that puts it closest to publication (days ahead count
    twice: news mostly reports the past)."""
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
    reading = _WEEKDAY_READING.get((match.group("modifier") or "").lower(), _BY_SENTENCE)
    if reading == _EVERY or match.group().lower().endswith("s"):
        return None  # "every Saturday in December", "on Saturdays": a day that recurs is no one day
    # Within a window before the weekday (a text of thousands of weekdays is not scanned from its start for
    # each); the search reaches the weekday's first letter, which the capital after a full stop looks at.
    window = max(0, match.start() - SENTENCE_WINDOW)
    ends = _SENTENCE_END.finditer(text, window, match.start() + 1)
    sentence_start = max((end.end() for end in ends if end.end() <= match.start()), default=window)
    before = text[sentence_start : match.start()]
    ahead = reference + timedelta(days=(target - reference.weekday()) % 7)
    if reading == _AFTER and ahead == reference:
        ahead += timedelta(days=7)  # "next Sunday" written on a Sunday: a week on
    future = reading in (_AFTER, _ON_OR_AFTER) or (
        reading in (_BY_SENTENCE, _BEFORE) and _speaks_of_the_future(before) and not _told_in_the_past(before)
    )
    either_side = _expected_in_the_past(before) if future else reading == _BY_SENTENCE and _NOT_BEFORE.search(before)
    if not future and not either_side and reading == _BY_SENTENCE:
        end = _SENTENCE_END.search(text, match.end(), match.end() + SENTENCE_WINDOW)
        after = text[match.end() : end.start() if end else match.end() + SENTENCE_WINDOW]
        planned = _PLANNED_AFTER.match(after)
        if planned:
            # "Friday's planned vote": named as still to come; in a sentence told in the past ("Friday's
            # planned vote was put off") the plan may have been for a day gone by, the nearer such day
            future, either_side = True, _tells_the_past(before, after[planned.end() :])
        else:
            future = _looks_ahead_after(before, after)
    if either_side:
        # "was expected to reopen on Tuesday", "could not go back before Friday": a time either side of the
        # telling (a deadline ahead, or one that has passed); the nearer such day
        behind = reference - timedelta(days=(reference.weekday() - target) % 7)
        return ahead if (ahead - reference) < (reference - behind) else behind
    if future:
        return ahead
    back = (reference.weekday() - target) % 7
    if reading == _BEFORE and back == 0:
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
    cues = list(FUTURE_CUE.finditer(narration))
    return bool(cues) and _PAST_REPORT.search(narration, cues[-1].end()) is None


def _looks_ahead_after(before: str, after: str) -> bool:
    """Whether a sentence whose words before its weekday say nothing of time looks ahead after it: "On Friday
    the council will vote", "When the ferry sails on Friday, it will carry ...".  Only a sentence that tells
    nothing in the past tense, before or after: in "On Friday, the mayor said the bridge will reopen" or "On
    Friday, shares fell and analysts expect they will recover" the future is another time than the weekday's.
    The narration after the weekday ends at a quotation mark (what follows is someone's words)."""
    return FUTURE_CUE.search(_narrated(after)) is not None and not _tells_the_past(before, after)


def _narrated(after: str) -> str:
    """The narration after a weekday: up to a quotation mark, where someone's words begin."""
    return _QUOTATION_MARK.split(after, maxsplit=1)[0]


def _tells_the_past(before: str, after: str) -> bool:
    """Whether the narration of a weekday's sentence tells anything in the past tense: a past report ("said",
    "was"), or any past form of a verb outside the future cues (whose own words, "set to", "scheduled", are
    none)."""
    narration = _QUOTATION.sub(" ", before) + " " + _narrated(after)
    if _PAST_REPORT.search(narration):
        return True
    return any(is_past_form(word) for word in _LOWER_WORD.findall(FUTURE_CUE.sub(" ", narration)))


#: A quotation mark, where the narration after a weekday gives way to someone's words.
_QUOTATION_MARK = re.compile(r"[\"“”]")
#: A word in lower case (a capitalised one is more often a name than a verb: "United", "Fed").
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
#: How far back from a weekday its sentence's start is looked for, in characters (a longer sentence is cut there).
SENTENCE_WINDOW = 600
#: Where a sentence ends before a weekday: a full stop, "!" or "?" (perhaps closing a quotation) before a capital,
#: or a line break.  The stop of an abbreviation inside a sentence ("at 10 a.m. on Friday") is none.
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“(]?[A-Z0-9])|\n")
#: A verb's word just before a weekday, and the word before that (``_told_in_the_past``).
_LAST_WORDS = re.compile(r"(?:(?P<previous>[A-Za-z]+)\s+)?(?P<last>[A-Za-z]+)\s*$")
#: Verbs before a participle that make it no past tense but a state or a passive: "will be held", "is expected to
#: be lifted", "is expected to remain closed".
_LINKING_VERBS = frozenset({"be", "been", "being", "is", "are", "am", "remain", "remains", "stay", "stays", "get"})
#: A negated modal and "before" right before the weekday: "could not go back before Friday", "won't reopen before
#: Monday" (a deadline, ahead or just passed).
_NOT_BEFORE = re.compile(r"\b(?:could|can|would|will|may|might|must|wo|ca)\s*(?:not|n't|n’t)\b.*\bbefore\s+$",
                         re.IGNORECASE)
#: A future cue told in the past tense ("was expected to", "were due to"): ``_expected_in_the_past``.
_PAST_CUE = re.compile(r"\b(?:was|were)\s+(?:(?:also|still|originally|initially)\s+)?$", re.IGNORECASE)


def _told_in_the_past(before: str) -> bool:
    """Whether the verb the weekday phrase hangs on, written just before it, is in the past tense: "a settlement
    approved on Thursday" is past whatever the sentence goes on to promise ("residents will get money back under
    a settlement approved on Thursday").  A participle after "be" or "remain" is none ("will be held on Friday")."""
    words = _LAST_WORDS.search(before)
    if words is None or (words["previous"] or "").lower() in _LINKING_VERBS:
        return False
    return is_past_form(words["last"].lower())


def _expected_in_the_past(before: str) -> bool:
    """Whether the sentence's last future cue is told in the past tense ("the road was expected to reopen on
    Tuesday", "the flight was scheduled to leave on Sunday, but ..."): what was expected may since have happened."""
    cues = list(FUTURE_CUE.finditer(before))
    if not cues:
        return False
    last = cues[-1]
    return last.group().lower().startswith(("was ", "were ")) or _PAST_CUE.search(before, 0, last.start()) is not None


def _relative_day(word: str, reference: date | None) -> date | None:
    if reference is None:
        return None
    return reference + timedelta(days=_DAY_SHIFT[word.lower()])


def _without_overlaps(mentions: list[DateMention]) -> list[DateMention]:
    kept: list[DateMention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def check_time_of_day_example(entry: Entry) -> None:
    """The lexicon check: the example's date is read as the date of the thing and predicate its entry gives,
    not of the time of day."""
    example = DateStage()(Article("example", "record", "lexicon", entry.example, published="2026-05-12"))
    (found,) = example.annotations.dates if example.annotations else ()
    assert (found.counted, found.predicate) == (entry.value["thing"], entry.value["predicate"]), (entry.term, found)
