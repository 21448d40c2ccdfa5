"""Word-level text helpers shared by dedupe, clustering and corroboration."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)

#: Function words (and page furniture) that say nothing about what a story is about.
_STOPWORD_TEXT = """
    a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having
    he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
    nor not now of off on once only or other our ours ourselves out over own same she should so some such than
    that the their theirs them themselves then there these they this those through to too under until up very
    was we were what when where which while who whom why will with would you your yours yourself yourselves
    said says say told according also new one two three year years time people would could may might must
    mr mrs ms monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week last
    image images photo caption getty reuters ap afp read more share click advertisement
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def normalise(text: str) -> str:
    """Lower-case, accent-folded text so that typography does not hide a copy."""
    if text.isascii():  # nothing to fold, and far quicker
        return text.lower()
    folded = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()


def words(text: str) -> list[str]:
    """Every word of ``text``, normalised, in order."""
    return _WORD.findall(normalise(text))


def content_words(text: str) -> list[str]:
    """Words that carry meaning: no stopwords, no single letters or bare digits."""
    return [w for w in words(text) if len(w) > 1 and w not in STOPWORDS and not w.isdigit()]


def stem(word: str) -> str:
    """A crude plural/verb-ending fold ("injured"/"injuries" stay apart, "people"/"peoples" meet).

    Good enough to match the counted thing across outlets; a real stemmer
    would pull in another dependency for little gain.
    """
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


_SENTENCE_BREAK = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))[ \t]+(?=[\"“‘(]?[A-Z0-9])|\s*\n\s*")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets found by punctuation and line breaks, whitespace trimmed.

    A fallback for articles the annotators have not split into sentences.
    """
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _SENTENCE_BREAK.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    return [trimmed for start, end in spans if (trimmed := trim_span(text, start, end))[0] < trimmed[1]]


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span so it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
