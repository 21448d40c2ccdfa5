"""HTML pages: decoding, text, metadata, provenance and index pages."""

from __future__ import annotations

import pytest

from crosswire.errors import InputError
from crosswire.extract import extract
from crosswire.extract.body import looks_like_index_page
from crosswire.extract.decode import decode_html
from crosswire.extract.html import NoArticleText, parse_page
from crosswire.model import Capture, SourceHints

PARAGRAPHS = [
    "The river authority said on Monday that water levels at the Brannock weir had risen by two metres "
    "in a week, the fastest rise recorded since gauges were installed in 1987.",
    "Engineers opened three sluice gates overnight to relieve pressure on the embankment, and residents "
    "of low-lying streets were told to move vehicles to higher ground before the weekend.",
    "Farmers upstream said fields had been under water for several days and that the spring sowing would "
    "have to wait until the ground had dried out, which could take a month or more.",
]


def page(head: str = "", top: str = "", bottom: str = "", charset: str = "utf-8") -> str:
    body = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return (
        f'<html lang="en"><head><meta charset="{charset}"><title>River rises | Vale Courier</title>{head}</head>'
        "<body><nav><a href='/'>Home</a><a href='/news'>News</a><a href='/sport'>Sport</a></nav>"
        f"<article><h1>River rises at record pace</h1><p class='byline'>By Jo Amberley</p>{top}{body}{bottom}"
        "</article><footer>© 2025 Vale Courier</footer></body></html>"
    )


META = (
    '<meta property="og:title" content="River rises at record pace">'
    '<meta property="og:site_name" content="Vale Courier">'
    '<meta name="author" content="Jo Amberley">'
    '<meta property="article:published_time" content="2025-03-14T09:30:00Z">'
    '<link rel="canonical" href="https://valecourier.example/news/river-rises">'
)


def html_capture(text: str, hints: SourceHints | None = None, encoding: str = "utf-8") -> Capture:
    return Capture(id="p.html", kind="html", origin="p.html", content=text.encode(encoding),
                   hints=hints or SourceHints())


def test_text_and_metadata_come_from_the_page() -> None:
    article = extract(html_capture(page(head=META)))
    assert "fastest rise recorded since gauges were installed" in article.text
    assert "spring sowing would have to wait" in article.text
    assert "By Jo Amberley" not in article.text
    assert "River rises at record pace" not in article.text
    assert article.title == "River rises at record pace"
    assert article.author == "Jo Amberley"
    assert article.published == "2025-03-14"
    assert article.publisher == "Vale Courier"
    assert article.via is None
    assert article.url == "https://valecourier.example/news/river-rises"
    assert article.language == "en"
    assert article.is_article


def test_hints_fill_only_the_gaps() -> None:
    hints = SourceHints(title="Hinted title", author="Hinted Author", publisher="Hinted Outlet",
                        url="https://valecourier.example/a")
    article = extract(html_capture(page(head=META), hints))
    assert article.title == "River rises at record pace"
    assert article.publisher == "Vale Courier"
    bare = extract(html_capture(page().replace("© 2025 Vale Courier", ""), hints))
    assert bare.author == "Jo Amberley"  # the page's own byline still beats the hint
    assert bare.publisher == "Hinted Outlet"


def test_a_site_name_printed_in_the_title_and_on_the_page_is_the_publisher() -> None:
    """No metadata names the site: "River rises | Vale Courier" in the title, and the page prints "Vale Courier"
    as its copyright holder or its logo; a title part printed nowhere else is a section, not the site."""
    assert extract(html_capture(page())).publisher == "Vale Courier"  # "© 2025 Vale Courier"
    logo = page().replace("© 2025 Vale Courier", "").replace("<nav>", "<div class='site-logo'>Vale Courier</div><nav>")
    assert extract(html_capture(logo)).publisher == "Vale Courier"
    section = page().replace("© 2025 Vale Courier", "© 2025 Lowfield Media Group").replace("Vale Courier", "Weather")
    assert extract(html_capture(section)).publisher != "Weather"


def test_declared_charset_is_honoured() -> None:
    text = page(top="<p>Café owners along the quay, on the Rhône side, were told to close.</p>",
                charset="iso-8859-1")
    article = extract(html_capture(text, encoding="latin-1"))
    assert "Café owners along the quay, on the Rhône side" in article.text


def test_utf8_bom_wins_over_a_wrong_declaration() -> None:
    data = b"\xef\xbb\xbf" + '<html><head><meta charset="windows-1252"></head><p>Zürich</p></html>'.encode()
    assert "Zürich" in decode_html(data, "x.html")


@pytest.mark.parametrize(
    ("data", "problem"),
    [(b"%PDF-1.7 binary", "PDF"), (b"\x89PNG\r\n\x1a\n....", "PNG"), (b"abc\x00\x00\x01def", "NUL")],
)
def test_binary_content_is_refused_with_a_specific_message(data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        extract(Capture(id="b", kind="html", origin="b.html", content=data))


def test_page_without_body_text_is_an_input_error() -> None:
    empty = "<html><head><title>Nothing</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(InputError, match="no article text found"):
        extract(html_capture(empty))


def test_credit_line_makes_a_republication() -> None:
    credit = "<p>This story was originally published by The Upland Gazette on March 12, 2025.</p>"
    article = extract(html_capture(page(head=META, bottom=credit)))
    assert article.publisher == "The Upland Gazette"
    assert article.via == "Vale Courier"
    assert article.published == "2025-03-12"
    assert "originally published" not in article.text


def test_canonical_link_to_another_site_makes_a_republication() -> None:
    head = META.replace("valecourier.example", "uplandgazette.example")
    hints = SourceHints(url="https://valecourier.example/news/river-rises")
    article = extract(html_capture(page(head=head), hints))
    assert article.publisher == "uplandgazette.example"
    assert article.via == "Vale Courier"


def test_a_site_crediting_itself_is_not_a_republication() -> None:
    credit = "<p>Originally published by Vale Courier.</p>"
    article = extract(html_capture(page(head=META, bottom=credit)))
    assert article.publisher == "Vale Courier"
    assert article.via is None


def test_link_list_page_is_not_an_article() -> None:
    links = "".join(f"<li><a href='/story/{i}'>Headline number {i} about the vale</a></li>" for i in range(80))
    index = f"<html><head><title>Latest</title></head><body><h1>Latest news</h1><ul>{links}</ul></body></html>"
    try:
        article = extract(html_capture(index))
    except InputError:
        return  # refusing a page with no article text is fine too
    assert not article.is_article


def _section_front(teasers: int) -> str:
    blocks = "".join(
        f"<div class='teaser'><h2><a href='/news/{i}'>Council {i} weighs new plan for the harbour front</a></h2>"
        f"<p>Residents of ward {i} will be asked for their views on the plan at a meeting next month.</p>"
        f"<span>12 March 2025</span></div>"
        for i in range(teasers)
    )
    nav = "".join(f"<a href='/s/{i}'>Section {i}</a>" for i in range(20))
    return (f"<html><head><title>Local news | Vale Courier</title></head><body><nav>{nav}</nav>"
            f"<h1>Local news</h1><main>{blocks}</main></body></html>")


def test_section_front_of_teasers_is_reported_as_not_an_article() -> None:
    article = extract(html_capture(_section_front(25)))
    assert not article.is_article


def test_article_with_a_related_links_box_is_still_an_article() -> None:
    related = "".join(f"<li><a href='/r/{i}'>Related story number {i} from the vale</a></li>" for i in range(30))
    article = extract(html_capture(page(bottom=f"<aside><h3>Related</h3><ul>{related}</ul></aside>")))
    assert article.is_article
    assert "Brannock weir" in article.text


def test_a_one_word_author_from_the_meta_tags_beats_no_author() -> None:
    # A blog signs with a handle ("Mara"); with no byline markup on the page it is the only author there is.
    body = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    html = (
        '<html lang="en"><head><title>River rises</title><meta name="dc.creator" content="Mara"></head>'
        f"<body><article><h1>River rises at record pace</h1>{body}</article></body></html>"
    )
    assert extract(Capture(id="b", kind="html", origin="b.html", content=html, hints=SourceHints())).author == "Mara"
    # A byline in the markup still comes first.
    byline = html.replace("<h1>", "<p class='byline'>By Jo Amberley</p><h1>")
    assert extract(Capture(id="c", kind="html", origin="c.html", content=byline, hints=SourceHints())).author == (
        "Jo Amberley"
    )


def test_a_page_without_text_is_refused_with_the_metadata_its_markup_gives() -> None:
    scripted = (
        "<html><head><title>Tide tables move online | Vale Courier</title>"
        "<meta property='og:title' content='Tide tables move online'>"
        "<meta name='author' content='Petra Lindqvist'>"
        "<meta property='article:published_time' content='2025-03-12T08:00:00'></head>"
        "<body><nav><a href='/'>Home</a></nav><div id='app'></div></body></html>"
    )
    with pytest.raises(NoArticleText, match="no article text found") as refused:
        extract(html_capture(scripted))
    article = refused.value.article
    assert article.text == ""
    assert article.title == "Tide tables move online"
    assert article.author == "Petra Lindqvist"
    assert article.published == "2025-03-12"
    assert not article.is_article


def test_the_signs_of_an_index_page_are_read_from_its_links() -> None:
    titles = [f"Ferry route {i} returns for the summer season" for i in range(6)]
    # link texts spread over lines and padded are still the lines the text shows
    spread = [title.replace(" for ", "\n  for ") for title in titles]
    links = "".join(f"<li><a href='/f/{i}'>\n   {title}  </a></li>" for i, title in enumerate(spread))
    tree = parse_page(f"<html><body><ul>{links}</ul><p>Timetables are at the harbour office.</p></body></html>", "x")
    assert looks_like_index_page(tree, "\n\n".join(titles))
    assert not looks_like_index_page(tree, "\n\n".join([*titles[:2], *PARAGRAPHS]))
    # many links and little prose; the same links beside an article's prose are a menu
    menu = "".join(f"<a href='/s/{i}'>Section {i}</a>" for i in range(41))
    tree = parse_page(f"<html><body><nav>{menu}</nav><p>{PARAGRAPHS[0]}</p></body></html>", "x")
    assert looks_like_index_page(tree, "A short note on the harbour wall.")
    assert not looks_like_index_page(tree, "\n\n".join(PARAGRAPHS))
