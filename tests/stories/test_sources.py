"""Independent sources: publishers, domains and copies."""

from __future__ import annotations

from crosswire.model import Article
from crosswire.stories.sources import count_independent, independent_sources, registered_domain


def _article(article_id: str, publisher: str | None = None, url: str | None = None) -> Article:
    return Article(article_id, "record", "t", "text", publisher=publisher, url=url)


def test_registered_domain_handles_country_second_levels() -> None:
    assert registered_domain("https://www.news.example.co.uk/a/b") == "example.co.uk"
    assert registered_domain("https://edition.example.com/x") == "example.com"
    assert registered_domain(None) is None


def test_copies_inherit_the_original_source_and_publishers_count_once() -> None:
    articles = [
        _article("wire", publisher="Wire Service"),
        _article("reprint", publisher="Town Daily"),
        _article("own", url="https://www.city-news.example.org/story"),
        _article("own-2", url="https://city-news.example.org/other"),
        _article("bare"),
    ]
    source_of, entries = independent_sources(articles, {"reprint": "wire"})
    assert source_of["reprint"] == source_of["wire"]
    assert source_of["own"] == source_of["own-2"]
    assert count_independent(source_of) == 3
    by_id = {e.article: e for e in entries}
    assert by_id["reprint"].copy_of == "wire" and not by_id["reprint"].independent
    assert by_id["wire"].independent and by_id["own"].independent and by_id["bare"].independent
    assert not by_id["own-2"].independent and by_id["own-2"].copy_of is None


def test_copy_chains_lead_to_the_first_original() -> None:
    articles = [_article("a", "A"), _article("b", "B"), _article("c", "C")]
    source_of, entries = independent_sources(articles, {"c": "b", "b": "a"})
    assert len(set(source_of.values())) == 1
    assert {e.article: e.copy_of for e in entries}["c"] == "a"
