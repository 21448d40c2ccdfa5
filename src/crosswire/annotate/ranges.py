"""Ranges: the second number of "3 to 4 inches", "between 10 and 12", "$5-6 billion"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosswire.annotate import numbers, units
from crosswire.annotate.qualifiers import CHANGE_BEFORE

_RANGE_JOINER = re.compile(r"^\s*(?:to|-|–|—|and|through)\s*", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\b(?:between|from)\s+(?:\S+\s+)?$", re.IGNORECASE)


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


def read_range(text: str, first: First, later: list[numbers.NumberSpan]) -> Range | None:
    """The range that ``first`` opens, or None when no second number follows it."""
    # The next number starts after this amount's own words ("million" is a span too).
    following = next((other for other in later if other.start >= first.end), None)
    second = _second_number(text, first, following)
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
        unit, end = measured[0], end + measured[1]
    return Range(end, value, value_max, unit)


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
        return None  # "18 sen to RM23.50": a change and a price
    before = text[max(0, first.start - 40) : first.start]
    if joiner_word == "and" and not _BETWEEN_BEFORE.search(before):
        return None
    if joiner_word == "to" and unit is not None and CHANGE_BEFORE.search(before):
        return None  # "rose 5% to 20%", "fell 0.4 per cent to 13176": a change and a new level
    if joiner_word == "to" and re.search(r"\bby\s+(?:\S+\s+)?$", before):
        return None
    _, second_multiplier = units.read_multiplier(text, following.end, unit if unit in units.CURRENCIES else None)
    if following.value * second_multiplier < span.value:
        return None
    return following
