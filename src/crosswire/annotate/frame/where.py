"""*Where*: the places of the headline and lead, dateline first.

A dateline ("KYIV (Reuters) -") says where the story was reported from and
is the first answer.  Then come place entities of the headline and the lead
in reading order.  A place followed by ", <place>" is qualified by its
region ("Springfield, Illinois") and is kept with it as one phrase.  A place
right before a title ("US President", "French Foreign Minister") describes
the person, not where the event happened, and is passed over.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosswire.annotate.entities import TITLES
from crosswire.model import Entity

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.-]+(?:\s[A-Z][A-Z'’.-]+){0,3})(?:,\s[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)?"
    r"\s*(?:\([^)]{1,40}\))?\s*[-–—]{1,2}\s"
)
_TITLE_AFTER = re.compile(r"[\s-]*(?:" + "|".join(re.escape(title) for title in TITLES) + r")\b")
_QUALIFIER_GAP = re.compile(r",\s")


def dateline_place(text: str, body_start: int) -> str | None:
    """The place of a dateline opening the body ("LONDON --"), as written."""
    match = _DATELINE.match(text, body_start)
    return match.group("place") if match else None


def place_phrases(text: str, entities: Sequence[Entity], start: int, end: int) -> list[str]:
    """Places of ``text[start:end]`` in reading order, each with the region that qualifies it."""
    places = [e for e in entities if e.label in PLACE_LABELS and start <= e.start and e.end <= end]
    phrases: list[str] = []
    skip_next = False
    for index, place in enumerate(places):
        if skip_next:
            skip_next = False
            continue
        if _TITLE_AFTER.match(text, place.end):
            continue
        following = places[index + 1] if index + 1 < len(places) else None
        if following is not None and _QUALIFIER_GAP.fullmatch(text, place.end, following.start):
            phrases.append(text[place.start : following.end])
            skip_next = True
        else:
            phrases.append(place.text)
    return phrases
