"""Decoding a page: a declared charset that cannot be true, or that no page should be read with.

Issue 13, item 7: a page declaring ``charset=utf-16`` while written in latin-1
came out as U+FFFD.  A declaration found as ASCII bytes cannot be true of a
UTF-16 or UTF-32 page without a BOM (nor of an EBCDIC one); the page is then
read as browsers read it: UTF-8 if the bytes are valid UTF-8, else windows-1252.
"""

from __future__ import annotations

import codecs

import pytest

from crosswire.extract import extract
from crosswire.extract.decode import decode_html
from crosswire.model import Capture

TITLE = "Caf\u00e9 in Z\u00fcrich reopens on the quay"
BODY = (
    "The caf\u00e9 on the quay in Z\u00fcrich reopened on Monday with 14 tables and a new cr\u00e8perie, its owner "
    "said, after the winter floods had closed it for three months. Regulars queued from seven for the first "
    "cr\u00eapes, and the na\u00efve mural by the door, painted over in March, was back."
)
DECLARATIONS = {
    "meta charset": '<meta charset="{}">',
    "http-equiv": '<meta http-equiv="Content-Type" content="text/html; charset={}">',
    "xml declaration": '<?xml version="1.0" encoding="{}"?>',
}


def _page(declaration: str) -> str:
    head = declaration if not declaration.startswith("<?xml") else ""
    prolog = declaration if declaration.startswith("<?xml") else ""
    return (
        f"{prolog}<html><head>{head}<title>{TITLE}</title></head>"
        f"<body><article><h1>{TITLE}</h1><p>{BODY}</p></article></body></html>"
    )


@pytest.mark.parametrize("form", DECLARATIONS)
@pytest.mark.parametrize("charset", ["utf-16", "UTF-16LE", "utf-16be", "utf-32", "UTF-32LE", "ucs-2"])
def test_page_declaring_a_wide_charset_written_in_latin1_is_read_as_latin1(form: str, charset: str) -> None:
    data = _page(DECLARATIONS[form].format(charset)).encode("latin-1")
    text = decode_html(data, "cafe.html")
    assert TITLE in text and BODY in text and "\ufffd" not in text
    article = extract(Capture(id="cafe.html", kind="html", origin="cafe.html", content=data))
    assert article.title == TITLE
    assert "caf\u00e9 on the quay in Z\u00fcrich" in article.text and "\ufffd" not in article.text


def test_page_declaring_utf16_written_in_utf8_is_read_as_utf8() -> None:
    data = _page('<meta charset="utf-16">').replace("14 tables", "14 tables \u2014 \u20ac3 a cr\u00eape").encode()
    assert "\u2014 \u20ac3 a cr\u00eape" in decode_html(data, "cafe.html")


def test_page_declaring_utf16_with_cp1252_punctuation_is_read_as_cp1252() -> None:
    data = _page('<meta charset="utf-16">').replace("14 tables", "14 tables \u2013 \u201cfull\u201d").encode("cp1252")
    assert "14 tables \u2013 \u201cfull\u201d" in decode_html(data, "cafe.html")


@pytest.mark.parametrize(("bom", "encoding"), [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF32_BE, "utf-32-be")])
def test_a_real_utf16_or_utf32_page_with_a_bom_is_still_read(bom: bytes, encoding: str) -> None:
    data = bom + _page('<meta charset="utf-16">').encode(encoding)
    text = decode_html(data, "wide.html")
    assert TITLE in text and BODY in text


@pytest.mark.parametrize("charset", ["cp037", "ibm500", "cp1140"])
def test_an_ebcdic_declaration_in_ascii_bytes_is_not_believed(charset: str) -> None:
    data = _page(f'<meta charset="{charset}">').encode("latin-1")
    assert BODY in decode_html(data, "cafe.html")


@pytest.mark.parametrize("charset", ["utf-7", "unicode_escape", "raw-unicode-escape", "punycode", "idna", "undefined"])
def test_codecs_no_page_is_read_with_are_ignored_and_give_no_lone_surrogate(charset: str) -> None:
    """UTF-7 "+2AA-" and an escape codec's "\\ud800" would decode to a lone surrogate,
    which UTF-8 cannot hold (it stopped an ingest at the content hash)."""
    data = _page(f'<meta charset="{charset}">').replace("Monday", "Monday +2AA- \\ud800").encode("latin-1")
    text = decode_html(data, "odd.html")
    text.encode("utf-8")
    assert "Monday +2AA- \\ud800" in text and BODY.replace("Monday", "Monday +2AA- \\ud800") in text


@pytest.mark.parametrize("charset", ["zlib", "hex", "base64", "rot13", "uu", "bz2", "quopri"])
def test_a_codec_that_is_not_a_text_encoding_is_ignored(charset: str) -> None:
    data = _page(f'<meta charset="{charset}">').encode("latin-1")  # was: LookupError, a traceback
    assert BODY in decode_html(data, "odd.html")


@pytest.mark.parametrize(
    ("charset", "words"),
    [("shift_jis", "\u6e2f\u306e\u30ab\u30d5\u30a7"), ("koi8-r", "\u043a\u0430\u0444\u0435"), ("utf-8", "caf\u00e9")],
)
def test_an_ascii_compatible_declaration_is_still_honoured(charset: str, words: str) -> None:
    data = f'<html><head><meta charset="{charset}"></head><body><p>{words} reopened.</p></body></html>'.encode(charset)
    assert f"{words} reopened." in decode_html(data, "x.html")


def test_a_nul_past_the_first_4kb_becomes_a_replacement_character() -> None:
    """Storage cannot hold a NUL (PostgreSQL text refuses it); past the head, where it
    makes no page binary, it is replaced, and the rest of the page is kept."""
    padding = "<!-- " + "x" * 5000 + " -->"
    data = _page('<meta charset="utf-8">').replace("<body>", f"<body>{padding}").replace("Monday", "Mon\x00day")
    text = decode_html(data.encode("utf-8"), "nul.html")
    assert "\x00" not in text and "Mon\ufffdday" in text and TITLE in text
