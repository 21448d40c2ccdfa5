"""Every input format becomes captures; every bad input a specific error."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from crosswire.errors import InputError
from crosswire.model import Capture
from crosswire.sources import iter_sources
from crosswire.sources.feeds import html_fragment_to_text
from support import response, warcinfo

PARAGRAPH = "The harbour authority counted 212 vessels at anchor on Monday morning. " * 4


def _items(*paths: Path) -> list[Capture | InputError]:
    return [item for item in iter_sources(paths) if isinstance(item, Capture | InputError)]


def test_html_and_gz_pages_are_captured_by_base_name(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(f"<html><body><p>{PARAGRAPH}</p></body></html>")
    (tmp_path / "b.htm.gz").write_bytes(gzip.compress(b"<html><body><p>zipped</p></body></html>"))
    items = _items(tmp_path)
    assert [(i.id, i.kind) for i in items if isinstance(i, Capture)] == [("a.html", "html"), ("b.htm", "html")]
    assert b"zipped" in items[1].content  # type: ignore[union-attr,operator]


def test_text_capture_is_decoded(tmp_path: Path) -> None:
    (tmp_path / "cap.txt").write_text("Site | Nov 12, 2026\n\n" + PARAGRAPH, encoding="utf-8")
    (capture,) = _items(tmp_path / "cap.txt")
    assert isinstance(capture, Capture)
    assert capture.kind == "capture" and isinstance(capture.content, str)


def test_jsonl_records_use_their_own_ids_and_hints(tmp_path: Path) -> None:
    lines = [
        {"id": "r1", "source": "ledger.example", "url": "https://ledger.example/1", "title": "T1",
         "published": "2026-11-12", "text": PARAGRAPH},
        {"source": "ledger.example", "text": PARAGRAPH + " second"},
        {"id": "r3", "title": "With page", "html": f"<html><body><p>{PARAGRAPH}</p></body></html>"},
    ]  # fmt: skip
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    items = _items(path)
    assert all(isinstance(i, Capture) for i in items)
    first, second, third = items
    assert isinstance(first, Capture) and isinstance(second, Capture) and isinstance(third, Capture)
    assert first.id == "r1" and first.kind == "record"
    assert first.hints.publisher == "ledger.example" and first.hints.published == "2026-11-12"
    assert second.id == "records.jsonl#2"
    assert third.kind == "html" and third.hints.title == "With page"


def test_malformed_jsonl_line_is_an_error_and_the_rest_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"id": "ok1", "text": "fine text"}\n{"id": broken\n["not", "an", "object"]\n{"id": "ok2", "text": "x"}\n'
    )
    items = _items(path)
    errors = [i for i in items if isinstance(i, InputError)]
    assert [i.id for i in items if isinstance(i, Capture)] == ["ok1", "ok2"]
    assert [e.origin for e in errors] == [f"{path}:2", f"{path}:3"]
    assert "malformed JSON" in errors[0].problem
    assert "JSON object" in errors[1].problem


def test_warc_responses_become_html_captures_keyed_by_target_uri(tmp_path: Path) -> None:
    pages = [
        response(f"https://news.example/{n}", f"<html><body><p>{n} {PARAGRAPH}</p></body></html>", n + 1)
        for n in (1, 2)
    ]
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warcinfo() + b"".join(pages))
    items = _items(path)
    assert [i.id for i in items if isinstance(i, Capture)] == ["https://news.example/1", "https://news.example/2"]


def test_truncated_warc_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    pages = [response(f"https://news.example/{n}", f"<p>{n} {PARAGRAPH}</p>", n + 1) for n in (1, 2)]
    data = b"".join(pages)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(pages[0]) + len(pages[1]) // 2])
    items = _items(path)
    assert [i.id for i in items if isinstance(i, Capture)] == ["https://news.example/1"]
    (error,) = [i for i in items if isinstance(i, InputError)]
    assert error.origin == str(path) and "WARC" in error.problem


def test_rss_items_with_content_become_records(tmp_path: Path) -> None:
    body = "".join(f"<p>{PARAGRAPH}</p>" for _ in range(2))
    rss = f"""<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Harbor Ledger</title>
<item><title>Long item</title><link>https://ledger.example/long</link>
<pubDate>Thu, 12 Nov 2026 09:30:00 GMT</pubDate><content:encoded><![CDATA[{body}]]></content:encoded></item>
<item><title>Teaser only</title><link>https://ledger.example/teaser</link><description>Short.</description></item>
</channel></rss>"""
    path = tmp_path / "feed.xml"
    path.write_text(rss)
    (item,) = _items(path)
    assert isinstance(item, Capture)
    assert item.id == "https://ledger.example/long"
    assert item.hints.publisher == "Harbor Ledger"
    assert item.hints.published == "2026-11-12T09:30:00+00:00"
    assert isinstance(item.content, str) and "\n\n" in item.content and "<p>" not in item.content


def test_atom_feed_content_is_read(tmp_path: Path) -> None:
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Quay Post</title><id>urn:q</id><updated>2026-11-12T00:00:00Z</updated>
<entry><title>Entry</title><id>urn:e1</id><link href="https://quay.example/e1"/>
<updated>2026-11-13T08:00:00Z</updated><content type="html">&lt;p&gt;{PARAGRAPH}&lt;/p&gt;</content></entry></feed>"""
    path = tmp_path / "feed.atom"
    path.write_text(atom)
    (item,) = _items(path)
    assert isinstance(item, Capture) and item.id == "https://quay.example/e1" and item.hints.publisher == "Quay Post"
    assert item.hints.published == "2026-11-13T08:00:00+00:00"


def test_a_feed_items_date_keeps_the_zone_it_was_written_in(tmp_path: Path) -> None:
    # 21:10 on the 3rd in New York is 02:10 on the 4th in UTC: the item was published on the 3rd.
    body = "".join(f"<p>{PARAGRAPH}</p>" for _ in range(2))
    rss = f"""<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Brightfield Tribune</title><item><title>Late item</title><link>https://bright.example/late</link>
<pubDate>Tue, 03 Nov 2026 21:10:00 -0500</pubDate><content:encoded><![CDATA[{body}]]></content:encoded></item>
</channel></rss>"""
    path = tmp_path / "late.xml"
    path.write_text(rss)
    (item,) = _items(path)
    assert isinstance(item, Capture) and item.hints.published == "2026-11-03T21:10:00-05:00"


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.html", b"", "file is empty"),
        ("blank.txt", b"   \n\n", "file is empty"),
        ("binary.html", b"\x00\x01\x02\x03PNG" * 20, "binary content"),
        ("latin.txt", "caf\u00e9 d\u00e9j\u00e0".encode("latin-1"), "invalid UTF-8"),
        ("cut.html.gz", gzip.compress(b"<p>" + b"x" * 500 + b"</p>")[:20], "truncated gzip"),
        ("notes.pdf", b"%PDF-1.4", "unknown file type '.pdf'"),
        ("junk.warc", b"this is not a warc file at all", "WARC"),
        ("feed.xml", b"<html><body>not a feed</body></html>", "not an RSS or Atom feed"),
    ],
)
def test_bad_inputs_get_a_specific_error_naming_the_file(
    tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    (error,) = _items(path)
    assert isinstance(error, InputError)
    assert error.origin == str(path)
    assert problem in error.problem


def test_missing_path_is_reported(tmp_path: Path) -> None:
    (error,) = _items(tmp_path / "nowhere.html")
    assert isinstance(error, InputError) and "no such file" in error.problem


def test_fragment_to_text_keeps_paragraphs_apart() -> None:
    text = html_fragment_to_text("<p>One <b>bold</b> line.</p><p>Two.</p><ul><li>three</li></ul>")
    assert text.split("\n\n") == ["One bold line.", "Two.", "three"]
