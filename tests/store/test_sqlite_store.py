"""What only the SQLite store has: WAL, user_version migrations, file errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crosswire.errors import StoreError
from crosswire.store import open_store
from crosswire.store.sqlite import MIGRATIONS, SQLiteStore


def test_store_is_in_wal_mode_and_migrated(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "x.db")
    assert store.schema_version == len(MIGRATIONS)
    mode = sqlite3.connect(tmp_path / "x.db").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_a_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    SQLiteStore(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer"):
        SQLiteStore(path)


def test_a_file_that_is_not_a_database_gets_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("just some notes, not sqlite " * 100)
    with pytest.raises(StoreError, match="cannot open"):
        open_store(path)
