"""Which stored URLs may become links in the web UI.

Article URLs come from the outside world (a JSONL record's ``url``, a page's
canonical link or ``og:url``), so they may say ``javascript:alert(1)`` in any
of the spellings a browser accepts.  :func:`http_url` is the one place that
decides whether such a string is rendered as an ``href``: only an absolute
``http``/``https`` URL with a host is; everything else is shown as text.

The string is first cleaned the way a browser's URL parser cleans it
(WHATWG URL standard): leading and trailing C0 control characters and spaces
are stripped and ASCII tabs and newlines are removed anywhere, so that
``" \\x01java\\tscript:..."`` is judged as the ``javascript:...`` the browser
would run, not as the harmless-looking relative path urllib would see.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: Schemes that may become links.
LINK_SCHEMES = frozenset({"http", "https"})
#: Longest URL made into a link; a longer one is shown as text.
MAX_LINK_LENGTH = 4096

_EDGE_CONTROLS = "".join(chr(code) for code in range(0x21))  # C0 controls and space
_TAB_OR_NEWLINE = re.compile("[\t\n\r]")


def browser_clean(url: str) -> str:
    """``url`` as a browser's URL parser sees it before parsing."""
    return _TAB_OR_NEWLINE.sub("", url.strip(_EDGE_CONTROLS))


def http_url(url: object) -> str | None:
    """The URL to put in an ``href``, or None when ``url`` must stay plain text.

    Accepted: an absolute ``http://`` or ``https://`` URL (any letter case)
    with a host.  Refused: every other scheme (``javascript:``, ``data:``,
    ``vbscript:``, ``file:``, ...), scheme-relative (``//host``) and relative
    URLs, ``http:host`` without slashes, backslash tricks, URLs holding other
    control characters, and anything urllib cannot parse.
    """
    if not isinstance(url, str):
        return None
    cleaned = browser_clean(url)
    if not cleaned or len(cleaned) > MAX_LINK_LENGTH:
        return None
    # Controls left inside and backslashes (browsers read them as "/" in
    # http URLs) make the browser's reading of the host differ from urllib's.
    if any(ord(char) < 0x20 or char in "\\\x7f" for char in cleaned):
        return None
    try:
        parts = urlsplit(cleaned)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc.strip() or not host:
        return None
    # The scheme must be the very start: urlsplit lowercases it, and the
    # cleaned string must really begin with "http://" or "https://".
    if not cleaned.lower().startswith(f"{parts.scheme.lower()}://"):
        return None
    return cleaned
