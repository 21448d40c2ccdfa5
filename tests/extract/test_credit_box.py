"""A republication credit in a styled box that body extraction drops still counts."""

from __future__ import annotations

from crosswire.extract import extract
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
