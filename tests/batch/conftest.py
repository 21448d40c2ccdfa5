"""One local Ray instance for every batch test, and one batch run shared by most of them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import ray
from batch_inputs import news_jsonl, news_warc, truncated_copy

from crosswire.batch import run_batch


@pytest.fixture(scope="session")
def ray_local() -> Iterator[None]:
    ray.init(num_cpus=2, object_store_memory=300_000_000, include_dashboard=False)
    yield
    ray.shutdown()


@dataclass(frozen=True)
class BatchRun:
    inputs: list[str]
    out: Path
    summary: dict[str, Any]
    warc_ids: list[str]
    jsonl_ids: list[str]


@pytest.fixture(scope="session")
def news_batch(ray_local: None, tmp_path_factory: pytest.TempPathFactory) -> BatchRun:
    """A WARC, a JSONL file with one malformed line, and a WARC cut off mid-record."""
    folder = tmp_path_factory.mktemp("batch-inputs")
    warc_ids = news_warc(folder / "news.warc.gz")
    jsonl_ids = news_jsonl(folder / "courier.jsonl", extra_lines=['{"id": "broken", "text": '])
    truncated_copy(folder / "news.warc.gz", folder / "cut.warc.gz")
    inputs = [str(folder / name) for name in ("news.warc.gz", "courier.jsonl", "cut.warc.gz")]
    out = tmp_path_factory.mktemp("batch-out")
    return BatchRun(inputs, out, run_batch(inputs, out), warc_ids, jsonl_ids)
