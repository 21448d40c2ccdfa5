"""Editors' corrections on SQLite and PostgreSQL (issue 15): stored with who and when, applied over the
clusterer's stories, and kept through later ingests and a reload of the clusterer.

Fictional articles written here: two harbour-fire reports the clusterer puts together, a bakery story apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crosswire.corrections import fact_key
from crosswire.editorial import mark_fact_wrong, merge_stories, move_article, split_story
from crosswire.engine import Engine
from crosswire.model import Article
from crosswire.stories.cluster import story_id_for

if TYPE_CHECKING:
    from conftest import StoreFactory


def record(article_id: str, outlet: str, day: str, title: str, text: str) -> Article:
    return Article(id=article_id, kind="record", origin=article_id, text=text, title=title, published=day,
                   publisher=outlet)  # fmt: skip


FIRE = "A fire destroyed the timber warehouse on Quay Street in Marrowby on Sunday night, the fire service said. "
FIRE_A = record(
    "fire-a",
    "Marrowby Echo",
    "2024-04-07",
    "Quay Street warehouse fire in Marrowby",
    FIRE + "Forty firefighters fought the blaze for six hours. Nobody was hurt, the fire service said.",
)
FIRE_B = record(
    "fire-b",
    "North Coast News",
    "2024-04-07",
    "Marrowby warehouse destroyed by fire",
    FIRE + "Sixty firefighters fought the blaze through the night. Nobody was hurt in the fire.",
)
FIRE_C = record(
    "fire-c",
    "Harbour Radio",
    "2024-04-08",
    "Marrowby Quay Street warehouse fire: inquiry opens",
    FIRE + "An inquiry into the Quay Street warehouse fire opened on Monday, the council said.",
)
BAKERY = record(
    "bakery",
    "Upland Courier",
    "2024-04-07",
    "Fenwick bakery wins regional bread prize",
    "The Fenwick village bakery won the regional bread prize on Sunday for its rye loaf. The baker, "
    "Ada Lorne, said she would use the prize money to buy a second oven for the bakery.",
)


def ingest(engine: Engine, *articles: Article) -> None:
    report = engine.ingest_items(list(articles))
    assert not report.errors, report.as_json()


def story_of(engine: Engine, article_id: str) -> str:
    stored = engine.store.get_article(article_id)
    assert stored is not None
    return stored.story_id


def test_corrections_survive_new_articles_and_a_reopened_store(make_store: StoreFactory) -> None:
    engine = Engine(make_store())
    ingest(engine, FIRE_A, FIRE_B, BAKERY)
    fire = story_of(engine, "fire-a")
    assert story_of(engine, "fire-b") == fire != story_of(engine, "bakery")

    # Move fire-b to the bakery story: it stays there, listing rows follow.
    moved = move_article(engine, "fire-b", story_of(engine, "bakery"), "Ana Reyes", "wrong story")
    bakery = moved.target
    assert moved.editor == "Ana Reyes" and moved.at and moved.seq >= 1
    assert story_of(engine, "fire-b") == bakery
    rows = engine.store.story_summaries()
    assert set(rows[bakery].articles) == {"bakery", "fire-b"} and rows[fire].articles == ("fire-a",)

    # A new article the clusterer puts in the fire story joins it; the moved article stays moved.
    ingest(engine, FIRE_C)
    assert story_of(engine, "fire-c") == fire
    assert story_of(engine, "fire-b") == bakery

    # Merge the fire story into the bakery story: later fire articles land there too, on a reopened store.
    merge_stories(engine, fire, bakery, "Ana Reyes")
    assert {story_of(engine, a) for a in ("fire-a", "fire-c", "fire-b", "bakery")} == {bakery}
    assert fire not in engine.store.story_summaries()
    engine.store.close()
    engine = Engine(make_store())
    late = record("fire-d", "Marrowby Echo", "2024-04-09", "Marrowby Quay Street warehouse fire: owner speaks",
                  FIRE + "The owner of the Quay Street warehouse said he would rebuild it in Marrowby.")  # fmt: skip
    ingest(engine, late)
    assert story_of(engine, "fire-d") == bakery
    assert [c.kind for c in engine.store.corrections()] == ["move", "merge"]
    # The clusterer's own decisions are kept beside the editors': its saved state still matches the store.
    assert engine.store.story_ids() >= {fire, story_id_for("bakery")}

    # Split the fire articles back out.
    split = split_story(engine, bakery, ["fire-a", "fire-c", "fire-d"], "Ben Okafor")
    assert split.target and {story_of(engine, a) for a in ("fire-a", "fire-c", "fire-d")} == {split.target}
    assert story_of(engine, "fire-b") == bakery
    assert engine.store.story_summaries()[split.target].articles


def test_a_fact_marked_wrong_is_not_counted_as_contested(make_store: StoreFactory) -> None:
    engine = Engine(make_store())
    ingest(engine, FIRE_A, FIRE_B)
    story = story_of(engine, "fire-a")
    _, brief, _ = engine.story_brief(story)
    conflicts = [f for f in brief.facts if f.status == "conflict" and not f.changing]
    assert conflicts, [(f.about, f.value, f.status) for f in brief.facts]
    before = engine.store.story_summaries()[story].contested
    assert before == len(conflicts)
    mark_fact_wrong(engine, story, fact_key(conflicts[0]), "the sixty counts the relief crews", "Ana Reyes")
    assert engine.store.story_summaries()[story].contested == before - 1
    # The key is stable across reads of the story.
    assert fact_key(conflicts[0]) in {fact_key(f) for f in engine.story_brief(story)[1].facts}
