"""What is said about an amount just before it: a qualifier ("more than") and a change ("rose by")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from crosswire.lexicon import load_lexicon

_PACKAGE = "crosswire.annotate.quantities"
_QUALIFIER_ENTRIES = load_lexicon(_PACKAGE, "qualifiers").entries
QUALIFIERS: tuple[str, ...] = tuple(entry.term for entry in _QUALIFIER_ENTRIES)
#: Qualifiers that say nothing about the amount's precision ("only", "a total of") are read but not reported.
_SILENT_QUALIFIERS = frozenset(entry.term for entry in _QUALIFIER_ENTRIES if not entry.value["reported"])
#: Qualifiers that also date ("circa 1900"): a four-digit number after them may be a year.
DATING = frozenset(entry.term for entry in _QUALIFIER_ENTRIES if entry.value.get("dates"))
#: Words of change: "rose" -> "up", "fell" -> "down".
CHANGE_WORDS: dict[str, str] = load_lexicon(_PACKAGE, "changes").mapping()


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_QUALIFIER_BEFORE = re.compile(rf"\b(?P<qualifier>{_alternation(QUALIFIERS)})\s+$", re.IGNORECASE)
#: A change word, an optional "by" and an optional qualifier of the amount ("rose by more than 5%").
#: "up to" bounds the amount and is not part of a change ("rose up to 5%" is read apart).
_HEDGES = ["a", "an", *(q for q in QUALIFIERS if q not in _SILENT_QUALIFIERS and q != "up to")]
CHANGE_BEFORE = re.compile(
    rf"\b(?P<change>{_alternation(CHANGE_WORDS)})\s+(?:by\s+)?(?:(?:{_alternation(_HEDGES)})\s+)?$",
    re.IGNORECASE,
)

#: The verb's object may come between the verb and "by": "increased its fleet by 30 buses".
_CHANGE_THEN_BY = re.compile(
    rf"\b(?P<change>{_alternation(CHANGE_WORDS)})\s+(?:[^\W\d]+\s+){{1,4}}by\s+(?:(?:{_alternation(_HEDGES)})\s+)?$",
    re.IGNORECASE,
)


def qualifier_and_change(text: str, start: int) -> tuple[str | None, str | None]:
    """The qualifier and the direction of change written right before ``start``."""
    before = text[max(0, start - 60) : start]
    qualifier_match = _QUALIFIER_BEFORE.search(before)
    qualifier = None
    if qualifier_match:
        qualifier = " ".join(qualifier_match.group("qualifier").lower().split())
        qualifier = None if qualifier in _SILENT_QUALIFIERS else qualifier
        # "up 5%" is a change; "up to 5%" a ceiling.
        if qualifier_match.group("qualifier").lower() == "up to" and re.search(
            r"\b(?:rose|risen|rising|jumped|climbed)\s+up\s+to\s+$", before, re.IGNORECASE
        ):
            qualifier = None
    change_match = CHANGE_BEFORE.search(before) or _CHANGE_THEN_BY.search(before)
    change = None
    if change_match and not re.search(r"\bup\s+to\s+$", before, re.IGNORECASE):
        change = CHANGE_WORDS[change_match.group("change").lower()]
    return qualifier, change
