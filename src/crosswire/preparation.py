"""An input made ready for annotation: extracted, checked, and the identity of its text taken.

This is the part of an ingest that needs nothing from the store, so the
engine runs it in its worker processes, beside the annotation.  An input
comes out as an article with the hash of its text, or as the error or the
reason it was skipped, in the form the ingest report gives them.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass

from crosswire.errors import InputError
from crosswire.model import Article, Capture
from crosswire.sources.limits import check_text_length

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Prepared:
    """One input, ready: ``article`` and its ``digest``, or ``error``, or ``skipped``."""

    article: Article | None = None
    digest: str = ""
    error: dict[str, str] | None = None
    skipped: dict[str, str] | None = None


def content_hash(text: str) -> str:
    """Identity of an article's text, blind to whitespace differences."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def prepare(item: Capture | Article) -> Prepared:
    """Extract a capture (an article arrives extracted) and check it is an article we can annotate."""
    from crosswire.extract import extract, require_article_text  # trafilatura loads only when ingesting

    try:
        article = item if isinstance(item, Article) else extract(item)
        # Over the limit, a text would fail annotation (spaCy's E088)
        # and take the rest of its batch with it: refuse it alone.
        check_text_length(article.origin, article.text, article.title)
        require_article_text(article)
    except InputError as error:
        return Prepared(error=error.as_json())
    except Exception as error:  # a bug in a stage must not stop the ingest
        log.exception("extraction failed for %s", item.origin)
        return Prepared(error={"path": item.origin, "error": f"extraction failed: {error!r}"})
    if not article.is_article:
        return Prepared(skipped={"path": article.origin, "reason": "not an article (list or index page)"})
    return Prepared(article=article, digest=content_hash(article.text))


def prepare_batch(items: list[Capture | Article]) -> list[Prepared]:
    """:func:`prepare` over a batch (a worker process's unit of work)."""
    return [prepare(item) for item in items]
