"""*Who*: the actors of the main clauses, then the people and organisations of the lead.

Each actor is given as the article names it: a surname alone ("Ruiz")
becomes the longer name the article introduces the person with, at its
first mention ("Ana Ruiz", not the later "Mrs Ruiz"); names of a list are
expanded one by one ("Ruiz and Lee" -> "Ana Ruiz and Bo Lee").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from crosswire.annotate.frame.clause import Clause, main_clause
from crosswire.annotate.frame.words import words
from crosswire.lexicon import Entry
from crosswire.model import Entity

WHO_LABELS = ("PERSON", "ORG", "NORP")
#: Nouns that name an event rather than a doer ("Harbour shooting", ``lexicons/event_nouns.json``).
EVENT_NOUNS = words("event_nouns")
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


def names_an_event(actor: str) -> bool:
    """Whether the phrase a clause gives as actor is an event by its head noun ("Harbour shooting", "Rail strike")."""
    parts = actor.split()
    return bool(parts) and parts[-1].lower() in EVENT_NOUNS


def doers_first(clauses: Sequence[Clause]) -> list[Clause]:
    """The clauses in order, those whose actors are all events after the rest: "Harbour shooting leaves
    three hurt" tells no doer, while the lead's "A gunman opened fire ..." does."""
    return sorted(clauses, key=lambda clause: all(names_an_event(actor) for actor in clause.actors))


def check_event_actor(entry: Entry) -> None:
    """The lexicon check: the example's main clause has the value as its actor, and it names an event."""
    from crosswire.annotate.nlp import load_parser  # the model is heavy; only the check needs it here

    clause = main_clause(load_parser()(entry.example))
    assert clause is not None and clause.actors[0] == entry.value, (entry.term, clause)
    assert names_an_event(clause.actors[0]), entry.term
