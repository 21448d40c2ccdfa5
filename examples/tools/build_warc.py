"""Pack saved pages into a WARC/1.1 file (examples/corpus/archive.warc.gz).

Plain Python on purpose: each record is its own gzip member, as crawlers
write them, with a ``warcinfo`` record first and, for one page, the
``request`` record that fetched it.  ``warc_pages/manifest.json`` lists the
pages with their target URIs.

Usage: ``python examples/tools/build_warc.py`` (rebuilds from warc_pages/).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

CRLF = b"\r\n"
#: Crawl time is fixed so rebuilding gives identical bytes.
CRAWL_START = datetime(2026, 11, 25, 3, 0, 0, tzinfo=UTC)


def record_id(seed: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, seed)}>"


def warc_record(headers: list[tuple[str, str]], block: bytes) -> bytes:
    """One gzip member: WARC headers, a blank line, the block, two CRLFs."""
    lines = [b"WARC/1.1"]
    lines += [f"{name}: {value}".encode() for name, value in headers]
    lines.append(f"Content-Length: {len(block)}".encode())
    head = CRLF.join(lines) + CRLF + CRLF
    return gzip.compress(head + block + CRLF + CRLF, mtime=0)


def warc_date(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def http_response(body: bytes, published: str) -> bytes:
    last_modified = datetime.fromisoformat(published).astimezone(UTC)
    head = [
        "HTTP/1.1 200 OK",
        "Content-Type: text/html; charset=utf-8",
        f"Content-Length: {len(body)}",
        f"Last-Modified: {last_modified.strftime('%a, %d %b %Y %H:%M:%S GMT')}",
        "Server: nginx",
        "Cache-Control: max-age=300",
        "Connection: close",
    ]
    return "\r\n".join(head).encode() + CRLF + CRLF + body


def http_request(uri: str) -> bytes:
    host = uri.split("/")[2]
    path = "/" + uri.split("/", 3)[3]
    head = [f"GET {path} HTTP/1.1", f"Host: {host}", "User-Agent: crosswire-sample-crawler/1.0",
            "Accept: text/html", "Connection: close"]
    return "\r\n".join(head).encode() + CRLF + CRLF


def build(pages_dir: Path, out: Path) -> None:
    manifest = json.loads((pages_dir / "manifest.json").read_text(encoding="utf-8"))
    info = b"software: crosswire examples/tools/build_warc.py\r\nformat: WARC File Format 1.1\r\n" \
           b"description: fictional sample pages written for the crosswire project\r\n"
    chunks = [warc_record([
        ("WARC-Type", "warcinfo"), ("WARC-Record-ID", record_id("warcinfo")),
        ("WARC-Date", warc_date(CRAWL_START)), ("WARC-Filename", out.name),
        ("Content-Type", "application/warc-fields"),
    ], info)]
    for index, entry in enumerate(manifest):
        uri = entry["uri"]
        when = warc_date(CRAWL_START + timedelta(seconds=7 * index))
        response_id = record_id("response " + uri)
        if index == 0:
            chunks.append(warc_record([
                ("WARC-Type", "request"), ("WARC-Record-ID", record_id("request " + uri)),
                ("WARC-Date", when), ("WARC-Target-URI", uri), ("WARC-Concurrent-To", response_id),
                ("Content-Type", "application/http;msgtype=request"),
            ], http_request(uri)))
        body = (pages_dir / entry["file"]).read_bytes()
        block = http_response(body, entry["published"])
        digest = base64.b32encode(hashlib.sha1(block).digest()).decode()
        chunks.append(warc_record([
            ("WARC-Type", "response"), ("WARC-Record-ID", response_id),
            ("WARC-Date", when), ("WARC-Target-URI", uri),
            ("WARC-Block-Digest", f"sha1:{digest}"),
            ("Content-Type", "application/http;msgtype=response"),
        ], block))
    out.write_bytes(b"".join(chunks))


if __name__ == "__main__":
    tools = Path(__file__).resolve().parent
    build(tools / "warc_pages", tools.parent / "corpus" / "archive.warc.gz")
