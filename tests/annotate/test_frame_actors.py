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
