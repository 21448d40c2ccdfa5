"""A page's title without the site name around it (fictional outlets)."""

from __future__ import annotations

import json

import pytest
from lxml import html

from crosswire.extract.metadata import Outlet, PageMetadata, byline_author, read_metadata, strip_site_name

URL = "https://www.harbourlight-gazette.example/news/ferry-pier"


def page(head: str = "", body: str = "", ld: object | None = None) -> str:
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld is not None else ""
    return (
        f"<html lang='en'><head>{head}{script}</head><body><article>{body}"
        "<p>The council voted seven to two on Thursday night to rebuild the old ferry pier.</p>"
        "</article></body></html>"
    )


def metadata(text: str, url: str | None = URL) -> PageMetadata:
    return read_metadata(html.fromstring(text), url)


def test_title_without_the_site_name() -> None:
    head = (
        '<meta property="og:site_name" content="Harbourlight Gazette">'
        '<meta property="og:title" content="Council votes to rebuild the ferry pier | Harbourlight Gazette">'
    )
    assert metadata(page(head)).title == "Council votes to rebuild the ferry pier"


def test_title_without_the_domain_and_tagline() -> None:
    outlet = Outlet.of(None, None, URL)
    title = "Council votes to rebuild the ferry pier - Harbourlight-Gazette.example - News from the coast"
    assert strip_site_name(title, outlet) == "Council votes to rebuild the ferry pier"


def test_title_part_that_is_the_pages_heading_is_the_headline() -> None:
    outlet = Outlet.of("Harbourlight Gazette", None, URL)
    title = "Harbour works - Council votes to rebuild the ferry pier"
    assert strip_site_name(title, outlet, ["Council votes to rebuild the ferry pier"]) == (
        "Council votes to rebuild the ferry pier"
    )


def test_headline_with_a_dash_keeps_it() -> None:
    outlet = Outlet.of("Harbourlight Gazette", None, URL)
    title = "Ferry pier - the vote that split the harbour council"
    assert strip_site_name(title, outlet) == title


def test_entities_in_the_title_are_decoded() -> None:
    head = '<meta property="og:title" content="Tides &amp;#8211; what the pier vote means">'
    assert metadata(page(head)).title == "Tides – what the pier vote means"


def test_a_profile_link_in_the_author_field_is_no_author() -> None:
    # Facebook's article:author tag takes a profile address; the page's byline then names the writer.
    head = '<meta property="article:author" content="https://www.facebook.com/harbourlight.gazette">'
    assert metadata(page(head=head)).author is None
    ld = {"@type": "NewsArticle", "headline": "Pier to be rebuilt", "author": "www.example.org/staff/ines"}
    assert metadata(page(ld=ld)).author is None
    head = '<meta name="author" content="Ines Varga">'
    assert metadata(page(head=head)).author == "Ines Varga"


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Eingestellt von Jonas Wendt", "Jonas Wendt"),
        ("Publié par Loïc Fontaine", "Loïc Fontaine"),
        ("Posted by Ines Varga", "Ines Varga"),
        ("Mara Quint", "Mara Quint"),
    ],
)
def test_the_byline_markup_names_the_writer_without_its_cue(byline: str, author: str) -> None:
    tree = html.fromstring(page(body=f'<span class="byline">{byline}</span>'))
    assert byline_author(tree) == author
