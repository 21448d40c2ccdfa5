"""The ingest page and POST /api/ingest/files (issue 15): uploads of every input format, per-file results
and errors, the write token typed into the form, the upload limit, and the temporary files always removed.

A real server over its own fresh SQLite store; the files are the bundled fictional sample corpus's, or
written here.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import PHONE, SAMPLE_CORPUS, Server, browser_page, running, screenshot, token_in_environment
from playwright.sync_api import Browser
from test_security import assert_security_headers

from crosswire.interfaces.api import create_app
from crosswire.interfaces.web.editing import TOKEN_ENV
from crosswire.interfaces.web.uploads import size_text
from crosswire.store import open_store

TOKEN = "ingest-page-token-31b7"
LIMIT = 256 * 1024

HTML_PAGE = SAMPLE_CORPUS / "html" / "courier-kettle-river-bridge.html.gz"
CAPTURE = SAMPLE_CORPUS / "captures" / "meridianwire-portvale-bridge.txt"
FEED = SAMPLE_CORPUS / "feeds" / "lakeshore-dispatch.xml"
WARC = SAMPLE_CORPUS / "archive.warc.gz"
# A fictional record written for this test, and two files the engine cannot read.
RECORD = (
    '{"id": "quarry-bell-record", "source": "Upland Courier", "published": "2024-06-03", '
    '"title": "Quarry bell rings again at Fenwick", "text": "The old quarry bell at Fenwick rang on Monday for the '
    "first time in forty years, after volunteers spent 18 months restoring its frame. About 300 people gathered "
    'on the village green to hear it, the parish council said."}\n'
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = str(tmp_path_factory.mktemp("ingest-page") / "crosswire.db")
    open_store(db).close()
    with token_in_environment(TOKEN), running(create_app(db, max_body=LIMIT)) as base_url:
        yield Server(base_url, db)


@pytest.fixture(scope="module")
def client(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, timeout=300) as http:
        yield http


def stored(db: str) -> list[tuple[str, str]]:
    """Every stored article with its story: what must not change when a write is refused."""
    store = open_store(db)
    try:
        return sorted((s.article.id, s.story_id) for s in store.iter_articles())
    finally:
        store.close()


def files(*entries: tuple[str, bytes]) -> list[tuple[str, tuple[str, bytes, str]]]:
    return [("files", (name, content, "application/octet-stream")) for name, content in entries]


def upload_dirs() -> set[str]:
    return {name for name in os.listdir(tempfile.gettempdir()) if name.startswith("crosswire-upload-")}


def test_the_page_explains_access_when_the_server_allows_no_writes(client: httpx.Client) -> None:
    os.environ.pop(TOKEN_ENV)
    try:
        response = client.get("/ingest")
    finally:
        os.environ[TOKEN_ENV] = TOKEN
    assert response.status_code == 403
    assert response.headers["content-type"].startswith("text/html")
    assert "Not Found" not in response.text
    assert TOKEN_ENV in response.text and "write token" in response.text
    assert '<form class="editor ingest"' not in response.text
    assert_security_headers(response)


def test_the_form_asks_for_files_and_the_token(client: httpx.Client) -> None:
    response = client.get("/ingest")
    assert response.status_code == 200
    assert 'type="file" multiple' in response.text and 'type="password"' in response.text
    assert f"and {size_text(LIMIT)} in all at a time" in response.text  # the limit, said before uploading
    assert TOKEN not in response.text
    assert_security_headers(response)


@pytest.mark.parametrize(
    ("token", "headers", "status"),
    [
        (None, {}, 401),
        ("not-the-token", {}, 401),
        (TOKEN, {"Sec-Fetch-Site": "cross-site"}, 403),
        (TOKEN, {"Origin": "https://evil.example"}, 403),
    ],
)
def test_without_the_token_or_from_another_site_nothing_is_stored(
    client: httpx.Client, server: Server, token: str | None, headers: dict[str, str], status: int
) -> None:
    before = stored(server.db)
    data = {"token": token} if token is not None else {}
    response = client.post("/ingest", data=data, files=files(("quarry.jsonl", RECORD.encode())), headers=headers)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert "Nothing was stored" in response.text or "nothing was stored" in response.text
    assert "write token" in response.text
    assert_security_headers(response)
    assert stored(server.db) == before


def test_the_api_refuses_uploads_without_the_bearer_token(client: httpx.Client, server: Server) -> None:
    before = stored(server.db)
    response = client.post("/api/ingest/files", files=files(("quarry.jsonl", RECORD.encode())))
    assert response.status_code == 401
    assert stored(server.db) == before


def test_every_format_is_ingested_and_a_bad_file_is_named_beside_the_good_ones(
    client: httpx.Client, server: Server
) -> None:
    assert stored(server.db) == []
    before_dirs = upload_dirs()
    upload = files(
        (HTML_PAGE.name, HTML_PAGE.read_bytes()),
        (CAPTURE.name, CAPTURE.read_bytes()),
        (FEED.name, FEED.read_bytes()),
        (WARC.name, WARC.read_bytes()),
        ("quarry.jsonl", RECORD.encode()),
        ("broken.jsonl", b'{"id": "half-a-record", "text": \n'),
        ("minutes.docx", b"PK\x03\x04 not a page"),
    )
    response = client.post("/ingest", data={"token": TOKEN}, files=upload)
    assert response.status_code == 200, response.text
    page = response.text
    ids = [article for article, _ in stored(server.db)]
    # Every good file stored its articles: the page, the capture, the record, the feed's and the archive's items.
    assert HTML_PAGE.name.removesuffix(".gz") in ids
    assert CAPTURE.name in ids
    assert "quarry-bell-record" in ids
    assert len(ids) >= 1 + 1 + 1 + 3 + 4
    # The bad files are named with what is wrong, and no temporary path shows.
    assert "broken.jsonl" in page and "minutes.docx" in page and "unknown file type" in page
    assert "crosswire-upload-" not in page and tempfile.gettempdir() + "/" not in page
    # Each file has its row, with the stories it joined linked by title.
    assert page.count('<tr class="upload') == 7
    assert page.count('<tr class="upload failed"') == 2
    assert "Quarry bell rings again at Fenwick</a>" in page
    assert_security_headers(response)
    assert upload_dirs() == before_dirs


def test_uploading_the_same_files_again_changes_nothing(client: httpx.Client, server: Server) -> None:
    before = stored(server.db)
    assert before
    response = client.post(
        "/api/ingest/files",
        files=files((CAPTURE.name, CAPTURE.read_bytes()), ("quarry.jsonl", RECORD.encode())),
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert body["ingested"] == 0 and body["duplicates"] == 2 and body["errors"] == []
    assert [f["name"] for f in body["files"]] == [CAPTURE.name, "quarry.jsonl"]
    assert stored(server.db) == before


def test_the_api_answers_per_file(client: httpx.Client, server: Server) -> None:
    record = RECORD.replace("quarry-bell-record", "quarry-bell-followup").replace("rang on Monday", "rang on Tuesday")
    response = client.post(
        "/api/ingest/files",
        files=files(("followup.jsonl", record.encode()), ("empty.html", b"")),
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 200, response.text
    followup, empty = response.json()["files"]
    assert followup["ingested"] == 1 and followup["errors"] == []
    assert [story["title"] for story in followup["stories"]]
    assert empty["ingested"] == 0 and empty["errors"] and empty["errors"][0]["path"] == "empty.html"


def test_an_oversized_upload_gets_413_and_stores_nothing(client: httpx.Client, server: Server) -> None:
    before = stored(server.db)
    before_dirs = upload_dirs()
    big = RECORD.replace("quarry-bell-record", "oversized-record").encode() * 1 + b" " * (LIMIT + 10)
    page = client.post("/ingest", data={"token": TOKEN}, files=files(("big.jsonl", big)))
    assert page.status_code == 413
    assert page.headers["content-type"].startswith("text/html")
    assert "Upload too large" in page.text and "Nothing was stored: the upload is too large (" in page.text
    assert_security_headers(page)
    api = client.post(
        "/api/ingest/files", files=files(("big.jsonl", big)), headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert api.status_code == 413 and "too large" in api.json()["error"]
    assert stored(server.db) == before
    assert upload_dirs() == before_dirs


# -- in a browser -----------------------------------------------------------------------------------
def test_a_browser_uploads_through_the_form_on_a_phone(browser: Browser, server: Server, tmp_path: Path) -> None:
    record = RECORD.replace("quarry-bell-record", "quarry-bell-browser").replace("300 people", "320 people")
    path = tmp_path / "browser-upload.jsonl"
    path.write_text(record)
    with browser_page(browser, server.base_url, PHONE) as page:
        page.goto("/ingest")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.set_input_files("#files", str(path))
        page.fill("#token", "wrong-token")
        page.click("form.ingest button[type=submit]")
        assert "write token is missing or wrong" in page.content()
        assert "quarry-bell-browser" not in [a for a, _ in stored(server.db)]
        page.set_input_files("#files", str(path))
        page.fill("#token", TOKEN)
        page.click("form.ingest button[type=submit]")
        page.wait_for_selector("table.uploads")
        assert "browser-upload.jsonl" in page.content()
        assert "quarry-bell-browser" in [a for a, _ in stored(server.db)]
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        screenshot(page, "phone-ingest-results")
