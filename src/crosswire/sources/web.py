"""Pages and feeds from the web: ``crosswire fetch`` and ``crosswire watch``.

A URL is refused unless every address its host resolves to is public
(globally reachable, and no IPv6 form of a non-public IPv4 address, see
:func:`is_public_address`): a server that fetches user-given URLs must not be
turned against the machine's own network (loopback, private ranges,
link-local, cloud metadata).  The check is repeated on every redirect.

The host is resolved once per request, through :func:`resolve_host`, and the
connection goes to an address that was checked: the HTTP client never resolves
the name again, so a second DNS answer (127.0.0.1 after a public address, "DNS
rebinding") cannot reach the machine's own network.  The request still carries
the original ``Host`` header, and for https the TLS server name and the
certificate check are the URL's host name.  Environment proxies are not used:
a proxy would resolve the name itself.
"""

from __future__ import annotations

import functools
import http.client
import ipaddress
import socket
import threading
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


IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def resolve_host(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to, in the resolver's order.

    The one place a fetch resolves a name (tests replace it with a resolver
    that answers differently each time).  Raises ``OSError`` (``socket.gaierror``).
    """
    infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    addresses: list[IPAddress] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if address not in addresses:
            addresses.append(address)
    return addresses


def _split_http_url(url: str) -> tuple[str, int]:
    """The host name and port of an http(s) URL, or InputError."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise InputError(url, f"only http and https URLs can be fetched, not {parts.scheme or 'a bare path'!r}")
    if not parts.hostname:
        raise InputError(url, "URL has no host name")
    try:
        port = parts.port
    except ValueError as error:
        raise InputError(url, f"invalid port ({error})") from error
    return parts.hostname, port or (443 if parts.scheme == "https" else 80)


def checked_addresses(url: str, host: str, port: int, allow_private: bool = False) -> list[IPAddress]:
    """Resolve ``host`` once; every answer must be public unless ``allow_private``."""
    try:
        addresses = resolve_host(host, port)
    except OSError as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise InputError(url, f"cannot resolve host {host!r} ({reason})") from error
    if not addresses:
        raise InputError(url, f"cannot resolve host {host!r} (no addresses)")
    if not allow_private:
        for address in addresses:
            if not is_public_address(address):
                raise BlockedAddressError(
                    url,
                    f"refused: {host} resolves to {address}, a private, loopback, link-local, "
                    "metadata or other non-public address, or one wrapping such an IPv4 address "
                    "(use --allow-private to fetch it anyway)",
                )
    return addresses


def check_url(url: str, allow_private: bool = False) -> list[IPAddress]:
    """The checked addresses of ``url``'s host; :class:`BlockedAddressError` (or InputError) unless it may be fetched.

    With ``allow_private`` only the scheme and host are checked (nothing is resolved, the list is empty).
    """
    host, port = _split_http_url(url)
    if allow_private:
        return []
    return checked_addresses(url, host, port)


#: The NAT64 well-known prefix (RFC 6052): a gateway translates ``64:ff9b::a.b.c.d`` to the IPv4 ``a.b.c.d``.
#: (The local-use prefix ``64:ff9b:1::/48`` of RFC 8215 is not globally reachable and is refused whole.)
NAT64_WELL_KNOWN = ipaddress.IPv6Network("64:ff9b::/96")
#: ISATAP interface identifiers (RFC 5214): ``::0:5efe:a.b.c.d``, with the u/g bits of the first octet free.
_ISATAP_MASK, _ISATAP_ID = 0xFCFF_FFFF, 0x0000_5EFE


def is_public_address(address: IPAddress) -> bool:
    """Whether a fetch may connect to ``address``: a globally reachable address, and
    whatever IPv4 address an IPv6 form carries globally reachable too.

    Forms whose packets are delivered to the IPv4 address they carry are judged
    by it alone: IPv4-mapped ``::ffff:a.b.c.d`` (the connection is IPv4),
    6to4 ``2002:aabb:ccdd::`` and NAT64 ``64:ff9b::a.b.c.d``.  The other forms
    must be public themselves and so must what they carry: the Teredo client
    (the inverted last 32 bits) and server, an ISATAP interface identifier's
    address; an IPv4-compatible ``::a.b.c.d`` is deprecated, reserved space.
    """
    if isinstance(address, ipaddress.IPv6Address):
        delivered_to = _delivered_ipv4(address)
        if delivered_to is not None:
            return _is_global(delivered_to)
        if not all(_is_global(carried) for carried in _carried_ipv4(address)):
            return False
    return _is_global(address)


def _is_global(address: IPAddress) -> bool:
    """``is_global`` (so not private, shared 100.64.0.0/10, loopback, link-local, documentation, ...),
    and none of the ranges some Python versions still count as global: multicast,
    reserved (240.0.0.0/4, ``::/8``, ...), unspecified, IPv6 site-local ``fec0::/10``."""
    return address.is_global and not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or (isinstance(address, ipaddress.IPv6Address) and address.is_site_local)
    )


def _delivered_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address packets to ``address`` are delivered to, for the forms translated or tunnelled to it."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in NAT64_WELL_KNOWN:
        return ipaddress.IPv4Address(int(address) & 0xFFFF_FFFF)
    return None


def _carried_ipv4(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address spells in its bits: Teredo server and client,
    an ISATAP interface identifier's address, an IPv4-compatible address's."""
    carried: list[ipaddress.IPv4Address] = []
    if address.teredo is not None:
        carried.extend(address.teredo)
    low = int(address) & 0xFFFF_FFFF
    if (int(address) >> 32) & _ISATAP_MASK == _ISATAP_ID:
        carried.append(ipaddress.IPv4Address(low))
    if int(address) >> 32 == 0 and int(address) > 1:
        carried.append(ipaddress.IPv4Address(low))
    return carried


class _PinnedConnection(http.client.HTTPConnection):
    """Resolves the host once, checks every answer, and dials only those checked addresses.

    ``http.client`` would hand the host name to ``socket.create_connection``,
    which resolves it again; here the resolution that was checked is the one
    that is dialled.  ``self.host`` stays the name, so the ``Host`` header (and,
    for https, the TLS server name and certificate check) are unchanged.
    """

    def __init__(self, host: str, *, url: str, allow_private: bool, **kwargs: Any) -> None:
        super().__init__(host, **kwargs)
        self._url = url
        self._allow_private = allow_private
        self._create_connection = self._connect_checked

    def _connect_checked(
        self, address: tuple[str, int], timeout: Any = None, source_address: Any = None
    ) -> socket.socket:
        host, port = address
        addresses = checked_addresses(self._url, host, port, self._allow_private)
        error: OSError | None = None
        for checked in addresses:
            try:
                return socket.create_connection((str(checked), port), timeout, source_address)
            except OSError as failed:
                error = failed
        assert error is not None
        raise error


class _PinnedHTTPSConnection(_PinnedConnection, http.client.HTTPSConnection):
    pass


class _PinnedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, allow_private: bool) -> None:
        super().__init__()
        self.allow_private = allow_private

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = functools.partial(_PinnedConnection, url=req.full_url, allow_private=self.allow_private)
        return self.do_open(connection, req)


class _PinnedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, allow_private: bool) -> None:
        super().__init__()
        self.allow_private = allow_private

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = functools.partial(_PinnedHTTPSConnection, url=req.full_url, allow_private=self.allow_private)
        return self.do_open(connection, req, context=self._context)  # type: ignore[attr-defined]


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Only http(s) redirects with a host; the address check of the new hop is its connection's."""

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> Any:
        _split_http_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener(allow_private: bool) -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}),  # a proxy would resolve the host itself
        _PinnedHTTPHandler(allow_private),
        _PinnedHTTPSHandler(allow_private),
        _CheckedRedirects(),
    )


def download(url: str, allow_private: bool = False) -> tuple[bytes, str]:
    """The body and content type of ``url``; each hop connects only to addresses that passed the check."""
    _split_http_url(url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with _opener(allow_private).open(request, timeout=TIMEOUT_SECONDS) as response:
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
    stop: threading.Event | None = None,
) -> Iterator[Any]:
    """Poll every feed, ingest what is new, sleep, repeat; yields each poll's report.
    Ends when ``stop`` is set, after the poll under way."""
    urls = read_feed_list(feeds_file)
    stop = stop or threading.Event()
    while not stop.is_set():
        for url in urls:
            if stop.is_set():
                return
            yield ingest(poll_feed(url, allow_private))
        if once:
            return
        stop.wait(interval)
