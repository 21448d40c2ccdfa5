"""How request handlers reach the store.

Reads get a fresh store connection per request: SQLite in WAL mode lets
them run while an ingest writes, and nothing is shared between threads.
Writes go through one long-lived engine behind a lock, so the annotation
pipeline (spaCy) loads once and ingests never interleave.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import TypeVar

from fastapi import Request

from crosswire.engine import Engine, IngestReport
from crosswire.sources import SourceItem
from crosswire.store import open_store

T = TypeVar("T")


class StoreAccess:
    def __init__(self, db: str) -> None:
        self.db = db
        self._write_lock = threading.Lock()
        self._writer: Engine | None = None
        # Open once up front so a bad --db fails at start-up, not on the first request;
        # a store written before story listings were kept gets them now, once.
        engine = self.open_engine()
        try:
            if engine.store.stories_without_summary():
                engine.refresh_story_summaries()
        finally:
            engine.store.close()

    def open_engine(self) -> Engine:
        return Engine(open_store(self.db))

    def ingest(self, items: list[SourceItem]) -> IngestReport:
        return self.write(lambda engine: engine.ingest_items(items))

    def write(self, action: Callable[[Engine], T]) -> T:
        """Run ``action`` with the one writing engine, never beside another write of this server."""
        with self._write_lock:
            if self._writer is None:
                self._writer = self.open_engine()
            return action(self._writer)

    def close(self) -> None:
        with self._write_lock:
            if self._writer is not None:
                self._writer.store.close()
                self._writer = None


def store_access(request: Request) -> StoreAccess:
    access = request.app.state.store_access
    assert isinstance(access, StoreAccess)
    return access


def reading_engine(request: Request) -> Iterator[Engine]:
    """FastAPI dependency: an engine over its own connection, closed after the request."""
    engine = store_access(request).open_engine()
    try:
        yield engine
    finally:
        engine.store.close()
