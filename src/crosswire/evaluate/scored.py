"""A task's figures together with what they were computed from, for the bootstrap.

Every task scores a set as a list of *units* (a page, a sentence, an article,
a story: whatever the set's split keeps whole) and one ``aggregate`` function
that turns any list of units into the figures.  The figures a user sees are
``aggregate(units)`` plus whatever the task adds; the gate resamples the units
with replacement and calls ``aggregate`` again to learn how much a figure
moves by chance alone: its bootstrap standard error.

Units stay in memory: ``crosswire eval`` prints aggregate figures only, so a
check-part item is never shown.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

Unit = TypeVar("Unit")

#: Resamples per standard error: enough for two significant digits.
BOOTSTRAP_SAMPLES = 400


def lookup(figures: dict[str, Any], path: str) -> float:
    """The number at a dotted ``path`` ("f1", "baseline.f1") of a figures dict."""
    value: Any = figures
    for key in path.split("."):
        value = value[key]
    return float(value)


@dataclass(frozen=True)
class Scored(Generic[Unit]):
    figures: dict[str, Any]
    units: Sequence[Unit] = field(repr=False)
    aggregate: Callable[[Sequence[Unit]], dict[str, Any]] = field(repr=False)

    def standard_error(self, path: str, samples: int = BOOTSTRAP_SAMPLES, seed: int = 0) -> float:
        """Bootstrap standard error of the figure at ``path`` (0 for fewer than two units)."""
        if len(self.units) < 2:
            return 0.0
        chance = random.Random(seed)
        count = len(self.units)
        values = [
            lookup(self.aggregate([self.units[chance.randrange(count)] for _ in range(count)]), path)
            for _ in range(samples)
        ]
        mean = sum(values) / samples
        return math.sqrt(sum((value - mean) ** 2 for value in values) / (samples - 1))
