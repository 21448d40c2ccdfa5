"""The benchmark metrics on inputs small enough to score by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.evaluate.extraction import evaluate_extraction, read_gold
from crosswire.evaluate.metrics import (
    DateCounts,
    SnippetCounts,
    harmonic_mean,
    shingle_match,
    shingle_scores,
    shingles,
)


def test_shingles_are_counted_four_token_windows() -> None:
    counts = shingles("a b c d e a b c d")
    assert counts[("a", "b", "c", "d")] == 2
    assert sum(counts.values()) == 6


def test_text_shorter_than_a_shingle_gives_one_short_shingle() -> None:
    assert shingles("two words") == {("two", "words"): 1}
    assert shingles("") == {}


def test_identical_texts_match_perfectly() -> None:
    match = shingle_match("one two three four five", "one, two; three four five!")
    assert (match.tp, match.fp, match.fn) == (1.0, 0.0, 0.0)
    assert match.precision == match.recall == 1.0


def test_extra_and_missing_shingles_are_normalised_per_document() -> None:
    # gold shingles: (a b c d), (b c d e); predicted: (b c d e), (c d e f)
    match = shingle_match("a b c d e", "b c d e f")
    assert match.tp == pytest.approx(1 / 3)
    assert match.fp == pytest.approx(1 / 3)
    assert match.fn == pytest.approx(1 / 3)
    assert match.precision == pytest.approx(0.5)


def test_empty_prediction_has_no_precision_and_zero_recall() -> None:
    match = shingle_match("a b c d e", "")
    assert match.precision is None
    assert match.recall == 0.0


def test_scores_average_over_documents_then_take_harmonic_mean() -> None:
    perfect = shingle_match("a b c d", "a b c d")
    empty = shingle_match("a b c d", "")
    scores = shingle_scores([perfect, empty])
    assert scores["precision"] == 1.0  # the empty output has no precision to average
    assert scores["recall"] == 0.5
    assert scores["f1"] == pytest.approx(harmonic_mean(1.0, 0.5))


def test_snippets_are_matched_after_whitespace_normalisation() -> None:
    counts = SnippetCounts()
    counts.add("The  quick\nbrown fox. Cookie banner", ["quick brown", "lazy dog"], ["Cookie banner", "Menu"])
    assert (counts.tp, counts.fn, counts.fp, counts.tn) == (1, 1, 1, 1)
    scores = counts.scores()
    assert scores["precision"] == 0.5
    assert scores["recall"] == 0.5
    assert scores["accuracy"] == 0.5
    assert scores["f1"] == 0.5


def test_empty_output_misses_every_wanted_snippet() -> None:
    counts = SnippetCounts()
    counts.add(None, ["a", "b"], ["c"])
    assert (counts.tp, counts.fn, counts.fp, counts.tn) == (0, 2, 0, 1)


def test_dates_count_exact_day_only_and_set_null_gold_apart() -> None:
    counts = DateCounts()
    counts.add("2020-01-02", "2020-01-02")
    counts.add("2020-01-02", "2020-01-03")
    counts.add("2020-01-02", None)
    counts.add(None, "2020-01-02")
    counts.add(None, None)
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 1)
    assert (counts.null_gold_some_date, counts.null_gold_no_date) == (1, 1)
    assert counts.scores()["accuracy"] == pytest.approx(1 / 3)
    assert counts.scores()["precision"] == 0.5


def test_missing_dataset_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="not on this machine"):
        read_gold(tmp_path / "absent")
    with pytest.raises(FileNotFoundError):
        evaluate_extraction(tmp_path)
