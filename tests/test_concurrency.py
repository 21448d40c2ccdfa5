"""Several processes writing one store at once (issue 13, items 1 and 3).

Clustering is incremental and order-dependent, so two ingests running
together cannot give "the" one-at-a-time result: the property that holds is
that they give what SOME one-at-a-time order gives.  Each input set here
fits one chunk (``CHUNK_SIZE``), so that order is A then B or B then A.  On
top: both commands succeed with their JSON, every distinct input is stored
once, and the saved clusterer state names exactly the stored stories.

The inputs are the bundled sample corpus (fictional news written for this
project), split into two overlapping sets.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crosswire.engine import CHUNK_SIZE, Engine
from crosswire.store import Store, open_store
from store.conftest import postgres_server  # noqa: F401  (a fixture: the real PostgreSQL server)
from support import article_page

CROSSWIRE = str(Path(sys.executable).parent / "crosswire")
CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
STATE_KEY = "story_clusterer"

Partition = frozenset[frozenset[str]]


def _input_sets(root: Path) -> tuple[Path, Path]:
    """Two overlapping sets: A has the first pages, the captures and the
    JSONL records; B the last pages, the feeds, the WARC and the records."""
    pages = sorted((CORPUS / "html").iterdir())
    first, second = root / "a", root / "b"
    for folder, chosen in ((first, pages[:12]), (second, pages[6:])):
        folder.mkdir(parents=True)
        for page in chosen:
            shutil.copy(page, folder / page.name)
        shutil.copy(CORPUS / "records.jsonl", folder / "records.jsonl")
    for capture in (CORPUS / "captures").iterdir():
        shutil.copy(capture, first / capture.name)
    for feed in (CORPUS / "feeds").iterdir():
        shutil.copy(feed, second / feed.name)
    shutil.copy(CORPUS / "archive.warc.gz", second / "archive.warc.gz")
    return first, second


def _partition(store: Store) -> Partition:
    stories: dict[str, set[str]] = {}
    for summary in store.summaries():
        stories.setdefault(summary.story_id, set()).add(summary.id)
    return frozenset(frozenset(ids) for ids in stories.values())


def _ids(store: Store) -> list[str]:
    return [summary.id for summary in store.summaries()]


def _assert_state_matches(store: Store) -> None:
    saved = store.load_state(STATE_KEY)
    assert saved is not None
    assert saved["articles"] == store.count_articles()
    assert set(store.load_state_items(STATE_KEY, "story")) == {s.story_id for s in store.summaries()}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return _input_sets(tmp_path_factory.mktemp("inputs"))


@pytest.fixture(scope="module")
def sequential(inputs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The partitions of the two one-at-a-time orders, and the article ids."""
    first, second = inputs
    partitions: list[Partition] = []
    ids: set[str] = set()
    for order in ((first, second), (second, first)):
        store = open_store(tmp_path_factory.mktemp("sequential") / "cw.db")
        engine = Engine(store)
        for folder in order:
            assert engine.ingest([str(folder)]).errors == []
        partitions.append(_partition(store))
        ids = set(_ids(store))
        store.close()
    return {"partitions": partitions, "ids": ids}


def _ingest_together(db: str, folders: tuple[Path, ...]) -> list[dict[str, Any]]:
    running = [
        subprocess.Popen([CROSSWIRE, "--db", db, "ingest", str(folder), "--json"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for folder in folders
    ]  # fmt: skip
    reports = []
    for process in running:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        assert "Traceback" not in err, err
        reports.append(json.loads(out))
    return reports


def _check_concurrent_result(db: str, sequential: dict[str, Any], reports: list[dict[str, Any]]) -> None:
    store = open_store(db)
    try:
        ids = _ids(store)
        assert len(ids) == len(set(ids)) == len(sequential["ids"])
        assert set(ids) == sequential["ids"]
        assert sum(report["ingested"] for report in reports) == len(ids)
        assert all(report["errors"] == [] for report in reports)
        assert _partition(store) in sequential["partitions"]
        _assert_state_matches(store)
    finally:
        store.close()


def test_the_input_sets_fit_one_chunk_each(inputs: tuple[Path, Path]) -> None:
    # Otherwise the one-at-a-time order the property speaks of interleaves chunks.
    assert all(len(list(folder.iterdir())) < CHUNK_SIZE // 2 for folder in inputs)


@pytest.mark.parametrize("run", range(2))
def test_two_ingests_at_once_on_sqlite_equal_one_after_the_other(
    run: int, inputs: tuple[Path, Path], sequential: dict[str, Any], tmp_path: Path
) -> None:
    db = str(tmp_path / "cw.db")
    reports = _ingest_together(db, inputs if run % 2 == 0 else inputs[::-1])
    _check_concurrent_result(db, sequential, reports)


def test_two_ingests_at_once_on_postgres_equal_one_after_the_other(
    inputs: tuple[Path, Path], sequential: dict[str, Any], postgres_db: Iterator[str]
) -> None:
    db = next(postgres_db)
    reports = _ingest_together(db, inputs)
    _check_concurrent_result(db, sequential, reports)


# -- opening a new store --------------------------------------------------------
_OPEN = """
import sys, time
from crosswire.store import open_store
start = float(sys.argv[2])
time.sleep(max(0.0, start - time.time()))
store = open_store(sys.argv[1])
print(store.count_articles())
store.close()
"""


def _open_together(location: str, processes: int = 3) -> None:
    start = time.time() + 1.5  # past every child's imports: they all open at once
    running = [
        subprocess.Popen([sys.executable, "-c", _OPEN, location, str(start)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(processes)
    ]  # fmt: skip
    for process in running:
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err
        assert out.strip() == "0"


@pytest.mark.parametrize("attempt", range(5))
def test_processes_opening_a_new_sqlite_store_at_once_all_succeed(attempt: int, tmp_path: Path) -> None:
    _open_together(str(tmp_path / f"new-{attempt}.db"))
    assert open_store(tmp_path / f"new-{attempt}.db").count_articles() == 0


def test_processes_opening_a_new_postgres_store_at_once_all_succeed(postgres_db: Iterator[str]) -> None:
    for _ in range(5):
        location = next(postgres_db)
        _open_together(location)
        assert open_store(location).count_articles() == 0


@pytest.fixture
def postgres_db(postgres_server: str) -> Iterator[Iterator[str]]:  # noqa: F811
    """Fresh empty databases on the session's PostgreSQL server, as many as asked for."""
    import psycopg

    def fresh() -> Iterator[str]:
        while True:
            name = f"cw_{uuid.uuid4().hex[:12]}"
            with psycopg.connect(postgres_server, autocommit=True) as admin:
                admin.execute(f"CREATE DATABASE {name}".encode())
            yield postgres_server.rsplit("/", 1)[0] + f"/{name}"

    yield fresh()


# -- the saved clusterer state ----------------------------------------------------
TUNNEL = "Rescue crews in Portvale pulled 27 people from the flooded Marrow Street tunnel on Tuesday."
BRIDGE = "Engineers closed the Kestrel Bridge in Aldmoor on Monday after finding 3 cracked cables."


Page = tuple[str, str, str, str]  # headline, outlet, date, body


def _tunnel_store(tmp_path: Path, first_pages: dict[str, Page], later_pages: dict[str, Page]) -> tuple[Path, Path, str]:
    """A store of ``first_pages`` (name → page; the tunnel report among them), the folder of ``later_pages``
    beside a second report of the tunnel, and the tunnel story's id."""
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    for name, page in first_pages.items():
        (first / name).write_text(article_page(*page))
    (later / "post-tunnel.html").write_text(
        article_page("More on the tunnel", "Post Meridian", "2026-11-11", TUNNEL.replace("Portvale", "Portvale's"))
    )
    for name, page in later_pages.items():
        (later / name).write_text(article_page(*page))
    db = tmp_path / "cw.db"
    store = open_store(db)
    Engine(store).ingest([str(first)])
    tunnel_story = store.get_article("ledger-tunnel.html")
    assert tunnel_story is not None
    store.close()
    return db, later, tunnel_story.story_id


def _ingest_after_a_bad_state(db: Path, later: Path, tunnel_story: str, caplog: pytest.LogCaptureFixture) -> Store:
    """Ingest ``later`` into the store; the state must be replayed, and the second report join the tunnel story."""
    store = open_store(db)
    with caplog.at_level(logging.WARNING, logger="crosswire.engine"):
        Engine(store).ingest([str(later)])
    assert "does not match the store" in caplog.text
    _assert_state_matches(store)
    joined = store.get_article("post-tunnel.html")
    assert joined is not None and joined.story_id == tunnel_story
    return store


def test_a_state_that_misses_stored_stories_is_not_trusted(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    first = {
        "ledger-tunnel.html": ("27 rescued from tunnel", "Harbor Ledger", "2026-11-10", TUNNEL),
        "ledger-bridge.html": ("Bridge shut", "Harbor Ledger", "2026-11-16", BRIDGE),
    }
    db, later, tunnel_story = _tunnel_store(tmp_path, first, {})
    # As a racing ingest left it before: the right article count, a story missing.
    with sqlite3.connect(db) as connection:
        connection.execute("DELETE FROM state_items WHERE name = ?", (tunnel_story,))
    connection.close()
    _ingest_after_a_bad_state(db, later, tunnel_story, caplog).close()


def test_a_state_saved_whole_by_an_older_crosswire_is_replayed_into_parts(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Stores written before the state was kept in parts hold it as one JSON value, and no
    duplicate index: the state is replayed once and saved in parts, the old value is gone,
    and the stored articles are filed in the duplicate index, so a later copy is caught."""
    original = ("27 rescued from tunnel", "Harbor Ledger", "2026-11-10", TUNNEL + " " + BRIDGE)
    wire = ("27 rescued from tunnel", "Quay Post", "2026-11-11", "From the wire: " + TUNNEL + " " + BRIDGE)
    db, later, tunnel_story = _tunnel_store(tmp_path, {"ledger-tunnel.html": original}, {"wire-tunnel.html": wire})
    with sqlite3.connect(db) as connection:
        old = {"articles": 1, "state": {"version": 5, "stories": [{"id": tunnel_story}]}}
        connection.execute("UPDATE state SET value = ? WHERE key = ?", (json.dumps(old), STATE_KEY))
        connection.execute("DELETE FROM state_items")
        connection.execute("DELETE FROM copy_keys")
    connection.close()
    store = _ingest_after_a_bad_state(db, later, tunnel_story, caplog)
    assert "another version of crosswire" in caplog.text
    header = store.load_state(STATE_KEY)
    assert header is not None and "state" not in header
    copy = store.get_article("wire-tunnel.html")
    assert copy is not None and copy.duplicate_of == "ledger-tunnel.html"
    store.close()


def test_an_ingest_into_a_store_another_process_wrote_reloads_the_state(tmp_path: Path) -> None:
    """An engine kept open (the API server's) beside a CLI ingest: it places
    against the store as it is now, not as it was when it last wrote."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "ledger-bridge.html").write_text(
        article_page("Bridge shut", "Harbor Ledger", "2026-11-16", BRIDGE)
    )
    (tmp_path / "b" / "ledger-tunnel.html").write_text(
        article_page("27 rescued from tunnel", "Harbor Ledger", "2026-11-10", TUNNEL)
    )
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "quay-tunnel.html").write_text(
        article_page("Tunnel rescue", "Quay Post", "2026-11-10T19:00:00", TUNNEL.replace("Rescue crews", "Crews"))
    )
    db = str(tmp_path / "cw.db")
    server = Engine(open_store(db))
    server.ingest([str(tmp_path / "a")])
    result = subprocess.run([CROSSWIRE, "--db", db, "ingest", str(tmp_path / "b"), "--json"],
                            capture_output=True, text=True, timeout=120, check=False, env={**os.environ})  # fmt: skip
    assert result.returncode == 0, result.stderr
    server.ingest([str(tmp_path / "c")])
    _assert_state_matches(server.store)
    stories = {s.article.id: s.story_id for s in server.store.iter_articles()}
    assert stories["quay-tunnel.html"] == stories["ledger-tunnel.html"] != stories["ledger-bridge.html"]


# -- the API's write path beside a CLI ingest ------------------------------------
def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, str, subprocess.Popen[str]]]:
    """``crosswire serve`` on a new store: (its URL, the store, the process)."""
    import httpx

    db, port = str(tmp_path / "served.db"), _free_port()
    env = {**os.environ, "CROSSWIRE_TOKEN": "race-token"}
    process = subprocess.Popen([CROSSWIRE, "--db", db, "serve", "--port", str(port)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(f"{url}/api/stories", timeout=2)
            break
        except httpx.TransportError:
            assert process.poll() is None and time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
    yield url, db, process
    if process.poll() is None:
        process.kill()
        process.wait()


def test_api_ingests_racing_a_cli_ingest_all_answer_and_the_server_still_stops(
    server: tuple[str, str, subprocess.Popen[str]], inputs: tuple[Path, Path], sequential: dict[str, Any]
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    import httpx

    url, db, process = server
    records = [json.loads(line) for line in (CORPUS / "records.jsonl").read_text().splitlines() if line.strip()]
    posts = [records[:3], records[3:6], records[6:], records]  # overlapping: the last one repeats them all

    def post(batch: list[dict[str, Any]]) -> httpx.Response:
        return httpx.post(f"{url}/api/ingest", json={"records": batch}, timeout=120,
                          headers={"Authorization": "Bearer race-token"})  # fmt: skip

    with ThreadPoolExecutor(len(posts)) as pool:
        cli = subprocess.Popen([CROSSWIRE, "--db", db, "ingest", *map(str, inputs), "--json"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
        answers = list(pool.map(post, posts))
        out, err = cli.communicate(timeout=120)
    assert cli.returncode == 0 and "Traceback" not in err, err
    assert json.loads(out)["errors"] == []
    assert [answer.status_code for answer in answers] == [200] * len(posts)
    for batch, answer in zip(posts, answers, strict=True):
        assert answer.json()["ingested"] + answer.json()["duplicates"] == len(batch)
    # A later write still goes through, and the server still stops when asked.
    assert post(records[:1]).json() == {"ingested": 0, "duplicates": 1, "errors": [], "skipped": []}
    process.terminate()
    assert process.wait(timeout=20) is not None

    store = open_store(db)
    try:
        ids = _ids(store)
        assert len(ids) == len(set(ids)) and set(ids) == sequential["ids"]
        _assert_state_matches(store)
    finally:
        store.close()
