"""The unit registry and the word lists as data: one table for the annotator and the scorer, rules that generalise."""

from __future__ import annotations

import pytest

from crosswire.annotate.quantities import find_quantities, units
from crosswire.evaluate.quantities import newsquant_unit
from crosswire.lexicon import load_lexicon


def test_every_unit_the_annotator_reads_has_one_scoring_name() -> None:
    rows = units.registry()
    assert len({row.unit for row in rows}) == len(rows), "a canonical unit is listed twice"
    for row in rows:
        assert newsquant_unit(row.unit) == row.newsquant.lower()


def test_every_surface_form_maps_to_a_registered_unit() -> None:
    registered = {row.unit for row in units.registry()}
    assert set(units.UNITS.values()) <= registered
    assert set(units.CASED_UNITS.values()) <= registered
    assert set(units.CURRENCY_PREFIXES.values()) <= units.CURRENCIES


def test_a_unit_added_to_the_table_is_read_after_an_amount() -> None:
    # the registry, not code, decides: every written form of kilometres reads as km
    for form in next(row for row in units.registry() if row.unit == "km").after:
        (quantity,) = find_quantities(f"The relay covered 42 {form} on Sunday.")
        assert (quantity.value, quantity.unit) == (42, "km")


def test_a_unit_word_written_before_the_amount_is_its_unit() -> None:
    # "words_before" in the registry: the word names the unit, with a space or a hyphen, in any case
    assert set(units.WORDS_BEFORE.values()) <= {row.unit for row in units.registry()}
    for written in ("magnitude 4.7", "Magnitude 4.7", "magnitude-4.7"):
        (quantity,) = find_quantities(f"A {written} tremor shook the valley towns overnight.")
        assert (quantity.text, quantity.value, quantity.unit) == (written, 4.7, "magnitude")
    # a number glued to another word by a hyphen stays a name ("F-16"), a unit word's does not
    assert find_quantities("Two F-16 jets flew over the harbour.")[0].value == 2


def test_rates_after_a_currency_name_their_denominator() -> None:
    (quantity,) = find_quantities("Parking at the clinic costs $4 an hour.")
    assert (quantity.value, quantity.unit) == (4, "USD per hour")
    assert newsquant_unit(quantity.unit) == "dollar per hour"


@pytest.mark.parametrize(
    ("sentence", "change"),
    [
        ("The council increased its grant by 12 per cent.", "up"),
        ("The mill reduced its night shift by 40 workers.", "down"),
        ("The ferry fare rose by about 3 per cent.", "up"),
        ("The ferry fare is 3 per cent of the weekly wage.", None),
    ],
)
def test_a_change_is_read_past_the_verbs_object(sentence: str, change: str | None) -> None:
    (quantity,) = find_quantities(sentence)
    assert quantity.change == change


def test_silent_qualifiers_are_not_reported() -> None:
    silent = [entry.term for entry in load_lexicon("crosswire.annotate.quantities", "qualifiers").entries
              if not entry.value["reported"]]  # fmt: skip
    assert "only" in silent
    (quantity,) = find_quantities("Only 9 trawlers left port.")
    assert quantity.qualifier is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The FTSE 100 slid while the Nasdaq 100 held steady.",
        "Delegates met in Room 4 of the old town hall.",
    ],
)
def test_a_number_in_a_capitalised_name_is_not_an_amount(sentence: str) -> None:
    assert find_quantities(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "read"),
    [
        ("Lopez ran with a crew called 9 Lanes.", []),
        ("The council called 12 Kelso residents as witnesses.", [12.0]),
        ("Police named 3 Kelso men as suspects.", [3.0]),
        ("The county called 300 residents to the hall.", [300.0]),
    ],
)
def test_a_number_after_a_naming_word_opens_a_name_unless_it_counts_a_common_noun(
    sentence: str, read: list[float]
) -> None:
    """"A crew called 9 Lanes" names the crew; after the same verb, "12 Kelso residents" counts residents."""
    assert [q.value for q in find_quantities(sentence)] == read


def test_an_age_after_a_full_name_needs_no_floor() -> None:
    (quantity,) = find_quantities("Tom Reed 12 was the youngest entrant.")
    assert (quantity.value, quantity.unit) == (12, "years old")
