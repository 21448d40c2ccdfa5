"""Hostile input over real HTTP: links that must not be links, the security
headers on every response, and request bodies over the limit (issue 13)."""

from __future__ import annotations

import json
import re
import socket
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

import httpx
import pytest
from conftest import running
from fastapi import FastAPI
from markupsafe import escape

from crosswire.interfaces.api import (
    CONTENT_SECURITY_POLICY,
    DEFAULT_MAX_BODY,
    MAX_BODY_ENV,
    create_app,
    max_body_from_env,
    parse_size,
)
from crosswire.interfaces.web.links import http_url

if TYPE_CHECKING:
    from conftest import Served

# -- links ---------------------------------------------------------------------------
#: URLs a browser would run or load as something other than a web page, in the
#: spellings browsers accept, plus relative and malformed ones.  None may be a link.
HOSTILE_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "JAVASCRIPT:alert(document.domain)",
    " javascript:alert(1)",
    "   \t javascript:alert(1)",
    "\x01javascript:alert(1)",
    "\x1f\x0bjavascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "jav\r\nascript:alert(1)",
    "javascript\t:alert(1)",
    "javascript://%0aalert(1)",
    "javascript://example.com/%0Aalert(1)",
    "javascript:alert(1)//https://example.com",
    "javascript&colon;alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example/path",
    "\\\\evil.example/path",
    "/\\evil.example/path",
    "http:evil.example",
    "https:/evil.example",
    "https:\\\\evil.example",
    "http://",
    "https://:443/",
    "news-page.html",
    '" onmouseover="alert(1)',
]
SAFE_URLS = [
    "https://harbour-daily.example/ferry-aground",
    "HTTP://Valley-Post.example/Library?x=1#top",
    "  https://coastal-tribune.example/news/sela-grace  ",
]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_http_url_refuses_everything_but_absolute_http(url: str) -> None:
    assert http_url(url) is None


@pytest.mark.parametrize("url", SAFE_URLS)
def test_http_url_keeps_http_and_https_links(url: str) -> None:
    assert http_url(url) == url.strip()


def test_http_url_refuses_what_is_not_a_string() -> None:
    assert http_url(None) is None
    assert http_url(42) is None


class _Links(HTMLParser):
    """Every ``href`` and ``src`` attribute of a page, as the browser reads it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.targets += [value or "" for name, value in attrs if name in ("href", "src", "action", "formaction")]


def page_targets(page: str) -> list[str]:
    parser = _Links()
    parser.feed(page)
    return parser.targets


def assert_only_safe_targets(page: str) -> None:
    for target in page_targets(page):
        cleaned = "".join(target.split()).lower()
        local = target.startswith("/") and not target.startswith("//") and "\\" not in target
        # A link within the page (the skip link, a section): a plain fragment name only.
        local = local or re.fullmatch(r"#[A-Za-z0-9_-]+", target) is not None
        assert local or http_url(target), f"unsafe link target {target!r}"
        assert not cleaned.startswith(("javascript:", "data:", "vbscript:")), target


def _posted_id(index: int) -> str:
    return f"hostile-url-{index}"


@pytest.fixture(scope="module")
def hostile_articles(http: httpx.Client, served: Served) -> dict[str, str]:
    """One posted article per hostile URL (in ``url``), plus one page whose canonical link is hostile."""
    auth = {"Authorization": f"Bearer {served.write_token}"}
    records: list[dict[str, Any]] = [
        {
            "id": _posted_id(index),
            "source": "Lantern Gazette",
            "url": url,
            "title": f"Harbour lantern festival moved, notice {index}",
            "published": "2024-07-01",
            "text": f"The harbour lantern festival moves to the north quay this year, notice {index} said.",
        }
        for index, url in enumerate(HOSTILE_URLS)
    ]
    canonical = (
        "<html><head><title>Tram depot opens</title>"
        '<link rel="canonical" href="JaVaScRiPt:alert(document.cookie)"></head><body><article>'
        "<h1>Tram depot opens</h1><p>The new tram depot on the eastern edge of Brennick opened on Monday, "
        "the transport office said, and will house twelve trams once the line is finished next spring.</p>"
        "<p>Residents asked for a footpath along the depot wall, which the office promised for the autumn.</p>"
        "</article></body></html>"
    )
    records.append({"id": "hostile-canonical", "html": canonical})
    response = http.post("/api/ingest", json={"records": records}, headers=auth)
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["errors"] == [], report["errors"]
    stored = {record["id"]: http.get(f"/api/articles/{quote(record['id'], safe='')}").json() for record in records}
    return {article_id: article["url"] for article_id, article in stored.items()}


def test_hostile_article_urls_are_stored_and_shown_as_text_not_links(
    http: httpx.Client, hostile_articles: dict[str, str]
) -> None:
    for index, url in enumerate(HOSTILE_URLS):
        article_id = _posted_id(index)
        assert hostile_articles[article_id] is not None, url
        page = http.get(f"/articles/{article_id}").text
        assert_only_safe_targets(page)
        assert f'<dt>URL</dt><dd><span class="url">{escape(hostile_articles[article_id])}</span></dd>' in page, url


def test_a_hostile_canonical_link_is_shown_as_text(http: httpx.Client, hostile_articles: dict[str, str]) -> None:
    assert hostile_articles["hostile-canonical"].lower().startswith("javascript:")
    page = http.get("/articles/hostile-canonical").text
    assert_only_safe_targets(page)
    assert "<dt>URL</dt><dd><a" not in page
    assert str(escape(hostile_articles["hostile-canonical"])) in page


def test_an_https_article_url_is_still_a_link(http: httpx.Client) -> None:
    page = http.get("/articles/harbour-daily-ferry").text
    assert '<a href="https://harbour-daily.example/ferry-aground" rel="noopener noreferrer nofollow">' in page
    assert_only_safe_targets(page)


def test_no_page_links_anywhere_but_here_or_the_web(
    http: httpx.Client, hostile_articles: dict[str, str], ferry_story: str
) -> None:
    stories = http.get("/api/stories").json()
    paths = ["/", "/search?q=lantern", "/search?q=depot", f"/stories/{quote(ferry_story, safe='')}"]
    paths += [
        f"/stories/{quote(story['id'], safe='')}" for story in stories if set(story["articles"]) & set(hostile_articles)
    ]
    for path in paths:
        response = http.get(path)
        assert response.status_code == 200, path
        assert_only_safe_targets(response.text)
    feed = http.get("/feeds/stories.atom").text
    for href in (part.split('"', 1)[0] for part in feed.split('href="')[1:]):
        assert http_url(href), href


# -- headers -----------------------------------------------------------------------------
def assert_security_headers(response: httpx.Response) -> None:
    headers = response.headers
    where = f"{response.request.method} {response.request.url.path} -> {response.status_code}"
    assert headers.get("content-security-policy") == CONTENT_SECURITY_POLICY, where
    assert headers.get("x-content-type-options") == "nosniff", where
    assert headers.get("x-frame-options") == "DENY", where
    assert headers.get("referrer-policy") == "no-referrer", where


def test_the_policy_is_strict() -> None:
    directives = dict(part.strip().split(" ", 1) for part in CONTENT_SECURITY_POLICY.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["style-src"] == "'self'"
    assert directives["img-src"] == "'self'"
    assert directives["form-action"] == "'self'"
    assert directives["base-uri"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "script-src" not in directives  # default-src 'none': no script at all
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/", 200),
        ("HEAD", "/", 405),  # FastAPI routes answer GET only
        ("GET", "/stories/{ferry_story}", 200),
        ("GET", "/articles/harbour-daily-ferry", 200),
        ("GET", "/search?q=ferry", 200),
        ("GET", "/api/stories", 200),
        ("GET", "/api/stories/{ferry_story}", 200),
        ("GET", "/api/articles/harbour-daily-ferry", 200),
        ("GET", "/api/search?q=ferry", 200),
        ("GET", "/openapi.json", 200),
        ("GET", "/feeds/stories.atom", 200),
        ("GET", "/static/style.css", 200),
        ("GET", "/static/no-such.css", 404),
        ("GET", "/no-such-page", 404),
        ("GET", "/stories/no-such-story", 404),
        ("GET", "/api/articles/no-such-article", 404),
        ("GET", "/api/search?limit=0", 422),
        ("POST", "/", 405),
        ("POST", "/api/ingest", 401),
        ("GET", "/ingest", 200),
        ("POST", "/ingest", 401),
        ("POST", "/api/ingest/files", 401),
    ],
)
def test_every_response_carries_the_security_headers(
    http: httpx.Client, ferry_story: str, method: str, path: str, status: int
) -> None:
    response = http.request(method, path.format(ferry_story=quote(ferry_story, safe="")), json=None)
    assert response.status_code == status
    assert_security_headers(response)


def test_write_errors_carry_the_security_headers(http: httpx.Client, served: Served) -> None:
    auth = {"Authorization": f"Bearer {served.write_token}"}
    invalid = http.post("/api/ingest", content=b"{not json", headers={**auth, "Content-Type": "application/json"})
    assert invalid.status_code == 422
    assert_security_headers(invalid)
    too_many = http.post("/api/ingest", json=[{"id": f"n{i}"} for i in range(1001)], headers=auth)
    assert too_many.status_code == 413
    assert_security_headers(too_many)


# -- a small server for the limits and the 500 ---------------------------------------
LIMIT = 4096


@pytest.fixture(scope="module")
def limited(served: Served) -> Iterator[httpx.Client]:
    """A second server over the same store, with a 4 KiB body limit and one failing route."""
    app = create_app(served.db, max_body=LIMIT)

    def fail() -> None:
        raise RuntimeError("a handler failed")

    app.add_api_route("/api/fail-for-test", fail)
    with running(app) as base_url, httpx.Client(base_url=base_url, timeout=60) as client:
        yield client


def _stored_state(client: httpx.Client) -> list[Any]:
    return sorted((story["id"], sorted(story["articles"])) for story in client.get("/api/stories").json())


def test_an_unhandled_error_is_a_500_with_the_headers(limited: httpx.Client) -> None:
    # The server drops the connection after an unhandled error: do not keep it for the next test.
    response = limited.get("/api/fail-for-test", headers={"Connection": "close"})
    assert response.status_code == 500
    assert_security_headers(response)


def test_a_body_over_the_limit_is_refused_and_nothing_is_stored(limited: httpx.Client, served: Served) -> None:
    auth = {"Authorization": f"Bearer {served.write_token}"}
    before = _stored_state(limited)
    record = {"id": "oversized-record", "source": "Lantern Gazette", "text": "The quay was closed. " * 400}
    body = json.dumps(record).encode()
    assert len(body) > LIMIT
    response = limited.post("/api/ingest", content=body, headers={**auth, "Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("application/json")
    assert response.json() == {"error": f"request body too large: {len(body)} bytes, the limit is {LIMIT} bytes"}
    assert_security_headers(response)
    assert limited.get("/api/articles/oversized-record").status_code == 404
    assert _stored_state(limited) == before


def test_a_chunked_body_over_the_limit_is_cut_off_with_413(limited: httpx.Client, served: Served) -> None:
    auth = {"Authorization": f"Bearer {served.write_token}", "Content-Type": "application/json"}
    before = _stored_state(limited)
    sent: list[int] = []

    def chunks() -> Iterator[bytes]:
        yield b'{"id": "oversized-chunked", "text": "'
        for _ in range(8):
            sent.append(1024)
            yield b"x" * 1024
        yield b'"}'

    response = limited.post("/api/ingest", content=chunks(), headers=auth)
    assert "content-length" not in response.request.headers  # really sent chunked
    assert response.status_code == 413
    assert response.json() == {"error": f"request body too large: more than {LIMIT} bytes"}
    assert_security_headers(response)
    assert limited.get("/api/articles/oversized-chunked").status_code == 404
    assert _stored_state(limited) == before


def test_a_body_under_the_limit_passes_the_limit(limited: httpx.Client, served: Served) -> None:
    small = b"x" * (LIMIT - 10)
    # Unauthenticated: the token is what refuses it, not the size.
    assert limited.post("/api/ingest", content=small).status_code == 401
    auth = {"Authorization": f"Bearer {served.write_token}", "Content-Type": "application/json"}
    exact = limited.post("/api/ingest", content=b"[" + b" " * (LIMIT - 2) + b"]", headers=auth)
    assert exact.status_code == 200, exact.text
    assert (exact.json()["ingested"], exact.json()["errors"]) == (0, [])


def _raw_request(base_url: str, head: str, body: bytes = b"") -> tuple[int, dict[str, str], bytes]:
    """Send ``head`` (and ``body``), then read the answer without sending anything more."""
    parts = urlsplit(base_url)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
        sock.sendall(head.replace("\n", "\r\n").encode() + b"\r\n" + body)
        received = b""
        while b"\r\n\r\n" not in received:
            chunk = sock.recv(65536)
            assert chunk, "the server closed the connection without answering"
            received += chunk
        header_block, rest = received.split(b"\r\n\r\n", 1)
        lines = header_block.decode("latin-1").split("\r\n")
        headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in lines[1:])}
        length = int(headers.get("content-length", "0"))
        while len(rest) < length:
            chunk = sock.recv(65536)
            assert chunk
            rest += chunk
    return int(lines[0].split()[1]), headers, rest


def test_an_unauthenticated_200_mb_post_is_refused_before_any_body_byte(http: httpx.Client, served: Served) -> None:
    # Only the headers are sent: the server answers without waiting for (or reading) the body,
    # with 413 before it even looks at the (missing) token.
    before = _stored_state(http)
    status, headers, body = _raw_request(
        served.base_url,
        "POST /api/ingest HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/json\nContent-Length: 200000000\n",
    )
    assert status == 413
    assert json.loads(body) == {
        "error": f"request body too large: 200000000 bytes, the limit is {DEFAULT_MAX_BODY} bytes"
    }
    assert headers["x-content-type-options"] == "nosniff"
    assert _stored_state(http) == before


def test_an_unauthenticated_chunked_post_is_refused_before_its_body(served: Served) -> None:
    status, headers, body = _raw_request(
        served.base_url,
        "POST /api/ingest HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/json\nTransfer-Encoding: chunked\n",
    )
    assert status == 401
    assert json.loads(body) == {"error": "missing or wrong bearer token"}
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_the_default_limit_refuses_an_authenticated_chunked_body_past_20_mib(
    http: httpx.Client, served: Served
) -> None:
    auth = {"Authorization": f"Bearer {served.write_token}", "Content-Type": "application/json"}
    before = _stored_state(http)
    piece = b"x" * (1 << 20)

    def chunks() -> Iterator[bytes]:
        yield b'{"id": "oversized-default", "text": "'
        for _ in range(DEFAULT_MAX_BODY // len(piece) + 1):
            yield piece
        yield b'"}'

    response = http.post("/api/ingest", content=chunks(), headers=auth)
    assert response.status_code == 413
    assert "too large" in response.json()["error"]
    assert http.get("/api/articles/oversized-default").status_code == 404
    assert _stored_state(http) == before


def test_a_normal_ingest_of_a_large_body_under_the_limit_works(http: httpx.Client, served: Served) -> None:
    auth = {"Authorization": f"Bearer {served.write_token}"}
    record = {
        "id": "posted-under-limit",
        "source": "Lantern Gazette",
        "title": "Quay reopens after storm repairs",
        "published": "2024-07-03",
        "text": "The north quay reopened on Wednesday after storm repairs, the harbour office said.",
        # About 2 MB of a field ingest ignores: the body is large but under the 20 MiB limit.
        "notes": "n" * 2_000_000,
    }
    response = http.post("/api/ingest", json=record, headers=auth)
    assert response.status_code == 200, response.text
    assert response.json()["ingested"] == 1
    assert "north quay" in http.get("/api/articles/posted-under-limit").json()["text"]


@pytest.mark.parametrize(
    ("value", "size"),
    [("", DEFAULT_MAX_BODY), ("1000", 1000), ("512K", 512 * 1024), ("20M", 20 * 1024**2), ("1GiB", 1024**3),
     (" 64kb ", 64 * 1024)],
)  # fmt: skip
def test_the_limit_comes_from_the_environment(value: str, size: int) -> None:
    assert max_body_from_env({MAX_BODY_ENV: value}) == size


@pytest.mark.parametrize("value", ["lots", "-5", "0", "1.5M", "20 TB"])
def test_a_bad_limit_is_refused_with_the_variable_named(value: str) -> None:
    with pytest.raises(ValueError, match=MAX_BODY_ENV):
        max_body_from_env({MAX_BODY_ENV: value})


def test_parse_size_and_create_app_refuse_nonsense(served: Served) -> None:
    with pytest.raises(ValueError):
        parse_size("")
    with pytest.raises(ValueError):
        create_app(served.db, max_body=0)
    assert isinstance(create_app(served.db, max_body=1), FastAPI)
