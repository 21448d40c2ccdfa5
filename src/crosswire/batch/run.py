"""``crosswire batch``: run :class:`~crosswire.batch.articles.ArticleJob` and sum it up."""

from __future__ import annotations

import logging
import socket
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from crosswire.batch.articles import ArticleJob, StageFactory
from crosswire.batch.inputs import list_batch_inputs
from crosswire.errors import CrosswireError

_INSTALL_HINT = "crosswire batch needs Ray Data and pyarrow: install crosswire[batch]"


def run_batch(
    inputs: Sequence[str],
    out: Path,
    *,
    actors: int | None = None,
    address: str | None = None,
    stage_factory: StageFactory | None = None,
) -> dict[str, Any]:
    """Extract and annotate WARC/JSONL ``inputs`` with Ray Data into Parquet files in ``out``.

    Runs on the Ray cluster at ``address`` (``host:port`` of its head node, or
    ``auto``) when given; else on the Ray instance this process already uses,
    else on the cluster ``RAY_ADDRESS`` names or one ``ray start`` started on
    this machine (``ray.init``'s own search), else on a local instance started
    for the job.  ``actors`` defaults to one per CPU of the cluster.  Returns
    ``{"inputs", "articles", "errors", "out", "files"}``.
    """
    try:
        import pyarrow  # noqa: F401
        import ray
    except ImportError as error:
        raise CrosswireError(_INSTALL_HINT) from error

    out = Path(out)
    if out.exists() and not out.is_dir():
        raise CrosswireError(f"{out}: --out must be a folder")
    if any(out.glob("*.parquet")):
        # Old part files would mix into the new output and break seq order.
        raise CrosswireError(f"{out}: folder already holds Parquet files; remove them or choose another folder")
    listed = list_batch_inputs(inputs)
    job = ArticleJob(stage_factory)
    started_ray = not ray.is_initialized()
    if started_ray:
        try:
            if address is not None:
                _check_listening(address)
                ray.init(address=address, logging_level=logging.WARNING)
            else:
                ray.init(include_dashboard=False, logging_level=logging.WARNING)
        except ConnectionError as error:
            raise CrosswireError(f"no Ray cluster at {address or 'RAY_ADDRESS'}: {error}") from error
    try:
        files = job.run([(item.path, item.problem) for item in listed], out, actors=actors) if listed else []
    except CrosswireError:
        raise
    except Exception as error:  # a Ray failure reaches the user as one line, not a traceback
        raise CrosswireError(f"batch job failed: {error}") from error
    finally:
        if started_ray:
            ray.shutdown()
    return summarize(len(listed), out, files)


def _check_listening(address: str) -> None:
    """Fail at once when nothing listens at a ``host:port`` address (Ray itself retries for minutes)."""
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit():
        return  # "auto" and other forms are Ray's to read
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=5).close()
    except OSError as error:
        problem = error.strerror or str(error)
        raise CrosswireError(f"no Ray cluster at {address}: nothing answers there ({problem})") from error


def summarize(n_inputs: int, out: Path, files: list[Path]) -> dict[str, Any]:
    """The summary printed by ``crosswire batch --json``, read back from the written files."""
    import pyarrow.parquet as pq

    articles = 0
    errors: list[tuple[int, dict[str, str]]] = []
    for path in files:
        table = pq.read_table(path, columns=["seq", "origin", "error"])
        for row in table.to_pylist():
            if row["error"] is None:
                articles += 1
            else:
                errors.append((row["seq"], {"path": row["origin"], "error": row["error"]}))
    errors.sort(key=lambda pair: pair[0])
    return {
        "inputs": n_inputs,
        "articles": articles,
        "errors": [error for _, error in errors],
        "out": str(out),
        "files": [str(path) for path in files],
    }
