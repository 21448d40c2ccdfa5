"""Sparse term vectors of articles for story clustering.

An article is represented by what its headline and opening say, since that
is where outlets name the event: its words, the pairs of adjacent words
("ana ruiz", "second half"), which tell two similar events apart far
better than single words, and its numbers (scores, magnitudes, tolls).
Words that belong to names (people, places, organisations) weigh more.

IDF comes from document frequencies counted as articles arrive, smoothed by
a prior of documents that contain none of the words, so that in a nearly
empty store every content word weighs about the same instead of the first
few articles deciding what is "common".  Pairs are not counted (there are
far too many); a pair weighs as if its words met by chance.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from crosswire.model import Article
from crosswire.stories.headline import headline
from crosswire.stories.text import STOPWORDS, WEB_ADDRESS, normalise

SparseVector = dict[str, float]

#: How many tokens of the body count as the lead.
LEAD_WORDS = 150
TITLE_WEIGHT = 4.0
LEAD_WEIGHT = 1.0
#: Extra weight of a word that belongs to a name.
NAME_BOOST = 1.5
#: Weight of a pair of adjacent content tokens against a single token.
BIGRAM_WEIGHT = 1.0
#: Terms kept per article vector: the light ones change a cosine little and would fill memory.
VECTOR_TERMS = 150
#: Documents assumed seen before the store's first, none holding the term.
PRIOR_DOCUMENTS = 100

#: Words (letters, inner apostrophes) and numbers (with decimal or thousands separators).
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s?$")
_PIECE = re.compile(r"\S+")
#: A capitalised word that does not open a sentence: a cheap stand-in for a
#: name when the article carries no entity annotations.
_CAPITALISED = re.compile(r"(?<![.!?\n\"“])\s([A-Z][\w’'-]+)")


@dataclass(frozen=True, slots=True)
class ArticleTerms:
    """Weighted term counts of an article (before IDF) and which of the terms are names."""

    counts: dict[str, float]
    names: frozenset[str]
    headline: frozenset[str] = frozenset()
    #: The words of the names that are places (countries, cities, regions, nationalities).
    places: frozenset[str] = frozenset()


def tokens(text: str) -> list[str]:
    """Content tokens: stemmed words that are not stopwords, and numbers of two or more digits."""
    found: list[str] = []
    for token in _TOKEN.findall(normalise(text)):
        if token[0].isdigit():
            number = token.replace(",", "")
            if len(number.replace(".", "")) >= 2:
                found.append("#" + number)
        else:
            word = _POSSESSIVE.sub("", token)
            if len(word) > 1 and word not in STOPWORDS:
                found.append(fold(word))
    return found


def fold(word: str) -> str:
    """Plural and third-person endings off, so "quakes"/"quake" and "injuries"/"injury" meet."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _without_urls(text: str) -> str:
    # A link spelled out in the text is page furniture, not what the article says.
    return WEB_ADDRESS.sub(" ", text)


def _lead(text: str) -> str:
    # A little more than LEAD_WORDS pieces, so the cut falls after LEAD_WORDS content tokens.
    end = 0
    for count, piece in enumerate(_PIECE.finditer(text), start=1):
        end = piece.end()
        if count >= LEAD_WORDS * 2:
            break
    return text[:end]


#: Entity labels of places: a country, city or region (GPE), a nationality (NORP), a sea or range (LOC).
PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})


def _name_words(article: Article, lead_end: int, lead: str) -> tuple[set[str], set[str]]:
    """The words of the lead's names, and those of them that only ever name a place."""
    annotations = article.annotations
    if annotations is not None and annotations.entities:
        lead_entities = [e for e in annotations.entities if e.start < lead_end]
        places = _words(" ".join(e.text for e in lead_entities if e.label in PLACE_LABELS))
        others = _words(" ".join(e.text for e in lead_entities if e.label not in PLACE_LABELS))
        return places | others, places - others
    return _words(" ".join(m.group(1) for m in _CAPITALISED.finditer(lead))), set()


def _words(text: str) -> set[str]:
    return {t for t in tokens(text) if not t.startswith("#")}


@dataclass(frozen=True, slots=True)
class TitleAndLead:
    """What story clustering reads of an article: its headline and the opening of its body."""

    title: str
    #: The lead without web addresses and without the headline when the body repeats it.
    lead: str
    #: Where the lead ends in the article's text.
    lead_end: int


def title_and_lead(article: Article) -> TitleAndLead:
    raw_lead = _lead(article.text)
    lead = _without_urls(raw_lead)
    title = _without_urls(headline(article)).strip()
    # Many bodies repeat the headline as their first line; count it once, as title.
    stripped = lead.lstrip()
    if title and normalise(stripped).startswith(normalise(title)[:60]):
        lead = stripped[len(title) :]
    return TitleAndLead(title, lead, len(raw_lead))


def article_terms(article: Article) -> ArticleTerms:
    """Weighted term counts of an article's title and lead, and which terms are names."""
    read = title_and_lead(article)
    title, lead = read.title, read.lead
    counts: defaultdict[str, float] = defaultdict(float)
    title_tokens = tokens(title)
    lead_tokens = tokens(lead)[:LEAD_WORDS]
    for token in title_tokens:
        counts[token] += TITLE_WEIGHT
    for token in lead_tokens:
        counts[token] += LEAD_WEIGHT
    if BIGRAM_WEIGHT > 0:
        for first, second in pairwise(title_tokens):
            counts[first + " " + second] += TITLE_WEIGHT * BIGRAM_WEIGHT
        for first, second in pairwise(lead_tokens):
            counts[first + " " + second] += LEAD_WEIGHT * BIGRAM_WEIGHT
    # Names come from the body only: headlines are often in Title Case.
    name_words, place_words = _name_words(article, read.lead_end, lead)
    names = frozenset(w for w in name_words if w in counts)
    for word in names:
        counts[word] *= NAME_BOOST
    return ArticleTerms(dict(counts), names, frozenset(title_tokens), frozenset(w for w in place_words if w in counts))


class DocumentFrequencies:
    """Incremental document frequencies and the smoothed IDF they imply."""

    def __init__(self, counts: dict[str, int] | None = None, documents: int = 0) -> None:
        self.counts: dict[str, int] = dict(counts or {})
        self.documents = documents

    def add(self, terms: Iterable[str]) -> None:
        """Count one document's single words (pairs of words are not counted)."""
        self.documents += 1
        for term in set(terms):
            if " " not in term:
                self.counts[term] = self.counts.get(term, 0) + 1

    def idf(self, word: str) -> float:
        return math.log((self.documents + PRIOR_DOCUMENTS) / (self.counts.get(word, 0) + 1))

    def unseen_idf(self) -> float:
        """IDF of a term no document has held: the most any term can weigh."""
        return math.log(self.documents + PRIOR_DOCUMENTS)


def weigh(counts: dict[str, float], frequencies: DocumentFrequencies) -> SparseVector:
    """Unit-length TF-IDF vector (sublinear TF) of weighted term counts, its heaviest VECTOR_TERMS terms."""
    word_idf = {term: frequencies.idf(term) for term in counts if " " not in term}
    unseen = frequencies.unseen_idf()
    vector: SparseVector = {}
    for term, tf in counts.items():
        if " " in term:
            # Independent words meet with the product of their document rates: the IDFs add up.
            first, second = term.split(" ")
            idf = min(word_idf[first] + word_idf[second], unseen)
        else:
            idf = word_idf[term]
        vector[term] = (1.0 + math.log(tf)) * idf
    if len(vector) > VECTOR_TERMS:
        vector = dict(sorted(vector.items(), key=lambda item: item[1], reverse=True)[:VECTOR_TERMS])
    return unit(vector)


def unit(vector: SparseVector) -> SparseVector:
    norm = math.sqrt(sum(w * w for w in vector.values()))
    if norm == 0:
        return {}
    return {term: w / norm for term, w in vector.items()}


def dot(small: SparseVector, large: SparseVector) -> float:
    if len(small) > len(large):
        small, large = large, small
    return sum(w * large.get(t, 0.0) for t, w in small.items())
