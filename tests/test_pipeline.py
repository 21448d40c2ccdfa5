"""The stage runner checks itself when built and keeps article order."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

import pytest

from crosswire.model import Annotations, Article, Frame
from crosswire.pipeline import BatchStage, Pipeline, PipelineConfigError, Stage


class WhoFromTitle:
    name = "who"
    requires = frozenset({"title"})
    assigns = frozenset({"frame"})

    def __call__(self, article: Article) -> Article:
        return dataclasses.replace(article, annotations=Annotations(frame=Frame(who=(article.title or "",))))


class NeedsQuotes:
    name = "needs-quotes"
    requires = frozenset({"quotes"})
    assigns = frozenset({"speakers"})

    def __call__(self, article: Article) -> Article:
        return article


class CountsBatches:
    name = "batched"
    requires = frozenset({"frame"})
    assigns = frozenset({"text"})

    def __init__(self) -> None:
        self.batches = 0

    def __call__(self, article: Article) -> Article:
        raise AssertionError("the runner must use pipe() when a stage has it")

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        self.batches += 1
        for article in articles:
            yield dataclasses.replace(article, text=article.text.upper())


def _article(n: int) -> Article:
    return Article(id=f"a{n}", kind="record", origin="test", text=f"text {n}", title=f"Title {n}")


def test_protocols_recognise_stages() -> None:
    assert isinstance(WhoFromTitle(), Stage)
    assert not isinstance(WhoFromTitle(), BatchStage)
    assert isinstance(CountsBatches(), BatchStage)


def test_a_stage_whose_needs_are_unmet_is_refused_when_the_pipeline_is_built() -> None:
    with pytest.raises(PipelineConfigError, match=r"needs-quotes.*quotes"):
        Pipeline([WhoFromTitle(), NeedsQuotes()])


def test_stages_run_in_order_and_batch_where_they_can() -> None:
    batched = CountsBatches()
    pipeline = Pipeline([WhoFromTitle(), batched])
    assert pipeline.names == ["who", "batched"]
    results = list(pipeline.pipe(_article(n) for n in range(5)))
    assert [a.id for a in results] == [f"a{n}" for n in range(5)]
    assert results[2].text == "TEXT 2"
    assert results[2].annotations is not None and results[2].annotations.frame.who == ("Title 2",)
    assert batched.batches == 1


def test_calling_a_pipeline_on_one_article() -> None:
    (result,) = [Pipeline([WhoFromTitle()])(_article(1))]
    assert result.annotations is not None and result.annotations.frame.who == ("Title 1",)
