"""The one-walk byline search reads what trafilatura's ``extract_author`` reads, and the byline
markup walk finds the elements its XPath found (fictional pages of each kind)."""

from __future__ import annotations

import pytest
import trafilatura.metadata as tm
from lxml import etree, html

from crosswire.extract.markup_author import markup_author
from crosswire.extract.metadata import byline_elements

PROSE = (
    "<p>The harbour board met on Thursday evening to decide the fate of the old ferry pier, which has been "
    "closed to the public since a storm cracked two of its supports last winter.</p>"
)


def page(markup: str) -> str:
    head = "<head><title>Pier to reopen</title></head>"
    return f"<html>{head}<body><article><h1>Pier to reopen</h1>{markup}{PROSE}</article></body></html>"


PAGES = {
    "no byline": "",
    "rel author": '<a rel="author" href="/staff/ines">Ines Varga</a>',
    "author name class": '<span class="post-author-name">Tom Reyes</span>',
    "AuthorName class": '<div class="AuthorName">Maren Holt</div>',
    "byline class, second tier": '<p class="byline">By Ines Varga and Tom Reyes</p>',
    "itemprop author": '<span itemprop="author">Maren Holt</span>',
    "writer class, last tier": '<section class="writer-box">Ivo Marsh</section>',
    "Byline component": '<section data-component="ArticleByline">Lena Brook</section>',
    "id Author": '<em id="mainAuthor">Pia Sandvik</em>',
    "author element": "<author>Oskar Lind</author>",
    "AuthorCard test id": '<div data-testid="AuthorCard">Nora Quist</div>',
    "rel me child": "<p><rel>me</rel>Hal Berring</p>",
    # discarded blocks: a byline in the comments or a sidebar is gone, a date inside a byline is cut out
    "author in comments": '<div id="comments"><span class="author">reader42</span></div>'
    '<span class="author">Ines Varga</span>',
    "author in sidebar": '<aside><div class="sidebar"><a rel="author">Tom Reyes</a></div></aside>'
    '<p class="byline">By Maren Holt</p>',
    "date inside byline": '<div class="author-name">By Ivo Marsh<time>4 May 2026</time>, harbour reporter</div>',
    "date glued to name": '<div class="author-name">Ivo<time>4 May</time>Marsh</div>',
    "figure and date class inside": '<p class="byline">Lena <figure>photo</figure>Brook '
    '<span class="date">today</span>and Pia Sandvik</p>',
    "too long first candidate": '<div class="author-name">' + "Ines Varga wrote this. " * 8 + "</div>"
    '<span class="byline">Tom Reyes</span>',
    "too short candidate": '<span class="author-name">IV</span><span class="byline">Tom Reyes</span>',
    "print class discarded": '<div class="print-only"><span class="author-name">Nora Quist</span></div>',
    "comment list id": '<div id="commentlist-2"><a rel="author">reader</a></div>',
}


@pytest.mark.parametrize("name", PAGES)
def test_the_one_walk_search_reads_what_trafilatura_reads(name: str) -> None:
    tree = html.fromstring(page(PAGES[name]))
    assert markup_author(tree) == tm.extract_author(tree)


def test_the_cases_above_name_authors() -> None:
    """The comparison above is not one of empty results: most pages name someone, and the
    discarded blocks change who."""
    found = {name: markup_author(html.fromstring(page(markup))) for name, markup in PAGES.items()}
    assert found["no byline"] is None
    assert found["author in comments"] == "Ines Varga"
    assert found["author in sidebar"] == "Maren Holt"
    assert found["date inside byline"] is not None and "May" not in found["date inside byline"]
    assert sum(value is not None for value in found.values()) >= len(PAGES) - 3


_BYLINE_XPATH = etree.XPath(
    "//*[@rel='author' or @itemprop='author' or @itemprop='author name' or @id='author'"
    " or contains(@class, 'byline') or contains(@class, 'author')][not(self::meta or self::link or self::script)]"
)


@pytest.mark.parametrize("name", PAGES)
def test_the_byline_walk_finds_what_the_xpath_finds(name: str) -> None:
    markup = PAGES[name] + '<meta itemprop="author" content="x"><link rel="author" href="/a"><p id="author">Jo</p>'
    tree = html.fromstring(page(markup))
    assert byline_elements(tree) == _BYLINE_XPATH(tree)
