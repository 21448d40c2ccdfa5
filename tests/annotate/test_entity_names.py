"""One name per entity within an article: variants, metonyms and surnames."""

from __future__ import annotations

import pytest

from crosswire.annotate.names import common_form, link_names
from crosswire.model import Entity


def entity(text: str, source: str, label: str = "PERSON", occurrence: int = 0) -> Entity:
    start = -1
    for _ in range(occurrence + 1):
        start = source.index(text, start + 1)
    return Entity(text=text, label=label, start=start, end=start + len(text))


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Kiev", "Kyiv"),
        ("Odessa", "Odesa"),
        ("Zelensky", "Zelenskyy"),
        ("the Kremlin", "Russia"),
        ("Downing Street", "United Kingdom"),
        ("U.S.", "United States"),
        ("Lisbon", "Lisbon"),
        ("the Harbour Trust's", "Harbour Trust"),
    ],
)
def test_common_forms(written: str, name: str) -> None:
    assert common_form(written) == name


def test_surname_takes_the_full_name_mentioned_before_it() -> None:
    text = "Mayor Ana Ruiz opened the pier. Ruiz said it cost $4 million."
    linked = link_names(text, [entity("Ana Ruiz", text), entity("Ruiz", text, occurrence=1)])
    assert [(e.text, e.name) for e in linked] == [("Ana Ruiz", "Ana Ruiz"), ("Ruiz", "Ana Ruiz")]


def test_surname_the_model_missed_is_added_and_linked() -> None:
    text = "Defense Minister Rustem Umerov met pilots. Later Umerov flew to Lviv."
    linked = link_names(text, [entity("Rustem Umerov", text), entity("Lviv", text, label="GPE")])
    assert ("Umerov", "PERSON", "Rustem Umerov") in [(e.text, e.label, e.name) for e in linked]
    assert [e.start for e in linked] == sorted(e.start for e in linked)


def test_two_people_with_one_surname_link_to_the_nearest_before() -> None:
    text = "Tom Berg won the race; his sister Ida Berg came second. Berg said she was tired."
    people = [entity("Tom Berg", text), entity("Ida Berg", text), entity("Berg", text, occurrence=2)]
    assert link_names(text, people)[-1].name == "Ida Berg"


def test_a_lone_name_without_a_full_form_keeps_its_own() -> None:
    text = "Madonna played two nights in Porto."
    assert link_names(text, [entity("Madonna", text)])[0].name == "Madonna"
