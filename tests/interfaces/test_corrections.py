"""Editors' corrections over real HTTP and in a real browser (issue 15): the API's routes and the story
page's forms, refused without the token with nothing changed, shown on the page with who and when.

Its own server over a fresh SQLite store of fictional articles written here (the PostgreSQL side of the
same corrections is in tests/store/test_corrections_store.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from conftest import PHONE, browser_page, ingest_into, running, screenshot, token_in_environment
from playwright.sync_api import Browser
from test_security import assert_only_safe_targets, assert_security_headers

from crosswire.editorial import MAX_NOTE
from crosswire.interfaces.api import create_app

TOKEN = "corrections-token-5e02"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
FIRE = "A fire destroyed the timber warehouse on Quay Street in Marrowby on Sunday night, the fire service said. "
RECORDS = [
    {"id": "fire-a", "source": "Marrowby Echo", "published": "2024-04-07", "title": "Quay Street warehouse fire",
     "text": FIRE + "Forty firefighters fought the blaze for six hours. Nobody was hurt, the fire service said."},
    {"id": "fire-b", "source": "North Coast News", "published": "2024-04-07", "title": "Marrowby warehouse burns",
     "text": FIRE + "Sixty firefighters fought the blaze through the night. Nobody was hurt in the fire."},
    {"id": "bakery", "source": "Upland Courier <b>", "published": "2024-04-07",
     "title": "Fenwick bakery wins <script>alert(1)</script> prize",
     "text": "The Fenwick village bakery won the regional bread prize on Sunday for its rye loaf. The baker, "
             "Ada Lorne, said she would use the prize money to buy a second oven for the bakery."},
]  # fmt: skip


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("corrections")
    (folder / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS))
    db = str(folder / "crosswire.db")
    assert ingest_into(db, [str(folder / "records.jsonl")]).ingested == 3
    with token_in_environment(TOKEN), running(create_app(db)) as url:
        yield url


@pytest.fixture(scope="module")
def http(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=120) as client:
        yield client


def stories(http: httpx.Client) -> dict[str, list[str]]:
    return {s["id"]: sorted(s["articles"]) for s in http.get("/api/stories").json()}


def story_of(http: httpx.Client, article: str) -> str:
    return str(http.get(f"/api/articles/{article}").json()["story"])


def test_without_the_token_nothing_changes(http: httpx.Client) -> None:
    before = stories(http)
    fire, bakery = story_of(http, "fire-a"), story_of(http, "bakery")
    body: dict[str, Any] = {"editor": "Mallory", "note": "x"}
    attempts = [
        ("/api/articles/fire-b/move", {**body, "to": bakery}),
        (f"/api/stories/{fire}/merge", {**body, "into": bakery}),
        (f"/api/stories/{fire}/split", {**body, "articles": ["fire-b"]}),
        (f"/api/stories/{fire}/facts/f-000000000000/verdict", {**body, "verdict": "wrong"}),
    ]
    for path, payload in attempts:
        response = http.post(path, json=payload)
        assert response.status_code == 401, path
        assert_security_headers(response)
    page = http.post(f"/stories/{fire}/corrections", data={"action": "merge", "into": bakery, "editor": "M"})
    assert page.status_code == 401 and "write token" in page.text and "Nothing was changed" in page.text
    wrong = http.post(
        f"/stories/{fire}/corrections", data={"action": "merge", "into": bakery, "editor": "M", "token": "nope"}
    )
    assert wrong.status_code == 401
    assert stories(http) == before
    assert http.get(f"/api/stories/{fire}/corrections").json()["corrections"] == []


def test_bad_corrections_are_refused_with_the_reason(http: httpx.Client) -> None:
    fire = story_of(http, "fire-a")
    both = http.post(
        f"/api/stories/{fire}/split", json={"editor": "Ana", "articles": ["fire-a", "fire-b"]}, headers=AUTH
    )
    assert both.status_code == 400 and "at least one article" in both.json()["error"]
    stranger = http.post(f"/api/stories/{fire}/split", json={"editor": "Ana", "articles": ["bakery"]}, headers=AUTH)
    assert stranger.status_code == 400 and "bakery" in stranger.json()["error"]
    nowhere = http.post("/api/articles/fire-b/move", json={"editor": "Ana", "to": "s-nosuchstory"}, headers=AUTH)
    assert nowhere.status_code == 404
    anonymous = http.post("/api/articles/fire-b/move", json={"editor": " ", "to": fire}, headers=AUTH)
    assert anonymous.status_code in (400, 422)


def test_an_overlong_note_from_the_page_is_refused_with_nothing_changed(http: httpx.Client) -> None:
    fire, bakery = story_of(http, "fire-a"), story_of(http, "bakery")
    before = stories(http)
    form = {"action": "merge", "into": bakery, "editor": "Ana", "note": "n" * (MAX_NOTE + 1), "token": TOKEN}
    page = http.post(f"/stories/{fire}/corrections", data=form)
    assert page.status_code == 400 and f"the note is over {MAX_NOTE} characters" in page.text
    assert stories(http) == before


def test_a_fact_marked_wrong_shows_and_leaves_the_contested_count(http: httpx.Client) -> None:
    fire = story_of(http, "fire-a")
    brief = http.get(f"/api/stories/{fire}").json()
    conflict = next(f for f in brief["facts"] if f["status"] == "conflict" and not f["changing"])
    assert conflict["key"].startswith("f-") and conflict["verdict"] is None
    contested = http.get("/api/stories", params={"sort": "contested"}).json()["stories"]
    before = next(s["contested"] for s in contested if s["id"] == fire)
    response = http.post(
        f"/api/stories/{fire}/facts/{conflict['key']}/verdict",
        json={"verdict": "wrong", "note": "Sixty counts the <b>relief</b> crews", "editor": "Ana Reyes"},
        headers=AUTH,
    )
    assert response.status_code == 200, response.text
    after = http.get("/api/stories", params={"sort": "contested"}).json()["stories"]
    assert next(s["contested"] for s in after if s["id"] == fire) == before - 1
    marked = next(f for f in http.get(f"/api/stories/{fire}").json()["facts"] if f["key"] == conflict["key"])
    assert marked["verdict"]["note"] == "Sixty counts the <b>relief</b> crews"
    page = http.get(f"/stories/{fire}").text
    assert "Corrected by Ana Reyes on" in page and 'id="marked-wrong"' in page
    assert "Sixty counts the &lt;b&gt;relief&lt;/b&gt; crews" in page and "<b>relief" not in page
    corrections = http.get(f"/api/stories/{fire}/corrections").json()["corrections"]
    assert [(c["kind"], c["editor"]) for c in corrections] == [("verdict", "Ana Reyes")]


def test_move_and_merge_through_the_page_in_a_browser(http: httpx.Client, base_url: str, browser: Browser) -> None:
    fire, bakery = story_of(http, "fire-a"), story_of(http, "bakery")
    with browser_page(browser, base_url, PHONE) as page:
        page.goto(f"/stories/{quote(fire, safe='')}")
        page.locator("details.editor-forms > summary").click()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.select_option("#move-article", "fire-b")
        page.fill("#move-to", bakery)
        page.fill("#move-editor", "Ben Okafor")
        page.fill("#move-token", TOKEN)
        page.locator("form.editor", has=page.locator("#move-to")).locator("button").click()
        page.wait_for_url(f"**/stories/{fire}#corrections")
        assert "Ben Okafor" in page.content()
        assert story_of(http, "fire-b") == bakery
        page.locator("details.editor-forms > summary").click()
        page.fill("#merge-into", bakery)
        page.fill("#merge-editor", "Ben Okafor")
        page.fill("#merge-token", TOKEN)
        page.locator("form.editor", has=page.locator("#merge-into")).locator("button").click()
        page.wait_for_url(f"**/stories/{bakery}#corrections")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        screenshot(page, "phone-story-corrected")
    assert {story_of(http, a) for a in ("fire-a", "fire-b", "bakery")} == {bakery}
    assert fire not in stories(http)
    # The merged story's address leads to the story it joined; the page is safe.
    assert http.get(f"/stories/{fire}").status_code == 308
    # So does its address in the API.
    moved = http.get(f"/api/stories/{fire}")
    assert moved.status_code == 308 and moved.headers["location"] == f"/api/stories/{bakery}"
    page_text = http.get(f"/stories/{bakery}").text
    assert "<script>alert(1)</script>" not in page_text and "Upland Courier &lt;b&gt;" in page_text
    assert_only_safe_targets(page_text)
    # The verdict made on the fire story came along with the merge.
    assert [c["kind"] for c in http.get(f"/api/stories/{bakery}/corrections").json()["corrections"]] == [
        "verdict",
        "move",
        "merge",
    ]
    merged = http.get(f"/api/stories/{fire}/corrections").json()
    assert merged["merged_into"] == bakery


def test_refresh_recomputes_every_listing_row(tmp_path: Path, http: httpx.Client) -> None:
    from typer.testing import CliRunner

    from crosswire.interfaces.cli import app

    db = str(tmp_path / "cw.db")
    (tmp_path / "r.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS))
    runner = CliRunner()
    assert runner.invoke(app, ["--db", db, "ingest", str(tmp_path / "r.jsonl")]).exit_code == 0
    result = runner.invoke(app, ["--db", db, "refresh", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"refreshed": 2}
