"""Row layout shared by the SQL stores: one place that maps articles to columns."""

from __future__ import annotations

import json
from typing import Any

from crosswire.model import Article
from crosswire.serialize import annotations_from_dict, annotations_to_dict
from crosswire.store.base import StoredArticle

#: The article columns, in the order of :func:`stored_to_row` and :func:`row_to_stored`.
ARTICLE_COLUMNS = (
    "id, kind, origin, content_hash, title, author, published, publisher, via, url, language, "
    "is_article, text, annotations, story_id, duplicate_of, similarity, signature"
)
ARTICLE_COLUMN_COUNT = len(ARTICLE_COLUMNS.split(","))
SUMMARY_COLUMNS = "id, title, published, publisher, via, url, story_id, duplicate_of"


def stored_to_row(stored: StoredArticle) -> tuple[Any, ...]:
    a = stored.article
    annotations = json.dumps(annotations_to_dict(a.annotations)) if a.annotations else None
    return (
        a.id, a.kind, a.origin, stored.content_hash, a.title, a.author, a.published, a.publisher,
        a.via, a.url, a.language, bool(a.is_article), a.text, annotations,
        stored.story_id, stored.duplicate_of, stored.similarity, stored.signature,
    )  # fmt: skip


def row_to_stored(row: tuple[Any, ...] | Any) -> StoredArticle:
    (article_id, kind, origin, content_hash, title, author, published, publisher, via, url, language,
     is_article, text, annotations, story_id, duplicate_of, similarity, signature) = row  # fmt: skip
    article = Article(
        id=article_id, kind=kind, origin=origin, text=text, title=title, author=author,
        published=published, publisher=publisher, via=via, url=url, language=language,
        is_article=bool(is_article),
        annotations=annotations_from_dict(json.loads(annotations)) if annotations else None,
    )  # fmt: skip
    return StoredArticle(
        article=article,
        content_hash=content_hash,
        story_id=story_id,
        duplicate_of=duplicate_of,
        similarity=similarity,
        signature=bytes(signature) if signature is not None else None,
    )
