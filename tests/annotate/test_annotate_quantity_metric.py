"""The NewsQuant metric over a tiny gold file written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosswire.evaluate.quantities import evaluate_quantities, newsquant_unit


def write_gold(folder: Path, records: list[dict[str, object]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "gold.jsonl").write_text("\n".join(json.dumps(record) for record in records), encoding="utf-8")
    return folder


def test_scores_values_units_and_ranges(tmp_path: Path) -> None:
    gold = [
        {"id": "1", "text": "The river rose 3 to 4 inches overnight.",
         "quantities": [{"value": "3.0-4.0", "unit": "inches", "normalized_unit": "inch", "change": "up"}]},
        {"id": "2", "text": "Crews moved 40 km and saved 12 horses.",
         "quantities": [{"value": "40", "unit": "km", "normalized_unit": "kilometre", "change": "="},
                        {"value": "12", "unit": "horses", "normalized_unit": "cow", "change": "="}]},
        {"id": "3", "text": "Nothing numeric here.", "quantities": []},
    ]  # fmt: skip
    result = evaluate_quantities(write_gold(tmp_path / "set", gold))
    assert (result["n"], result["gold_quantities"], result["predicted_quantities"]) == (3, 3, 3)
    assert result["value_f1"] == 100.0
    assert result["value_unit_f1"] == pytest.approx(66.7)


def test_unit_names_follow_newsquant() -> None:
    assert newsquant_unit("USD") == "dollar"
    assert newsquant_unit("%") == "percentage"
    assert newsquant_unit("km") == "kilometre"
    assert newsquant_unit("heart transplants") == "heart transplant"
    assert newsquant_unit("USD per year") == "dollar per year"
    assert newsquant_unit(None) == "-"


def test_missing_dataset_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"gold\.jsonl"):
        evaluate_quantities(tmp_path / "absent")


def test_counted_things_are_named_by_their_lemmas() -> None:
    assert newsquant_unit("tallest towers") == "tall tower"
    assert newsquant_unit("bigger rooms") == "big room"
    assert newsquant_unit("best seats") == "good seat"
    assert newsquant_unit("Tesla’s newest cars") == "tesla new car"
    # a noun ending like a comparative is left alone
    assert newsquant_unit("water bottles") == "water bottle"


def test_a_fraction_of_counted_things_is_a_share() -> None:
    assert newsquant_unit("voters", fraction=True) == "% voter"
    assert newsquant_unit("km", fraction=True) == "kilometre"
    assert newsquant_unit("ILS") == "shekel"


def test_plural_men_is_singular_man() -> None:
    assert newsquant_unit("commercial fishermen") == "commercial fisherman"


def test_other_describes_the_thing_and_more_the_count() -> None:
    assert newsquant_unit("other players") == "other player"
    assert newsquant_unit("more players") == "player"


def test_acronyms_are_not_stop_words() -> None:
    assert newsquant_unit("UK workforce", fraction=True) == "% uk workforce"
