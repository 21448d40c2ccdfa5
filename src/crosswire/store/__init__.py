"""Persistence behind one interface: SQLite by default, PostgreSQL for a shared server."""

from __future__ import annotations

from pathlib import Path

from crosswire.model import StorySummary
from crosswire.store.base import (
    ArticleSummary,
    SearchHit,
    Store,
    StoredArticle,
    StoryListing,
    StoryQuery,
)

__all__ = [
    "ArticleSummary",
    "SearchHit",
    "Store",
    "StoredArticle",
    "StoryListing",
    "StoryQuery",
    "StorySummary",
    "open_store",
]


def open_store(location: str | Path) -> Store:
    """Open (creating and migrating if needed) the store at a path or URL."""
    text = str(location)
    if text.startswith(("postgresql://", "postgres://")):
        from crosswire.store.postgres import PostgresStore

        return PostgresStore(text)
    from crosswire.store.sqlite import SQLiteStore

    return SQLiteStore(text)
