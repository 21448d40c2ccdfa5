"""Which line story clustering reads as an article's headline."""

from __future__ import annotations

from crosswire.model import Article
from crosswire.stories.headline import headline, is_dateline, names_outlet
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
