"""Who may write, and how a browser form proves it.

Every write (the API's POSTs, the ingest page, the story page's correction
forms) needs the one write token of the server, ``CROSSWIRE_TOKEN``.  The
API takes it as ``Authorization: Bearer <token>``.  A plain HTML form cannot
send that header, so the pages ask for the token in a password field of the
form itself, on every write:

* nothing is remembered between requests (no cookie, no session), so a
  foreign page cannot make a visitor's browser send the token: the usual
  cross-site request forgery has nothing to ride on;
* still, a form post that a browser marks as coming from another site
  (``Sec-Fetch-Site: cross-site`` or ``same-site``, or an ``Origin`` other
  than this server's) is refused before the token is even looked at;
* the token is compared in constant time (``hmac.compare_digest``) and read
  from the environment on each request, so it can be rotated without a
  restart; it is never written back into a page.
"""

from __future__ import annotations

import hmac
import os
from urllib.parse import urlsplit

from starlette.datastructures import Headers

TOKEN_ENV = "CROSSWIRE_TOKEN"
#: The form field that carries the token on the pages.
TOKEN_FIELD = "token"
#: Longest editor name kept with a correction.
MAX_EDITOR = 80


class WriteRefused(Exception):
    """A write without the right token (401), or on a server that allows none / from another site (403)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def writes_enabled() -> bool:
    return bool(os.environ.get(TOKEN_ENV, ""))


def check_token(given: str | None, missing: str = "missing or wrong write token") -> None:
    """Raise :class:`WriteRefused` unless ``given`` is the server's write token."""
    # Read per request so the token can be rotated without a restart.
    expected = os.environ.get(TOKEN_ENV, "")
    if not expected:
        raise WriteRefused(403, f"writes are disabled: the server has no {TOKEN_ENV} set")
    if not given or not hmac.compare_digest(given.strip().encode("utf-8"), expected.encode("utf-8")):
        raise WriteRefused(401, missing)


def check_same_origin(headers: Headers) -> None:
    """Refuse a form post a browser says comes from another site.

    Clients that are not browsers send neither header; they still need the token.
    ``Origin: null`` is what a browser sends for a same-origin post under this
    server's ``Referrer-Policy: no-referrer``, so it is left to the token.
    """
    site = headers.get("sec-fetch-site")
    if site is not None and site.lower() not in ("same-origin", "none"):
        raise WriteRefused(403, "a form posted from another site is refused: open this server's own page to write")
    origin = headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc.lower() != (headers.get("host") or "").lower():
        raise WriteRefused(403, "a form posted from another origin is refused: open this server's own page to write")


def check_form_write(headers: Headers, token: str | None) -> None:
    """Both checks of a write sent from a page's form."""
    check_same_origin(headers)
    check_token(token, "the write token is missing or wrong")


def editor_name(raw: str | None) -> str | None:
    """The editor's name as given with a correction, tidied; None when empty."""
    name = " ".join((raw or "").split())[:MAX_EDITOR]
    return name or None
