"""Search (issue 15): the real total, pages, results with story title, outlet and date, and the
search's words marked in the snippet and on the article page a result leads to."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from conftest import browser_page
from playwright.sync_api import Browser, expect

from crosswire.interfaces.web.pages import SEARCH_PER_PAGE

if TYPE_CHECKING:
    from conftest import Served

WORD = "quillwort"
# Fictional notes from a botanical survey, more than one page of them, each in its own words.
PLACES = ["Alder Pond", "Brennick Moor", "Cask Lake", "Dunlin Marsh", "Eel Creek", "Fenwick Tarn", "Gorse Hollow",
          "Heron Mere", "Ivy Fen", "Juniper Loch", "Kestrel Pool", "Larch Water", "Merrow Bog", "Nettle Lake",
          "Otter Reach", "Pike Pond", "Quarry Mere", "Rush Tarn", "Sedge Water", "Teal Pool", "Umber Lake",
          "Vole Marsh", "Wren Pond", "Yarrow Fen", "Zander Lake"]  # fmt: skip
RECORDS = [
    {"id": f"survey-{n:02d}", "source": "Moorland Naturalist" if n % 2 else "Fen Country Gazette",
     "title": f"Survey counts plants at {place}", "published": f"2024-06-{n + 1:02d}",
     "text": f"Volunteers surveying {place} found {n + 3} clumps of {WORD} in the shallows on day {n}. "
             f"The {place} survey team said the water at {place} was clearer than in earlier years."}
    for n, place in enumerate(PLACES)
]  # fmt: skip


@pytest.fixture(scope="module")
def surveyed(http: httpx.Client, served: Served) -> list[str]:
    auth = {"Authorization": f"Bearer {served.write_token}"}
    report = http.post("/api/ingest", json={"records": RECORDS}, headers=auth).json()
    assert report["errors"] == [], report
    return [str(r["id"]) for r in RECORDS]


def result_ids(page: str) -> list[str]:
    return [part.split("?", 1)[0] for part in page.split('<a class="result-title" href="/articles/')[1:]]


def test_the_total_is_every_match_and_pages_go_through_them_all(http: httpx.Client, surveyed: list[str]) -> None:
    assert len(surveyed) > SEARCH_PER_PAGE
    api = http.get("/api/search", params={"q": WORD, "limit": 10})
    assert api.headers["x-total-count"] == str(len(surveyed)) and len(api.json()) == 10
    first = http.get("/search", params={"q": WORD}).text
    second = http.get("/search", params={"q": WORD, "page": 2}).text
    assert f"{len(surveyed)} articles found" in first
    ids_1, ids_2 = result_ids(first), result_ids(second)
    assert len(ids_1) == SEARCH_PER_PAGE and len(ids_2) == len(surveyed) - SEARCH_PER_PAGE
    assert sorted(ids_1 + ids_2) == sorted(surveyed)
    assert 'rel="next"' in first and 'rel="prev"' in second
    # Past the last page, the pager says where the results end, and links it by number.
    # A query past the longest one searched is cut at a word, and the page says so.
    long_query = " ".join([WORD] * 200)
    cut = http.get("/search", params={"q": long_query}).text
    assert "cut to the first 500 characters" in cut and f"{WORD} {WORD}”" in cut
    beyond = http.get("/search", params={"q": WORD, "page": 9}).text
    assert f"There is no page 9: the {len(surveyed)} articles end on page 2" in beyond
    assert 'aria-label="Page 2"' in beyond
    # The API pages the same way.
    paged = [h["article"] for n in (1, 2, 3) for h in http.get("/api/search", params={"q": WORD, "limit": 10,
                                                                                      "page": n}).json()]  # fmt: skip
    assert sorted(paged) == sorted(surveyed)


def test_results_name_story_outlet_and_date_and_mark_the_words(http: httpx.Client, surveyed: list[str]) -> None:
    hit = http.get("/api/search", params={"q": f"{WORD} Heron"}).json()
    assert [h["article"] for h in hit] == ["survey-07"]
    story = http.get(f"/api/articles/{hit[0]['article']}").json()["story"]
    story_title = http.get(f"/api/stories/{story}").json()["title"]
    assert hit[0]["publisher"] == "Moorland Naturalist" and hit[0]["published"] == "2024-06-08"
    assert hit[0]["story_title"] == story_title
    page = http.get("/search", params={"q": f"{WORD} Heron"}).text
    assert "1 article found" in page
    assert f">{story_title}</a>" in page and "Moorland Naturalist" in page and "8 June 2024" in page
    assert f"<mark>{WORD}</mark>" in page and "<mark>Heron</mark>" in page


def test_a_search_without_matches_says_none(http: httpx.Client) -> None:
    page = http.get("/search", params={"q": "zeppelinhangar"}).text
    assert "0 articles found" in page and "<ol class=\"results\"" not in page


def test_a_result_leads_to_the_article_with_the_words_marked(
    browser: Browser, served: Served, surveyed: list[str]
) -> None:
    with browser_page(browser, served.base_url, {"width": 390, "height": 700}) as page:
        page.goto(f"/search?q={WORD}+clearer")
        page.locator("a.result-title").first.click()
        url = urlparse(page.url)
        assert parse_qs(url.query)["q"] == [f"{WORD} clearer"] and url.fragment == "t-1"
        marked = page.locator(".text mark.term")
        expect(marked).to_have_count(2)
        assert {text.lower() for text in marked.all_inner_texts()} == {WORD, "clearer"}
        expect(page.locator("#t-1")).to_be_in_viewport()
        expect(page.locator("nav.article-bar")).to_contain_text("search results")
