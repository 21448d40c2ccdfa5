"""The evaluation gate: figures that hold on text we have not read stay held.

Every gated figure is scored on both parts of its set (``split.py``): the
tuning part, which developers read and write rules from, and the check part,
which is only ever scored.  The gate judges the check part, because that is
the figure a user gets:

- **floor**: the check figure may not fall below its floor by more than its
  noise, the bootstrap standard error of the check figure computed here (the
  check part's units resampled: pages, sentences, articles or whole stories);
- **gap**: the tuning figure may not run ahead of the check figure by more
  than ``max_gap`` plus the noise of that gap; a growing gap is the sign of
  rules fitted to the tuning items;
- **ceiling** (counts of things that must not happen, such as false
  conflicts): held on both parts;
- **baseline**: where a baseline tool is scored in the same run (trafilatura,
  htmldate), the check figure must stay above the baseline's check figure by
  ``baseline_margin``.

Floors are stored rounded down to the noise (one significant digit of the
standard error), not to four decimals: a change that generalises better but
loses a tuning item or two must be able to pass.  ``--raise-floors`` ratchets
each floor up to the measured check figure rounded that way.  A floor may be
lowered by hand in a commit that says why (a general rule replacing special
cases), never to let a plain regression through.

Usage: python -m crosswire.evaluate.gate [DATA_DIR] [--raise-floors] [--json]
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
from dataclasses import asdict, dataclass, fields
from importlib import resources
from pathlib import Path
from typing import Any

from crosswire.evaluate import score_task
from crosswire.evaluate.scored import Scored, lookup
from crosswire.evaluate.split import Part

FLOORS_FILE = "floors.json"
#: The default bound on tune minus check, as a fraction of a figure on a 0–1 scale (two points).
DEFAULT_MAX_GAP = 0.02


@dataclass(frozen=True)
class Figure:
    """One gated number: ``path`` is a dotted key into the task's figures."""

    task: str
    dataset: str
    path: str
    floor: float | None = None
    ceiling: float | None = None
    above_baseline: bool = False
    baseline_margin: float = 0.0
    #: Tune minus check may not exceed this (in the figure's own unit) beyond the gap's noise.
    max_gap: float | None = None
    #: 100 for figures reported as percentages (quantities), 1 otherwise.
    scale: float = 1.0
    #: Why a bound differs from the default, or why a floor was lowered: kept with the figure.
    why: str | None = None
    #: Options of the task ({"source": "capture"} for metadata).
    options: dict[str, str] | None = None

    @property
    def name(self) -> str:
        options = "".join(f" {key}={value}" for key, value in sorted((self.options or {}).items()))
        return f"{self.task} {self.dataset}{options} {self.path}"

    @property
    def gap_bound(self) -> float:
        return self.max_gap if self.max_gap is not None else DEFAULT_MAX_GAP * self.scale


@dataclass(frozen=True)
class Measured:
    """One figure on one part, with its bootstrap standard error."""

    value: float
    noise: float
    baseline: float | None = None


@dataclass(frozen=True)
class Outcome:
    figure: Figure
    tune: Measured
    check: Measured
    problems: tuple[str, ...]

    @property
    def gap(self) -> float:
        return self.tune.value - self.check.value

    @property
    def gap_noise(self) -> float:
        return math.hypot(self.tune.noise, self.check.noise)


def load_figures(path: Path | None = None) -> list[Figure]:
    text = path.read_text("utf-8") if path else resources.files(__package__).joinpath(FLOORS_FILE).read_text("utf-8")
    known = {field.name for field in fields(Figure)}
    return [Figure(**{k: v for k, v in entry.items() if k in known}) for entry in json.loads(text)["figures"]]


def measure(figure: Figure, scored: Scored[Any]) -> Measured:
    baseline = lookup(scored.figures, f"baseline.{figure.path}") if figure.above_baseline else None
    return Measured(lookup(scored.figures, figure.path), scored.standard_error(figure.path), baseline)


def judge(figure: Figure, tune: Measured, check: Measured) -> Outcome:
    problems = []
    if figure.floor is not None and check.value < figure.floor - check.noise:
        problems.append(
            f"check {check.value:.4f} below its floor {figure.floor} by more than its noise {check.noise:.4f}"
        )
    if figure.ceiling is not None:
        for part, measured in (("tune", tune), ("check", check)):
            if measured.value > figure.ceiling:
                problems.append(f"{part} {measured.value:g} above its ceiling {figure.ceiling:g}")
    both = Outcome(figure, tune, check, ())
    if figure.ceiling is None and both.gap > figure.gap_bound + both.gap_noise:
        problems.append(
            f"tune-check gap {both.gap:.4f} past its bound {figure.gap_bound:g} + noise {both.gap_noise:.4f}"
        )
    if check.baseline is not None and check.value < check.baseline + figure.baseline_margin:
        problems.append(f"check not {figure.baseline_margin:g} above the baseline's {check.baseline:.4f}")
    return Outcome(figure, tune, check, tuple(problems))


def run_gate(data_dir: Path, figures: list[Figure]) -> list[Outcome]:
    """Score every (task, set) once per part, then judge each figure."""
    scored: dict[tuple[str, str, str, Part], Scored[Any]] = {}
    outcomes = []
    for figure in figures:
        options = figure.options or {}
        run = (figure.task, figure.dataset, json.dumps(options, sort_keys=True))
        parts: tuple[Part, ...] = ("tune", "check")
        for part in parts:
            if (*run, part) not in scored:
                started = time.perf_counter()
                scored[(*run, part)] = score_task(figure.task, data_dir / figure.dataset, part, None, **options)
                seconds = time.perf_counter() - started
                print(f"  ran {figure.name} ({part}) in {seconds:.0f} s", file=sys.stderr)
        tune = measure(figure, scored[(*run, "tune")])
        check = measure(figure, scored[(*run, "check")])
        outcomes.append(judge(figure, tune, check))
    return outcomes


def round_to_noise(value: float, noise: float) -> float:
    """``value`` rounded down to the first significant digit of ``noise`` (0.9637 ± 0.012 → 0.96)."""
    if noise <= 0:
        return math.floor(value * 10**4) / 10**4
    decimals = max(0, -math.floor(math.log10(noise)))
    step = 10.0**-decimals
    return round(math.floor(value / step + 1e-9) * step, decimals)


def raised_floors(outcomes: list[Outcome]) -> list[dict[str, Any]]:
    """The figures with each floor raised to the check figure rounded to its noise (never lowered)."""
    defaults = Figure("", "", "")
    entries = []
    for outcome in outcomes:
        # Compare with the defaults, not truthiness: a ceiling of 0 equals False and must stay.
        entry = {
            key: value
            for key, value in asdict(outcome.figure).items()
            if key in ("task", "dataset", "path") or value != getattr(defaults, key)
        }
        if outcome.figure.floor is not None:
            entry["floor"] = max(outcome.figure.floor, round_to_noise(outcome.check.value, outcome.check.noise))
        entries.append(entry)
    return entries


def _report(outcomes: list[Outcome]) -> None:
    print(f"{'figure':60s} {'tune':>8s} {'check':>8s} {'±noise':>7s} {'gap':>7s} {'floor':>7s}  verdict")
    for outcome in outcomes:
        figure = outcome.figure
        limit = figure.floor if figure.floor is not None else figure.ceiling
        beside = f"  (baseline {outcome.check.baseline:.4f})" if outcome.check.baseline is not None else ""
        verdict = "FAIL " + "; ".join(outcome.problems) if outcome.problems else "ok"
        print(
            f"{figure.name:60s} {outcome.tune.value:8.4f} {outcome.check.value:8.4f} {outcome.check.noise:7.4f} "
            f"{outcome.gap:7.4f} {limit!s:>7s}  {verdict}{beside}"
        )


def _as_json(outcomes: list[Outcome]) -> list[dict[str, Any]]:
    return [
        {"figure": o.figure.name, "tune": o.tune.value, "check": o.check.value, "check_noise": o.check.noise,
         "gap": o.gap, "gap_noise": o.gap_noise, "floor": o.figure.floor, "ceiling": o.figure.ceiling,
         "baseline_check": o.check.baseline, "problems": list(o.problems)}
        for o in outcomes
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", nargs="?", type=Path, default=Path("..") / "shared" / "data")
    parser.add_argument("--floors", type=Path, default=None, help="floors file (default: the packaged floors.json)")
    parser.add_argument("--raise-floors", action="store_true", help="ratchet the floors up to the check figures")
    parser.add_argument("--json", action="store_true", help="print the outcomes as JSON")
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
    if args.json:
        print(json.dumps(_as_json(outcomes), indent=1))
    else:
        _report(outcomes)
    failed = [outcome for outcome in outcomes if outcome.problems]
    if args.raise_floors:
        floors_path.write_text(json.dumps({"figures": raised_floors(outcomes)}, indent=1) + "\n", "utf-8")
        print(f"floors written to {floors_path}", file=sys.stderr)
    print(f"evaluation gate: {len(outcomes) - len(failed)} of {len(outcomes)} figures hold", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
