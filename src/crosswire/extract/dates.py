"""Turn the date strings pages print ("Jul 16, 2025", "2 Jun 2025",
"03/Jun/2025", "2025-06-02T10:00:00Z") into ISO dates, never guessing.

``to_iso_date``/``find_date`` read one English date; ``printed_dates`` finds
every date a line prints in any form of ``lexicons/date_formats.json`` (month
names in the languages of ``rules/page_dates.json``), and ``relative_date``
resolves "3 hours ago" against a known day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from urllib.parse import urlparse

import dateparser

from crosswire.extract.body import word_count
from crosswire.extract.page_dates import check_header_form
from crosswire.extract.rules import load_rules
from crosswire.lexicon import Entry, load_lexicon

_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
# Slashes between day, month name and year confuse dateparser; spaces do not.
_SLASHED_MONTH_NAME = re.compile(r"\b(\d{1,2})/([A-Za-z]{3,9})\.?/(\d{4})\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
#: Dates as pages print them, found inside a longer line ("Updated: Jun 3, 2025, 10:12 IST").
DATE_IN_TEXT = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?[ /-]{_MONTH}[ /,-]+\d{{4}}"
    rf"|{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}/\d{1,2}/\d{4})(?!\d)",
    re.IGNORECASE,
)
_PARSER_SETTINGS = {
    "STRICT_PARSING": True,  # a date needs day, month and year: no guessing
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def to_iso_date(text: str | None) -> str | None:
    """``YYYY-MM-DD`` for a date written with day, month and year, else None."""
    if not text:
        return None
    iso = _ISO_PREFIX.match(text)
    if iso:
        try:
            return datetime(int(iso[1]), int(iso[2]), int(iso[3])).date().isoformat()
        except ValueError:
            return None
    if not _YEAR.search(text):
        return None  # "yesterday", "June 3": not pinned to a day without a reference
    cleaned = _SLASHED_MONTH_NAME.sub(r"\1 \2 \3", text.strip())
    parsed = dateparser.parse(cleaned, languages=["en"], settings=_PARSER_SETTINGS)
    return parsed.date().isoformat() if parsed else None


def find_date(text: str) -> str | None:
    """The first printed date inside ``text``, as ISO, or None."""
    for match in DATE_IN_TEXT.finditer(text):
        iso = to_iso_date(match.group(0))
        if iso:
            return iso
    return None


# --- dates as pages print them, in any of the forms of lexicons/date_formats.json ---------------

#: A year this far from now is no publication date (a founding year, a forecast).
_YEAR_RANGE = (1990, 2099)


@dataclass(frozen=True, slots=True)
class PrintedDate:
    """A date found in a line: where it is, what day it names, whether a clock time follows."""

    iso: str
    start: int
    end: int
    timed: bool


@cache
def _month_numbers() -> dict[str, int]:
    months: dict[str, list[str]] = load_rules("page_dates")["months"]
    numbers = {name: int(number) for number, names in months.items() for name in names}
    for entry in load_lexicon("crosswire.extract", "month_names").entries:
        numbers.setdefault(entry.term, int(entry.value["month"]))
    return numbers


_DIGIT = re.compile(r"\d")
#: What may follow a year: no digit, or (captures run elements together) a clock time
#: ("JUL 14 20267:05 PM") or a second date ("14/07/202615/07/2026", "14. JULI 202614. JULI 2026").
_NEXT_TO_YEAR = r"(?:(?!\d)|(?=\d{1,2}:\d\d)|(?=\d{1,2}[./]\d{1,2}[./]\d\d)|(?=\d{1,2}\.?\s?[^\W\d_]{3,}))"


@cache
def _format_patterns() -> tuple[re.Pattern[str], ...]:
    names = sorted(_month_numbers(), key=len, reverse=True)
    # a month name starts a word: "Omar 4, 2026" names no March
    month = r"(?<![^\W\d_])(?:" + "|".join(re.escape(name) for name in names) + ")"
    year = r"(?:19|20)\d\d"
    patterns = []
    for entry in load_lexicon("crosswire.extract", "date_formats").entries:
        source = entry.value["pattern"].replace("{month}", month).replace("{year}", year)
        patterns.append(re.compile(rf"(?<![\d.]){source}{_NEXT_TO_YEAR}", re.IGNORECASE))
    return tuple(patterns)


#: A clock time right after a date: "19.10.2019, 05:00", "July 9, 2020 at 6:40", "4 Nov 2026 - 18:37".
_TIME_AFTER = re.compile(r"\s*(?:,|-|–|\||·|um|at|à|às|alle|a las|kl\.?)?\s*\d{1,2}[:.h]\d{2}(?!\d)", re.IGNORECASE)


def _day_of(match: re.Match[str], day_first: bool) -> date | None:
    parts = match.groupdict()
    year = 2000 + int(parts["short_year"]) if parts.get("short_year") else int(parts["year"])
    if parts.get("first"):
        first, second = int(parts["first"]), int(parts["second"])
        if first > 12 or (day_first and second <= 12):
            day, month = first, second
        else:
            day, month = second, first
    else:
        day = int(parts["day"])
        month = _month_numbers()[parts["month_name"].lower()] if parts.get("month_name") else int(parts["month"])
    if not _YEAR_RANGE[0] <= year <= _YEAR_RANGE[1]:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


#: Dates are read from no more than the first this many characters of a text.
#: They are read from a capture's lines: a date line, a byline or a body's
#: opening date sits in a line's first few hundred characters, while reading
#: a very long line whole (a capture of one unbroken line) costs about 1.6 s a
#: million characters for every reader that looks at it.
DATE_TEXT_CHARS = 1_000


def printed_dates(text: str, day_first: bool = True) -> list[PrintedDate]:
    """Every date the first :data:`DATE_TEXT_CHARS` characters of ``text``
    print with day, month and year, in text order.

    Where forms overlap ("4 Nov 2026" inside "04/Nov/2026"), the longer
    reading wins.  ``day_first`` settles "04/11/2026" when both numbers
    could be the month.
    """
    text = text[:DATE_TEXT_CHARS]
    if not _DIGIT.search(text):
        return []  # every printed form has a day or a year in digits
    found: list[tuple[int, int, date]] = []
    for pattern in _format_patterns():
        for match in pattern.finditer(text):
            value = _day_of(match, day_first)
            if value is not None:
                found.append((match.start(), match.end(), value))
    found.sort(key=lambda item: (item[0], -item[1]))
    dates: list[PrintedDate] = []
    for start, end, value in found:
        if dates and start < dates[-1].end:
            continue
        timed = bool(_TIME_AFTER.match(text, end))
        dates.append(PrintedDate(value.isoformat(), start, end, timed))
    return dates


@cache
def _relative_patterns() -> tuple[tuple[re.Pattern[str], int], ...]:
    entries = load_lexicon("crosswire.extract", "relative_dates").entries
    return tuple((re.compile(rf"(?<!\w){entry.value['pattern']}(?!\w)", re.IGNORECASE), int(entry.value["days"]))
                 for entry in entries)  # fmt: skip


_ONE = frozenset({"a", "an", "one", "einem", "einer", "un", "une"})


def relative_date(text: str, reference: date) -> str | None:
    """The day a relative date ("3 hours ago", "gestern") names, seen on ``reference``."""
    for pattern, days in _relative_patterns():
        match = pattern.search(text)
        if match is None:
            continue
        count_text = match.groupdict().get("count")
        count = 1 if count_text is None or count_text.lower() in _ONE else int(count_text)
        return (reference - timedelta(days=days * count)).isoformat()
    return None


def check_date_format(entry: Entry) -> None:
    """The lexicon check: the example's first printed date is the entry's day; a form marked for
    headers is read under a headline too (page_dates)."""
    found = printed_dates(entry.example)
    assert found and found[0].iso == entry.value["iso"], (entry.term, found)
    if entry.value.get("header"):
        check_header_form(entry)


def check_month_name(entry: Entry) -> None:
    """The lexicon check: the example is read as the entry's day."""
    found = printed_dates(entry.example)
    assert found and found[0].iso == entry.value["iso"], (entry.term, found)


@cache
def _embedded_post_patterns() -> tuple[re.Pattern[str], ...]:
    entries = load_lexicon("crosswire.extract", "embedded_posts").entries
    return tuple(re.compile(rf"(?<!\w){entry.value['pattern']}(?!\w)", re.IGNORECASE) for entry in entries)


#: An embedded tweet's credit: "— Ada Brook (@adabrook) November 4, 2026".
_TWEET_CREDIT = re.compile(r"^[—–-]\s*\S.{0,80}\(@\w+\)")


def embedded_post(line: str) -> bool:
    """Whether a line is the credit of a social-media post embedded in the page
    ("A post shared by … on Nov 4, 2026", "— Name (@handle) 4 Nov 2026"): its
    date is the post's, not the article's."""
    head = line[:200]
    return bool(_TWEET_CREDIT.match(head)) or any(pattern.search(head) for pattern in _embedded_post_patterns())


def check_embedded_post(entry: Entry) -> None:
    """The lexicon check: the example is an embedded post's credit and prints a date."""
    assert embedded_post(entry.example) and printed_dates(entry.example), entry.term


def check_relative_date(entry: Entry) -> None:
    """The lexicon check: against 2026-11-04, the example names the entry's day."""
    assert relative_date(entry.example, date(2026, 11, 4)) == entry.value["iso"], entry.term


# --- dates in a capture's header lines ------------------------------------------------------------

#: A line with this many words besides its date (and labels, a name) is prose, not a date line.
MAX_WORDS_BESIDE_DATE = 7
#: A date printed with its clock time is a header's timestamp even among a few more words
#: ("Radio Talberg - Das Gespräch am Abend - 02.07.2026 19:40 Uhr Moderation: …").
MAX_WORDS_BESIDE_TIMED_DATE = 12
#: A part of a header's meta line has at most this many words.
META_PART_WORDS = 6
#: The parts of a header's meta line ("4 Nov 2026 • By Ada Brook • 6 min read").
META_PART = re.compile(r"\s[|•·]\s")


@cache
def date_labels() -> tuple[tuple[re.Pattern[str], str], ...]:
    entries = sorted(load_lexicon("crosswire.extract", "date_labels").entries, key=lambda e: len(e.term), reverse=True)
    return tuple((re.compile(rf"(?<!\w){re.escape(entry.term)}(?!\w)", re.IGNORECASE), entry.value["kind"])
                 for entry in entries)  # fmt: skip





@dataclass(frozen=True, slots=True)
class DateLine:
    iso: str
    kind: str  # "published", "updated" or "plain"
    timed: bool


def label_kind(text: str) -> str:
    for pattern, kind in date_labels():
        if pattern.search(text):
            return str(kind)
    return "plain"


def date_line(line: str, day_first: bool, reference: date | None = None) -> DateLine | None:
    """The date of a line that is mostly a date: a dateline, "Name | Date",
    "Von Name 19. Oktober 2026 08:04 Uhr", "Published 3 hours ago"; or of a meta line whose first part is a
    labelled date, however long its other parts ("Published 4 Nov 2026 | Tags: ferries, harbour, ...")."""
    labelled_first = _labelled_first_part(line, day_first)
    if labelled_first is not None:
        return labelled_first
    if len(line) > 160:
        return None
    found = printed_dates(line, day_first)
    if not found:
        iso = relative_date(line, reference) if reference and word_count(line) <= MAX_WORDS_BESIDE_DATE else None
        return DateLine(iso, label_kind(line), False) if iso else None
    first = found[0]
    beside = line[: first.start] + " " + line[first.end :]
    allowed = MAX_WORDS_BESIDE_TIMED_DATE if first.timed else MAX_WORDS_BESIDE_DATE
    if len(re.findall(r"[^\W\d_]{2,}", beside)) > allowed and not _meta_line(line):
        return None
    labelled = label_kind(line[: first.start] or line)
    return DateLine(first.iso, labelled, first.timed)


def _labelled_first_part(line: str, day_first: bool) -> DateLine | None:
    """The date of a meta line's first part when that part is a date with its label ("veröffentlicht am ...")."""
    parts = META_PART.split(line[:400], maxsplit=1)
    if len(parts) < 2 or word_count(parts[0]) > META_PART_WORDS:
        return None
    found = printed_dates(parts[0], day_first)
    if len(found) != 1:
        return None
    kind = label_kind(parts[0][: found[0].start])
    return DateLine(found[0].iso, kind, found[0].timed) if kind != "plain" else None


def _meta_line(line: str) -> bool:
    """A header's meta line of short parts between '•', '|' or '·' ("4 Nov 2026 •
    words and pictures by Ada Brook • 6 min read"): no part is a sentence."""
    parts = META_PART.split(line)
    return len(parts) >= 2 and all(word_count(part) <= META_PART_WORDS for part in parts)


_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([/-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")
#: A day first, as European sites name a page after its day ("/meldungen/04-11-2026"); the separator is required.
_URL_DAY_FIRST = re.compile(r"(?<!\d)(?<!\d[/.-])(0[1-9]|[12]\d|3[01])([/.-])(0[1-9]|1[0-2])\2((?:19|20)\d\d)(?!\d)")


def url_date(url: str | None) -> str | None:
    """A date the URL's path spells ("/2026/11/04/", "-20261104-", "/04-11-2026")."""
    if not url:
        return None
    path = urlparse(url).path
    match = _URL_DATE.search(path)
    day_first = None if match else _URL_DAY_FIRST.search(path)
    try:
        if match:
            return date(int(match[1]), int(match[3]), int(match[4])).isoformat()
        if day_first:
            return date(int(day_first[4]), int(day_first[3]), int(day_first[1])).isoformat()
    except ValueError:
        return None
    return None


def check_date_label(entry: Entry) -> None:
    found = date_line(entry.example, day_first=True)
    assert found is not None and found.iso == entry.value["iso"], (entry.term, found)
    assert found.kind == entry.value["kind"], (entry.term, found)
