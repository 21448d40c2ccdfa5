"""Value compatibility rules for corroboration (written before the rules)."""

from __future__ import annotations

import pytest

from crosswire.stories.compat import Reading, bound_far_from, bounds_apart, compatible, interval, written_precision


@pytest.mark.parametrize(
    ("value", "precision"),
    [(40, 10), (483, 1), (500, 100), (38e9, 1e9), (2.5e6, 1e5), (0.25, 0.01), (7, 1), (1000, 1000)],
)
def test_written_precision_is_the_last_significant_place(value: float, precision: float) -> None:
    assert written_precision(value) == pytest.approx(precision)


def test_plain_value_is_a_point() -> None:
    assert interval(Reading(27)) == (27, 27)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (Reading(40), Reading(40, "over")),  # "more than X" also fits X itself
        (Reading(40), Reading(40, "more than")),
        (Reading(483), Reading(500, "almost")),
        (Reading(197), Reading(200, "just under")),
        (Reading(7), Reading(5, "at least")),
        (Reading(37.6e9), Reading(38e9, "some")),
        (Reading(38.4e9), Reading(38e9, "about")),
        (Reading(483), Reading(500, "about")),
        (Reading(86), Reading(86)),
        (Reading(3), Reading(5, "up to")),
        (Reading(1000), Reading(1000, "-plus")),
        (Reading(4, None, 6), Reading(5)),  # a stated range holds its inside
        (Reading(64, step=1), Reading(64.3, step=0.1)),  # "64 times" is 64.3 rounded
        (Reading(13e9, step=1e9), Reading(13.2e9, step=1e8)),  # "$13 billion", "$13.2 billion"
    ],
)
def test_compatible_pairs(a: Reading, b: Reading) -> None:
    assert compatible(a, b)
    assert compatible(b, a)  # the rule is symmetric


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (Reading(25), Reading(27)),
        (Reading(39), Reading(40, "over")),
        (Reading(600), Reading(500, "almost")),
        (Reading(4), Reading(5, "at least")),
        (Reading(39e9), Reading(38e9, "some")),
        (Reading(300), Reading(500, "about")),
        (Reading(6), Reading(5, "up to")),
        (Reading(300), Reading(500, "nearly")),
        (Reading(64, step=1), Reading(64.8, step=0.1)),  # rounds to 65
        (Reading(230, step=1), Reading(229, step=1)),  # one step: two counts
        (Reading(64, "up to", step=1), Reading(64.8, step=0.1)),  # a bound is read as the bound it states
    ],
)
def test_incompatible_pairs(a: Reading, b: Reading) -> None:
    assert not compatible(a, b)
    assert not compatible(b, a)


def test_unknown_qualifier_is_read_as_exact() -> None:
    assert interval(Reading(12, "reportedly")) == (12, 12)


def test_qualifier_spelling_does_not_matter() -> None:
    assert compatible(Reading(41), Reading(40, "More Than"))
    assert compatible(Reading(41), Reading(40, " over "))


@pytest.mark.parametrize(
    ("bound", "figure", "far"),
    [
        # A bound at a plain number is written because the figure lies just past it.
        (Reading(363e6, "over"), Reading(371e6), False),
        (Reading(363e6, "over"), Reading(459e6), True),
        # A round bound reaches one step of its last digit: "more than 40" is 43 or 48, not 55.
        (Reading(40, "more than"), Reading(48), False),
        (Reading(40, "more than"), Reading(55), True),
        (Reading(24, "more than"), Reading(27), False),
        (Reading(2000, "more than"), Reading(2400), False),
        (Reading(2000, "more than"), Reading(3100), True),
        # On the closed side a bound is simply not met; that is a conflict, not a reach.
        (Reading(40, "more than"), Reading(30), False),
        (Reading(70, "up to"), Reading(65), False),
        (Reading(70, "up to"), Reading(40), True),
    ],
)
def test_a_bound_reaches_a_little_past_its_number(bound: Reading, figure: Reading, far: bool) -> None:
    assert bound_far_from(bound, figure) is far
    assert bound_far_from(figure, bound) is far


@pytest.mark.parametrize(
    ("a", "b", "apart"),
    [
        (Reading(25, "at least"), Reading(27, "at least"), True),
        (Reading(60000, "nearly"), Reading(62540, "up to"), True),  # "almost" bounds from above, as "up to" does
        (Reading(500, "nearly"), Reading(500, "up to"), False),  # one number: one statement in two wordings
        (Reading(60000, "nearly"), Reading(59000), False),  # a figure is no bound
        (Reading(40, "more than"), Reading(45, "up to"), False),  # bounds on two sides
    ],
)
def test_two_bounds_on_one_side_at_two_numbers_are_two_statements(a: Reading, b: Reading, apart: bool) -> None:
    assert bounds_apart(a, b) is apart and bounds_apart(b, a) is apart


KM, MILE, METRE, FOOT = 1000.0, 1609.344, 1.0, 0.3048


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        # One distance, one side converted and rounded: "40 km" is "25 miles" (24.85), "18 km" is "11 miles".
        (Reading(40, step=1, scale=KM), Reading(25, "about", step=1, scale=MILE), True),
        (Reading(18, step=1, scale=KM), Reading(11, step=1, scale=MILE), True),
        (Reading(100, step=1, scale=KM), Reading(62, step=1, scale=MILE), True),
        (Reading(10, scale=KM), Reading(6, scale=MILE), True),  # in words ("six miles"): to a unit
        # Two heights of one bridge: 86 metres is 282 feet, nowhere near 370.
        (Reading(86, step=1, scale=METRE), Reading(370, step=1, scale=FOOT), False),
        (Reading(40, step=1, scale=KM), Reading(30, step=1, scale=MILE), False),
    ],
)
def test_figures_in_two_units_of_one_kind_compare_in_its_base_unit(a: Reading, b: Reading, agree: bool) -> None:
    assert compatible(a, b) is agree
    assert compatible(b, a) is agree


def test_a_bound_and_a_figure_in_two_units_compare_in_the_base_unit() -> None:
    # "more than 40 km" and 60 miles (96.6 km): past the bound's reach; 26 miles (41.8 km): within it.
    assert bound_far_from(Reading(40, "more than", scale=KM), Reading(60, scale=MILE))
    assert not bound_far_from(Reading(40, "more than", scale=KM), Reading(26, scale=MILE))
    assert bounds_apart(Reading(40, "at least", scale=KM), Reading(25, "at least", scale=MILE))
