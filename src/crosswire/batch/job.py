"""A Ray Data job template: the plumbing, with the per-record work left open.

The shape follows cc-pyspark's ``CCSparkJob``: a subclass says only how to
read the records of one input file and how to turn a batch of records into
output rows; this class lists nothing, knows no formats, and owns everything
that involves Ray — the read tasks, the actor pool, input order, and writing
Parquet.

Order: every record gets ``seq = input index * 2**32 + position in its
input``, so sorting by ``seq`` gives back the exact order the records were
read in, whatever order Ray finished them in.
"""

from __future__ import annotations

import functools
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

#: Records of one input are handed on this many at a time, so a large WARC
#: streams through the job instead of becoming one huge block.
READ_CHUNK = 256
#: Output rows gathered per Parquet file, rather than one small file per batch.
ROWS_PER_FILE = 2000
_SEQ_STRIDE = 2**32


def seq_of(input_index: int, position: int) -> int:
    return input_index * _SEQ_STRIDE + position


class RecordJob(ABC):
    """Subclasses implement :meth:`read_input`, :meth:`process_records` and the
    two schemas; :meth:`run` does the rest.  Instances are pickled to Ray
    workers, so keep heavy state out of ``__init__`` and load it in
    :meth:`setup`, which runs once in each actor."""

    #: Records processed together by one actor call (spaCy batches within it).
    batch_size: int = 8

    @abstractmethod
    def record_schema(self) -> Any:
        """``pyarrow.Schema`` of the records :meth:`read_input` yields (without ``seq``)."""

    @abstractmethod
    def output_schema(self) -> Any:
        """``pyarrow.Schema`` of output rows; must have an int64 ``seq`` column."""

    @abstractmethod
    def read_input(self, path: str, problem: str | None) -> Iterator[dict[str, Any]]:
        """The records of one input, in order.  ``problem`` is set when the
        driver already knows the input cannot be read; yield one record
        describing that, so it keeps its place in the output."""

    def setup(self) -> None:  # noqa: B027 - an optional hook, not an abstract one
        """Load models and other per-worker state; runs once per actor."""

    @abstractmethod
    def process_records(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """One output row per record, in the same order (``seq`` is added here)."""

    def run(self, inputs: Sequence[tuple[str, str | None]], out: Path, actors: int | None = None) -> list[Path]:
        """Read, process and write ``inputs`` (``(path, known problem)`` pairs)
        as Parquet files into ``out``; returns the files written."""
        import ray
        from ray.data import ActorPoolStrategy, DataContext

        context = DataContext.get_current()
        previous_order = context.execution_options.preserve_order
        # Keeping block order means each part file comes out sorted by seq, so
        # the reader can stream-merge files instead of sorting everything.
        context.execution_options.preserve_order = True
        pool_size = actors or _cluster_cpus()
        try:
            listing = ray.data.from_items(
                [{"index": i, "path": path, "problem": problem} for i, (path, problem) in enumerate(inputs)],
                override_num_blocks=max(1, len(inputs)),
            )
            records = listing.map_batches(
                functools.partial(_read_inputs, job=self),
                batch_size=1,
                batch_format="pyarrow",
                # Reading is cheap next to extraction; asking for no CPU keeps
                # read tasks from waiting behind the actors that hold every CPU
                # (and keeps Ray from fusing reading into the actors, which
                # would pin each input file to one actor).
                num_cpus=0,
            )
            # Blocks of one batch each, so the actor pool can share out the
            # records of a single large input (Ray otherwise merges a read
            # task's output into one block, which only one actor would get).
            records = records.repartition(target_num_rows_per_block=self.batch_size)
            rows = records.map_batches(
                _RecordWorker,
                fn_constructor_kwargs={"job": self},
                batch_size=self.batch_size,
                batch_format="pyarrow",
                compute=ActorPoolStrategy(size=pool_size),
                num_cpus=_cpus_per_actor(pool_size),
            )
            out.mkdir(parents=True, exist_ok=True)
            rows.write_parquet(str(out), min_rows_per_file=ROWS_PER_FILE)
        finally:
            context.execution_options.preserve_order = previous_order
        return sorted(out.glob("*.parquet"))


def _read_inputs(listing: Any, job: RecordJob) -> Iterator[Any]:
    """A Ray task over one listed input: its records in chunks, each with ``seq``."""
    import pyarrow as pa

    schema = job.record_schema().append(pa.field("seq", pa.int64()))
    for entry in listing.to_pylist():
        chunk: list[dict[str, Any]] = []
        for position, record in enumerate(job.read_input(entry["path"], entry["problem"])):
            chunk.append({**record, "seq": seq_of(entry["index"], position)})
            if len(chunk) >= READ_CHUNK:
                yield pa.Table.from_pylist(chunk, schema=schema)
                chunk = []
        if chunk:
            yield pa.Table.from_pylist(chunk, schema=schema)


class _RecordWorker:
    """One actor of the pool: holds a job whose :meth:`RecordJob.setup` ran once."""

    def __init__(self, job: RecordJob) -> None:
        self.job = job
        job.setup()

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa

        records = batch.to_pylist()
        outputs = self.job.process_records([{k: v for k, v in r.items() if k != "seq"} for r in records])
        if len(outputs) != len(records):
            raise RuntimeError(
                f"{type(self.job).__name__}.process_records returned {len(outputs)} rows for {len(records)} records"
            )
        for record, output in zip(records, outputs, strict=True):
            output["seq"] = record["seq"]
        return pa.Table.from_pylist(outputs, schema=self.job.output_schema())


def _cluster_cpus() -> int:
    import ray

    resources: dict[str, float] = ray.cluster_resources()  # type: ignore[no-untyped-call]
    return max(1, int(resources.get("CPU", 1)))


def _cpus_per_actor(pool_size: int) -> float:
    """The CPUs each actor reserves: all but one of the cluster's, shared out.

    The repartition between reading and processing runs as a task that needs
    a whole free CPU; if the actors reserved every CPU it would wait forever.
    Actors still use a full core when busy: the reservation only schedules.
    """
    return max(0.0, _cluster_cpus() - 1) / pool_size
