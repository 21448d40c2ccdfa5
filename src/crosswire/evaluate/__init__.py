"""``crosswire eval``: score a stage on a dataset laid out as in shared/data/README.md.

Each task lives in its own module and exposes one ``evaluate_*`` function
taking the dataset folder; this module only maps task names to them.
"""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path
from typing import Any

from crosswire.errors import CrosswireError

#: task name → (module, function)
TASKS: dict[str, tuple[str, str]] = {
    "extraction": ("crosswire.evaluate.extraction", "evaluate_extraction"),
    "captures": ("crosswire.evaluate.extraction", "evaluate_captures"),
    "dates": ("crosswire.evaluate.dates", "evaluate_dates"),
    "stories": ("crosswire.evaluate.stories", "evaluate_stories"),
    "quantities": ("crosswire.evaluate.quantities", "evaluate_quantities"),
    "fivew1h": ("crosswire.evaluate.fivew1h", "evaluate_fivew1h"),
    "corroboration": ("crosswire.evaluate.corroboration", "evaluate_corroboration"),
}


def run_task(task: str, dataset_dir: Path, limit: int | None = None) -> dict[str, Any]:
    """Run one evaluation task; raises FileNotFoundError when the data is absent."""
    if not Path(dataset_dir).is_dir():
        raise FileNotFoundError(
            f"{dataset_dir}: dataset folder not found. The evaluation sets live in ../shared/data "
            "(see its README.md); they are on CI and the developers' machines, not on a fresh checkout."
        )
    module_name, function_name = TASKS[task]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        raise CrosswireError(f"evaluation task {task!r} is not available in this version") from error
    function = getattr(module, function_name)
    if limit is not None and "limit" in inspect.signature(function).parameters:
        result: dict[str, Any] = function(Path(dataset_dir), limit=limit)
    else:
        result = function(Path(dataset_dir))
    return result
