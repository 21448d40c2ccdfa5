"""The publication date a page's article header labels, over htmldate's guess."""

from __future__ import annotations

import re

import pytest
from lxml import html

from crosswire.extract.html import publication_date
from crosswire.extract.page_dates import (
    _opening_letters,
    by_first_character,
    dated_above_headline,
    header_form,
    header_publication_date,
    labelled_page_date,
    marked_header_date,
)
from crosswire.lexicon import Entry, LexiconError

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


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Interview: Mara Quint 31.03.2021", "2021-03-31"),
        ("Text: Ole Brink, 2. Mai 2024", "2024-05-02"),
        ("3 Kommentare von Kochfee7 am 20.09.2020 Tipp drucken", "2020-09-20"),
        ("posted by harbourwatcher on March 4, 2020", "2020-03-04"),
    ],
)
def test_credits_with_a_label_or_a_lowercase_cue_and_am_or_on(header: str, expected: str) -> None:
    assert header_publication_date(html.fromstring(page(header))) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Marta Wolska 14 listopada 2025, 09:30", "2025-11-14"),  # Polish genitive
        ("Petr Novák, 3. března 2024, 16:20", "2024-03-03"),  # Czech genitive
        ("Опубликовано 4 ноября 2026, 10:15", "2026-11-04"),  # Russian genitive
        ("Redactie Haven, 4 maart 2026, 10:15", "2026-03-04"),  # Dutch
    ],
)
def test_a_header_reads_the_month_names_captures_are_read_with(header: str, expected: str) -> None:
    assert header_publication_date(html.fromstring(page(header))) == expected


def test_a_month_name_opens_a_word() -> None:
    # "Omar 4, 2026" under the headline names no day in March; nor does "Imay 4, 2026" one in May
    assert header_publication_date(html.fromstring(page("Omar 4, 2026"))) is None
    assert header_publication_date(html.fromstring(page("Imay 4, 2026"))) is None


def test_a_lowercase_cue_without_am_or_on_is_still_no_credit() -> None:
    tree = html.fromstring(page("Eine Reise von Hamburg nach Kiel 17.10.2023"))
    assert header_publication_date(tree) is None


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


def page_in(language: str | None, header: str) -> str:
    lang = f" lang='{language}'" if language else ""
    return page(header).replace("<html>", f"<html{lang}>", 1)


@pytest.mark.parametrize(
    ("language", "header", "expected"),
    [
        ("de", "Familie 17/02/2022", "2022-02-17"),  # a section's name between headline and date
        ("es", "Ana Ruiz Peña 3/5/2022 22:41", "2022-05-03"),
        ("en-GB", "Tom Hale 3/5/2022 10:41", "2022-05-03"),
        ("en-US", "Tom Hale 3/5/2022 10:41", "2022-03-05"),
        ("en", "Tom Hale 3/5/2022 10:41", "2022-03-05"),
        (None, "Tom Hale 17/5/2022 10:41", "2022-05-17"),  # no month 17: the day comes first in any language
        (None, "Tom Hale 3/5/2022 10:41", None),  # either could be the day, and the page does not say
        ("de", "Updated 17/02/2022", None),  # a label of a later date is no section
    ],
)
def test_slashed_dates_are_read_as_the_page_language_writes_them(
    language: str | None, header: str, expected: str | None
) -> None:
    assert header_publication_date(html.fromstring(page_in(language, header))) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Von Clara Weiss , 07 Dezember, 2024", "2024-12-07"),
        ("4 May, 2023, 11:37 pm", "2023-05-04"),
        ("Von Lene Ostrow (21. November 2022)", "2022-11-21"),
        ("Jonas Brecht Redakteur ca. 6 Min. 12.01.2022", "2022-01-12"),
        ("Ella Stone · 6 min read · 4 Nov 2026", "2026-11-04"),
    ],
)
def test_comma_after_the_month_parenthesis_after_a_byline_and_a_reading_time_before_the_date(
    header: str, expected: str
) -> None:
    assert header_publication_date(html.fromstring(page(header))) == expected


def test_a_date_right_under_the_headline_beats_a_labelled_date_in_a_detail_box() -> None:
    header = (
        "September 17, 2019 Lutz Ebner 0 Comments <p>Taken with a small refractor over two nights.</p>"
        "<dl><dt>Datum:</dt><dd>31/08/2019</dd></dl>"
    )
    assert header_publication_date(html.fromstring(page_in("de", header))) == "2019-09-17"


def test_a_midnight_clock_time_is_a_list_placeholder_not_the_header_timestamp() -> None:
    header = (
        "Related videos: Bus stalls on the bridge Do Jornal 21/05/2020 00:00 "
        "Do Jornal Em Recife 23/06/2020 16h45 The driver had just collected the car."
    )
    assert header_publication_date(html.fromstring(page_in("pt-BR", header))) == "2020-06-23"


def test_a_subheading_that_prints_the_page_title_is_the_headline_when_the_h1_is_not() -> None:
    doc = (
        "<html lang='de'><head><title>Neue Fähre für den Hafen | Hafenblatt</title></head><body>"
        "<h1 class='sr-only'>Details</h1><nav>Start Meldungen</nav>"
        "<h2>Weitere Meldungen</h2><p>Deichschau im Herbst 03.09.2021</p>"
        "<h2>Neue Fähre für den Hafen</h2><p>27.01.2022</p><p>Die Fähre fährt ab Mai zweimal am Tag.</p>"
        "</body></html>"
    )
    assert header_publication_date(html.fromstring(doc)) == "2022-01-27"


def test_a_subheading_that_is_not_the_page_title_is_no_headline() -> None:
    doc = (
        "<html lang='de'><head><title>Neue Fähre für den Hafen | Hafenblatt</title></head><body>"
        "<h2>Weitere Meldungen</h2><p>03.09.2021</p><p>Die Fähre fährt ab Mai zweimal am Tag.</p>"
        "</body></html>"
    )
    assert header_publication_date(html.fromstring(doc)) is None


ARTICLE = "<p>The council voted seven to two on Thursday night to rebuild the pier before the summer.</p>" * 20


@pytest.mark.parametrize(
    ("below", "expected"),
    [
        ("<div class='info'>Erstellt am: 01.11.2023 <a>Artikel bewerten</a></div>", "2023-11-01"),
        ("<footer>Last updated 04 Jun 2024</footer>", "2024-06-04"),
        # one day labelled published beats a later update
        ("<p>Veröffentlicht am 3.2.2022</p><p>Letzte Änderung: 5.2.2022</p>", "2022-02-03"),
        # several days labelled: a list of items, not the article's date
        ("<li>Published 21 July 2017</li><li>Published 6 April 2018</li>", None),
        # a lower-case label inside prose is no label
        ("<p>Der Antrag wurde am 29. September 2022 gestellt.</p>", None),
        # either number may be the month
        ("<p>Stand: 11/01/2021, 05:00</p>", None),
        # a label opens its word: after a digit or a bracket it does, inside a word it does not
        ("<p>14:49Erstellt am: 01.11.2023</p>", "2023-11-01"),
        ("<p>(Updated 04 Jun 2024)</p>", "2024-06-04"),
        ("<p>FotoUpdated 04 Jun 2024</p>", None),
        # a label in a link or a quote labels another piece: a footer's terms, a teaser, an embedded post
        ("<footer><a href='/terms'>Terms of use (Updated 7 July 2023)</a></footer>", None),
        ("<aside><a href='/news/ferry-fares'>Ferry fares rise again Stand 5.8.2024</a></aside>", None),
        ("<blockquote>Posted 2 May 2024 by a harbour pilot</blockquote>", None),
        # unless the link leads to that day (a blog links its date to the day's archive or to the post)
        ("<p class='post-info'><a href='/2024/06/04/'>Published 4 June 2024</a></p>", "2024-06-04"),
        ("<p><a href='/posts/20240604-pier'>Posted on 4 June 2024</a></p>", "2024-06-04"),
    ],
)
def test_the_one_day_a_page_labels_below_the_article(below: str, expected: str | None) -> None:
    doc = f"<html lang='de'><body><h1>{HEADLINE}</h1>{ARTICLE}{below}</body></html>"
    tree = html.fromstring(doc)
    assert header_publication_date(tree) is None
    assert labelled_page_date(tree) == expected
    if expected is not None:
        assert publication_date(tree) == expected


def test_a_two_digit_year_counts_with_the_clock_time_beside_it() -> None:
    assert header_publication_date(html.fromstring(page("harbourfan 28.09.19 12:44 Does anyone know"))) == "2019-09-28"
    # without a clock time, "28.09.19" may be anything (a version, a score)
    assert header_publication_date(html.fromstring(page("Version 28.09.19 is out"))) is None


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        ("Karlsruhe, (12.11.2021). Der Gemeinderat hat gestern beschlossen", "2021-11-12"),
        ("Bad Harzburg, 3. Mai 2022 – Der Gemeinderat hat gestern beschlossen", "2022-05-03"),
        ("PORT ELLEN, May 4, 2026 — The council voted on Thursday", "2026-05-04"),
    ],
)
def test_the_dateline_opening_the_article_text_dates_it(dateline: str, expected: str) -> None:
    body = f"<p class='lead'>Rebuilding will take two years and cost the town four million.</p><p>{dateline}</p>"
    tree = html.fromstring(page("", body=body))
    assert header_publication_date(tree) == expected
    # a later date of the markup does not move it
    head = '<meta property="article:published_time" content="2026-06-01T09:00:00">'
    assert publication_date(html.fromstring(page("", body=body, head=head))) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Veranstaltungen Mannheim, 13.11.2021 Kirchenkonzert im Dom",  # a place and a date in a list
        "On Friday, 12.11.2021 the council met again",  # no dash or parenthesis: prose
    ],
)
def test_a_place_and_a_date_without_the_dateline_marks_is_no_dateline(line: str) -> None:
    body = f"<p class='lead'>Rebuilding will take two years and cost the town four million.</p><p>{line}</p>"
    assert header_publication_date(html.fromstring(page("", body=body))) is None


def test_a_slug_opening_with_a_number_is_no_day_of_the_url() -> None:
    """'/2023/10/3-questions-…' names a year and a month; the page's own metadata gives the day."""
    head = ('<link rel="canonical" href="https://blog.harbourtown.example/2023/10/3-questions-for-the-harbour-master/">'
            '<meta property="article:published_time" content="2023-10-31T08:47:16+00:00">')  # fmt: skip
    assert publication_date(html.fromstring(page("", head=head))) == "2023-10-31"
    # a day in its own path segment stays the URL's date
    head = head.replace("/10/3-questions", "/10/03/questions")
    assert publication_date(html.fromstring(page("", head=head))) == "2023-10-03"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("2026年3月14日 | 港のニュース", "2026-03-14"),  # year, month and day with their CJK signs
        ("2026/03/14 | Harbour news", "2026-03-14"),  # year first, slashed
    ],
)
def test_forms_of_the_date_formats_lexicon_marked_for_headers_are_read_under_the_headline(
    header: str, expected: str
) -> None:
    assert header_publication_date(html.fromstring(page(header))) == expected


def test_a_year_first_slashed_date_inside_a_path_or_a_longer_number_is_none() -> None:
    assert header_publication_date(html.fromstring(page("archive/2026/03/145-ferry-times"))) is None
    assert header_publication_date(html.fromstring(page("Ticket 12026/03/14"))) is None


def test_a_header_form_with_a_month_name_is_refused_naming_the_entry() -> None:
    entry = Entry("nov 4 2026", "Nov 4 2026", {"pattern": "(?P<month_name>{month}) (?P<day>\\d+) (?P<year>{year})"})
    with pytest.raises(LexiconError, match="'nov 4 2026' is marked for headers"):
        header_form(0, entry)


STANDFIRST = ("<p class='standfirst'>Engineers say the timber piles are rotting and must be replaced "
              "within two years.</p>")


@pytest.mark.parametrize(
    "element",
    [
        "<span class='post-date'>14 March 2026</span>",
        "<div class='meta'><span class='o-meta--datum'><svg></svg> 14. März 2026</span></div>",
        "<p itemprop='datePublished'>Samstag 14 March 2026</p>",
        # the printed day, not the machine's (a UTC time just before local midnight)
        "<time datetime='2026-03-13T23:30:00Z'>14.03.2026</time>",
        "<span class='entry-date published updated'>March 14, 2026</span>",
        # a two-digit year where the element prints nothing else
        "<span class='weekday'>Samstag</span> <a class='date' href='/archive/2026/03/14'>14.03.26</a>",
    ],
)
def test_an_element_the_markup_names_a_date_after_the_standfirst_dates_the_page(element: str) -> None:
    head = '<meta property="article:published_time" content="2026-03-12T09:00:00">'
    tree = html.fromstring(page(STANDFIRST + element, head=head))
    assert header_publication_date(tree) is None  # too far below the headline, unlabelled
    assert marked_header_date(tree) == "2026-03-14"
    assert publication_date(tree) == "2026-03-14"  # over the markup's other day


@pytest.mark.parametrize(
    "element",
    [
        "<span>14 March 2026</span>",  # not named a date
        "<span class='post-date'>Version 14.03.26</span>",  # a two-digit year among other words
        "<span class='date updated'>14 March 2026</span>",  # a later date
        "<span class='post-date'>Ferry times change on 14 March 2026, the harbour office says</span>",  # prose
        "<a href='/news/winter-timetable'><span class='post-date'>14 March 2026</span> Winter timetable</a>",
        "<blockquote class='social-post'><p>Sunset at the pier</p><time>14 March 2026</time></blockquote>",
        # a list's dates: several days
        "<ul><li><span class='date'>14 March 2026</span></li><li><span class='date'>2 March 2026</span></li></ul>",
    ],
)
def test_other_date_elements_after_the_standfirst_date_nothing(element: str) -> None:
    assert marked_header_date(html.fromstring(page(STANDFIRST + element))) is None


def json_ld(published: str, modified: str) -> str:
    return ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Pier vote", '
            f'"datePublished": "{published}T06:10:00+01:00", "dateModified": "{modified}T17:40:00+01:00"}}</script>')


def test_the_json_ld_published_day_replaces_a_modified_day_htmldate_took() -> None:
    # no meta names the published day: htmldate falls back to the modified one before reading the JSON-LD
    head = ('<meta property="article:modified_time" content="2026-03-20T17:40:00+01:00">'
            + json_ld("2026-03-18", "2026-03-20"))
    assert publication_date(html.fromstring(page("", head=head))) == "2026-03-18"


def test_a_day_the_json_ld_names_published_stays() -> None:
    head = ('<meta property="article:published_time" content="2026-03-19T08:00:00+01:00">'
            + json_ld("2026-03-19", "2026-03-19"))
    assert publication_date(html.fromstring(page("", head=head))) == "2026-03-19"


def above(over_headline: str, *, site_bar: str = "") -> str:
    return (f"<html><head><meta property='article:published_time' content='2026-02-12T09:00:00'></head><body>"
            f"<header><div class='bar'>{site_bar}</div><nav>Start | Meldungen</nav></header>"
            f"<main><div class='news'><div class='item'>{over_headline}<h1>{HEADLINE}</h1>"
            f"{STANDFIRST}<p>The council voted seven to two on Thursday night.</p></div></div></main></body></html>")


@pytest.mark.parametrize(
    "over_headline",
    [
        "<div class='info'>05.02.2026 <span>- Redaktion: Ada Brook (Pressestelle)</span></div>",
        "<p class='kicker'>Hafen</p><span>Donnerstag, 5. Februar 2026</span>",
        "<time datetime='2026-02-05'>Feb 5, 2026, 7:57 AM</time>",
    ],
)
def test_a_date_alone_just_above_the_headline_dates_the_page(over_headline: str) -> None:
    tree = html.fromstring(above(over_headline))
    assert header_publication_date(tree) is None
    assert dated_above_headline(tree) == "2026-02-05"
    assert publication_date(tree) == "2026-02-05"  # over the markup's other day


@pytest.mark.parametrize(
    "over_headline",
    [
        # a sentence between: the date belongs to what comes before
        "<span>05.02.2026</span><p>Read how the harbour board argued about the new pier all winter.</p>",
        "<a href='/news/earlier-vote'>05.02.2026 Earlier vote</a>",  # a link's: a teaser
        "<span>Aktualisiert 05.02.2026</span>",  # an update's
    ],
)
def test_other_dates_above_the_headline_date_nothing(over_headline: str) -> None:
    assert dated_above_headline(html.fromstring(above(over_headline))) is None


def test_a_date_outside_the_headline_block_is_the_site_bar_s() -> None:
    tree = html.fromstring(above("", site_bar="Donnerstag, 5. Februar 2026"))
    assert dated_above_headline(tree) is None


@pytest.mark.parametrize(
    "text",
    [
        "The pier opened on Mar. 4, 2026 and closed in March.",
        "Maybe in May: the 3 mars 2026 vote, then June 14, 2026 (Jun 15 2026 in print)",
        "Marching bands played as marsh birds flew over the jetty",
    ],
)
def test_names_grouped_by_first_character_match_as_the_plain_alternation(text: str) -> None:
    # the longest name first, as _date_pattern orders them: "march" before "mar" and "mars"
    names = sorted(["mar", "march", "mars", "may", "jun", "june", "juni"], key=len, reverse=True)
    plain = re.compile(r"\b(?P<month>" + "|".join(names) + r")(?P<rest>\.?\s\d+|\w*)", re.IGNORECASE)
    grouped = re.compile(r"\b(?P<month>" + by_first_character(names) + r")(?P<rest>\.?\s\d+|\w*)", re.IGNORECASE)
    found = [(m.span(), m.groupdict()) for m in plain.finditer(text)]
    assert found  # each text holds names
    assert [(m.span(), m.groupdict()) for m in grouped.finditer(text)] == found


def test_the_opening_letters_guard_only_what_the_words_open_with() -> None:
    guard = _opening_letters(["Posted", "von", "Autor:"])
    assert guard == "(?=[apv])"
    pattern = re.compile(guard + "(?:posted|von|autor:)", re.IGNORECASE)
    assert pattern.search("Text VON Ada") and pattern.search("AUTOR: Ada") and not pattern.search("by Ada")
    assert _opening_letters(["(?:post|publish)ed", "date"]) == ""  # a word that is a pattern of its own


def linked(body_id: str, link: str) -> str:
    return (f"<html><head><title>{HEADLINE}</title></head><body id='{body_id}'><article><h2>{HEADLINE}</h2>"
            "<p>The council voted seven to two on Thursday night to rebuild the pier.</p>"
            f"<p>Related: <a href='{link}'>What the pier survey found</a></p></article></body></html>")


def test_a_day_only_a_link_to_another_page_names_is_that_page_s() -> None:
    # htmldate, asked for the original date, takes the older day of the related article's address
    doc = linked("story20260304_pier", "https://news.example.org/archive/20260211/pier-survey.html")
    tree = html.fromstring(doc)
    assert publication_date(tree) == "2026-03-04"
    assert html.tostring(tree) == html.tostring(html.fromstring(doc))  # the addresses are put back


def test_a_day_only_links_name_stays_when_the_page_names_no_other() -> None:
    # a blog's comment link to its own dated address: the day is the page's
    doc = linked("story", "https://blog.example.org/2026/03/04/pier-vote/#comments")
    assert publication_date(html.fromstring(doc)) == "2026-03-04"


def test_a_day_only_a_link_to_the_day_s_archive_names_stays() -> None:
    # blogs link their own date to the day's archive: asked without it, htmldate would fall to the copyright year
    doc = (f"<html><head><title>{HEADLINE}</title></head><body><article><h2>{HEADLINE}</h2>"
           "<p>Posted in <a href='https://blog.example.org/2026/03/04/'>the day's notes</a></p>"
           "<p>The council voted seven to two on Thursday night.</p></article>"
           "<footer>© 2025 Harbour Notes</footer></body></html>")
    assert publication_date(html.fromstring(doc)) == "2026-03-04"
