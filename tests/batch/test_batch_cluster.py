"""The batch job on an existing Ray cluster: a head node started with ``ray start``, the job pointed at it.

The head runs on loopback in its own process (``ray start --head --block``), with its own temporary
folder, and is stopped by ending that process, so the Ray instance the other batch tests share is
left alone.  The job runs as ``crosswire batch --address``, in a process of its own, as a user runs it.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from batch_inputs import news_warc

from crosswire.engine import Engine
from crosswire.store import open_store

BIN = Path(sys.executable).parent
#: Ray's token authentication, as its docs set it up for a cluster started with ``ray start``: one
#: secret in every node's and every driver's environment.  Nothing else is kept between them.
RAY_ENV = {**os.environ, "RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": secrets.token_hex(16), "RAY_ADDRESS": ""}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def ray_head() -> Iterator[str]:
    """A one-node Ray cluster on loopback; yields its address."""
    port = _free_port()
    # Ray's socket paths must stay short: a temporary folder right under /tmp, not pytest's.
    scratch = tempfile.mkdtemp(prefix="cw-ray-", dir="/tmp")
    command = [
        str(BIN / "ray"), "start", "--head", "--block", f"--port={port}", "--node-ip-address=127.0.0.1",
        "--num-cpus=2", "--include-dashboard=false", "--disable-usage-stats", f"--temp-dir={scratch}",
    ]  # fmt: skip
    head = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True, env=RAY_ENV
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if head.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"ray start did not come up: {head.stderr.read() if head.stderr else ''}")
            time.sleep(0.2)
        yield f"127.0.0.1:{port}"
    finally:
        # Ending the blocking ``ray start`` stops what it started; its session's stragglers go with the group.
        head.send_signal(signal.SIGTERM)
        try:
            head.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(head.pid, signal.SIGKILL)
            head.wait()
        shutil.rmtree(scratch, ignore_errors=True)


def _story_sets(engine: Engine) -> set[frozenset[str]]:
    return {frozenset(story.articles) for story in engine.stories()}


def test_a_job_pointed_at_a_ray_start_cluster_gives_the_stories_of_the_single_process_route(
    ray_head: str, tmp_path: Path
) -> None:
    warc = tmp_path / "news.warc.gz"
    uris = news_warc(warc)
    out = tmp_path / "parquet"
    result = subprocess.run(
        [str(BIN / "crosswire"), "batch", str(warc), "--out", str(out), "--address", ray_head, "--actors", "2"],
        capture_output=True, text=True, timeout=600, env=RAY_ENV,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    summary = json.loads(result.stdout)
    assert summary["articles"] == len(uris) and summary["errors"] == []
    from_cluster = Engine(open_store(tmp_path / "cluster.db"))
    from_cluster.ingest([str(out)])
    one_process = Engine(open_store(tmp_path / "direct.db"), processes=1)
    one_process.ingest([str(warc)])
    stories = _story_sets(from_cluster)
    assert stories == _story_sets(one_process)
    assert any(len(story) > 1 for story in stories)


def test_no_cluster_at_the_address_is_one_clear_line(tmp_path: Path) -> None:
    warc = tmp_path / "news.warc.gz"
    news_warc(warc)
    address = f"127.0.0.1:{_free_port()}"
    result = subprocess.run(
        [str(BIN / "crosswire"), "batch", str(warc), "--out", str(tmp_path / "out"), "--address", address],
        capture_output=True, text=True, timeout=300, env=RAY_ENV,
    )  # fmt: skip
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert address in result.stderr
