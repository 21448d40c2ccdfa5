"""The input files of a batch, listed on the driver in a stable order.

The order matches :func:`crosswire.sources.files.iter_sources` (files of a
folder sorted by name), so a batch and a direct ingest of the same inputs see
the items in the same order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

#: What the batch job reads; other inputs become error rows.
BATCH_SUFFIXES = (".warc", ".warc.gz", ".jsonl", ".jsonl.gz")
_IGNORED_NAMES = {".DS_Store", "README.md", "EXPECTED.json"}


@dataclass(frozen=True, slots=True)
class BatchInput:
    """One input file, or the reason it cannot be read by a batch."""

    path: str
    problem: str | None = None


def list_batch_inputs(paths: Iterable[str | Path]) -> list[BatchInput]:
    found: list[BatchInput] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            children = sorted(p for p in path.rglob("*") if p.is_file())
            found.extend(
                _checked(child)
                for child in children
                if child.name not in _IGNORED_NAMES and not child.name.startswith(".")
            )
        elif path.is_file():
            found.append(_checked(path))
        else:
            found.append(BatchInput(str(path), "no such file or directory"))
    return found


def _checked(path: Path) -> BatchInput:
    if path.name.lower().endswith(BATCH_SUFFIXES):
        return BatchInput(str(path))
    return BatchInput(str(path), "crosswire batch reads only WARC (.warc, .warc.gz) and JSONL (.jsonl) files")
