"""Sparse term vectors of articles for story clustering.

An article is represented by what its headline and opening say, since that
is where outlets name the event; names (people, places, organisations) weigh
more than other words because two earthquakes share vocabulary, not places.
IDF comes from document frequencies counted as articles arrive.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable

from crosswire.model import Article
from crosswire.stories.text import STOPWORDS, content_words, normalise

SparseVector = dict[str, float]

#: How many words of the body count as the lead.
LEAD_WORDS = 500
TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 1.0
#: Extra weight of a word that belongs to a name.
NAME_BOOST = 1.5

#: A capitalised word that does not open a sentence: a cheap stand-in for a
#: name when the article carries no entity annotations.
_CAPITALISED = re.compile(r"(?<![.!?\n\"“])\s([A-Z][\w’'-]+)")


def _lead(text: str) -> str:
    # Scan a little more than the lead so the word cut falls after LEAD_WORDS content words.
    pieces = text.split()
    return " ".join(pieces[: LEAD_WORDS * 2])


def _name_words(article: Article, lead: str) -> set[str]:
    annotations = article.annotations
    if annotations is not None and annotations.entities:
        names = " ".join(e.text for e in annotations.entities if e.start < len(lead) + 1)
        return set(content_words(names))
    return {w for m in _CAPITALISED.finditer(lead) for w in content_words(m.group(1))}


def term_counts(article: Article) -> tuple[dict[str, float], frozenset[str]]:
    """Weighted term counts of an article's title and lead (before IDF), and which terms are names."""
    lead = _lead(article.text)
    counts: defaultdict[str, float] = defaultdict(float)
    title = article.title or ""
    # Many bodies repeat the headline as their first line; count it once, as title.
    if title and normalise(lead).startswith(normalise(title)[:60]):
        lead = lead[len(title) :]
    for word in content_words(title):
        counts[word] += TITLE_WEIGHT
    for word in content_words(lead)[:LEAD_WORDS]:
        counts[word] += LEAD_WEIGHT
    # Names come from the body only: headlines are often in Title Case.
    names = frozenset(w for w in _name_words(article, lead) if w in counts and w not in STOPWORDS)
    for word in names:
        counts[word] *= NAME_BOOST
    return dict(counts), names


class DocumentFrequencies:
    """Incremental document frequencies and the IDF they imply."""

    def __init__(self, counts: dict[str, int] | None = None, documents: int = 0) -> None:
        self.counts: dict[str, int] = dict(counts or {})
        self.documents = documents

    def add(self, terms: Iterable[str]) -> None:
        self.documents += 1
        for term in set(terms):
            self.counts[term] = self.counts.get(term, 0) + 1

    def idf(self, term: str) -> float:
        return math.log((self.documents + 1) / (self.counts.get(term, 0) + 1)) + 1.0


def weigh(counts: dict[str, float], frequencies: DocumentFrequencies) -> SparseVector:
    """Unit-length TF-IDF vector (sublinear TF) of weighted term counts."""
    vector = {term: (1.0 + math.log(tf)) * frequencies.idf(term) for term, tf in counts.items() if tf > 0}
    norm = math.sqrt(sum(w * w for w in vector.values()))
    if norm == 0:
        return {}
    return {term: w / norm for term, w in vector.items()}
