"""*Who*: the actors of the main clauses, then the people and organisations of the lead.

Each actor is given as the article names it: a surname alone ("Ruiz")
becomes the longer name the article introduces the person with, at its
first mention ("Ana Ruiz", not the later "Mrs Ruiz"); names of a list are
expanded one by one ("Ruiz and Lee" -> "Ana Ruiz and Bo Lee").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from crosswire.model import Entity

WHO_LABELS = ("PERSON", "ORG", "NORP")
#: What joins the names of a list of actors ("Lee, Park and Moss").
_LIST_GLUE = re.compile(r"(,\s+(?:and\s+)?|\s+(?:and|&)\s+)")


def ranked_actors(clause_actors: Iterable[str], entities: Sequence[Entity], lead_end: int) -> list[str]:
    """The clauses' actors, then those of the lead, as full names."""
    people: dict[str, int] = {}
    for entity in sorted(entities, key=lambda entity: entity.start):
        if entity.label == "PERSON":
            people.setdefault(entity.text, entity.start)
    return [_full_name(actor, people) for actor in [*clause_actors, *_lead_actors(entities, lead_end)]]


def _full_name(actor: str, people: dict[str, int]) -> str:
    """Each name of ``actor`` as the article first names its person ("Lee and Park" -> "Ann Lee and Bo Park")."""
    parts = _LIST_GLUE.split(actor)
    return "".join(part if index % 2 else _one_full_name(part, people) for index, part in enumerate(parts))


def _one_full_name(actor: str, first_mentions: dict[str, int]) -> str:
    longer = [name for name in first_mentions if name.endswith(" " + actor)]
    return min(longer, key=first_mentions.__getitem__) if longer else actor


def _lead_actors(entities: Iterable[Entity], lead_end: int) -> list[str]:
    """People and organisations of the lead, by label preference, then position."""
    chosen = [entity for entity in entities if entity.label in WHO_LABELS and entity.end <= lead_end]
    chosen.sort(key=lambda entity: (WHO_LABELS.index(entity.label), entity.start))
    return [entity.text for entity in chosen]
