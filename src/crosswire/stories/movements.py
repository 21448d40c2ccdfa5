"""Whether a figure is a change or a level: "a $500 drop" against "fell below $500".

Markets, tolls and prices are told both ways in one story: how far something moved ("fell 8%", "a $230
loss") and where it got to ("fell 8% to $412", "dipped below $500", "was trading at $388").  Equal
numbers of the two kinds are two measures, never one fact told twice, so corroboration keeps them apart.
The cues are words (``lexicons/movements.json``); a figure with none is neither, and may join either.
"""

from __future__ import annotations

import re
from typing import Literal

from crosswire.annotate.quantities.qualifiers import CHANGE_WORDS, QUALIFIERS
from crosswire.lexicon import Entry, load_lexicon, phrase_alternation

Movement = Literal["change", "level"]

_CUES = load_lexicon("crosswire.stories", "movements").mapping()
_CHANGE_NOUNS = [term for term, cue in _CUES.items() if cue == "change noun"]
_LEVEL_PREPOSITIONS = [term for term, cue in _CUES.items() if cue == "level preposition"]
_LEVEL_VERBS = [term for term, cue in _CUES.items() if cue == "level verb"]

_QUALIFIER = rf"(?:(?:{phrase_alternation(QUALIFIERS)})\s+)?"
#: "a 300-point drop", "$230 loss": the change noun right after the figure (its unit may come between).
_NOUN_AFTER = re.compile(rf"(?:-?\s*[a-z]+)?[-\s]+(?:{phrase_alternation(_CHANGE_NOUNS)})s?\b", re.IGNORECASE)
#: "a fall of 4%", "an increase of about 4%".
_NOUN_OF_BEFORE = re.compile(rf"\b(?:{phrase_alternation(_CHANGE_NOUNS)})s?\s+of\s+{_QUALIFIER}$", re.IGNORECASE)
#: "slid 8% to $410", "has sunk below $90", "dropped to a two-year low under $3": a preposition of
#: level right before the figure, with a word of change earlier in its clause.
#: "up to 70%" is a ceiling on the figure, not a level reached.
_LEVEL_BEFORE = re.compile(rf"(?<!\bup )\b(?:{phrase_alternation(_LEVEL_PREPOSITIONS)})\s+{_QUALIFIER}$", re.IGNORECASE)
_LEVEL_NOUNS = [term for term, cue in _CUES.items() if cue == "level noun"]
_CHANGE_IN_CLAUSE = re.compile(
    rf"\b(?:{phrase_alternation([*CHANGE_WORDS, *_CHANGE_NOUNS, *_LEVEL_NOUNS])})\b", re.IGNORECASE
)
#: "was trading at $388", "stood at 4.2%".
_VERB_AT_BEFORE = re.compile(rf"\b(?:{phrase_alternation(_LEVEL_VERBS)})\s+at\s+{_QUALIFIER}$", re.IGNORECASE)
#: "fell by under 1%": "by" makes what follows the size of the change, whatever bound it carries.
_BY_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:.!?()\u2014]")


def movement(text: str, start: int, end: int, change: str | None = None) -> Movement | None:
    """ "change", "level" or None for the figure at ``text[start:end]``; ``change`` is the direction the
    quantity reader found in a word of change before it ("rose 4%")."""
    before = text[max(0, start - 80) : start]
    clause = before[max((match.end() for match in _CLAUSE_BREAK.finditer(before)), default=0) :]
    # A level first: the quantity reader takes "fallen below $500" for a change with a bound, as it
    # takes "fell more than 5%", but below a figure is where the price got to, not how far it moved.
    level = _LEVEL_BEFORE.search(clause)
    if (
        level is not None
        and _CHANGE_IN_CLAUSE.search(clause, 0, level.start())
        and not _BY_BEFORE.search(clause, 0, level.start())
    ):
        return "level"
    if _VERB_AT_BEFORE.search(clause):
        return "level"
    if change is not None or _NOUN_AFTER.match(text, end) or _NOUN_OF_BEFORE.search(clause):
        return "change"
    return None


def check_movement(entry: Entry) -> None:
    """The lexicon check: the example's first figure is a change after a change noun, else a level."""
    from crosswire.annotate.quantities import find_quantities  # heavy; only the check needs it

    first = find_quantities(entry.example)[0]
    expected = "change" if entry.value == "change noun" else "level"
    assert movement(entry.example, first.start, first.end, first.change) == expected, (entry.term, first)
