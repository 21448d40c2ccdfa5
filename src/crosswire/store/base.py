"""The one repository interface every store implements.

The engine speaks only to this interface; SQLite is the default
implementation, PostgreSQL the shared-server one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from crosswire.model import Article


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article with what the corpus-level stages decided about it."""

    article: Article
    content_hash: str
    story_id: str
    duplicate_of: str | None
    similarity: float | None
    signature: bytes | None


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

    def count_articles(self) -> int: ...

    def story_ids(self) -> set[str]:
        """Every story id some stored article has."""
        ...

    def signatures(self) -> Iterator[tuple[str, bytes]]: ...

    def load_state(self, key: str) -> dict[str, Any] | None: ...

    def save_state(self, key: str, value: dict[str, Any]) -> None: ...

    def search(self, query: str, limit: int = 20) -> list[SearchHit]: ...
