"""Worker processes that annotate end with the process that started them.

A child Python process annotates a batch big enough to be spread over two
workers; it is SIGKILLed mid-batch (no chance to clean up), and within a few
seconds none of its worker processes may be left.  Workers are found through
``/proc``: the processes whose parent was the child, recorded before the kill.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from crosswire.annotate.entities import EntityStage
from crosswire.model import Article
from crosswire.pipeline import Pipeline

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")

CHILD = textwrap.dedent(
    """
    import sys
    from crosswire.annotate.entities import EntityStage
    from crosswire.model import Article
    from crosswire.pipeline import Pipeline

    text = ("Fisheries Minister Lena Kovac met harbour officials in Portvale on Tuesday, "
            "the Quay Post reported, after 27 people were rescued from the Marrow Street tunnel. ") * 12
    articles = (Article(id=str(i), kind="record", origin=str(i), text=text) for i in range(100_000))
    for n, _ in enumerate(Pipeline([EntityStage()], processes=2).pipe(articles), 1):
        if n == 1:
            print("first", flush=True)
    """
)


def _stat(pid: int) -> tuple[int, str, str] | None:
    """(parent pid, state, start time) of a live process, or None."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (comm) "
    return int(fields[1]), fields[0], fields[19]


def _children(parent: int) -> dict[int, str]:
    """The child processes of ``parent``: pid -> start time."""
    found: dict[int, str] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (stat := _stat(int(entry))) is not None and stat[0] == parent:
            found[int(entry)] = stat[2]
    return found


def _alive(pid: int, started: str) -> bool:
    stat = _stat(pid)
    return stat is not None and stat[2] == started and stat[1] not in ("Z", "X")  # a zombie has ended


def test_workers_die_when_their_parent_is_killed_mid_batch() -> None:
    env = {**os.environ, "CROSSWIRE_PROCESSES": "2"}
    child = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "first", "the child annotated nothing"
        deadline = time.monotonic() + 10
        while len(workers := _children(child.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(workers) >= 2, f"expected two worker processes, found {workers}"
        time.sleep(0.3)  # well inside the batch: the workers are parsing
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        deadline = time.monotonic() + 5
        while (
            left := [pid for pid, started in workers.items() if _alive(pid, started)]
        ) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert left == [], f"worker processes {left} outlived their parent"
    finally:
        child.kill()
        child.wait()
        for pid, started in locals().get("workers", {}).items():
            if _alive(pid, started):
                os.kill(pid, signal.SIGKILL)


def _articles(count: int) -> list[Article]:
    texts = [
        "Fisheries Minister Lena Kovac visited Portvale on Tuesday.",
        "The Quay Post said 27 people were rescued from the Marrow Street tunnel.",
        "Mara Ellis reported from Saltmarsh, where the ferry resumed its crossings.",
    ]
    return [Article(id=str(i), kind="record", origin=str(i), text=texts[i % 3] + f" Item {i}.") for i in range(count)]


def test_workers_give_the_same_annotations_in_the_same_order_as_one_process() -> None:
    articles = _articles(70)
    alone = list(Pipeline([EntityStage()]).pipe(articles, batch_size=8))
    spread = list(Pipeline([EntityStage()], processes=2).pipe(articles, batch_size=8))
    assert [a.id for a in spread] == [a.id for a in articles]
    assert [a.annotations for a in spread] == [a.annotations for a in alone]


def test_stopping_early_leaves_no_worker_behind() -> None:
    before = set(_children(os.getpid()))
    stream = Pipeline([EntityStage()], processes=2).pipe(_articles(200), batch_size=8)
    assert next(stream).id == "0"
    stream.close()
    deadline = time.monotonic() + 5
    while (left := set(_children(os.getpid())) - before) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in left if (stat := _stat(pid)) and stat[1] != "Z"]
