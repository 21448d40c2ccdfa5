"""What only the PostgreSQL store has: its migration table, URL errors."""

from __future__ import annotations

import psycopg
import pytest

from crosswire.errors import StoreError
from crosswire.store import open_store
from crosswire.store.postgres import MIGRATIONS, PostgresStore


def test_migrations_run_once(postgres_url: str) -> None:
    PostgresStore(postgres_url).close()
    store = PostgresStore(postgres_url)
    assert store.schema_version == len(MIGRATIONS)
    with psycopg.connect(postgres_url) as db:
        assert db.execute("SELECT count(*) FROM crosswire_schema").fetchone() == (len(MIGRATIONS),)


def test_a_newer_schema_is_refused(postgres_url: str) -> None:
    PostgresStore(postgres_url).close()
    with psycopg.connect(postgres_url, autocommit=True) as db:
        db.execute("INSERT INTO crosswire_schema VALUES (%s)", (len(MIGRATIONS) + 1,))
    with pytest.raises(StoreError, match="newer"):
        PostgresStore(postgres_url)


def test_an_unreachable_server_is_a_clear_error_without_the_password() -> None:
    with pytest.raises(StoreError, match="cannot open") as caught:
        open_store("postgresql://user:hunter2@127.0.0.1:1/none?connect_timeout=2")
    assert "hunter2" not in str(caught.value)
