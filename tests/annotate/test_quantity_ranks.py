"""Ranks: an ordinal before a noun places a thing in a series, a figure of its own kind."""

from __future__ import annotations

import pytest

from crosswire.annotate import annotate_text
from crosswire.annotate.quantities import find_quantities


@pytest.mark.parametrize(
    ("sentence", "rank", "ranked", "predicate"),
    [
        ("Ruiz stopped Berg in the sixth round on Saturday.", 6, "round", "stopped"),
        ("The cutter said it was the fifth successful anti-smuggling patrol of the season.", 5,
         "successful anti-smuggling patrol", "was"),
        ("This is the fifth patrol carried out by the cutter since June.", 5, "patrol", "carried out"),
        ("Berg won his 16th straight fight in Marlow.", 16, "straight fight", "won"),
        ("He was the 23rd person killed on the Carrow road this year.", 23, "person", "killed"),
        ("Voters gave Ruiz a third term on Sunday.", 3, "term", "gave"),  # "a" and a noun: a rank, not 1/3
    ],
)  # fmt: skip
def test_a_rank_is_read_with_what_it_ranks(sentence: str, rank: int, ranked: str, predicate: str | None) -> None:
    (found,) = annotate_text("a", sentence, "2026-11-09").quantities
    assert (found.value, found.ordinal, found.counted, found.predicate) == (rank, True, ranked, predicate)


@pytest.mark.parametrize(
    "sentence",
    [
        "Crews worked late for the second time this week.",  # "first" and "second": idioms more than ranks
        "A third of the town's voters stayed at home.",  # a fraction
        "Two-thirds of the ferries were cancelled.",
        "The port needs a fifth more cranes by spring.",
        "The market reopens on March 16th after repairs.",  # a date
        "Shops on Fifth Avenue closed early.",  # a name
        "The mill was built in the 19th century.",
        "Velmar is the third-largest lender in Brannock.",  # a superlative's rank, hyphenated
        "Ruiz finished third in Carrow on Sunday.",  # no thing ranked
    ],
)
def test_no_rank_where_an_ordinal_ranks_nothing_in_a_series(sentence: str) -> None:
    assert not [q for q in annotate_text("a", sentence, "2026-11-09").quantities if q.ordinal]


def test_the_scanner_reads_no_rank() -> None:
    # The quantity benchmarks count no ranks: only the stage adds them.
    assert find_quantities("Berg won his 16th straight fight in the sixth round.") == []
