"""Scores and records: a game's final score and a win-loss record, each pair two figures of their own kind."""

from __future__ import annotations

import pytest

from crosswire.annotate import annotate_text
from crosswire.annotate.quantities import find_quantities


def _scores(sentence: str) -> list[tuple[str, float, str | None, str | None]]:
    found = annotate_text("a", sentence, "2026-11-09").quantities
    return [(q.text, q.value, q.tally, q.counted) for q in found if q.tally]


@pytest.mark.parametrize(
    ("sentence", "pair", "winning", "losing"),
    [
        ("The Harbour Owls sealed the title with a 34-6 win over Kelso on Monday.", "34-6", 34, 6),
        ("Carrow beat the Harbour Owls 2-1 in the final on Sunday.", "2-1", 2, 1),
        ("The Rovers lost 3-0 to the league leaders at home.", "3-0", 3, 0),  # the higher is the winner's
        ("Lindmoor sealed a 27–13 Boxing Day victory in the rain.", "27–13", 27, 13),  # words between, an en dash
    ],
)
def test_a_final_score_is_read_as_the_winning_and_the_losing_score(
    sentence: str, pair: str, winning: int, losing: int
) -> None:
    assert _scores(sentence) == [(pair, winning, "winning score", None), (pair, losing, "losing score", None)]


@pytest.mark.parametrize(
    ("sentence", "pair", "wins", "losses", "holder"),
    [
        ("Carrow (12-3) romped past the visitors on Sunday.", "12-3", 12, 3, "Carrow"),
        ("Kovac (14-1, 9 KO) stopped Ruiz in the fourth round.", "14-1", 14, 1, "Kovac"),
        ("Ruiz improved his record to 21-2 on Saturday night.", "21-2", 21, 2, "Ruiz"),
        ("With the defeat the Rovers dropped to 3-12.", "3-12", 3, 12, "Rovers"),
    ],
)
def test_a_record_is_read_as_wins_and_losses_with_whose_it_is(
    sentence: str, pair: str, wins: int, losses: int, holder: str
) -> None:
    assert _scores(sentence) == [(pair, wins, "wins", holder), (pair, losses, "losses", holder)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Harbour Owls led 20-0 at halftime on Monday.",  # a moment of the game, no result
        "The Owls trailed 14-3 in the win over Kelso.",  # the result word belongs to another part of the sentence
        "Young adults (18-24) were polled in Carrow.",  # a range in brackets after a common noun
        "The Owls drew 1-1 with Kelso on Sunday.",  # a draw has no winning side
        "Between 10-15 people were hurt in the crash.",
    ],
)
def test_a_pair_that_tells_no_result_or_record_is_no_score(sentence: str) -> None:
    assert _scores(sentence) == []


def test_the_scanner_reads_no_scores() -> None:
    # The quantity benchmarks count no scores, as they count no ranks: only the stage reads them.
    assert find_quantities("The Harbour Owls sealed the title with a 34-6 win over Kelso on Monday.") == []
