"""DNS rebinding: a fetch connects only to an address it checked, on every hop.

A small fake network, without the real one: a *public* server (what the
fetched name is supposed to be) and an *internal* server that stands for the
machine's own network, both really listening on 127.0.0.1.  A fake resolver
answers a public-looking address first and 127.0.0.1 afterwards, as a
rebinding DNS server would.  Dialling the public-looking address reaches the
public server (that is "the internet"); dialling 127.0.0.1 reaches the
internal server, which must never see a request.

Two seams are replaced: the system resolver (``socket.getaddrinfo``, which
the fetcher and, before the fix, the HTTP client both used) and the fetcher's
own :func:`crosswire.sources.web.resolve_host`.
"""

from __future__ import annotations

import http.server
import socket
import ssl
import subprocess
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from crosswire.errors import InputError
from crosswire.sources import web
from crosswire.sources.web import BlockedAddressError, download, fetch_captures

PUBLIC_IP = "93.184.216.34"
INTERNAL_BODY = b"<html><body>internal admin page</body></html>"
PUBLIC_BODY = b"<html><body>public news page</body></html>"


@dataclass
class Server:
    name: str
    body: bytes
    requests: list[tuple[str, str]] = field(default_factory=list)  # (path, Host header)
    redirects: dict[str, str] = field(default_factory=dict)
    port: int = 0


def _serve(server: Server, tls: ssl.SSLContext | None = None) -> Callable[[], None]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server.requests.append((self.path, self.headers.get("Host", "")))
            if self.path in server.redirects:
                self.send_response(302)
                self.send_header("Location", server.redirects[self.path])
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(server.body)))
            self.end_headers()
            self.wfile.write(server.body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    if tls is not None:
        httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    server.port = httpd.server_address[1]
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def stop() -> None:
        httpd.shutdown()
        httpd.server_close()

    return stop


@dataclass
class FakeNet:
    public: Server
    internal: Server
    answers: dict[str, list[list[str]]]  # host -> one answer per lookup (the last one repeats)
    lookups: list[str] = field(default_factory=list)
    dialled: list[tuple[str, int]] = field(default_factory=list)

    def lookup(self, host: str) -> list[str]:
        self.lookups.append(host)
        queue = self.answers[host]
        return queue.pop(0) if len(queue) > 1 else queue[0]

    def url(self, host: str, path: str = "/page.html", scheme: str = "http") -> str:
        # The internal server's port: a connection that rebinds to 127.0.0.1 lands on it.
        return f"{scheme}://{host}:{self.internal.port}{path}"


@pytest.fixture
def net(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeNet]:
    public, internal = Server("public", PUBLIC_BODY), Server("internal", INTERNAL_BODY)
    stops = [_serve(public), _serve(internal)]
    fake = FakeNet(public, internal, answers={})
    real_getaddrinfo, real_connect = socket.getaddrinfo, socket.create_connection

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        if host not in fake.answers:
            return real_getaddrinfo(host, port, *args, **kwargs)
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (ip, int(port or 0)))
                for ip in fake.lookup(host)]  # fmt: skip

    def create_connection(address: tuple[str, int], timeout: Any = None, *args: Any, **kwargs: Any) -> socket.socket:
        host, port = address
        fake.dialled.append((host, port))
        if host == PUBLIC_IP:  # "the internet": the public server
            return real_connect(("127.0.0.1", fake.public.port), timeout)
        if host == "127.0.0.1":
            return real_connect(("127.0.0.1", port), timeout)
        for info in socket.getaddrinfo(host, port):  # a name: resolved again, as the standard library does
            ip = info[4][0]
            return real_connect(("127.0.0.1", fake.public.port if ip == PUBLIC_IP else port), timeout)
        raise OSError(f"cannot connect to {host}")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    yield fake
    for stop in stops:
        stop()


REBIND = [[PUBLIC_IP], ["127.0.0.1"]]


def test_a_second_dns_answer_of_loopback_is_never_dialled(net: FakeNet) -> None:
    net.answers["news.example"] = [list(a) for a in REBIND]
    body, _ = download(net.url("news.example"))
    assert body == PUBLIC_BODY
    assert net.internal.requests == []
    assert net.dialled == [(PUBLIC_IP, net.internal.port)]  # the checked address, not the name
    assert net.lookups == ["news.example"]  # resolved once
    assert net.public.requests == [("/page.html", f"news.example:{net.internal.port}")]  # original Host header


def test_the_resolver_seam_is_the_only_resolution(net: FakeNet, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = [[PUBLIC_IP], ["127.0.0.1"]]
    calls: list[tuple[str, int]] = []

    def rebinding_resolver(host: str, port: int) -> list[web.IPAddress]:
        calls.append((host, port))
        import ipaddress

        return [ipaddress.ip_address(ip) for ip in (answers.pop(0) if len(answers) > 1 else answers[0])]

    monkeypatch.setattr(web, "resolve_host", rebinding_resolver)
    body, _ = download(net.url("rebind.example"))  # not in the fake DNS: only the seam knows it
    assert body == PUBLIC_BODY
    assert calls == [("rebind.example", net.internal.port)]
    assert net.internal.requests == []
    # A second fetch gets the loopback answer and is refused before any connection.
    with pytest.raises(BlockedAddressError, match=r"127\.0\.0\.1"):
        download(net.url("rebind.example"))
    assert net.internal.requests == []


def test_every_address_of_an_answer_is_checked(net: FakeNet) -> None:
    net.answers["mixed.example"] = [[PUBLIC_IP, "127.0.0.1"]]
    with pytest.raises(BlockedAddressError, match="--allow-private"):
        download(net.url("mixed.example"))
    assert net.dialled == [] and net.internal.requests == []


def test_a_redirect_to_a_name_that_resolves_to_loopback_is_refused(net: FakeNet) -> None:
    net.answers["news.example"] = [[PUBLIC_IP]]
    net.answers["inside.example"] = [["127.0.0.1"]]
    net.public.redirects["/go"] = net.url("inside.example", "/admin")
    with pytest.raises(BlockedAddressError, match=r"inside\.example"):
        download(net.url("news.example", "/go"))
    assert net.internal.requests == []


def test_a_redirect_hop_is_pinned_to_its_checked_address(net: FakeNet) -> None:
    net.answers["news.example"] = [[PUBLIC_IP]]
    net.answers["cdn.example"] = [list(a) for a in REBIND]
    net.public.redirects["/go"] = net.url("cdn.example", "/page.html")
    body, _ = download(net.url("news.example", "/go"))
    assert body == PUBLIC_BODY
    assert net.internal.requests == []
    assert net.lookups == ["news.example", "cdn.example"]
    assert [path for path, _ in net.public.requests] == ["/go", "/page.html"]
    assert net.public.requests[1][1] == f"cdn.example:{net.internal.port}"


def test_fetch_reports_a_refused_rebinding_as_one_input_error(net: FakeNet) -> None:
    net.answers["news.example"] = [list(a) for a in REBIND]
    net.answers["evil.example"] = [["127.0.0.1"]]
    items = list(fetch_captures([net.url("evil.example"), net.url("news.example")]))
    assert isinstance(items[0], BlockedAddressError)
    assert not isinstance(items[1], InputError) and items[1].content == PUBLIC_BODY
    assert net.internal.requests == []


def test_allow_private_still_connects_to_the_address_it_resolved(net: FakeNet) -> None:
    net.answers["news.example"] = [list(a) for a in REBIND]
    body, _ = download(net.url("news.example"), allow_private=True)
    assert body == PUBLIC_BODY and net.internal.requests == []


@pytest.mark.skipif(subprocess.run(["which", "openssl"], capture_output=True).returncode != 0, reason="no openssl")
def test_https_dials_the_checked_address_with_the_host_name_for_sni_and_certificate(
    net: FakeNet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "1", "-subj", "/CN=secure.example", "-addext", "subjectAltName=DNS:secure.example"],
        check=True, capture_output=True,
    )  # fmt: skip
    server_names: list[str | None] = []
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert, key)
    tls.sni_callback = lambda _socket, name, _context: server_names.append(name)  # type: ignore[assignment,func-returns-value]
    secure = Server("secure", PUBLIC_BODY)
    stop = _serve(secure, tls)
    try:
        net.public.port = secure.port  # the public address now answers with TLS
        net.answers["secure.example"] = [list(a) for a in REBIND]
        trusting = ssl.create_default_context(cafile=str(cert))
        monkeypatch.setattr(ssl, "_create_default_https_context", lambda *a, **k: trusting)
        body, _ = download(net.url("secure.example", scheme="https"))
    finally:
        stop()
    assert body == PUBLIC_BODY
    assert net.dialled == [(PUBLIC_IP, net.internal.port)]
    assert server_names == ["secure.example"]  # SNI, and the certificate was checked against the name
    assert secure.requests == [("/page.html", f"secure.example:{net.internal.port}")]
    assert net.internal.requests == []
