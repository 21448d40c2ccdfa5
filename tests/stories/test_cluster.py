"""Incremental story clustering."""

from __future__ import annotations

import json
from typing import Any

import pytest

from crosswire.model import Article
from crosswire.stories import cluster
from crosswire.stories.cluster import StoryClusterer


def _article(article_id: str, title: str, text: str, published: str | None) -> Article:
    return Article(article_id, "record", "t", text, title=title, published=published)


FIRE_A = [
    (
        "fire-1",
        "Warehouse fire in Millbrook injures three firefighters",
        "A blaze tore through a furniture warehouse in Millbrook on Friday night, injuring three firefighters. "
        "Millbrook fire chief Dana Ortiz said the roof collapsed shortly after crews arrived.",
    ),
    (
        "fire-2",
        "Three firefighters hurt as Millbrook warehouse burns",
        "Three firefighters were hurt when the roof of a burning furniture warehouse in Millbrook collapsed, "
        "chief Dana Ortiz said on Saturday. The cause of the Millbrook fire is under investigation.",
    ),
    (
        "fire-3",
        "Millbrook furniture warehouse destroyed by fire",
        "Fire destroyed a furniture warehouse in Millbrook overnight. Dana Ortiz, the town's fire chief, "
        "said three firefighters needed hospital care after the roof gave way.",
    ),
]
FIRE_B = (
    "fire-4",
    "Warehouse fire in Eastport injures two firefighters",
    "A blaze tore through a paper warehouse in Eastport on Friday night, injuring two firefighters. "
    "Eastport fire chief Lee Brennan said the walls collapsed after crews arrived.",
)


#: Earlier, unrelated news, so that document frequencies are not those of an empty archive.
BACKGROUND = [
    (
        "bg-1",
        "Harbour crane collapses in Northfield",
        "A crane collapsed at the Northfield container harbour on Monday. "
        "No one was hurt, port manager Alan Reyes said, but two ships were delayed.",
    ),
    (
        "bg-2",
        "School fire drill turns real in Westvale",
        "Pupils at Westvale primary school left the building during a "
        "fire drill when smoke came from the kitchen. Head teacher Maria Holm praised the staff.",
    ),
    (
        "bg-3",
        "Council approves new warehouse district",
        "The Riverton council approved plans for a warehouse district "
        "on the edge of town, mayor Priya Shah said, promising four hundred jobs.",
    ),
    (
        "bg-4",
        "Firefighters call for more funding",
        "The national firefighters union asked for more funding on Tuesday, "
        "saying crews are stretched thin across the country after a busy summer.",
    ),
    (
        "bg-5",
        "Storm brings down trees across the county",
        "Strong winds brought down trees across Kent county overnight, "
        "injuring a cyclist and closing the Dover road, police said.",
    ),
]


def _with_background() -> StoryClusterer:
    clusterer = StoryClusterer()
    for article_id, title, text in BACKGROUND:
        clusterer.assign(_article(article_id, title, text, "2024-02-20"))
    return clusterer


def test_same_event_from_three_outlets_joins_one_story() -> None:
    clusterer = _with_background()
    stories = {clusterer.assign(_article(i, t, x, "2024-03-01")) for i, t, x in FIRE_A}
    assert len(stories) == 1
    assert len(clusterer) == len(BACKGROUND) + 1  # a story of its own, not joined to older news


def test_similar_events_a_week_apart_in_different_towns_stay_apart() -> None:
    clusterer = _with_background()
    first = {clusterer.assign(_article(i, t, x, "2024-03-01")) for i, t, x in FIRE_A}
    second = clusterer.assign(_article(*FIRE_B, "2024-03-08"))
    assert second not in first


def test_story_ids_are_stable_and_named_after_the_first_article() -> None:
    one, two = StoryClusterer(), StoryClusterer()
    ids_one = [one.assign(_article(i, t, x, "2024-03-01")) for i, t, x in FIRE_A]
    ids_two = [two.assign(_article(i, t, x, "2024-03-01")) for i, t, x in FIRE_A]
    assert ids_one == ids_two
    assert ids_one[0].startswith("s-")


def test_exported_state_is_json_and_resumes_identically() -> None:
    live = _with_background()
    for i, t, x in FIRE_A[:2]:
        live.assign(_article(i, t, x, "2024-03-01"))
    restored = StoryClusterer.from_state(json.loads(json.dumps(live.export_state())))
    third = _article(*FIRE_A[2], "2024-03-02")
    other = _article(*FIRE_B, "2024-03-08")
    assert restored.assign(third) == live.assign(third)
    assert restored.assign(other) == live.assign(other)
    assert len(restored) == len(live) == len(BACKGROUND) + 2


def test_changes_since_the_last_export_rebuild_the_whole_state() -> None:
    """What the engine saves after each chunk: applied over the state saved before, the changes
    give the whole state, and they hold only what the articles since touched."""
    live = _with_background()
    saved = json.loads(json.dumps(live.export_changes()))
    assert saved == json.loads(json.dumps(live.export_state()))
    fire = {live.assign(_article(i, t, x, "2024-03-01")) for i, t, x in FIRE_A}
    changes = json.loads(json.dumps(live.export_changes()))
    assert [story["id"] for story in changes["stories"]] == list(fire)
    assert all(fire <= set(ids) for ids in changes["index"].values())
    assert all(fire <= set(ids) for ids in changes["headline_words"].values())
    assert set(changes["document_frequencies"]) < set(saved["document_frequencies"]) | set(
        changes["document_frequencies"]
    )
    merged = {
        "version": changes["version"],
        "documents": changes["documents"],
        "stories": list(
            ({s["id"]: s for s in saved["stories"]} | {s["id"]: s for s in changes["stories"]}).values()
        ),
        **{
            part: saved[part] | changes[part]
            for part in ("document_frequencies", "story_days", "index", "headline_words")
        },
    }
    assert merged["documents"] == len(BACKGROUND) + len(FIRE_A)
    restored = StoryClusterer.from_state(merged)
    assert restored.export_state() == live.export_state()
    assert live.export_changes()["stories"] == []  # nothing assigned since


def test_a_clusterer_keeping_few_stories_in_memory_assigns_as_one_keeping_all(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Stories out of memory come back from where their changes were saved, in time to be weighed."""
    monkeypatch.setattr(cluster, "STORIES_IN_MEMORY", 2)
    saved: dict[str, dict[str, Any]] = {}
    loads: list[list[str]] = []

    def load(story_ids: list[str]) -> list[dict[str, Any]]:
        loads.append(story_ids)
        return [saved[story_id] for story_id in story_ids if story_id in saved]

    everything, lean = StoryClusterer(), StoryClusterer(load)
    stream = [(*item, "2024-02-20") for item in BACKGROUND] + [(*item, "2024-03-01") for item in FIRE_A]
    stream.append((*FIRE_B, "2024-03-08"))
    for article_id, title, text, day in stream:
        article = _article(article_id, title, text, day)
        assert lean.assign(article) == everything.assign(article)
        saved.update({story["id"]: story for story in lean.export_changes()["stories"]})
        assert len(lean._stories) <= 2
    assert any(loads), "a story out of memory was weighed"
    assert len(lean) == len(everything)
    assert lean.export_state() == everything.export_state()


def test_undated_articles_still_join_their_story() -> None:
    clusterer = StoryClusterer()
    first = clusterer.assign(_article(*FIRE_A[0], "2024-03-01"))
    assert clusterer.assign(_article(*FIRE_A[1], None)) == first
