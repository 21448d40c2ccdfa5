"""*When*: the time phrases of the lead, as written, first one first.

News gives the time of its main event early, mostly as a weekday ("on
Thursday") or a date.  A clock time or a part of the day next to it belongs
to the same phrase ("11pm local time on Thursday", "late Wednesday night").
The phrase is kept as the text has it; the date stage already holds the
resolved day.  When the lead names no time at all, the report is taken to be
about its own publication day, written out ("March 4, 2026").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosswire.annotate.dates import parse_iso_day
from crosswire.model import DateMention

_CLOCK = re.compile(
    r"(?:\b(?:at|about|around|approximately|shortly|just|before|after|until|by)\s)*"
    r"(?:\b(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s?(?:am|pm|a\.m\.|p\.m\.)(?![a-z])|\b(?:[01]\d|2[0-3]):[0-5]\d\b)"
    r"(?:\s(?:local\stime|GMT|BST|CET|UTC|ET|EST|EDT|PT|PST|PDT)\b)?",
    re.IGNORECASE,
)
#: What may stand between two parts of one time phrase: "11pm on Thursday", "Sunday, at 6am".
_JOINER = re.compile(r",?\s(?:on\s|at\s)?")
_PART_OF_DAY = re.compile(r"\s(?:morning|afternoon|evening|night)\b", re.IGNORECASE)
_EARLY_OR_LATE = re.compile(r"\b(?:early|late|in\sthe\searly\shours\sof)\s$", re.IGNORECASE)
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")  # fmt: skip


def time_phrases(text: str, dates: Sequence[DateMention], start: int, end: int) -> list[str]:
    """Time phrases of ``text[start:end]`` in reading order, each with its clock time and part of day."""
    spans = [(mention.start, mention.end) for mention in dates if start <= mention.start and mention.end <= end]
    for match in _CLOCK.finditer(text, start, end):
        if not any(match.start() < span_end and span_start < match.end() for span_start, span_end in spans):
            spans.append((match.start(), match.end()))
    phrases: list[str] = []
    for span_start, span_end in _joined(text, sorted(spans)):
        part_of_day = _PART_OF_DAY.match(text, span_end)
        span_end = part_of_day.end() if part_of_day else span_end
        early_or_late = _EARLY_OR_LATE.search(text, max(0, span_start - 25), span_start)
        span_start = early_or_late.start() if early_or_late else span_start
        phrases.append(text[span_start:span_end])
    return phrases


def _joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    joined: list[tuple[int, int]] = []
    for span in spans:
        if joined and _JOINER.fullmatch(text, joined[-1][1], span[0]):
            joined[-1] = (joined[-1][0], span[1])
        else:
            joined.append(span)
    return joined


def publication_day(published: str | None) -> str | None:
    """The publication day written out ("March 4, 2026"), or None when unknown."""
    day = parse_iso_day(published)
    return f"{_MONTH_NAMES[day.month - 1]} {day.day}, {day.year}" if day else None
