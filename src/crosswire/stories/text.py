"""Word-level text helpers shared by dedupe, clustering and corroboration."""

from __future__ import annotations

import re
import unicodedata

from crosswire.lexicon import Entry, terms

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)

#: A web address printed in a text ("https://example.com/news/...", "www.example.com/..."), up to the next space.
WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+")

#: Function words (and page furniture) that say nothing about what a story is about (``lexicons/stopwords.json``).
STOPWORDS = terms("crosswire.stories", "stopwords")


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


def check_stopword(entry: Entry) -> None:
    """The lexicon check: the example's word is read as a word and dropped from its content words."""
    assert entry.term in words(entry.example), (entry.term, words(entry.example))
    assert entry.term not in content_words(entry.example), (entry.term, content_words(entry.example))


def stem(word: str) -> str:
    """A crude plural/verb-ending fold ("injured"/"injuries" stay apart, "people"/"peoples" meet).

    Good enough to match the counted thing across outlets; a real stemmer
    would pull in another dependency for little gain.  A possessive is its
    noun ("the stage’s engine" and "the stage" share "stage"), whichever
    apostrophe the outlet types.
    """
    word = word.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
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


_AMOUNT = re.compile(r"(?P<number>\d+)[\s-]?(?P<unit>%|per cent|[^\W\d_]+)")


def check_generic_unit(entry: Entry) -> None:
    """The lexicon check (``corroborate.GENERIC_UNITS``): the example's first amount has this unit, and two
    outlets giving different amounts in the example's words are not taken to conflict."""
    from crosswire.model import Annotations, Article, Quantity
    from crosswire.stories.corroborate import corroborate, unit_key  # corroborate imports this module

    amount = _AMOUNT.search(entry.example)
    assert amount is not None, entry.example
    assert unit_key(amount.group("unit")) == entry.term, (entry.term, unit_key(amount.group("unit")))
    articles = []
    for article_id, value in (("first", int(amount.group("number"))), ("second", int(amount.group("number")) + 7)):
        text = entry.example[: amount.start()] + str(value) + entry.example[amount.end("number") :]
        end = amount.end() + len(str(value)) - len(amount.group("number"))
        quantity = Quantity(text[amount.start() : end], amount.start(), end, value, unit=amount.group("unit"))
        articles.append(Article(article_id, "record", "lexicon", text, annotations=Annotations(quantities=(quantity,))))
    facts = corroborate(articles, {"first": "one outlet", "second": "another outlet"})
    assert [fact.status for fact in facts] == ["single", "single"], (entry.term, facts)
