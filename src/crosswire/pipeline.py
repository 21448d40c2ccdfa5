"""Stages and the runner that chains them.

A stage is a small callable that takes an :class:`~crosswire.model.Article`
and returns an enriched copy.  It declares what it ``requires`` and what it
``assigns`` (field names of the article or of its annotations) so that a
pipeline can check, when it is built, that every stage gets what it needs.
Stages that can work faster on a batch (spaCy's ``nlp.pipe``) also offer
``pipe``; the runner uses it when present.  A pipeline given several
``processes`` runs all its stages in each of that many worker processes, a
batch of articles at a time, when a stream is long enough to pay for them.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from crosswire.model import Article
from crosswire.workers import MIN_ITEMS_PER_WORKER, WorkerPool, batched, processes_for

#: Fields every extracted article has before any annotation stage runs.
EXTRACTED_FIELDS = frozenset({"text", "title", "published", "publisher", "via", "url", "language"})


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: frozenset[str]
    assigns: frozenset[str]

    def __call__(self, article: Article) -> Article: ...


@runtime_checkable
class BatchStage(Stage, Protocol):
    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]: ...


class PipelineConfigError(ValueError):
    """A stage needs something no earlier stage assigns."""


@dataclass
class Pipeline:
    stages: Sequence[Stage]
    provided: frozenset[str] = field(default=EXTRACTED_FIELDS)
    #: Worker processes for a long stream (1: every stage runs in this process).
    processes: int = 1

    def __post_init__(self) -> None:
        available = set(self.provided)
        for stage in self.stages:
            missing = stage.requires - available
            if missing:
                raise PipelineConfigError(
                    f"stage {stage.name!r} requires {sorted(missing)}, which no earlier stage assigns"
                )
            available |= stage.assigns

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def __call__(self, article: Article) -> Article:
        for stage in self.stages:
            article = stage(article)
        return article

    def pipe(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Article]:
        """Run every stage over a stream, in order; over worker processes when it is long enough."""
        stream = iter(articles)
        # Look ahead just far enough to know whether the stream pays for workers.
        head = list(itertools.islice(stream, 2 * MIN_ITEMS_PER_WORKER))
        processes = processes_for(len(head), self.processes)
        if processes == 1:
            yield from self.pipe_here(itertools.chain(head, stream))
            return
        with WorkerPool(processes, setup=functools.partial(install_in_worker, self)) as pool:
            yield from pool.map(pipe_in_worker, batched(itertools.chain(head, stream), batch_size))

    def pipe_here(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Run every stage over a stream in this process, batching where a stage can."""
        stream: Iterable[Article] = articles
        for stage in self.stages:
            stream = _run_stage(stage, stream)
        yield from stream


def _run_stage(stage: Stage, articles: Iterable[Article]) -> Iterator[Article]:
    if isinstance(stage, BatchStage):
        yield from stage.pipe(articles)
    else:
        for article in articles:
            yield stage(article)


#: The pipeline of a worker process (see :func:`install_in_worker`).
_worker_pipeline: Pipeline | None = None


def install_in_worker(pipeline: Pipeline) -> None:
    """In a worker process: the pipeline that :func:`pipe_in_worker` runs."""
    global _worker_pipeline
    _worker_pipeline = pipeline


def pipe_in_worker(articles: list[Article]) -> list[Article]:
    """In a worker process: the installed pipeline over one batch."""
    if _worker_pipeline is None:
        raise RuntimeError("no pipeline installed in this worker process")
    return list(_worker_pipeline.pipe_here(articles))
