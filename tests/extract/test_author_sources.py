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


def test_a_byline_opening_the_article_text_names_the_writer() -> None:
    text = page(byline="<p><i>von Ines Varga</i></p>")
    assert author_of(text) == "Ines Varga"
    # a cue is required: a first paragraph that only starts with a capitalised name is no byline
    assert author_of(page(byline="<p>Ines Varga</p>")) is None
    # over the markup and the metadata, which often name the account that posted the piece
    assert author_of(page(byline="<p><i>von Ines Varga</i></p><span class='author'>Tom Reyes</span>")) == "Ines Varga"
    head = "<meta name='author' content='Tom Reyes'>"
    assert author_of(page(head=head, byline="<p>Written by: Ines Varga</p>")) == "Ines Varga"


def test_a_byline_in_the_text_naming_one_of_the_metadata_authors_keeps_them_all() -> None:
    head = "<meta name='author' content='Ines Varga, Tom Reyes'>"
    assert author_of(page(head=head, byline="<p>By Ines Varga</p>")) == "Ines Varga, Tom Reyes"


@pytest.mark.parametrize(("line", "author"), [("By Staff", "Staff"), ("By Staff Reporter", "Staff Reporter")])
def test_a_desk_credit_stays_an_author(line: str, author: str) -> None:
    byline = byline_names(line)
    assert byline is not None and byline.author == author


@pytest.mark.parametrize(
    "box",
    [
        "<div class='author'><a href='/a/ines'>Ines Varga</a><a href='/a/ines/all'>Alle Artikel</a></div>",
        "<div class='author-bio'>Ines Varga <a href='/a/ines'>Alles von Ines Varga</a> <a>Kontakt</a>"
        " | +49 40 1234 5678</div>",
        "<div class='author-info'><a>Ines Varga</a><a class='follow'>Follow</a>"
        "<p>Writes about rivers, weirs and the people who mind them.</p></div>",
    ],
)
def test_links_in_an_author_box_are_no_part_of_the_name(box: str) -> None:
    assert author_of(page(byline=box)) == "Ines Varga"


def test_a_follow_button_or_a_form_label_alone_names_nobody() -> None:
    assert person_author("Follow") is None
    assert person_author("Name") is None
    box = "<div class='author-info'><a class='follow'>Follow</a></div>"
    assert byline_author(html.fromstring(page(byline=box)), OUTLET) is None


def test_a_long_block_with_a_follow_link_is_no_author_box() -> None:
    prose = "Water rose over the weir again this week and the gauges were read twice a day. " * 6
    block = f"<div class='single-author'><h2>Notes on the weir</h2><a>Follow</a><p>{prose}</p></div>"
    assert byline_author(html.fromstring(page(byline=block)), OUTLET) is None


def test_the_byline_adds_co_authors_to_the_one_person_the_metadata_names() -> None:
    head = "<meta name='author' content='Ines Varga'>"
    byline = "<div class='meta-item author'>By Ines Varga, Tom Reyes</div>"
    assert author_of(page(head=head, byline=byline)) == "Ines Varga, Tom Reyes"


def test_a_byline_of_other_people_does_not_replace_the_metadata_author() -> None:
    head = "<meta name='author' content='Ines Varga'>"
    byline = "<div class='meta-item author'>By Tom Reyes, Lin Oduya</div>"
    assert author_of(page(head=head, byline=byline)) == "Ines Varga"


def test_authors_of_a_slider_of_other_articles_are_not_the_page_author() -> None:
    slider = (
        "<div class='opinion-slider'><a href='/o/1'><span class='slider-card__author'>Tom Reyes</span></a>"
        "<a href='/o/2'><span class='slider-card__author'>Lin Oduya</span></a></div>"
    )
    byline = "<p class='byline'>By Ines Varga</p>"
    assert byline_author(html.fromstring(page(byline=slider + byline)), OUTLET) == "Ines Varga"


def test_an_author_box_the_site_calls_a_teaser_box_is_still_read() -> None:
    box = "<div class='teaser-box author'><a>Ines Varga</a> <a>Alle Artikel</a></div>"
    assert byline_author(html.fromstring(page(byline=box)), OUTLET) == "Ines Varga"


def test_an_author_tag_loses_its_cue_when_it_credits_more_than_names() -> None:
    author = "By Ines Varga And Tom Reyes For The Harbour Mail On Sunday"
    assert person_author(author, OUTLET) == "Ines Varga And Tom Reyes For The Harbour Mail On Sunday"


def test_the_outlet_and_a_desk_word_after_the_name_go() -> None:
    outlet = Outlet.of(None, None, "https://www.courieronline.example/news/1")
    box = "<div class='article-byline'>By Ines Varga CourierOnline Staff</div>"
    assert byline_author(html.fromstring(page(byline=box)), outlet) == "Ines Varga"
    # without the outlet before it, the word is left to the byline reader
    assert byline_author(html.fromstring(page(byline="<p class='byline'>By Staff</p>")), outlet) == "Staff"
