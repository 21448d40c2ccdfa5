"""Stages and the runner that chains them.

A stage is a small callable that takes an :class:`~crosswire.model.Article`
and returns an enriched copy.  It declares what it ``requires`` and what it
``assigns`` (field names of the article or of its annotations) so that a
pipeline can check, when it is built, that every stage gets what it needs.
Stages that can work faster on a batch (spaCy's ``nlp.pipe``) also offer
``pipe``; the runner uses it when present.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from crosswire.model import Article

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

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Run every stage over a stream, batching where a stage can."""
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
