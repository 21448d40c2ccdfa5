"""The capture header reader: headline, byline and date from plain-text page lines.

Every capture here is written for these tests; the layouts are the ones
pages show (navigation over the headline, a teaser repeating it, a byline
under it, an aggregator's page date, a summary box, an author box).
"""

from __future__ import annotations

from datetime import date

import pytest

from crosswire.extract import extract
from crosswire.extract.bylines import Byline, byline_names, cue_alone
from crosswire.extract.capture_header import read_header, slug_words
from crosswire.extract.dates import printed_dates, relative_date, url_date
from crosswire.model import Capture, SourceHints

BODY = [
    "The council of Kelmouth voted on Tuesday to build a new footbridge over the Ferrow, ending a dispute"
    " that has run for three years.",
    "The bridge will cost about 4 million euros and is expected to open in the spring of 2028, the council"
    " said in a statement.",
    "Residents had asked for a crossing since the old ferry stopped running, and shop owners on the east"
    " bank welcomed the decision.",
]


def _header(lines: list[str], url: str | None = None) -> tuple[str | None, str | None, str | None]:
    header = read_header(lines, len(lines) - len(BODY), len(lines), url)
    return header.title, header.author, header.published


@pytest.mark.parametrize(
    ("text", "iso"),
    [("von Ada · 14. Juli 2026", "2026-07-14"), ("14.07.26, 09:10 Uhr", "2026-07-14"),
     ("Lina Sommer | 14.07.26", "2026-07-14"), ("14 July, 2026, 9:10 pm", "2026-07-14"),
     ("Dienstag, 14. Juli 2026 - Region", "2026-07-14"), ("4 de noviembre de 2026", "2026-11-04"),
     ("POSTED TUE, JUL 14 20267:05 PM", "2026-07-14"), ("4 ноября 2026", "2026-11-04"),
     ("14 / Juli / 2026", "2026-07-14"), ("24/03/2026", "2026-03-24")],
)
def test_dates_in_the_forms_pages_print_them(text: str, iso: str) -> None:
    assert printed_dates(text)[0].iso == iso


def test_a_numeric_date_is_read_in_the_pages_order() -> None:
    assert printed_dates("04/11/2026", day_first=True)[0].iso == "2026-11-04"
    assert printed_dates("04/11/2026", day_first=False)[0].iso == "2026-04-11"
    assert printed_dates("Version 2 of 14 files") == []


def test_a_relative_date_needs_the_day_it_was_seen() -> None:
    assert relative_date("Published 3 hours ago", date(2026, 11, 4)) == "2026-11-04"
    assert relative_date("vor 2 Tagen", date(2026, 11, 4)) == "2026-11-02"
    assert relative_date("Published in the spring", date(2026, 11, 4)) is None


@pytest.mark.parametrize(
    ("line", "author"),
    [("By Mara Quint", "Mara Quint"), ("ByMara Quint", "Mara Quint"),
     ("Von Claudia Weller und Jan Dorn 19. Oktober 2026 08:04 Uhr", "Claudia Weller, Jan Dorn"),
     ("Reported by Osei Kwarteng, Staff Writer", "Osei Kwarteng"), ("Posted by Ines in Travel", "Ines"),
     ("Por Agencia Litoral", "Agencia Litoral"), ("Autor: Jana Kolb, Online-Redaktion", "Jana Kolb")],
)
def test_bylines_name_their_writers(line: str, author: str) -> None:
    byline = byline_names(line)
    assert byline is not None and byline.author == author


def test_a_headline_opening_with_a_cue_word_is_no_byline() -> None:
    assert byline_names("Von Wolken, Winden und «ganz eigenem Wetter»") is None
    assert byline_names("By the end of the year, the harbour will have a new crane and two more berths") is None


def test_a_byline_names_the_outlet_its_writer_works_for() -> None:
    byline = byline_names("By Mara Quint, The Coastal Ledger")
    assert byline is not None and byline.author == "Mara Quint" and byline.outlet == "The Coastal Ledger"


def test_headline_among_navigation_with_a_repeated_teaser() -> None:
    lines = ["Kelmouth Post", "News", "Sport", "Weather", "Kelmouth votes for a footbridge...", "News / Local",
             "Kelmouth votes for a footbridge over the Ferrow", "By Lina Sommer", "4 Nov 2026", *BODY]
    assert _header(lines) == ("Kelmouth votes for a footbridge over the Ferrow", "Lina Sommer", "2026-11-04")


def test_a_name_under_the_headline_is_its_byline_and_the_url_gives_the_date() -> None:
    lines = ["Menu", "Search", "Footbridge for Kelmouth: council says yes", "Lina Sommer", "Reporter", *BODY]
    url = "https://post.example/2026/11/04/footbridge-for-kelmouth-council-says-yes/"
    assert _header(lines, url) == ("Footbridge for Kelmouth: council says yes", "Lina Sommer", "2026-11-04")


def test_a_section_line_under_the_headline_is_no_byline() -> None:
    # Two capitalised words under the headline, but opening with a possessive or an article: a section, not a name.
    url = "https://post.example/2026/11/04/footbridge-for-kelmouth-council-says-yes/"
    for section in ("Unsere Geschichte", "Our Story", "Die Schneeflocke"):
        lines = ["Menu", "Search", "Footbridge for Kelmouth: council says yes", section, *BODY]
        assert _header(lines, url)[1] is None, section


def test_the_url_slug_finds_a_headline_far_from_the_body() -> None:
    lines = ["Kelmouth votes for a footbridge over the Ferrow", *[f"Menu item {n}" for n in range(20)],
             "Comments are closed", *BODY]
    url = "https://post.example/local/kelmouth-votes-for-a-footbridge-over-the-ferrow"
    assert _header(lines, url)[0] == "Kelmouth votes for a footbridge over the Ferrow"


def test_a_summary_box_is_neither_title_nor_byline() -> None:
    lines = ["Home", "Kelmouth gets its footbridge after three years of debate", "In brief",
             "Cost: four million euros", "Opening: spring 2028", "Written by Lina Sommer",
             "Published 4 Nov 2026", *BODY]
    assert _header(lines) == ("Kelmouth gets its footbridge after three years of debate", "Lina Sommer", "2026-11-04")


def test_the_aggregators_page_date_is_not_the_articles() -> None:
    lines = ["Hubwire", "Monday, 9 November 2026", "Top stories", "Local", "Markets", "Weather", "Sign in",
             "Kelmouth votes for a footbridge over the Ferrow", "By Lina Sommer", "Published 3 days ago", *BODY]
    assert _header(lines) == ("Kelmouth votes for a footbridge over the Ferrow", "Lina Sommer", "2026-11-06")


def test_a_date_over_the_headline_of_a_blog_is_the_posts() -> None:
    lines = ["FRIDAY, 6 NOVEMBER 2026", "Three walks along the Ferrow in the first frost", *BODY]
    assert _header(lines)[2] == "2026-11-06"


def test_an_author_box_after_the_article_names_the_writer() -> None:
    lines = ["Kelmouth votes for a footbridge over the Ferrow", *BODY, "About the author", "Lina Sommer",
             "Lina Sommer covers the towns of the Ferrow valley."]
    header = read_header(lines, 1, 1 + len(BODY))
    assert header.author == "Lina Sommer"


def test_a_published_by_box_after_the_article_names_the_writer_but_not_the_publishing_company() -> None:
    """A blog theme's "Published by" box credits the writer; a footer's "Published by … Ltd" the company."""
    lines = ["Three walks along the Ferrow in the first frost", *BODY, "Published by", "Nadia Okafor",
             "Nadia Okafor walks the Ferrow valley every winter. View all posts"]
    assert read_header(lines, 1, 1 + len(BODY)).author == "Nadia Okafor"
    footer = ["Three walks along the Ferrow in the first frost", *BODY, "Published by Harbourline Media Ltd"]
    assert read_header(footer, 1, 1 + len(BODY)).author is None


def test_a_name_under_a_repeated_headline_a_date_and_a_standfirst_is_the_byline() -> None:
    """The headline printed twice around its date line, then a standfirst, then the writer's name."""
    headline = "Kelmouth votes for a footbridge over the Ferrow"
    lines = ["Local news", headline, "04.11.2026, 15:59", f"{headline} :",
             "A three-year dispute over a crossing ends with a vote and a price of four million euros.",
             "Lina Sommer", *BODY]
    assert _header(lines)[:2] == (headline, "Lina Sommer")


@pytest.mark.parametrize(
    ("footer", "author"),
    [
        ("© 2026 Ines Varga", "Ines Varga"),
        ("©2026 - Ines Varga - Studio Nord®", "Ines Varga"),
        ("All texts and pictures © by Ines Varga | Imprint", "Ines Varga"),
        # a company, an outlet, a picture's credit: no writer
        ("© 2026 Harbourline Media Ltd", None),
        ("Copyright © 2026 Marrowfield Press LLC", None),
        ("© 2026 The Kelmouth Post", None),
        ("© Ines Varga / Nordbild", None),
        ("Picture 2 of 4 © Ines Varga", None),
        ("Photo: © Ines Varga", None),
        ("© Dieses Tagebuch steht unter einer freien Lizenz.", None),
    ],
)
def test_a_person_holding_the_copyright_in_the_footer_is_a_last_resort_writer(footer: str, author: str | None) -> None:
    """A personal site names its writer nowhere but in its footer's copyright line."""
    lines = ["Three walks along the Ferrow in the first frost", *BODY, "Imprint", footer]
    assert read_header(lines, 1, 1 + len(BODY)).author == author


def test_a_name_with_its_date_after_a_stop_word_under_the_headline_is_the_byline() -> None:
    """"Name am 4. November 2026 um 11:23": the stop word before the date ends the name."""
    headline = "Kelmouth votes for a footbridge over the Ferrow"
    lines = [headline, "Lina Sommer am 4. November 2026 um 11:23", *BODY]
    assert _header(lines)[1:] == ("Lina Sommer", "2026-11-04")


@pytest.mark.parametrize("line", ["Lina SommerFollow", "By Lina SommerTeilen", "Lina SommerKontakt"])
def test_a_button_run_into_the_name_is_cut_off(line: str) -> None:
    """A capture runs a byline's button into the name ("Lina SommerFollow"); a name is not cut inside."""
    assert byline_names(line, bare=True) == Byline(("Lina Sommer",))
    assert byline_names("Lina Sallen", bare=True) == Byline(("Lina Sallen",))


def test_the_site_name_after_the_headline_goes() -> None:
    lines = ["Kelmouth votes for a footbridge over the Ferrow | Kelmouth Post", "By Lina Sommer", *BODY]
    assert _header(lines, "https://www.kelmouthpost.example/local/footbridge")[0] == (
        "Kelmouth votes for a footbridge over the Ferrow"
    )


def test_url_helpers() -> None:
    assert url_date("https://post.example/2026/11/04/bridge/") == "2026-11-04"
    assert url_date("https://post.example/news/20261104-bridge.html") == "2026-11-04"
    assert url_date("https://post.example/news/bridge-4711") is None
    assert slug_words("https://post.example/local/kelmouth-votes-for-a-footbridge-4711") >= {"kelmouth", "footbridge"}


def test_a_capture_republished_by_an_aggregator_credits_the_original() -> None:
    text = "\n".join(["Hubwire", "Monday, 9 November 2026", "Top stories", "Local", "Sign in",
                      "Kelmouth votes for a footbridge over the Ferrow", "By Lina Sommer, Kelmouth Post",
                      "Nov. 4, 2026, 10:15 a.m. ET", *BODY])
    article = extract(Capture(id="c", kind="capture", origin="c.txt", content=text,
                              hints=SourceHints(url="https://hubwire.example/local/4711")))
    assert (article.publisher, article.via) == ("Kelmouth Post", "hubwire.example")
    assert (article.author, article.published) == ("Lina Sommer", "2026-11-04")


def test_a_byline_naming_the_sites_own_outlet_is_no_republication() -> None:
    text = "\n".join(["Kelmouth votes for a footbridge over the Ferrow", "By Lina Sommer, Kelmouth Post",
                      "4 Nov 2026", *BODY])
    article = extract(Capture(id="c", kind="capture", origin="c.txt", content=text,
                              hints=SourceHints(url="https://www.kelmouthpost.example/local/4711")))
    assert article.via is None


def test_a_meta_line_of_short_parts_gives_the_date() -> None:
    lines = ["Kelmouth votes for a footbridge over the Ferrow",
             "4 Nov 2026 • words and pictures by Ada Brook • 6 min read", *BODY]
    assert _header(lines)[2] == "2026-11-04"


def test_a_headline_spelling_the_slug_is_not_taken_for_a_name_beside_the_date() -> None:
    lines = ["Menu", "Footbridge Plans", "4 Nov 2026", *BODY]
    url = "https://post.example/local/footbridge-plans/"
    title, author, published = _header(lines, url)
    assert (title, author, published) == ("Footbridge Plans", None, "2026-11-04")


def test_a_bare_line_after_the_article_is_no_signature() -> None:
    lines = ["Kelmouth votes for a footbridge over the Ferrow", *BODY, "More Local News", "Ferry Timetables"]
    assert read_header(lines, 1, 1 + len(BODY)).author is None


def test_a_name_over_its_biography_after_the_article_is_the_writer() -> None:
    lines = ["Kelmouth votes for a footbridge over the Ferrow", *BODY, "Lina Sommer",
             "Lina Sommer has reported on the towns of the Ferrow valley for the paper since 2019."]
    assert read_header(lines, 1, 1 + len(BODY)).author == "Lina Sommer"


@pytest.mark.parametrize(
    ("line", "author"),
    [("BY ADA BROOK AND MO REYES", "Ada Brook, Mo Reyes"), ("By Ada Brook And Mo Reyes", "Ada Brook, Mo Reyes"),
     ("By Robert E Lyle", "Robert E Lyle"), ("Par Léa Morel et Hugo Petit", "Léa Morel, Hugo Petit"),
     ("By ET Desk", "ET Desk")],
)
def test_a_joiner_in_capitals_inside_a_mixed_case_byline_is_an_acronym_or_an_initial(line: str, author: str) -> None:
    byline = byline_names(line)
    assert byline is not None and byline.author == author


@pytest.mark.parametrize(
    ("line", "author"),
    [("By kelpie_77", "kelpie_77"), ("Autor: harbourblog.example", "harbourblog.example"),
     ("von ferrowfan · 4. November 2026", "ferrowfan"), ("Posted by tidewatcher", "tidewatcher")],
)
def test_a_user_name_after_a_cue_is_the_author(line: str, author: str) -> None:
    byline = byline_names(line)
    assert byline is not None and byline.author == author


def test_a_label_without_its_colon_and_a_common_word_is_no_byline() -> None:
    assert byline_names("Author information") is None
    assert byline_names("By the harbour") is None


@pytest.mark.parametrize(
    ("line", "author"),
    [("Text und Fotos: Marta Lenz", "Marta Lenz"), ("Text and photos: Ada Brook", "Ada Brook")],
)
def test_a_credit_label_naming_several_roles_credits_the_name_after_its_colon(line: str, author: str) -> None:
    byline = byline_names(line)
    assert byline is not None and byline.author == author


@pytest.mark.parametrize(
    ("line", "author"),
    [("Ein Gastkommentar von Jan Dorn", "Jan Dorn"), ("An interview by Mo Reyes with the harbour master", "Mo Reyes"),
     ("Eine Reportage von Lin Oduya, 4. November 2026", "Lin Oduya")],
)
def test_an_article_and_the_pieces_noun_may_open_a_byline(line: str, author: str) -> None:
    byline = byline_names(line)
    assert byline is not None and byline.author == author


def test_an_article_and_a_noun_before_a_label_or_no_name_is_no_byline() -> None:
    assert byline_names("A Day by the Sea") is None
    assert byline_names("Ein Autor: Jan Dorn") is None
    assert cue_alone("Ein Beitrag von:")


@pytest.mark.parametrize(
    ("line", "author"),
    [("Von Lina Sommer 6", "Lina Sommer"), ("By Lin Oduya Science Editor", "Lin Oduya"),
     ("By Tom Reyes, Health Correspondent", "Tom Reyes")],
)
def test_a_count_or_a_role_after_the_name_is_not_the_name(line: str, author: str) -> None:
    byline = byline_names(line)
    assert byline is not None and byline.author == author


def test_a_lower_case_word_followed_by_more_words_after_a_cue_is_no_user_name() -> None:
    assert byline_names("By default the ferry runs hourly") is None


def test_a_byline_of_linked_names_broken_over_lines_names_them_all() -> None:
    lines = ["Kelmouth votes for a footbridge over the Ferrow", "By", "Lina Sommer", "and", "Mo Reyes",
             "Published Nov 4, 2026", "Share", *BODY]  # fmt: skip
    assert _header(lines)[1] == "Lina Sommer, Mo Reyes"


def test_a_meta_line_opening_with_a_labelled_date_gives_the_date_however_long_its_tags() -> None:
    from crosswire.extract.dates import date_line

    line = (
        "Published 4 Nov 2026 | Filed under: Harbour news | Tags: ferries, tides, pier repairs, council budget, "
        "night crossings, timetable changes, winter service | Comments are open until Friday at noon"
    )
    found = date_line(line, day_first=True)
    assert found is not None and (found.iso, found.kind) == ("2026-11-04", "published")
    # Without a label the first part is no date line: a long line of prose keeps its date to itself.
    assert date_line("4 Nov 2026 | " + line.split(" | ", 1)[1], day_first=True) is None


def test_a_labelled_publication_date_far_above_the_body_is_the_articles_when_nothing_nearer_dates_it() -> None:
    # the reader's body starts under a long run of picture captions, far below the header
    captions = [f"Picture {n}: the Ferrow at dawn" for n in range(40)]
    lines = ["Kelmouth votes for a footbridge over the Ferrow", "Published: 22:00 GMT, 4 November 2026 | "
             "Updated: 08:39 GMT, 6 November 2026", *captions, *BODY]  # fmt: skip
    assert _header(lines)[2] == "2026-11-04"


def test_an_update_date_dates_the_article_only_when_nothing_else_does() -> None:
    lines = ["Kelmouth votes for a footbridge over the Ferrow", *BODY * 4, "Aktualisiert am 06.11.2026."]
    assert read_header(lines, 1, len(lines) - 1).published == "2026-11-06"
    lines = ["Kelmouth votes for a footbridge over the Ferrow", "4 Nov 2026", *BODY, "Updated 6 Nov 2026"]
    assert _header(lines)[2] == "2026-11-04"


def test_a_url_naming_the_day_first_dates_the_page() -> None:
    assert url_date("https://ring.example/meldungen/04-11-2026") == "2026-11-04"
    assert url_date("https://ring.example/archiv/notice-04.11.2026.html") == "2026-11-04"
    assert url_date("https://ring.example/items/12/04-11-2026") is None  # part of a longer run of numbers
    assert url_date("https://ring.example/meldungen/31-02-2026") is None


@pytest.mark.parametrize(
    "embed",
    ["A post shared by Harbour Kites (@harbourkites) on Oct 2, 2026 at 4:47pm PDT",
     "— Mo Reyes (@moreyes) October 2, 2026"],
)
def test_an_embedded_posts_date_is_not_the_articles(embed: str) -> None:
    lines = ["Kelmouth votes for a footbridge over the Ferrow", BODY[0], embed, *BODY[1:], "04.11.2026 16:06 Uhr"]
    header = read_header(lines, 1, len(lines) - 1)
    assert header.published == "2026-11-04"


def test_a_slug_of_one_glued_word_spells_a_headline_of_joined_words() -> None:
    from crosswire.extract.capture_header import slug_match

    slug = slug_words("https://anglers.example/de/kelmouthwinterpike--4711")
    assert slug == {"kelmouthwinterpike"}
    assert slug_match("Kelmouth-Winterpike", slug) == 1.0
    assert slug_match("Kelmouth Winter Pike", slug) == 1.0
    assert slug_match("Kelmouthwinterpike", slug) == 0.0  # one word alone may be a menu item naming the section
    assert slug_match("Newsletter", slug) == 0.0
    assert slug_words("https://anglers.example/de/newsletter") == frozenset()  # too short to be a glued headline


def test_a_month_name_starts_a_word() -> None:
    assert printed_dates("Omar 4, 2026 was the last year the ferry ran") == []
    assert printed_dates("Gene 12, 2026") == []
    assert printed_dates("Posted 4 janv. 2026 by the harbour desk")[0].iso == "2026-01-04"



@pytest.mark.parametrize(
    ("lines", "url"),
    [
        (["Kelmouth Post", "News", "Kelmouth votes for a footbridge...", "News / Local",
          "Kelmouth votes for a footbridge over the Ferrow", "By Lina Sommer", "4 Nov 2026", *BODY], None),
        (["Menu", "Search", "Footbridge for Kelmouth: council says yes", "Lina Sommer", "Reporter", *BODY],
         "https://post.example/2026/11/04/footbridge-for-kelmouth-council-says-yes/"),
        (["Kelmouth votes for a footbridge over the Ferrow", *[f"Menu item {n}" for n in range(20)],
          "Written by Lina Sommer", *BODY], "https://post.example/local/kelmouth-votes-for-a-footbridge-over-the-ferrow"),
        (["Kelmouth votes for a footbridge over the Ferrow", "By", "Lina Sommer", "and", "Mo Reyes", *BODY], None),
        (["Menu", "Footbridge Plans", "4 Nov 2026", *BODY], "https://post.example/local/footbridge-plans/"),
        (["Kelmouth votes for a footbridge over the Ferrow", *BODY, "About the author", "Lina Sommer"], None),
    ],
)  # fmt: skip
def test_the_byline_alone_is_the_byline_of_the_whole_header(lines: list[str], url: str | None) -> None:
    from crosswire.extract.capture_header import read_byline

    start = len(lines) - len(BODY) if lines[-1] == BODY[-1] else 1
    end = start + len(BODY)
    byline = read_byline(lines, start, end, url)
    assert (byline.author if byline else None) == read_header(lines, start, end, url).author
