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
from crosswire.lexicon import Entry, LexiconError, load_lexicon, terms

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
_FULL_YEAR = re.compile(_YEAR)
_NAME = r"[A-ZÄÖÜ][\w'’.-]+(?:\s(?:[A-ZÄÖÜ][\w'’.-]+|von|van|de|der)){0,3}"
_UNSEEN = frozenset({"script", "style", "noscript"})
#: An element's text nodes (``.//text()``, compiled once and read as one descendant walk).
_TEXTS = etree.XPath("descendant::text()", smart_strings=False)
#: A labelled date is shorter than this, so a match starting in the window ends before the cut.
_LONGEST_MATCH = 120


@cache
def _month_numbers() -> dict[str, int]:
    """The month names of rules/page_dates.json, then those of lexicons/month_names.json (genitive forms,
    other languages: "31 stycznia 2020", "4 ноября 2026"), which captures are read with (extract/dates.py):
    a header prints its date in the page's language as a capture does."""
    months: dict[str, list[str]] = load_rules("page_dates")["months"]
    numbers = {name: int(number) for number, names in months.items() for name in names}
    for entry in load_lexicon("crosswire.extract", "month_names").entries:
        numbers.setdefault(entry.term, int(entry.value["month"]))
    return numbers


def by_first_character(names: list[str]) -> str:
    """``names`` as one alternation that is tried in the same order and matches the same, with the
    names that open with one character under one branch ("j(?:anuary|une|an)|m(?:arch|ay)").

    The regex engine tries every branch of an alternation at each position of a text it searches;
    a branch per opening character fails faster there than a branch per name (the month names of
    ``_date_pattern``: 81 names, 11 characters).  At a given position only the names opening with
    the character there can match, and they keep their order among themselves.
    """
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name[:1], []).append(name[1:])
    return "|".join(
        re.escape(first) + "(?:" + "|".join(re.escape(rest) for rest in rests) + ")" for first, rests in groups.items()
    )


@cache
def _date_pattern() -> str:
    names = sorted(_month_numbers(), key=len, reverse=True)
    # a month name opens a word ("Omar 4, 2026" names no March; "Ciao 4 2026" no August)
    month = r"(?<![^\W\d_])(?P<{}>" + by_first_character(names) + r")\.?"
    # What the date opens with (a digit, a month's first letter), tested once at each position of the
    # text before the branches are tried one by one; the header forms below are tried as they are.
    opening = "(?=[\\d" + "".join(sorted({re.escape(name[:1]) for name in names})) + "])"
    return (
        rf"(?:{opening}(?:(?P<dotted_day>\d{{1,2}})\.\s?(?P<dotted_month>\d{{1,2}})\.\s?(?P<dotted_year>{_YEAR})"
        rf"|(?P<day_first>\d{{1,2}})(?:\.|st|nd|rd|th)?\s(?:de\s)?{month.format('month_after')},?\s(?:de\s)?"
        rf"(?P<year_after>{_YEAR})"
        rf"|{month.format('month_first')}\s(?P<day_after>\d{{1,2}})(?:st|nd|rd|th)?,?\s(?P<year_first>{_YEAR})"
        rf"|(?P<iso_year>{_YEAR})-(?P<iso_month>\d\d)-(?P<iso_day>\d\d)"
        # "17/02/2022", "3/5/2022": which number is the day is decided by the numbers or the page's language
        rf"|(?<![\d/])(?P<slash_first>\d{{1,2}})/(?P<slash_second>\d{{1,2}})/(?P<slash_year>{_YEAR})(?![\d/]))"
        # the forms of lexicons/date_formats.json marked for headers ("2026年11月4日")
        + "".join(f"|{form}" for form in _header_forms())
        + ")"
    )


#: The group names a header form of lexicons/date_formats.json may use.
_FORM_PARTS = frozenset({"year", "month", "day"})
_FORM_GROUP = re.compile(r"\(\?P<(\w+)>")


@cache
def _header_forms() -> tuple[str, ...]:
    """The patterns of the printed forms in lexicons/date_formats.json marked ``"header": true``."""
    entries = load_lexicon("crosswire.extract", "date_formats").entries
    return tuple(header_form(number, entry) for number, entry in enumerate(e for e in entries if e.value.get("header")))


def header_form(number: int, entry: Entry) -> str:
    """The pattern of one printed form of lexicons/date_formats.json for the header reader: its groups
    renamed ``form<number>_<part>``, so that the forms stand side by side in one pattern, and not read
    inside a longer number or a path ("2026/11/045-ferry")."""
    pattern: str = entry.value["pattern"]
    parts = set(_FORM_GROUP.findall(pattern))
    if parts != _FORM_PARTS or "{month}" in pattern:
        raise LexiconError(f"crosswire.extract/date_formats: entry {entry.term!r} is marked for headers, which read "
                           f"only the groups year, month and day in digits (found {sorted(parts)})")
    pattern = _FORM_GROUP.sub(rf"(?P<form{number}_\1>", pattern.replace("{year}", _YEAR))
    return rf"(?<![\d/])(?:{pattern})(?![\d/])"


@cache
def _any_date_pattern() -> re.Pattern[str]:
    return re.compile(_date_pattern(), re.IGNORECASE)


@cache
def _timestamp_pattern() -> re.Pattern[str]:
    # "19.10.2019, 05:00", "12. August 2015 um 8:13", "July 9, 2020 at 6:40", "19 FEB 2020 - 18:37"
    # "23/06/2020 16h45" too; "00:00" is no time of day but a date without one (a list's placeholder)
    # a two-digit year only with the clock time beside it ("28.09.19 12:44", forum posts)
    short = r"(?<![\d.])(?P<short_day>\d{1,2})\.(?P<short_month>\d{1,2})\.(?P<short_year>\d\d)(?![\d.])"
    return re.compile(
        rf"(?:{_date_pattern()}|{short}),?\s(?:um\s|at\s|à\s|-\s)?(?!0?0[:.h]00\b)\d{{1,2}}[:.h]\d{{2}}\b",
        re.IGNORECASE,
    )


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
        re.compile(rf"{_opening_letters(rules['labels'])}(?<![^\W\d])(?:{labels})(?:\s(?:{joiners}))?\s?:?\s{dated}",
                   re.IGNORECASE),
        # "Von Anna Berg 3.2.2022", "Par Loïc Le Clerc | 30 septembre 2018": case-sensitive,
        # since a lower-case "von"/"by" is a preposition, not a credit.
        # the date's month name in any case ("3. Mai 2022", "3 MAY 2022")
        re.compile(rf"\b(?:{bylines})\s{_NAME}\s?[,|·•–-]?\s(?:am\s|on\s)?\(?(?i:{dated})"),
        # "von Marianne1 am 20.09.2020", "by kelpie on May 4, 2026": a lower-case cue with "am"/"on" before
        # the date is a credit too; the name may be a user name
        re.compile(rf"(?i:{_opening_letters(rules['bylines'])})(?<!\w)(?i:{bylines})\s"
                   rf"(?:{_NAME}|[\w.-]*\d[\w.-]*|[a-z][\w.-]+)\s(?i:(?:am|on)\s{dated})"),
        # "ca. 8 Min. 12.01.2026", "6 min read · 4 Nov 2026": the date right after a reading time
        re.compile(rf"(?=\d)(?<![\w.])\d{{1,3}}\s?(?:{_reading_times()})(?!\w)\s?[|·•–-]?\s{dated}", re.IGNORECASE),
    )


def _opening_letters(words: list[str]) -> str:
    """A lookahead for the letters ``words`` open with, read ignoring case (as the words are): tested
    once at each position of a text, where the lookbehind after it and then each branch of the words'
    alternation were tried (a header's text searched for labels took twice as long).  Empty, testing
    nothing, when a word opens otherwise than with a letter or a digit (a pattern of its own)."""
    firsts = {word[:1].lower() for word in words}
    if not firsts or not all(first.isalnum() for first in firsts):
        return ""
    return "(?=[" + "".join(sorted(firsts)) + "])"


@cache
def _reading_times() -> str:
    units = sorted(terms("crosswire.extract", "reading_times"), key=len, reverse=True)
    return "|".join(re.escape(unit).replace(r"\ ", r"\s") for unit in units)


def _to_date(match: re.Match[str], day_first: bool | None = None) -> date | None:
    """The date a match names; a slashed date whose numbers could both be the month ("3/5/2022")
    is read day first or month first as ``day_first`` says, and not at all when it is None."""
    parts = match.groupdict()
    months = _month_numbers()
    try:
        if parts.get("short_year"):
            short_year = int(parts["short_year"])
            century = 2000 if 2000 + short_year <= date.today().year + 1 else 1900
            return date(century + short_year, int(parts["short_month"]), int(parts["short_day"]))
        if parts["slash_year"]:
            first, second = int(parts["slash_first"]), int(parts["slash_second"])
            if first > 12 or (day_first is True and second <= 12):
                return date(int(parts["slash_year"]), second, first)
            if second > 12 or day_first is False:
                return date(int(parts["slash_year"]), first, second)
            return None
        if parts["dotted_year"]:
            return date(int(parts["dotted_year"]), int(parts["dotted_month"]), int(parts["dotted_day"]))
        if parts["year_after"]:
            return date(int(parts["year_after"]), months[parts["month_after"].lower()], int(parts["day_first"]))
        if parts["year_first"]:
            return date(int(parts["year_first"]), months[parts["month_first"].lower()], int(parts["day_after"]))
        if parts["iso_year"]:
            return date(int(parts["iso_year"]), int(parts["iso_month"]), int(parts["iso_day"]))
        form = next(name.partition("_")[0] for name, value in parts.items() if name.startswith("form") and value)
        return date(int(parts[f"{form}_year"]), int(parts[f"{form}_month"]), int(parts[f"{form}_day"]))
    except (ValueError, KeyError, TypeError, StopIteration):
        return None


class Header(NamedTuple):
    """A headline and the visible text from it on (the article header); ``day_first``: how the
    page's language writes a slashed date (None: unknown)."""

    headline: str
    text: str
    day_first: bool | None = None


#: English of these regions writes the day first ("17/02/2022"); other English writes the month first.
_DAY_FIRST_ENGLISH = frozenset({"gb", "uk", "ie", "au", "nz", "in", "za", "sg", "hk", "ng", "ke", "pk"})


def day_first_of(language: str | None) -> bool | None:
    """Whether a page in ``language`` (an HTML lang code, "de", "en-US", "en_GB") writes a slashed
    date day first: every language but the English of the Americas does; None when unknown."""
    if not language or not language.strip():
        return None
    code, _, region = language.strip().lower().replace("_", "-").partition("-")
    if code != "en":
        return True
    return region[:2] in _DAY_FIRST_ENGLISH


def headers(tree: Any, headlines: list[Any] | None = None) -> list[Header]:
    """For each <h1> headline, the visible text from it to ``HEADER_WINDOW``
    characters on, whitespace collapsed.

    Text nodes are joined with a space, so elements without whitespace
    between them in the markup ("<h1>…</h1><div>Published…") still read as
    words; only the nodes after each headline are read, not the whole page.
    ``headlines``: the page's ``page_headlines``, when the caller has read them.
    """
    found = []
    day_first = day_first_of(tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang"))
    for heading in page_headlines(tree) if headlines is None else headlines:
        headline = " ".join(" ".join(_TEXTS(heading)).split())
        following = " ".join(_words_after(heading, HEADER_WINDOW + _LONGEST_MATCH))
        found.append(Header(headline, f"{headline} {following}"[: HEADER_WINDOW + _LONGEST_MATCH], day_first))
    return found


def _subheadings(bodies: list[Any]) -> list[Any]:
    """The <h2> and <h3> elements inside the page's <body> elements, in page order (``//body//h2 | //body//h3``)."""
    found: dict[Any, None] = {}
    for body in bodies:
        found.update(dict.fromkeys(body.iterdescendants("h2", "h3")))
    return list(found)


def page_headlines(tree: Any) -> list[Any]:
    """The page's <h1> headlines, then the <h2> or <h3> headings that print the page's title (its
    <title> or og:title, which may add the site's name): pages whose headline is no <h1>, or whose
    <h1> is a hidden copy of the <title> or the site's name.

    The date readers of a page (``header_publication_date``, ``marked_header_date``,
    ``dated_above_headline``) take them read once (a fifth of a millisecond a page).  The <h1>s, the
    titles (``//head/title//text() | //meta[@property='og:title']/@content``) and the <body>s are
    gathered in one walk of the tree's elements by libxml2, which hands only these to Python (four
    walks took 0.06 ms a page each)."""
    h1s: list[Any] = []
    title_texts: list[str] = []
    og_titles: list[str | None] = []
    bodies: list[Any] = []
    for element in tree.iter("h1", "title", "meta", "body"):
        tag = element.tag
        if tag == "h1":
            h1s.append(element)
        elif tag == "meta":
            if element.get("property") == "og:title":
                og_titles.append(element.get("content"))
        elif tag == "title":
            if (parent := element.getparent()) is not None and parent.tag == "head":
                title_texts.extend(element.itertext())
        else:
            bodies.append(element)
    headlines = [heading for heading in h1s if _text_chars(heading) >= MIN_HEADLINE_CHARS]
    titles = [" ".join(title.split()).casefold() for title in [*title_texts, *og_titles] if title is not None]
    titles = [title for title in titles if len(title) >= MIN_HEADLINE_CHARS]
    if titles:
        for heading in _subheadings(bodies):
            text = " ".join(" ".join(_TEXTS(heading)).split()).casefold()
            if len(text) >= MIN_HEADLINE_CHARS and any(title.startswith(text) for title in titles):
                headlines.append(heading)
    return headlines


def _text_chars(element: Any) -> int:
    return len(" ".join(" ".join(_TEXTS(element)).split()))


def _words_after(heading: Any, limit: int) -> list[str]:
    """The words of the visible text that follows ``heading`` in the page, at least ``limit``
    characters of it once spaces are collapsed (each word and a space counted): the heading's tail,
    its later siblings, then its ancestors' later siblings, script and style left out.

    One list is filled as the walk goes (the words of each text node, split once, are what joining
    the texts and splitting them again gives): a generator of the texts, a generator per text node,
    took a third of the header reader's time."""
    words: list[str] = []
    seen = 0
    node = heading
    while node is not None and seen < limit:
        text = node.tail
        if text:
            found = text.split()
            seen += sum(map(len, found)) + len(found)
            words += found
        for sibling in node.itersiblings():
            # text on entering an element, its tail on leaving it: page order
            for event, element in etree.iterwalk(sibling, events=("start", "end")):
                if event == "start":
                    text = element.text if isinstance(element.tag, str) and element.tag not in _UNSEEN else None
                else:
                    text = element.tail
                if text:
                    found = text.split()
                    seen += sum(map(len, found)) + len(found)
                    words += found
                if seen >= limit:
                    return words  # not the rest of a long sibling (the article body)
        node = node.getparent()
    return words


def _elements_after(heading: Any, limit: int) -> Iterator[Any]:
    """The elements that follow ``heading`` in the page, in page order, until ``limit`` characters of
    visible text (spaces collapsed) have gone by: its later siblings, then its ancestors' later siblings."""
    seen = 0

    def count(text: str | None) -> None:
        nonlocal seen
        if text and not text.isspace():
            words = text.split()
            seen += sum(map(len, words)) + len(words)

    node = heading
    while node is not None and seen < limit:
        count(node.tail)
        for sibling in node.itersiblings():
            for event, element in etree.iterwalk(sibling, events=("start", "end")):
                if event == "start" and isinstance(element.tag, str) and element.tag not in _UNSEEN:
                    yield element
                    count(element.text)
                elif event == "end":
                    count(element.tail)
                if seen >= limit:
                    return
        node = node.getparent()


#: The text of an element that prints a date alone is no longer than this (a weekday, a clock time beside it).
DATE_ELEMENT_CHARS = 60
#: Words beside the date in such an element ("Dienstag", "um 10:15 Uhr"), at most.
DATE_ELEMENT_WORDS = 4
_CLASS_WORD = re.compile(r"[^\W_]+")
_WORD = re.compile(r"[^\W\d_]{2,}")


@cache
def _date_element_words() -> dict[str, str]:
    return {entry.term: entry.value["kind"] for entry in load_lexicon("crosswire.extract", "date_elements").entries}


def _names_a_date(element: Any) -> str | None:
    """"published" when the markup names ``element`` the article's date (a <time>, itemprop
    datePublished, a class word of lexicons/date_elements.json), "updated" when it names a later one;
    a word naming the publication outweighs one naming an update, which outweighs a mere date."""
    itemprop = (element.get("itemprop") or "").casefold()
    words = _date_element_words()
    kinds = {words.get(word) for word in _CLASS_WORD.findall((element.get("class") or "").casefold())}
    if itemprop in ("datepublished", "datecreated") or "published" in kinds:
        return "published"
    if itemprop == "datemodified" or "updated" in kinds:
        return "updated"  # "entry-date updated"; "entry-date published updated" is the published date
    return "published" if element.tag == "time" or "date" in kinds else None


#: A day with a two-digit year ("10.12.26"), read only where it is all a date element prints.
_SHORT_DOTTED = re.compile(r"(?P<short_day>\d{1,2})\.(?P<short_month>\d{1,2})\.(?P<short_year>\d\d)")


def _date_printed_alone(element: Any) -> date | None:
    text = " ".join(" ".join(_TEXTS(element)).split())
    if not text or len(text) > DATE_ELEMENT_CHARS:
        return None
    match = _any_date_pattern().search(text) or _SHORT_DOTTED.fullmatch(text)
    if match is None:
        return None
    return _to_date(match, None) if _stands_alone(text, match) else None


def _stands_alone(text: str, match: re.Match[str]) -> bool:
    """Whether the date ``match`` found is all ``text`` prints but a few words ("Dienstag", "um 10:15 Uhr"),
    none of them an update's label."""
    beside = text[: match.start()] + " " + text[match.end() :]
    return len(_WORD.findall(beside)) <= DATE_ELEMENT_WORDS and not any(
        label in beside.casefold() for label in _update_labels()
    )


#: A date element inside these is another piece's: a link's (a teaser of another article), a quote's
#: (an embedded post).
_ELSEWHERE = frozenset({"a", "blockquote"})


def _inside_another_piece(element: Any) -> bool:
    return any(ancestor.tag in _ELSEWHERE for ancestor in element.iterancestors())


def marked_header_date(tree: Any, headlines: list[Any] | None = None) -> str | None:
    """The ISO date of the elements after a headline, in its header, that the markup names a date
    (``<time>``, ``itemprop="datePublished"``, ``class="entry-date"``) and that print a date alone:
    the date the reader sees under the headline, which sites print in such an element after a standfirst.

    An element named an update is passed over, and so is one inside a link or a quote (a teaser's, an
    embedded post's date); elements printing several days are a list's (teasers), which gives none.
    A day with a two-digit year ("10.12.26") counts where it is all the element prints.
    ``headlines``: the page's ``page_headlines``, when the caller has read them.
    """
    latest = date.today() + timedelta(days=1)
    for heading in page_headlines(tree) if headlines is None else headlines:
        days = set()
        for element in _elements_after(heading, HEADER_WINDOW):
            if element.tag != "time" and not element.get("class") and not element.get("itemprop"):
                continue  # nothing names it a date (``_names_a_date``, read faster)
            if _names_a_date(element) != "published" or _inside_another_piece(element):
                continue
            value = _date_printed_alone(element)
            if value is not None and value <= latest:
                days.add(value)
        if len(days) == 1:
            return next(iter(days)).isoformat()
        if days:
            return None
    return None


#: A date above the headline is looked for this many levels up from it (its parent's parent: the article's
#: header block), over at most this many characters of text, nearest first.
ABOVE_LEVELS = 2
ABOVE_WINDOW = 400
#: A text of this many words is a sentence (a standfirst, a teaser): the header's date comes before it.
SENTENCE_WORDS = 8


def _texts_before(heading: Any) -> Iterator[tuple[str, Any]]:
    """The visible texts before ``heading`` inside its ancestor ``ABOVE_LEVELS`` up, nearest first, each
    with the element that holds it, until ``ABOVE_WINDOW`` characters have gone by."""
    seen = 0
    node = heading
    for _ in range(ABOVE_LEVELS):
        parent = node.getparent()
        if parent is None:
            return
        for sibling in node.itersiblings(preceding=True):
            texts: list[tuple[str, Any]] = []
            for event, element in etree.iterwalk(sibling, events=("start", "end")):
                if event == "start" and isinstance(element.tag, str) and element.tag not in _UNSEEN:
                    texts.append((element.text or "", element))
                elif event == "end" and element is not sibling:
                    texts.append((element.tail or "", element.getparent()))
            texts.append((sibling.tail or "", parent))
            for text, holder in reversed(texts):
                if text.strip():
                    seen += len(text.strip())
                    yield text, holder
            if seen >= ABOVE_WINDOW:
                return
        if parent.text and parent.text.strip():
            yield parent.text, parent
        node = parent


def dated_above_headline(tree: Any, headlines: list[Any] | None = None) -> str | None:
    """The ISO date printed alone just above the page's first headline, in its header block
    ("05.02.2026 - Redaktion: Ada Brook" over the headline), with no sentence between: sites print the
    date over the headline as others print it under.  A date in a link (a teaser's) or after an update's
    label is none. ``headlines``: the page's ``page_headlines``, when the caller has read them."""
    headlines = page_headlines(tree) if headlines is None else headlines
    if not headlines:
        return None
    latest = date.today() + timedelta(days=1)
    for text, holder in _texts_before(headlines[0]):
        piece = " ".join(text.split())
        if len(piece.split()) >= SENTENCE_WORDS:
            return None
        match = _any_date_pattern().search(piece) if len(piece) <= DATE_ELEMENT_CHARS else None
        if match is None:
            continue
        if not _stands_alone(piece, match) or holder.tag == "a" or _inside_another_piece(holder):
            continue
        value = _to_date(match, None)
        if value is not None and value <= latest:
            return value.isoformat()
    return None


#: A day a page's JSON-LD names its publication or its last modification ("datePublished": "2026-11-04T…").
_JSON_LD_DAY = re.compile(r'"date(?P<kind>Published|Modified)"\s*:\s*"(?P<day>(?:19|20)\d\d-[01]\d-[0-3]\d)')


def published_not_modified(tree: Any, found: str | None) -> str | None:
    """``found`` (htmldate's answer), unless it is the day the page's JSON-LD names ``dateModified`` and
    not one it names ``datePublished``: then the first day it names published.  htmldate takes a meta
    modified date (``article:modified_time``) as a reserve, before the JSON-LD's published date, when
    no meta names the published one."""
    if found is None:
        return None
    days: dict[str, list[str]] = {"Published": [], "Modified": []}
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            for match in _JSON_LD_DAY.finditer(script.text):
                days[match["kind"]].append(match["day"])
    if found in days["Modified"] and days["Published"] and found not in days["Published"]:
        try:
            return date.fromisoformat(days["Published"][0]).isoformat()
        except ValueError:
            return found
    return found


def links_naming_the_day(tree: Any, found: str | None) -> list[Any]:
    """The page's links to another page whose address names the day ``found`` (ISO), htmldate's answer
    ("/news/20261104/ferry.html", "/2026/11/04/ferry-times/"; not the day's archive), none when the page's
    own address names it.

    htmldate reads dates out of the links' addresses too and, asked for the original date, takes the
    oldest it finds: a related or an earlier article's day, which a link names, over the page's own."""
    if found is None:
        return []
    try:
        day = date.fromisoformat(found)
    except ValueError:
        return []
    canonical = tree.find('.//link[@rel="canonical"]')
    if canonical is not None and _names_the_day(canonical.get("href") or "", day):
        return []
    return [link for link in _LINKS_WITH(tree, year=str(day.year)) if _leads_past_the_day(link.get("href"), day)]


#: The links whose address holds a string (the year of a day): libxml2 leaves out the others.
_LINKS_WITH = etree.XPath("/descendant::a[contains(@href, $year)]", smart_strings=False)


def _leads_past_the_day(href: str, day: date) -> bool:
    """Whether a link's address names ``day`` and goes on to a page of that day ("/2026/11/04/ferry-times/"),
    not to the day's archive ("/2026/11/04/", "?date=2026-11-04"), which blogs link their own date to."""
    match = _day_in_address(href, day)
    return match is not None and re.fullmatch(r"/?(?:[?#].*)?", href[match.end() :]) is None


def header_publication_date(tree: Any, headlines: list[Any] | None = None) -> str | None:
    """The ISO date the article header states as the publication date, or None.

    In order of trust: a labelled date ("Published on …", "Von Anna Berg
    …"); a date printed with its clock time ("19.10.2019, 05:00 Uhr", the
    timestamp headers carry); a date printed right under the headline; the
    dateline opening the article's text ("Karlsruhe, (12.11.2021).",
    "Berlin, 3. Mai 2022 –"). ``headlines``: the page's ``page_headlines``, when the caller has read them.
    """
    found = headers(tree, headlines)
    # every date of ``_date_pattern`` holds a full year: a header without one (a quarter of them) is
    # searched for a timestamp only ("28.09.19 12:44"), not by the four longer patterns
    dated = [_FULL_YEAR.search(header.text) is not None for header in found]
    # A page is not published in the future; one day ahead is a time zone.
    latest = date.today() + timedelta(days=1)
    for find in (_date_right_under_headline, _labelled_date, _timestamped_date, _date_under_headline, _dateline_date):
        for header, has_year in zip(found, dated, strict=True):
            if not has_year and find is not _timestamped_date:
                continue
            value = find(header)
            if value is not None and value <= latest:
                return value.isoformat()
    return None


def _labelled_date(header: Header) -> date | None:
    earliest: tuple[int, date] | None = None
    for pattern in _labelled_patterns():
        for match in pattern.finditer(header.text):
            value = _to_date(match, header.day_first) if match.start() <= HEADER_WINDOW else None
            if value is not None:
                if earliest is None or match.start() < earliest[0]:
                    earliest = (match.start(), value)
                break
    return earliest[1] if earliest else None


#: What every timestamp holds, checked before the long pattern is tried at every position.
_CLOCK = re.compile(r"\d[:.h]\d\d")


def _timestamped_date(header: Header) -> date | None:
    if not _CLOCK.search(header.text, 0, TIMESTAMP_WINDOW + _LONGEST_MATCH):
        return None
    match = _timestamp_pattern().search(header.text, 0, TIMESTAMP_WINDOW + _LONGEST_MATCH)
    return _to_date(match, header.day_first) if match and match.start() <= TIMESTAMP_WINDOW else None


#: Between a headline and the date under it: one word, a section's name ("Familie 17/02/2022").
_SECTION_WORD = re.compile(r"\s?([^\W\d_][\w&-]{1,23})\s?[|·•–-]?\s?")


def _date_right_under_headline(header: Header) -> date | None:
    """A date printed right after the headline, nothing between them."""
    start = len(header.headline)
    match = _any_date_pattern().search(header.text, start, start + HEADLINE_GAP + _LONGEST_MATCH)
    return _to_date(match, header.day_first) if match and match.start() - start <= HEADLINE_GAP else None


def _date_under_headline(header: Header) -> date | None:
    start = len(header.headline)
    match = _any_date_pattern().search(header.text, start, start + HEADLINE_GAP + _LONGEST_MATCH)
    if match is None:
        return None
    gap = header.text[start : match.start()]
    if len(gap) > HEADLINE_GAP:
        section = _SECTION_WORD.fullmatch(gap)
        # a label of a later date ("Updated 17/02/2022") is no section
        if section is None or section.group(1).casefold() in _update_labels():
            return None
    return _to_date(match, header.day_first)


@cache
def _dateline_pattern() -> re.Pattern[str]:
    # a place (one to three capitalised words) and a comma, then the date in parentheses or with a
    # dash after it: a press release's or an agency's dateline ("Karlsruhe, (12.11.2021).",
    # "LONDON, May 4, 2026 —"); a date after a place without them is a list's (events, teasers)
    dated = f"(?i:{_date_pattern()})"
    place = r"[A-ZÄÖÜ][\w'’.-]+(?:[\s/-][A-ZÄÖÜ][\w'’.-]+){0,2}"
    # the place's capital is looked for first, once at each position, before the lookbehind
    return re.compile(rf"(?=[A-ZÄÖÜ])(?<![\w,(])(?:{place}),\s?(?P<paren>\()?{dated}(?(paren)\)|\s?[–—-]\s)")


def _dateline_date(header: Header) -> date | None:
    """The date of the dateline opening the article text, the first in the header."""
    match = _dateline_pattern().search(header.text, len(header.headline), HEADER_WINDOW + _LONGEST_MATCH)
    return _to_date(match, header.day_first) if match and match.start() <= HEADER_WINDOW else None


@cache
def _update_labels() -> frozenset[str]:
    labels = load_lexicon("crosswire.extract", "date_labels").entries
    return frozenset(entry.term for entry in labels if entry.value["kind"] == "updated")


def check_header_form(entry: Entry) -> None:
    """The lexicon check of a date form marked for headers: the example printed under a headline is
    the page's date."""
    from lxml import html

    page = f"<html><body><h1>Ferry timetable changes for the winter</h1><p>{entry.example}</p></body></html>"
    assert header_publication_date(html.fromstring(page)) == entry.value["iso"], entry.term


def check_date_element(entry: Entry) -> None:
    """The lexicon check: the example's element after a headline and a standfirst dates the page
    (an update's dates it not)."""
    from lxml import html

    page = ("<html><body><h1>Ferry timetable changes for the winter</h1><p>The harbour office cuts the late "
            f"crossings from December and adds a morning boat on Saturdays.</p>{entry.example}</body></html>")
    assert marked_header_date(html.fromstring(page)) == entry.value["iso"], entry.term


def check_reading_time(entry: Entry) -> None:
    """The lexicon check: under a headline and a byline, the date after the example's reading time is found."""
    from lxml import html

    page = f"<html><body><h1>Ferry timetable changes for the winter</h1><p>{entry.example}</p></body></html>"
    assert header_publication_date(html.fromstring(page)) == entry.value["iso"], entry.term


#: The page's text outside scripts and styles (which hold text only: their parent is enough to test).
#: Spelled with ``descendant::`` steps: ``//body//text()`` means ``//body/descendant-or-self::node()/text()``,
#: whose text nodes libxml2 gathers child list by child list and then sorts and deduplicates; the same
#: nodes read as one descendant walk took 0.40 ms a page instead of 0.65 (scrapinghub-dev).
_PAGE_TEXT = etree.XPath(
    "/descendant::body/descendant::text()[not(parent::script or parent::style)]", smart_strings=False
)


@cache
def _page_label_pattern() -> re.Pattern[str]:
    lexicon = load_lexicon("crosswire.extract", "date_labels")
    terms = {*load_rules("page_dates")["labels"], *(entry.term for entry in lexicon.entries)}
    # the label opens its words, so its first letter is a capital (tested apart: the rest in any case)
    labels = "|".join(_capitalised(term) for term in sorted(terms, key=len, reverse=True))
    joiners = "|".join(load_rules("page_dates")["label_joiners"])
    return re.compile(rf"(?P<label>{labels})(?i:(?:\s(?:{joiners}))?\s?:?\s{_date_pattern()})")


def _capitalised(term: str) -> str:
    """A pattern of a label with a capital first letter, the rest in any case, opening its words
    (no letter before it).

    The test for the letter before comes after the capital (a lookbehind over both): a pattern
    whose every branch opens with a case-sensitive letter lets the engine skip in C to the next
    position holding one of those capitals, where a leading lookbehind was tried at every position
    of the page's text (three times as long).
    """
    first = re.escape(term[0].upper())
    rest = re.escape(term[1:]).replace(r"\ ", r"\s")
    return f"{first}(?<![^\\W\\d]{first})(?i:{rest})"


@cache
def _label_kinds() -> dict[str, str]:
    return {entry.term: entry.value["kind"] for entry in load_lexicon("crosswire.extract", "date_labels").entries}


def _label_kind(match: re.Match[str]) -> str:
    """Which date a match of ``_page_label_pattern`` labels: "published" or "updated" (the labels of
    rules/page_dates.json, which the lexicon does not list, are published ones)."""
    return _label_kinds().get(" ".join(match.group("label").casefold().split()), "published")


def labelled_page_date(tree: Any) -> str | None:
    """The ISO date a page labels anywhere, when it labels one day only ("Erstellt am: 01.11.2023" under
    the article, "Last updated 4 Jun 2020"), for pages whose header prints none: a label opening its
    words (capitalised: "wurde am 3. Mai" in prose is none); one day labelled published beats an update;
    "11/01/2021" is not read (the page's language may not say which number is the day).
    Pages labelling several days (lists of items, comments) give none; a label in a link or a quote
    (a teaser's "Updated 5 Aug", a footer's "Terms of Service (Updated July 7)") labels another piece."""
    text = " ".join(" ".join(_PAGE_TEXT(tree)).split())
    found: dict[str, set[date]] = {"published": set(), "updated": set()}
    for match in _page_label_pattern().finditer(text):
        # a weaker sign than the header's: a slashed date either of whose numbers may be the month is not read
        value = _to_date(match, None)
        if value is None or _labels_another_piece(tree, text, match, value):
            continue
        found["published" if _label_kind(match) == "published" else "updated"].add(value)
    latest = date.today() + timedelta(days=1)
    for days in (found["published"], found["published"] | found["updated"]):
        if len(days) == 1 and (day := next(iter(days))) <= latest:
            return day.isoformat()
    return None


#: The outermost links and quotes of the page's body whose text holds a string (a label).
_PIECES_HOLDING = etree.XPath(
    "/descendant::body/descendant::*[self::a or self::blockquote][not(ancestor::a or ancestor::blockquote)]"
    "[contains(., $label)]",
    smart_strings=False,
)


def _labels_another_piece(tree: Any, text: str, match: re.Match[str], day: date) -> bool:
    """Whether every place the page's ``text`` prints the labelled date ``match`` found is in a quote, or in a
    link that leads elsewhere than to ``day``: blogs link their own date to the day's archive or to the post
    ("/2026/11/04/").

    The links and quotes holding the label are asked (libxml2 compares their texts), not every text node of the
    page for its element: a Python object for each took a tenth of a millisecond a page."""
    printed = match.group(0)
    pieces = 0
    for element in _PIECES_HOLDING(tree, label=match.group("label")):
        inner = " ".join(" ".join(_TEXTS(element)).split())
        if element.tag == "a" and _names_the_day(element.get("href") or "", day):
            continue
        pieces += inner.count(printed)
    return pieces > 0 and pieces >= text.count(printed)


def _names_the_day(href: str, day: date) -> bool:
    """Whether a link's address holds ``day`` as a year, month and day ("/2026/11/04/", "2026-11-04", "20261104")."""
    return _day_in_address(href, day) is not None


def _day_in_address(href: str, day: date) -> re.Match[str] | None:
    return re.search(rf"{day.year}[/-]?{day.month:02d}[/-]?{day.day:02d}(?!\d)", href)

