"""The JSON API, the pages and the Atom feed, over a real uvicorn server."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

import feedparser
import httpx
import pytest
from markupsafe import escape

from crosswire.interfaces.api import TOKEN_ENV
from crosswire.interfaces.web.feed import atom_timestamp

if TYPE_CHECKING:
    from conftest import Served

# The fixture ``served`` (conftest.py) names the articles; these are its ids.
FERRY = "harbour-daily-ferry"
FERRY_IDS = {FERRY, "coastal-tribune-ferry"}
LIBRARY = "valley-post-library"


@pytest.fixture
def auth(served: Served) -> dict[str, str]:
    return {"Authorization": f"Bearer {served.write_token}"}


def test_fixture_ids_match_the_ingested_articles(served: Served) -> None:
    assert set(served.ferry_ids) == FERRY_IDS
    assert served.library_id == LIBRARY


# -- GET /api/stories ------------------------------------------------------------
def test_every_ingested_article_is_in_exactly_one_story(http: httpx.Client, served: Served) -> None:
    stories = http.get("/api/stories").json()
    listed = [article for story in stories for article in story["articles"]]
    assert len(listed) == len(set(listed))
    assert set(served.article_ids) <= set(listed)
    for story in stories:
        assert set(story) >= {"id", "title", "articles", "independent_sources", "first_published", "last_published"}


def test_the_two_ferry_reports_form_one_story_with_two_independent_sources(
    http: httpx.Client, ferry_story: str
) -> None:
    story = next(s for s in http.get("/api/stories").json() if s["id"] == ferry_story)
    assert set(story["articles"]) >= FERRY_IDS
    assert story["independent_sources"] == 2
    assert story["first_published"][:10] == story["last_published"][:10] == "2024-03-12"


# -- GET /api/stories/{id} --------------------------------------------------------
def test_brief_cites_spans_inside_the_story_articles(http: httpx.Client, ferry_story: str) -> None:
    response = http.get(f"/api/stories/{quote(ferry_story, safe='')}")
    assert response.status_code == 200
    brief = response.json()
    assert brief["story"] == ferry_story
    assert brief["key_points"], "a two-source story should have key points"
    texts = {article_id: http.get(f"/api/articles/{article_id}").json()["text"] for article_id in FERRY_IDS}
    citations = [c for point in brief["key_points"] for c in point["citations"]]
    assert citations
    for citation in citations:
        assert citation["article"] in texts
        assert 0 <= citation["start"] < citation["end"] <= len(texts[citation["article"]])
    assert {source["article"] for source in brief["sources"]} == FERRY_IDS


def test_brief_marks_the_shared_passenger_count_as_agreed(http: httpx.Client, ferry_story: str) -> None:
    facts = http.get(f"/api/stories/{quote(ferry_story, safe='')}").json()["facts"]
    passengers = [f for f in facts if f["kind"] == "quantity" and f["value"] == 212]
    assert passengers, [(f["about"], f["value"]) for f in facts]
    assert passengers[0]["status"] == "agree"
    assert {m["article"] for m in passengers[0]["mentions"]} == FERRY_IDS


# -- GET /api/articles/{id} -------------------------------------------------------
def test_article_carries_its_story_and_text(http: httpx.Client, ferry_story: str) -> None:
    article = http.get(f"/api/articles/{FERRY}").json()
    assert article["id"] == FERRY
    assert article["story"] == ferry_story
    assert article["duplicate_of"] is None
    assert article["publisher"] == "Harbour Daily"
    assert "212 passengers" in article["text"]


@pytest.mark.parametrize("path", ["/api/stories/no-such-story", "/api/articles/no-such-article"])
def test_unknown_ids_are_json_404s(http: httpx.Client, path: str) -> None:
    response = http.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/json")
    assert "no-such" in response.json()["error"]


@pytest.mark.parametrize("path", ["/stories/no-such-story", "/articles/no-such-article", "/no-such-page", "/story/x"])
def test_unknown_ids_are_html_404_pages(http: httpx.Client, path: str) -> None:
    response = http.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert path.rsplit("/", 1)[1] in response.text and 'href="/"' in response.text


def test_an_address_no_route_answers_on_the_api_stays_json(http: httpx.Client) -> None:
    response = http.get("/api/no-such-route")
    assert response.status_code == 404 and response.headers["content-type"].startswith("application/json")


# -- GET /api/search ----------------------------------------------------------------
def test_search_finds_the_one_article_with_a_word(http: httpx.Client) -> None:
    hits = http.get("/api/search", params={"q": "lighthouse"}).json()
    assert [hit["article"] for hit in hits] == [LIBRARY]
    assert "lighthouse" in hits[0]["snippet"].lower()
    assert set(hits[0]) >= {"article", "title", "story", "snippet"}


def test_search_without_a_match_or_a_query_is_empty(http: httpx.Client) -> None:
    assert http.get("/api/search", params={"q": "zeppelin"}).json() == []
    assert http.get("/api/search").json() == []


# -- POST /api/ingest -----------------------------------------------------------------
RECORD = {
    "id": "posted-bridge",
    "source": "Riverside Courier",
    "title": "Footbridge over the Maren reopens",
    "published": "2024-06-01",
    "text": (
        "The footbridge over the river Maren reopened on Saturday after a six-week repair of its cables.\n\n"
        "Engineers from the county replaced 48 steel hangers and said the bridge was safe for cyclists again."
    ),
}


@pytest.mark.parametrize("authorization", [None, "Bearer wrong", "Bearer", "{token}", "Basic {token}"])
def test_ingest_without_the_right_bearer_token_is_401(
    http: httpx.Client, served: Served, authorization: str | None
) -> None:
    record = {**RECORD, "id": "posted-unauthorised"}
    headers = {} if authorization is None else {"Authorization": authorization.format(token=served.write_token)}
    response = http.post("/api/ingest", json={"records": [record]}, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert "error" in response.json()
    assert http.get("/api/articles/posted-unauthorised").status_code == 404


def test_ingest_checks_the_token_before_the_body(http: httpx.Client) -> None:
    response = http.post("/api/ingest", content=b"not json", headers={"Content-Type": "application/json"})
    assert response.status_code == 401


def test_ingest_is_refused_with_403_when_the_server_has_no_token(
    http: httpx.Client, auth: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(TOKEN_ENV)
    record = {**RECORD, "id": "posted-without-token"}
    response = http.post("/api/ingest", json=record, headers=auth)
    assert response.status_code == 403
    assert TOKEN_ENV in response.json()["error"]
    assert http.get("/api/articles/posted-without-token").status_code == 404


def test_ingest_with_the_token_stores_records_and_is_idempotent(http: httpx.Client, auth: dict[str, str]) -> None:
    response = http.post("/api/ingest", json={"records": [RECORD, {"id": "empty-one"}]}, headers=auth)
    assert response.status_code == 200
    report = response.json()
    assert report["ingested"] == 1
    assert [error["path"] for error in report["errors"]] == ["request record 1"]
    stored = http.get(f"/api/articles/{RECORD['id']}").json()
    assert stored["publisher"] == "Riverside Courier"
    assert "48 steel hangers" in stored["text"]
    assert any(RECORD["id"] in story["articles"] for story in http.get("/api/stories").json())

    again = http.post("/api/ingest", json=[RECORD], headers=auth).json()
    assert (again["ingested"], again["duplicates"]) == (0, 1)


def test_ingest_accepts_a_raw_html_record(http: httpx.Client, auth: dict[str, str]) -> None:
    page = (
        "<html><head><title>Night trains return to the Osk line</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav>"
        "<article><h1>Night trains return to the Osk line</h1>"
        "<p>Night trains will run again on the Osk line from next month, the rail operator announced on Monday, "
        "ending a two-year pause caused by track renewal work between the coastal towns.</p>"
        "<p>The operator said sleeper carriages would leave the capital at ten in the evening and arrive "
        "in Osk shortly after six in the morning, with tickets on sale from Thursday.</p>"
        "<p>Passenger groups welcomed the return of the service but asked for cheaper fares for students "
        "and pensioners who rely on the overnight connection.</p></article></body></html>"
    )
    response = http.post("/api/ingest", json={"id": "posted-night-trains", "html": page}, headers=auth)
    assert response.status_code == 200, response.text
    assert response.json()["ingested"] == 1, response.json()
    stored = http.get("/api/articles/posted-night-trains").json()
    assert "sleeper carriages" in stored["text"]
    assert stored["kind"] == "html"


# -- /openapi.json ---------------------------------------------------------------------
def test_openapi_documents_every_api_route(http: httpx.Client) -> None:
    spec = http.get("/openapi.json").json()
    paths = spec["paths"]
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}", "/api/search"):
        assert "get" in paths[path]
        assert "200" in paths[path]["get"]["responses"]
    assert {"401", "403"} <= set(paths["/api/ingest"]["post"]["responses"])
    assert "BriefOut" in spec["components"]["schemas"]


# -- /feeds/stories.atom ----------------------------------------------------------------
def test_atom_feed_has_one_entry_per_story(http: httpx.Client, served: Served) -> None:
    response = http.get("/feeds/stories.atom")
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    stories = http.get("/api/stories").json()
    assert len(feed.entries) == len(stories)
    by_link = {entry.link: entry for entry in feed.entries}
    for story in stories:
        entry = by_link[f"{served.base_url}/stories/{quote(story['id'], safe='')}"]
        assert entry.title == story["title"]
        if story["last_published"]:
            assert entry.updated == atom_timestamp(story["last_published"])


def test_atom_timestamps_are_rfc3339() -> None:
    assert atom_timestamp("2024-03-12") == "2024-03-12T00:00:00Z"
    assert atom_timestamp("2024-03-12T08:30:00+02:00") == "2024-03-12T08:30:00+02:00"
    assert atom_timestamp("2024-03-12T08:30:00") == "2024-03-12T08:30:00Z"
    assert atom_timestamp("last spring") is None
    assert atom_timestamp(None) is None


# -- pages ----------------------------------------------------------------------------------
def test_stories_page_lists_each_story_with_counts(http: httpx.Client) -> None:
    page = http.get("/").text
    for story in http.get("/api/stories").json():
        assert escape(story["title"]) in page
        assert f'href="/stories/{quote(story["id"], safe="")}"' in page


def test_story_page_shows_key_points_with_citation_links(http: httpx.Client, ferry_story: str) -> None:
    brief = http.get(f"/api/stories/{quote(ferry_story, safe='')}").json()
    page = http.get(f"/stories/{quote(ferry_story, safe='')}").text
    for point in brief["key_points"]:
        assert escape(point["text"]) in page
        for c in point["citations"]:
            assert f'href="/articles/{c["article"]}?hl={c["start"]}-{c["end"]}#c-{c["start"]}-{c["end"]}"' in page
    for fact in brief["facts"]:
        assert f'<span class="badge badge-{fact["status"]}">' in page
    conflicts = [fact for fact in brief["facts"] if fact["status"] == "conflict" and not fact["changing"]]
    section = page.split('<section id="contested">', 1)[1].split('<section id="changes">', 1)[0]
    for fact in conflicts:
        for mention in fact["mentions"]:
            assert escape(mention["text"]) in section
    assert ('<li class="side">' in section) == bool(conflicts)


def test_article_page_marks_the_requested_span(http: httpx.Client) -> None:
    text = http.get(f"/api/articles/{FERRY}").json()["text"]
    start = text.index("212 passengers")
    end = start + len("212 passengers")
    page = http.get(f"/articles/{FERRY}", params={"hl": f"{start}-{end}"}).text
    assert f'<mark class="cited" id="m-{start}-{end}">212 passengers</mark>' in page
    assert f'<span class="anchor" id="c-{start}-{end}"></span>' in page  # where its link scrolls to
    plain = http.get(f"/articles/{FERRY}", params={"hl": "not-a-span"}).text
    assert "<mark" not in plain


def test_pages_escape_what_articles_say(http: httpx.Client) -> None:
    title = http.get(f"/api/articles/{LIBRARY}").json()["title"]
    assert "<after>" in title
    for path in ("/", f"/articles/{LIBRARY}"):
        page = http.get(path).text
        assert "<after>" not in page
        assert escape(title) in page


def test_search_page_highlights_the_word(http: httpx.Client) -> None:
    page = http.get("/search", params={"q": "lighthouse"}).text
    assert f'href="/articles/{LIBRARY}?q=lighthouse#t-1"' in page
    assert "<mark>lighthouse</mark>" in page.lower()


def test_static_stylesheet_is_served_locally(http: httpx.Client) -> None:
    page = http.get("/").text
    assert 'href="/static/style.css"' in page
    assert "http://" not in page.split("<body>")[0] and "https://" not in page.split("<body>")[0]
    assert http.get("/static/style.css").status_code == 200
