"""Per-item limits in the readers: an item over a limit is one error naming it,
the items around it are still read, and nothing is inflated or held past the cap.

The limits are lowered through their environment variables so the bombs and
oversized items stay small enough for a quick test.
"""

from __future__ import annotations

import gzip
import json
import tracemalloc
import zlib
from pathlib import Path

import pytest

from crosswire.errors import InputError, LimitError
from crosswire.model import Capture
from crosswire.sources import iter_sources
from crosswire.sources.jsonl import record_to_capture
from crosswire.sources.limits import FILE_BYTES, ITEM_BYTES, TEXT_CHARS, check_text_length
from support import response, warcinfo

PARAGRAPH = "The harbour authority counted 212 vessels at anchor on Monday morning. " * 4
PAGE = f"<html><body><p>{PARAGRAPH}</p></body></html>"


def _items(*paths: Path) -> list[Capture | InputError]:
    return [item for item in iter_sources(paths) if isinstance(item, Capture | InputError)]


def _zeros_gzip(size: int, prefix: bytes = b"", suffix: bytes = b"", wbits: int = 31) -> bytes:
    """``prefix`` + ``size`` zero bytes + ``suffix``, compressed (about 1,000:1)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    out = [packer.compress(prefix)]
    chunk = b"\0" * (1 << 20)
    for _ in range(size // len(chunk)):
        out.append(packer.compress(chunk))
    out.append(packer.compress(b"\0" * (size % len(chunk)) + suffix))
    out.append(packer.flush())
    return b"".join(out)


def _warc_response_bomb(uri: str, number: int, size: int, claimed: int | None = None) -> bytes:
    """A WARC response record (one gzip member) whose page is ``size`` zero bytes,
    with a Content-Length of ``claimed`` when given (a lie) or the true length."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    length = claimed if claimed is not None else len(http) + size
    head = (
        "WARC/1.1\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>\r\n"
        "WARC-Date: 2026-11-12T10:00:00Z\r\n"
        f"WARC-Target-URI: {uri}\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {length}\r\n\r\n"
    ).encode()
    return _zeros_gzip(size, prefix=head + http, suffix=b"\r\n\r\n")


def _peak_memory(paths: list[Path]) -> tuple[list[Capture | InputError], int]:
    tracemalloc.start()
    try:
        items = _items(*paths)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return items, peak


def test_gzip_bomb_page_stops_at_the_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ITEM_BYTES.env, "1000000")
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(_zeros_gzip(30_000_000, prefix=b"<html><body><p>"))  # 30 MB of zeros in about 30 KB
    (tmp_path / "fine.html").write_text(PAGE)
    items, peak = _peak_memory([tmp_path])
    error, fine = items
    assert isinstance(error, LimitError) and error.origin == str(bomb)
    assert error.problem == "decompressed size is over the limit of 1,000,000 bytes (CROSSWIRE_MAX_ITEM_BYTES)"
    assert isinstance(fine, Capture) and fine.id == "fine.html"
    assert peak < 8_000_000  # never inflated past the cap


def test_gzip_file_cap_applies_to_a_page_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FILE_BYTES.env, "200000")
    bomb = tmp_path / "bomb.htm.gz"
    bomb.write_bytes(_zeros_gzip(1_000_000, prefix=b"<p>"))
    (error,) = _items(bomb)
    assert (
        isinstance(error, LimitError) and "over the limit of 200,000 bytes (CROSSWIRE_MAX_FILE_BYTES)" in error.problem
    )


def test_jsonl_gz_bomb_keeps_the_records_before_the_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FILE_BYTES.env, "2000000")
    good = "".join(json.dumps({"id": f"r{n}", "text": PARAGRAPH}) + "\n" for n in (1, 2, 3)).encode()
    path = tmp_path / "records.jsonl.gz"
    # Good records, then 20 MB of zeros on one line: the line is over no item
    # limit by default, the decompressed file is over the file limit.
    path.write_bytes(_zeros_gzip(20_000_000, prefix=good))
    items, peak = _peak_memory([path])
    assert [i.id for i in items if isinstance(i, Capture)] == ["r1", "r2", "r3"]
    (error,) = [i for i in items if isinstance(i, InputError)]
    assert isinstance(error, LimitError) and error.origin == str(path)
    assert error.problem == "decompressed size is over the limit of 2,000,000 bytes (CROSSWIRE_MAX_FILE_BYTES)"
    assert peak < 6_000_000


def test_truncated_jsonl_gz_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"id": f"r{n}", "text": f"{n} {PARAGRAPH}"}) + "\n" for n in range(200))
    data = gzip.compress(lines.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = _items(path)
    captures = [i for i in items if isinstance(i, Capture)]
    assert captures and captures[0].id == "r0" and len(captures) < 200
    (error,) = [i for i in items if isinstance(i, InputError)]
    assert error.origin == str(path) and "truncated gzip" in error.problem


def test_oversized_jsonl_line_is_one_error_and_the_others_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ITEM_BYTES.env, "10000")
    big = json.dumps({"id": "big", "text": "x" * 50_000})
    lines = [json.dumps({"id": "a", "text": PARAGRAPH}), big, json.dumps({"text": PARAGRAPH + " last"})]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\r\n".join(lines) + "\r\n")
    items = _items(path)
    assert [i.id for i in items if isinstance(i, Capture)] == ["a", "mixed.jsonl#3"]
    (error,) = [i for i in items if isinstance(i, InputError)]
    assert isinstance(error, LimitError) and error.origin == f"{path}:2"
    assert error.problem == f"line of {len(big):,} bytes is over the limit of 10,000 (CROSSWIRE_MAX_ITEM_BYTES)"


def test_oversized_last_line_without_newline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ITEM_BYTES.env, "1000")
    path = tmp_path / "end.jsonl"
    path.write_text(json.dumps({"id": "a", "text": PARAGRAPH}) + "\n" + json.dumps({"id": "b", "text": "y" * 5000}))
    first, error = _items(path)
    assert isinstance(first, Capture) and first.id == "a"
    assert isinstance(error, LimitError) and error.origin == f"{path}:2" and "line of 5,023 bytes" in error.problem


def test_a_line_of_exactly_the_limit_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    line = json.dumps({"id": "a", "text": PARAGRAPH})
    monkeypatch.setenv(ITEM_BYTES.env, str(len(line)))
    path = tmp_path / "exact.jsonl"
    path.write_text(line + "\n" + line.replace('"a"', '"b"') + " \n")
    items = _items(path)
    assert [i.id for i in items if isinstance(i, Capture)] == ["a"]
    (error,) = [i for i in items if isinstance(i, InputError)]
    assert error.origin == f"{path}:2" and f"line of {len(line) + 1:,} bytes" in error.problem


def test_invalid_utf8_in_one_jsonl_line_costs_only_that_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "a", "text": PARAGRAPH}).encode() + b"\n"
    path.write_bytes(good + b'{"id": "b", "text": "caf\xe9"}\n' + good.replace(b'"a"', b'"c"'))
    items = _items(path)
    assert [i.id for i in items if isinstance(i, Capture)] == ["a", "c"]
    (error,) = [i for i in items if isinstance(i, InputError)]
    assert error.origin == f"{path}:2" and error.problem.startswith(f"invalid UTF-8 at byte {len(good) + 24}")


def test_jsonl_with_a_bom_and_blank_lines_is_read(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "a", "text": PARAGRAPH}).encode() + b"\n\n  \n")
    (capture,) = _items(path)
    assert isinstance(capture, Capture) and capture.id == "a"


@pytest.mark.parametrize("content", [b"", b"\n \n", "\ufeff".encode()])
def test_empty_jsonl_file_is_one_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(content)
    (error,) = _items(path)
    assert isinstance(error, InputError) and error.origin == str(path) and error.problem == "file is empty"


def test_utf16_jsonl_is_refused_as_binary(tmp_path: Path) -> None:
    path = tmp_path / "wide.jsonl"
    path.write_bytes(json.dumps({"id": "a", "text": PARAGRAPH}).encode("utf-16-le") + "\n".encode("utf-16-le"))
    (error,) = _items(path)
    assert isinstance(error, InputError) and error.origin == str(path) and "NUL bytes" in error.problem


def test_oversized_capture_and_page_files_are_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ITEM_BYTES.env, "4096")
    (tmp_path / "big.txt").write_text("word " * 2000)
    (tmp_path / "big.html").write_text(f"<p>{'word ' * 2000}</p>")
    (tmp_path / "small.txt").write_text(PARAGRAPH)
    big_html, big_txt, small = _items(tmp_path)
    assert isinstance(big_html, LimitError) and big_html.origin == str(tmp_path / "big.html")
    assert big_html.problem == "file of 10,007 bytes is over the limit of 4,096 (CROSSWIRE_MAX_ITEM_BYTES)"
    assert isinstance(big_txt, LimitError) and "file of 10,000 bytes" in big_txt.problem
    assert isinstance(small, Capture)


def test_oversized_feed_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FILE_BYTES.env, "1000")
    path = tmp_path / "feed.xml"
    path.write_text(
        f"<rss><channel><title>T</title><item><description>{PARAGRAPH * 10}</description></item></channel></rss>"
    )
    (error,) = _items(path)
    assert isinstance(error, LimitError) and "(CROSSWIRE_MAX_FILE_BYTES)" in error.problem


def test_api_record_over_the_item_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ITEM_BYTES.env, "1000")
    with pytest.raises(LimitError, match=r"text of 2,000 bytes is over the limit of 1,000"):
        record_to_capture({"id": "a", "text": "\u00e9" * 1000}, "post:1", "x")
    with pytest.raises(LimitError, match=r"html of 1,\d{3} bytes"):
        record_to_capture({"id": "a", "html": f"<p>{'w' * 1100}</p>"}, "post:2", "x")
    assert record_to_capture({"id": "a", "text": "w" * 1000}, "post:3", "x").id == "a"


def test_warc_record_claiming_ten_gigabytes_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "claim.warc.gz"
    lie = _warc_response_bomb("https://news.example/huge", 3, 1000, claimed=10 * 2**30)
    later = response("https://news.example/3", PAGE, 4)
    path.write_bytes(warcinfo() + response("https://news.example/1", PAGE, 2) + lie + later)
    items, peak = _peak_memory([path])
    assert [i.id for i in items if isinstance(i, Capture)] == ["https://news.example/1"]
    (error,) = [i for i in items if isinstance(i, InputError)]
    assert isinstance(error, LimitError) and error.origin == f"{path}#https://news.example/huge"
    assert error.problem == (
        "WARC record of 10,737,418,240 bytes is over the limit of 50,000,000 (CROSSWIRE_MAX_ITEM_BYTES)"
        "; later records were not read"
    )
    assert peak < 8_000_000


def test_warc_bomb_record_is_refused_and_the_next_record_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ITEM_BYTES.env, "1000000")
    path = tmp_path / "bomb.warc.gz"
    bomb = _warc_response_bomb("https://news.example/bomb", 3, 30_000_000)
    path.write_bytes(
        warcinfo() + response("https://news.example/1", PAGE, 2) + bomb + response("https://news.example/4", PAGE, 4)
    )
    items, peak = _peak_memory([path])
    assert [i.id for i in items if isinstance(i, Capture)] == ["https://news.example/1", "https://news.example/4"]
    (error,) = [i for i in items if isinstance(i, InputError)]
    assert isinstance(error, LimitError) and error.origin == f"{path}#https://news.example/bomb"
    assert error.problem.startswith("WARC record of 30,000,04")
    assert "over the limit of 1,000,000" in error.problem and "later records" not in error.problem
    assert peak < 8_000_000


def test_warc_bomb_as_the_last_record_is_checked_without_inflating_it_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ITEM_BYTES.env, "1000000")
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(
        warcinfo()
        + response("https://news.example/1", PAGE, 2)
        + _warc_response_bomb("https://news.example/bomb", 3, 30_000_000)
    )
    items, peak = _peak_memory([path])
    first, error = items
    assert isinstance(first, Capture) and isinstance(error, LimitError)
    assert peak < 8_000_000


def test_text_length_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TEXT_CHARS.env, "2,000,000")
    check_text_length("a", "x" * 2_000_000, "title")
    with pytest.raises(LimitError) as raised:
        check_text_length("cap.txt", "x" * 10_485_760)
    assert raised.value.origin == "cap.txt"
    assert raised.value.problem == (
        "text of 10,485,760 characters is over the limit of 2,000,000 (CROSSWIRE_MAX_TEXT_CHARS)"
    )
    with pytest.raises(LimitError, match="title of 2,000,001 characters"):
        check_text_length("a", "short", "t" * 2_000_001)


@pytest.mark.parametrize("raw", ["", "lots", "-5", "0"])
def test_a_bad_limit_setting_falls_back_to_the_default(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv(TEXT_CHARS.env, raw)
    assert TEXT_CHARS.value() == TEXT_CHARS.default
    monkeypatch.setenv(TEXT_CHARS.env, "1_500")
    assert TEXT_CHARS.value() == 1500
