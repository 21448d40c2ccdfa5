"""Pages and feeds from the web: ``crosswire fetch`` and ``crosswire watch``.

A URL is refused unless every address its host resolves to is public: a
server that fetches user-given URLs must not be turned against the machine's
own network (loopback, private ranges, link-local, cloud metadata).  The
check is repeated on every redirect.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from crosswire.errors import InputError
from crosswire.model import Capture, SourceHints
from crosswire.sources.feeds import entry_to_capture, parse_feed

USER_AGENT = "crosswire/0.1 (+news corroboration; offline-first)"
MAX_BYTES = 20_000_000
TIMEOUT_SECONDS = 20.0


class BlockedAddressError(InputError):
    pass


def check_url(url: str, allow_private: bool = False) -> None:
    """Raise :class:`BlockedAddressError` (or InputError) unless ``url`` may be fetched."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise InputError(url, f"only http and https URLs can be fetched, not {parts.scheme or 'a bare path'!r}")
    if not parts.hostname:
        raise InputError(url, "URL has no host name")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or None, proto=socket.IPPROTO_TCP)
    except socket.gaierror as error:
        raise InputError(url, f"cannot resolve host {parts.hostname!r} ({error.strerror})") from error
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not is_public_address(address):
            raise BlockedAddressError(
                url,
                f"refused: {parts.hostname} resolves to {address}, a private, loopback, link-local or "
                "metadata address (use --allow-private to fetch it anyway)",
            )


def is_public_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> Any:
        check_url(newurl, self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def download(url: str, allow_private: bool = False) -> tuple[bytes, str]:
    """The body and content type of ``url``, after the address checks."""
    check_url(url, allow_private)
    opener = urllib.request.build_opener(_CheckedRedirects(allow_private))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            body = response.read(MAX_BYTES + 1)
            content_type = response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        raise InputError(url, f"server answered HTTP {error.code} {error.reason}") from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise InputError(url, f"cannot download ({reason})") from error
    if len(body) > MAX_BYTES:
        raise InputError(url, f"page is larger than {MAX_BYTES} bytes")
    return body, content_type.lower()


def fetch_captures(urls: Iterable[str], allow_private: bool = False) -> Iterator[Capture | InputError]:
    for url in urls:
        try:
            body, _ = download(url, allow_private)
        except InputError as error:
            yield error
            continue
        yield Capture(id=url, kind="html", origin=url, content=body, hints=SourceHints(url=url))


def poll_feed(feed_url: str, allow_private: bool = False) -> Iterator[Capture | InputError]:
    """The items of one feed; items without content are fetched from their link."""
    try:
        body, _ = download(feed_url, allow_private)
        publisher, entries = parse_feed(body, feed_url)
    except InputError as error:
        yield error
        return
    for index, entry in enumerate(entries, start=1):
        capture = entry_to_capture(entry, f"{feed_url}#item{index}", publisher)
        if capture is not None:
            yield capture
        elif entry.get("link"):
            yield from fetch_captures([entry["link"]], allow_private)


def read_feed_list(feeds_file: Path) -> list[str]:
    try:
        lines = feeds_file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(feeds_file), f"cannot read feed list ({error})") from error
    urls = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not urls:
        raise InputError(str(feeds_file), "no feed URLs in the file (one URL per line)")
    return urls


def watch_feeds(
    feeds_file: Path,
    interval: float,
    ingest: Callable[[Iterable[Capture | InputError]], Any],
    allow_private: bool = False,
    once: bool = False,
) -> Iterator[Any]:
    """Poll every feed, ingest what is new, sleep, repeat; yields each poll's report."""
    urls = read_feed_list(feeds_file)
    while True:
        for url in urls:
            yield ingest(poll_feed(url, allow_private))
        if once:
            return
        time.sleep(interval)
