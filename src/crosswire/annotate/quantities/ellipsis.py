"""Units left unsaid: a bare number that shares the unit of a number next to it.

News drops a unit it has just written: "300 homes last year and 450 this
year", "the top bid was 92.5 cents, the lowest 80.25", "about 8 or $9".
An index level after a change in points is in points too ("gained 31.2 points
to 6,210.4"), but a level after a change in per cent is not ("fell 0.5 per
cent to 7120").
"""

from __future__ import annotations

import dataclasses
import re

from crosswire.annotate.quantities import counted, units
from crosswire.model import Quantity

#: Units of a change relative to the level; the level itself is in some other unit.
RELATIVE_UNITS = frozenset({"%", "percentage point", "basis point", "times"})
#: Units a neighbour does not lend: ages belong to one person each.
_NOT_LENT = frozenset(unit for unit, kind in units.UNIT_KINDS.items() if kind == "age")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z\"“]|\n")
#: "gained 31.2 points to 6,210.4", "was off 0.3 per cent at 7102"
_LEVEL_BEFORE = re.compile(r"\b(?:to|at)\s$")
#: "6,210.4, up 31.2 points", "(9120.5 down 12.7 points)"
_CHANGE_AFTER = re.compile(r"^,?\s(?:up|down)\s$")
#: After a bare number that leaves its unit unsaid: punctuation, the end, or a function word.
_ALONE_AFTER = re.compile(
    r"\s?(?:[.,;:)!?]|$)|\s(?:by|in|on|at|for|during|from|to|and|but|or|while|whereas|last|this|a|an|the|"
    r"each|apiece|respectively|compared|versus|vs|against|up|down)\b",
    re.IGNORECASE,
)
_OF_BEFORE = re.compile(r"\bof\s$|:\s?$")
#: "raising the toll to 19", "put the number of dead at 31": the number is the level of the noun named right
#: before it, not one more of a neighbour's things.
_NAMED_LEVEL_BEFORE = re.compile(r"\b(?:the|its|his|her|their)(?:\s[^\W\d_][\w'-]*){1,6}\s(?:to|at)\s$", re.IGNORECASE)
#: "a day or two", "another pick or two": the thing is named once, before the number.
_NOUN_OR_BEFORE = re.compile(r"\b(?:a|an|another|one)\s(?P<noun>[a-z]{3,})\sor\s$", re.IGNORECASE)
#: How far back the number whose unit is lent may be.
_MAX_GAP = 60
#: "8 or $9", "three or four years": the unit is written once, on the last number.
_ALTERNATIVE_AFTER = re.compile(r"^-?\s(?:or|to|and)\s$|^,\s$")  # also "300, 400 metres", "3 and 4 percent"


def lend_units(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """``quantities`` with the unit of a neighbour given to bare numbers that leave it unsaid."""
    lent = list(quantities)
    for index, quantity in enumerate(quantities):
        if quantity.unit is not None:
            continue
        unit = _lent_unit(text, quantities, index)
        if unit is not None and not (_counts_things(unit) and not quantity.value.is_integer()):
            # Things are counted whole: in "two quakes, measuring 6.6 and 6.2" the 6.6 is no number of quakes.
            lent[index] = dataclasses.replace(quantity, unit=unit)
    return lent


def _counts_things(unit: str) -> bool:
    """Whether a unit is a plain noun counted ("homes", "quakes"), not a unit of measure ("km", "cent")."""
    return units.measurement_unit_after(unit, None) is None and unit not in units.UNIT_KINDS


def _lent_unit(text: str, quantities: list[Quantity], index: int) -> str | None:
    quantity = quantities[index]
    noun_before = _NOUN_OR_BEFORE.search(text[max(0, quantity.start - 40) : quantity.start])
    if noun_before and noun_before.group("noun").lower() not in counted.STOP_WORDS:
        noun = noun_before.group("noun")
        measured = units.measurement_unit_after(noun, None)
        return measured[0] if measured is not None and measured[1] == len(noun) else noun
    following = quantities[index + 1] if index + 1 < len(quantities) else None
    if following is not None and following.unit is not None and following.unit not in _NOT_LENT:
        between = text[quantity.end : following.start]
        if _ALTERNATIVE_AFTER.match(between):
            return following.unit
        if _CHANGE_AFTER.match(between):
            return following.unit if following.unit not in RELATIVE_UNITS else None
    earlier = [q for q in quantities[:index] if not _SENTENCE_BREAK.search(text, q.end, quantity.start)]
    if _LEVEL_BEFORE.search(text[max(0, quantity.start - 4) : quantity.start]):
        changes = [q for q in earlier if q.change is not None and q.unit is not None]
        if changes:
            # the level is in the unit of the change, unless the change was relative
            absolute = [q for q in changes if q.unit not in RELATIVE_UNITS]
            return absolute[-1].unit if absolute else None
    previous = earlier[-1] if earlier else None
    if previous is None or previous.unit is None or previous.unit in _NOT_LENT:
        return None
    if _NAMED_LEVEL_BEFORE.search(text, max(0, previous.end, quantity.start - 60), quantity.start):
        return None
    if previous.unit in units.CURRENCIES:
        return None  # "3 billion kroner ($430 million) and 60 million": which currency is unclear
    if not _stands_alone(text, quantity) or quantity.start - previous.end > _MAX_GAP:
        return None
    if previous.unit in RELATIVE_UNITS and _word_before(text, quantity.start) != _word_before(text, previous.start):
        return None  # "rose by 3 percent and fell by 2" is parallel; "40 percent of the 9 billion" is not
    return previous.unit


def _stands_alone(text: str, quantity: Quantity) -> bool:
    """A number with nothing counted after it ("and 450 this year", "the lowest was 80.25.")."""
    if quantity.text.lower() in ("one", "a", "an") or _OF_BEFORE.search(
        text[max(0, quantity.start - 6) : quantity.start]
    ):
        return False  # "the second one", "a factor of two"
    if quantity.value < 1 and re.search(r"[A-Za-z]", quantity.text):
        return False  # "one-half to two-thirds": a share, not a count of the neighbour's things
    return _ALONE_AFTER.match(text, quantity.end) is not None


def _word_before(text: str, position: int) -> str:
    match = re.search(r"(\w+)\W*$", text[max(0, position - 20) : position])
    return match.group(1).lower() if match else ""
