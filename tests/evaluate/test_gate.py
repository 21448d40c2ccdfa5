"""The evaluation gate's verdicts: floors within noise, the tune-check gap, ceilings, baselines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosswire.evaluate.gate import Figure, Measured, judge, load_figures, main, raised_floors, round_to_noise
from crosswire.evaluate.scored import Scored
from support import quantity_set


def test_a_check_figure_may_sit_below_its_floor_by_its_noise_but_not_more() -> None:
    figure = Figure("captures", "captures/x", "f1", floor=0.90)
    tune = Measured(0.905, 0.01)
    assert judge(figure, tune, Measured(0.895, 0.01)).problems == ()
    (problem,) = judge(figure, tune, Measured(0.885, 0.01)).problems
    assert "below its floor 0.9 by more than its noise" in problem


def test_a_tune_figure_running_ahead_of_the_check_figure_fails() -> None:
    figure = Figure("fivew1h", "fivew1h/x", "precision", floor=0.5, max_gap=0.02)
    assert judge(figure, Measured(0.83, 0.01), Measured(0.81, 0.01)).problems == ()
    # a gap of 0.06 is past 0.02 plus the gap's noise (about 0.014)
    (problem,) = judge(figure, Measured(0.87, 0.01), Measured(0.81, 0.01)).problems
    assert "tune-check gap" in problem


def test_the_default_gap_bound_is_two_points_on_the_figure_scale() -> None:
    assert Figure("a", "b", "f1").gap_bound == pytest.approx(0.02)
    assert Figure("quantities", "b", "value_f1", scale=100).gap_bound == pytest.approx(2.0)


def test_a_ceiling_holds_on_both_parts() -> None:
    figure = Figure("corroboration", "corroboration/x", "false_conflicts", ceiling=0)
    assert judge(figure, Measured(0, 0), Measured(0, 0)).problems == ()
    (problem,) = judge(figure, Measured(1, 0.5), Measured(0, 0)).problems
    assert problem.startswith("tune 1 above its ceiling 0")


def test_we_must_stay_above_the_baseline_on_the_check_part() -> None:
    figure = Figure("extraction", "extraction/x", "f1", floor=0.5, above_baseline=True, baseline_margin=0.01)
    tune = Measured(0.95, 0.01, baseline=0.90)
    assert judge(figure, tune, Measured(0.95, 0.01, baseline=0.93)).problems == ()
    (problem,) = judge(figure, tune, Measured(0.95, 0.01, baseline=0.945)).problems
    assert "above the baseline's 0.9450" in problem


def test_floors_are_rounded_down_to_the_first_digit_of_the_noise() -> None:
    assert round_to_noise(0.9637, 0.012) == pytest.approx(0.96)
    assert round_to_noise(0.9637, 0.0042) == pytest.approx(0.963)
    assert round_to_noise(96.46, 1.3) == pytest.approx(96.0)
    assert round_to_noise(0.5, 0.0) == pytest.approx(0.5)


def test_raising_floors_never_lowers_and_keeps_a_ceiling_of_zero() -> None:
    up = judge(Figure("dates", "dates/x", "accuracy", floor=0.90), Measured(0.93, 0.01), Measured(0.924, 0.012))
    down = judge(Figure("dates", "dates/y", "accuracy", floor=0.90), Measured(0.86, 0.01), Measured(0.85, 0.01))
    zero = judge(Figure("corroboration", "c/x", "false_conflicts", ceiling=0), Measured(0, 0), Measured(0, 0))
    entries = raised_floors([up, down, zero])
    assert [entry.get("floor") for entry in entries] == [pytest.approx(0.92), 0.90, None]
    assert entries[2] == {"task": "corroboration", "dataset": "c/x", "path": "false_conflicts", "ceiling": 0}


def test_the_bootstrap_noise_shrinks_with_more_units_and_is_zero_for_identical_ones() -> None:
    def mean(units: list[float]) -> dict[str, float]:
        return {"m": sum(units) / len(units)}

    few = Scored({}, [0.0, 1.0] * 5, mean).standard_error("m")
    many = Scored({}, [0.0, 1.0] * 200, mean).standard_error("m")
    assert 0 < many < few
    assert Scored({}, [0.7] * 20, mean).standard_error("m") == pytest.approx(0.0, abs=1e-12)


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


def test_gate_scores_both_parts_of_a_real_set_and_the_floor_decides(tmp_path: Path) -> None:
    """A whole run on a small set of our own, split by the documented rule into both parts."""
    quantity_set(tmp_path / "data" / "quantities" / "mini-dev", 9)
    floors = tmp_path / "floors.json"
    entry = {"task": "quantities", "dataset": "quantities/mini-dev", "path": "value_f1", "scale": 100}
    floors.write_text(json.dumps({"figures": [{**entry, "floor": 0.0}]}), "utf-8")
    assert main([str(tmp_path / "data"), "--floors", str(floors)]) == 0
    floors.write_text(json.dumps({"figures": [{**entry, "floor": 101.0}]}), "utf-8")
    assert main([str(tmp_path / "data"), "--floors", str(floors)]) == 1
