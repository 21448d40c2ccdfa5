"""The crosswire batch job: WARC/JSONL captures in, extracted and annotated articles out.

Only what is particular to crosswire lives here — how a capture travels as a
record, and extract + annotate for a batch of them.  The Ray plumbing is
:class:`~crosswire.batch.job.RecordJob`'s.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from crosswire.batch.job import RecordJob
from crosswire.errors import InputError
from crosswire.model import Article, Capture, SourceHints
from crosswire.pipeline import Pipeline, Stage
from crosswire.sources.files import iter_sources
from crosswire.sources.limits import check_text_length
from crosswire.sources.parquet import arrow_schema, article_row, error_row

log = logging.getLogger(__name__)

#: Builds the annotation stages inside each actor (spaCy loads there, once).
StageFactory = Callable[[], Sequence[Stage]]

_HINT_FIELDS = ("title", "author", "published", "publisher", "url", "language")


def _default_stage_factory() -> Sequence[Stage]:
    from crosswire.annotate import default_stages

    # Ray already runs one job per core; the job's pipeline runs in the actor's own process.
    return default_stages()


class ArticleJob(RecordJob):
    def __init__(self, stage_factory: StageFactory | None = None) -> None:
        # A module-level function, so the job pickles to Ray workers.
        self.stage_factory: StageFactory = stage_factory or _default_stage_factory
        self._pipeline: Pipeline | None = None

    def __getstate__(self) -> dict[str, Any]:
        # The loaded pipeline (spaCy) never travels; each actor builds its own.
        return {"stage_factory": self.stage_factory, "_pipeline": None}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def record_schema(self) -> Any:
        import pyarrow as pa

        return pa.schema(
            [
                ("id", pa.string()),
                ("kind", pa.string()),
                ("origin", pa.string()),
                ("content", pa.binary()),
                # Plain-text captures carry str content, HTML pages bytes.
                ("content_is_text", pa.bool_()),
                *[(f"hint_{name}", pa.string()) for name in _HINT_FIELDS],
                ("error", pa.string()),
            ]
        )

    def output_schema(self) -> Any:
        return arrow_schema()

    def read_input(self, path: str, problem: str | None) -> Iterator[dict[str, Any]]:
        if problem is not None:
            yield _error_record(path, path, problem)
            return
        for item in iter_sources([path]):
            if isinstance(item, InputError):
                yield _error_record(item.origin, item.origin, item.problem)
            elif isinstance(item, Capture):
                yield _capture_record(item)
            else:  # readers of WARC/JSONL never yield articles
                yield _error_record(item.id, item.origin, "unexpected processed article in a batch input")

    def setup(self) -> None:
        self._pipeline = Pipeline(self.stage_factory())

    def process_records(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        # seq is added back by the template; 0 is a placeholder here.
        results: list[Article | dict[str, Any]] = [self._extract(record) for record in records]
        to_annotate = [r for r in results if isinstance(r, Article) and r.is_article]
        annotated = {id(before): after for before, after in zip(to_annotate, self._annotate(to_annotate), strict=True)}
        rows: list[dict[str, Any]] = []
        for result in results:
            if isinstance(result, Article):
                result = annotated.get(id(result), result)
            rows.append(article_row(result, 0) if isinstance(result, Article) else result)
        return rows

    def _extract(self, record: dict[str, Any]) -> Article | dict[str, Any]:
        from crosswire.extract import extract

        if record["error"] is not None:
            return error_row(0, record["id"], record["origin"], record["error"])
        capture = _capture_from_record(record)
        try:
            article = extract(capture)
            # Over the limit, a text would fail annotation (spaCy's E088) and take its whole block with it.
            check_text_length(article.origin, article.text, article.title)
            return article
        except InputError as error:
            return error_row(0, capture.id, error.origin, error.problem)
        except Exception as error:  # one bad page must not stop the batch (as in Engine)
            log.exception("extraction failed for %s", capture.origin)
            return error_row(0, capture.id, capture.origin, f"extraction failed: {error!r}")

    def _annotate(self, articles: list[Article]) -> list[Article | dict[str, Any]]:
        pipeline = self._pipeline or Pipeline(self.stage_factory())
        self._pipeline = pipeline
        try:
            return list(pipeline.pipe(articles))
        except Exception:
            log.exception("batch annotation failed; annotating one article at a time")
        # Find the article that fails and turn only it into an error row.
        results: list[Article | dict[str, Any]] = []
        for article in articles:
            try:
                results.append(pipeline(article))
            except Exception as error:
                results.append(error_row(0, article.id, article.origin, f"annotation failed: {error!r}"))
        return results


def _capture_record(capture: Capture) -> dict[str, Any]:
    content = capture.content
    record: dict[str, Any] = {
        "id": capture.id,
        "kind": capture.kind,
        "origin": capture.origin,
        "content": content.encode("utf-8") if isinstance(content, str) else content,
        "content_is_text": isinstance(content, str),
        "error": None,
    }
    record.update({f"hint_{name}": getattr(capture.hints, name) for name in _HINT_FIELDS})
    return record


def _capture_from_record(record: dict[str, Any]) -> Capture:
    content: bytes = record["content"]
    hints = SourceHints(**{name: record[f"hint_{name}"] for name in _HINT_FIELDS})
    return Capture(
        id=record["id"],
        kind=record["kind"],
        origin=record["origin"],
        content=content.decode("utf-8") if record["content_is_text"] else content,
        hints=hints,
    )


def _error_record(item_id: str, origin: str, problem: str) -> dict[str, Any]:
    return {"id": item_id, "origin": origin, "error": problem}
