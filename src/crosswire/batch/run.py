"""``crosswire batch``: run :class:`~crosswire.batch.articles.ArticleJob` and sum it up."""

from __future__ import annotations

import logging
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
    stage_factory: StageFactory | None = None,
) -> dict[str, Any]:
    """Extract and annotate WARC/JSONL ``inputs`` with Ray Data into Parquet files in ``out``.

    Uses the running Ray instance if there is one, else starts a local one for
    the job.  Returns ``{"inputs", "articles", "errors", "out", "files"}``.
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
        ray.init(include_dashboard=False, logging_level=logging.WARNING)
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
