"""*Who*: the actors of the main clauses, then the people and organisations of the lead.

Each actor is given as the article names it: a surname alone ("Ruiz")
becomes the full name the article gives most often ("Ana Ruiz").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from crosswire.model import Entity

WHO_LABELS = ("PERSON", "ORG", "NORP")


def ranked_actors(clause_actors: Iterable[str], entities: Sequence[Entity], lead_end: int) -> list[str]:
    """The clauses' actors, then those of the lead, as full names."""
    people = Counter(entity.text for entity in entities if entity.label == "PERSON")
    return [_full_name(actor, people) for actor in [*clause_actors, *_lead_actors(entities, lead_end)]]


def _full_name(actor: str, people: Counter[str]) -> str:
    longer = [name for name in people if name.endswith(" " + actor)]
    return min(longer, key=lambda name: (-people[name], len(name))) if longer else actor


def _lead_actors(entities: Iterable[Entity], lead_end: int) -> list[str]:
    """People and organisations of the lead, by label preference, then position."""
    chosen = [entity for entity in entities if entity.label in WHO_LABELS and entity.end <= lead_end]
    chosen.sort(key=lambda entity: (WHO_LABELS.index(entity.label), entity.start))
    return [entity.text for entity in chosen]
