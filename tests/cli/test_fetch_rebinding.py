"""``crosswire fetch`` under DNS rebinding, as the installed command.

The command runs in a subprocess whose resolver is rebinding: a
``sitecustomize`` module (put first on ``PYTHONPATH``) answers
``news.example`` with a public-looking address first and 127.0.0.1 after, and
stands in for the internet by sending connections to that public address to a
"public" server on loopback.  An "internal" server listens on the port of the
URL, on 127.0.0.1: a client that resolved the name again would reach it.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import textwrap
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from test_contract import CROSSWIRE

from support import article_page

PUBLIC_IP = "93.184.216.34"

SITECUSTOMIZE = textwrap.dedent(
    f"""
    import os, socket

    _answers = {{"news.example": [["{PUBLIC_IP}"], ["127.0.0.1"]], "evil.example": [["127.0.0.1"]]}}
    _getaddrinfo, _connect = socket.getaddrinfo, socket.create_connection
    _public_port = int(os.environ["FAKE_PUBLIC_PORT"])

    def getaddrinfo(host, port, *args, **kwargs):
        if host not in _answers:
            return _getaddrinfo(host, port, *args, **kwargs)
        queue = _answers[host]
        answer = queue.pop(0) if len(queue) > 1 else queue[0]
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (ip, int(port or 0))) for ip in answer]

    def create_connection(address, timeout=None, *args, **kwargs):
        host, port = address
        if host not in ("{PUBLIC_IP}", "127.0.0.1"):
            host = socket.getaddrinfo(host, port)[0][4][0]  # a name is resolved again, as the standard library does
        return _connect(("127.0.0.1", _public_port if host == "{PUBLIC_IP}" else port), timeout)

    socket.getaddrinfo, socket.create_connection = getaddrinfo, create_connection
    """
)


class _Recording(SimpleHTTPRequestHandler):
    hits: list[str]

    def do_GET(self) -> None:
        self.hits.append(self.path)
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:
        pass


def _server(root: Path, hits: list[str]) -> ThreadingHTTPServer:
    handler = type("Handler", (_Recording,), {"hits": hits})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server


@pytest.fixture
def sites(tmp_path: Path) -> Iterator[tuple[int, int, list[str]]]:
    """(public port, internal port, the internal server's hits)."""
    public_root, internal_root = tmp_path / "public", tmp_path / "internal"
    for root, title in ((public_root, "Ferry crossings resume after gales"), (internal_root, "Internal admin page")):
        root.mkdir()
        lead = f"{title}: the Saltmarsh ferry resumed its crossings on Monday after three days of gales."
        (root / "page.html").write_text(article_page(title, "Saltmarsh Gazette", "2026-03-02", lead), "utf-8")
    internal_hits: list[str] = []
    public, internal = _server(public_root, []), _server(internal_root, internal_hits)
    yield public.server_address[1], internal.server_address[1], internal_hits
    for server in (public, internal):
        server.shutdown()
        server.server_close()


def _fetch(tmp_path: Path, public_port: int, url: str) -> subprocess.CompletedProcess[str]:
    hook = tmp_path / "hook"
    hook.mkdir(exist_ok=True)
    (hook / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    path = os.pathsep.join(filter(None, [str(hook), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path, "FAKE_PUBLIC_PORT": str(public_port)}
    command = [CROSSWIRE, "--db", str(tmp_path / "fetch.db"), "fetch", url, "--json"]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=False)


def test_fetch_connects_to_the_address_it_checked_not_a_second_answer(
    sites: tuple[int, int, list[str]], tmp_path: Path
) -> None:
    public_port, internal_port, internal_hits = sites
    result = _fetch(tmp_path, public_port, f"http://news.example:{internal_port}/page.html")
    assert internal_hits == [], "the fetch reached the loopback server"
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["ingested"] == 1
    stories = subprocess.run(
        [CROSSWIRE, "--db", str(tmp_path / "fetch.db"), "stories", "--json"], capture_output=True, text=True
    )
    assert "Ferry crossings resume" in stories.stdout and "Internal admin" not in stories.stdout


def test_fetch_refuses_a_name_that_resolves_to_loopback(sites: tuple[int, int, list[str]], tmp_path: Path) -> None:
    public_port, internal_port, internal_hits = sites
    result = _fetch(tmp_path, public_port, f"http://evil.example:{internal_port}/page.html")
    assert internal_hits == []
    assert result.returncode == 1
    assert "private, loopback" in result.stdout and "Traceback" not in result.stderr
