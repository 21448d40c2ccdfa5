"""Turn a page's bytes into text, honouring what the page says it is."""

from __future__ import annotations

import codecs
import re

from crosswire.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_LATIN_FAMILY = frozenset({"iso8859-1", "cp1252", "ascii"})
# Signatures of formats that are sometimes saved under an .html name by mistake.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data (decompress it first)"),
)


def _declared_charset(head: bytes) -> str | None:
    for pattern in (_DECLARED_CHARSET, _XML_ENCODING):
        match = pattern.search(head)
        if match:
            name = match.group(1).decode("ascii", "ignore").lower()
            try:
                return codecs.lookup(name).name
            except LookupError:
                continue
    return None


def _binary_reason(data: bytes) -> str | None:
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return f"binary content ({what}), not an HTML page"
    head = data[:4096]
    if b"\x00" in head:
        return "binary content (NUL bytes), not an HTML page"
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    if head and controls / len(head) > 0.1:
        return "binary content (control bytes), not an HTML page"
    return None


def decode_html(data: bytes, origin: str) -> str:
    """Decode by BOM, then the declared charset, then UTF-8 with replacement.

    UTF-16/32 pages carry NUL bytes, so the BOM is checked before the binary test.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    reason = _binary_reason(data)
    if reason:
        raise InputError(origin, reason)
    declared = _declared_charset(data[:8192])
    if declared in _LATIN_FAMILY:
        # Pages declaring Latin-1 are often really UTF-8, and valid multi-byte
        # UTF-8 almost never happens by chance in Latin-1 text; browsers read
        # Latin-1 as windows-1252 anyway.
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("cp1252", errors="replace")
    if declared and declared != "utf-8":
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            # Pages often declare latin-1 yet are UTF-8; fall through to UTF-8.
            pass
    return data.decode("utf-8", errors="replace")
