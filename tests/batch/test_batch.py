"""crosswire batch end to end: Parquet rows, error rows, and the same stories as a direct ingest."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow.parquet as pq
import pytest

from crosswire.batch import run_batch
from crosswire.engine import Engine
from crosswire.errors import CrosswireError, InputError
from crosswire.extract import extract
from crosswire.model import Article, Capture
from crosswire.serialize import annotations_to_dict
from crosswire.sources import iter_sources
from crosswire.sources.parquet import ARTICLE_COLUMNS, read_parquet
from crosswire.store import open_store

if TYPE_CHECKING:  # the fixture's type; conftest modules of other folders share the name
    from conftest import BatchRun


def _rows(out: Path) -> list[dict[str, object]]:
    rows = [row for path in sorted(out.glob("*.parquet")) for row in pq.read_table(path).to_pylist()]
    return sorted(rows, key=lambda row: row["seq"])


def _story_sets(engine: Engine) -> set[frozenset[str]]:
    return {frozenset(story.articles) for story in engine.stories()}


def test_rows_hold_every_article_field_in_input_order(news_batch: BatchRun) -> None:
    rows = _rows(news_batch.out)
    assert rows, "no Parquet rows written"
    assert set(rows[0]) == set(ARTICLE_COLUMNS)
    seqs = [row["seq"] for row in rows]
    assert len(set(seqs)) == len(seqs)
    good = [row for row in rows if row["error"] is None]
    # The whole first WARC, then the JSONL records, then what the cut WARC kept.
    assert [row["id"] for row in good][: len(news_batch.warc_ids) + len(news_batch.jsonl_ids)] == (
        news_batch.warc_ids + news_batch.jsonl_ids
    )
    for row in good:
        assert row["kind"] in {"html", "record"}
        assert isinstance(row["text"], str) and row["text"]
        assert row["origin"]
        assert row["is_article"] is True
        annotations = json.loads(row["annotations"])  # type: ignore[arg-type]
        assert set(annotations) >= {"entities", "quantities", "dates", "quotes", "frame", "sentences"}
    warc_row = good[0]
    assert warc_row["url"] == news_batch.warc_ids[0]
    assert warc_row["publisher"] == "Harbor Ledger"
    assert warc_row["published"] is not None and str(warc_row["published"]).startswith("2026-11-10")


def test_summary_counts_what_was_written(news_batch: BatchRun) -> None:
    summary = news_batch.summary
    rows = _rows(news_batch.out)
    assert summary["inputs"] == 3
    assert summary["out"] == str(news_batch.out)
    assert summary["articles"] == sum(1 for row in rows if row["error"] is None)
    assert summary["errors"] == [{"path": row["origin"], "error": row["error"]} for row in rows if row["error"]]
    assert sorted(summary["files"]) == sorted(str(p) for p in news_batch.out.glob("*.parquet"))


def test_bad_inputs_become_error_rows_and_the_rest_is_kept(news_batch: BatchRun) -> None:
    rows = _rows(news_batch.out)
    errors = {str(row["origin"]): str(row["error"]) for row in rows if row["error"] is not None}
    malformed = [origin for origin in errors if origin.endswith("courier.jsonl:4")]
    assert malformed and "malformed JSON" in errors[malformed[0]]
    cut = [message for origin, message in errors.items() if "cut.warc.gz" in origin]
    assert cut and "truncated" in cut[0]
    # The cut WARC still gave its whole records before the damage.
    kept = [row for row in rows if row["error"] is None and "cut.warc.gz" in str(row["origin"])]
    assert 0 < len(kept) < len(news_batch.warc_ids)


def test_articles_read_back_equal_direct_extraction_and_annotation(news_batch: BatchRun) -> None:
    from crosswire.annotate import default_stages
    from crosswire.pipeline import Pipeline

    captures = [item for item in iter_sources(news_batch.inputs[:1]) if isinstance(item, Capture)]
    direct = list(Pipeline(default_stages()).pipe(extract(capture) for capture in captures))
    loaded = [item for item in read_parquet(news_batch.out) if isinstance(item, Article)]
    assert loaded[: len(direct)] == direct
    assert all(a.annotations is not None and annotations_to_dict(a.annotations)["sentences"] for a in direct)


def test_read_back_items_keep_input_order_and_error_places(news_batch: BatchRun) -> None:
    direct = list(iter_sources(news_batch.inputs))
    loaded = list(read_parquet(news_batch.out))
    assert len(loaded) == len(direct)
    for raw, batched in zip(direct, loaded, strict=True):
        if isinstance(raw, InputError):
            assert isinstance(batched, InputError)
            assert (batched.origin, batched.problem) == (raw.origin, raw.problem)
        else:
            assert isinstance(batched, Article)
            assert batched.id == raw.id


def test_ingesting_the_parquet_gives_the_stories_of_the_raw_inputs(news_batch: BatchRun, tmp_path: Path) -> None:
    from_parquet = Engine(open_store(tmp_path / "a.db"))
    parquet_report = from_parquet.ingest([str(news_batch.out)])
    from_raw = Engine(open_store(tmp_path / "b.db"))
    raw_report = from_raw.ingest(news_batch.inputs)
    assert parquet_report.ingested == raw_report.ingested > 0
    assert parquet_report.errors == raw_report.errors
    stories = _story_sets(from_parquet)
    assert stories == _story_sets(from_raw)
    assert any(len(story) > 1 for story in stories), "the test inputs should form multi-article stories"


def test_unsupported_and_missing_inputs_are_error_entries(ray_local: None, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Not a batch input.</p></body></html>")
    out = tmp_path / "out"
    summary = run_batch([str(page), str(tmp_path / "absent.warc")], out, stage_factory=list)
    assert summary["articles"] == 0
    assert [error["path"] for error in summary["errors"]] == [str(page), str(tmp_path / "absent.warc")]
    assert "WARC" in summary["errors"][0]["error"]
    assert "no such file" in summary["errors"][1]["error"]


def test_an_output_folder_with_parquet_files_is_refused(news_batch: BatchRun) -> None:
    with pytest.raises(CrosswireError, match="already holds Parquet"):
        run_batch(news_batch.inputs, news_batch.out)
