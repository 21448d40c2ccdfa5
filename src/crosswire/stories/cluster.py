"""Incremental, time-aware story clustering.

Articles arrive in publication order and each joins the story it most
clearly belongs to, or starts a new one; nothing is re-clustered, so story
ids never change.  How strongly an article belongs to a story is weighed in
``crosswire.stories.story``: similar words and word pairs, shared names, the
story's headline words, closeness of meaning (``crosswire.stories.meaning``),
and time.

Cost: candidates come from an inverted index (``StoryIndex``) whose posting
lists are capped, and only a few of them are weighed, so assigning an
article costs about the same in a store of a thousand articles or of a
hundred thousand.

Memory: a story's centroids are the bulk of the state, so a clusterer given
a way to load stories (``load_stories``, the store's saved state) keeps only
the ``STORIES_IN_MEMORY`` it used most recently and loads others when an
article names them as candidates.  News comes in bursts, so the stories
articles join are mostly the recent ones already in memory.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from crosswire.model import Article
from crosswire.stories.meaning import article_meaning
from crosswire.stories.signature import HeadlineWords
from crosswire.stories.story import Incoming, Story
from crosswire.stories.story_index import StoryIndex
from crosswire.stories.vectors import DocumentFrequencies, article_terms, weigh

#: Evidence (in units of cosine similarity) an article needs to join a story.
JOIN_THRESHOLD = 0.06
#: Candidate stories weighed per article (those sharing the most of its heaviest terms).
CANDIDATES_WEIGHED = 8

#: Stories a clusterer with ``load_stories`` keeps in memory, the most recently used.
STORIES_IN_MEMORY = 2_000

STATE_VERSION = 7

#: Loads saved stories (their ``Story.to_json``) by id.
StoryLoader = Callable[[list[str]], Iterable[dict[str, Any]]]


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


class StoryClusterer:
    """Assign articles to stories one at a time; export/restore as plain JSON."""

    def __init__(self, load_stories: StoryLoader | None = None) -> None:
        self._frequencies = DocumentFrequencies()
        #: Stories in memory, least recently used first (every story, without ``load_stories``).
        self._stories: dict[str, Story] = {}
        #: The day of the latest article of every story, in memory or not.
        self._last_days: dict[str, int | None] = {}
        #: Where stories left out of memory come back from; None keeps every story in memory.
        self.load_stories = load_stories
        self._index = StoryIndex()
        self._headline_words = HeadlineWords()
        # What changed since the last export_changes(): saving only that keeps
        # the cost of a save independent of the size of the store.
        # (Dicts as ordered sets: the same articles save the same rows in the same order.)
        self._changed_stories: dict[str, None] = {}
        self._changed_frequencies: dict[str, None] = {}
        self._changed_postings: dict[str, None] = {}
        self._changed_headline_words: dict[str, None] = {}

    def __len__(self) -> int:
        return len(self._last_days)

    def assign(self, article: Article) -> str:
        """Return the id of the story this article joins (a new one when none is close)."""
        terms = article_terms(article)
        self._frequencies.add(terms.counts)
        vector = weigh(terms.counts, self._frequencies)
        incoming = Incoming.of(
            vector, terms.names, terms.headline, day_number(article.published), terms.places, article_meaning(article)
        )
        story = self._best_story(incoming)
        if story is None:
            story = Story(id=self._new_id(article.id))
            self._stories[story.id] = story
        story.add(incoming)
        self._last_days[story.id] = story.last_day
        self._changed_stories[story.id] = None
        self._changed_frequencies.update(dict.fromkeys(term for term in terms.counts if " " not in term))
        self._changed_postings.update(dict.fromkeys(self._index.add(story.id, vector)))
        self._headline_words.add(story.id, incoming.headline)
        self._changed_headline_words.update(dict.fromkeys(sorted(incoming.headline)))
        return story.id

    def export_state(self) -> dict[str, Any]:
        """Everything the clusterer knows, as plain JSON (see :meth:`from_state`)."""
        loaded = {story.id: story for story in self._loaded(list(self._last_days))}
        stories = {story_id: self._stories.get(story_id) or loaded[story_id] for story_id in self._last_days}
        return self._state(stories, self._frequencies.counts, self._index.postings, self._headline_words.users)

    def export_changes(self) -> dict[str, Any]:
        """What changed since the last call, in the layout of :meth:`export_state`: the stories, terms and
        headline words that changed, each whole; those left out are as before.  The first call on a new
        clusterer gives everything; on a restored one, only what was assigned since.
        """
        changes = self._state(
            {story_id: self._stories[story_id] for story_id in self._changed_stories},
            {term: self._frequencies.counts[term] for term in self._changed_frequencies},
            {term: self._index.postings[term] for term in self._changed_postings},
            {word: self._headline_words.users[word] for word in self._changed_headline_words},
        )
        for changed in (
            self._changed_stories,
            self._changed_frequencies,
            self._changed_postings,
            self._changed_headline_words,
        ):
            changed.clear()
        # Every story is saved now: those used least recently can leave memory.
        if self.load_stories is not None:
            while len(self._stories) > STORIES_IN_MEMORY:
                del self._stories[next(iter(self._stories))]
        return changes

    def _state(
        self,
        stories: dict[str, Story],
        frequencies: dict[str, int],
        postings: dict[str, dict[str, None]],
        headline_words: dict[str, dict[str, None]],
    ) -> dict[str, Any]:
        return {
            "version": STATE_VERSION,
            "documents": self._frequencies.documents,
            "document_frequencies": dict(frequencies),
            "stories": [story.to_json() for story in stories.values()],
            "story_days": {story_id: story.last_day for story_id, story in stories.items()},
            "index": {term: list(ids) for term, ids in postings.items()},
            "headline_words": {word: list(ids) for word, ids in headline_words.items()},
        }

    @classmethod
    def from_state(cls, state: dict[str, Any], load_stories: StoryLoader | None = None) -> StoryClusterer:
        """The clusterer :meth:`export_state` describes.  With ``load_stories``, ``state`` may leave out
        the stories (``"stories"`` empty, their days in ``"story_days"``): they are loaded when needed."""
        if state.get("version") != STATE_VERSION:
            raise ValueError(f"story clusterer state version {state.get('version')!r} is not {STATE_VERSION}")
        clusterer = cls(load_stories)
        clusterer._frequencies = DocumentFrequencies(state["document_frequencies"], state["documents"])
        clusterer._last_days = {str(story_id): day for story_id, day in state["story_days"].items()}
        for item in state["stories"]:
            story = Story.from_json(item)
            clusterer._stories[story.id] = story
            clusterer._last_days[story.id] = story.last_day
        if load_stories is None and len(clusterer._stories) != len(clusterer._last_days):
            raise ValueError("the state leaves stories out and there is nowhere to load them from")
        clusterer._index = StoryIndex.from_json(state["index"])
        clusterer._headline_words = HeadlineWords.from_json(state["headline_words"])
        return clusterer

    def _new_id(self, article_id: str) -> str:
        story_id = story_id_for(article_id)
        suffix = 1
        while story_id in self._last_days:  # the same article id fed twice: keep ids unique
            story_id = story_id_for(f"{article_id}#{suffix}")
            suffix += 1
        return story_id

    def _last_day(self, story_id: str) -> int | None:
        return self._last_days.get(story_id)

    def _in_memory(self, story_ids: list[str]) -> list[Story]:
        """These stories, loading those out of memory (in one call), each now the most recently used."""
        for story in self._loaded(story_ids):
            self._stories[story.id] = story
        found = []
        for story_id in story_ids:
            story = self._stories.pop(story_id)
            self._stories[story_id] = story
            found.append(story)
        return found

    def _loaded(self, story_ids: list[str]) -> list[Story]:
        """Those of these stories that are out of memory, as saved."""
        missing = [story_id for story_id in story_ids if story_id not in self._stories]
        if not missing:
            return []
        if self.load_stories is None:
            raise KeyError(f"stories {missing[:3]} are neither in memory nor anywhere to load them from")
        loaded = [Story.from_json(item) for item in self.load_stories(missing)]
        if len(loaded) != len(missing):
            raise KeyError(f"{len(missing) - len(loaded)} of the stories asked for could not be loaded")
        return loaded

    def _best_story(self, article: Incoming) -> Story | None:
        best: Story | None = None
        best_score = JOIN_THRESHOLD
        for story in self._in_memory(self._index.candidates(article.vector, CANDIDATES_WEIGHED)):
            owned = self._headline_words.owned_by(story.id, article.headline, article.day, self._last_day)
            score = story.evidence(article, owned)
            if score is not None and score >= best_score:
                best, best_score = story, score
        return best
