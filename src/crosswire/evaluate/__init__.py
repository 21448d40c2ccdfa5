"""``crosswire eval``: score a stage on a dataset laid out as in shared/data/README.md.

Each task lives in its own module and exposes one ``score_*`` function taking
the dataset folder and the part to score (``split.py``); it returns a
``Scored``: the figures, and the per-item units they were aggregated from,
which the gate resamples for each figure's noise.  This module only maps task
names to them.
"""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path
from typing import Any

from crosswire.errors import CrosswireError
from crosswire.evaluate.scored import Scored
from crosswire.evaluate.split import PARTS, Part

#: task name → (module, function returning a ``Scored``)
TASKS: dict[str, tuple[str, str]] = {
    "extraction": ("crosswire.evaluate.extraction", "score_extraction"),
    "captures": ("crosswire.evaluate.extraction", "score_captures"),
    "dates": ("crosswire.evaluate.dates", "score_dates"),
    "stories": ("crosswire.evaluate.stories", "score_stories"),
    "quantities": ("crosswire.evaluate.quantities", "score_quantities"),
    "fivew1h": ("crosswire.evaluate.fivew1h", "score_fivew1h"),
    "corroboration": ("crosswire.evaluate.corroboration", "score_corroboration"),
    "metadata": ("crosswire.evaluate.metadata", "score_metadata"),
}


def score_task(
    task: str, dataset_dir: Path, part: Part = "all", limit: int | None = None, **task_options: Any
) -> Scored[Any]:
    """Run one evaluation task on one part of a set; raises FileNotFoundError when the data is absent.

    ``task_options`` go to the tasks that take them (``source`` for metadata) and are refused by the others.
    """
    if not Path(dataset_dir).is_dir():
        raise FileNotFoundError(
            f"{dataset_dir}: dataset folder not found. The evaluation sets live in ../shared/data "
            "(see its README.md); they are on CI and the developers' machines, not on a fresh checkout."
        )
    if part not in PARTS:
        raise CrosswireError(f"unknown part {part!r}: choose one of {', '.join(PARTS)}")
    module_name, function_name = TASKS[task]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        raise CrosswireError(f"evaluation task {task!r} is not available in this version") from error
    function = getattr(module, function_name)
    parameters = inspect.signature(function).parameters
    unknown = [name for name in task_options if name not in parameters]
    if unknown:
        raise CrosswireError(f"evaluation task {task!r} takes no option {', '.join(unknown)}")
    options: dict[str, Any] = {"part": part, **task_options}
    if limit is not None and "limit" in parameters:
        options["limit"] = limit
    scored: Scored[Any] = function(Path(dataset_dir), **options)
    return scored


def run_task(
    task: str, dataset_dir: Path, limit: int | None = None, part: Part = "all", **task_options: Any
) -> dict[str, Any]:
    """The figures of one evaluation task (what ``crosswire eval`` prints)."""
    return score_task(task, dataset_dir, part, limit, **task_options).figures
