"""Text no store can hold, from every reader: read with U+FFFD in its place, stored, the ingest goes on.

A lone surrogate (a JSON ``"\\ud800"`` escape) cannot be encoded as UTF-8, and
stopped an ingest at the content hash; a NUL (a JSON ``"\\u0000"`` escape, one
deep inside a text file or page, one in a WARC header) is valid UTF-8 but
PostgreSQL text refuses it, and stopped a PostgreSQL ingest with a DataError.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from crosswire.engine import Engine
from crosswire.sources.parquet import arrow_schema
from crosswire.store import Store, open_store
from store.conftest import postgres_server, postgres_url  # noqa: F401  (fixtures: a real PostgreSQL server)

RECORD_NUL = (
    "The night ferry to Aldmoor ran late on Friday after a gull nested on its radar mast, the harbour office said."
)
RECORD_SURROGATE = (
    "Kestrel Bridge reopened to lorries on Tuesday after six weeks of repairs to its eastern span, the council said."
)
CAPTURE = (
    "Portvale's library lent 2,400 books in March, twice as many as a year before, its keeper told the town council. "
)
PAGE = "Volunteers in Aldmoor planted 1,200 oak saplings along the river on Sunday, the third such day this winter. "
WARC = "The Kestrel market hall will close for a month from May while its roof is mended, the market trust said. "
PARQUET = "A storm cut power to 3,000 homes in the Portvale hills overnight; crews had restored most of it by noon."


def _warc(uri: bytes, html: bytes) -> bytes:
    payload = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html
    head = (
        b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:5a1e>\r\nWARC-Date: 2026-11-12T10:00:00Z\r\n"
        b"WARC-Target-URI: " + uri + b"\r\nContent-Type: application/http; msgtype=response\r\n"
    )
    return head + b"Content-Length: %d\r\n\r\n" % len(payload) + payload + b"\r\n\r\n"


def _page(title: str, sentence: str, late: str) -> str:
    paragraphs = "".join(f"<p>{sentence} (part {n})</p>" for n in range(60))  # well past the first 4 KB
    return f"<html><head><title>{title}</title></head><body><article>{paragraphs}<p>{late}</p></article></body></html>"


def _inputs(folder: Path) -> Path:
    folder.mkdir()
    records = [
        {"id": "nul\u0000id", "title": "Late\u0000ferry", "text": RECORD_NUL + " \u0000 end"},
        {"id": "surrogate", "title": "Bridge \ud800", "text": RECORD_SURROGATE + " \ud800 end"},
    ]
    (folder / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="ascii")
    (folder / "capture.txt").write_text("Library lends more\n\n" + CAPTURE * 45 + "\x00 and more.\n", encoding="utf-8")
    (folder / "page.html").write_text(_page("Oaks planted", PAGE, "late \x00 NUL"), encoding="utf-8")
    warc_page = _page("Market hall shuts", WARC, "last paragraph").encode()
    (folder / "crawl.warc").write_bytes(_warc(b"https://kestrel.example/market\x00hall", warc_page))
    row = {"seq": 0, "id": "storm\u0000", "kind": "record", "origin": "batch.jsonl:1", "text": PARQUET + "\u0000"}
    pq.write_table(pa.Table.from_pylist([{**row, "is_article": True}], schema=arrow_schema()), folder / "b.parquet")
    return folder


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    location = str(tmp_path / "s.db") if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    opened = open_store(location)
    try:
        yield opened
    finally:
        opened.close()


def test_nul_and_lone_surrogates_from_every_reader_are_stored_as_replacement_characters(
    tmp_path: Path, store: Store
) -> None:
    report = Engine(store, stages=[]).ingest([str(_inputs(tmp_path / "in"))])
    assert report.errors == [] and report.ingested == 6
    stored = {item.article.id: item.article for item in store.iter_articles()}
    assert set(stored) == {
        "nul\ufffdid",
        "surrogate",
        "capture.txt",
        "page.html",
        "https://kestrel.example/market\ufffdhall",
        "storm\ufffd",
    }
    assert stored["nul\ufffdid"].text == RECORD_NUL + " \ufffd end" and stored["nul\ufffdid"].title == "Late\ufffdferry"
    assert stored["surrogate"].text == RECORD_SURROGATE + " \ufffd end" and stored["surrogate"].title == "Bridge \ufffd"
    assert "\ufffd and more." in stored["capture.txt"].text
    assert "late \ufffd NUL" in stored["page.html"].text
    assert stored["storm\ufffd"].text == PARQUET + "\ufffd"
    for article in stored.values():
        assert "\x00" not in article.text + article.id + article.origin + (article.title or "")


def test_a_file_whose_name_is_not_utf8_is_one_error_naming_its_bytes_and_the_rest_is_stored(tmp_path: Path) -> None:
    """Python keeps such a name's bytes as lone surrogates ("caf\\udce9.txt"), which
    reached the article's id and stopped the ingest with UnicodeEncodeError."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text("Library lends more\n\n" + CAPTURE * 3, encoding="utf-8")
    latin1_name = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
    with open(latin1_name, "w", encoding="utf-8") as handle:
        handle.write("Oaks planted\n\n" + PAGE * 3)
    for name in (b"p\xff.parquet", b"r\xfc.jsonl"):
        with open(os.path.join(os.fsencode(folder), name), "wb") as handle:
            handle.write(b"anything")
    store = open_store(tmp_path / "s.db")
    try:
        report = Engine(store, stages=[]).ingest([str(folder), os.fsdecode(latin1_name)])
        ids = [item.article.id for item in store.iter_articles()]
    finally:
        store.close()
    assert report.ingested == 1 and ids == ["ok.txt"]
    problem = "the file name is not valid UTF-8: rename the file (or its folder)"
    shown = [f"{folder}/caf\\xe9.txt", f"{folder}/p\\xff.parquet", f"{folder}/r\\xfc.jsonl", f"{folder}/caf\\xe9.txt"]
    assert report.errors == [{"path": path, "error": problem} for path in shown]
