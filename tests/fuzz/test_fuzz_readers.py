"""Every reader, on any bytes: captures (or articles) or a clean InputError naming the item.

Each example writes its input to a fresh folder and reads it with the reader
``iter_sources`` picks for the name, exactly as an ingest does.  The expected
outcome is spelled out where the format allows it (a page is read whole, a
JSONL line is one item), not only "no exception".
"""

from __future__ import annotations

import codecs
import gzip
import re
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from fuzz_strategies import (
    URLS,
    any_str,
    gzip_variants,
    html_bytes,
    json_escaped_line,
    json_line,
    json_value,
    news_text,
    odd_text,
)
from fuzzing import bounded, budget, check_items, known_bugs_rejected, long_reader_total, read_all, scratch
from hypothesis import given
from hypothesis import strategies as st

from crosswire.errors import InputError
from crosswire.model import Article, Capture
from crosswire.sources import iter_sources, reader_for
from crosswire.sources.feeds import read_feed
from crosswire.sources.jsonl import read_jsonl
from crosswire.sources.pages import read_capture, read_html
from crosswire.sources.parquet import arrow_schema, read_parquet
from crosswire.sources.warc import read_warc


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


# -- saved pages and text captures ---------------------------------------------------------------------------------


@budget("html_bytes")
@given(data=html_bytes, name=st.sampled_from(["page.html", "page.htm", "PAGE.HTML"]))
def test_html_page_is_read_whole_or_refused(data: bytes, name: str) -> None:
    with bounded("html_bytes"), scratch() as folder:
        path = _write(folder, name, data)
        items = check_items(read_all(read_html, path), path)
        assert len(items) == 1
        (item,) = items
        if not data.strip():
            assert isinstance(item, InputError) and item.problem == "file is empty"
        elif b"\x00" in data[:4096]:
            assert isinstance(item, InputError) and "NUL" in item.problem
        else:
            assert isinstance(item, Capture) and item.content == data and item.kind == "html"
            assert item.id == path.name


@budget("html_gz")
@given(st.data())
def test_gzipped_page_is_read_whole_or_refused(data: st.DataObject) -> None:
    page = data.draw(html_bytes, label="page")
    packed, whole = data.draw(gzip_variants(page) | st.binary(max_size=200).map(lambda b: (b, False)), label="gz")
    with bounded("html_gz"), scratch() as folder:
        path = _write(folder, "page.html.gz", packed)
        (item,) = check_items(read_all(read_html, path), path)
        if isinstance(item, Capture):
            assert item.id == "page.html"
            if whole:
                assert item.content == page
        else:
            assert not whole or not page.strip() or b"\x00" in page[:4096], item


def _expected_capture_text(data: bytes) -> str | None:
    if not data.strip() or b"\x00" in data[:4096]:
        return None
    try:
        return data.decode("utf-8-sig").replace("\x00", "\ufffd")  # a NUL past the first 4 KB
    except UnicodeDecodeError:
        return None


@budget("capture_bytes")
@given(data=st.binary(max_size=3000) | html_bytes, gz=st.booleans())
def test_text_capture_decodes_utf8_or_names_the_byte(data: bytes, gz: bool) -> None:
    with bounded("capture_bytes"), scratch() as folder:
        path = _write(folder, "cap.txt.gz" if gz else "cap.txt", gzip.compress(data, mtime=0) if gz else data)
        (item,) = check_items(read_all(read_capture, path), path)
        expected = _expected_capture_text(data)
        if expected is None:
            assert isinstance(item, InputError)
            if data.strip() and b"\x00" not in data[:4096]:
                start = 3 if data.startswith(codecs.BOM_UTF8) else 0
                try:
                    data[start:].decode("utf-8")
                except UnicodeDecodeError as error:
                    assert item.problem.startswith(f"invalid UTF-8 at byte {error.start + start}:"), item
        else:
            assert isinstance(item, Capture) and item.content == expected and item.kind == "capture"


@budget("capture_text")
@given(text=odd_text | news_text, bom=st.booleans())
def test_text_capture_of_any_unicode_comes_back_unchanged(text: str, bom: bool) -> None:
    data = (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")
    with bounded("capture_text"), scratch() as folder:
        path = _write(folder, "cap.txt", data)
        (item,) = check_items(read_all(read_capture, path), path)
        expected = _expected_capture_text(data)
        assert (item.content if isinstance(item, Capture) else None) == expected


@budget("capture_surrogates")
@given(before=odd_text, surrogate=st.integers(0xD800, 0xDFFF), after=odd_text)
def test_encoded_lone_surrogate_is_invalid_utf8(before: str, surrogate: int, after: str) -> None:
    """A lone surrogate cannot be in valid UTF-8; its encoded bytes must be refused, never decoded."""
    data = (before + chr(surrogate) + after).encode("utf-8", "surrogatepass")
    with bounded("capture_surrogates"), scratch() as folder:
        path = _write(folder, "cap.txt", data)
        (item,) = check_items(read_all(read_capture, path), path)
        assert isinstance(item, InputError)
        assert "NUL" in item.problem or item.problem.startswith("invalid UTF-8 at byte"), item


# -- JSONL ---------------------------------------------------------------------------------------------------------

#: Past about 1,000 levels ``json.loads`` raises RecursionError, which the reader
#: turns into one error for the line (``test_fuzz_known_bugs.py`` has the reproducer).
MAX_JSON_DEPTH = 3000

record = st.fixed_dictionaries(
    {},
    optional={
        "id": json_value,
        "text": any_str | news_text | json_value,
        "html": any_str | json_value,
        "title": any_str | json_value,
        "source": any_str,
        "publisher": any_str | json_value,
        "author": any_str,
        "published": any_str | st.sampled_from(["2026-11-12", "2026-02-30", "12/11/2026", "yesterday"]),
        "url": st.sampled_from(URLS) | any_str,
        "language": any_str,
    },
)
jsonl_line = (
    record.map(json_line)
    | record.map(json_escaped_line)  # "\\ud800" escapes: lone surrogates, replaced by U+FFFD
    | json_value.map(json_line)
    | st.binary(max_size=120).map(lambda b: b.replace(b"\n", b" "))
    | st.integers(1, MAX_JSON_DEPTH).map(lambda depth: b"[" * depth + b"]" * depth)
    | st.integers(1, MAX_JSON_DEPTH).map(lambda depth: b'{"a":' * depth + b"1" + b"}" * depth)
    | st.just(b"")
    | st.just(b"   \t")
)


def _nonblank_lines(data: bytes) -> list[bytes]:
    lines = data.split(b"\n")
    if lines and lines[0].startswith(codecs.BOM_UTF8):
        lines[0] = lines[0][3:]
    if lines and lines[-1] == b"":
        lines.pop()
    return lines


@budget("jsonl_lines")
@given(lines=st.lists(jsonl_line, max_size=8), newline=st.sampled_from([b"\n", b"\r\n"]), bom=st.booleans())
def test_jsonl_gives_one_item_per_nonblank_line(lines: list[bytes], newline: bytes, bom: bool) -> None:
    data = (codecs.BOM_UTF8 if bom else b"") + newline.join(lines)
    with bounded("jsonl_lines"), scratch() as folder:
        path = _write(folder, "records.jsonl", data)
        items = check_items(read_all(read_jsonl, path), path)
        numbered = [(n, line) for n, line in enumerate(_nonblank_lines(data), start=1) if line.strip()]
        if not numbered:
            assert [(i.origin, i.problem) for i in items] == [(str(path), "file is empty")]
            return
        if b"\x00" in numbered[0][1] and numbered[0][0] == 1:
            assert [i.problem for i in items] == ["binary content (NUL bytes), not text"]
            return
        assert [item.origin for item in items] == [f"{path}:{n}" for n, _ in numbered]
        for item in items:
            if isinstance(item, Capture):
                assert item.kind in ("record", "html")
                assert isinstance(item.content, bytes | str) and item.content


@budget("jsonl_surrogates")
@given(before=odd_text, surrogate=st.integers(0xD800, 0xDFFF), after=odd_text, field=st.sampled_from(["text", "title"]))
def test_jsonl_escaped_lone_surrogate_becomes_a_replacement_character(
    before: str, surrogate: int, after: str, field: str
) -> None:
    """``"\\ud800"`` in a JSON string is a lone surrogate once decoded: the record is read with U+FFFD there."""
    value = before + chr(surrogate) + after
    record = {"id": "r", "text": value} if field == "text" else {"id": "r", "text": "Quay", "title": value}
    with bounded("jsonl_surrogates"), scratch() as folder:
        path = _write(folder, "records.jsonl", json_escaped_line(record))
        (item,) = check_items(read_all(read_jsonl, path), path)
        assert isinstance(item, Capture)
        got = item.content if field == "text" else item.hints.title
        assert got == (before + "\ufffd" + after).replace("\x00", "\ufffd")  # a "\\u0000" escape too


@budget("jsonl_gz")
@given(st.data())
def test_gzipped_jsonl_keeps_what_was_read_before_damage(data: st.DataObject) -> None:
    lines = data.draw(st.lists(jsonl_line, max_size=5), label="lines")
    packed, _ = data.draw(gzip_variants(b"\n".join(lines)), label="gz")
    with bounded("jsonl_gz"), scratch() as folder:
        path = _write(folder, "records.jsonl.gz", packed)
        check_items(read_all(read_jsonl, path), path)


# -- WARC ----------------------------------------------------------------------------------------------------------


def _warc_record(kind: str, uri: str | None, payload: bytes, length: int, packed: bool) -> bytes:
    head = f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{abs(hash(payload)):032x}>\r\n"
    head += "WARC-Date: 2026-11-12T10:00:00Z\r\n"
    if uri is not None:
        head += f"WARC-Target-URI: {uri}\r\n"
    head += f"Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n"
    raw = head.encode("utf-8", "surrogatepass") + payload + b"\r\n\r\n"
    return gzip.compress(raw, mtime=0) if packed else raw


@st.composite
def warc_records(draw: st.DrawFn) -> bytes:
    status = draw(st.sampled_from(["200 OK", "404 Not Found", "301 Moved", "200", "abc", ""]))
    content_type = draw(st.sampled_from(["text/html; charset=utf-8", "application/pdf", "", "TEXT/HTML", "x"]))
    body = draw(html_bytes)
    http = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n".encode() + body
    payload = draw(st.just(http) | st.binary(max_size=200))
    delta = draw(st.sampled_from([0, 0, 0, -1, 1, -50, 7]) | st.sampled_from([10**12, 2**63 - 1, 51_000_000]))
    length = max(0, len(payload) + delta) if abs(delta) < 1000 else delta
    kind = draw(st.sampled_from(["response", "response", "warcinfo", "request", "resource", "metadata", "bogus"]))
    uri = draw(st.none() | st.sampled_from(URLS) | any_str.map(lambda s: s.replace("\r", "").replace("\n", "")))
    return _warc_record(kind, uri, payload, length, draw(st.booleans()))


@budget("warc_records")
@given(st.data())
def test_warc_of_damaged_records_reads_or_reports(data: st.DataObject) -> None:
    records = data.draw(st.lists(warc_records(), max_size=4), label="records")
    raw = b"".join(records)
    mutation = data.draw(st.sampled_from(["none", "cut", "flip", "junk"]), label="mutation")
    if raw and mutation == "cut":
        raw = raw[: data.draw(st.integers(0, len(raw) - 1), label="cut at")]
    elif raw and mutation == "flip":
        at = data.draw(st.integers(0, len(raw) - 1), label="flip at")
        raw = raw[:at] + bytes([raw[at] ^ data.draw(st.integers(1, 255), label="xor")]) + raw[at + 1 :]
    elif mutation == "junk":
        raw += data.draw(st.binary(min_size=1, max_size=64), label="junk")
    name = data.draw(st.sampled_from(["crawl.warc.gz", "crawl.warc"]), label="name")
    with bounded("warc_records"), scratch() as folder:
        path = _write(folder, name, raw)
        items = check_items(read_all(read_warc, path), path)
        for item in items:
            if isinstance(item, Capture):
                assert item.kind == "html" and item.origin == f"{path}#{item.id}"


@budget("warc_bytes")
@given(raw=st.binary(max_size=2000), packed=st.booleans())
def test_warc_of_random_bytes_is_refused(raw: bytes, packed: bool) -> None:
    with bounded("warc_bytes"), scratch() as folder:
        path = _write(folder, "x.warc.gz", gzip.compress(raw, mtime=0) if packed else raw)
        items = check_items(read_all(read_warc, path), path)
        assert items and all(isinstance(item, InputError) for item in items)


# -- RSS and Atom --------------------------------------------------------------------------------------------------

ENTITY_DECLS = (
    "",
    '<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>',
    '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd"> %remote;]>',
    '<!DOCTYPE feed SYSTEM "http://127.0.0.1:9/feed.dtd">',
)
ENTITY_USES = ("", "&lol3;", "&xxe;", "&amp;", "&nbsp;", "&#0;", "&#xD800;", "&#x110000;", "&#99999999;", "&undefined;")
#: Characters XML cannot hold (lxml refuses them), which a feed reader must not pass on.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


@st.composite
def feed_documents(draw: st.DrawFn) -> bytes:
    items = []
    for _ in range(draw(st.integers(0, 3))):
        title = _xml_text(draw(odd_text | news_text))
        link = _xml_text(draw(st.sampled_from(URLS) | any_str.map(lambda s: s.encode("utf-8", "replace").decode())))
        body = draw(news_text | odd_text) * draw(st.integers(1, 6))
        body = draw(st.sampled_from([f"<![CDATA[<p>{body}</p>]]>", _xml_text(body)]))
        use = draw(st.sampled_from(ENTITY_USES))
        date = draw(st.sampled_from(["Tue, 12 Nov 2026 10:00:00 GMT", "2026-11-12T10:00:00Z", "31 Feb 99", ""]))
        items.append((title, link, body + use, date))
    atom = draw(st.booleans())
    if atom:
        entries = "".join(
            f'<entry><title>{t}</title><link href="{lk}"/><id>{lk}</id><updated>{d}</updated>'
            f'<content type="html">{b}</content></entry>'
            for t, lk, b, d in items
        )
        document = f'<feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger</title>{entries}</feed>'
    else:
        entries = "".join(
            f"<item><title>{t}</title><link>{lk}</link><pubDate>{d}</pubDate><description>{b}</description></item>"
            for t, lk, b, d in items
        )
        document = f'<rss version="2.0"><channel><title>Ledger</title>{entries}</channel></rss>'
    declaration = draw(st.sampled_from(['<?xml version="1.0"?>', '<?xml version="1.0" encoding="utf-16"?>', ""]))
    text = declaration + draw(st.sampled_from(ENTITY_DECLS)) + document
    if draw(st.booleans()):  # damage: cut off or an insertion
        at = draw(st.integers(0, len(text)))
        text = text[:at] + (draw(odd_text) if draw(st.booleans()) else "")
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "latin-1", "utf-16"]))
    return text.encode(encoding, "replace")


@budget("feed_xml")
@given(document=feed_documents(), name=st.sampled_from(["feed.xml", "feed.rss", "feed.atom", "feed.xml.gz"]))
def test_feed_items_or_a_refusal(document: bytes, name: str) -> None:
    with bounded("feed_xml", seconds=10), scratch() as folder:
        path = _write(folder, name, gzip.compress(document, mtime=0) if name.endswith(".gz") else document)
        with known_bugs_rejected():
            items = check_items(read_all(read_feed, path), path)
        for item in items:
            if isinstance(item, Capture):
                assert item.kind == "record" and isinstance(item.content, str)
                for text in (item.content, item.id, item.hints.title, item.hints.author, item.hints.publisher):
                    assert text is None or not _NOT_XML.search(text), text
                assert item.content.count("lol") < 1000, "an entity was expanded"
                assert "root:" not in item.content, "an external entity was read"


@budget("feed_bytes")
@given(raw=(st.binary(max_size=2000) | html_bytes))
def test_feed_of_random_bytes_is_refused_or_read(raw: bytes) -> None:
    with bounded("feed_bytes", seconds=10), scratch() as folder:
        path = _write(folder, "feed.xml", raw)
        with known_bugs_rejected():
            check_items(read_all(read_feed, path), path)


# -- Parquet (crosswire batch output) ------------------------------------------------------------------------------

#: Annotations JSON as a batch file may hold it, damaged: JSON that is not an
#: object, a "frame" that is not one, "\\ud800" escapes.
annotations_json = (
    st.fixed_dictionaries(
        {},
        optional={
            "entities": json_value,
            "quantities": json_value,
            "dates": json_value,
            "quotes": json_value,
            "sentences": json_value,
            "frame": st.dictionaries(st.sampled_from(["who", "what", "where", "nope"]), json_value, max_size=3)
            | json_value,
        },
    )
    | json_value
)
annotations_text = annotations_json.map(lambda v: json_line(v).decode("utf-8", "replace")) | annotations_json.map(
    lambda v: json_escaped_line(v).decode("ascii")
)

row = st.fixed_dictionaries(
    {
        "seq": st.none() | st.integers(-(2**63), 2**63 - 1),
        "id": st.none() | any_str.map(lambda s: s.encode("utf-8", "replace").decode()),
        "kind": st.sampled_from(["html", "capture", "record", "bogus", ""]) | st.none(),
        "origin": st.none() | st.just("in.jsonl:1"),
        "text": st.none() | news_text,
        "is_article": st.none() | st.booleans(),
        "annotations": st.none()
        | annotations_text
        | st.sampled_from(['{"entities": [{"text": "Portvale", "label": "GPE", "start": 0, "end": 8}]}', "{}"])
        | st.sampled_from(['{"entities": [{}]}', '{"sentences": [[1]]}', '{"entities": 5}', "{", "", "nul\x00"]),
        "error": st.none() | st.just("malformed JSON"),
    }
)


@budget("parquet_rows")
@given(parts=st.lists(st.lists(row, max_size=5), min_size=1, max_size=3))
def test_parquet_rows_become_articles_or_errors(parts: list[list[dict[str, object]]]) -> None:
    with bounded("parquet_rows"), scratch() as folder:
        for number, rows in enumerate(parts):
            pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema()), folder / f"part-{number}.parquet")
        items = list(_read_parquet_folder(folder))
        assert all(isinstance(item, Article | InputError) for item in items)
        assert len(items) == sum(len(rows) for rows in parts)


def _read_parquet_folder(folder: Path) -> list[Article | InputError]:
    items: list[Article | InputError] = []
    try:
        items.extend(read_parquet(folder))
    except InputError as error:
        items.append(error)
    return items


@budget("parquet_bytes")
@given(raw=st.binary(max_size=1000), cut=st.integers(0, 4000))
def test_parquet_of_random_or_cut_bytes_is_refused(raw: bytes, cut: int) -> None:
    with bounded("parquet_bytes"), scratch() as folder:
        good = folder / "good.parquet"
        pq.write_table(
            pa.Table.from_pylist([{"seq": 0, "id": "a", "kind": "record", "text": "t"}], arrow_schema()), good
        )
        data = good.read_bytes()
        path = _write(folder, "bad.parquet", (data[:cut] + raw) if cut < len(data) else raw)
        good.unlink()
        items = check_items(read_all(read_parquet, path), path, names_path=False)
        assert all(isinstance(item, Article | InputError) for item in items)


# -- dispatch over a folder of anything ----------------------------------------------------------------------------

NAMES = (
    "a.html",
    "b.htm.gz",
    "c.txt",
    "d.jsonl",
    "e.jsonl.gz",
    "f.warc",
    "g.warc.gz",
    "h.xml",
    "i.rss",
    "j.atom",
    "k.parquet",
    "l.pdf",
    "m",
    ".hidden",
    "README.md",
    "n.TXT",
    "o.xml.gz",
    "caf\udce9.txt",
    "p\udcff.parquet",
)  # fmt: skip  (the last two: names that are not UTF-8)


@budget("sources_dir")
@given(files=st.dictionaries(st.sampled_from(NAMES), (st.binary(max_size=500) | html_bytes), max_size=6))
def test_any_folder_reads_to_items_or_errors(files: dict[str, bytes]) -> None:
    with bounded("sources_dir"), scratch() as folder:
        for name, data in files.items():
            _write(folder, name, data)
        with known_bugs_rejected():
            items = check_items(iter_sources([folder, folder / "missing.html"]), folder)
        assert isinstance(items[-1], InputError) and items[-1].problem == "no such file or directory"
        for name in files:
            if reader_for(Path(name)) is None and not name.startswith(".") and name != "README.md":
                assert any(isinstance(i, InputError) and i.origin.endswith(name) for i in items), name


def test_long_profile_reads_at_least_100000_examples() -> None:
    """What conftest.py promises of ``HYPOTHESIS_PROFILE=long``."""
    assert long_reader_total() >= 100_000
