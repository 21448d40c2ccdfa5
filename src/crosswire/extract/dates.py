"""Turn the date strings pages print ("Jul 16, 2025", "2 Jun 2025",
"03/Jun/2025", "2025-06-02T10:00:00Z") into ISO dates, never guessing."""

from __future__ import annotations

import re
from datetime import datetime

import dateparser

_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
# Slashes between day, month name and year confuse dateparser; spaces do not.
_SLASHED_MONTH_NAME = re.compile(r"\b(\d{1,2})/([A-Za-z]{3,9})\.?/(\d{4})\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
#: Dates as pages print them, found inside a longer line ("Updated: Jun 3, 2025, 10:12 IST").
DATE_IN_TEXT = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?[ /-]{_MONTH}[ /,-]+\d{{4}}"
    rf"|{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}/\d{1,2}/\d{4})(?!\d)",
    re.IGNORECASE,
)
_PARSER_SETTINGS = {
    "STRICT_PARSING": True,  # a date needs day, month and year: no guessing
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def to_iso_date(text: str | None) -> str | None:
    """``YYYY-MM-DD`` for a date written with day, month and year, else None."""
    if not text:
        return None
    iso = _ISO_PREFIX.match(text)
    if iso:
        try:
            return datetime(int(iso[1]), int(iso[2]), int(iso[3])).date().isoformat()
        except ValueError:
            return None
    if not _YEAR.search(text):
        return None  # "yesterday", "June 3": not pinned to a day without a reference
    cleaned = _SLASHED_MONTH_NAME.sub(r"\1 \2 \3", text.strip())
    parsed = dateparser.parse(cleaned, languages=["en"], settings=_PARSER_SETTINGS)
    return parsed.date().isoformat() if parsed else None


def find_date(text: str) -> str | None:
    """The first printed date inside ``text``, as ISO, or None."""
    for match in DATE_IN_TEXT.finditer(text):
        iso = to_iso_date(match.group(0))
        if iso:
            return iso
    return None
