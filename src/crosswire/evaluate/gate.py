"""The evaluation gate: every figure we reached stays reached.

As trafilatura's ``eval_baseline`` does, each figure has a floor in
``floors.json`` (the value measured when it was last improved, rounded
down); a change that drops any figure below its floor fails the gate, and
where a baseline tool is scored in the same run (trafilatura, htmldate) we
must also stay above it.  Raise a floor with ``--raise-floors`` after a
measured improvement, never lower one to let a regression through.

Usage: python -m crosswire.evaluate.gate [DATA_DIR] [--raise-floors]
(DATA_DIR defaults to ../shared/data beside the working directory.)
Without the data the gate says so and passes, except under ``CI=true``,
where missing data is a failure.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from crosswire.evaluate import run_task

FLOORS_FILE = "floors.json"
#: Floors are stored rounded down to this many decimals.
DECIMALS = 4


@dataclass(frozen=True)
class Figure:
    """One gated number: ``path`` is a dotted key into the task's JSON result."""

    task: str
    dataset: str
    path: str
    floor: float | None = None
    ceiling: float | None = None
    above_baseline: bool = False

    @property
    def name(self) -> str:
        return f"{self.task} {self.dataset} {self.path}"


@dataclass(frozen=True)
class Outcome:
    figure: Figure
    value: float
    baseline: float | None
    problems: tuple[str, ...]


def load_figures(path: Path | None = None) -> list[Figure]:
    text = path.read_text("utf-8") if path else resources.files(__package__).joinpath(FLOORS_FILE).read_text("utf-8")
    return [Figure(**entry) for entry in json.loads(text)["figures"]]


def lookup(result: dict[str, Any], path: str) -> float:
    value: Any = result
    for key in path.split("."):
        value = value[key]
    return float(value)


def judge(figure: Figure, result: dict[str, Any]) -> Outcome:
    value = lookup(result, figure.path)
    baseline = lookup(result, f"baseline.{figure.path}") if figure.above_baseline else None
    problems = []
    if figure.floor is not None and value < figure.floor:
        problems.append(f"below its floor {figure.floor}")
    if figure.ceiling is not None and value > figure.ceiling:
        problems.append(f"above its ceiling {figure.ceiling}")
    if baseline is not None and value <= baseline:
        problems.append(f"not above the baseline's {baseline:.4f}")
    return Outcome(figure, value, baseline, tuple(problems))


def run_gate(data_dir: Path, figures: list[Figure]) -> list[Outcome]:
    results: dict[tuple[str, str], dict[str, Any]] = {}
    outcomes = []
    for figure in figures:
        key = (figure.task, figure.dataset)
        if key not in results:
            started = time.perf_counter()
            results[key] = run_task(figure.task, data_dir / figure.dataset)
            print(f"  ran {figure.task} on {figure.dataset} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        outcomes.append(judge(figure, results[key]))
    return outcomes


def raised_floors(outcomes: list[Outcome]) -> list[dict[str, Any]]:
    """The figures with each floor raised to what was measured (never lowered)."""
    entries = []
    for outcome in outcomes:
        # "is not": a ceiling of 0 equals False and must stay.
        entry = {key: value for key, value in vars(outcome.figure).items() if value is not None and value is not False}
        if outcome.figure.floor is not None:
            measured = math.floor(outcome.value * 10**DECIMALS) / 10**DECIMALS
            entry["floor"] = max(outcome.figure.floor, measured)
        entries.append(entry)
    return entries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", nargs="?", type=Path, default=Path("..") / "shared" / "data")
    parser.add_argument("--floors", type=Path, default=None, help="floors file (default: the packaged floors.json)")
    parser.add_argument("--raise-floors", action="store_true", help="write the measured figures as the new floors")
    args = parser.parse_args(argv)
    if not args.data_dir.is_dir():
        message = f"evaluation gate: {args.data_dir} not found (the evaluation sets live in ../shared/data)"
        if os.environ.get("CI") == "true":
            print(f"{message}; under CI=true missing data is a failure", file=sys.stderr)
            return 1
        print(f"{message}; nothing to gate on this machine", file=sys.stderr)
        return 0
    floors_path = args.floors or Path(str(resources.files(__package__).joinpath(FLOORS_FILE)))
    outcomes = run_gate(args.data_dir, load_figures(floors_path))
    for outcome in outcomes:
        limit = outcome.figure.floor if outcome.figure.floor is not None else outcome.figure.ceiling
        beside = f"  baseline {outcome.baseline:.4f}" if outcome.baseline is not None else ""
        verdict = "FAIL " + "; ".join(outcome.problems) if outcome.problems else "ok"
        print(f"{outcome.figure.name:58s} {outcome.value:9.4f}  limit {limit}{beside}  {verdict}")
    failed = [outcome for outcome in outcomes if outcome.problems]
    if args.raise_floors:
        floors_path.write_text(json.dumps({"figures": raised_floors(outcomes)}, indent=1) + "\n", "utf-8")
        print(f"floors written to {floors_path}", file=sys.stderr)
    print(f"evaluation gate: {len(outcomes) - len(failed)} of {len(outcomes)} figures hold", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
