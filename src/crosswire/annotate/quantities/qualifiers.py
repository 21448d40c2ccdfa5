"""What is said about an amount just before it: a qualifier ("more than") and a change ("rose by")."""

from __future__ import annotations

import re

QUALIFIERS = (
    "more than", "less than", "fewer than", "greater than", "no more than", "no fewer than",
    "no less than", "just over", "just under", "well over", "well under", "just below",
    "just above", "at least", "at most", "up to", "as many as", "as much as", "as few as",
    "as little as", "upwards of", "close to", "an estimated", "approximately", "approx.",
    "roughly", "about", "around", "some", "nearly", "almost", "over", "under", "below",
    "above", "only", "just", "barely", "exactly", "precisely", "circa", "an average of",
    "on average", "a total of", "a further", "another", "at", "estimated",
)  # fmt: skip
_QUALIFIER_BEFORE = re.compile(
    r"\b(?P<qualifier>" + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True)) + r")\s+$",
    re.IGNORECASE,
)
#: Qualifiers that say nothing about the amount's precision are not reported.
_SILENT_QUALIFIERS = frozenset({"at", "a total of", "another", "a further", "only", "just"})

_UP_WORDS = (
    "rose|rise|rises|rising|risen|increased|increase|increases|increasing|up|gained|gain|gains|"
    "grew|grow|grows|growing|jumped|jump|jumps|climbed|climb|climbs|soared|surged|added|adding|"
    "higher|boosted|boost|raised|advanced"
)
_DOWN_WORDS = (
    "fell|fall|falls|falling|fallen|dropped|drop|drops|declined|decline|declines|decreased|"
    "decrease|decreases|down|lost|lose|loses|slid|slipped|plunged|tumbled|shed|sank|lower|"
    "eased|cut|cuts|reduced|shrank|slumped"
)
CHANGE_BEFORE = re.compile(
    rf"\b(?:(?P<up>{_UP_WORDS})|(?P<down>{_DOWN_WORDS}))\s+(?:by\s+)?"
    r"(?:(?:a|an|some|about|around|nearly|almost|roughly|over|more than|just over|just under)\s+)?$",
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
    change_match = CHANGE_BEFORE.search(before)
    change = None
    if change_match and not re.search(r"\bup\s+to\s+$", before, re.IGNORECASE):
        change = "up" if change_match.group("up") else "down"
    return qualifier, change
