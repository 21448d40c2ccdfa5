"""When two stated numbers can both be true: the value compatibility rules.

A number as written, with its qualifier, allows an interval of true values:
"27" allows 27; "over 40" allows 40 and up ("more than X" is commonly used
for X itself, as in "1,000-plus"); "almost 500" allows a little below 500;
"about 146 billion" allows whatever rounds to 146 billion at the written
precision.  Two readings are compatible when their intervals meet.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

#: Qualifiers that make the number a lower bound.
LOWER_BOUND = frozenset(
    {"over", "more than", "at least", "-plus", "plus", "upwards of", "in excess of", "above", "greater than",
     "no fewer than", "no less than", "just over", "well over", "just above"}
)  # fmt: skip
#: Qualifiers that make the number an upper bound.
UPPER_BOUND = frozenset(
    {"up to", "at most", "less than", "fewer than", "under", "below", "no more than", "as many as", "as much as",
     "well under"}
)  # fmt: skip
#: Qualifiers meaning "a little below the number".
JUST_BELOW = frozenset({"nearly", "almost", "just under", "just below", "close to", "just shy of", "not quite"})
#: Qualifiers meaning "rounded to the written precision".
ROUNDED = frozenset(
    {"about", "some", "around", "approximately", "roughly", "an estimated", "estimated", "approx", "circa", "~"}
)
#: How far below the number "nearly"/"almost" may reach (share of the number).
JUST_BELOW_SLACK = 0.1

_INFINITY = math.inf


@dataclass(frozen=True, slots=True)
class Reading:
    """A number as stated: value, optional qualifier, optional upper end of a range."""

    value: float
    qualifier: str | None = None
    value_max: float | None = None
    #: The step of the last digit written, at the figure's scale: 0.1 for "64.3 times", 1e8 for "$13.2 billion",
    #: 1 for "64 times"; None when unknown (a number in words).  A plain figure written to a coarser step
    #: than another is that other rounded: ``compatible``.
    step: float | None = None
    #: What one of the written unit is in its kind's base unit (``units.IN_BASE``: 1000 for "km", 1609.344 for
    #: "miles"), so that "40 km" and "about 25 miles" compare; 1 for a figure in no convertible unit.
    scale: float = 1.0


def written_precision(value: float) -> float:
    """The place of the last significant digit: 40 → 10, 472 → 1, 146e9 → 1e9, 0.25 → 0.01."""
    magnitude = abs(value)
    if magnitude == 0:
        return 1.0
    for exponent in range(15, -7, -1):
        place = 10.0**exponent
        if place > magnitude:
            continue
        ratio = magnitude / place
        if abs(ratio - round(ratio)) < 1e-6 * max(1.0, ratio):
            return place
    return 1e-6


def normalise_qualifier(qualifier: str | None) -> str | None:
    if qualifier is None:
        return None
    cleaned = " ".join(qualifier.lower().split())
    return cleaned or None


def interval(reading: Reading) -> tuple[float, float]:
    """The true values a reading allows (closed interval), in its kind's base unit (``Reading.scale``)."""
    low, high = _interval_as_written(reading)
    return low * reading.scale, high * reading.scale


def _interval_as_written(reading: Reading) -> tuple[float, float]:
    low = reading.value
    high = reading.value_max if reading.value_max is not None else reading.value
    qualifier = normalise_qualifier(reading.qualifier)
    if qualifier in LOWER_BOUND:
        return low, _INFINITY
    if qualifier in UPPER_BOUND:
        return min(0.0, low), high
    if qualifier in JUST_BELOW:
        return low - abs(low) * JUST_BELOW_SLACK, high
    if qualifier in ROUNDED:
        half = written_precision(low) / 2
        return low - half, high + written_precision(high) / 2
    return low, high


def compatible(a: Reading, b: Reading) -> bool:
    """True when some value satisfies both readings."""
    if a.scale != b.scale:
        (a_low, a_high), (b_low, b_high) = _converted_interval(a), _converted_interval(b)
    else:
        (a_low, a_high), (b_low, b_high) = interval(a), interval(b)
    # A hair of tolerance for float noise in parsed values ("1.2 million").
    slack = 1e-9 * max(1.0, abs(a.value * a.scale), abs(b.value * b.scale))
    return (a_low <= b_high + slack and b_low <= a_high + slack) or _rounded_from(a, b, slack)


def _converted_interval(reading: Reading) -> tuple[float, float]:
    """A reading's interval set against a figure in another unit: a plain figure to half a step of its last
    written digit either way (a unit for a number in words), since one of the two was converted and rounded
    ("40 km" is "25 miles", 24.85 rounded), however exactly each was written."""
    low, high = interval(reading)
    if reading.qualifier is not None:
        return low, high
    half = (reading.step or 1.0) * reading.scale / 2
    return low - half, high + half


def _rounded_from(a: Reading, b: Reading, slack: float) -> bool:
    """Two plain figures written to different steps, the coarser one what the finer rounds to: "subscribed 64
    times" and "64.3 times", "$13 billion" and "$13.2 billion".  Figures written to one step ("230", "229")
    are two figures; a qualifier or a range says how it is meant and is read as such."""
    plain = all(r.qualifier is None and r.value_max is None and r.step for r in (a, b))
    if not plain or a.scale != b.scale or math.isclose(a.step or 0.0, b.step or 0.0):
        return False
    coarser = max(a.step or 0.0, b.step or 0.0)
    return abs(a.value - b.value) <= coarser / 2 + slack


def all_compatible(readings: list[Reading]) -> bool:
    """True when every pair of readings is compatible."""
    return all(compatible(a, b) for i, a in enumerate(readings) for b in readings[i + 1 :])


def width(reading: Reading) -> float:
    """How much a reading leaves open; smaller is more precise."""
    low, high = interval(reading)
    return high - low


def bounds_apart(a: Reading, b: Reading) -> bool:
    """Two bounds on the same side with different numbers ("at least 25", "at least 50"; "up to 40",
    "up to 60"): both can be true, yet they are not one statement of one figure. Taken for agreement
    they hide the very difference a reader needs; a toll reported as "at least 25" and later "at least
    27" is a figure that changed.  "Nearly 60" and "up to 62" are two such upper bounds."""
    side_a, side_b = _side_reached(a), _side_reached(b)
    return side_a is not None and side_a == side_b and _ends_in_base(a) != _ends_in_base(b)


def _ends_in_base(reading: Reading) -> tuple[float, float | None]:
    top = reading.value_max * reading.scale if reading.value_max is not None else None
    return reading.value * reading.scale, top


def _side_reached(reading: Reading) -> str | None:
    """The side a reading bounds, "nearly" and "almost" counting as upper: "nearly 9,000 pounds" and "up to
    9,480 pounds" both say "not above", at two numbers, and are two statements, not one told twice."""
    if normalise_qualifier(reading.qualifier) in JUST_BELOW:
        return "upper"
    return bound_side(reading)


def is_range(reading: Reading) -> bool:
    return reading.value_max is not None and reading.value_max != reading.value


def bound_side(reading: Reading) -> str | None:
    """Which side a bound is open on ("more than 40": "lower"), None for a figure that is no bound."""
    qualifier = normalise_qualifier(reading.qualifier)
    if qualifier in LOWER_BOUND:
        return "lower"
    if qualifier in UPPER_BOUND:
        return "upper"
    return None


#: How far a bound reaches to agree with a figure on its open side: "more than 40" and 43 are one count told
#: twice; "up to 70%" and 40%, or "more than 40" and 90, are two statements that both may be true.
BOUND_REACH = 1.5
#: A bound at a plain number reaches less: "over $363 million" is written that exactly because the figure
#: is a little over it, not $459 million.  Its reach is one step of its last written digit, or this share
#: of it when larger ("more than two dozen" reaches 27, "more than 40" 50), never past ``BOUND_REACH``.
BOUND_SLACK = 0.15


def bound_reach(bound: float) -> float:
    """How far past a bound (on its open side) a figure may lie and still be the bound's count."""
    magnitude = abs(bound)
    return min(max(written_precision(magnitude), BOUND_SLACK * magnitude), (BOUND_REACH - 1) * magnitude)


def bound_far_from(a: Reading, b: Reading) -> bool:
    """One reading is a bound on one side, the other a figure past its reach on that side."""
    for bound, other in ((a, b), (b, a)):
        side = bound_side(bound)
        if side is None or bound_side(other) is not None or bound.value <= 0 or other.value <= 0:
            continue
        reach = bound_reach(bound.value) * bound.scale
        at, figure = bound.value * bound.scale, other.value * other.scale
        if (side == "lower" and figure > at + reach) or (side == "upper" and figure < at - reach):
            return True
    return False
