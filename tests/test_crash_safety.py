"""An ingest killed part-way loses and duplicates nothing (issue 13).

Real ``crosswire ingest`` processes over the bundled sample corpus (fictional
news written for this project), in chunks of :data:`CHUNK` articles
(``CROSSWIRE_TEST_CHUNK_SIZE``) so that it spans several, are SIGKILLed and
the same ingest is then run again.  The kills land at named points, where the
engine's test hook (``CROSSWIRE_TEST_PAUSE_AT``) has stopped the process, and
at random moments.

A clean run stopped after each chunk's commit gives the reference: after
every kill the store holds exactly the chunks committed before it (the
articles, their stories, the saved clusterer state), ``PRAGMA
integrity_check`` is ok and each article is in the full-text index once; the
resumed ingest never has to replay the state; and at the end the store equals
the clean one-shot run.  An older version's kill left the state behind the
store: the next ingest replays it once and saves it, later ones trust it.

The wide sweep (a kill at every point of every chunk) is
``bench/bench_hostile.py``.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from crosswire.engine import CHUNK_SIZE_ENV, PAUSE_ENV, Engine, IngestReport
from crosswire.store import open_store
from support import article_page

CROSSWIRE = str(Path(sys.executable).parent / "crosswire")
CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
STATE_KEY = "story_clusterer"
#: Articles per chunk: the sample corpus then spans six chunks.
CHUNK = 8
#: The resumed ingest found a saved state that did not describe the store.
REPLAYED = "does not match the store"

Rows = tuple[tuple[str, str, str | None], ...]


# -- running and stopping ingests ------------------------------------------------
def ingest_env(pause: str | None = None, chunk: int = CHUNK) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in (PAUSE_ENV, CHUNK_SIZE_ENV)}
    env[CHUNK_SIZE_ENV] = str(chunk)
    env.setdefault("CROSSWIRE_PROCESSES", "1")
    if pause is not None:
        env[PAUSE_ENV] = pause
    return env


def start_ingest(db: Path, paths: Sequence[Path], log: Path, pause: str | None = None,
                 chunk: int = CHUNK) -> subprocess.Popen[bytes]:  # fmt: skip
    """``crosswire ingest --json`` in a process of its own; its stderr goes to ``log``."""
    with log.open("ab") as stderr:
        return subprocess.Popen([CROSSWIRE, "--db", str(db), "ingest", *map(str, paths), "--json"],
                                stdout=subprocess.PIPE, stderr=stderr, env=ingest_env(pause, chunk))  # fmt: skip


def _stopped(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] in ("T", "t")


def wait_for_pause(process: subprocess.Popen[bytes], log: Path, timeout: float = 120) -> str | None:
    """The point (``committed:3``) where the hook stopped the process, or None when it ended first."""
    deadline = time.monotonic() + timeout
    while process.poll() is None:
        if _stopped(process.pid):
            pauses = [line for line in log.read_text().splitlines() if line.startswith("crosswire: test pause at ")]
            return pauses[-1].rsplit(" ", 1)[1] if pauses else "?"
        if time.monotonic() > deadline:
            process.kill()
            raise AssertionError(f"the ingest neither stopped nor ended in {timeout:.0f} s: {log.read_text()}")
        time.sleep(0.01)
    return None


def kill(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)


def finish(process: subprocess.Popen[bytes], log: Path, timeout: float = 180) -> dict[str, Any]:
    out, _ = process.communicate(timeout=timeout)
    errors = log.read_text()
    assert process.returncode == 0, errors
    assert "Traceback" not in errors, errors
    report: dict[str, Any] = json.loads(out)
    return report


# -- what a store holds ---------------------------------------------------------
@dataclass(frozen=True)
class Snapshot:
    """Articles in storage order with their story and original, the saved state, checks."""

    rows: Rows
    #: The clusterer's saved state: its header (``"header"``) and its items by kind, as stored.
    state: dict[str, Any] | None
    integrity: str
    indexed: tuple[str, ...]

    @property
    def ids(self) -> list[str]:
        return [row[0] for row in self.rows]

    @property
    def partition(self) -> frozenset[frozenset[str]]:
        stories: dict[str, set[str]] = {}
        for article_id, story_id, _ in self.rows:
            stories.setdefault(story_id, set()).add(article_id)
        return frozenset(frozenset(ids) for ids in stories.values())

    def state_problem(self) -> str | None:
        """Why the saved clusterer state does not describe these articles, or None."""
        if self.state is None:
            return None if not self.rows else "there is none"
        if self.state["header"].get("articles") != len(self.rows):
            return f"it has placed {self.state['header'].get('articles')}, the store holds {len(self.rows)}"
        if set(self.state["items"].get("story", {})) != {row[1] for row in self.rows}:
            return "its stories are not the stored ones"
        return None

    def problems(self) -> list[str]:
        """Loss-free storage: integrity, each article once (and once in the index), a matching state."""
        found = []
        if self.integrity != "ok":
            found.append(f"integrity_check: {self.integrity}")
        if len(set(self.ids)) != len(self.ids):
            found.append("an article is stored twice")
        if sorted(self.indexed) != sorted(self.ids):
            found.append("the full-text index does not hold each article once")
        problem = self.state_problem()
        if problem is not None:
            found.append(f"the saved state does not match the store: {problem}")
        return found


EMPTY = Snapshot(rows=(), state=None, integrity="ok", indexed=())


def snapshot(db: Path) -> Snapshot:
    """Read the store as another process sees it (read-only: a stopped writer may hold the write lock)."""
    if not db.exists():
        return EMPTY
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "articles" not in tables:
            return EMPTY
        rows = tuple(connection.execute("SELECT id, story_id, duplicate_of FROM articles ORDER BY seq"))
        state = read_state(connection)
        integrity = "; ".join(row[0] for row in connection.execute("PRAGMA integrity_check"))
        indexed = tuple(row[0] for row in connection.execute("SELECT article_id FROM articles_fts"))
    finally:
        connection.close()
    return Snapshot(rows, state, integrity, indexed)


def read_state(connection: sqlite3.Connection) -> dict[str, Any] | None:
    """The clusterer's saved state as stored: its header and its items by kind."""
    header = connection.execute("SELECT value FROM state WHERE key = ?", (STATE_KEY,)).fetchone()
    if header is None:
        return None
    items: dict[str, dict[str, Any]] = {}
    for kind, name, value in connection.execute(
        "SELECT kind, name, value FROM state_items WHERE key = ? ORDER BY kind, name", (STATE_KEY,)
    ):
        items.setdefault(kind, {})[name] = json.loads(value)
    return {"header": json.loads(header[0]), "items": items}


def write_state(db: Path, state: dict[str, Any] | None) -> None:
    """Put a state read by :func:`read_state` back in place of the one saved."""
    with sqlite3.connect(db) as connection:
        connection.execute("DELETE FROM state WHERE key = ?", (STATE_KEY,))
        connection.execute("DELETE FROM state_items WHERE key = ?", (STATE_KEY,))
        if state is not None:
            connection.execute(
                "INSERT INTO state (key, value, updated_at) VALUES (?, ?, '')", (STATE_KEY, json.dumps(state["header"]))
            )
            connection.executemany(
                "INSERT INTO state_items (key, kind, name, value) VALUES (?, ?, ?, ?)",
                [
                    (STATE_KEY, kind, name, json.dumps(value))
                    for kind, values in state["items"].items()
                    for name, value in values.items()
                ],
            )
    connection.close()


def copy_store(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite store (its WAL included)."""
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)
    origin.close()
    copy.close()


@dataclass
class Reference:
    """A clean run: the store after each chunk's commit (by chunk number), and at the end."""

    db: Path
    after_chunk: dict[int, Snapshot] = field(default_factory=dict)
    final: Snapshot = EMPTY
    #: Seconds from the start to the end, and to the first commit (past the start-up).
    seconds: float = 0.0
    first_commit: float = 0.0

    def kill_moment(self, rng: random.Random) -> float:
        """A random moment, in seconds from the start, while an ingest like this one is storing chunks."""
        return rng.uniform(0.8 * self.first_commit, self.seconds)

    @property
    def chunks(self) -> list[int]:
        return sorted(self.after_chunk)

    def before(self, chunk: int) -> Snapshot:
        """The store as the chunks before ``chunk`` left it."""
        earlier = [number for number in self.chunks if number < chunk]
        return self.after_chunk[earlier[-1]] if earlier else EMPTY

    def committed(self, seen: Snapshot) -> int:
        """How many chunks ``seen`` holds: it must equal the store after one of them, exactly."""
        if seen.rows == () and seen.state is None:
            return 0
        for number in self.chunks:
            expected = self.after_chunk[number]
            if seen.rows == expected.rows and seen.state == expected.state:
                return number
        raise AssertionError(f"the store after a kill is no prefix of the clean run: {len(seen.rows)} articles")


def reference_run(db: Path, paths: Sequence[Path], log: Path, chunk: int = CHUNK) -> Reference:
    """Ingest ``paths`` once, stopping after each chunk's commit to read the store."""
    reference = Reference(db)
    started = time.monotonic()
    process = start_ingest(db, paths, log, pause="committed", chunk=chunk)
    while (point := wait_for_pause(process, log)) is not None:
        reference.first_commit = reference.first_commit or time.monotonic() - started
        reference.after_chunk[int(point.split(":")[1])] = snapshot(db)
        process.send_signal(signal.SIGCONT)
    finish(process, log)
    reference.seconds = time.monotonic() - started
    reference.final = snapshot(db)
    return reference


def check_after_kill(db: Path, reference: Reference) -> int:
    """The store after a kill: sound, and exactly some chunks of the clean run (their number)."""
    seen = snapshot(db)
    assert seen.problems() == []
    return reference.committed(seen)


def check_final(db: Path, reference: Reference) -> None:
    seen = snapshot(db)
    assert seen.problems() == []
    assert seen.ids == reference.final.ids  # none lost, none twice, in the same order
    assert seen.partition == reference.final.partition
    assert seen.rows == reference.final.rows  # the same story ids and originals too
    assert seen.state == reference.final.state


# -- the tests ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Reference:
    folder = tmp_path_factory.mktemp("reference")
    found = reference_run(folder / "cw.db", [CORPUS], folder / "stderr.log")
    assert len(found.chunks) >= 5, "the corpus should span several chunks"
    assert found.final.problems() == [] and len(found.final.ids) >= 40
    return found


def test_kills_at_named_points_lose_nothing(reference: Reference, tmp_path: Path) -> None:
    last = reference.chunks[-1]
    # Before the write lock, inside the chunk's transaction (articles written,
    # then the state saved too), after the commit; last: killed after the
    # corpus's last article was written but before the state was saved.
    points = ["annotated:2", "placed:3", "saved:4", "committed:5", f"placed:{last}"]
    db = tmp_path / "cw.db"
    for attempt, point in enumerate(points):
        log = tmp_path / f"kill-{attempt}.log"
        process = start_ingest(db, [CORPUS], log, pause=point)
        assert wait_for_pause(process, log) == point
        kill(process)
        assert REPLAYED not in log.read_text()  # the previous kill left a state it could trust
        name, chunk = point.split(":")
        expected = int(chunk) if name == "committed" else reference.committed(reference.before(int(chunk)))
        assert check_after_kill(db, reference) == expected, point
    log = tmp_path / "resume.log"
    report = finish(start_ingest(db, [CORPUS], log), log)
    assert REPLAYED not in log.read_text()
    assert report["ingested"] == len(reference.final.ids) - len(reference.before(last).ids)
    check_final(db, reference)


def test_kills_at_random_moments_lose_nothing(reference: Reference, tmp_path: Path) -> None:
    seed = int(os.environ.get("CROSSWIRE_CRASH_SEED", "13"))
    rng = random.Random(seed)
    db = tmp_path / "cw.db"
    for attempt in range(2):
        log = tmp_path / f"kill-{attempt}.log"
        process = start_ingest(db, [CORPUS], log)
        try:
            process.wait(timeout=reference.kill_moment(rng))
        except subprocess.TimeoutExpired:
            kill(process)
        assert REPLAYED not in log.read_text()
        check_after_kill(db, reference)
    log = tmp_path / "resume.log"
    finish(start_ingest(db, [CORPUS], log), log)
    check_final(db, reference)


def _new_page(folder: Path, name: str, publisher: str, text: str) -> Path:
    folder.mkdir()
    (folder / name).write_text(article_page("Ferry service resumes", publisher, "2026-11-20", text))
    return folder


def test_a_state_left_behind_the_store_is_replayed_once_then_trusted(reference: Reference, tmp_path: Path) -> None:
    """What an older version left when killed after its last article but before
    the state save: the articles stored, the state of the chunk before."""
    db = tmp_path / "cw.db"
    copy_store(reference.db, db)
    write_state(db, reference.before(reference.chunks[-1]).state)
    assert snapshot(db).state_problem() is not None

    ferry = "The Gullhaven ferry to Tern Island ran again on Friday after a 9-day pause for hull repairs."
    first = _new_page(tmp_path / "first", "harbor-ferry.html", "Harbor Ledger", ferry)
    again = "Ferries between Gullhaven and Tern Island resumed Friday, 9 days after hull repairs began."
    second = _new_page(tmp_path / "second", "quay-ferry.html", "Quay Post", again)
    logs = []
    for number, folder in enumerate((first, second, CORPUS)):
        log = tmp_path / f"ingest-{number}.log"
        finish(start_ingest(db, [folder], log), log)
        logs.append(log.read_text())
        assert snapshot(db).problems() == []
    assert [REPLAYED in text for text in logs] == [True, False, False]
    seen = snapshot(db)
    assert seen.ids[: len(reference.final.ids)] == reference.final.ids
    assert seen.rows[: len(reference.final.rows)] == reference.final.rows


def test_a_replayed_state_is_saved_even_when_the_chunk_adds_nothing(reference: Reference, tmp_path: Path) -> None:
    """A chunk whose articles another process stored meanwhile: the state it
    had to replay is still saved, so the next ingest does not replay again."""
    db = tmp_path / "cw.db"
    copy_store(reference.db, db)
    write_state(db, reference.before(reference.chunks[-1]).state)
    assert snapshot(db).state_problem() is not None
    store = open_store(db)
    try:
        already = store.get_article(reference.final.ids[-1])
        assert already is not None
        report = IngestReport()
        Engine(store)._store_chunk([(already.article, already.content_hash)], report)
        assert (report.ingested, report.duplicates) == (0, 1)
        assert snapshot(db).state_problem() is None
    finally:
        store.close()
