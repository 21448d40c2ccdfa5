"""Parquet files written by ``crosswire batch``: extracted, annotated articles.

One row per input item, in the column layout of :data:`ARTICLE_COLUMNS`.  A row
whose ``error`` is set stands for an item that failed; it is read back as an
:class:`~crosswire.errors.InputError` so an ingest reports it where it would
have reported the raw input.  ``seq`` is the item's position in the batch's
input order; rows are always yielded in ``seq`` order, across every part file
of a batch output folder, because ingest order decides which copy of a text
counts as the original and how stories are built.

pyarrow is an optional dependency (``crosswire[batch]``), imported only when a
Parquet file is actually read.
"""

from __future__ import annotations

import heapq
import itertools
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from crosswire.errors import InputError
from crosswire.model import Annotations, Article, CaptureKind
from crosswire.serialize import annotations_from_dict, annotations_to_dict, article_metadata
from crosswire.sources.chars import has_surrogates, storable, without_surrogates

#: Column name → Arrow type name, in file order.  ``annotations`` holds the
#: JSON of :func:`crosswire.serialize.annotations_to_dict` (or null when the
#: article was not annotated, e.g. a list page).
ARTICLE_COLUMNS: dict[str, str] = {
    "seq": "int64",
    "id": "string",
    "kind": "string",
    "origin": "string",
    "text": "string",
    "title": "string",
    "author": "string",
    "published": "string",
    "publisher": "string",
    "via": "string",
    "url": "string",
    "language": "string",
    "is_article": "bool_",
    "annotations": "string",
    "error": "string",
}

_KINDS: frozenset[str] = frozenset({"html", "capture", "record"})
_ROWS_PER_READ = 256
_INSTALL_HINT = "reading Parquet needs pyarrow: install crosswire[batch]"


def article_row(article: Article, seq: int) -> dict[str, Any]:
    """The Parquet row of a processed article."""
    annotations = None if article.annotations is None else json.dumps(annotations_to_dict(article.annotations))
    return {
        "seq": seq,
        "id": article.id,
        "kind": article.kind,
        "origin": article.origin,
        "text": article.text,
        **article_metadata(article),
        "is_article": article.is_article,
        "annotations": annotations,
        "error": None,
    }


def error_row(seq: int, item_id: str, origin: str, problem: str) -> dict[str, Any]:
    """The Parquet row of an item that could not be read or processed."""
    row: dict[str, Any] = dict.fromkeys(ARTICLE_COLUMNS)
    row.update(seq=seq, id=item_id, origin=origin, error=problem)
    return row


def arrow_schema() -> Any:
    """:data:`ARTICLE_COLUMNS` as a ``pyarrow.Schema``."""
    pa = _pyarrow()
    return pa.schema([(name, getattr(pa, type_name)()) for name, type_name in ARTICLE_COLUMNS.items()])


def read_parquet(path: Path) -> Iterator[Article | InputError]:
    """Articles (and error rows as errors) of one Parquet file, or of every
    ``*.parquet`` file of a folder, in ``seq`` order."""
    if path.is_dir():
        yield from read_parquet_files(sorted(path.glob("*.parquet")))
    else:
        yield from read_parquet_files([path])


def read_parquet_files(paths: Sequence[Path]) -> Iterator[Article | InputError]:
    """Rows of several part files merged into one stream in ``seq`` order.

    Each file is streamed in ``seq`` order (sorted in memory only if it was
    not written that way), and the files are merged, so a large batch output
    is never loaded whole.
    """
    streams = [_rows_in_seq_order(path) for path in paths]
    for row, origin in heapq.merge(*streams, key=lambda pair: pair[0]["seq"]):
        yield _item_from_row(row, origin)


def _rows_in_seq_order(path: Path) -> Iterator[tuple[dict[str, Any], str]]:
    origin = str(path)
    try:
        pq = _pyarrow_parquet()
        parquet_file = pq.ParquetFile(path)
        problem = _schema_problem(parquet_file.schema_arrow)
        if problem:
            raise InputError(origin, f"not a crosswire batch file: {problem}")
        seqs = parquet_file.read(columns=["seq"]).column("seq").to_pylist()
        rows: Iterable[dict[str, Any]]
        if None in seqs:
            # A row without a seq cannot be placed in the batch's order: each
            # is one error, reported first (as an unreadable file is).
            placed = []
            for number, row in enumerate(_stream_rows(parquet_file), start=1):
                if row["seq"] is None:
                    problem = f"the row at position {number} of {origin} has no seq (null), so no place in the batch"
                    yield {"seq": -1, "origin": row["origin"], "error": problem}, origin
                else:
                    placed.append(row)
            rows = sorted(placed, key=lambda row: row["seq"])
        elif all(a <= b for a, b in itertools.pairwise(seqs)):
            rows = _stream_rows(parquet_file)
        else:
            rows = sorted(_stream_rows(parquet_file), key=lambda row: row["seq"])
        for row in rows:
            yield row, origin
    except InputError as error:
        # An unreadable file cannot be placed in seq order; report it first.
        yield {"seq": -1, "error": error.problem}, origin
    except (OSError, ValueError) as error:  # pyarrow's ArrowInvalid is a ValueError
        yield {"seq": -1, "error": f"cannot read Parquet file ({error})"}, origin


def _schema_problem(schema: Any) -> str | None:
    """Why a file's columns are not those :func:`article_row` writes, or None.

    A column may also be all null (Arrow type ``null``).
    """
    pa = _pyarrow()
    missing = set(ARTICLE_COLUMNS) - set(schema.names)
    if missing:
        return f"missing columns {sorted(missing)}"
    for name, type_name in ARTICLE_COLUMNS.items():
        if len(schema.get_all_field_indices(name)) > 1:
            return f"column {name!r} appears more than once"
        actual = schema.field(name).type
        if name == "seq":
            fits, wanted = pa.types.is_integer(actual), "an integer"
        elif type_name == "bool_":
            fits, wanted = pa.types.is_boolean(actual), "a boolean"
        else:
            fits = pa.types.is_string(actual) or pa.types.is_large_string(actual) or _is_string_view(pa, actual)
            wanted = "a string"
        if not (fits or pa.types.is_null(actual)):
            return f"column {name!r} holds {actual}, not {wanted}"
    return None


def _is_string_view(pa: Any, arrow_type: Any) -> bool:
    is_string_view = getattr(pa.types, "is_string_view", None)
    return bool(is_string_view and is_string_view(arrow_type))


def _stream_rows(parquet_file: Any) -> Iterator[dict[str, Any]]:
    for batch in parquet_file.iter_batches(batch_size=_ROWS_PER_READ, columns=list(ARTICLE_COLUMNS)):
        yield from batch.to_pylist()


def _item_from_row(row: dict[str, Any], file_origin: str) -> Article | InputError:
    origin = row.get("origin") or file_origin
    if row.get("error") is not None:
        return InputError(origin, row["error"])
    kind = row["kind"]
    if kind not in _KINDS or row["id"] is None or row["text"] is None:
        return InputError(origin, f"row {row['seq']} of {file_origin} has no id, text or known kind")
    try:
        annotations = None if row["annotations"] is None else _annotations(row["annotations"])
    except ValueError as error:
        return InputError(origin, f"unreadable annotations in row {row['seq']} of {file_origin} ({error})")
    checked_kind: CaptureKind = kind
    return Article(
        id=storable(row["id"]),
        kind=checked_kind,
        origin=storable(origin),
        text=storable(row["text"]),
        title=_storable(row["title"]),
        author=_storable(row["author"]),
        published=_storable(row["published"]),
        publisher=_storable(row["publisher"]),
        via=_storable(row["via"]),
        url=_storable(row["url"]),
        language=_storable(row["language"]),
        is_article=bool(row["is_article"]) if row["is_article"] is not None else True,
        annotations=annotations,
    )


def _storable(value: str | None) -> str | None:
    """A text column's value without a NUL (valid UTF-8, but PostgreSQL text refuses it)."""
    return None if value is None else storable(value)


def _annotations(raw: str) -> Annotations:
    """The annotations a row's JSON holds; ValueError saying what is wrong with it."""
    try:
        data = json.loads(raw)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    if not isinstance(data, dict):
        raise ValueError(f"a JSON {_json_type(data)}, not an object")
    frame = data.get("frame")
    if frame is not None and not isinstance(frame, dict):
        raise ValueError(f"'frame' is a JSON {_json_type(frame)}, not an object")
    if "\\u" in raw and has_surrogates(json.dumps(data, ensure_ascii=False)):
        # "\\ud800" escapes decode to lone surrogates, which UTF-8 cannot hold
        data = json.loads(without_surrogates(json.dumps(data, ensure_ascii=False)))
    try:
        return annotations_from_dict(data)
    except (TypeError, AttributeError, KeyError, RecursionError) as error:
        raise ValueError(f"{type(error).__name__}: {error}") from error


def _json_type(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError as error:
        raise InputError("parquet", _INSTALL_HINT) from error
    return pyarrow


def _pyarrow_parquet() -> Any:
    try:
        import pyarrow.parquet
    except ImportError as error:
        raise InputError("parquet", _INSTALL_HINT) from error
    return pyarrow.parquet
