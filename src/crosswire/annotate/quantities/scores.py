"""Scores and records: the pairs of numbers ``amounts`` leaves out as no amount ("a 34-6 win", "Carrow (12-3)").

A game's final score and a side's win-loss record are what a sports report is about, so the stage reads them
(``QuantityStage``), each pair as two figures of their own kind (``Quantity.tally``): the winning and the losing
score, or the wins and the losses.  Both figures keep the whole pair as their text ("34-6"): one number of it
means nothing without the other, and two reports agree on a score when they write the same pair.

Only what says which game moment the pair is is read: a result ("a 34-6 win", "beat Carrow 2-1", words of the
``result_words`` lexicon) or a record ("fell to 5-10", "a 2-14 record", "Carrow (12-3)", ``record_verbs``).  A
score at some moment of a game ("led 20-0 at halftime") tells no result, and a pair in brackets after a word in
lower case ("adults (18-24)") is a range.  The scanner (``find_quantities``) reads no scores, as the quantity
benchmarks count none.
"""

from __future__ import annotations

import re

from crosswire.annotate.quantities import amounts
from crosswire.lexicon import Entry, load_lexicon
from crosswire.model import Quantity

_PACKAGE = "crosswire.annotate.quantities"
_RESULT_WORDS = load_lexicon(_PACKAGE, "result_words").entries

#: The sides of a final score and of a record, the higher score first, the wins first.
RESULT_SIDES = ("winning score", "losing score")
RECORD_SIDES = ("wins", "losses")
#: Every tally a figure may carry (``Quantity.tally``): what a label says it is.
TALLIES = frozenset({*RESULT_SIDES, *RECORD_SIDES})

_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
#: A result word after the pair, at most two words that say what kind of result between ("a 34-6 *win*", "a 2-1
#: extra-time *victory*"), none of them a word of grammar ("trailed 14-3 in the win" tells no result).
_RESULT_AFTER = re.compile(
    r"(?:\s+(?!(?:in|the|a|an|with|before|after|of|for|to|at|on|and|but|by|during)\b)[A-Za-z][\w'’-]*){0,2}?\s+(?:"
    + "|".join(re.escape(e.term) for e in _RESULT_WORDS if e.value == "after")
    + r")\b",
    re.IGNORECASE,
)
#: A result verb right before the pair, with the other side's name between: "*beat* the Harbour Owls 3-1".
_RESULT_BEFORE = re.compile(
    r"\b(?:" + "|".join(re.escape(e.term) for e in _RESULT_WORDS if e.value == "before") + r")"
    rf"(?:\s+(?:the\s+)?{_NAME})?\s+$"
)
#: The name right before a record's verb ("Ruiz improved to 28-2") or its brackets ("Carrow (12-3)").
_NAME_BEFORE = re.compile(rf"(?<![\w'’.-])(?:The\s+)?(?P<name>{_NAME})\s+\(?$")


#: Two digits joined by a dash: a text without one (most texts) holds no score, and is not scanned further.
_DIGIT_PAIR = re.compile(r"\d[-–]\d")


def find_scores(text: str) -> list[Quantity]:
    """Every final score and win-loss record in ``text``, each as its two figures, in order."""
    if _DIGIT_PAIR.search(text) is None:
        return []
    found: list[Quantity] = []
    for match in amounts.RECORD_PAIR.finditer(text):
        part = "pair" if match["pair"] else "before_record"
        found += _pair(text, match.start(part), match.end(part), RECORD_SIDES, _name_before(text, match.start()))
    for match in amounts.RECORD.finditer(text):
        # "Carrow (12-3)", not "adults (18-24)" nor a three-part record ("went 10-5-1", whose third part is ties)
        holder = _name_before(text, match.start())
        if len(re.split("[-–]", match.group())) == 2 and holder is not None:
            found += _pair(text, match.start(), match.end(), RECORD_SIDES, holder)
    for match in amounts.SCORE.finditer(text):
        if any(q.start < match.end() and match.start() < q.end for q in found):
            continue
        if int(match[1]) > int(match[2]) and _tells_a_result(text, match.start(), match.end()):
            found += _pair(text, match.start(), match.end(), RESULT_SIDES)
    return sorted(found, key=lambda q: q.start)


def _tells_a_result(text: str, start: int, end: int) -> bool:
    return bool(_RESULT_AFTER.match(text, end) or _RESULT_BEFORE.search(text, max(0, start - 60), start))


def _name_before(text: str, position: int) -> str | None:
    """The name written right before ``position``: whose record the verb or the brackets after it give."""
    name = _NAME_BEFORE.search(text, max(0, position - 60), position)
    return name["name"] if name is not None else None


def _pair(text: str, start: int, end: int, sides: tuple[str, str], holder: str | None = None) -> list[Quantity]:
    """The pair's two figures, whose they are (``holder``) when the text names it."""
    first, second = (float(number) for number in re.split("[-–]", text[start:end]))
    return [
        Quantity(text[start:end], start, end, value, counted=holder, predicate=side, holder=holder, happened=True,
                 tally=side)
        for value, side in zip((first, second), sides, strict=True)
    ]


def check_result_word(entry: Entry) -> None:
    """The lexicon check: the stage reads the example's score as a result, and nothing else in it; without the
    word, the pair is no figure."""
    found = find_scores(entry.example)
    assert [q.tally for q in found] == list(RESULT_SIDES), (entry.term, found)
    assert find_scores(re.sub(rf"\b{entry.term}\b", "and", entry.example, count=1)) == [], entry.term
