"""Hypothesis strategies for hostile inputs, written for these tests."""

from __future__ import annotations

import gzip
import json
from typing import Any

from hypothesis import strategies as st

#: Characters that break naive text handling: combining marks, bidi controls,
#: zero-width and odd spaces, NUL and other controls, a BOM, non-BMP symbols.
ODD_CHARS = (
    "\u0301\u0308\u20dd"  # combining acute, diaeresis, enclosing circle
    "\u202e\u202d\u200f\u200e\u2066\u2069"  # bidi overrides and isolates
    "\u200b\u200d\ufeff\u00a0\u2028\u2029\u3000"  # zero-width, no-break, line/paragraph separators
    "\x00\x01\x0b\x0c\x1b\x7f\x85"  # controls, NEL
    "\U0001f600\U0001d11e\ufffd"  # non-BMP, replacement character
    "\u05d0\u05d1\u0627\u0644\u0639"  # Hebrew and Arabic letters
    "İıßﬁ"  # letters whose case mapping changes length
)

#: Words that look like news, so the rules for numbers, dates, names and quotes fire.
NEWS_WORDS = (
    "Portvale", "Aldmoor", "Kestrel", "Bridge", "Mara", "Ellis", "Dr.", "Mrs", "the", "council", "said", "told",
    "reporters", "on", "Tuesday", "March", "3", "2026", "12", "472", "over", "about", "nearly", "1.5", "million",
    "%", "percent", "km", "$", "40", "drones", "aircraft", "rose", "fell", "by", "to", "from", "last", "week",
    "yesterday", "“", "”", '"', "'", "«", "»", "—", "-", ".", ",", ";", ":", "?", "!", "(", ")", "\n", "\n\n",
    "UN", "U.S.", "NATO", "Jan.", "3rd", "1/2", "½", "٣", "十", "1,000", "10^6", "1e9", "-5", "+7", "mid-2025",
)  # fmt: skip

#: Link forms a feed or record may carry, the hostile ones among them.
URLS = (
    "https://news.example/a",
    "http://news.example/b?x=1&y=2",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "javascript://%0aalert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/",
    "file:///etc/passwd",
    "",
)

#: Any text a valid UTF-8 file can hold (no surrogates: they cannot be encoded).
odd_text = st.text(alphabet=st.characters(exclude_categories=["Cs"]) | st.sampled_from(ODD_CHARS), max_size=300)
#: str values that JSON escapes (``"\\ud800"``) can produce, lone surrogates included.
any_str = st.text(alphabet=st.characters(exclude_categories=[]) | st.sampled_from(ODD_CHARS), max_size=200)
news_text = st.lists(st.sampled_from(NEWS_WORDS) | odd_text.filter(lambda s: len(s) < 12), max_size=80).map(" ".join)

json_scalar = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_str
json_value: st.SearchStrategy[Any] = st.recursive(
    json_scalar, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(any_str, inner, max_size=4), max_leaves=12
)

HTML_TOKENS = (
    "<html>", "</html>", "<head>", "</head>", "<body>", "</body>", "<title>", "</title>", "<p>", "</p>",
    "<div>", "</div>", "<article>", "<h1>", "</h1>", "<br>", "<script>", "</script>", "<style>", "<!--", "-->",
    "<![CDATA[", "]]>", "<!DOCTYPE html>", '<meta charset="utf-16">', '<meta charset="latin-1">',
    '<meta charset="utf-8">', '<meta charset="x-unknown">', '<meta charset="utf-7">', '<meta charset="ucs-2">',
    '<meta charset="unicode_escape">', '<meta charset="zlib">', '<meta charset="cp037">', "+2AA-", "\\ud800",
    '<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">',
    '<?xml version="1.0" encoding="utf-32"?>', '<link rel="canonical" href="javascript:alert(1)">',
    '<meta property="article:published_time" content="2026-13-45">', '<meta name="author" content="',
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": ', "}</script>",
    "&amp;", "&#0;", "&#x110000;", "&#xD800;", "&nbsp;", "&bogus;", "<", ">", "\"", "'", "=",
    '<a href="/x">', "</a>", "<table><tr><td>", "</td></tr></table>", "<svg onload=alert(1)>", "<iframe>",
)  # fmt: skip

html_text = st.lists(st.sampled_from(HTML_TOKENS) | news_text | odd_text, max_size=40).map("".join)
ENCODINGS = ("utf-8", "latin-1", "cp1252", "utf-16", "utf-16-le", "utf-32", "shift_jis", "koi8-r")
html_bytes = (
    st.binary(max_size=3000)
    | st.tuples(html_text, st.sampled_from(ENCODINGS)).map(lambda pair: pair[0].encode(pair[1], errors="replace"))
    | st.tuples(html_text, st.binary(max_size=40), st.integers(0, 200)).map(
        lambda t: t[0].encode("utf-8", "surrogatepass")[: t[2]] + t[1] + t[0].encode("utf-8", "surrogatepass")[t[2] :]
    )
)


def gzip_variants(data: bytes) -> st.SearchStrategy[tuple[bytes, bool]]:
    """``data`` gzipped, whole or cut off or with a byte changed; the flag says it is whole."""
    packed = gzip.compress(data, mtime=0)
    whole = st.just((packed, True))
    cut = st.integers(0, len(packed) - 1).map(lambda n: (packed[:n], False))
    flipped = st.tuples(st.integers(0, len(packed) - 1), st.integers(1, 255)).map(
        lambda t: (packed[: t[0]] + bytes([packed[t[0]] ^ t[1]]) + packed[t[0] + 1 :], False)
    )
    return whole | cut | flipped


def json_line(record: Any) -> bytes:
    """``record`` as raw UTF-8 (a lone surrogate becomes bytes that are not valid UTF-8)."""
    return json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass")


def json_escaped_line(record: Any) -> bytes:
    """``record`` as ASCII JSON: every other character, a lone surrogate too, is a ``\\uXXXX`` escape."""
    return json.dumps(record, ensure_ascii=True).encode("ascii")
