"""Which stories might an article belong to: an inverted index with capped posting lists.

A story is indexed under the heaviest terms of each article it takes (the
rare, specific ones, since weights carry IDF).  Each term keeps only the
stories that used it most recently, at most ``POSTINGS_KEPT``: a common
term forgets old stories quickly, a rare name remembers its story for as
long as nobody else uses it.  Looking up an article therefore reads a
bounded number of postings whatever the size of the store.
"""

from __future__ import annotations

from typing import Any

from crosswire.stories.vectors import SparseVector

#: Heaviest terms of an article that a story is indexed under.
INDEXED_TERMS = 20
#: Heaviest terms of an article used to look stories up.
QUERY_TERMS = 20
#: Stories remembered per term, most recently active first.
POSTINGS_KEPT = 16


class StoryIndex:
    def __init__(self) -> None:
        # term → story ids, least recently active first (dict order is the recency order).
        self.postings: dict[str, dict[str, None]] = {}

    def add(self, story_id: str, vector: SparseVector) -> list[str]:
        """Index the story under the vector's heaviest terms; returns those terms."""
        terms = _heaviest(vector, INDEXED_TERMS)
        for term in terms:
            remember_recent(self.postings.setdefault(term, {}), story_id, POSTINGS_KEPT)
        return terms

    def candidates(self, vector: SparseVector, limit: int) -> list[str]:
        """Stories sharing the article's heaviest terms, most shared weight first."""
        overlap: dict[str, float] = {}
        for term in _heaviest(vector, QUERY_TERMS):
            for story_id in self.postings.get(term, ()):
                overlap[story_id] = overlap.get(story_id, 0.0) + vector[term]
        ranked = sorted(overlap.items(), key=lambda item: item[1], reverse=True)
        return [story_id for story_id, _ in ranked[:limit]]

    def to_json(self) -> dict[str, Any]:
        return {term: list(ids) for term, ids in self.postings.items()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StoryIndex:
        index = cls()
        index.postings = {str(term): dict.fromkeys(ids) for term, ids in data.items()}
        return index


def remember_recent(recent: dict[str, None], story_id: str, kept: int) -> None:
    """Move ``story_id`` to the end of ``recent`` (dict order is recency) and forget the oldest beyond ``kept``."""
    recent.pop(story_id, None)
    recent[story_id] = None
    if len(recent) > kept:
        del recent[next(iter(recent))]


def _heaviest(vector: SparseVector, count: int) -> list[str]:
    # Single words only: a pair of words finds nothing its rarer word would not, and would double the index.
    words = [(term, weight) for term, weight in vector.items() if " " not in term]
    return [term for term, _ in sorted(words, key=lambda item: item[1], reverse=True)[:count]]
