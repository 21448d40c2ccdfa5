"""Ranges: the second number of "3 to 4 inches", "between 10 and 12", "$5-6 billion", "two or three people"."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

from crosswire.annotate.quantities import counted, numbers, units
from crosswire.annotate.quantities.qualifiers import CHANGE_BEFORE

_RANGE_JOINER = re.compile(r"^\s*(?:-to-|[-–]\s*to|to|-|–|—|and|through|up to|or)\s*", re.IGNORECASE)
#: "two or three people", "5 or 6 percent": a reporter's estimate between two near numbers; "1 or 10" offers two
#: figures, so the second may be at most this many times the first (and one more: "one or two").
ESTIMATE_SPREAD = 2.0
_BETWEEN_BEFORE = re.compile(r"\b(?:between|from)\s+(?:\S+\s+)?$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:\S+\s+)?$", re.IGNORECASE)
#: "from 20 mpg in 2010 to 31 mpg": a short aside (a date, a time) between the ends of a from-to range.
_FROM_ASIDE = re.compile(r"\s+(?:in|at|on|during)\s+[^,;:()]{1,25}?(?=\s+to\s)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Range:
    """Both ends of a range (the first rescaled when the scale is written once) and where it ends."""

    end: int
    value: float
    value_max: float
    unit: str | None


@dataclass(frozen=True, slots=True)
class First:
    """The first amount as read so far: its number, where it starts and ends, its scale and unit."""

    span: numbers.NumberSpan
    start: int
    end: int
    value: float
    multiplier: float
    unit: str | None
    currency: str | None


def read_range(
    text: str, first: First, later: list[numbers.NumberSpan], is_amount: Callable[[numbers.NumberSpan], bool]
) -> Range | None:
    """The range that ``first`` opens, or None when no second number follows it."""
    # The next number starts after this amount's own words ("million" is a span too).
    following = _next_span(later, first.end)
    second = _second_number(text, first, following)
    if second is None and following is not None:
        second = _second_number_after_aside(text, first, later, is_amount)
    if second is None:
        return None
    end, second_multiplier = units.read_multiplier(text, second.end, first.currency)
    value = first.value
    if first.multiplier == 1.0 and second_multiplier != 1.0 and value < second.value:
        value *= second_multiplier  # "$5 to $6 billion": the scale is written once
    value_max = second.value * (second_multiplier if second_multiplier != 1.0 else first.multiplier)
    unit = first.unit
    measured = units.measurement_unit_after(text[end : end + 40], first.currency)
    if measured is not None and first.currency is None:
        if unit is not None and measured[0] != unit:
            return None  # "10 per cent to 18.97 yuan": a change and a price
        unit, end = measured[0], end + measured[1]
    elif unit is not None and first.currency is None and counted.counted_noun(text, end, value_max) is not None:
        return None  # "3 weeks to 31 cars"
    if re.match(r"\s?[-–]\s?\d", text[end : end + 4]):
        return None  # "from 12.5 to 20-22": the second number opens a range of its own
    return Range(end, value, value_max, unit)


def _second_number_after_aside(
    text: str, first: First, later: list[numbers.NumberSpan], is_amount: Callable[[numbers.NumberSpan], bool]
) -> numbers.NumberSpan | None:
    """The end of "from 20 mpg in 2010 to 31 mpg": only dates and times may sit in the aside."""
    if not _FROM_BEFORE.search(text[max(0, first.start - 30) : first.start]):
        return None
    aside = _FROM_ASIDE.match(text, first.end)
    if aside is None:
        return None
    if any(first.end <= other.start < aside.end() and is_amount(other) for other in later):
        return None
    return _second_number(text, dataclasses.replace(first, end=aside.end()), _next_span(later, aside.end()))


def _next_span(spans: list[numbers.NumberSpan], position: int) -> numbers.NumberSpan | None:
    return next((span for span in spans if span.start >= position), None)


def _second_number(text: str, first: First, following: numbers.NumberSpan | None) -> numbers.NumberSpan | None:
    span, end, unit = first.span, first.end, first.unit
    if following is None or span.value_max is not None:
        return None
    joiner = _RANGE_JOINER.match(text[end : following.start + 1])
    if joiner is None:
        return None
    joiner_word = joiner.group().strip().lower()
    gap = text[end + joiner.end() : following.start]
    gap_currency = units.CURRENCY_BEFORE.fullmatch(gap) if gap else None
    if gap and gap_currency is None:
        return None
    if gap_currency is not None and unit != units.CURRENCY_PREFIXES[gap_currency.group("currency")]:
        return None  # "15 sen to RM9.40": a change and a price
    before = text[max(0, first.start - 40) : first.start]
    if joiner_word == "and" and not _BETWEEN_BEFORE.search(before):
        return None
    if joiner_word == "or" and not _an_estimate(span.value, following.value):
        return None
    if joiner_word in ("up to", "-to-") and not (joiner_word == "-to-" or _FROM_BEFORE.search(before)):
        return None
    if joiner_word == "to" and unit is not None and CHANGE_BEFORE.search(before):
        return None  # "rose 5% to 20%", "fell 0.5 per cent to 7120": a change and a new level
    if joiner_word == "to" and unit is not None and re.search(r"\bby\s+(?:\S+\s+)?$", before):
        return None  # "cut by 5% to 20%"; but "cooled by 1 to 1.5 degrees" is a range
    _, second_multiplier = units.read_multiplier(text, following.end, unit if unit in units.CURRENCIES else None)
    if following.value * second_multiplier < span.value:
        return None
    return following


def _an_estimate(first: float, second: float) -> bool:
    """Whether "FIRST or SECOND" gives a rough count between them ("two or three", "1,900 or 2,000"), not two
    figures to choose from ("1 or 10").  Two years ("in 2019 or 2020") never come here: a year is no amount."""
    return first < second <= ESTIMATE_SPREAD * first + 1
