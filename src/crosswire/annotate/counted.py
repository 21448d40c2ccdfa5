"""The thing a bare number counts: "6,000 drones", "two mosques", "one of the students".

Without a tagger we read the noun phrase from word shapes: the words after
the number up to the first function word, ending at the first plural-looking
word (in English the head noun of "700 heart transplants" comes last and
carries the plural).  Good enough for news prose and fast.
"""

from __future__ import annotations

import re

#: Words that end a counted phrase: function words, pronouns, common verbs
#: and adverbs that follow a bare number ("10 were killed", "five more").
STOP_WORDS = frozenset(
    """a an the of in on at to for from by with than per or and nor as that which who whom whose this these
    those it its their his her our my your was were is are be been being have has had will would could should
    may might can do does did not no more less into over under after before since during while when where if
    but so up down out about against between through across each every all some ago earlier later last next
    only just also still already ahead apiece respectively even again then there here what how why such
    other others another most least both either neither same says said say told according i we they he she
    you them him us me one two three four five six seven eight nine ten cent percent times year years
    like around among within without toward towards via yet very much many few several""".split()  # noqa: SIM905
)
_WORD = re.compile(r"\s+(?P<word>[A-Za-z][A-Za-z'’-]*)")
_OF_PHRASE = re.compile(r"\s+of\s+(?:the\s+|those\s+|these\s+|its\s+|their\s+|his\s+|her\s+|our\s+)?", re.IGNORECASE)
_MAX_WORDS = 4
#: Stop words that may sit inside a counted phrase when a plural follows
#: ("eight more picks", "two other players").
_MODIFIERS = frozenset({"more", "other", "further", "additional", "extra"})


def counted_noun(text: str, position: int, value: float, vague: bool = False) -> tuple[str, int] | None:
    """The counted phrase starting after ``position`` and where it ends, or None."""
    start = position
    of_phrase = _OF_PHRASE.match(text, position)
    if of_phrase and (value <= 1 or vague):
        # "one of the students", "a third of voters", "millions of Americans"
        start = of_phrase.end() - 1
    words: list[re.Match[str]] = []
    cursor = start
    while len(words) < _MAX_WORDS:
        match = _WORD.match(text, cursor)
        if match is None:
            break
        if match.group("word").lower() in _MODIFIERS:
            following = _WORD.match(text, match.end())
            if following is None or not looks_plural(following.group("word")):
                break
        elif not _may_be_in_phrase(match.group("word")):
            break
        words.append(match)
        cursor = match.end()
        if looks_plural(match.group("word")):
            break
    if not words:
        return None
    first, last = words[0].group("word"), words[-1].group("word")
    if first[0].isupper() and not vague and not (looks_plural(last) and last.islower()) and not looks_plural(first):
        # "49 Zorro Ranch Road", "iPhone 11 Pro": a name, not a count;
        # "seven European countries" ends in a common plural and is one.
        return None
    if not looks_plural(words[-1].group("word")) and value > 1:
        words = words[:1] if len(words) > 1 else words
    if not words:
        return None
    phrase_start, phrase_end = words[0].start("word"), words[-1].end("word")
    return text[phrase_start:phrase_end], phrase_end


def _may_be_in_phrase(word: str) -> bool:
    lower = word.lower()
    if lower in STOP_WORDS:
        return False
    if lower.endswith("ly") and len(lower) > 4:
        return False  # adverbs: "5 previously", "two only recently"
    # participles and past tenses end a phrase too: "12 killed", "five arrested"
    return not (lower.endswith("ed") and len(lower) > 4)


def looks_plural(word: str) -> bool:
    lower = word.lower()
    if len(lower) < 3 or not lower.endswith("s"):
        return lower in ("people", "children", "men", "women", "police", "staff", "personnel", "feet", "mice")
    return not lower.endswith(("ss", "us", "is", "'s", "’s"))
