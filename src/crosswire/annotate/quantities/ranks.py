"""Ranks: an ordinal before a noun places a thing in a series ("the fifth patrol", "his 16th straight win").

A rank is a figure of its own kind (``Quantity.ordinal``): "the sixth round" and "six rounds" tell different
things, so ranks agree or conflict only with ranks.  The stage reads them (``QuantityStage``); the scanner
(``find_quantities``) does not, as the quantity benchmarks count no ranks.  What is ranked and what happened
to it are read from the parse like any amount's (``grammar.read_rank``).
"""

from __future__ import annotations

import re

from crosswire.annotate.quantities import counted, numbers
from crosswire.lexicon import Entry, mapping, terms
from crosswire.model import Quantity

_PACKAGE = "crosswire.annotate.quantities"
_RANK_WORDS: dict[str, int] = {word: int(rank) for word, rank in mapping(_PACKAGE, "ranks").items()}
#: Ranks below this are left out: "first" and "second" are mostly idioms (``lexicons/ranks.json``).
MIN_RANK = 3
#: Nouns after which an ordinal marks a time in a game or names a position: no rank (``lexicons/unranked_nouns.json``).
UNRANKED_NOUNS = terms(_PACKAGE, "unranked_nouns")
_MONTHS = {name for names in mapping(_PACKAGE, "months").values() for name in names}

_RANK_WORD = "|".join(sorted(_RANK_WORDS, key=len, reverse=True))
_RANK = re.compile(
    rf"(?<![\w.,-])(?:(?P<word>{_RANK_WORD})|(?P<digits>\d{{1,3}})(?:st|nd|rd|th))(?![\w-])", re.IGNORECASE
)
#: What follows a rank: a lower-case word (the start of what is ranked), not a capitalised name ("Fifth
#: Avenue", "the 22nd Amendment"), a number ("her third 50-goal season": a kind of season), "of" (a fraction
#: or a date: "a third of", "the 16th of March") or a hyphen ("third-largest", "fifth-grade").
_RANKED_AFTER = re.compile(r"\s+(?!of\b)[a-z][a-z]")
#: Before a rank: a fraction's count ("one third", "two fifths", "one-third") or a month ("March 16th").
_FRACTION_BEFORE = re.compile(rf"(?:\b(?:{'|'.join(numbers.SMALL_NUMBERS)})|\d)[\s-]*$", re.IGNORECASE)
#: "a" or "an" before a rank: a fraction when a function word follows ("a third of", "a fifth more"), else a rank
#: ("a third term", "a fifth straight win").
_A_BEFORE = re.compile(r"\ban?[\s-]+$", re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s+([a-z]+)")


def find_ranks(text: str) -> list[Quantity]:
    """Every rank of a thing in ``text`` (third and up), in order, as ordinal quantities with no unit."""
    ranks = []
    for match in _RANK.finditer(text):
        value = _RANK_WORDS[match["word"].casefold()] if match["word"] else int(match["digits"])
        if value < MIN_RANK or not _RANKED_AFTER.match(text, match.end()):
            continue
        before = text[max(0, match.start() - 12) : match.start()]
        word_before = before.split()[-1].casefold().rstrip(".") if before.split() else ""
        if _FRACTION_BEFORE.search(before) or word_before in _MONTHS:
            continue
        after = _WORD_AFTER.match(text, match.end())
        if _A_BEFORE.search(before) and (after is None or after[1] in counted.STOP_WORDS):
            continue
        ranks.append(Quantity(match.group(), match.start(), match.end(), float(value), ordinal=True))
    return ranks


def check_rank(entry: Entry) -> None:
    """The lexicon check: the stage reads the example's rank, with its value and the thing ranked, and no other
    figure."""
    from crosswire.annotate import annotate_text  # heavy; only the check needs it

    found = annotate_text("lexicon", entry.example, None).quantities
    assert [(q.text.casefold(), q.value, q.ordinal) for q in found] == [(entry.term, entry.value, True)], found
    assert found[0].counted is not None, found


def check_unranked_noun(entry: Entry) -> None:
    """The lexicon check: the example's ordinal is no rank, and would be one of another noun ("patrol")."""
    from crosswire.annotate import annotate_text  # heavy; only the check needs it

    def ranks_in(text: str) -> list[Quantity]:
        return [q for q in annotate_text("lexicon", text, None).quantities if q.ordinal]

    assert ranks_in(entry.example) == [], (entry.term, ranks_in(entry.example))
    assert ranks_in(re.sub(rf"\b{entry.term}\b", "patrol", entry.example, count=1)), entry.term
