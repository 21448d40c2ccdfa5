"""Write the kept corpus of hostile inputs (``corpus/``); deterministic, run it again after a change.

    .venv/bin/python tests/fuzz/make_corpus.py

Every text here was written for this corpus.  The files stay small: the
"bombs" decompress to a few megabytes, and the corpus test lowers the limits
(``CROSSWIRE_MAX_ITEM_BYTES``, ``CROSSWIRE_MAX_FILE_BYTES``) so they still
cross them.
"""

from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from crosswire.sources.parquet import arrow_schema

CORPUS = Path(__file__).parent / "corpus"

STORY = (
    "Harbour pilots in Portvale guided 31 cargo ships past the damaged breakwater on Thursday, the port authority "
    "said, after a storm tore a gap of about 40 metres in the outer wall. Repairs are due to start next week. "
)
OTHER = (
    "The Aldmoor library reopened its reading room on Saturday after two years of work on the roof, and the city "
    "council said that 1,200 visitors came through its doors before noon. "
)


def _gzip_stream(parts: list[bytes], repeat_last: int = 1) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = [packer.compress(part) for part in parts[:-1]]
    out += [packer.compress(parts[-1]) for _ in range(repeat_last)]
    return b"".join(out) + packer.flush()


def _warc(headers: dict[str, str], payload: bytes, length: int | None = None, packed: bool = True) -> bytes:
    head = "WARC/1.1\r\n" + "".join(f"{key}: {value}\r\n" for key, value in headers.items())
    head += f"Content-Length: {len(payload) if length is None else length}\r\n\r\n"
    raw = head.encode() + payload + b"\r\n\r\n"
    return gzip.compress(raw, mtime=0) if packed else raw


def _response(uri: str, body: str, number: int, length: int | None = None, packed: bool = True) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body.encode()
    headers = {
        "WARC-Type": "response",
        "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{number:012d}>",
        "WARC-Date": "2026-11-12T10:00:00Z",
        "WARC-Target-URI": uri,
        "Content-Type": "application/http; msgtype=response",
    }
    return _warc(headers, http, length, packed)


def _page(title: str, text: str, extra_head: str = "") -> str:
    return (
        f"<html><head><title>{title}</title>{extra_head}</head><body><article><h1>{title}</h1>"
        f"<p>{text}</p><p>{text}</p></article></body></html>"
    )


def _feed(items: str, declaration: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?>{declaration}<rss version="2.0"><channel><title>Portvale Ledger'
        f"</title>{items}</channel></rss>"
    ).encode()


def _item(link: str, text: str, title: str = "Breakwater repairs", after: str = "") -> str:
    return (
        f"<item><title>{title}</title><link>{link}</link><pubDate>Thu, 12 Nov 2026 09:00:00 GMT</pubDate>"
        f"<description><![CDATA[<p>{text}</p><p>{text}</p>]]>{after}</description></item>"
    )


def build() -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    # gzip bombs, small: 4 MB of one byte each, refused at the lowered 1 MB cap.
    files["bomb-nul.html.gz"] = _gzip_stream([b"\0" * (1 << 20)], repeat_last=4)
    files["bomb-spaces.jsonl.gz"] = _gzip_stream(
        [json.dumps({"id": "before-bomb", "text": STORY}).encode() + b"\n", b" " * (1 << 20)], repeat_last=4
    )
    files["bomb-page.txt.gz"] = _gzip_stream([(STORY * 40).encode()], repeat_last=1)  # fine: 8 KB of text
    files["corrupt.html.gz"] = gzip.compress(_page("Cut", STORY).encode(), mtime=0)[:-30]
    # WARC: cut off mid-record; a record claiming 10 GB (compressed and plain); random bytes.
    good = _response("https://ledger.example/breakwater", _page("Breakwater", STORY), 1)
    second = _response("https://ledger.example/library", _page("Library", OTHER), 2)
    files["truncated.warc.gz"] = good + second[: len(second) // 2]
    files["huge-length.warc.gz"] = good + _response("https://ledger.example/huge", "<p>x</p>", 3, length=10**10)
    files["huge-length.warc"] = _response("https://ledger.example/huge-plain", "<p>x</p>", 4, 10**10, packed=False)
    files["not-a-warc.warc.gz"] = bytes(range(256)) * 4
    files["negative-length.warc"] = _response("https://ledger.example/neg", "<p>x</p>", 5, length=-5, packed=False)
    # JSONL: malformed lines, invalid UTF-8, NULs, hostile links, deep nesting, a lone surrogate escape.
    lines = [
        json.dumps({"id": "ok-1", "text": STORY, "url": "https://ledger.example/ok-1"}),
        '{"id": "broken", "text": ',
        '["an", "array", "not", "a", "record"]',
        json.dumps({"id": "js-1", "text": OTHER, "url": "javascript:alert(document.cookie)"}),
        json.dumps({"id": "js-2", "text": OTHER + " Second copy.", "url": " JaVaScRiPt:alert(1)"}),
        json.dumps({"id": "js-3", "text": OTHER + " Third copy.", "url": "java\tscript://%0aalert(1)"}),
        json.dumps({"id": 7, "text": ["not", "a", "string"]}),
        json.dumps({"id": "no-text", "title": "Only a title"}),
        "",
        "   ",
        '{"id": "dup-key", "text": "a", "text": "b"}',
        "NaN",
        '{"id": "big-number", "text": "' + STORY + '", "n": 1e999999}',
    ]
    files["malformed.jsonl"] = ("\r\n".join(lines) + "\n").encode()
    files["invalid-utf8.jsonl"] = (
        json.dumps({"id": "good", "text": STORY}).encode()
        + b"\n"
        + b'{"id": "latin", "text": "caf\xe9 \xff\xfe broken"}\n'
        + json.dumps({"id": "after", "text": OTHER}).encode()
        + b"\n"
    )
    files["nul-line.jsonl"] = json.dumps({"id": "first", "text": STORY}).encode() + b'\n{"id": "n\x00ul"}\n'
    files["utf16.jsonl"] = ('{"id": "wide", "text": "' + STORY + '"}\n').encode("utf-16")
    files["deep-nesting.jsonl"] = json.dumps({"id": "fine", "text": STORY}).encode() + b"\n" + b"[" * 50_000 + b"\n"
    files["lone-surrogate.jsonl"] = b'{"id": "surrogate", "text": "' + STORY.encode() + b'\\ud800 and more."}\n'
    # Pages and captures.
    latin = _page(
        "Caf\u00e9 reopens", OTHER.replace("library", "caf\u00e9 and cr\u00e8perie"), '<meta charset="utf-16">'
    )
    files["declares-utf16-is-latin1.html"] = latin.encode("latin-1")
    files["nul.html"] = b"<html><body><p>" + STORY.encode() + b"\x00\x00\x00</p></body></html>"
    files["pdf-named.html"] = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    files["nested-divs.html"] = (
        "<html><head><title>Nested</title></head><body>" + "<div>" * 5000 + f"<p>{STORY}</p>" + "</div>" * 5000
        + "</body></html>"
    ).encode()  # fmt: skip
    files["javascript-canonical.html"] = _page(
        "Breakwater repairs begin",
        STORY,
        '<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="JAVASCRIPT:alert(2)">',
    ).encode()
    files["empty.html"] = b""
    files["whitespace.txt"] = b" \n\t\r\n  "
    files["nul.txt"] = b"Portvale Ledger\n\x00\x00binary\x00"
    files["invalid-utf8.txt"] = b"Portvale Ledger\n\n" + STORY.encode() + b"\xc3\x28 \xed\xa0\x80 end"
    files["bom-only.txt"] = b"\xef\xbb\xbf"
    files["long-line.txt.gz"] = _gzip_stream([STORY.replace(". ", ", ").encode()], repeat_last=6000)
    files["rtl-combining.txt"] = (
        "Portvale Ledger\n\n"
        "\u202eThe mayor of Portvale\u202c said on Friday that 12 ferries would run again from Monday, "
        "and that the caf\u0065\u0301 by the quay, run by Zo\u0065\u0308 Ma\u0301rquez, would reopen. "
        "\u05e9\u05dc\u05d5\u05dd and \u0645\u0631\u062d\u0628\u0627 were painted on the harbour wall by "
        "children from both schools, the council said in a statement.\n"
    ).encode()
    # Feeds: entity expansion and external entities, javascript: links, garbage.
    laughs = "".join(f'<!ENTITY lol{n} "{"".join(f"&lol{n - 1};" for _ in range(10))}">' for n in range(1, 10))
    files["billion-laughs.xml"] = _feed(
        _item("https://ledger.example/laughs", STORY + " &lol9;"),
        f'<!DOCTYPE rss [<!ENTITY lol0 "lol">{laughs}]>',
    )
    files["xxe-file.rss"] = _feed(
        _item("https://ledger.example/xxe", STORY + " &xxe;"),
        '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    )
    files["xxe-remote.xml"] = _feed(
        _item("https://ledger.example/remote", OTHER),
        '<!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>',
    )
    files["javascript-links.rss"] = _feed(
        _item("javascript:alert(1)", STORY, "Script link")
        + _item("  JaVaScRiPt:alert(2)", OTHER, "Mixed case link")
        + _item("data:text/html,<script>alert(3)</script>", OTHER + " Data link.", "Data link")
    )
    files["script-in-atom.atom"] = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger</title><entry><title>&lt;script&gt;alert(1)'
        '&lt;/script&gt;</title><link href="javascript:alert(1)"/><id>urn:x:1</id>'
        f'<updated>2026-11-12T10:00:00Z</updated><content type="html">&lt;img src=x onerror=alert(1)&gt;'
        f"&lt;p&gt;{STORY}&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt;</content></entry></feed>"
    ).encode()
    files["surrogate-charref.xml"] = _feed(_item("https://ledger.example/charref", STORY, after="&#xD800;"))
    files["out-of-range-charref.rss"] = _feed(_item("https://ledger.example/range", STORY, after="&#x110000;"))
    files["noncharacter-charref.xml"] = _feed(_item("https://ledger.example/nonchar", STORY, after="&#65535;"))
    files["not-a-feed.xml"] = b"<html><body>not a feed</body></html>"
    files["truncated-feed.xml.gz"] = gzip.compress(_feed(_item("https://ledger.example/t", STORY)), mtime=0)[:-12]
    # Parquet: garbage, and rows a batch run would never write.
    files["garbage.parquet"] = b"PAR1" + bytes(range(200)) + b"PAR1"
    files["unknown-type.docx"] = b"PK\x03\x04 not really a document"
    return files


def _parquet(rows: list[dict[str, object]]) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema()), sink)
    return bytes(sink.getvalue().to_pybytes())


def parquet_files() -> dict[str, bytes]:
    row = {"seq": 0, "id": "pq-1", "kind": "record", "origin": "batch.jsonl:1", "text": STORY, "is_article": True}
    return {
        "null-seq.parquet": _parquet([row, {**row, "id": "pq-2", "seq": None}]),
        "list-annotations.parquet": _parquet([{**row, "id": "pq-3", "annotations": "[]"}]),
        "bad-kind.parquet": _parquet([{**row, "id": "pq-4", "kind": "video"}, {**row, "seq": 1, "annotations": "{"}]),
    }


def main() -> None:
    CORPUS.mkdir(exist_ok=True)
    files = {**build(), **parquet_files()}
    for name, data in sorted(files.items()):
        (CORPUS / name).write_bytes(data)
    total = sum(len(data) for data in files.values())
    print(f"{len(files)} files, {total:,} bytes in {CORPUS}")


if __name__ == "__main__":
    main()
