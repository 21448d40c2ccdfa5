"""Which line story clustering reads as an article's headline."""

from __future__ import annotations

from crosswire.model import Article
from crosswire.stories.cluster import StoryClusterer
from crosswire.stories.headline import headline, is_dateline, names_outlet, url_slug
from crosswire.stories.vectors import TITLE_WEIGHT, article_terms


def test_datelines_are_told_from_headlines() -> None:
    assert is_dateline("Last Updated: Friday, 3 March 2028, 14:10 GMT")
    assert is_dateline("Posted 4 / 9 / 2029 6:45 PM")
    assert is_dateline("WEDNESDAY, JUNE 7, 2028")
    assert not is_dateline("Flood cuts off 12 villages in Tarn")
    assert not is_dateline("Monday")  # no number: a word, not a date line


def test_a_dateline_title_gives_way_to_the_next_line_of_the_text() -> None:
    text = (
        "https://news.example.org/2031/ferry\nSeptember 18th, 2031, 05:31 GMT\n"
        "Ferry runs aground off Calder Point\nThe ferry ran aground in fog, the coast guard said."
    )
    article = Article("a", "record", "t", text, title="September 18th, 2031, 05:31 GMT")
    assert headline(article) == "Ferry runs aground off Calder Point"
    terms = article_terms(article)
    assert terms.counts["calder"] >= TITLE_WEIGHT
    assert "september" not in terms.headline


def test_an_outlet_name_is_no_headline() -> None:
    assert names_outlet("Northwind News", "www.northwindnews.example")
    assert not names_outlet("Northwind harbour reopens", "www.northwindnews.example")
    article = Article(
        "a", "record", "t", "Copyright Northwind News.", title="Northwind News", publisher="northwind.example"
    )
    assert headline(article) == ""


def test_an_ordinary_title_is_the_headline() -> None:
    article = Article("a", "record", "t", "Body text.", title="Ferry runs aground off Calder Point")
    assert headline(article) == "Ferry runs aground off Calder Point"


def test_a_url_slug_is_read_without_its_ids_sections_and_suffix() -> None:
    assert url_slug("https://northwind.example/world/48213-ferry-runs-aground-off-calder-point") == (
        "ferry runs aground off calder point"
    )
    assert url_slug("http://www.harbourline.example/news/article-5517/Ferry-aground-in-fog.html?ref=home") == (
        "Ferry aground in fog"
    )
    assert url_slug("https://valley.example/local/tech_desk/flood_cuts_off_villages_a1452/") == (
        "flood cuts off villages"
    )
    # sections, dates and ids are no slug
    assert url_slug("https://northwind.example/world/2031/09/18/index.html") == ""
    assert url_slug("https://northwind.example/news/live-blog") == ""
    assert url_slug(None) == ""


def test_a_page_titled_with_the_outlet_name_is_headlined_by_its_url() -> None:
    article = Article(
        "a",
        "record",
        "t",
        "Copyright Northwind News. Follow us for more.",
        title="Northwind News",
        publisher="northwind.example",
        url="https://northwind.example/world/48213-ferry-runs-aground-off-calder-point",
    )
    assert headline(article) == "ferry runs aground off calder point"
    assert {"ferry", "calder"} <= article_terms(article).headline


def test_a_dateline_without_a_short_line_after_it_is_headlined_by_its_url() -> None:
    text = "September 18th, 2031, 05:31 GMT\n" + " ".join(["The ferry ran aground in thick fog on Tuesday"] * 4)
    article = Article(
        "a",
        "record",
        "t",
        text,
        title="September 18th, 2031, 05:31 GMT",
        url="https://harbourline.example/2031/09/18/ferry-aground-at-calder-point",
    )
    assert headline(article) == "ferry aground at calder point"


def test_a_page_whose_text_was_not_found_joins_its_story_by_its_url() -> None:
    """The page kept only furniture, but its address names the event its outlet filed it under."""
    clusterer = StoryClusterer()
    reports = [
        (
            "r1",
            "Ferry runs aground off Calder Point",
            "The Isla Bay ferry ran aground off Calder Point in thick fog on Tuesday, the coast guard said. "
            "All 212 passengers were taken off by lifeboats from Northwind.",
        ),
        (
            "r2",
            "Calder Point ferry grounding: passengers brought ashore",
            "Lifeboats brought 212 passengers ashore after the Isla Bay ferry grounded off Calder Point, "
            "the coast guard said on Tuesday.",
        ),
        (
            "o1",
            "Council backs new cycle lanes in Westvale",
            "Westvale council approved six new cycle lanes on Monday, mayor Priya Shah said.",
        ),
    ]
    stories = [
        clusterer.assign(Article(i, "record", "t", text, title=title, published="2031-09-18"))
        for i, title, text in reports
    ]
    furniture = Article(
        "p",
        "record",
        "t",
        "External links are provided for reference. Copyright 2031 Northwind News Network.",
        title="Northwind News",
        publisher="northwind.example",
        published="2031-09-19",
        url="https://northwind.example/world/48213-ferry-runs-aground-off-calder-point-in-fog",
    )
    assert stories[0] == stories[1] != stories[2]
    assert clusterer.assign(furniture) == stories[0]
