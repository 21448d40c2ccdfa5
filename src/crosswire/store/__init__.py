"""Persistence behind one interface: SQLite by default, PostgreSQL for a shared server."""

from __future__ import annotations

from pathlib import Path

from crosswire.errors import StoreError
from crosswire.store.base import ArticleSummary, SearchHit, Store, StoredArticle

__all__ = ["ArticleSummary", "SearchHit", "Store", "StoredArticle", "open_store"]


def open_store(location: str | Path) -> Store:
    """Open (creating and migrating if needed) the store at a path or URL."""
    text = str(location)
    if text.startswith(("postgresql://", "postgres://")):
        raise StoreError("PostgreSQL stores are not supported by this version yet; use a SQLite path for --db")
    from crosswire.store.sqlite import SQLiteStore

    return SQLiteStore(text)
