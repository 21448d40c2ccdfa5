"""Numbers inside compound modifiers: "a four-cylinder engine", "a 7- or 8-inch screen".

The noun after the hyphen names what the number counts or measures, and a
suspended hyphen ("four-, five- and six-cylinder") lends the last noun to
every number of the list.
"""

from __future__ import annotations

import re

from crosswire.annotate import numbers

#: "-cylinder" right after the number; a unit after a hyphen is read as a unit elsewhere.
_HYPHEN_NOUN = re.compile(r"-(?P<noun>[a-z]{3,})\b(?<!ed)(?!-)")  # not "three-wheeled"
#: "7- or 8-inch", "four-, five- and six-cylinder"
_SUSPENDED = re.compile(r"-(?:,\s*|\s+(?:or|and|to)\s+|,?\s+(?:or|and)\s+)")


def compound_noun(text: str, end: int, later: list[numbers.NumberSpan]) -> str | None:
    """The noun a number is hyphened to ("four-cylinder" -> "cylinder"), following suspended hyphens."""
    position = end
    spans = iter(later)
    while True:
        direct = _HYPHEN_NOUN.match(text, position)
        if direct:
            return direct.group("noun")
        suspended = _SUSPENDED.match(text, position)
        if suspended is None:
            return None
        following = next((span for span in spans if span.start >= suspended.end()), None)
        if following is None or following.start != suspended.end():
            return None
        position = following.end
