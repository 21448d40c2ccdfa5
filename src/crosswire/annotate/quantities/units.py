"""The unit registry: currencies written before an amount, scale words and units written after it.

Every surface form maps to one canonical unit, so "km", "kilometres" and
"kilometers" all come out as ``km`` and "$", "US$" and "dollars" as ``USD``.
The table is data (``lexicons/units.json``, ``scales.json``, ``rates.json``);
the NewsQuant scorer reads the same entries for its unit names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from crosswire.lexicon import load_lexicon

PACKAGE = "crosswire.annotate.quantities"


@dataclass(frozen=True, slots=True)
class Unit:
    """One row of the registry."""

    unit: str
    kind: str
    newsquant: str
    after: tuple[str, ...] = ()
    cased: tuple[str, ...] = ()
    before: tuple[str, ...] = ()
    words_before: tuple[str, ...] = ()
    #: What one of the unit is in its kind's base unit ("km": 1000 metres); None when it has no one size.
    in_base: float | None = None


@cache
def registry() -> tuple[Unit, ...]:
    return tuple(
        Unit(
            unit=entry.value["unit"],
            kind=entry.value["kind"],
            newsquant=entry.value["newsquant"],
            after=tuple(entry.value.get("after", ())),
            cased=tuple(entry.value.get("cased", ())),
            before=tuple(entry.value.get("before", ())),
            words_before=tuple(entry.value.get("words_before", ())),
            in_base=entry.value.get("in_base"),
        )
        for entry in load_lexicon(PACKAGE, "units").entries
    )


#: Symbols and codes written before the amount ("$5", "US$5", "£5m", "RM2.70").
CURRENCY_PREFIXES: dict[str, str] = {symbol: row.unit for row in registry() for symbol in row.before}
#: Words written before the amount, with a space or a hyphen ("magnitude 6.2", "a magnitude-6.2 quake").
WORDS_BEFORE: dict[str, str] = {word: row.unit for row in registry() for word in row.words_before}
#: Forms written after the amount, matched in any case.
UNITS: dict[str, str] = {form: row.unit for row in registry() for form in row.after}
#: Forms whose case carries the meaning ("GB" is gigabytes, "m" metres, "USD" a currency code).
CASED_UNITS: dict[str, str] = {form: row.unit for row in registry() for form in row.cased}
#: Nouns whose number before them, in the singular, is their rating in a unit ("a 4.3 quake": magnitude;
#: ``lexicons/rated_nouns.json``).
RATED_NOUNS: dict[str, str] = dict(load_lexicon(PACKAGE, "rated_nouns").mapping())
#: The kind of each canonical unit ("lb" → "mass", "km" → "length").
UNIT_KINDS: dict[str, str] = {row.unit: row.kind for row in registry()}
#: What one of each convertible canonical unit is in its kind's base unit ("mi" → 1609.344 metres).
IN_BASE: dict[str, float] = {row.unit: row.in_base for row in registry() if row.in_base is not None}


def convertible_kind(unit: str | None) -> str | None:
    """The kind of a unit that converts to its kind's base unit ("mi": length), or None when it does not."""
    return UNIT_KINDS[unit] if unit in IN_BASE else None
#: Canonical units that are currencies (their amounts may carry "m"/"bn").
CURRENCIES = frozenset(row.unit for row in registry() if row.kind == "currency")
#: Each canonical unit's name in plain words, the lexicon's term ("ft" → "feet"): the first entry naming it.
UNIT_NAMES: dict[str, str] = {e.value["unit"]: e.term for e in reversed(load_lexicon(PACKAGE, "units").entries)}
#: The name NewsQuant gives each canonical unit.
NEWSQUANT_NAMES: dict[str, str] = {row.unit: row.newsquant for row in registry()}

_SCALES = load_lexicon(PACKAGE, "scales").entries
#: Scale words after an amount ("5 million", "5bn"), any case.
MULTIPLIERS: dict[str, float] = {form: float(e.value["factor"]) for e in _SCALES for form in e.value["after"]}
#: One-letter scales that count only after a currency ("$5m"), where "m" cannot be metres.
CURRENCY_MULTIPLIERS: dict[str, float] = {
    letter: float(e.value["factor"]) for e in _SCALES for letter in e.value.get("after_currency", ())
}
#: Denominators of rates ("$81 a barrel", "RM60 a month", "30 miles per gallon").
RATE_DENOMINATORS: dict[str, str] = dict(load_lexicon(PACKAGE, "rates").mapping())


def _alternation(forms: list[str]) -> str:
    return "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))


#: A unit right after the amount, possibly glued ("5km") or hyphenated ("15-year-old").
UNIT_AFTER = re.compile(rf"(?:\s?-\s?|\s*)(?P<unit>{_alternation(list(UNITS))})(?![\w%])", re.IGNORECASE)
#: Not a model's name that begins like a unit ("two F-16 jets", "a C-130 plane"): capitals, a hyphen and digits
#: (a range "10km-15km" is written in units of the case-blind list).
CASED_UNIT_AFTER = re.compile(rf"(?:-|\s?)(?P<unit>{_alternation(list(CASED_UNITS))})(?![\w%]|-\d)")
#: A currency right before the amount ("$", "US$ ", "RM", "EUR ").
CURRENCY_BEFORE = re.compile(rf"(?<![A-Za-z])(?P<currency>{_alternation(list(CURRENCY_PREFIXES))})\s?-?$")
#: A unit's word right before the amount ("magnitude 6.2"); searched in the characters before the amount.
WORD_BEFORE = re.compile(rf"\b(?P<word>{_alternation(list(WORDS_BEFORE))})(?:[\s-]|\s+of\s+)$", re.IGNORECASE)
#: How many characters before an amount ``WORD_BEFORE`` needs to see.
WORD_BEFORE_REACH = max(map(len, WORDS_BEFORE), default=0) + len(" of ") + 2
MULTIPLIER_AFTER = re.compile(rf"\s?(?P<word>{_alternation(list(MULTIPLIERS))})\b", re.IGNORECASE)
CURRENCY_MULTIPLIER_AFTER = re.compile(rf"(?P<word>{_alternation(list(CURRENCY_MULTIPLIERS))})\b", re.IGNORECASE)
RATE_AFTER = re.compile(
    rf"\s(?:per|a|an|each)[\s-](?P<denominator>{_alternation(list(RATE_DENOMINATORS))})\b"
    # "$4.8 billion a year earlier" dates the amount; it is not a rate
    r"(?!\s(?:earlier|ago|later|previously)\b)",
    re.IGNORECASE,
)


def unit_for(surface: str) -> str:
    """Canonical unit of a surface form matched by ``UNIT_AFTER``."""
    return UNITS.get(surface.lower()) or UNITS.get(surface, surface)


def unit_word_before(text: str, start: int) -> tuple[str, int] | None:
    """The unit whose word stands right before the amount at ``start`` ("magnitude 6.2"), and where the word
    begins; None when no unit word does."""
    found = WORD_BEFORE.search(text, max(0, start - WORD_BEFORE_REACH), start)
    return (WORDS_BEFORE[found.group("word").lower()], found.start()) if found else None


def measurement_unit_after(after: str, currency: str | None) -> tuple[str, int] | None:
    """The canonical unit at the start of ``after`` and the characters it spans."""
    match = UNIT_AFTER.match(after)
    cased = CASED_UNIT_AFTER.match(after)
    if cased and (match is None or cased.end() > match.end()):
        if len(cased.group("unit")) == 1 and currency is not None:
            return None  # "$5m" is five million dollars, not metres
        return CASED_UNITS[cased.group("unit")], cased.end()
    if match is None:
        return None
    return unit_for(match.group("unit")), match.end()


def read_multiplier(text: str, position: int, currency: str | None) -> tuple[int, float]:
    """Where a multiplier after ``position`` ends ("5 million", "$5bn") and its factor (1.0 if none)."""
    after = text[position : position + 20]
    word = MULTIPLIER_AFTER.match(after)
    if word:
        return position + word.end(), MULTIPLIERS[word.group("word").lower()]
    letter = CURRENCY_MULTIPLIER_AFTER.match(after)
    if letter and (currency is not None or _unit_follows(text, position + letter.end())):
        # "$5m"; "2.5m tonnes" (a unit after the "m" makes it millions, not metres)
        return position + letter.end(), CURRENCY_MULTIPLIERS[letter.group("word").lower()]
    return position, 1.0


def _unit_follows(text: str, position: int) -> bool:
    found = UNIT_AFTER.match(text, position, position + 40)
    return found is not None and found.group().startswith(" ") and unit_for(found.group("unit")) not in ("m", "in")


#: Kinds of unit a figure is shown without: its label already says it ("hours flown: 4", "boy age: 3").
UNSHOWN_KINDS = frozenset({"time", "age", "score", "sport", "ratio", "network generation"})


def written_with_unit(number: str, unit: str | None) -> str:
    """A figure as a reader writes it with its unit: "$40,000,000", "€2.5", "INR 412" (a currency without a sign
    of its own), "6%", "450 pounds"; as it is for a count, a span of time or an age, which the label says."""
    kind = UNIT_KINDS.get(unit or "")
    if unit is None or kind is None or kind in UNSHOWN_KINDS:
        return number
    if kind == "currency":
        signs = [form for form in CURRENCY_PREFIXES if CURRENCY_PREFIXES[form] == unit and not form.isalpha()]
        sign = min(signs, key=len, default=None)
        return f"{sign}{number}" if sign and " " not in sign else f"{unit} {number}"
    if unit == "%":
        return f"{number}%"
    return f"{number} {UNIT_NAMES.get(unit, unit)}"
