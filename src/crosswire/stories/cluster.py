"""Incremental, time-aware story clustering.

Articles arrive in publication order and each joins the most similar story
or starts a new one; nothing is re-clustered, so story ids never change.  A
story is the sum of its articles' unit vectors (its centroid).  Candidates
come from an inverted index over the article's most telling terms, and each
term's posting list is kept in order of recent use, so only the most
recently active stories of a common term are scanned: assignment stays cheap
as the number of stories grows.

Time: a story that has been quiet for longer than the window can still take
an article, but only with clearly stronger evidence, since news events are
reported in bursts and a late follow-up usually repeats the names.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from crosswire.model import Article
from crosswire.stories.vectors import DocumentFrequencies, SparseVector, term_counts, weigh

#: Cosine to a story's centroid needed to join it while the story is active.
JOIN_THRESHOLD = 0.18
#: Cosine needed to join a story that has been quiet longer than the window.
DORMANT_THRESHOLD = 0.24
WINDOW_DAYS = 30
#: What is left of the similarity when two articles share no name at all
#: (people, places, organisations); shared names restore it in proportion.
NAME_FLOOR = 0.6
#: Names each side must have before sharing none of them rules a story out.
MIN_NAMES_TO_VETO = 2
#: Terms of an article used to look up candidate stories (its highest weights).
QUERY_TERMS = 24
#: Most recently active stories scanned per query term.
POSTINGS_SCANNED = 64
#: Best-overlap candidates scored exactly.
CANDIDATES_SCORED = 32

STATE_VERSION = 2


def story_id_for(first_article_id: str) -> str:
    return "s-" + hashlib.sha1(first_article_id.encode()).hexdigest()[:12]


def day_number(published: str | None) -> int | None:
    """Days since year 1 of an ISO date or timestamp; None when absent or unreadable."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


@dataclass
class _Centroid:
    """Sum of unit vectors, with its squared norm kept up to date for cheap cosines."""

    weights: SparseVector = field(default_factory=dict)
    norm_squared: float = 0.0

    def add(self, vector: SparseVector) -> None:
        dot = sum(self.weights.get(t, 0.0) * w for t, w in vector.items())
        self.norm_squared += 2.0 * dot + sum(w * w for w in vector.values())
        for term, weight in vector.items():
            self.weights[term] = self.weights.get(term, 0.0) + weight

    def cosine(self, vector: SparseVector) -> float:
        if self.norm_squared <= 0:
            return 0.0
        dot = sum(self.weights.get(t, 0.0) * w for t, w in vector.items())
        return dot / math.sqrt(self.norm_squared)

    def to_json(self) -> dict[str, Any]:
        return {"weights": dict(self.weights), "norm_squared": self.norm_squared}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> _Centroid:
        return cls({str(t): float(w) for t, w in data["weights"].items()}, float(data["norm_squared"]))


@dataclass
class _Story:
    id: str
    terms: _Centroid = field(default_factory=_Centroid)
    names: _Centroid = field(default_factory=_Centroid)
    size: int = 0
    last_day: int | None = None

    def add(self, vector: SparseVector, names: SparseVector, day: int | None) -> None:
        self.terms.add(vector)
        self.names.add(names)
        self.size += 1
        if day is not None:
            self.last_day = day if self.last_day is None else max(self.last_day, day)

    def similarity(self, vector: SparseVector, names: SparseVector) -> float:
        """Cosine of all terms, tempered by how well the names agree when both sides have names.

        Two fires or two earthquakes share most words; what tells them apart
        is who and where, so differing names pull the score down.
        """
        overall = self.terms.cosine(vector)
        if not names or self.names.norm_squared <= 0:
            return overall
        name_cosine = self.names.cosine(names)
        if name_cosine == 0.0 and len(names) >= MIN_NAMES_TO_VETO and len(self.names.weights) >= MIN_NAMES_TO_VETO:
            return 0.0  # both sides name several people/places and not one is shared: another event
        return overall * (NAME_FLOOR + (1.0 - NAME_FLOOR) * name_cosine)


class StoryClusterer:
    """Assign articles to stories one at a time; export/restore as plain JSON."""

    def __init__(self) -> None:
        self._frequencies = DocumentFrequencies()
        self._stories: dict[str, _Story] = {}
        # term → story ids, least recently active first (dict order is the recency order).
        self._postings: dict[str, dict[str, None]] = {}

    def __len__(self) -> int:
        return len(self._stories)

    def assign(self, article: Article) -> str:
        """Return the id of the story this article joins (a new one when none is close)."""
        counts, name_terms = term_counts(article)
        self._frequencies.add(counts)
        vector = weigh(counts, self._frequencies)
        names = weigh({t: c for t, c in counts.items() if t in name_terms}, self._frequencies)
        day = day_number(article.published)
        story = self._best_story(vector, names, day)
        if story is None:
            story = _Story(id=self._new_id(article.id))
            self._stories[story.id] = story
        story.add(vector, names, day)
        self._index(story.id, vector)
        return story.id

    def export_state(self) -> dict[str, Any]:
        return {
            "version": STATE_VERSION,
            "documents": self._frequencies.documents,
            "document_frequencies": dict(self._frequencies.counts),
            "stories": [
                {
                    "id": s.id,
                    "terms": s.terms.to_json(),
                    "names": s.names.to_json(),
                    "size": s.size,
                    "last_day": s.last_day,
                }
                for s in self._stories.values()
            ],
            "postings": {term: list(ids) for term, ids in self._postings.items()},
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> StoryClusterer:
        if state.get("version") != STATE_VERSION:
            raise ValueError(f"story clusterer state version {state.get('version')!r} is not {STATE_VERSION}")
        clusterer = cls()
        clusterer._frequencies = DocumentFrequencies(state["document_frequencies"], state["documents"])
        for item in state["stories"]:
            story = _Story(
                id=item["id"],
                terms=_Centroid.from_json(item["terms"]),
                names=_Centroid.from_json(item["names"]),
                size=int(item["size"]),
                last_day=item["last_day"],
            )
            clusterer._stories[story.id] = story
        clusterer._postings = {term: dict.fromkeys(ids) for term, ids in state["postings"].items()}
        return clusterer

    def _new_id(self, article_id: str) -> str:
        story_id = story_id_for(article_id)
        suffix = 1
        while story_id in self._stories:  # the same article id fed twice: keep ids unique
            story_id = story_id_for(f"{article_id}#{suffix}")
            suffix += 1
        return story_id

    def _candidates(self, vector: SparseVector) -> list[str]:
        overlap: dict[str, float] = {}
        top_terms = sorted(vector.items(), key=lambda item: item[1], reverse=True)[:QUERY_TERMS]
        for term, weight in top_terms:
            posting = self._postings.get(term)
            if not posting:
                continue
            for scanned, story_id in enumerate(reversed(posting)):
                if scanned >= POSTINGS_SCANNED:
                    break
                overlap[story_id] = overlap.get(story_id, 0.0) + weight
        ranked = sorted(overlap.items(), key=lambda item: item[1], reverse=True)
        return [story_id for story_id, _ in ranked[:CANDIDATES_SCORED]]

    def _best_story(self, vector: SparseVector, names: SparseVector, day: int | None) -> _Story | None:
        best: _Story | None = None
        best_score = 0.0
        for story_id in self._candidates(vector):
            story = self._stories[story_id]
            threshold = JOIN_THRESHOLD if _active(story, day) else DORMANT_THRESHOLD
            score = story.similarity(vector, names)
            if score >= threshold and score > best_score:
                best, best_score = story, score
        return best

    def _index(self, story_id: str, vector: SparseVector) -> None:
        for term in vector:
            posting = self._postings.setdefault(term, {})
            posting.pop(story_id, None)  # re-insert at the end: most recently active
            posting[story_id] = None


def _active(story: _Story, day: int | None) -> bool:
    if day is None or story.last_day is None:
        return True
    return day - story.last_day <= WINDOW_DAYS
