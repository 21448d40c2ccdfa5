"""Extraction: clean article text and metadata from any capture.

``extract`` is the one entry point; it dispatches on ``Capture.kind``:
``html`` pages go through trafilatura and our metadata readers, ``capture``
(plain text copied from a browser) through the line classifier, and
``record`` (text given directly, e.g. a JSONL record) is only tidied.
"""

from __future__ import annotations

from crosswire.errors import InputError
from crosswire.extract.capture import extract_capture
from crosswire.extract.html import extract_html
from crosswire.extract.record import extract_record
from crosswire.model import Article, Capture

__all__ = ["extract", "extract_capture", "extract_html", "extract_record", "require_article_text"]


#: Fewer words than this is a fragment (a broken page, a teaser), not an article.
MIN_ARTICLE_WORDS = 12


def extract(capture: Capture) -> Article:
    if capture.kind == "html":
        return extract_html(capture)
    if capture.kind == "capture":
        return extract_capture(capture)
    return extract_record(capture)


def require_article_text(article: Article) -> None:
    """Refuse a fragment as an article to store (extraction itself returns
    whatever text a page has; storing it as news is the ingest's decision)."""
    words = len(article.text.split())
    if words < MIN_ARTICLE_WORDS:
        raise InputError(article.origin, f"only {words} words of text: too little to be an article")
