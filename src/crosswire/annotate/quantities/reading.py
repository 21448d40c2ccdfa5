"""One amount read from its context: sign and currency before it, scale, unit or counted thing after it,
the second number of a range, the qualifier and change before it, and the age a bare number may be."""

from __future__ import annotations

import re

from crosswire.annotate.quantities import ages, amounts, counted, numbers, units
from crosswire.annotate.quantities.qualifiers import qualifier_and_change
from crosswire.annotate.quantities.ranges import First, read_range
from crosswire.model import Quantity

_OF_AFTER = re.compile(r"\s+of\b")
_MEASURE_AFTER = re.compile(r"\s\d+(?:\.\d+)?")
#: "one in four adults", "seven out of 10 attempts", "one in every 500 users" (a share, not 500 users)
_PROPORTION_JOINER = re.compile(r"\s(?:out\sof|in)\s(?:(?:every|each)\s)?")
_ROUGH_SUFFIX = re.compile(r"-(?P<suffix>odd|plus|something)\b", re.IGNORECASE)


def read_quantity(text: str, span: numbers.NumberSpan, later: list[numbers.NumberSpan]) -> Quantity | None:
    start, value, value_max = span.start, span.value, span.value_max
    currency_match = units.CURRENCY_BEFORE.search(text[max(0, start - 6) : start])
    currency = units.CURRENCY_PREFIXES[currency_match.group("currency")] if currency_match else None
    if currency_match:
        start -= len(currency_match.group(0))
        if currency_match.group(0).endswith("-"):
            value = -value  # "$-12.4bn"
    else:
        minus = re.search(r"(?:(?<![\w\d])[-−]|\bminus[\s-])$", text[max(0, start - 6) : start], re.IGNORECASE)
        if minus:
            start, value = start - len(minus.group()), -value

    # "magnitude 6.2": a unit named before the amount, as a currency is, and no other unit after it
    word_before = units.unit_word_before(text, start) if currency is None else None
    if word_before is not None:
        start = word_before[1]

    end, multiplier = units.read_multiplier(text, span.end, currency)
    # "100-odd fans", "40-plus years": the suffix says how exact the number is
    rough = _ROUGH_SUFFIX.match(text, end)
    if rough:
        end = rough.end()
    value *= multiplier
    value_max = value_max * multiplier if value_max is not None else None

    unit: str | None = currency or (word_before[0] if word_before else None)
    proportion = _read_proportion(text, span, end, later) if unit is None and multiplier == 1.0 else None
    if proportion is not None:
        value, unit, end = proportion
    measured = units.measurement_unit_after(text[end : end + 40], currency) if proportion is None else None
    if (
        measured is not None
        and measured[0] == "lb"
        and multiplier >= 1e6
        and not _OF_AFTER.match(text, end + measured[1])
    ):
        measured = ("GBP", measured[1])  # "a 40 billion pound rescue"; but "3 million pounds of thrust"
    # After a currency only a per-share unit may follow ("31 cents per share"); after a unit's word, none.
    if measured is not None and (unit is None or (currency is not None and measured[0] == "cents per share")):
        unit, end = measured[0], end + measured[1]

    second = (
        None
        if proportion is not None
        else read_range(
            text,
            First(span, start, end, value, multiplier, unit, currency),
            later,
            lambda other: amounts.is_amount(text, other),
        )
    )
    if second is not None:
        end, value, value_max, unit = second.end, second.value, second.value_max, second.unit

    if unit is not None and unit != "%":
        rate = units.RATE_AFTER.match(text, end)
        if rate:
            unit = f"{unit} per {units.RATE_DENOMINATORS[rate.group('denominator').lower()]}"
            end = rate.end()
    if unit is None:
        noun = counted.counted_noun(text, end, value, vague=span.value_max is not None)
        rating = _rating(noun[0], value) if noun is not None else None
        if rating is not None:
            unit = rating  # "a 4.3 quake": the quake's magnitude; the noun is the thing measured, after the amount
        elif noun is not None:
            unit, end = _unit_at_head(noun[0]), noun[1]
        else:
            unit = _counted_past_a_measure(text, end, value)
    if unit is None:
        unit = _measured_after_hyphens(text, end, later)

    if unit is None and value_max is None:
        age_end = ages.age_end(text, start, end, value)
        if age_end is not None:
            unit, end = "years old", age_end
    elif unit in (None, "year") and ages.follows_age_of(text, start):
        unit = "years old"  # "under the age of 5 years", "ages 16 to 18"
    qualifier, change = qualifier_and_change(text, start)
    if rough:
        qualifier = "more than" if rough.group("suffix").lower() == "plus" else "about"
    if value_max is not None and value_max < value:
        value_max = None
    return Quantity(
        text=text[start:end], start=start, end=end, value=value, value_max=value_max,
        unit=unit, qualifier=qualifier, change=change,
    )  # fmt: skip


def _rating(phrase: str, value: float) -> str | None:
    """The unit of a rating noun the phrase opens with, when the number before it rates it ("a 4.3 quake"): a
    number with a fraction, or any but one before the noun alone; "4,000 quake victims" counts victims."""
    first = phrase.split(None, 1)[0].lower()
    if first not in units.RATED_NOUNS or value == 1 or (first != phrase.lower() and value.is_integer()):
        return None
    return units.RATED_NOUNS[first]


def _unit_at_head(phrase: str) -> str:
    """ "212 rushing yards", "40 previous years": a measurement unit heading the phrase is the unit."""
    head = phrase.rsplit(None, 1)[-1]
    if units.UNIT_AFTER.fullmatch(head):
        unit = units.unit_for(head)
        if unit not in units.CURRENCIES:
            return unit
    return phrase


def _measured_after_hyphens(text: str, end: int, later: list[numbers.NumberSpan]) -> str | None:
    """ "a four-cylinder engine" counts cylinders; "a 7- or 8-inch screen" measures inches."""
    noun = counted.compound_noun(text, end, later)
    if noun is None:
        return None
    measured = units.measurement_unit_after(noun, None)
    return measured[0] if measured is not None and measured[1] == len(noun) else noun


def _read_proportion(
    text: str, span: numbers.NumberSpan, end: int, later: list[numbers.NumberSpan]
) -> tuple[float, str, int] | None:
    """ "one in five adults" is a fifth of the adults: the share, the counted thing and where it ends."""
    joiner = _PROPORTION_JOINER.match(text, end)
    if joiner is None or span.value_max is not None:
        return None
    whole = next((other for other in later if other.start >= joiner.end()), None)
    if whole is None or whole.start != joiner.end() or whole.value_max is not None or whole.value <= span.value:
        return None
    if units.measurement_unit_after(text[whole.end : whole.end + 40], None) is not None:
        return None  # "2 in 3 years"
    noun = counted.counted_noun(text, whole.end, whole.value)
    if noun is None:
        return None
    return span.value / whole.value, noun[0], noun[1]


def _counted_past_a_measure(text: str, end: int, value: float) -> str | None:
    """ "eight million 330ml cans" counts cans; the 330ml is a quantity of its own, read next."""
    measure = _MEASURE_AFTER.match(text, end)
    if measure is None:
        return None
    measured = units.measurement_unit_after(text[measure.end() : measure.end() + 40], None)
    if measured is None:
        return None
    noun = counted.counted_noun(text, measure.end() + measured[1], value)
    return noun[0] if noun is not None and counted.looks_plural(noun[0].rsplit(None, 1)[-1]) else None
