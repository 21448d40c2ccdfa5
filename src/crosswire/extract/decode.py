"""Turn a page's bytes into text, honouring what the page says it is."""

from __future__ import annotations

import codecs
import functools
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
#: Encodings no page is to be read with, though they read ASCII as ASCII: UTF-7
#: and Python's escape codecs decode to lone surrogates, which UTF-8 cannot
#: hold (browsers refuse UTF-7 too), and the IDNA codecs are for host names.
_NEVER_FOR_PAGES = frozenset({"utf-7", "unicode-escape", "raw-unicode-escape", "punycode", "idna", "undefined"})
#: Names of UTF-16 (WHATWG labels among them) and of UCS-4 that Python's codecs do not know.
_WIDE_LABELS = frozenset(
    {
        *("ucs-2", "ucs2", "iso-10646-ucs-2", "csunicode", "unicode", "unicode-1-1", "unicodefeff", "unicodefffe"),
        *("ucs-4", "ucs4", "iso-10646-ucs-4"),
    }
)
#: The bytes a charset declaration is spelled in.  ``_DECLARED_CHARSET`` finds a
#: declaration as these ASCII bytes, so it cannot be true of an encoding that
#: reads them as something else (UTF-16 or UTF-32 without a BOM, EBCDIC).
_DECLARATION_BYTES = b"<>=\"'/!?-_.:; abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_STORE_UNSAFE = re.compile("[\x00\ud800-\udfff]")
#: Control bytes other than tab, line feed, form feed and carriage return: many of them mean a binary file.
_CONTROL_BYTES = bytes(byte for byte in range(32) if byte not in (9, 10, 12, 13))
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
            if name in _WIDE_LABELS:
                return "utf-16"
            try:
                return codecs.lookup(name).name
            except LookupError:
                continue
    return None


@functools.cache
def _can_be_declared(encoding: str) -> bool:
    """Whether a page can be in ``encoding`` and declare it in ASCII bytes.

    False also for a codec that is not a text encoding ("zlib", "hex": LookupError).
    """
    if encoding in _NEVER_FOR_PAGES:
        return False
    try:
        return _DECLARATION_BYTES.decode(encoding) == _DECLARATION_BYTES.decode("ascii")
    except (UnicodeError, LookupError):
        return False


def _binary_reason(data: bytes) -> str | None:
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return f"binary content ({what}), not an HTML page"
    head = data[:4096]
    if b"\x00" in head:
        return "binary content (NUL bytes), not an HTML page"
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if head and controls / len(head) > 0.1:
        return "binary content (control bytes), not an HTML page"
    return None


def decode_html(data: bytes, origin: str) -> str:
    """The text of a page's bytes, decoded as :func:`_decode` says.

    A NUL past the first 4 KB (there it makes the page binary) and a lone
    surrogate become U+FFFD: neither can be stored (PostgreSQL text refuses a
    NUL, UTF-8 cannot hold a surrogate).
    """
    text, codec = _decode(data, origin)
    # Only a lone surrogate makes UTF-8 encoding fail: checking that is a
    # quarter of the time of a regex pass over the whole page, which
    # almost no page needs; and text read as UTF-8 or windows-1252 (nearly
    # every page) cannot hold one, so it is not checked at all.
    if codec not in _NO_SURROGATES:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return _STORE_UNSAFE.sub("\ufffd", text)
    return text.replace("\x00", "\ufffd") if "\x00" in text else text


#: Codecs whose output never holds a lone surrogate (Python's UTF-8 decoder refuses encoded surrogates).
_NO_SURROGATES = frozenset({"utf-8", "cp1252"})


def _decode(data: bytes, origin: str) -> tuple[str, str]:
    """Decode by BOM, then the declared charset, then UTF-8 with replacement.

    UTF-16/32 pages carry NUL bytes, so the BOM is checked before the binary test.
    A declaration that cannot be true (UTF-16, UTF-32 or EBCDIC, which would
    not spell it in ASCII; a BOM would have decided a real UTF-16 page) or
    names an encoding no page is read with (UTF-7, a Python codec) is read as
    a Latin-1 declaration is, as browsers do: UTF-8 if the bytes are valid
    UTF-8, else windows-1252.  Returns the text and the codec that read it.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding
    reason = _binary_reason(data)
    if reason:
        raise InputError(origin, reason)
    declared = _declared_charset(data[:8192])
    if declared and (declared in _LATIN_FAMILY or not _can_be_declared(declared)):
        # Pages declaring Latin-1 are often really UTF-8, and valid multi-byte
        # UTF-8 almost never happens by chance in Latin-1 text; browsers read
        # Latin-1 as windows-1252 anyway.
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            return data.decode("cp1252", errors="replace"), "cp1252"
    if declared and declared != "utf-8":
        try:
            text = data.decode(declared)
        except UnicodeError:  # UnicodeDecodeError, or a codec's own UnicodeError
            # Pages often declare latin-1 yet are UTF-8; fall through to UTF-8.
            pass
        else:
            return text, declared
    return data.decode("utf-8", errors="replace"), "utf-8"
