"""The headline made readable for a parser trained on running text.

Headlines have a register of their own: title case ("Fire Destroys Old Mill
in Town Centre"), shouted words ("Mayor CLEARED by inquiry"), no full stop.
The small English model reads a capitalised verb as a proper noun and a
headline without a full stop often as one long noun phrase.  So each
capitalised headline word takes the casing the article body gives it away
from a sentence start ("Destroys" becomes "destroys" when the body writes
"destroyed"; "Mill" stays when the body writes "Mill"), and a full stop is
added.  In a title-case headline a capitalised word the body never writes
(an irregular verb: "Rebels Seize Port" over a body that says "seized"
works, "Rebels Hold Port" over "held" does not) is lower-cased when it is a
verb form, since there its capital tells nothing.  Only letter case changes,
so offsets into the headline stay valid.
"""

from __future__ import annotations

import re
from collections import Counter

from crosswire.annotate.nlp import verb_lemmas

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
#: A word right after one of these (or at the very start) opens a sentence, where capitals tell nothing.
_SENTENCE_OPENERS = frozenset('.!?:\n"“')
_SUFFIXES = ("ing", "ed", "es", "s")
_LONGEST_SUFFIX = max(len(suffix) for suffix in _SUFFIXES)
_MIN_STEM = 4
#: A headline is in title case when at least this share of its words of ``_MIN_STEM`` letters or more is capitalised.
_TITLE_CASE_SHARE = 0.75


def parser_ready(headline: str, body: str) -> str:
    """The headline recased, with a full stop as the sentences the parser learned from have.

    Offsets of the original headline stay valid in the result.
    """
    recased = recase_headline(headline, body)
    return recased if recased[-1:] in ".!?" else recased + "."


def recase_headline(headline: str, body: str) -> str:
    """``headline`` with each capitalised word in the case the body mostly uses for it."""
    capitalised = [word for word in _WORD.findall(headline) if word[0].isupper()]
    if not capitalised:
        return headline
    usage = _body_casing(body, {stem(word.lower()) for word in capitalised})
    title_case = _is_title_case(headline)
    return _WORD.sub(lambda match: _recased(match.group(), usage, title_case), headline)


def _is_title_case(headline: str) -> bool:
    long_words = [word for word in _WORD.findall(headline) if len(word) >= _MIN_STEM]
    return bool(long_words) and sum(word[0].isupper() for word in long_words) >= _TITLE_CASE_SHARE * len(long_words)


def _body_casing(body: str, roots: set[str]) -> dict[str, Counter[str]]:
    """Lower-cased word -> how often each spelling appears mid-sentence, for the words that start with ``roots``."""
    alternatives = "|".join(re.escape(root) for root in sorted(roots, key=len, reverse=True))
    pattern = re.compile(rf"(?<![A-Za-z'’])(?:{alternatives})[A-Za-z'’]{{0,{_LONGEST_SUFFIX}}}(?![A-Za-z'’])", re.I)
    usage: dict[str, Counter[str]] = {}
    for match in pattern.finditer(body):
        before = match.start() - 1
        while before >= 0 and body[before].isspace():
            before -= 1
        if before < 0 or body[before] in _SENTENCE_OPENERS:
            continue
        word = match.group()
        usage.setdefault(word.lower(), Counter())[word] += 1
    return usage


def _recased(word: str, usage: dict[str, Counter[str]], title_case: bool = False) -> str:
    if not word[0].isupper():
        return word
    seen = usage.get(word.lower())
    if seen:
        return _dominant_spelling(word, seen)
    # "Blames" may appear in the body only as "blamed": judge the word by its stem.
    root = stem(word.lower())
    unseen = word.lower() if title_case and word[1:].islower() and is_verb_form(word.lower()) else word
    if len(root) < _MIN_STEM:
        return unseen
    lower = upper = 0
    for spelling, counter in usage.items():
        if spelling.startswith(root) and len(spelling) - len(root) <= _LONGEST_SUFFIX:
            for form, count in counter.items():
                if form[0].isupper():
                    upper += count
                else:
                    lower += count
    if lower == upper == 0:
        return unseen
    return word.lower() if lower > upper else word


def is_verb_form(word: str) -> bool:
    """Whether ``word`` is a verb's base or present-tense form ("strike", "strikes", "cries")."""
    return any(form in verb_lemmas() for form in base_forms(word))


def base_forms(word: str) -> tuple[str, ...]:
    """Candidate base forms of a present-tense verb: "cries" -> "cry", "slams" -> "slam", "lead" -> "lead"."""
    if word.endswith("ies"):
        return (word[:-3] + "y",)
    if word.endswith("es"):
        return (word[:-2], word[:-1])
    if word.endswith("s") and not word.endswith("ss"):
        return (word[:-1],)
    return (word,)


def _dominant_spelling(word: str, seen: Counter[str]) -> str:
    spelling, _ = max(seen.items(), key=lambda item: (item[1], item[0] == word))
    return spelling


def stem(word: str) -> str:
    """``word`` without one inflection ending ("blames", "blamed" -> "blam"), kept when too short."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word
