"""Who wrote a page: a person named by the metadata or the byline markup before
the outlet, a company or a label (fictional pages)."""

from __future__ import annotations

import json

import pytest
from lxml import html

from crosswire.extract import extract
from crosswire.extract.bylines import byline_names
from crosswire.extract.metadata import Outlet, byline_author, person_author, read_metadata
from crosswire.model import Capture, SourceHints

URL = "https://www.valecourier.example/news/river-rises"
PARAGRAPHS = (
    "The river authority said on Monday that water levels at the Brannock weir had risen by two metres "
    "in a week, the fastest rise recorded since gauges were installed in 1987.",
    "Engineers opened three sluice gates overnight to relieve pressure on the embankment, and residents "
    "of low-lying streets were told to move vehicles to higher ground before the weekend.",
)
OUTLET = Outlet.of("Vale Courier", None, URL)


def page(head: str = "", byline: str = "", ld: object | None = None, after: str = "") -> str:
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld is not None else ""
    body = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return (
        '<html lang="en"><head><title>River rises | Vale Courier</title>'
        f'<meta property="og:site_name" content="Vale Courier">{head}{script}</head>'
        f"<body><article><h1>River rises at record pace</h1>{byline}{body}</article>{after}</body></html>"
    )


def author_of(text: str) -> str | None:
    capture = Capture(id="p", kind="html", origin="p.html", content=text.encode(), hints=SourceHints(url=URL))
    return extract(capture).author


def markup_author(byline: str) -> str | None:
    return byline_author(html.fromstring(page(byline=byline)), OUTLET)


def test_an_organisation_as_json_ld_author_gives_way_to_the_byline() -> None:
    ld = {"@type": "NewsArticle", "headline": "River rises at record pace",
          "author": {"@type": "Organization", "name": "Brannock Water Trust"}}  # fmt: skip
    metadata = read_metadata(html.fromstring(page(ld=ld)), URL)
    assert metadata.author is None and metadata.author_organisation == "Brannock Water Trust"
    assert author_of(page(ld=ld, byline="<p class='byline'>By Jo Amberley</p>")) == "Jo Amberley"
    # with no person on the page the organisation is the author
    assert author_of(page(ld=ld)) == "Brannock Water Trust"


@pytest.mark.parametrize(
    "meta_author",
    ["Vale Courier", "Brannock Media GmbH", "Vale Courier Online", "newsdesk@valecourier.example",
     "Valley Press Services (www.valleypress.example)"],
)  # fmt: skip
def test_an_author_tag_naming_the_outlet_or_a_company_gives_way_to_the_byline(meta_author: str) -> None:
    head = f'<meta name="author" content="{meta_author}">'
    assert person_author(meta_author, OUTLET) is None
    assert author_of(page(head=head, byline="<div class='author'>von Ines Varga</div>")) == "Ines Varga"
    assert author_of(page(head=head)) == meta_author  # nothing better on the page


@pytest.mark.parametrize(
    ("meta_author", "person"),
    [("Vale Courier - Ines Varga", "Ines Varga"), ("Ines Varga, PhD", "Ines Varga"), ("By Ines Varga", "Ines Varga"),
     ("Ines Varga and Tom Reyes", "Ines Varga and Tom Reyes"), ("kelpie_77", "kelpie_77")],
)  # fmt: skip
def test_an_author_tag_loses_the_outlet_the_cue_and_the_degree(meta_author: str, person: str) -> None:
    assert person_author(meta_author, OUTLET) == person


def test_a_one_word_handle_gives_way_to_a_full_name_in_the_byline() -> None:
    head = '<meta name="author" content="ines">'
    assert author_of(page(head=head, byline="<span class='author-name'>Ines Varga</span>")) == "Ines Varga"
    assert author_of(page(head=head)) == "ines"


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("<div class='post-meta author'>Posted on 4 May 2026 by Ines Varga</div>", "Ines Varga"),
        ("<div class='meta-author'>Veröffentlicht am 4. Mai 2026 von Jan Dorn</div>", "Jan Dorn"),
        ("<div class='byline'>Von Jan Dorn Fr, 4. Dezember 2026</div>", "Jan Dorn"),
        ("<div class='byline'>By Ines Varga<span>Published May 4, 2026</span></div>", "Ines Varga"),
        ("<div class='article-author'>Text &amp; Fotos: Ivo Marsh</div>", "Ivo Marsh"),
        ("<div class='author'>By Tom Reyes, Courier Staff Writer</div>", "Tom Reyes"),
        ("<span class='author'>Posted by</span><span class='author vcard'>kelpie_77</span>", "kelpie_77"),
        ("<a class='author-all' href='/a'>Alle Beiträge</a><div class='author'>Von Lena Hart</div>", "Lena Hart"),
        ("<span class='byline'>By Vale Courier</span><span class='author'>Mara Quint</span>", "Mara Quint"),
    ],
)
def test_the_byline_markup_is_read_as_a_byline(byline: str, author: str) -> None:
    assert markup_author(byline) == author


def test_comment_forms_and_commenters_are_no_byline() -> None:
    comments = (
        "<div id='comments'><p class='comment-form-author'>Name *</p>"
        "<span class='comment-author-link'>Rudi Kamp</span></div>"
    )
    form_only = "<p class='comment-form-author'>Name (required)</p>"
    assert byline_author(html.fromstring(page(after=comments)), OUTLET) is None
    assert byline_author(html.fromstring(page(after=form_only)), OUTLET) is None


def test_an_agency_or_the_outlet_is_the_author_only_when_no_person_is_named() -> None:
    assert markup_author("<div class='byline'>Von Agentur Nordwind</div>") == "Agentur Nordwind"
    assert markup_author("<div class='byline'>Vale Courier</div><div class='author'>Ines Varga</div>") == "Ines Varga"
    assert markup_author("<div class='byline'>Vale Courier</div>") == "Vale Courier"
    assert markup_author("<div class='byline'>Published by</div>") is None


def test_a_byline_opening_the_article_text_names_the_writer_when_nothing_else_does() -> None:
    text = page(byline="<p><i>von Ines Varga</i></p>")
    assert author_of(text) == "Ines Varga"
    # a first paragraph that only starts with a capitalised name is no byline
    assert author_of(page(byline="<p>Ines Varga opened the new flood gauge on Monday.</p>")) is None
    # the markup's byline comes first
    assert author_of(page(byline="<p><i>von Ines Varga</i></p><span class='author'>Tom Reyes</span>")) == "Tom Reyes"


@pytest.mark.parametrize(("line", "author"), [("By Staff", "Staff"), ("By Staff Reporter", "Staff Reporter")])
def test_a_desk_credit_stays_an_author(line: str, author: str) -> None:
    byline = byline_names(line)
    assert byline is not None and byline.author == author
