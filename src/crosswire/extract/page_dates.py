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
from datetime import date
from functools import cache
from typing import Any

from lxml import etree

from crosswire.extract.rules import load_rules

#: How far after the start of a headline (characters of visible text) a
#: labelled date still belongs to the article header.
HEADER_WINDOW = 1500
#: Shorter <h1> texts are site names or section labels, not headlines.
MIN_HEADLINE_CHARS = 10
_YEAR = r"(?:19|20)\d\d"
_NAME = r"[A-ZÄÖÜ][\w'’.-]+(?:\s(?:[A-ZÄÖÜ][\w'’.-]+|von|van|de|der)){0,3}"
#: The first text nodes after a headline, script and style left out.
_TEXT_AFTER = etree.XPath(
    "following::text()[not(parent::script or parent::style or parent::noscript)][position() <= 300]"
)
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


def header_texts(tree: Any) -> list[str]:
    """For each <h1> headline, the visible text from it to ``HEADER_WINDOW``
    characters on (the article header), whitespace collapsed.

    Text nodes are joined with a space, so elements without whitespace
    between them in the markup ("<h1>…</h1><div>Published…") still read as
    words; only the nodes after each headline are read, not the whole page.
    """
    texts = []
    for heading in tree.iter("h1"):
        headline = " ".join(" ".join(heading.xpath(".//text()")).split())
        if len(headline) < MIN_HEADLINE_CHARS:
            continue
        following = " ".join(" ".join(_TEXT_AFTER(heading)).split())
        texts.append(f"{headline} {following}"[: HEADER_WINDOW + _LONGEST_MATCH])
    return texts


def labelled_publication_date(tree: Any) -> str | None:
    """The ISO date a page labels as published in its article header, or None."""
    for text in header_texts(tree):
        found: list[tuple[int, date]] = []
        for pattern in _labelled_patterns():
            for match in pattern.finditer(text, 0, len(text)):
                value = _to_date(match) if match.start() <= HEADER_WINDOW else None
                if value is not None:
                    found.append((match.start(), value))
                    break
        if found:
            return min(found)[1].isoformat()
    return None
