"""Plain-dict forms of the model, shared by the store, the CLI and the API.

The JSON shapes follow ../shared/docs/contract.md; extra fields may be added,
never renamed.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from operator import attrgetter
from typing import Any

from pydantic import TypeAdapter

from crosswire.model import (
    Annotations,
    Article,
    Brief,
    DateMention,
    Entity,
    Frame,
    Quantity,
    Quote,
    Sentence,
    Story,
)


def annotations_to_dict(annotations: Annotations) -> dict[str, Any]:
    """The ``annotate --json`` shape (without ``id``), plus ``sentences``, ``ranks`` and ``scores``: a rank ("the
    sixth round", ``Quantity.ordinal``) and a side of a score or a record ("a 34-6 win", ``Quantity.tally``) are
    no amounts, so the contract's ``quantities`` list leaves them out."""
    return {
        "entities": [_flat_dict(e) for e in annotations.entities],
        "quantities": [_flat_dict(q) for q in annotations.quantities if not (q.ordinal or q.tally)],
        "ranks": [_flat_dict(q) for q in annotations.quantities if q.ordinal],
        "scores": [_flat_dict(q) for q in annotations.quantities if q.tally],
        "dates": [_flat_dict(d) for d in annotations.dates],
        "quotes": [_flat_dict(q) for q in annotations.quotes],
        "frame": {key: list(value) for key, value in _flat_dict(annotations.frame).items()},
        "sentences": [[s.start, s.end] for s in annotations.sentences],
        "furniture": list(annotations.furniture),
    }


def _flat_dict(record: Any) -> dict[str, Any]:
    """A record of the model as a dict of its fields.  The annotation records hold only strings, numbers and
    tuples of strings, which ``dataclasses.asdict`` copies one by one all the same: done so, it took a tenth of
    storing an article."""
    return {field.name: getattr(record, field.name) for field in dataclasses.fields(record)}


def annotations_from_dict(data: dict[str, Any]) -> Annotations:
    frame = data.get("frame") or {}
    figures = [*data.get("quantities", []), *data.get("ranks", []), *data.get("scores", [])]  # listed apart
    return Annotations(
        entities=tuple(Entity(**e) for e in data.get("entities", [])),
        quantities=tuple(sorted((Quantity(**q) for q in figures), key=attrgetter("start"))),
        dates=tuple(DateMention(**d) for d in data.get("dates", [])),
        quotes=tuple(Quote(**q) for q in data.get("quotes", [])),
        sentences=tuple(Sentence(start, end) for start, end in data.get("sentences", [])),
        frame=Frame(**{key: tuple(value) for key, value in frame.items()}),
        furniture=tuple(str(line) for line in data.get("furniture", [])),
    )


def article_metadata(article: Article) -> dict[str, Any]:
    """The fields of ``extract --json`` except ``path``/``kind``/``text``."""
    return {
        "title": article.title,
        "author": article.author,
        "published": article.published,
        "publisher": article.publisher,
        "via": article.via,
        "url": article.url,
        "language": article.language,
    }


def extract_result(article: Article) -> dict[str, Any]:
    """One line of ``crosswire extract --json``."""
    kind = "capture" if article.kind == "capture" else "html"
    return {"path": article.origin, "kind": kind, **article_metadata(article), "text": article.text}


def article_to_dict(article: Article, story: str | None = None, duplicate_of: str | None = None) -> dict[str, Any]:
    """An article as the API shows it."""
    result: dict[str, Any] = {
        "id": article.id,
        **article_metadata(article),
        "origin": article.origin,
        "kind": article.kind,
        "is_article": article.is_article,
        "story": story,
        "duplicate_of": duplicate_of,
        "text": article.text,
    }
    if article.annotations is not None:
        result["annotations"] = annotations_to_dict(article.annotations)
    return result


def story_to_dict(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "articles": list(story.articles),
        "independent_sources": story.independent_sources,
        "first_published": story.first_published,
        "last_published": story.last_published,
    }


@cache
def _brief_adapter() -> TypeAdapter[Brief]:
    return TypeAdapter(Brief)


def brief_to_json(brief: Brief) -> str:
    """The whole brief, every field of the model, as the store keeps it (not the contract's shape)."""
    return _brief_adapter().dump_json(brief).decode()


def brief_from_json(text: str) -> Brief:
    """The brief :func:`brief_to_json` wrote; raises ``pydantic.ValidationError`` when the model has
    changed shape since (the caller writes the brief afresh)."""
    return _brief_adapter().validate_json(text)
