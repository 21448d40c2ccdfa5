"""The byline a reader sees on an HTML page, read as from a capture when the page's
metadata and byline markup name no one by a full name (fictional pages)."""

from __future__ import annotations

from lxml import html

from crosswire.extract import extract
from crosswire.extract.metadata import Outlet, byline_author, person_author
from crosswire.extract.visible_text import visible_byline, visible_lines
from crosswire.model import Capture, SourceHints

URL = "https://www.valecourier.example/news/river-rises-at-record-pace"
PARAGRAPHS = (
    "The river authority said on Monday that water levels at the Brannock weir had risen by two metres "
    "in a week, the fastest rise recorded since gauges were installed in 1987.",
    "Engineers opened three sluice gates overnight to relieve pressure on the embankment, and residents "
    "of low-lying streets were told to move vehicles to higher ground before the weekend.",
    "The authority expects the water to fall again by Thursday if no more rain comes from the hills.",
)


def page(header: str = "", head: str = "") -> str:
    body = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return (
        '<html lang="en"><head><title>River rises at record pace | Vale Courier</title>'
        f'<meta property="og:site_name" content="Vale Courier">{head}</head><body>'
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
        f"<div class='story'><h1>River rises at record pace</h1>{header}<div class='text'>{body}</div></div>"
        "<footer><p>Contact us</p></footer></body></html>"
    )


def author_of(text: str) -> str | None:
    capture = Capture(id="p", kind="html", origin="p.html", content=text.encode(), hints=SourceHints(url=URL))
    return extract(capture).author


def test_visible_lines_break_at_blocks_and_leave_out_what_a_reader_never_sees() -> None:
    tree = html.fromstring(
        "<html><head><title>T</title></head><body><div>One <b>line</b> here<br>and a second</div>"
        "<script>var x = 1;</script><p style='display: none'>hidden</p><p hidden>also hidden</p>"
        "<table><tr><td>cell a</td><td>cell b</td></tr></table><p>last</p></body></html>"
    )
    assert visible_lines(tree) == ["One line here", "and a second", "cell a cell b", "last"]


def test_visible_lines_go_on_after_what_a_reader_never_sees() -> None:
    tree = html.fromstring(
        "<html><body><p>Before <span hidden>secret</span>after<!-- a note --> and on</p>"
        "<ul><li>one</li><li>two<script>x()</script> more</li></ul><div style='display:none'><p>gone</p></div>"
        "tail text</body></html>"
    )
    assert visible_lines(tree) == ["Before after and on", "one", "two more", "tail text"]


#: Readers' letters under the article: more prose than the article itself.
LETTERS = tuple(
    f"Letter {n}: I have lived beside the river for forty years and I have never seen the water climb so fast, "
    "so the authority should explain why the sluices were opened only now."
    for n in range(8)
)


def test_the_extracted_text_tells_where_the_article_sits_among_the_lines() -> None:
    # Scored line by line, the page's body would be the letters, too far under the menu to see the byline.
    menu = "".join(f"<li><a href='/s{n}'>Section {n}</a></li>" for n in range(45))
    text = (
        "<html><body><h1>River rises at record pace</h1><p>By Ines Varga</p>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
        + f"<ul>{menu}</ul><div class='letters'>"
        + "".join(f"<p>{letter}</p>" for letter in LETTERS)
        + "</div></body></html>"
    )
    tree = html.fromstring(text)
    assert visible_byline(tree) is None
    assert visible_byline(tree, body="\n".join(PARAGRAPHS)) == "Ines Varga"


def test_an_extracted_text_the_page_does_not_show_leaves_the_lines_to_be_scored() -> None:
    tree = html.fromstring(page("<p>By Ines Varga</p>"))
    unseen = "A text this page shows nowhere at all, written by its scripts after the page has loaded in the browser."
    assert visible_byline(tree, URL, unseen) == visible_byline(tree, URL) == "Ines Varga"


def test_the_article_starts_at_the_first_line_of_prose_the_extracted_text_holds() -> None:
    from crosswire.extract.visible_text import _extracted_region

    lines = ["Menu", "River rises at record pace", "By Ines Varga", "Gauges and weirs", PARAGRAPHS[0],
             "Weir level 4.2 m", PARAGRAPHS[1], "Contact us"]  # fmt: skip
    # the text opens with its headline and a short list item; a table row and a list item are seen without
    # their bars and markers
    body = f"River rises at record pace\n- Gauges and weirs\n- {PARAGRAPHS[0]}\n| Weir level | 4.2 m |\n{PARAGRAPHS[1]}"
    assert _extracted_region(lines, body) == (4, 7)
    assert _extracted_region(lines, "Gauges and weirs\nContact us") is None


def test_a_byline_without_byline_markup_is_read_from_the_page_as_seen() -> None:
    text = page("<div class='meta'><span>By</span> <a href='/staff/ines-varga'>Ines Varga</a></div>")
    assert author_of(text) == "Ines Varga"


def test_a_date_line_ending_in_a_name_credits_that_name() -> None:
    assert author_of(page("<small>04.11.2026 | 10:15 Uhr | Ines Varga</small>")) == "Ines Varga"
    assert author_of(page("<div><span>4.11.2026 - Tom Reyes</span></div>")) == "Tom Reyes"


def test_a_company_as_meta_author_gives_way_to_the_byline_the_reader_sees() -> None:
    head = '<meta name="author" content="Brannock Web Services GmbH">'
    assert author_of(page("<p>Von Ines Varga</p>", head)) == "Ines Varga"
    # with no person on the page the company stays the author, as before
    assert author_of(page("", head)) == "Brannock Web Services GmbH"


def test_a_one_word_author_gives_way_only_to_a_full_name_holding_it() -> None:
    assert author_of(page("<p>By Ines Varga</p>", '<meta name="author" content="Ines">')) == "Ines Varga"
    # a blogger's handle is not replaced by some other name on the page
    assert author_of(page("<p>By Tom Reyes</p>", '<meta name="author" content="kelpie77">')) == "kelpie77"


def test_a_desk_credit_seen_on_the_page_does_not_replace_the_meta_author() -> None:
    head = '<meta name="author" content="Staff and wire reports">'
    assert author_of(page("<p>By Staff</p>", head)) == "Staff and wire reports"


def test_a_full_name_in_the_metadata_is_not_second_guessed_by_the_visible_byline() -> None:
    head = '<meta name="author" content="Lin Oduya">'
    assert author_of(page("<p>By Tom Reyes</p>", head)) == "Lin Oduya"
    assert visible_byline(html.fromstring(page("<p>By Tom Reyes</p>", head)), URL) == "Tom Reyes"


def test_the_byline_markup_naming_the_meta_author_and_more_writers_credits_them_all() -> None:
    head = '<meta name="author" content="Ada Brook">'
    assert author_of(page("<p class='byline'>By Ada Brook and Lin Oduya</p>", head)) == "Ada Brook, Lin Oduya"
    # a byline naming someone else does not add to or replace the meta author
    assert author_of(page("<p class='byline'>By Tom Reyes and Lin Oduya</p>", head)) == "Ada Brook"


def test_a_byline_element_drops_the_links_and_labels_after_the_name() -> None:
    outlet = Outlet.of("Vale Courier", None, URL)

    def read(markup: str) -> str | None:
        return byline_author(html.fromstring(page(markup)), outlet)

    assert read("<div class='author'><a>Ines Varga</a> <a href='/a'>Alle Artikel</a></div>") == "Ines Varga"
    assert read("<div class='author'>Ines Varga <a href='/c'>Kontakt</a></div>") == "Ines Varga"
    assert read("<div class='article-byline'><a>Tom Reyes</a> <span>ValePost Staff</span></div>") == "Tom Reyes"
    assert read("<div class='article-byline'><a>Tom Reyes</a>, <span>Valley Post Staff</span></div>") == "Tom Reyes"
    assert read("<div class='author'>Ana Ruiz y Tomás Vera Hace 3 horas</div>") == "Ana Ruiz, Tomás Vera"


def test_a_byline_box_holding_only_a_button_or_a_label_names_no_one() -> None:
    # the markup's only credit is a button: the byline the reader sees names the writer
    text = page("<div class='author-info'><a class='author-info__follow'>Follow</a></div><p>Autor: Ines Varga</p>")
    assert author_of(text) == "Ines Varga"
    assert person_author("Datum") is None and person_author("Follow") is None
    assert person_author("Ines Varga") == "Ines Varga"
