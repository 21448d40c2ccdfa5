"""The story page (issue 15) in the order a fact-checker reads it, its contested-only view and the
headline of each outlet; checked against the story's own brief from the API (sample corpus)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from conftest import FERRY_COASTAL_TRIBUNE, FERRY_HARBOUR_DAILY, ingest_into, running

from crosswire.interfaces.api import create_app

SECTIONS = ["sources", "contested", "changes", "agreements", "key-points", "timeline", "facts"]


@pytest.fixture(scope="module")
def briefs(sample_http: httpx.Client) -> dict[str, dict[str, Any]]:
    stories = sample_http.get("/api/stories").json()
    return {s["id"]: sample_http.get(f"/api/stories/{quote(s['id'], safe='')}").json() for s in stories}


def section(page: str, name: str) -> str:
    start = page.index(f'<section id="{name}">')
    following = [page.find(f'<section id="{other}">', start + 1) for other in SECTIONS if other != name]
    ends = [i for i in following if i > start] + [page.index("</article>", start)]
    return page[start : min(ends)]


def contested_of(brief: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in brief["facts"] if f["status"] == "conflict" and not f["changing"]]


def test_sections_come_in_the_order_a_fact_checker_reads(sample_http: httpx.Client, briefs: dict[str, Any]) -> None:
    for story_id in briefs:
        page = sample_http.get(f"/stories/{quote(story_id, safe='')}").text
        positions = [page.index(f'<section id="{name}">') for name in SECTIONS]
        assert page.index("<h1>") < positions[0] and positions == sorted(positions), story_id
        # All facts are there, collapsed.
        facts = section(page, "facts")
        assert "<details" in facts and "<details open" not in facts


def test_every_contested_fact_shows_each_report_with_outlet_wording_and_time(
    sample_http: httpx.Client, briefs: dict[str, dict[str, Any]]
) -> None:
    contested_stories = [story_id for story_id, brief in briefs.items() if contested_of(brief)]
    assert contested_stories
    for story_id in contested_stories:
        page = sample_http.get(f"/stories/{quote(story_id, safe='')}").text
        shown = section(page, "contested")
        facts = contested_of(briefs[story_id])
        assert shown.count('<section class="conflict">') == len(facts)
        # One side per wording (and value), each naming every outlet that printed it, with its time; a figure
        # fitting every side ("more than two dozen" beside 25 and 27) is no side of its own.
        wordings = sum(len({(m["text"], m["value"]) for m in f["mentions"] if not m["takes_no_side"]}) for f in facts)
        assert shown.count('<li class="side">') == wordings
        for fact in facts:
            cited: set[tuple[str, Any, str]] = set()
            for mention in fact["mentions"]:
                assert f"“{html.escape(mention['text'], quote=True)}”" in shown
                if (mention["text"], mention["value"], mention["article"]) not in cited:
                    assert f"hl={mention['start']}-{mention['end']}" in shown
                cited.add((mention["text"], mention["value"], mention["article"]))
        # Each article once per wording, however often it repeats the words.
        reports = sum(len({(m["text"], m["value"], m["article"]) for m in f["mentions"]}) for f in facts)
        on_sides = sum(len({(m["text"], m["value"], m["article"]) for m in f["mentions"] if not m["takes_no_side"]})
                       for f in facts)  # fmt: skip
        assert shown.count('<a class="outlet"') == reports and shown.count('<span class="when">') == on_sides


def test_a_figure_fitting_every_side_of_a_conflict_takes_none(
    sample_http: httpx.Client, briefs: dict[str, dict[str, Any]]
) -> None:
    """The sample footbridge toll: 27 and 25 injured contradict each other, "more than two dozen" fits both."""
    fitting = [(story_id, f, m) for story_id, brief in briefs.items() for f in contested_of(brief)
               for m in f["mentions"] if m["takes_no_side"]]  # fmt: skip
    assert fitting, "the sample corpus has a 'more than' figure beside a real discrepancy"
    for story_id, fact, mention in fitting:
        assert fact["status"] == "conflict"
        shown = section(sample_http.get(f"/stories/{quote(story_id, safe='')}").text, "contested")
        no_side = shown[shown.index('<p class="no-side') :]
        quoted = f"“{html.escape(mention['text'], quote=True)}”"
        assert quoted in no_side
        if mention["qualifier"]:  # "more than “two dozen people”": the words that make it fit every side
            assert f"{mention['qualifier']} {quoted}" in no_side
        assert any(not m["takes_no_side"] for m in fact["mentions"])


def test_a_story_without_contested_facts_says_so(sample_http: httpx.Client, briefs: dict[str, Any]) -> None:
    calm = next(story_id for story_id, brief in briefs.items()
                if not contested_of(brief) and not any(f["changing"] for f in brief["facts"]))  # fmt: skip
    page = sample_http.get(f"/stories/{quote(calm, safe='')}").text
    assert "The sources do not contradict each other" in section(page, "contested")
    assert "contested-badge" not in page


def test_a_story_whose_only_differing_figure_changed_over_time_points_to_it(
    sample_http: httpx.Client, briefs: dict[str, Any]
) -> None:
    """A toll that rose through the day is no discrepancy: the contested section says where the figures went."""
    changed = [story_id for story_id, brief in briefs.items()
               if not contested_of(brief) and any(f["changing"] for f in brief["facts"])]  # fmt: skip
    assert changed, "the sample corpus has a story whose toll rises and nothing else is disputed"
    contested = section(sample_http.get(f"/stories/{quote(changed[0], safe='')}").text, "contested")
    assert "changed over time" in contested and 'href="#changes"' in contested
    assert "do not contradict" not in contested
    facts = section(sample_http.get(f"/stories/{quote(changed[0], safe='')}").text, "facts")
    assert 'class="fact fact-changing"' in facts and 'class="fact fact-conflict"' not in facts  # no red row for it


def test_the_contested_view_shows_only_the_disagreements(sample_http: httpx.Client, briefs: dict[str, Any]) -> None:
    story_id = next(story_id for story_id, brief in briefs.items() if contested_of(brief))
    page = sample_http.get(f"/stories/{quote(story_id, safe='')}", params={"view": "contested"}).text
    assert '<section id="contested">' in page and '<section id="changes">' in page
    for hidden in ("key-points", "timeline", "facts", "agreements", "sources"):
        assert f'<section id="{hidden}">' not in page
    assert f'<a href="/stories/{quote(story_id, safe="")}">Whole brief</a>' in page


def test_changing_figures_read_as_a_series_latest_first_with_their_words(
    sample_http: httpx.Client, briefs: dict[str, Any]
) -> None:
    """The latest figure first, as the brief lists it; each linked to the span that states it, with its words."""
    changing = [(story_id, f) for story_id, brief in briefs.items() for f in brief["facts"] if f["changing"]]
    assert changing, "the sample corpus has a toll that rises through a day"
    for story_id, fact in changing:
        page = sample_http.get(f"/stories/{quote(story_id, safe='')}").text
        series = section(page, "changes")
        values = re.findall(r'<a class="value" href="[^"]+">([^<]+)</a>', series)
        expected = [f"{r['value']:g}" if isinstance(r["value"], float) else str(r["value"]) for r in fact["changes"]]
        assert [v for v in values if v in expected][: len(expected)] == expected
        published = [r["published"] for r in fact["changes"]]
        assert published == sorted(published, reverse=True)  # latest first
        assert "latest report first" in series
        assert re.search(r'<a class="value" href="[^"]+#[^"]+">', series)  # to the span, not the article's top
        assert all(f"“{m['text']}”" in series for m in fact["mentions"] if any(
            r["article"] == m["article"] and r["value"] == m["value"] for r in fact["changes"]))


def test_agreements_show_their_independent_source_counts(sample_http: httpx.Client, briefs: dict[str, Any]) -> None:
    story_id, brief = max(briefs.items(), key=lambda item: sum(f["status"] == "agree" for f in item[1]["facts"]))
    agreed = [f for f in brief["facts"] if f["status"] == "agree"]
    assert agreed
    shown = section(sample_http.get(f"/stories/{quote(story_id, safe='')}").text, "agreements")
    assert shown.count("<li>") == len(agreed)
    counts = [int(n) for n in re.findall(r"· (\d+) independent sources?", shown)]
    assert counts == [f["origins"] or f["outlets"] or len({m["article"] for m in f["mentions"]}) for f in agreed]
    assert all(n >= 2 for n in counts)


def test_each_independent_outlet_headline_is_shown_once_copies_apart(
    sample_http: httpx.Client, briefs: dict[str, Any]
) -> None:
    story_id, brief = max(briefs.items(), key=lambda item: len(item[1]["sources"]))
    shown = section(sample_http.get(f"/stories/{quote(story_id, safe='')}").text, "sources")
    assert "<caption>How each independent outlet headlined the story" in shown
    headlines = shown.split('id="headlines"')[1].split("</table>")[0]
    rows = headlines.split("<tr>")[2:]  # past the header row
    independent = [s for s in brief["sources"] if s["independent"]]
    outlets = {s["publisher"] or s["via"] for s in independent}
    assert len(independent) >= 3 and len(rows) == len(outlets)  # one row per outlet
    for source in independent:
        article = sample_http.get(f"/api/articles/{quote(source['article'], safe='')}").json()
        title, outlet = html.escape(article["title"], quote=True), html.escape(source["publisher"] or source["via"])
        assert any(title in row and outlet in row for row in rows), source
    copies = [s for s in brief["sources"] if s.get("copy_of")]
    assert copies, "the sample corpus has republications"
    copy_table = shown.split('id="copies"')[1]
    assert copy_table.count('<tr class="copy">') == len(copies)
    for copy in copies:
        assert f'href="/articles/{quote(copy["article"], safe="")}"' in copy_table


def test_articles_named_like_a_dicts_methods_are_shown_like_any_other(tmp_path: Path) -> None:
    # The page reads dict keys before attributes (pages._PageEnvironment); a dict's methods must stay
    # methods, or an article called "get" would break every lookup of an outlet by article.
    reports = [
        {**FERRY_HARBOUR_DAILY, "id": "get"},
        {**FERRY_COASTAL_TRIBUNE, "id": "items"},
    ]
    records = tmp_path / "ferry.jsonl"
    records.write_text("".join(json.dumps(report) + "\n" for report in reports))
    db = str(tmp_path / "crosswire.db")
    assert ingest_into(db, [str(records)]).ingested == 2
    with running(create_app(db)) as base, httpx.Client(base_url=base) as client:
        (story,) = client.get("/api/stories").json()
        page = client.get(f"/stories/{quote(story['id'], safe='')}")
    assert page.status_code == 200
    sources = section(page.text, "sources")
    for report in reports:
        assert f'href="/articles/{report["id"]}"' in sources
        assert f">{html.escape(str(report['title']), quote=True)}</a>" in sources
        assert str(report["source"]) in sources


def test_a_page_past_the_last_says_where_the_stories_end(sample_http: httpx.Client, briefs: dict[str, Any]) -> None:
    beyond = sample_http.get("/?page=999").text
    assert f"There is no page 999: the {len(briefs)} stories end on page 1" in beyond
    assert "No stories yet" not in beyond


def test_a_story_address_with_a_trailing_slash_leads_to_the_story(
    sample_http: httpx.Client, briefs: dict[str, Any]
) -> None:
    story_id = next(iter(briefs))
    response = sample_http.get(f"/stories/{quote(story_id, safe='')}/", follow_redirects=False)
    assert response.status_code == 308 and response.headers["location"].endswith(f"/stories/{quote(story_id, safe='')}")
    assert sample_http.get(f"/stories/{quote(story_id, safe='')}/", follow_redirects=True).status_code == 200


def test_pages_name_an_icon_that_is_served(sample_http: httpx.Client) -> None:
    page = sample_http.get("/").text
    assert '<link rel="icon" type="image/svg+xml" href="/static/favicon.svg">' in page
    icon = sample_http.get("/static/favicon.svg")
    assert icon.status_code == 200 and icon.text.startswith("<svg")
