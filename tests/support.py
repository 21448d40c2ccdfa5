"""Small builders for test inputs (pages written here, for the tests only)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

FILLER = (
    "Water rose quickly after the storm drains failed near the old market, according to officials who "
    "asked residents to avoid the lower town until the pumps had cleared the road. "
)


def article_page(title: str, outlet: str, date: str, lead: str, paragraphs: int = 3) -> str:
    """A saved article page with site chrome around a body of a few paragraphs."""
    body = "".join(f"<p>{text}</p>" for text in [lead, *([FILLER * 2] * paragraphs)])
    return (
        f"<html><head><title>{title} | {outlet}</title>"
        f'<meta property="og:site_name" content="{outlet}">'
        f'<meta property="article:published_time" content="{date}">'
        '<meta name="author" content="Mara Ellis"></head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>'
        f"<article><h1>{title}</h1>{body}</article>"
        f"<footer>Copyright {outlet}. All rights reserved.</footer></body></html>"
    )


def warc_record(headers: dict[str, str], payload: bytes) -> bytes:
    """One gzip member holding one WARC/1.1 record."""
    head = "WARC/1.1\r\n" + "".join(f"{key}: {value}\r\n" for key, value in headers.items())
    head += f"Content-Length: {len(payload)}\r\n\r\n"
    return gzip.compress(head.encode() + payload + b"\r\n\r\n")


def warcinfo() -> bytes:
    fields = b"software: crosswire-tests\r\nformat: WARC File Format 1.1\r\n"
    return warc_record(
        {
            "WARC-Type": "warcinfo",
            "WARC-Record-ID": "<urn:uuid:00000000-0000-0000-0000-000000000001>",
            "WARC-Date": "2026-11-12T10:00:00Z",
            "Content-Type": "application/warc-fields",
        },
        fields,
    )


def response(uri: str, html: str, number: int) -> bytes:
    body = html.encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
    http += f"Content-Length: {len(body)}\r\n\r\n".encode() + body
    return warc_record(
        {
            "WARC-Type": "response",
            "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{number:012d}>",
            "WARC-Date": "2026-11-12T10:00:00Z",
            "WARC-Target-URI": uri,
            "Content-Type": "application/http; msgtype=response",
        },
        http,
    )


def quantity_set(folder: Path, count: int) -> Path:
    """A NewsQuant-shaped set of ``count`` one-quantity sentences (ids "0", "1", ...) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    sentences = [
        {"id": str(i), "text": f"Wardens counted {i + 2} herons on the lake.",
         "quantities": [{"value": str(i + 2), "unit": "herons", "normalized_unit": "heron",
                         "change": "=", "concept": None}]}
        for i in range(count)
    ]  # fmt: skip
    (folder / "gold.jsonl").write_text("".join(json.dumps(s) + "\n" for s in sentences), "utf-8")
    return folder
