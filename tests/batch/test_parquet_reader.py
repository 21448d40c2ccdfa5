"""The Parquet reader on files written here: seq order across files, error rows, damage."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from crosswire.errors import InputError
from crosswire.model import Annotations, Article, Entity, Frame, Sentence
from crosswire.sources.parquet import arrow_schema, article_row, error_row, read_parquet


def _article(number: int) -> Article:
    text = f"Story number {number} from Portvale."
    return Article(
        id=f"a{number}",
        kind="record",
        origin=f"in.jsonl:{number}",
        text=text,
        title=f"Title {number}",
        published="2026-11-10",
        publisher="Harbor Ledger",
        annotations=Annotations(
            entities=(Entity("Portvale", "GPE", text.index("Portvale"), len(text) - 1),),
            sentences=(Sentence(0, len(text)),),
            frame=Frame(where=("Portvale",)),
        ),
    )


def _write(path: Path, rows: list[dict[str, object]]) -> None:
    pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema()), path)


def test_rows_of_several_files_come_back_in_seq_order(tmp_path: Path) -> None:
    articles = [_article(n) for n in range(6)]
    # Part files named against seq order, and one of them unsorted inside.
    _write(tmp_path / "a.parquet", [article_row(articles[n], n) for n in (5, 1, 3)])
    _write(tmp_path / "b.parquet", [article_row(articles[n], n) for n in (0, 2, 4)])
    assert list(read_parquet(tmp_path)) == articles


def test_error_rows_become_input_errors_in_place(tmp_path: Path) -> None:
    path = tmp_path / "part.parquet"
    _write(
        path,
        [article_row(_article(0), 0), error_row(1, "x", "in.jsonl:2", "malformed JSON"), article_row(_article(2), 2)],
    )
    items = list(read_parquet(path))
    assert isinstance(items[1], InputError)
    assert (items[1].origin, items[1].problem) == ("in.jsonl:2", "malformed JSON")
    assert [item.id for item in items if isinstance(item, Article)] == ["a0", "a2"]


def test_unannotated_article_stays_unannotated(tmp_path: Path) -> None:
    plain = Article(id="list", kind="html", origin="crawl.warc#list", text="Index", is_article=False)
    _write(tmp_path / "p.parquet", [article_row(plain, 0)])
    assert list(read_parquet(tmp_path / "p.parquet")) == [plain]


def test_a_file_that_is_not_batch_output_is_an_error(tmp_path: Path) -> None:
    other = tmp_path / "other.parquet"
    pq.write_table(pa.table({"name": ["x"]}), other)
    junk = tmp_path / "junk.parquet"
    junk.write_bytes(b"not parquet at all")
    items = list(read_parquet(tmp_path))
    assert len(items) == 2 and all(isinstance(item, InputError) for item in items)
    problems = sorted(str(item) for item in items)
    assert "missing columns" in problems[1] or "missing columns" in problems[0]
    assert any("cannot read Parquet" in problem for problem in problems)
