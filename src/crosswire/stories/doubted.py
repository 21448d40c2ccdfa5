"""Figures a sentence leaves undecided: "I'm not positive all three were targeted", "unconfirmed reports of
7 deaths", "it is unclear whether the 80 passengers ...".

Such a figure is what someone doubts or has not confirmed, not what a source reports; shown as a fact, or
as agreement with an outlet that does report it, it would put a doubt forward as a claim. A doubt reaches
forward over the rest of its clause: a comma, semicolon or dash after the doubting words ends its reach
("It is unclear why the gunman fired, killing 3 people" reports the 3).
"""

from __future__ import annotations

import re

from crosswire.lexicon import Entry, load_lexicon

_LEXICON = load_lexicon("crosswire.stories", "doubt_words")
_NEGATED = sorted(e.term for e in _LEXICON.entries if e.value == "negated")
_ALONE = sorted(e.term for e in _LEXICON.entries if e.value == "alone")
_NEGATION = r"(?:\bnot|n[’']t|\bnever)\s+(?:(?:be|been|yet|immediately|entirely|quite|fully|independently)\s+)*"
_DOUBT = re.compile(
    rf"(?:{_NEGATION}(?:{'|'.join(map(re.escape, _NEGATED))})|\b(?:{'|'.join(map(re.escape, _ALONE))}))\b",
    re.IGNORECASE,
)
#: What ends a doubt's reach within its sentence.
_CLAUSE_BREAK = re.compile(r"[,;:—–]|\s-\s")


def doubted(sentence: str, figure_at: int) -> bool:
    """Whether the figure starting at ``figure_at`` in ``sentence`` stands in the reach of doubting words."""
    before = sentence[:figure_at]
    return any(not _CLAUSE_BREAK.search(before, doubt.end()) for doubt in _DOUBT.finditer(before))


def check_doubt_word(entry: Entry) -> None:
    """The lexicon check: the example's one figure is doubted, and the same sentence cut at a comma is not."""
    from crosswire.annotate.quantities import find_quantities  # heavy; only the check needs it

    found = find_quantities(entry.example)
    assert len(found) == 1 and doubted(entry.example, found[0].start), (entry.term, found)
    broken = entry.example[: found[0].start] + ", " + entry.example[found[0].start :]
    assert not doubted(broken, found[0].start + 2), entry.term
