"""The story list (issue 15): contested counts and badges, sorts, filters and pages, in the page and the API.

Runs a real server over the bundled fictional sample corpus; what is expected
is worked out from the API's own briefs and articles, not from fixed output.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx
import pytest

from crosswire.store import open_store
from crosswire.story_listing import ENTITY_LABELS, PLACE_LABELS

if TYPE_CHECKING:
    from conftest import Server


def contested_in_brief(brief: dict[str, Any]) -> int:
    return sum(1 for fact in brief["facts"] if fact["status"] == "conflict" and not fact.get("changing"))


@pytest.fixture(scope="module")
def every_story(sample_http: httpx.Client) -> list[dict[str, Any]]:
    stories = sample_http.get("/api/stories").json()
    assert isinstance(stories, list) and len(stories) >= 5
    return list(stories)


@pytest.fixture(scope="module")
def briefs(sample_http: httpx.Client, every_story: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {s["id"]: sample_http.get(f"/api/stories/{quote(s['id'], safe='')}").json() for s in every_story}


@pytest.fixture(scope="module")
def articles(sample_http: httpx.Client, every_story: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    ids = [a for s in every_story for a in s["articles"]]
    return {a: sample_http.get(f"/api/articles/{quote(a, safe='')}").json() for a in ids}


def listed(http: httpx.Client, **params: Any) -> dict[str, Any]:
    response = http.get("/api/stories", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert isinstance(body["stories"], list)
    return dict(body)


def test_without_parameters_the_api_keeps_the_contract_array(
    every_story: list[dict[str, Any]], briefs: dict[str, dict[str, Any]]
) -> None:
    for story in every_story:
        assert set(story) >= {"id", "title", "articles", "independent_sources", "first_published", "last_published"}
        assert story["contested"] == contested_in_brief(briefs[story["id"]]), story["title"]


def test_contested_counts_follow_the_briefs_and_some_story_is_contested(
    sample_http: httpx.Client, briefs: dict[str, dict[str, Any]]
) -> None:
    body = listed(sample_http, per_page=200)
    assert body["total"] == len(briefs) == len(body["stories"])
    counts = {s["id"]: s["contested"] for s in body["stories"]}
    assert counts == {story_id: contested_in_brief(brief) for story_id, brief in briefs.items()}
    assert any(counts.values()), "the sample corpus holds contradicting reports"
    assert not all(counts.values())


def _badged_rows(page: str) -> dict[str, bool]:
    """Story id → whether its row in the list carries the contested badge."""
    rows = page.split('<tr class="story')[1:]
    found = {}
    for row in rows:
        link = re.search(r'href="/stories/([^"]+)"', row)
        assert link is not None
        found[link.group(1)] = "contested-badge" in row.split("</tr>")[0]
    return found


def test_the_badge_marks_exactly_the_contested_stories(
    sample_http: httpx.Client, briefs: dict[str, dict[str, Any]]
) -> None:
    badged = _badged_rows(sample_http.get("/", params={"per_page": 200}).text)
    assert badged == {story_id: contested_in_brief(brief) > 0 for story_id, brief in briefs.items()}


def test_pages_split_the_list_without_overlap(sample_http: httpx.Client, every_story: list[dict[str, Any]]) -> None:
    first, second = listed(sample_http, per_page=3, page=1), listed(sample_http, per_page=3, page=2)
    assert first["total"] == second["total"] == len(every_story)
    assert first["pages"] == -(-len(every_story) // 3)
    ids_1, ids_2 = [s["id"] for s in first["stories"]], [s["id"] for s in second["stories"]]
    assert len(ids_1) == len(ids_2) == 3 and not set(ids_1) & set(ids_2)
    # The default order is the contract list's order, largest first.
    assert ids_1 + ids_2 == [s["id"] for s in every_story][:6]
    page = sample_http.get("/", params={"per_page": 3, "page": 2}).text
    assert list(_badged_rows(page)) == ids_2
    assert 'rel="prev"' in page and 'rel="next"' in page
    assert f"4–6 of {len(every_story)} stories" in page


def test_sorts_order_by_date_and_by_contested_facts(sample_http: httpx.Client) -> None:
    newest = listed(sample_http, sort="newest", per_page=200)["stories"]
    days = [s["last_published"][:10] for s in newest if s["last_published"]]
    assert days == sorted(days, reverse=True)
    contested = [s["contested"] for s in listed(sample_http, sort="contested", per_page=200)["stories"]]
    assert contested == sorted(contested, reverse=True)
    only = listed(sample_http, contested="true", per_page=200)
    assert only["total"] == sum(1 for n in contested if n) and all(s["contested"] for s in only["stories"])


def test_the_date_range_keeps_stories_published_within_it(
    sample_http: httpx.Client, every_story: list[dict[str, Any]]
) -> None:
    dated = sorted({s["first_published"][:10] for s in every_story if s["first_published"]})
    since, until = dated[1], dated[-2]
    body = listed(sample_http, since=since, until=until, per_page=200)
    expected = {
        s["id"]
        for s in every_story
        if s["first_published"] and s["last_published"][:10] >= since and s["first_published"][:10] <= until
    }
    assert {s["id"] for s in body["stories"]} == expected and body["total"] == len(expected)
    assert 0 < len(expected) < len(every_story)


def test_the_outlet_filter_keeps_the_stories_it_reported(
    sample_http: httpx.Client, every_story: list[dict[str, Any]], articles: dict[str, dict[str, Any]]
) -> None:
    outlet_of = {a: (article["publisher"] or article["via"]) for a, article in articles.items()}
    outlets = sorted({o for o in outlet_of.values() if o})
    assert len(outlets) > 3
    for outlet in outlets[:4]:
        body = listed(sample_http, outlet=outlet.upper(), per_page=200)
        expected = {s["id"] for s in every_story if any(outlet_of[a] == outlet for a in s["articles"])}
        assert {s["id"] for s in body["stories"]} == expected, outlet
        assert 0 < body["total"] == len(expected) < len(every_story)


def test_entity_and_place_filters_keep_the_stories_naming_them(
    sample: Server, sample_http: httpx.Client, every_story: list[dict[str, Any]], articles: dict[str, dict[str, Any]]
) -> None:
    store = open_store(sample.db)
    try:
        place, entity = store.story_terms("place", 1)[0], store.story_terms("entity", 1)[0]
    finally:
        store.close()

    def names(article: dict[str, Any], labels: frozenset[str]) -> set[str]:
        entities = article.get("annotations", {}).get("entities", [])
        return {(e.get("name") or e["text"]).casefold() for e in entities if e["label"] in labels}

    for key, value, labels in (("place", place, PLACE_LABELS), ("entity", entity, ENTITY_LABELS)):
        body = listed(sample_http, per_page=200, **{key: value})
        expected = {s["id"] for s in every_story if any(value.casefold() in names(articles[a], labels)
                                                         for a in s["articles"])}  # fmt: skip
        assert {s["id"] for s in body["stories"]} == expected, (key, value)
        assert 0 < len(expected) < len(every_story)


@pytest.mark.parametrize("params", [{"since": "March"}, {"page": 0}, {"per_page": 5000}, {"sort": "random"}])
def test_bad_api_parameters_are_refused_with_422(sample_http: httpx.Client, params: dict[str, Any]) -> None:
    response = sample_http.get("/api/stories", params=params)
    assert response.status_code == 422
    # The API's error shape, as its 404s: a message naming the parameter, FastAPI's detail beside it.
    body = response.json()
    assert next(iter(params)) in body["error"] and body["detail"]


def test_the_page_says_what_it_left_out_of_a_bad_query(sample_http: httpx.Client) -> None:
    response = sample_http.get("/", params={"since": "<b>March</b>", "sort": "random"})
    assert response.status_code == 200
    assert "Left out: since: &#39;&lt;b&gt;March&lt;/b&gt;&#39; is not a date" in response.text
    assert "<b>March</b>" not in response.text
    empty = sample_http.get("/", params={"outlet": "No Such Outlet"}).text
    assert "No story matches these filters" in empty and '<tr class="story' not in empty
