"""The publication date a page's article header labels, over htmldate's guess."""

from __future__ import annotations

import pytest
from lxml import html

from crosswire.extract.html import publication_date
from crosswire.extract.page_dates import header_publication_date, marked_publication_date

HEADLINE = "Harbour council votes to rebuild the old ferry pier"


def page(header: str, *, body: str = "<p>The council voted seven to two on Thursday night.</p>", head: str = "") -> str:
    return (f"<html><head>{head}</head><body><nav>Home | News</nav><article><h1>{HEADLINE}</h1>"
            f"<div class='meta'>{header}</div>{body}</article></body></html>")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Erschienen am: 13.10.2021", "2021-10-13"),
        ("Veröffentlicht am 16.08.2019", "2019-08-16"),
        ("Published on 3 June 2021", "2021-06-03"),
        ("Posted: March 4, 2020", "2020-03-04"),
        ("Publié le 30 septembre 2018", "2018-09-30"),
        ("Von Anna Berg 4. 2. 2022", "2022-02-04"),
        ("Par Loïc Martin | 30 septembre 2018", "2018-09-30"),
        ("By Dana Whitfield, 2023-11-08", "2023-11-08"),
    ],
)
def test_labelled_header_dates(header: str, expected: str) -> None:
    assert header_publication_date(html.fromstring(page(header))) == expected


def test_lowercase_credit_is_no_label() -> None:
    # "von São Paulo" is a preposition, not a credit
    tree = html.fromstring(page("Bericht von São Paulo 17.10.2023"))
    assert header_publication_date(tree) is None


def test_a_bare_date_counts_only_right_under_the_headline() -> None:
    assert header_publication_date(html.fromstring(page("12.03.2021"))) == "2021-03-12"
    standfirst = "Engineers say the timber piles are rotting and must be replaced within two years. "
    assert header_publication_date(html.fromstring(page(standfirst + "12.03.2021"))) is None


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Bettina Berg 19.10.2019, 05:00 Uhr", "2019-10-19"),
        ("Updated July 9, 2020 at 6:40 p.m.", "2020-07-09"),
        ("Harbour desk | 19 FEB 2020 - 18:37 CET", "2020-02-19"),
    ],
)
def test_a_date_with_its_clock_time_is_the_header_timestamp(header: str, expected: str) -> None:
    standfirst = "Engineers say the timber piles are rotting and must be replaced within two years. "
    assert header_publication_date(html.fromstring(page(standfirst + header))) == expected


def test_a_labelled_date_outranks_a_timestamp() -> None:
    tree = html.fromstring(page("Zuletzt geändert 20.10.2019, 08:00 Uhr · Erschienen am 18.10.2019"))
    assert header_publication_date(tree) == "2019-10-18"


def test_label_far_below_the_headline_belongs_to_something_else() -> None:
    filler = "<p>" + "The pier has stood since the harbour was dredged. " * 60 + "</p>"
    tree = html.fromstring(page("", body=filler + "<aside>Published 21 July 2017</aside>"))
    assert header_publication_date(tree) is None


def test_invalid_date_and_script_text_are_ignored() -> None:
    tree = html.fromstring(page("<script>var s='Published on 1 May 2001';</script>Published 31.02.2020"))
    assert header_publication_date(tree) is None


def test_label_beats_the_markup_date() -> None:
    head = '<meta property="article:modified_time" content="2021-10-15T09:00:00">'
    tree = html.fromstring(page("Erschienen am 13.10.2021", head=head))
    assert publication_date(tree) == "2021-10-13"


def test_without_a_label_htmldate_reads_the_markup() -> None:
    head = '<meta property="article:published_time" content="2021-10-15T09:00:00">'
    assert publication_date(html.fromstring(page("", head=head))) == "2021-10-15"


def test_a_date_after_tomorrow_is_no_publication_date() -> None:
    from datetime import date, timedelta

    tomorrow, later = date.today() + timedelta(days=1), date.today() + timedelta(days=30)
    assert header_publication_date(html.fromstring(page(f"Published {tomorrow.isoformat()}"))) == tomorrow.isoformat()
    assert header_publication_date(html.fromstring(page(f"Published {later.isoformat()}"))) is None


STANDFIRST = "<p class='standfirst'>Seven votes to two: the pier closed after the storm will be rebuilt by spring.</p>"
PROSE = (
    "<p>The council voted seven to two on Thursday night to rebuild the old ferry pier, which has been closed since "
    "the February storm tore away its end; the work is to start in March and cost about four million.</p>"
)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # among the header's short lines: author, role, reading time, the date alone in its element
        ("<span>Mara Quint</span><span>Editor</span><span>ca. 4 Min.</span><span>12.01.2026</span>", "2026-01-12"),
        (f"{STANDFIRST}<span>Interview: Ines Varga</span><time>31.03.2026</time>", "2026-03-31"),
        ("<span>Local</span><span>17/02/2026</span>", "2026-02-17"),  # day over 12: day first
        ("<span>Local</span><span>02/17/2026</span>", "2026-02-17"),  # the month first
        ("<span>Local</span><span>4 November 2026, 10:15</span>", "2026-11-04"),
    ],
)
def test_a_date_alone_in_the_header_block(header: str, expected: str) -> None:
    assert header_publication_date(html.fromstring(page(header, body=PROSE))) == expected


@pytest.mark.parametrize(
    "header",
    [
        "<span>Local</span><span>04/05/2026</span>",  # May 4 or April 5: left to the other readers
        f"{STANDFIRST}{PROSE}<span>12.01.2026</span>",  # after the standfirst and the prose: another item's
        # after a second sentence (a teaser's headline under the standfirst)
        f"{STANDFIRST}<p>Storm surge closes the coast road for a second night</p><span>12.01.2026</span>",
    ],
)
def test_no_date_alone_after_the_prose_or_when_day_and_month_are_ambiguous(header: str) -> None:
    assert header_publication_date(html.fromstring(page(header, body=PROSE))) is None


def test_a_date_alone_outside_the_header_block_is_another_items() -> None:
    related = "<div><div><div><ul><li><a>Ferry fares rise</a> <span>09.01.2026</span></li></ul></div></div></div>"
    tree = html.fromstring(
        f"<html><body><div><div><div><h1>{HEADLINE}</h1></div></div><aside>{related}</aside></div></body></html>"
    )
    assert header_publication_date(tree) is None


def test_a_date_alone_above_the_first_headline() -> None:
    tree = html.fromstring(
        "<html><body><div class='news-item'><div class='timedata'>05.02.2026 <span>- Redaktion: Ada Brook</span>"
        f"</div><h1>{HEADLINE}</h1>{PROSE}</div></body></html>"
    )
    assert header_publication_date(tree) == "2026-02-05"


def test_a_date_alone_above_a_later_heading_is_not_the_articles() -> None:
    tree = html.fromstring(
        f"<html><body><main><article><header><h1>{HEADLINE}</h1></header>{PROSE}</article>"
        "<div><span>03.02.2026</span><h1>Post navigation links</h1></div></main></body></html>"
    )
    assert header_publication_date(tree) is None


def test_a_visible_date_marked_as_published_beats_the_meta_date() -> None:
    head = '<meta name="date" content="2026-01-21T15:38:44+01:00">'
    body = (f"{PROSE}<p class='date' itemprop='datePublished' content='2026-01-14 10:31:00'>January 2026</p>"
            "<time itemprop='datePublished' datetime='2026-01-10'>10.01.2026</time>")
    tree = html.fromstring(f"<html><head>{head}</head><body><article>{body}</article></body></html>")
    assert marked_publication_date(tree) == "2026-01-14"
    assert publication_date(tree) == "2026-01-14"
    # a meta tag of that name is no visible date
    meta = "<meta itemprop='datePublished' content='2019-01-01'>"
    meta_only = html.fromstring(f"<html><head>{meta}</head><body>{PROSE}</body></html>")
    assert marked_publication_date(meta_only) is None
