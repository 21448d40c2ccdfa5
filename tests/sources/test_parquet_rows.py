"""Parquet batch files whose rows or columns a batch run would never write: one clear error each, the rest read."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from crosswire.errors import InputError
from crosswire.model import Article
from crosswire.sources.parquet import ARTICLE_COLUMNS, arrow_schema, read_parquet

TEXT = "The night ferry to Aldmoor ran late on Friday after a gull nested on its radar mast, the harbour office said."
ROW = {"seq": 0, "id": "a", "kind": "record", "origin": "in.jsonl:1", "text": TEXT, "is_article": True}


def _items(path: Path) -> list[Article | InputError]:
    items: list[Article | InputError] = []
    try:
        items.extend(read_parquet(path))
    except InputError as error:
        items.append(error)
    return items


def test_a_part_file_whose_seq_column_holds_strings_is_one_error_and_the_other_parts_are_read(tmp_path: Path) -> None:
    pq.write_table(pa.Table.from_pylist([ROW], schema=arrow_schema()), tmp_path / "part-0.parquet")
    strings = pa.schema([(name, pa.string()) for name in ARTICLE_COLUMNS])
    bad = tmp_path / "part-1.parquet"
    pq.write_table(pa.Table.from_pylist([{**ROW, "seq": "1", "id": "b", "is_article": None}], schema=strings), bad)
    items = _items(tmp_path)  # was: TypeError '<' not supported between 'int' and 'str' in the merge
    assert [type(item) for item in items] == [InputError, Article]
    error = items[0]
    assert isinstance(error, InputError) and error.origin == str(bad)
    assert error.problem == "not a crosswire batch file: column 'seq' holds string, not an integer"


def test_a_text_column_of_numbers_is_an_error_not_an_article_with_a_number_for_text(tmp_path: Path) -> None:
    schema = pa.schema([(name, pa.int64() if name == "text" else arrow_schema().field(name).type) for name in ROW])
    schema = pa.schema([*schema, *(f for f in arrow_schema() if f.name not in ROW)])
    path = tmp_path / "numbers.parquet"
    pq.write_table(pa.Table.from_pylist([{**ROW, "text": 7}], schema=schema), path)
    (item,) = _items(path)
    assert isinstance(item, InputError) and item.problem.endswith("column 'text' holds int64, not a string")


def test_all_null_columns_are_read(tmp_path: Path) -> None:
    schema = pa.schema([(f.name, pa.null() if f.name in ("title", "annotations") else f.type) for f in arrow_schema()])
    path = tmp_path / "nulls.parquet"
    pq.write_table(pa.Table.from_pylist([ROW], schema=schema), path)
    (item,) = _items(path)
    assert isinstance(item, Article) and item.title is None and item.annotations is None


def test_a_lone_surrogate_escape_in_the_annotations_becomes_a_replacement_character(tmp_path: Path) -> None:
    annotations = '{"entities": [{"text": "Aldm\\ud800or", "label": "GPE", "start": 19, "end": 26}]}'
    path = tmp_path / "s.parquet"
    pq.write_table(pa.Table.from_pylist([{**ROW, "annotations": annotations}], schema=arrow_schema()), path)
    (item,) = _items(path)
    assert isinstance(item, Article) and item.annotations is not None
    (entity,) = item.annotations.entities
    assert entity.text == "Aldm\ufffdor"
    entity.text.encode("utf-8")
