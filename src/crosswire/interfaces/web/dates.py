"""Publication dates as a reader reads them: ``12 March 2024, 08:15``.

A time is shown only when the source gave one.  A stamp of exactly midnight
with no offset or a zero one (``2016-11-09T00:00:00``) is what extraction
writes when a page states only its day, so it is shown as the day alone.
"""

from __future__ import annotations

from datetime import datetime, timedelta

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip


def readable_date(value: object, short: bool = False) -> str:
    """``"2024-03-12T08:15:00+02:00"`` → ``"12 March 2024, 08:15 (UTC+02:00)"``; ``short`` gives ``"12 Mar 2024"``.

    Anything that is not an ISO date or timestamp is returned as it is (it is escaped where shown).
    """
    if not isinstance(value, str) or not value.strip():
        return ""
    text = value.strip()
    try:
        stamp = datetime.fromisoformat(text)  # Python 3.11 reads a trailing Z as UTC
    except ValueError:
        return text
    month = _MONTHS[stamp.month - 1]
    day = f"{stamp.day} {month[:3] if short else month} {stamp.year}"
    if len(text) <= 10 or short or _invented_midnight(stamp):
        return day
    clock = f"{stamp.hour:02d}:{stamp.minute:02d}"
    offset = stamp.utcoffset()
    if offset is None:
        return f"{day}, {clock}"
    return f"{day}, {clock} ({_utc_offset(offset)})"


def _invented_midnight(stamp: datetime) -> bool:
    offset = stamp.utcoffset()
    return (stamp.hour, stamp.minute, stamp.second, stamp.microsecond) == (0, 0, 0, 0) and not offset


def _utc_offset(offset: timedelta) -> str:
    if not offset:
        return "UTC"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def machine_date(value: object) -> str:
    """The ``datetime`` attribute of a ``<time>``: the stamp, or its day alone when the time was not given."""
    if not isinstance(value, str):
        return ""
    text = value.strip()
    try:
        stamp = datetime.fromisoformat(text)
    except ValueError:
        return text
    return text[:10] if len(text) > 10 and _invented_midnight(stamp) else text
