"""Changing figures: a conflict whose values follow publication time.

A toll that rises from five to seven during a day is reported as 5 in the
morning and 7 in the afternoon.  Those reports disagree, but they do not
contradict each other: the figure changed.  A conflict is read as a change
only when time orders it completely:

* every report has a publication time;
* reports that disagree were published at different times: two reports of the
  same day are told apart only when both carry a time of day;
* all the disagreements go one way (each later figure is higher, or each is
  lower), as a running count does.

Anything else stays a discrepancy, since calling a real contradiction a
change would hide it from the reader.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, time

from crosswire.model import FigureReport

#: Whether two reports state compatible values (qualifiers and rounding allowed).
Compatible = Callable[[FigureReport, FigureReport], bool]


def _moment(published: str) -> tuple[datetime, bool] | None:
    """The publication time (UTC when a zone is given) and whether it has a time of day; None when unreadable."""
    try:
        moment = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    timed = len(published) > 10 and (moment.hour, moment.minute, moment.second) != (0, 0, 0)
    return moment, timed


def _earlier(a: tuple[datetime, bool], b: tuple[datetime, bool]) -> bool | None:
    """Whether ``a`` was published before ``b``; None when the two cannot be told apart."""
    (moment_a, timed_a), (moment_b, timed_b) = a, b
    if not (timed_a and timed_b):
        moment_a, moment_b = datetime.combine(moment_a.date(), time()), datetime.combine(moment_b.date(), time())
    return None if moment_a == moment_b else moment_a < moment_b


def figure_changes(reports: Sequence[FigureReport], compatible: Compatible) -> tuple[FigureReport, ...]:
    """The reports latest first when the conflicting figure changed over time, else ()."""
    moments = [_moment(report.published) for report in reports]
    if len(reports) < 2 or None in moments:
        return ()
    timed = [(report, moment) for report, moment in zip(reports, moments, strict=True) if moment is not None]
    directions: set[bool] = set()
    for i, (a, when_a) in enumerate(timed):
        for b, when_b in timed[i + 1 :]:
            if compatible(a, b):
                continue
            if isinstance(a.value, str) or isinstance(b.value, str):
                return ()  # dates moved about are not a running count
            order = _earlier(when_a, when_b)
            if order is None:
                return ()  # two reports of the same time disagree: a discrepancy
            earlier, later = (a, b) if order else (b, a)
            directions.add(float(later.value) > float(earlier.value))
    if len(directions) != 1:
        return ()
    return tuple(report for report, _ in sorted(timed, key=lambda pair: pair[1][0], reverse=True))
