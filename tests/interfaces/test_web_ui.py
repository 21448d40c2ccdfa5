"""The web UI in a real browser (Debian chromium driven by Playwright),
plus the pure helpers the pages are built from."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from conftest import screenshot
from playwright.sync_api import Browser, Page, expect

from crosswire.interfaces.api import CONTENT_SECURITY_POLICY
from crosswire.interfaces.web.highlight import Piece, highlight_spans, parse_span, snippet_pieces
from crosswire.interfaces.web.story_page import contested_facts

if TYPE_CHECKING:
    from conftest import Served


@pytest.fixture
def page(browser: Browser, served: Served) -> Iterator[Page]:
    context = browser.new_context(base_url=served.base_url, viewport={"width": 1200, "height": 900})
    # The UI must work offline: fail any request that leaves the test server.
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(served.base_url) else route.abort(),
    )
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


def test_reader_follows_a_key_point_citation_to_the_highlighted_span(
    page: Page, http: httpx.Client, served: Served, ferry_story: str
) -> None:
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))

    page.goto("/")
    screenshot(page, "walk-stories")
    story_title = http.get(f"/api/stories/{ferry_story}").json()["title"]
    page.get_by_role("link", name=story_title, exact=True).click()
    expect(page.locator("h1")).to_have_text(story_title)

    key_points = page.locator("#key-points li")
    assert key_points.count() >= 1
    screenshot(page, "walk-story")

    citation = key_points.first.locator("a.cite").first
    href = citation.get_attribute("href")
    assert href is not None
    citation.click()
    page.wait_for_load_state()

    url = urlparse(page.url)
    article_id = url.path.rsplit("/", 1)[1]
    assert article_id in served.ferry_ids
    start, end = (int(n) for n in parse_qs(url.query)["hl"][0].split("-"))
    text = http.get(f"/api/articles/{article_id}").json()["text"]
    mark = page.locator(f"mark#m-{start}-{end}")
    expect(mark).to_have_text(text[start:end])
    expect(mark).to_be_in_viewport()
    # The link scrolls to an anchor before the span (the sentence before it, or the page top).
    assert url.fragment == f"c-{start}-{end}"
    expect(page.locator(f"#c-{start}-{end}")).to_have_count(1)
    # The highlight is visibly different from the text around it.
    background = mark.evaluate("element => getComputedStyle(element).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    screenshot(page, "walk-article")
    assert failed == []


def test_search_box_finds_an_article(page: Page, served: Served) -> None:
    page.goto("/")
    page.get_by_role("searchbox", name="Search articles").fill("lighthouse")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("ol.results li")).to_have_count(1)
    expect(page.locator("ol.results mark").first).to_have_text("lighthouse", ignore_case=True)
    page.locator("ol.results a.result-title").click()
    assert urlparse(page.url).path == f"/articles/{served.library_id}"


def test_story_page_shows_status_badges_and_sources(page: Page, http: httpx.Client, ferry_story: str) -> None:
    brief = http.get(f"/api/stories/{ferry_story}").json()
    page.goto(f"/stories/{ferry_story}")
    # Every fact is there, collapsed until asked for.
    expect(page.locator("#facts table")).to_be_hidden()
    page.locator("#facts summary").click()
    for status in {fact["status"] for fact in brief["facts"]}:
        expect(page.locator(f"#facts .badge-{status}").first).to_be_visible()
    expect(page.locator("#sources tbody tr")).to_have_count(len(brief["sources"]))


# -- the pages under the Content-Security-Policy -------------------------------------
#: Collects the policy violations a page reports; added by Playwright (over the
#: DevTools protocol), so the page's own policy does not block it.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


def test_pages_render_under_the_policy_without_violations(
    page: Page, http: httpx.Client, served: Served, ferry_story: str
) -> None:
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.add_init_script(RECORD_VIOLATIONS)
    text = http.get(f"/api/articles/{served.ferry_ids[0]}").json()["text"]
    start = text.index("212 passengers")
    paths = [
        "/",
        f"/stories/{ferry_story}",
        f"/articles/{served.ferry_ids[0]}?hl={start}-{start + 14}",
        "/search?q=lighthouse",
        "/articles/no-such-article",
    ]
    for path in paths:
        response = page.goto(path)
        assert response is not None
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert page.evaluate("window.__violations") == [], path
        # The stylesheet is allowed and applied: the header bar is dark, the text has its font.
        header = page.locator("header.site").evaluate("element => getComputedStyle(element).backgroundColor")
        assert header == "rgb(29, 35, 43)", path
    expect(page.locator("h1")).to_have_text("Not found")
    page.goto(f"/stories/{ferry_story}")
    expect(page.locator("#key-points li").first).to_be_visible()
    page.goto(f"/articles/{served.ferry_ids[0]}?hl={start}-{start + 14}")
    expect(page.locator(f"mark#m-{start}-{start + 14}")).to_have_text("212 passengers")
    assert [line for line in console if "Content Security Policy" in line or "Refused to" in line] == []

    # The listener does see a violation: an inline style is refused.
    page.evaluate("() => { const s = document.createElement('style'); s.textContent = 'body{}'; "
                  "document.head.appendChild(s); }")  # fmt: skip
    page.wait_for_function("window.__violations.length > 0")
    assert page.evaluate("window.__violations")[0].startswith("style-src")


BROWSER_HOSTILE_URLS = [
    "JaVaScRiPt:document.title='clicked'",
    " javascript:document.title='clicked'",
    "java\tscript:document.title='clicked'",
    "javascript://%0adocument.title='clicked'",
    "data:text/html,<script>document.title='clicked'</script>",
]


def test_hostile_article_urls_are_no_links_in_the_browser(page: Page, http: httpx.Client, served: Served) -> None:
    records = [
        {
            "id": f"browser-hostile-{index}",
            "source": "Pier Notes",
            "url": url,
            "title": f"Pier lights repaired, report {index}",
            "published": f"2024-08-0{index + 1}",
            "text": f"Report {index}: the lights on the old pier were repaired on Monday, the pier trust said.",
        }
        for index, url in enumerate(BROWSER_HOSTILE_URLS)
    ]
    auth = {"Authorization": f"Bearer {served.write_token}"}
    assert http.post("/api/ingest", json={"records": records}, headers=auth).json()["errors"] == []
    for record in records:
        page.goto(f"/articles/{record['id']}")
        # The browser's own reading of every link on the page.
        protocols = page.locator("a").evaluate_all("links => links.map(link => link.protocol)")
        assert set(protocols) <= {"http:", "https:"}, (record["url"], protocols)
        expect(page.locator("dd span.url")).to_have_count(1)
        for link in page.locator("a").all():
            assert not (link.get_attribute("href") or "").strip().lower().startswith(("javascript", "data"))
        expect(page).to_have_title(f"Pier lights repaired, report {record['id'][-1]} · crosswire")


# -- helpers behind the pages ------------------------------------------------------
def test_highlight_spans_marks_each_span_and_keeps_all_text() -> None:
    text = "The ferry carried 212 passengers and 9 crew."
    crew, passengers = text.index("9 crew."), text.index("212 passengers")
    pieces = highlight_spans(text, [(crew, len(text)), (passengers, passengers + 14)])
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.mark) for p in pieces if p.mark] == [
        ("212 passengers", f"c-{passengers}-{passengers + 14}"),
        ("9 crew.", f"c-{crew}-{len(text)}"),
    ]


def test_highlight_spans_clips_out_of_range_and_merges_overlaps() -> None:
    text = "abcdefghij"
    pieces = highlight_spans(text, [(2, 6), (4, 8), (20, 30)])
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.mark) for p in pieces] == [("ab", None), ("cdef", "c-2-6"), ("gh", "c-4-8"), ("ij", None)]
    assert highlight_spans("", []) == [Piece("")]


@pytest.mark.parametrize(("value", "span"), [("3-9", (3, 9)), (" 3 - 9 ", (3, 9)), ("9-3", None), ("x", None)])
def test_parse_span(value: str, span: tuple[int, int] | None) -> None:
    assert parse_span(value) == span


def test_snippet_pieces_marks_the_bracketed_words() -> None:
    pieces = snippet_pieces("… a [lighthouse] mural in the [reading] room")
    assert [p.text for p in pieces if p.mark] == ["lighthouse", "reading"]
    assert "".join(p.text for p in pieces) == "… a lighthouse mural in the reading room"


def test_contested_facts_put_the_reports_side_by_side_in_publication_order() -> None:
    def mention(article: str, value: float) -> dict[str, object]:
        return {"article": article, "text": f"{value:g} crew", "value": value, "qualifier": None, "start": 0, "end": 5}

    facts = [
        {"kind": "quantity", "about": "crew injured", "value": 4, "status": "conflict",
         "mentions": [mention("a", 4), mention("b", 6)]},
        {"kind": "quantity", "about": "passengers", "value": 212, "status": "agree",
         "mentions": [mention("a", 212), mention("b", 212)]},
        {"kind": "quantity", "about": "toll", "value": 7, "status": "conflict", "changing": True,
         "mentions": [mention("a", 3), mention("b", 7)]},
        {"kind": "quantity", "about": "hours", "value": 3, "status": "conflict",
         "mentions": [mention("c", 3), mention("a", 2)]},
    ]  # fmt: skip
    # A wire sentence printed by two outlets ("d" and "b") is one side naming both.
    facts[0]["mentions"] += [mention("d", 6), mention("b", 6)]  # "b" repeats its own words: cited once
    published = {"a": "2024-03-12T10:00:00", "b": "2024-03-12T09:00:00", "c": None, "d": "2024-03-12T11:00:00"}
    rows = contested_facts(facts, published)
    assert [row["fact"]["about"] for row in rows] == ["crew injured", "hours"]  # not the changing toll
    assert [[m["article"] for m in side["reports"]] for side in rows[0]["sides"]] == [["b", "d"], ["a"]]
    assert [side["value"] for side in rows[0]["sides"]] == [6, 4]
    assert [[m["article"] for m in side["reports"]] for side in rows[1]["sides"]] == [["c"], ["a"]]  # undated first


def test_the_outlet_a_reader_credits() -> None:
    from crosswire.interfaces.web.story_page import outlet_label
    from crosswire.store import ArticleSummary

    def head(publisher: str | None, via: str | None, url: str | None) -> ArticleSummary:
        return ArticleSummary("quay-fire.html", "Fire at the quay", None, publisher, via, url, "s-1", None)

    assert outlet_label(head("Harbor Ledger", None, None)) == "Harbor Ledger"
    assert outlet_label(head("Harbor Ledger", "NewsHive", None)) == "Harbor Ledger via NewsHive"
    assert outlet_label(head(None, None, "https://www.quay-post.example/fire")) == "quay-post.example"
    assert outlet_label(head(None, None, None)) == "quay-fire.html"


def test_a_long_listing_links_its_first_last_and_nearby_pages_by_number() -> None:
    from crosswire.interfaces.web.listing import paging

    pages = paging(6, 20, 1140, lambda n: f"/search?q=ferry&page={n}")  # 57 pages
    assert [number for number, _ in pages.numbered] == [1, 0, 4, 5, 6, 7, 8, 0, 57]
    assert dict(pages.numbered)[6] is None  # this page is no link
    assert dict(pages.numbered)[57] == "/search?q=ferry&page=57"
    assert [n for n, _ in paging(2, 20, 60, str).numbered] == [1, 2, 3]
    assert paging(1, 20, 15, str).numbered == ()


def test_an_outlets_own_later_article_folds_under_its_row_and_copies_stand_apart() -> None:
    from crosswire.interfaces.web.story_page import outlet_rows

    sources = [
        {"article": "quay-2", "independent": False, "copy_of": None},  # Quay Post's own update
        {"article": "quay-1", "independent": True, "copy_of": None},
        {"article": "hive-1", "independent": False, "copy_of": "quay-1"},  # a republication
        {"article": "ledger-1", "independent": True, "copy_of": None},
    ]
    published = {"quay-1": "2026-03-01T08:00", "ledger-1": "2026-03-01T09:00", "hive-1": "2026-03-01T10:00",
                 "quay-2": "2026-03-01T18:00"}  # fmt: skip
    outlets = {"quay-1": "Quay Post", "quay-2": "Quay Post", "hive-1": "Quay Post via NewsHive", "ledger-1": "Ledger"}
    rows, copies = outlet_rows(sources, published, outlets)
    assert [(row.outlet, row.first["article"], [s["article"] for s in row.more]) for row in rows] == [
        ("Quay Post", "quay-1", ["quay-2"]),
        ("Ledger", "ledger-1", []),
    ]
    assert [copy["article"] for copy in copies] == ["hive-1"]


def test_the_page_shows_a_quantity_as_the_brief_asserts_it() -> None:
    from crosswire.interfaces.web.story_page import same_wording, shape_facts

    vague = {"article": "a1", "text": "hundreds of residents", "value": 100, "value_max": 1000, "qualifier": None,
             "shown": "hundreds (200–1,000)", "start": 0, "end": 21}  # fmt: skip
    bound = {"article": "a2", "text": "more than 40 residents", "value": 40, "value_max": None,
             "qualifier": "more than", "shown": "more than 40", "start": 0, "end": 22}  # fmt: skip
    facts = [{"kind": "quantity", "about": "residents evacuated", "value": 100, "shown": "hundreds (200–1,000)",
              "status": "conflict", "mentions": [vague, bound]}]  # fmt: skip
    shape_facts(facts)
    assert facts[0]["shown"] == "hundreds (200–1,000)"
    assert facts[0]["figures"] == ["hundreds (200–1,000)", "more than 40"]
    wordings = same_wording("quantity", [vague, bound])
    # The qualifier is printed apart from the value; the value in the brief's own number style (thousands separated).
    assert [(w["qualifier"], w["shown"]) for w in wordings] == [(None, "200–1,000"), ("more than", "40")]
