"""The article page (issue 15): readable dates, the story by its title, a way back, a citation jump
that shows the sentence before the cited span, and page furniture greyed and shown on demand."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx
import pytest
from conftest import browser_page
from playwright.sync_api import Browser, expect

from crosswire.interfaces.web.dates import readable_date
from crosswire.interfaces.web.highlight import Piece, article_pieces, lead_in, search_terms

if TYPE_CHECKING:
    from conftest import Served, Server

# A long fictional report, so that a citation far down the page needs a scroll.
LONG_PARAGRAPHS = [
    f"Paragraph {n}: the Brennick tram works moved on to the {n}th block of Quarry Lane, the transport office said. "
    f"Residents of the block were told of the works by letter a week before."
    for n in range(1, 41)
]
LONG_TEXT = "\n\n".join(LONG_PARAGRAPHS)
RECORDS = [
    {"id": "tram-works-long", "source": "Brennick Bugle", "title": "Tram works reach Quarry Lane",
     "published": "2024-04-02T07:45:00+01:00", "text": LONG_TEXT},
    {"id": "tram-works-midnight", "source": "Quarry Lane Notes", "title": "Quarry Lane tram works notice",
     "published": "2016-11-09T00:00:00",
     "text": "The transport office said the Quarry Lane tram works would close the lane for a week in November."},
]  # fmt: skip


@pytest.fixture(scope="module")
def posted(http: httpx.Client, served: Served) -> dict[str, Any]:
    auth = {"Authorization": f"Bearer {served.write_token}"}
    report = http.post("/api/ingest", json={"records": RECORDS}, headers=auth).json()
    assert report["errors"] == [], report
    return {r["id"]: http.get(f"/api/articles/{r['id']}").json() for r in RECORDS}


# -- dates ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2024-03-12", "12 March 2024"),
        ("2016-11-09T00:00:00", "9 November 2016"),  # a day-only stamp: no invented midnight
        ("2024-04-02T07:45:00+01:00", "2 April 2024, 07:45 (UTC+01:00)"),
        ("2024-04-02T18:05:00Z", "2 April 2024, 18:05 (UTC)"),
        ("2024-04-02T18:05", "2 April 2024, 18:05"),
        ("next Tuesday", "next Tuesday"),
    ],
)
def test_readable_date(value: str, shown: str) -> None:
    assert readable_date(value) == shown


def test_the_page_shows_readable_dates_and_the_story_by_title(http: httpx.Client, posted: dict[str, Any]) -> None:
    midnight = http.get("/articles/tram-works-midnight").text
    assert "9 November 2016" in midnight and "T00:00:00</" not in midnight and "00:00" not in midnight.split("<dl")[1]
    timed = http.get("/articles/tram-works-long").text
    assert "2 April 2024, 07:45 (UTC+01:00)" in timed
    story = posted["tram-works-long"]["story"]
    title = http.get(f"/api/stories/{quote(story, safe='')}").json()["title"]
    link = f'<a class="story-title" href="/stories/{quote(story, safe="")}">{title}</a>'
    assert link in timed
    assert f'class="back" href="/stories/{quote(story, safe="")}"' in timed


# -- a citation jump ------------------------------------------------------------------------------
def test_lead_in_is_the_previous_sentence_unless_it_is_long() -> None:
    sentences = [(0, 10), (11, 30), (31, 900), (901, 950)]
    assert lead_in(sentences, 5) == -1  # the first sentence: the page's top
    assert lead_in(sentences, 12) == 0
    assert lead_in(sentences, 40) == 11
    assert lead_in(sentences, 905) == 901  # the sentence before is over MAX_LEAD_IN characters


def test_article_pieces_keep_the_text_and_place_anchor_marks_and_terms() -> None:
    text = "The depot opened. Twelve trams will use the depot. Residents asked for a footpath."
    start = text.index("Twelve trams")
    pieces, top = article_pieces(text, [(start, start + 12)], [(0, 17), (18, 51), (52, len(text))], ["depot"])
    assert "".join(p.text for p in pieces) == text and top == []
    assert pieces[0] == Piece("", anchor=f"c-{start}-{start + 12}")  # at the sentence before
    assert [p.text for p in pieces if p.mark] == ["Twelve trams"]
    assert [p.text for p in pieces if p.term] == ["depot", "depot"]
    first, top = article_pieces(text, [(4, 9)], [(0, 17), (18, 51)])
    assert top == ["c-4-9"] and not any(p.anchor for p in first)
    assert search_terms("Depot, depot AND trams") == ["depot", "and", "trams"]


def test_a_citation_jump_shows_the_sentence_before_and_the_way_back(
    browser: Browser, served: Served, posted: dict[str, Any]
) -> None:
    text = posted["tram-works-long"]["text"]
    start = text.index("Residents of the block were told of the works by letter", text.index("Paragraph 30:"))
    end = start + len("Residents of the block were told")
    previous = text.index("Paragraph 30:")
    with browser_page(browser, served.base_url, {"width": 390, "height": 700}) as page:
        page.goto(f"/articles/tram-works-long?hl={start}-{end}#c-{start}-{end}")
        assert page.evaluate("window.scrollY") > 1000  # far down the page
        mark = page.locator(f"mark#m-{start}-{end}")
        expect(mark).to_be_in_viewport()
        expect(page.locator(f"#c-{start}-{end}")).to_be_in_viewport()
        # The sentence before the span starts below the sticky bar, inside the view.
        box = page.locator(f"#c-{start}-{end}").bounding_box()
        bar = page.locator("nav.article-bar").bounding_box()
        assert box is not None and bar is not None
        assert bar["y"] + bar["height"] <= box["y"] + 1 and box["y"] < 700
        assert text[previous : previous + 12] == "Paragraph 30"
        expect(page.locator("nav.article-bar a.back")).to_be_in_viewport()
        page.locator("nav.article-bar a.back").click()
        assert page.url.endswith(f"/stories/{quote(posted['tram-works-long']['story'], safe='')}")


# -- furniture -----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def furnished(sample_http: httpx.Client) -> dict[str, Any]:
    """An article of the sample corpus whose page furniture extraction set aside."""
    for story in sample_http.get("/api/stories").json():
        for article_id in story["articles"]:
            article = sample_http.get(f"/api/articles/{quote(article_id, safe='')}").json()
            if article.get("annotations", {}).get("furniture"):
                return dict(article)
    raise AssertionError("the sample corpus has captions and credits set aside")


def test_furniture_is_greyed_and_shown_on_demand(browser: Browser, sample: Server, furnished: dict[str, Any]) -> None:
    line = furnished["annotations"]["furniture"][0]
    with browser_page(browser, sample.base_url, {"width": 1200, "height": 900}) as page:
        page.goto(f"/articles/{quote(furnished['id'], safe='')}")
        shown = page.locator("details.furniture li").first
        expect(shown).to_have_text(line)
        expect(shown).to_be_hidden()
        assert line not in page.locator(".text").inner_text()
        page.locator("details.furniture summary").click()
        expect(shown).to_be_visible()
        colour = shown.evaluate("element => getComputedStyle(element).color")
        text_colour = page.locator(".text").evaluate("element => getComputedStyle(element).color")
        assert colour != text_colour
