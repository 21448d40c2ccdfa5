"""*Who* of the frame: actors as the article names them, events last."""

from __future__ import annotations

from crosswire.annotate.frame.actors import ranked_actors
from crosswire.model import Entity


def test_a_named_event_is_no_actor_and_goes_last() -> None:
    text = "Ana Ruiz spun off at the Lisbon Grand Prix."
    entities = [
        Entity(text="Ana Ruiz", label="PERSON", start=0, end=8),
        Entity(text="Lisbon Grand Prix", label="EVENT", start=25, end=42),
    ]
    # The clause's actors, then the lead's (repeats are dropped later), the event last.
    actors = ranked_actors(["Lisbon Grand Prix", "Ruiz"], entities, len(text))
    assert actors == ["Ana Ruiz", "Ana Ruiz", "Lisbon Grand Prix"]
    assert ranked_actors(["Harbour Council"], entities, len(text)) == ["Harbour Council", "Ana Ruiz"]
