"""A real ``crosswire serve`` over a small store, shared by the API and browser tests.

Design: one session-scoped fixture writes four short article records into a
temporary directory, ingests them with ``Engine.ingest`` into a temporary
SQLite store, then starts uvicorn on a socket bound to a free loopback port
in a background thread.  Tests talk to it over real HTTP (httpx) or a real
browser (chromium via Playwright: the ``browser`` fixture and
:func:`browser_page`).  Two of the articles report the same ferry grounding
from two outlets with a shared figure (212 passengers), so that story has
two independent sources and something to corroborate.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
import uvicorn
from playwright.sync_api import Browser, Page, ViewportSize, sync_playwright
from starlette.types import ASGIApp

from crosswire.engine import Engine, IngestReport
from crosswire.interfaces.api import create_app
from crosswire.interfaces.web.editing import TOKEN_ENV
from crosswire.store import open_store

WRITE_TOKEN = "test-write-token-8c1f"
#: Debian's chromium, not a browser Playwright downloads: the tests run offline.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
#: Where the browser tests keep their screenshots (test artefacts, overwritten on each run).
SCREENSHOTS = Path(os.environ.get("CROSSWIRE_SCREENSHOTS", "/tmp/crosswire-screens"))

# Fictional articles written for these tests.
FERRY_HARBOUR_DAILY = {
    "id": "harbour-daily-ferry",
    "source": "Harbour Daily",
    "url": "https://harbour-daily.example/ferry-aground",
    "title": "Ferry Sela Grace runs aground off Port Almora",
    "published": "2024-03-12",
    "text": (
        "The passenger ferry Sela Grace ran aground on a sandbank off Port Almora on Tuesday morning, "
        "the coastguard said.\n\n"
        "All 212 passengers were taken off the vessel by lifeboats and brought to the Port Almora quay "
        "within three hours. Four crew members were treated for minor injuries.\n\n"
        '"The tide was lower than the charts showed," said captain Idris Vahl, who has commanded the '
        "ferry for nine years. The Port Almora harbour authority has opened an inquiry into the grounding."
    ),
}
FERRY_COASTAL_TRIBUNE = {
    "id": "coastal-tribune-ferry",
    "source": "Coastal Tribune",
    "url": "https://coastal-tribune.example/news/sela-grace",
    "title": "212 passengers rescued after Sela Grace ferry grounding near Port Almora",
    "published": "2024-03-12",
    "text": (
        "Lifeboat crews rescued 212 passengers from the ferry Sela Grace after it struck a sandbank near "
        "Port Almora on Tuesday.\n\n"
        "The coastguard said the evacuation took about three hours. Six crew members needed treatment "
        "for minor injuries, according to the harbour authority.\n\n"
        "Captain Idris Vahl blamed an unexpectedly low tide. The Port Almora harbour authority said an "
        "inquiry into the ferry grounding would report within a month."
    ),
}
LIBRARY = {
    "id": "valley-post-library",
    "source": "Valley Post",
    "url": "https://valley-post.example/library",
    "title": "Brennick library reopens <after> repairs & a lighthouse mural",
    "published": "2024-02-02",
    "text": (
        "The public library in Brennick reopened on Friday after eight months of roof repairs.\n\n"
        "Volunteers painted a lighthouse mural in the children's reading room, and the council said "
        "the building would now stay open until eight in the evening on weekdays."
    ),
}
ORCHARD = {
    "id": "farm-weekly-orchard",
    "source": "Farm Weekly",
    "url": "https://farm-weekly.example/orchard",
    "title": "Late frost cuts apple harvest in the Tarrow valley",
    "published": "2024-05-20",
    "text": (
        "Growers in the Tarrow valley expect to pick about a third fewer apples this autumn after a late "
        "frost in April damaged the blossom.\n\n"
        "The growers' cooperative said 40 orchards reported damage and asked the regional government for "
        "help with insurance costs."
    ),
}
ARTICLES = (FERRY_HARBOUR_DAILY, FERRY_COASTAL_TRIBUNE, LIBRARY, ORCHARD)


@dataclass(frozen=True)
class Served:
    """What the tests need to know about the running server and its articles."""

    base_url: str
    db: str
    article_ids: tuple[str, ...]
    write_token: str = WRITE_TOKEN
    #: The two reports of the ferry grounding (Harbour Daily first).
    ferry_ids: tuple[str, str] = (str(FERRY_HARBOUR_DAILY["id"]), str(FERRY_COASTAL_TRIBUNE["id"]))
    #: The only article that says "lighthouse"; its title holds markup-like text.
    library_id: str = str(LIBRARY["id"])


def _write_inputs(directory: Path) -> list[str]:
    ferry = directory / "ferry.jsonl"
    ferry.write_text("".join(json.dumps(r) + "\n" for r in (FERRY_HARBOUR_DAILY, FERRY_COASTAL_TRIBUNE)))
    other = directory / "other.jsonl"
    other.write_text("".join(json.dumps(r) + "\n" for r in (LIBRARY, ORCHARD)))
    return [str(ferry), str(other)]


def _bound_loopback_socket() -> socket.socket:
    # Bound before uvicorn starts, so no other process can take the port in between.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@contextmanager
def running(app: ASGIApp) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free loopback port; yields its base URL."""
    sock = _bound_loopback_socket()
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@contextmanager
def token_in_environment(token: str) -> Iterator[None]:
    """``CROSSWIRE_TOKEN`` set to ``token`` inside the block, and as it was again after it."""
    previous = os.environ.get(TOKEN_ENV)
    os.environ[TOKEN_ENV] = token
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(TOKEN_ENV, None)
        else:
            os.environ[TOKEN_ENV] = previous


def ingest_into(db: str, inputs: list[str]) -> IngestReport:
    """Ingest ``inputs`` into the store at ``db`` (made if new) the way ``crosswire ingest`` does."""
    store = open_store(db)
    try:
        return Engine(store).ingest(inputs)
    finally:
        store.close()


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    directory = tmp_path_factory.mktemp("served")
    db = str(directory / "crosswire.db")
    report = ingest_into(db, _write_inputs(directory))
    assert report.ingested == len(ARTICLES), report.as_json()
    with token_in_environment(WRITE_TOKEN), running(create_app(db)) as base_url:
        yield Served(base_url, db, tuple(str(r["id"]) for r in ARTICLES))


@pytest.fixture(scope="session")
def http(served: Served) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=served.base_url, timeout=60) as client:
        yield client


@pytest.fixture(scope="session")
def ferry_story(http: httpx.Client) -> str:
    """The id of the story that holds the Harbour Daily ferry article."""
    stories = http.get("/api/stories").json()
    return str(next(s["id"] for s in stories if FERRY_HARBOUR_DAILY["id"] in s["articles"]))


SAMPLE_CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


@dataclass(frozen=True)
class Server:
    """A running server and the store it serves."""

    base_url: str
    db: str


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server over the bundled fictional sample corpus (several outlets per story, some contested)."""
    db = str(tmp_path_factory.mktemp("sample") / "crosswire.db")
    report = ingest_into(db, [str(SAMPLE_CORPUS)])
    assert report.ingested > 20 and not report.errors, report.as_json()
    with running(create_app(db)) as base_url:
        yield Server(base_url, db)


@pytest.fixture(scope="session")
def sample_http(sample: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sample.base_url, timeout=60) as client:
        yield client


@pytest.fixture(scope="session")
def paths(sample_http: httpx.Client) -> dict[str, str]:
    """One of each page of the sample corpus's server by name: the story with most contested facts,
    an article it cites at a conflicting figure, its longest article, search, ingest, a 404."""
    stories = sample_http.get("/api/stories", params={"sort": "contested", "per_page": 200}).json()["stories"]
    story = stories[0]
    assert story["contested"] > 0
    brief: dict[str, Any] = sample_http.get(f"/api/stories/{quote(story['id'], safe='')}").json()
    mention = next(f for f in brief["facts"] if f["status"] == "conflict")["mentions"][0]
    largest = max(story["articles"], key=lambda a: len(sample_http.get(f"/api/articles/{quote(a, safe='')}").text))
    story_path = f"/stories/{quote(story['id'], safe='')}"
    return {
        "stories": "/",
        "stories-filtered": "/?sort=newest&since=2000-01-01&per_page=3&page=2",
        "story": story_path,
        "story-contested": f"{story_path}?view=contested",
        "article-cited": f"/articles/{quote(mention['article'], safe='')}?hl={mention['start']}-{mention['end']}",
        "article-long": f"/articles/{quote(largest, safe='')}",
        "search": "/search?q=fire",
        "not-found": "/stories/no-such-story",
        "ingest": "/ingest",
    }


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def browser_page(
    browser: Browser, base_url: str, viewport: ViewportSize = PHONE, javascript: bool = True
) -> Iterator[Page]:
    """A page in a fresh browser context (no cookies or cache from other tests), closed after the block."""
    context = browser.new_context(base_url=base_url, viewport=viewport, java_script_enabled=javascript)
    try:
        yield context.new_page()
    finally:
        context.close()


def screenshot(page: Page, name: str) -> None:
    """Keep a full-page screenshot of ``page`` as ``SCREENSHOTS/<name>.png``."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
