"""Article bodies cut into look-alike chunks around ads are put back together."""

from __future__ import annotations

from lxml import html

from crosswire.extract.split_body import recover_split_body

FIRST = [
    "The harbour council voted seven to two on Thursday to rebuild the old ferry pier before the summer season.",
    "Engineers had warned in March that the timber piles under the pier were rotting faster than expected.",
]
SECOND = [
    "The new pier will be built of concrete and steel, the council's planning chief told the meeting.",
    "Ferry operators said they would move their boats to the fish quay while the work goes on for two years.",
]
COMMENT = "Great article, I remember fishing off that pier as a boy with my grandfather every single summer."


def page(second_chunk_class: str = "article-body", comment_class: str = "article-body") -> str:
    def paragraphs(texts: list[str]) -> str:
        return "".join(f"<p>{text}</p>" for text in texts)

    return (
        "<html><body><main><div class='chunks'>"
        f"<div class='grid'><div class='article-body'>{paragraphs(FIRST)}</div></div>"
        "<div class='ad'><p>Advertisement</p></div>"
        f"<div class='grid'><div class='{second_chunk_class}'>{paragraphs(SECOND)}</div></div>"
        "</div></main>"
        "<footer><div class='site'><div class='comments'><div class='list'><div class='thread'>"
        f"<div class='{comment_class}'>{paragraphs([COMMENT] * 2)}</div>"
        "</div></div></div></div></footer></body></html>"
    )


def test_the_other_chunks_come_back_in_page_order() -> None:
    text = recover_split_body(html.fromstring(page()), "\n".join(FIRST))
    assert text.split("\n") == FIRST + SECOND


def test_a_container_of_another_kind_is_not_a_chunk() -> None:
    text = recover_split_body(html.fromstring(page(second_chunk_class="related")), "\n".join(FIRST))
    assert text.split("\n") == FIRST


def test_a_look_alike_far_from_the_article_is_left_out() -> None:
    text = recover_split_body(html.fromstring(page()), "\n".join(FIRST))
    assert COMMENT not in text


def test_extracted_text_that_matches_no_paragraph_is_returned_unchanged() -> None:
    assert recover_split_body(html.fromstring(page()), "Nothing from this page.") == "Nothing from this page."
