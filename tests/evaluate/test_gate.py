"""The evaluation gate's verdicts, on results shaped like ``crosswire eval`` output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosswire.evaluate.gate import Figure, judge, load_figures, main, raised_floors


def test_a_figure_below_its_floor_fails() -> None:
    figure = Figure("captures", "captures/x", "f1", floor=0.90)
    assert judge(figure, {"f1": 0.91}).problems == ()
    assert judge(figure, {"f1": 0.8999}).problems == ("below its floor 0.9",)


def test_nested_paths_and_ceilings() -> None:
    figure = Figure("corroboration", "corroboration/x", "counts.false_conflicts", ceiling=0)
    assert judge(figure, {"counts": {"false_conflicts": 0}}).problems == ()
    assert judge(figure, {"counts": {"false_conflicts": 2}}).problems == ("above its ceiling 0",)


def test_we_must_stay_above_the_baseline_scored_in_the_same_run() -> None:
    figure = Figure("extraction", "extraction/x", "f1", floor=0.5, above_baseline=True)
    assert judge(figure, {"f1": 0.95, "baseline": {"f1": 0.94}}).problems == ()
    outcome = judge(figure, {"f1": 0.94, "baseline": {"f1": 0.94}})
    assert outcome.problems == ("not above the baseline's 0.9400",)


def test_raising_floors_rounds_down_and_never_lowers() -> None:
    up = judge(Figure("dates", "dates/x", "accuracy", floor=0.90), {"accuracy": 0.912345})
    down = judge(Figure("dates", "dates/y", "accuracy", floor=0.90), {"accuracy": 0.85})
    assert [entry["floor"] for entry in raised_floors([up, down])] == [0.9123, 0.90]


def test_raising_floors_keeps_a_ceiling_of_zero() -> None:
    zero = judge(Figure("corroboration", "corroboration/x", "false_conflicts", ceiling=0), {"false_conflicts": 0})
    assert raised_floors([zero]) == [
        {"task": "corroboration", "dataset": "corroboration/x", "path": "false_conflicts", "ceiling": 0}
    ]


def test_packaged_floors_name_known_tasks() -> None:
    from crosswire.evaluate import TASKS

    figures = load_figures()
    assert figures and all(figure.task in TASKS for figure in figures)
    assert all(figure.floor is not None or figure.ceiling is not None for figure in figures)


def test_missing_data_passes_outside_ci_and_fails_under_ci(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "no-data")
    monkeypatch.delenv("CI", raising=False)
    assert main([missing]) == 0
    assert "not found" in capsys.readouterr().err
    monkeypatch.setenv("CI", "true")
    assert main([missing]) == 1


def test_gate_fails_on_a_real_run_below_the_floor(tmp_path: Path) -> None:
    """A whole run on a tiny dataset of our own: the floor decides the exit code."""
    data = tmp_path / "data" / "quantities" / "mini-dev"
    data.mkdir(parents=True)
    sentence = {"id": "1", "text": "Rescuers pulled 14 people from the river.",
                "quantities": [{"value": "14", "unit": "people", "normalized_unit": "people",
                                "change": "=", "concept": None}]}
    (data / "gold.jsonl").write_text(json.dumps(sentence) + "\n", "utf-8")
    floors = tmp_path / "floors.json"
    entry = {"task": "quantities", "dataset": "quantities/mini-dev", "path": "value_f1"}
    floors.write_text(json.dumps({"figures": [{**entry, "floor": 0.0}]}), "utf-8")
    assert main([str(tmp_path / "data"), "--floors", str(floors)]) == 0
    floors.write_text(json.dumps({"figures": [{**entry, "floor": 101.0}]}), "utf-8")
    assert main([str(tmp_path / "data"), "--floors", str(floors)]) == 1
