"""Briefs: every key point is cited verbatim; JSON follows the contract."""

from __future__ import annotations

import json

from crosswire.model import Annotations, Article, DateMention, Quantity, Story
from crosswire.stories.brief import brief_to_dict, brief_to_markdown, write_brief
from crosswire.stories.corroborate import corroborate
from crosswire.stories.sources import independent_sources

_REPORTS = {
    "north": (
        "North Gazette",
        "A tourist boat carrying 129 people struck a bridge pillar on the Rhine on Saturday evening. "
        "Police said 25 people were injured, four of them seriously. "
        "The captain had lost control after an engine failure, investigators believe. "
        "Rescue teams took the passengers ashore within two hours.",
    ),
    "south": (
        "South Herald",
        "Police said 27 people were injured when a tourist boat struck a bridge pillar on the Rhine. "
        "The vessel, with 129 people on board, had left the harbour an hour earlier. "
        "Engine failure is suspected, and the river was closed to traffic overnight.",
    ),
    "east": (
        "East Courier",
        "A river cruise ended in chaos on Saturday when a tourist boat with 129 people hit a bridge. "
        "Passengers described a loud bang and broken glass across the lower deck. "
        "The operator said it was cooperating fully with the police investigation.",
    ),
}


def _annotated(article_id: str, publisher: str, text: str) -> Article:
    quantities = []
    for written, value in (("129 people", 129), ("25 people", 25), ("27 people", 27)):
        if written in text:
            start = text.index(written)
            quantities.append(Quantity(written, start, start + len(written), value, None, "people"))
    dates = []
    if "Saturday" in text:
        start = text.index("Saturday")
        dates.append(DateMention("Saturday", start, start + len("Saturday"), "2024-05-11"))
    annotations = Annotations(quantities=tuple(quantities), dates=tuple(dates))
    return Article(article_id, "record", "t", text, publisher=publisher, annotations=annotations)


def _brief_inputs() -> tuple[Story, list[Article]]:
    articles = [_annotated(key, publisher, text) for key, (publisher, text) in _REPORTS.items()]
    story = Story("s-1", "Tourist boat hits bridge", tuple(a.id for a in articles), 3, None, None)
    return story, articles


def test_key_point_citations_slice_to_their_text() -> None:
    story, articles = _brief_inputs()
    source_of, sources = independent_sources(articles, {})
    brief = write_brief(story, articles, corroborate(articles, source_of), sources)
    texts = {a.id: a.text for a in articles}
    assert 3 <= len(brief.key_points) <= 7
    for point in brief.key_points:
        first = point.citations[0]
        assert texts[first.article][first.start : first.end] == point.text
        for citation in point.citations:
            assert 0 <= citation.start < citation.end <= len(texts[citation.article])


def test_timeline_uses_event_dates_with_their_sentences() -> None:
    story, articles = _brief_inputs()
    source_of, sources = independent_sources(articles, {})
    brief = write_brief(story, articles, corroborate(articles, source_of), sources)
    assert [entry.date for entry in brief.timeline] == ["2024-05-11"]
    entry = brief.timeline[0]
    texts = {a.id: a.text for a in articles}
    assert "Saturday" in entry.text
    assert {c.article for c in entry.citations} == {"north", "east"}
    for citation in entry.citations:
        assert "Saturday" in texts[citation.article][citation.start : citation.end]


def test_markdown_shows_the_conflict_and_the_sources() -> None:
    story, articles = _brief_inputs()
    source_of, sources = independent_sources(articles, {})
    brief = write_brief(story, articles, corroborate(articles, source_of), sources)
    markdown = brief_to_markdown(brief)
    assert "## Discrepancies" in markdown
    assert "25 people" in markdown and "27 people" in markdown
    for publisher, _ in _REPORTS.values():
        assert publisher in markdown


def test_brief_json_has_the_contract_fields() -> None:
    story, articles = _brief_inputs()
    source_of, sources = independent_sources(articles, {"east": "north"})
    brief = write_brief(story, articles, corroborate(articles, source_of), sources)
    data = json.loads(json.dumps(brief_to_dict(brief)))
    assert set(data) >= {"story", "title", "key_points", "facts", "timeline", "sources"}
    assert {"text", "citations"} <= set(data["key_points"][0])
    assert set(data["facts"][0]) >= {"kind", "about", "value", "status", "mentions"}
    assert set(data["facts"][0]["mentions"][0]) >= {"article", "text", "value", "qualifier", "start", "end"}
    east = next(s for s in data["sources"] if s["article"] == "east")
    assert east["independent"] is False and east["copy_of"] == "north"
    people_on_board = next(f for f in data["facts"] if f["value"] == 129)
    assert people_on_board["status"] == "agree"  # north and south; east is north's copy
