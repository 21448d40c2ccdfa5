"""Characters text may not carry past a reader.

A Python ``str`` can hold a lone surrogate (U+D800 to U+DFFF), which a JSON
escape such as ``"\\ud800"``, a character reference or a few codecs produce,
but which UTF-8 cannot encode: it would stop an ingest wherever the text is
next encoded (the content hash, the store, a web page).  A NUL (``"\\u0000"``,
or one deep inside a text file) is valid UTF-8, but PostgreSQL text cannot
hold it.  Readers therefore replace each with U+FFFD, as a browser does with a
lone surrogate, so that the text of every item can be stored from the reader on.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")


def has_surrogates(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def without_surrogates(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD.

    A high and low surrogate that stand next to each other (two halves a
    decoder left apart) are joined into the one character they encode.
    """
    if not has_surrogates(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def surrogates_replaced(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, one character for one, so that offsets
    into ``text`` stay offsets into the result (two halves of a pair become two U+FFFD)."""
    return _SURROGATE.sub(REPLACEMENT, text) if has_surrogates(text) else text


def storable(text: str) -> str:
    """``text`` with every lone surrogate and every NUL replaced by U+FFFD."""
    text = without_surrogates(text)
    return text.replace("\x00", REPLACEMENT) if "\x00" in text else text


#: What XML 1.0 cannot hold besides surrogates: C0 controls other than tab,
#: newline and carriage return (NUL too, which PostgreSQL text refuses), and
#: the noncharacters U+FFFE and U+FFFF.  lxml refuses a string with any of them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NOT_XML_REPLACEMENTS = {
    **{code: " " for code in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20))},
    0xFFFE: REPLACEMENT,
    0xFFFF: REPLACEMENT,
}


def xml_safe(text: str) -> str:
    """``text`` with what XML cannot hold replaced: a control character by a
    space, U+FFFE, U+FFFF and a lone surrogate by U+FFFD."""
    text = without_surrogates(text)
    if _NOT_XML.search(text) is None:
        return text
    return text.translate(_NOT_XML_REPLACEMENTS)
