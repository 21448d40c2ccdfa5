"""*Who* of the frame: actors as the article names them."""

from __future__ import annotations

from crosswire.annotate.frame.actors import ranked_actors
from crosswire.model import Entity


def test_clause_actors_come_first_as_full_names_then_the_lead_people() -> None:
    text = "Tomas Brandvik opened the new ferry terminal. The Harbour Trust paid for it."
    entities = [
        Entity(text="Tomas Brandvik", label="PERSON", start=0, end=14),
        Entity(text="Harbour Trust", label="ORG", start=50, end=63),
    ]
    # The clause's actors, then the lead's people before its organisations (repeats are dropped later).
    assert ranked_actors(["Brandvik"], entities, len(text)) == ["Tomas Brandvik", "Tomas Brandvik", "Harbour Trust"]
    assert ranked_actors(["Port workers"], entities, 20) == ["Port workers", "Tomas Brandvik"]


def test_a_list_of_actors_is_given_with_each_full_name() -> None:
    # "Ruth Hale and Diego Moreno signed the lease. Hale thanked Moreno."
    entities = [
        Entity(text="Ruth Hale", label="PERSON", start=0, end=9),
        Entity(text="Diego Moreno", label="PERSON", start=14, end=26),
        Entity(text="Hale", label="PERSON", start=45, end=49),
        Entity(text="Moreno", label="PERSON", start=58, end=64),
    ]
    assert ranked_actors(["Hale and Moreno"], entities, 0) == ["Ruth Hale and Diego Moreno"]
    assert ranked_actors(["Hale, Moreno and Lee"], entities, 0) == ["Ruth Hale, Diego Moreno and Lee"]


def test_a_surname_becomes_the_name_the_person_is_introduced_with() -> None:
    # "Nora Vidal opened the bridge. Mrs Vidal cut the ribbon. Mrs Vidal then left." -- the later title is no name.
    entities = [
        Entity(text="Nora Vidal", label="PERSON", start=0, end=10),
        Entity(text="Mrs Vidal", label="PERSON", start=29, end=38),
        Entity(text="Mrs Vidal", label="PERSON", start=55, end=64),
    ]
    assert ranked_actors(["Vidal"], entities, 0) == ["Nora Vidal"]
