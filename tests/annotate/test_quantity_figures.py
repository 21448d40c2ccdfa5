"""Amounts the stage leaves out because they count nothing the story reports (quantities/figures.py).

The scanner keeps them (they are amounts as written); the stage, with the article's entities and the
parse, does not.  Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from crosswire.annotate import EntityStage, QuantityStage
from crosswire.annotate.quantities import find_quantities
from crosswire.model import Annotations, Article, Quantity


def staged(text: str) -> list[Quantity]:
    article = QuantityStage()(EntityStage()(Article("t", "record", "test", text, annotations=Annotations())))
    assert article.annotations is not None
    return list(article.annotations.quantities)


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        # a number inside a run of proper nouns: part of a name
        ("Five Star Movement won the vote in Kelso.", "Five"),
        ("Keepers said the 30-year-old male Little One and two females stayed inside.", "One"),  # a name's end
        # the pronoun "one"
        ("The mayor listed several late ferries, including one involving a school choir.", "one"),
        ("Brandt may have been the only one who saw the wave coming.", "one"),
        ("The keeper made an impressive one handed catch in the fourth minute.", "one"),
        ("The ferry was a lucky one, the captain said.", "one"),
        ("Divers found a wreck and then one that was three metres long.", "one"),
        # a definite count of things the article already named or counted
        ("The Fisheries and Transport ministries met on Monday. The two ministries will hold a joint inquiry.", "two"),
        ("Kelso, Brannock and Ostrava councils objected. The three councils want a new bridge.", "three"),
        ("The ferry carried 40 passengers. Coastguards said the 40 passengers were all safe.", "40"),
        # the reference may come before the names, and carry a stray apostrophe
        ("Staff at the two ministries will help. The Fisheries and Transport ministries hold the inquiry.", "two"),
        ("Staff in the two ministry's share the work. The Fisheries and Transport ministries met.", "two"),
        # a number right after a noun of a numbered series names one of them
        ("The Hawks won game seven of the final in extra time.", "seven"),
        ("Nurses on ward 12 raised the alarm just after dawn.", "12"),
    ],
)
def test_amounts_that_count_nothing_are_left_out_of_the_stage(text: str, left_out: str) -> None:
    start = text.rindex(left_out)
    assert any(q.start <= start < q.end for q in find_quantities(text))  # the scanner reads it as written
    assert not any(q.start <= start < q.end for q in staged(text)), staged(text)


@pytest.mark.parametrize(
    ("text", "kept", "value"),
    [
        ("One was killed and two were hurt when the crane fell.", "One", 1),
        ("Only one survived the crash off Kelso.", "one", 1),
        ("Brandt won one of the races.", "one", 1),
        ("Police named one of the men arrested on Friday.", "one", 1),
        ("Two Americans were among the passengers.", "Two", 2),
        ("Seven Kelso firefighters were hurt.", "Seven", 7),
        ("Arians retires with two Super Bowl wins.", "two", 2),
        ("The crew of 23 (12 Somali and 11 Yemeni) was freed.", "12", 12),
        ("The orbit of Mars lies 140 million miles away.", "140", 140_000_000),
        # a definite count that may be new: no earlier count or names, or a clause saying which ones
        ("The ferry was packed with passengers. Coastguards said the 40 passengers were all safe.", "40", 40),
        ("The ferry carried 90 passengers. The 40 passengers who were hurt went to Kelso.", "40", 40),
        ("The Fisheries and Transport ministries met. The three ministries will report.", "three", 3),
        # before the noun a number counts; after "the game" it is a figure of that game
        ("The Hawks have now won seven games in a row.", "seven", 7),
        ("The keeper started the game 11 for 12 from the spot.", "11", 11),
    ],
)
def test_counts_stay_in_the_stage(text: str, kept: str, value: float) -> None:
    start = text.rindex(kept)
    assert any(q.start <= start < q.end and q.value == value for q in staged(text)), staged(text)


def test_an_ordinal_after_the_picks_out_the_thing_its_measure_measures() -> None:
    """"Her second 400-metre race" is a kind of race in her series (the ordinals lexicon); "the first
    6.6-magnitude quake" is one quake of the story, and 6.6 its magnitude."""
    assert [(q.value, q.counted) for q in staged("Villagers fled after the first 6.6-magnitude quake struck.")] == [
        (6.6, "quake")
    ]
    assert staged("The champion swam her second 400-metre race on Friday.") == []
