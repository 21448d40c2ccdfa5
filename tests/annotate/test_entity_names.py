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


def test_a_surname_inside_another_entity_is_not_added_again() -> None:
    text = "Lena Kovac chairs the Kovac Foundation. Kovac said the Kovac Foundation would pay."
    entities = [
        entity("Lena Kovac", text),
        entity("Kovac Foundation", text, label="ORG"),
        entity("Kovac Foundation", text, label="ORG", occurrence=1),
    ]
    added = [e for e in link_names(text, entities) if e.text == "Kovac"]
    assert [(e.start, e.name) for e in added] == [(text.index("Kovac said"), "Lena Kovac")]


def test_overlap_lookup_agrees_with_a_plain_scan() -> None:
    import random

    from crosswire.annotate.names import _Coverage

    rng = random.Random(7)
    for _ in range(200):
        starts = [rng.randint(0, 80) for _ in range(rng.randint(0, 8))]
        spans = [(start, start + rng.randint(1, 12)) for start in starts]
        entities = [Entity(text="x" * (end - start), label="ORG", start=start, end=end) for start, end in spans]
        covered = _Coverage(entities)
        for start in range(0, 95):
            for end in range(start + 1, start + 8):
                expected = any(s < end and start < e for s, e in spans)
                assert covered.overlaps(start, end) == expected, (spans, start, end)


def test_whole_word_occurrences_are_what_a_bounded_pattern_finds() -> None:
    import random
    import re

    from crosswire.annotate.names import whole_word_occurrences

    text = (
        "Kovac, Kovacs and O'Kovac met Kovač; Kovac_2 left. 'Kovac' said Kovac-Berg,"
        " then KovacKovac Kovac. Jr. Jr.Jr ééKovac Kovac9 _Kovac Kovac"
    )
    for word in ("Kovac", "Kovač", "Jr.", "Kovac-Berg", "'Kovac'", "Kovac Kovac", "é", "Berg,"):
        expected = [m.span() for m in re.finditer(rf"\b{re.escape(word)}\b", text)]
        assert list(whole_word_occurrences(text, word)) == expected, word
    rng = random.Random(11)
    alphabet = "ab_-. 'é9"
    for _ in range(500):
        haystack = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        word = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3)))
        expected = [m.span() for m in re.finditer(rf"\b{re.escape(word)}\b", haystack)]
        assert list(whole_word_occurrences(haystack, word)) == expected, (haystack, word)
