"""A write that cannot get the store's lock in time is a 503 with Retry-After, and nothing is written."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from conftest import running

from crosswire.interfaces.api import RETRY_AFTER_SECONDS, TOKEN_ENV, create_app
from crosswire.store import open_store, sqlite

RECORD = {"id": "lock-test", "source": "Quay Post", "title": "Ferry timetable changes",
          "published": "2026-02-03", "text": "The ferry will leave at seven from Monday, the harbour office said. "
          "Passengers were told to expect longer queues at the north pier while repairs go on."}  # fmt: skip


@contextmanager
def served_while_another_process_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[httpx.Client, sqlite3.Connection]]:
    """A server over a store whose write lock another process holds (in the middle of its write); the
    client, and that process's connection (``ROLLBACK`` on it lets the server write)."""
    db = tmp_path / "busy.db"
    open_store(str(db)).close()
    monkeypatch.setenv(TOKEN_ENV, "lock-secret")
    monkeypatch.setattr(sqlite, "WRITE_LOCK_TIMEOUT", 0.5)
    holder = sqlite3.connect(db, isolation_level=None, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with running(create_app(str(db))) as base_url, httpx.Client(base_url=base_url, timeout=60) as http:
            yield http, holder
    finally:
        holder.close()


def test_a_write_blocked_by_another_process_is_a_503_and_stores_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with served_while_another_process_writes(tmp_path, monkeypatch) as (http, holder):
        response = http.post("/api/ingest", json={"records": [RECORD]}, headers={"Authorization": "Bearer lock-secret"})
        assert response.status_code == 503
        assert response.headers["retry-after"] == str(RETRY_AFTER_SECONDS)
        assert "busy" in response.json()["error"]
        holder.execute("ROLLBACK")
        retried = http.post("/api/ingest", json={"records": [RECORD]}, headers={"Authorization": "Bearer lock-secret"})
        assert retried.status_code == 200, retried.text
        assert http.get("/api/articles/lock-test").status_code == 200


def test_an_upload_from_the_ingest_page_blocked_by_another_process_is_a_page_saying_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with served_while_another_process_writes(tmp_path, monkeypatch) as (http, _):
        upload = {"files": ("ferry.jsonl", json.dumps(RECORD) + "\n", "application/json")}
        page = http.post("/ingest", data={"token": "lock-secret"}, files=upload)
        assert page.status_code == 503 and page.headers["retry-after"] == str(RETRY_AFTER_SECONDS)
        assert page.headers["content-type"].startswith("text/html")
        assert "The store is busy" in page.text and "nothing was written" in page.text
        assert http.get("/api/articles/lock-test").status_code == 404
