"""The one repository interface every store implements.

The engine speaks only to this interface; SQLite is the default
implementation, PostgreSQL the shared-server one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from crosswire.corrections import Correction, Placement
from crosswire.model import Article, StorySummary


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article with what the corpus-level stages decided about it."""

    article: Article
    content_hash: str
    story_id: str
    duplicate_of: str | None
    similarity: float | None
    signature: bytes | None
    #: The story the clusterer placed the article in, when an editor's correction put it in ``story_id``
    #: instead (see ``crosswire.corrections``); None when the two are the same.
    cluster_story_id: str | None = None

    @property
    def clustered_story_id(self) -> str:
        return self.cluster_story_id or self.story_id


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """The few columns story listings need, without text or annotations."""

    id: str
    title: str | None
    published: str | None
    publisher: str | None
    via: str | None
    url: str | None
    story_id: str
    duplicate_of: str | None


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: str
    title: str | None
    story_id: str
    snippet: str
    published: str | None = None
    publisher: str | None = None
    #: The title of the article's story, when the store has its summary.
    story_title: str | None = None


StorySort = Literal["largest", "newest", "contested"]
STORY_SORTS: tuple[StorySort, ...] = ("largest", "newest", "contested")
#: The kinds of names a story listing can be filtered by (``StorySummary`` fields).
TERM_KINDS = ("outlet", "entity", "place")


@dataclass(frozen=True, slots=True)
class StoryQuery:
    """One page of the story listing: filters, order and paging.

    ``since``/``until`` are ISO days (``YYYY-MM-DD``); a story is kept when
    its publication dates overlap that range.  ``outlet``, ``entity`` and
    ``place`` match a name of the story case-insensitively, whole.
    ``per_page`` None means every matching story on one page.
    """

    sort: StorySort = "largest"
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    entity: str | None = None
    place: str | None = None
    contested_only: bool = False
    page: int = 1
    per_page: int | None = 25


@dataclass(frozen=True, slots=True)
class StoryListing:
    stories: list[StorySummary]
    #: Stories matching the filters, on every page.
    total: int


def term_key(name: str) -> str:
    """How a filter name is compared: case and spacing do not matter."""
    return " ".join(name.split()).casefold()


class Store(Protocol):
    def close(self) -> None: ...

    def has_article(self, article_id: str) -> bool: ...

    def article_with_content(self, content_hash: str) -> str | None:
        """The id of a stored article with exactly this content, if any."""
        ...

    def writing(self) -> AbstractContextManager[None]:
        """A transaction holding the store's write lock, shared by every process.

        Writers queue on it, so what is read inside cannot change until it
        ends; every write made inside commits together at the end, or none
        on an exception.  Nested ``writing()`` blocks join the outer one.
        """
        ...

    def save_article(self, stored: StoredArticle) -> None:
        """Store one article and its decisions atomically (one transaction,
        or the enclosing ``writing()`` one)."""
        ...

    def get_article(self, article_id: str) -> StoredArticle | None: ...

    def get_articles(self, article_ids: Iterable[str]) -> list[StoredArticle]: ...

    def iter_articles(self) -> Iterator[StoredArticle]:
        """Every article, in the order it was stored."""
        ...

    def summaries(self) -> list[ArticleSummary]: ...

    def story_article_ids(self, story_id: str) -> list[str]: ...

    def story_heads(self, story_id: str) -> list[ArticleSummary]:
        """The articles of one story without their text and annotations, in the order stored."""
        ...

    def count_articles(self) -> int: ...

    def story_ids(self) -> set[str]:
        """Every story id the clusterer gave a stored article (before editors' corrections)."""
        ...

    def save_correction(self, correction: Correction) -> Correction:
        """Store an editor's correction; returns it with its ``seq``."""
        ...

    def corrections(self) -> list[Correction]:
        """Every correction, in the order they were made."""
        ...

    def placements(self) -> list[Placement]:
        """(id, story, clusterer's story or None, duplicate_of) of every article, in the order stored."""
        ...

    def place_articles(self, changes: Iterable[tuple[str, str, str | None]]) -> None:
        """Set (article, story, clusterer's story or None) of these articles."""
        ...

    def delete_story_summaries(self, story_ids: Iterable[str]) -> None:
        """Remove the listing rows of stories that no longer hold any article."""
        ...

    def signatures(self) -> Iterator[tuple[str, bytes]]: ...

    def load_state(self, key: str) -> dict[str, Any] | None: ...

    def save_state(self, key: str, value: dict[str, Any]) -> None: ...

    def save_copy_keys(self, article_id: str, keys: Sequence[int]) -> None:
        """File an article under the band keys of its signature (``crosswire.stories.dedupe``)."""
        ...

    def copy_candidates(self, keys: Sequence[int]) -> list[tuple[str, bytes, str | None]]:
        """(id, signature, duplicate_of) of the articles filed under any of these keys, in the order stored."""
        ...

    def delete_copy_keys(self) -> None:
        """Forget every article's band keys (before filing them again)."""
        ...

    def save_state_items(self, key: str, kind: str, items: Mapping[str, Any]) -> None:
        """Store (or replace) items of one kind of a state kept in parts (values as JSON)."""
        ...

    def load_state_items(self, key: str, kind: str, names: Iterable[str] | None = None) -> dict[str, Any]:
        """The stored items of one kind of a state kept in parts (only those named, given ``names``), by name."""
        ...

    def delete_state_items(self, key: str) -> None:
        """Remove every item of a state kept in parts."""
        ...

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Articles holding every word of ``query``, best first; the snippet brackets the matched words."""
        ...

    def count_matches(self, query: str) -> int:
        """How many articles :meth:`search` finds for ``query`` in all (no limit)."""
        ...

    def save_story_summaries(self, summaries: Iterable[StorySummary]) -> None:
        """Store (or replace) the listing rows of these stories, in one transaction."""
        ...

    def save_story_brief(self, story_id: str, articles: Sequence[str], brief: str) -> None:
        """Store (or replace) a story's brief (JSON) with the ids of the articles it was written from."""
        ...

    def stored_brief(self, story_id: str) -> tuple[list[str], str] | None:
        """The ids of the articles a story's stored brief was written from, and the brief (JSON)."""
        ...

    def stories_without_summary(self) -> set[str]:
        """Stories whose listing row is missing or was computed for other articles than they hold."""
        ...

    def story_summaries(self, story_ids: Iterable[str] | None = None) -> dict[str, StorySummary]:
        """The stored listing rows of these stories (every story when None), by id."""
        ...

    def list_stories(self, query: StoryQuery) -> StoryListing:
        """One page of stories, filtered and ordered in the database."""
        ...

    def story_terms(self, kind: str, limit: int = 200) -> list[str]:
        """The names of one kind (``TERM_KINDS``) most stories have, most common first."""
        ...
