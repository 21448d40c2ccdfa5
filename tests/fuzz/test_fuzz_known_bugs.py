"""Minimal reproducers of the bugs the fuzz tests found.

All of them are fixed now and pass as plain tests.  A new bug whose fix is
outside ``tests/fuzz`` gets its reproducer here marked xfail(strict=True), its
corpus file in ``KNOWN_BAD_TO_INGEST`` and, if the fuzzers keep hitting it, an
entry in ``fuzzing.KNOWN_BUG_FRAMES``; when the fix lands, strict xfail turns the
passing test into a failure, and the mark and those exclusions are removed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from crosswire.engine import Engine
from crosswire.errors import InputError
from crosswire.extract import extract
from crosswire.model import Article, Capture
from crosswire.sources import iter_sources
from crosswire.sources.feeds import html_fragment_to_text
from crosswire.sources.parquet import arrow_schema
from crosswire.store import open_store

TEXT = "Ferry crews in Portvale carried 310 passengers across the bay on Sunday while the bridge was shut for checks."

#: Corpus files that still hit a known bug (none today): the corpus ingest leaves them out.
KNOWN_BAD_TO_INGEST: dict[str, str] = {}
#: Of those, the files whose reader already fails: the corpus test expects them to fail (strict xfail).
KNOWN_BAD_TO_READ = dict(KNOWN_BAD_TO_INGEST)


def _everything(path: Path) -> list[object]:
    return list(iter_sources([path]))


@pytest.mark.parametrize("nesting", [b"[" * 5000 + b"]" * 5000, b'{"a":' * 3000 + b"1" + b"}" * 3000, b"[" * 50_000])
def test_deeply_nested_jsonl_line_is_one_error(tmp_path: Path, nesting: bytes) -> None:
    path = tmp_path / "deep.jsonl"
    good = json.dumps({"id": "ok", "text": TEXT}).encode()
    path.write_bytes(good + b"\n" + nesting + b"\n" + good.replace(b'"ok"', b'"after"') + b"\n")
    items = _everything(path)  # was: RecursionError, and the whole ingest stopped with a traceback
    assert [type(item) for item in items] == [Capture, InputError, Capture]
    error = items[1]
    assert isinstance(error, InputError) and error.origin == f"{path}:2" and "nested too deeply" in error.problem
    assert [item.id for item in items if isinstance(item, Capture)] == ["ok", "after"]


OTHER = "The library in Aldmoor lent 2,400 books in March, twice as many as a year ago, its keeper said."


def test_jsonl_text_with_a_lone_surrogate_escape_is_stored_with_a_replacement_character(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    good = json.dumps({"id": "good", "text": OTHER})
    # json.dumps writes the escapes "\\ud800" and "\\udfff"; a pair written as two escapes stays one character
    bad = json.dumps({"id": "bad\udfff", "title": "Ferry \ud800", "text": TEXT + " \ud800 \ud83d\ude00"})
    path.write_text(f"{bad}\n{good}\n", encoding="ascii")
    store = open_store(tmp_path / "s.db")
    try:
        # was: UnicodeEncodeError ('surrogates not allowed') from engine.content_hash, and the ingest stopped
        report = Engine(store, stages=[]).ingest([str(path)])
        stored = store.get_article("bad\ufffd")
    finally:
        store.close()
    assert report.ingested == 2 and report.errors == []
    assert stored is not None
    assert stored.article.text == TEXT + " \ufffd \U0001f600" and stored.article.title == "Ferry \ufffd"


def _parquet(path: Path, rows: list[dict[str, object]]) -> None:
    pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema()), path)


ROW = {"seq": 0, "id": "a", "kind": "record", "origin": "in.jsonl:1", "text": TEXT, "is_article": True}


def test_parquet_row_without_seq_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "p.parquet"
    _parquet(path, [ROW, {**ROW, "id": "b", "seq": None}, {**ROW, "id": "c", "seq": 1}])
    items = _everything(path)  # was: TypeError: '<=' not supported between 'int' and 'NoneType'
    assert [type(item) for item in items] == [InputError, Article, Article]
    assert [item.id for item in items if isinstance(item, Article)] == ["a", "c"]
    error = items[0]
    assert isinstance(error, InputError) and error.origin == "in.jsonl:1"
    assert error.problem == f"the row at position 2 of {path} has no seq (null), so no place in the batch"


@pytest.mark.parametrize(
    ("annotations", "why"),
    [
        ("[]", "a JSON array, not an object"),
        ("null", "a JSON null, not an object"),
        ('{"frame": ["who"]}', "'frame' is a JSON array, not an object"),
        ('{"frame": {"nope": ["x"]}}', "TypeError"),
        ('{"entities": [[1, 2]]}', "TypeError"),
        ("[" * 5000, "JSON nested too deeply"),
    ],
)
def test_parquet_annotations_that_are_not_an_object_are_an_error(tmp_path: Path, annotations: str, why: str) -> None:
    path = tmp_path / "p.parquet"
    _parquet(path, [{**ROW, "annotations": annotations}, {**ROW, "id": "b", "seq": 1}])
    items = _everything(path)  # was: AttributeError: 'list' object has no attribute 'get'
    assert [type(item) for item in items] == [InputError, Article]
    error = items[0]
    assert isinstance(error, InputError) and error.problem.startswith(f"unreadable annotations in row 0 of {path} (")
    assert why in error.problem


def test_page_declaring_utf16_written_in_latin1_is_read_as_latin1() -> None:
    """Issue 13, item 7.  Without a BOM a utf-16 declaration cannot be true of a page the
    declaration itself is readable in (browsers then read it as UTF-8, else windows-1252)."""
    page = (
        '<html><head><meta charset="utf-16"><title>Caf\u00e9 reopens on the quay</title></head><body><article>'
        "<p>The caf\u00e9 on the quay in Portvale reopened on Monday with 14 tables and a new cr\u00e8perie, "
        "its owner said, after the winter floods had closed it for three months.</p></article></body></html>"
    ).encode("latin-1")
    article = extract(Capture(id="cafe.html", kind="html", origin="cafe.html", content=page))
    assert article.title == "Caf\u00e9 reopens on the quay"  # was: "Caf\ufffd reopens on the quay"
    assert "\ufffd" not in article.text and "caf\u00e9" in article.text


@pytest.mark.parametrize("reference", ["&#xD800;", "&#x110000;", "&#99999999;"])
def test_feed_with_a_bad_character_reference_is_read_or_refused(tmp_path: Path, reference: str) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(
        '<rss version="2.0"><channel><title>Ledger</title><item><title>Charref</title>'
        f"<link>https://ledger.example/c</link><description>{TEXT} {TEXT} {TEXT} {reference}</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    items = _everything(path)  # was: UnicodeEncodeError or ValueError from feedparser's handle_charref
    # then one error for the whole feed; now the reference is read as U+FFFD, as HTML reads it
    assert len(items) == 1 and isinstance(items[0], Capture)
    assert isinstance(items[0].content, str) and items[0].content.endswith(f"{TEXT} \ufffd")


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("<p>one</p>\uffff<p>two</p>", "one\n\n\ufffdtwo"),
        ("<p>one</p>\ufffe<p>two</p>", "one\n\n\ufffdtwo"),
        ("<p>one</p>\x01<p>two</p>", "one\n\ntwo"),
        ("<p>one\x0btwo</p>", "one two"),
        ("<p>one\x00two</p>", "one two"),
        ("<p>one \ud800</p><p>two</p>", "one \ufffd\n\ntwo"),
    ],
)
def test_feed_fragment_with_a_character_xml_forbids_becomes_text(fragment: str, expected: str) -> None:
    text = html_fragment_to_text(fragment)  # was: ValueError "All strings must be XML compatible"
    assert text == expected
