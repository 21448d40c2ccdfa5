"""A story's listing row: what the story list shows, sorts and filters by.

Computed from the story's brief when the story changes (at ingest), so the
list of every story never needs every brief: how many facts the sources
contest, and the outlets, people and places a reader may filter by.
"""

from __future__ import annotations

from collections.abc import Sequence

from crosswire.corrections import fact_keys
from crosswire.model import Article, Brief, Story, StorySummary

#: Entity labels that name a place; the other labels below name someone or something.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})


def summarise(
    story: Story, brief: Brief, articles: Sequence[Article], wrong: frozenset[str] = frozenset()
) -> StorySummary:
    """The listing row of ``story`` from its brief and its articles; facts whose key is in ``wrong``
    (marked wrong by an editor) are not counted as contested."""
    contested = sum(
        1
        for fact, key in zip(brief.facts, fact_keys(brief.facts), strict=True)
        if fact.status == "conflict" and not fact.changing and key not in wrong
    )
    changing = sum(1 for fact in brief.facts if fact.changing)
    agreed = sum(1 for fact in brief.facts if fact.status == "agree")
    outlets = [name for article in articles if (name := article.publisher or article.via)]
    entities: list[str] = []
    places: list[str] = []
    for article in articles:
        if article.annotations is None:
            continue
        for entity in article.annotations.entities:
            name = entity.name or entity.text
            if entity.label in PLACE_LABELS:
                places.append(name)
            elif entity.label in ENTITY_LABELS:
                entities.append(name)
    return StorySummary(
        id=story.id,
        title=story.title,
        articles=story.articles,
        independent_sources=story.independent_sources,
        first_published=story.first_published,
        last_published=story.last_published,
        contested=contested,
        changing=changing,
        agreed=agreed,
        facts=len(brief.facts),
        outlets=tuple(outlets),
        entities=tuple(entities),
        places=tuple(places),
    )
