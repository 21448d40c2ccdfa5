"""The publication date a page prints in its article header.

htmldate weighs every date signal of a page; but when the header right
under the headline says "Erschienen am 26. Jan 2022" or "Von Anna Berg
3.2.2022", that printed label is the editor's own statement and beats a
guess from the markup (htmldate then often picks a modified date, a date
from a sidebar or a bare copyright year).  Only labelled dates count, and
only near a headline: the same labels further down belong to comments,
teasers and related-article lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache
from typing import Any, NamedTuple

from lxml import etree

from crosswire.extract.rules import load_rules

#: How far after the start of a headline (characters of visible text) a
#: labelled date still belongs to the article header.
HEADER_WINDOW = 1500
#: A date with its clock time belongs to the header only this close to the headline.
TIMESTAMP_WINDOW = 600
#: At most this many characters between a headline and a date printed under it.
HEADLINE_GAP = 8
#: Shorter <h1> texts are site names or section labels, not headlines.
MIN_HEADLINE_CHARS = 10
_YEAR = r"(?:19|20)\d\d"
_NAME = r"[A-ZÄÖÜ][\w'’.-]+(?:\s(?:[A-ZÄÖÜ][\w'’.-]+|von|van|de|der)){0,3}"
_UNSEEN = frozenset({"script", "style", "noscript"})
#: A labelled date is shorter than this, so a match starting in the window ends before the cut.
_LONGEST_MATCH = 120


@cache
def _month_numbers() -> dict[str, int]:
    months: dict[str, list[str]] = load_rules("page_dates")["months"]
    return {name: int(number) for number, names in months.items() for name in names}


@cache
def _date_pattern() -> str:
    names = sorted(_month_numbers(), key=len, reverse=True)
    month = "(?P<{}>" + "|".join(re.escape(name) for name in names) + r")\.?"
    return (
        rf"(?:(?P<dotted_day>\d{{1,2}})\.\s?(?P<dotted_month>\d{{1,2}})\.\s?(?P<dotted_year>{_YEAR})"
        rf"|(?P<day_first>\d{{1,2}})(?:\.|st|nd|rd|th)?\s(?:de\s)?{month.format('month_after')}\s(?:de\s)?"
        rf"(?P<year_after>{_YEAR})"
        rf"|{month.format('month_first')}\s(?P<day_after>\d{{1,2}})(?:st|nd|rd|th)?,?\s(?P<year_first>{_YEAR})"
        rf"|(?P<iso_year>{_YEAR})-(?P<iso_month>\d\d)-(?P<iso_day>\d\d))"
    )


@cache
def _any_date_pattern() -> re.Pattern[str]:
    return re.compile(_date_pattern(), re.IGNORECASE)


@cache
def _timestamp_pattern() -> re.Pattern[str]:
    # "19.10.2019, 05:00", "12. August 2015 um 8:13", "July 9, 2020 at 6:40", "19 FEB 2020 - 18:37"
    return re.compile(rf"{_date_pattern()},?\s(?:um\s|at\s|à\s|-\s)?\d{{1,2}}[:.]\d{{2}}\b", re.IGNORECASE)


@cache
def _labelled_patterns() -> tuple[re.Pattern[str], ...]:
    rules = load_rules("page_dates")
    labels = "|".join(rules["labels"])
    joiners = "|".join(rules["label_joiners"])
    bylines = "|".join(re.escape(word) for word in rules["bylines"])
    dated = _date_pattern()
    return (
        # "Published on: 3 June 2021", "Erschienen am 26. Jan 2022"; the label may
        # follow a time without a space ("14:49:39Erschienen am").
        re.compile(rf"(?<![^\W\d])(?:{labels})(?:\s(?:{joiners}))?\s?:?\s{dated}", re.IGNORECASE),
        # "Von Anna Berg 3.2.2022", "Par Loïc Le Clerc | 30 septembre 2018": case-sensitive,
        # since a lower-case "von"/"by" is a preposition, not a credit.
        re.compile(rf"\b(?:{bylines})\s{_NAME}\s?[,|·•–-]?\s(?:am\s|on\s)?{dated}"),
    )


def _to_date(match: re.Match[str]) -> date | None:
    parts = match.groupdict()
    months = _month_numbers()
    try:
        if parts["dotted_year"]:
            return date(int(parts["dotted_year"]), int(parts["dotted_month"]), int(parts["dotted_day"]))
        if parts["year_after"]:
            return date(int(parts["year_after"]), months[parts["month_after"].lower()], int(parts["day_first"]))
        if parts["year_first"]:
            return date(int(parts["year_first"]), months[parts["month_first"].lower()], int(parts["day_after"]))
        return date(int(parts["iso_year"]), int(parts["iso_month"]), int(parts["iso_day"]))
    except (ValueError, KeyError, TypeError):
        return None


class Header(NamedTuple):
    """A headline and the visible text from it on (the article header)."""

    headline: str
    text: str
    #: The text nodes after the headline inside its header block, whitespace collapsed, in page order.
    pieces: tuple[str, ...] = ()
    #: The text nodes before the headline inside its header block, nearest first.
    pieces_before: tuple[str, ...] = ()


def headers(tree: Any) -> list[Header]:
    """For each <h1> headline, the visible text from it to ``HEADER_WINDOW``
    characters on, whitespace collapsed.

    Text nodes are joined with a space, so elements without whitespace
    between them in the markup ("<h1>…</h1><div>Published…") still read as
    words; only the nodes after each headline are read, not the whole page.
    """
    found = []
    for heading in tree.iter("h1"):
        headline = " ".join(" ".join(heading.xpath(".//text()")).split())
        if len(headline) < MIN_HEADLINE_CHARS:
            continue
        following = " ".join(" ".join(_text_after(heading, HEADER_WINDOW + _LONGEST_MATCH)).split())
        block = tuple(" ".join(text.split()) for text in _text_after(heading, ALONE_WINDOW, HEADER_BLOCK_LEVELS))
        before = tuple(" ".join(text.split()) for text in _text_before(heading, ALONE_WINDOW, HEADER_BLOCK_LEVELS))
        found.append(Header(headline, f"{headline} {following}"[: HEADER_WINDOW + _LONGEST_MATCH], block, before))
    return found


def _text_after(heading: Any, limit: int, levels: int | None = None) -> Iterator[str]:
    """The visible text that follows ``heading`` in the page, at least
    ``limit`` characters of it once spaces are collapsed: the heading's tail,
    its later siblings, then its ancestors' later siblings, script and style
    left out; with ``levels``, only inside the heading's ancestor that many
    levels up."""
    seen = 0

    def counted(text: str | None) -> Iterator[str]:
        nonlocal seen
        if text and not text.isspace():
            words = text.split()
            seen += sum(map(len, words)) + len(words)  # its length once spaces are collapsed, and a space
            yield text

    node = heading
    climbed = 0
    while node is not None and seen < limit and (levels is None or climbed < levels):
        climbed += 1
        yield from counted(node.tail)
        for sibling in node.itersiblings():
            # text on entering an element, its tail on leaving it: page order
            for event, element in etree.iterwalk(sibling, events=("start", "end")):
                if event == "start" and isinstance(element.tag, str) and element.tag not in _UNSEEN:
                    yield from counted(element.text)
                elif event == "end":
                    yield from counted(element.tail)
                if seen >= limit:
                    return  # not the rest of a long sibling (the article body)
        node = node.getparent()


def _text_before(heading: Any, limit: int, levels: int) -> Iterator[str]:
    """The visible text before ``heading`` inside its ancestor ``levels`` up, nearest first,
    at least ``limit`` characters of it (or all of it)."""
    seen = 0
    node = heading
    for _ in range(levels):
        parent = node.getparent()
        if parent is None:
            return
        for sibling in node.itersiblings(preceding=True):
            for text in reversed(_page_texts(sibling)):
                if text.strip():
                    words = text.split()
                    seen += sum(map(len, words)) + len(words)
                    yield text
            if seen >= limit:
                return
        if parent.text and parent.text.strip():
            yield parent.text
        node = parent


def _page_texts(element: Any) -> list[str]:
    """The visible texts of ``element`` and its tail, in page order."""
    ordered: list[str] = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if event == "start" and isinstance(node.tag, str) and node.tag not in _UNSEEN:
            if node.text:
                ordered.append(node.text)
        elif event == "end" and node.tail:
            ordered.append(node.tail)
    return ordered


def header_publication_date(tree: Any) -> str | None:
    """The ISO date the article header states as the publication date, or None.

    In order of trust: a labelled date ("Published on …", "Von Anna Berg
    …"); a date printed with its clock time ("19.10.2019, 05:00 Uhr", the
    timestamp headers carry); a date printed right under the headline; a
    date standing alone in its element among the header's short lines
    (author, reading time, section) before the article's prose begins; over
    the first headline, a date alone just above it.  (A later <h1> is
    often a section's heading, "Post navigation", above the previous one's
    dates.)
    """
    found = headers(tree)
    # A page is not published in the future; one day ahead is a time zone.
    latest = date.today() + timedelta(days=1)
    finders = (_labelled_date, _timestamped_date, _date_under_headline, _date_alone_in_header)
    for find, among in (*((find, found) for find in finders), (_date_alone_above_headline, found[:1])):
        for header in among:
            value = find(header)
            if value is not None and value <= latest:
                return value.isoformat()
    return None


def _labelled_date(header: Header) -> date | None:
    earliest: tuple[int, date] | None = None
    for pattern in _labelled_patterns():
        for match in pattern.finditer(header.text):
            value = _to_date(match) if match.start() <= HEADER_WINDOW else None
            if value is not None:
                if earliest is None or match.start() < earliest[0]:
                    earliest = (match.start(), value)
                break
    return earliest[1] if earliest else None


#: What every timestamp holds, checked before the long pattern is tried at every position.
_CLOCK = re.compile(r"\d[:.]\d\d")


def _timestamped_date(header: Header) -> date | None:
    if not _CLOCK.search(header.text, 0, TIMESTAMP_WINDOW + _LONGEST_MATCH):
        return None
    match = _timestamp_pattern().search(header.text, 0, TIMESTAMP_WINDOW + _LONGEST_MATCH)
    return _to_date(match) if match and match.start() <= TIMESTAMP_WINDOW else None


def _date_under_headline(header: Header) -> date | None:
    start = len(header.headline)
    match = _any_date_pattern().search(header.text, start, start + HEADLINE_GAP + _LONGEST_MATCH)
    return _to_date(match) if match and match.start() - start <= HEADLINE_GAP else None


#: A header's date stands alone within this many characters after the headline.
ALONE_WINDOW = 400
#: The header block is the headline's ancestor this many levels up (its parent's parent): a
#: date further away, in a list beside the article, is another item's.
HEADER_BLOCK_LEVELS = 2
#: A text node of this many words is a sentence (a standfirst, a teaser's headline); the
#: header's date comes before the second one.
SENTENCE_WORDS = 8
#: "17/02/2026": day and month told apart only when one of them is over 12.
_SLASHED = re.compile(r"(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>(?:19|20)\d\d)")
#: A clock time (and its word) after a date alone: "04.11.2026 10:15", "4 Nov 2026, 10:15 Uhr".
_CLOCK_AFTER = r"(?:,?\s(?:um\s|at\s|à\s|-\s|\|\s)?\d{1,2}[:.]\d{2}(?:\s?(?:uhr|h|am|pm))?)?"


@cache
def _alone_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?:{_date_pattern()}|{_SLASHED.pattern}){_CLOCK_AFTER}", re.IGNORECASE)


def _date_alone_in_header(header: Header) -> date | None:
    """The date of the first text node after the headline, in its header block, that is only a
    date (and its clock time): sites print the date in an element of its own among the header's
    short lines (author, reading time, section), after a standfirst at most."""
    sentences = 0
    for piece in header.pieces:
        match = _alone_pattern().fullmatch(piece)
        if match:
            return _slashed_date(match) if match.group("year") else _to_date(match)
        sentences += len(piece.split()) >= SENTENCE_WORDS
        if sentences > 1:
            return None
    return None


def _slashed_date(match: re.Match[str]) -> date | None:
    first, second, year = int(match.group("first")), int(match.group("second")), int(match.group("year"))
    if first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first:
        day, month = second, first
    else:
        return None  # "04/05/2026": May 4 or April 5 by the site's country
    try:
        return date(year, month, day)
    except ValueError:
        return None


#: Visible elements the page marks as its publication date, with the date machine-readable.
_MARKED_PUBLISHED = etree.XPath(
    "//*[@itemprop='datePublished'][not(self::meta or self::link)][@datetime or @content]"
)
_ISO_DAY = re.compile(r"\s*((?:19|20)\d\d)-(\d\d)-(\d\d)")


def marked_publication_date(tree: Any) -> str | None:
    """The ISO date of the first visible element marked ``itemprop="datePublished"``
    (``<time itemprop="datePublished" datetime="2026-11-04">4 Nov</time>``).

    The element is what the reader sees as the date, and the page says in its
    markup that it is the publication date; a bare ``<meta>`` of the same name
    is left to the other readers, since templates fill it with other dates
    (a site's launch, the day of the last edit) more often.
    """
    for element in _MARKED_PUBLISHED(tree):
        match = _ISO_DAY.match(element.get("datetime") or element.get("content") or "")
        if match:
            try:
                return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
            except ValueError:
                continue
    return None


def _date_alone_above_headline(header: Header) -> date | None:
    """The date of a text node that is only a date just above the headline, in its header
    block ("04.11.2026 - Redaktion: Ada Brook" over the headline), with no sentence between."""
    for piece in header.pieces_before:
        match = _alone_pattern().fullmatch(piece)
        if match:
            return _slashed_date(match) if match.group("year") else _to_date(match)
        if len(piece.split()) >= SENTENCE_WORDS:
            return None
    return None
