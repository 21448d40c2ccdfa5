"""The thing a bare number counts: "6,000 bodies", "two bridges", "one of the students".

Without a tagger we read the noun phrase from word shapes: the words after
the number up to the first function word, ending at the first plural-looking
word (in English the head noun of "90 knee operations" comes last and
carries the plural).  Good enough for news prose and fast.

A number inside a compound modifier ("a four-cylinder engine", "a 7- or
8-inch screen") counts or measures the noun after its hyphen, and a
suspended hyphen ("four-, five- and six-cylinder") lends the last noun to
every number of the list.
"""

from __future__ import annotations

import re

from crosswire.annotate.quantities import numbers, units
from crosswire.annotate.verb_forms import is_past_form
from crosswire.lexicon import load_lexicon, terms

_PACKAGE = "crosswire.annotate.quantities"
#: Words that end a counted phrase: function words, numbers up to ten and the words of a proportion
#: ("10 were killed", "five more", "5 per cent").
STOP_WORDS: frozenset[str] = (
    terms(_PACKAGE, "function_words")
    | frozenset(word for word, value in numbers.SMALL_NUMBERS.items() if 1 <= value <= 10)
    | frozenset(form for form, unit in units.UNITS.items() if unit in ("%", "times") and " " not in form)
    | {"cent"}
)
#: A word of the phrase, or a model number inside a name ("three new 787 Dreamliner jets").
_WORD = re.compile(r"\s+(?P<word>[A-Za-z][A-Za-z'’-]*|\d+(?=\s+[A-Z]))")
_DETERMINER = r"(?:the|those|these|its|their|his|her|our|my|your)\s+"
#: "one of the students", "two of Smith's deputies", "one of the most gifted players".
_OF_PHRASE = re.compile(rf"\s+of\s+(?P<determiner>{_DETERMINER})?(?:(?:most|least)\s+)?", re.IGNORECASE)
#: "half the flats"
_BARE_PARTITIVE = re.compile(rf"\s+{_DETERMINER}", re.IGNORECASE)
_POSSESSIVE = re.compile(r"\s+[A-Z][\w&.-]*['’]s\s")
_MAX_WORDS = 5
#: Stop words that may sit inside a counted phrase when a plural follows
#: ("three more players", "two other players").
_MODIFIERS = terms(_PACKAGE, "modifiers")
_IRREGULAR_PLURALS = terms(_PACKAGE, "plurals")
#: Those of them that also modify a plural head after them ("300 police officers").
_MODIFYING_PLURALS = frozenset(
    entry.term for entry in load_lexicon(_PACKAGE, "plurals").entries if entry.value and entry.value.get("modifies")
)


def counted_noun(text: str, position: int, value: float, vague: bool = False) -> tuple[str, int] | None:
    """The counted phrase starting after ``position`` and where it ends, or None."""
    start = _partitive_end(text, position, value, vague)
    partitive = start != position
    words: list[re.Match[str]] = []
    cursor = start
    while len(words) < _MAX_WORDS:
        match = _WORD.match(text, cursor)
        if match is None:
            break
        word = match.group("word")
        if word[0].isdigit() and not words:
            break
        if word.lower() in _MODIFIERS or (
            word.lower() in ("and", "&") and words and not looks_plural(words[-1].group("word"))
        ):
            # "three more players", "300 Ford and Toyota pickups": only on the way to a plural noun
            if not _plural_ahead(text, match.end()):
                break
        elif _is_participle(word) and _plural_next(text, match.end()):
            cursor = match.end()  # "200 recorded songs": the songs are counted
            continue
        elif not _may_be_in_phrase(word):
            break
        if value == 1 and not partitive and words and looks_plural(word):
            break  # "one proposal asks": a single thing is not counted by a plural
        words.append(match)
        cursor = match.end()
        if looks_plural(word) and not (word.lower() in _MODIFYING_PLURALS and _plural_next(text, cursor)):
            break  # but "300 police officers", "40 staff members": such a plural may modify the head
    joined = [index for index, match in enumerate(words) if match.group("word").lower() in ("and", "&")]
    if joined and not looks_plural(words[-1].group("word")):
        words = words[: joined[0]]  # "one uniform and black boots": "and" only joins on the way to a plural
    if not words:
        return None
    first, last = words[0].group("word"), words[-1].group("word")
    share = partitive and value < 1 and last.islower()  # "a quarter of the UK workforce"
    if (
        first[0].isupper()
        and not vague
        and not share
        and not (looks_plural(last) and last.islower())
        and not looks_plural(first)
    ):
        # "12 Mill Lane Road", "Pixel 8 Pro": a name, not a count;
        # "seven European countries" ends in a common plural and is one.
        return None
    if not looks_plural(last) and partitive and value >= 1 and not vague:
        return None  # "one of the most difficult": a partitive count picks from a plural
    if not looks_plural(last) and value > 1:
        words = words[:1] if len(words) > 1 else words
    phrase_start, phrase_end = words[0].start("word"), words[-1].end("word")
    return text[phrase_start:phrase_end], phrase_end


def _partitive_end(text: str, position: int, value: float, vague: bool) -> int:
    """Where the counted words start after "of the" ("one of the students") or ``position``."""
    of_phrase = _OF_PHRASE.match(text, position)
    if of_phrase and (value <= 1 or vague):
        # "one of the students", "a third of voters", "millions of Americans"
        return of_phrase.end() - 1
    if of_phrase and (of_phrase.group("determiner") or _POSSESSIVE.match(text, of_phrase.end() - 1)):
        return of_phrase.end() - 1  # "two of the victims", "two of Smith's deputies"
    bare = _BARE_PARTITIVE.match(text, position)
    if bare and value < 1:
        return bare.end() - 1  # "half the flats"
    return position


def _plural_ahead(text: str, position: int) -> bool:
    """A plural noun within the next two words, before any function word."""
    cursor = position
    for _ in range(2):
        match = _WORD.match(text, cursor)
        if match is None or match.group("word").lower() in STOP_WORDS:
            return False
        if looks_plural(match.group("word")):
            return True
        cursor = match.end()
    return False


def _plural_next(text: str, position: int) -> bool:
    match = _WORD.match(text, position)
    return match is not None and match.group("word").islower() and looks_plural(match.group("word"))


def _is_participle(word: str) -> bool:
    return word.islower() and word.endswith("ed") and len(word) > 4


def _may_be_in_phrase(word: str) -> bool:
    lower = word.lower()
    if lower in STOP_WORDS and not (word.isupper() and len(word) > 1):  # "the US population" is not "us"
        return False
    if lower.endswith("ly") and len(lower) > 4 and "-" not in lower:
        return False  # adverbs: "5 previously", "two only recently"; but "gas-only engines"
    # participles and past tenses end a phrase too: "12 killed", "five arrested", and the short ones a verb's
    # tables name ("two died", "four fled"), where a short word in -ed may otherwise be a noun ("a 3 bed flat")
    return not (lower.endswith("ed") and (len(lower) > 4 or is_past_form(lower)))


def looks_plural(word: str) -> bool:
    lower = word.lower()
    if len(lower) < 3 or not lower.endswith("s"):
        return lower in _IRREGULAR_PLURALS or (lower.endswith("men") and len(lower) > 5)  # "fishermen"
    return not lower.endswith(("ss", "us", "is", "'s", "’s"))


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
