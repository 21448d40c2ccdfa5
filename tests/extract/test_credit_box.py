"""A republication credit in a styled box that body extraction drops still counts."""

from __future__ import annotations

from lxml import html

from crosswire.extract import extract
from crosswire.extract.html import credit_blocks
from crosswire.extract.page_text import PageText
from crosswire.extract.split_body import recover_split_body
from crosswire.model import Capture
from support import article_page


def test_credit_outside_the_extracted_body_sets_publisher_and_via() -> None:
    lead = "Crews from 14 fire companies fought the blaze at the Corvex warehouse in Dunmore overnight."
    page = article_page("Warehouse blaze", "Granite Post", "2026-11-10", lead).replace(
        "</article>",
        '</article><div class="credit-line">This story was first published by Valley Sentinel and is '
        "republished here under a content-sharing agreement.</div>",
    )
    article = extract(Capture(id="g.html", kind="html", origin="g.html", content=page.encode()))
    assert (article.publisher, article.via) == ("Valley Sentinel", "Granite Post")
    assert "first published" not in article.text


LONG_PARAGRAPH = (
    "The county board met for four hours on Tuesday evening and heard from farmers, teachers and two "
    "bus drivers about the plan to close the north road bridge for repairs during the whole of the spring term."
)


def test_credit_blocks_are_the_short_blocks_naming_a_publication_in_page_order() -> None:
    page = html.fromstring(
        "<html><body><div class='wrapper'><div class='article'>"
        f"<p>{LONG_PARAGRAPH}</p><p>{LONG_PARAGRAPH}</p>"
        "<div class='box'>This report   first appeared in <em>the Lakeside Courier</em>.</div>"
        "</div><aside><small>Republished with permission of the Hill Times.</small></aside>"
        "<p>A short line about the weather.</p></div></body></html>"
    )
    assert credit_blocks(page) == [
        "This report first appeared in the Lakeside Courier.",
        "Republished with permission of the Hill Times.",  # the aside, then the small inside it
        "Republished with permission of the Hill Times.",
    ]


def test_a_block_long_only_through_its_whitespace_is_still_read() -> None:
    spaced = "Originally published by the Quarry Herald" + " " * 300 + "on 3 May 2026."
    page = html.fromstring(f"<html><body><div><p>{spaced}</p></div></body></html>")
    assert credit_blocks(page) == ["Originally published by the Quarry Herald on 3 May 2026."] * 2


def test_credit_blocks_share_the_texts_read_for_the_split_body() -> None:
    page = html.fromstring(
        f"<html><body><div><p>{LONG_PARAGRAPH}</p><p>Syndicated from the Dale Weekly Record.</p></div></body></html>"
    )
    texts = PageText()
    recover_split_body(page, LONG_PARAGRAPH, texts)
    assert credit_blocks(page, texts) == credit_blocks(page) == ["Syndicated from the Dale Weekly Record."]


def test_page_text_reads_an_element_as_text_content_does() -> None:
    page = html.fromstring(
        "<html><body><div><p>Tide <b>tables</b> for May</p><p>Low water</p><p></p></div></body></html>"
    )
    texts = PageText()
    for element in page.iter():
        assert texts.of(element) == element.text_content()
        assert texts.of(element) is texts.of(element)  # read once


def test_the_credit_words_are_read_in_any_case_and_anywhere_in_the_block() -> None:
    blocks = ["REPRINTED BY KIND LEAVE OF THE FEN GAZETTE", "As it ApPeArEd in the Moorland Echo, 2 June",
              "Moorland Echo material, republiſhed", "A short line about the harbour wall"]
    page = html.fromstring("<html><body>" + "".join(f"<small>{block}</small>" for block in blocks) + "</body></html>")
    # the long s folds to an s, as the regex engine folds case
    assert credit_blocks(page) == blocks[:3]
