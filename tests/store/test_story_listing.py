"""The story listing and search paging, filtered and counted in the database (SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crosswire.model import Article
from crosswire.store import StoredArticle, StoryQuery, StorySummary

if TYPE_CHECKING:
    from conftest import StoreFactory


def summary(story_id: str, first: str | None, last: str | None, contested: int = 0, sources: int = 1,
            outlets: tuple[str, ...] = (), entities: tuple[str, ...] = (), places: tuple[str, ...] = (),
            articles: int = 1) -> StorySummary:  # fmt: skip
    return StorySummary(
        id=story_id, title=f"Story {story_id}", articles=tuple(f"{story_id}-a{n}" for n in range(articles)),
        independent_sources=sources, first_published=first, last_published=last, contested=contested,
        outlets=outlets, entities=entities, places=places,
    )  # fmt: skip


# Fictional stories: a ferry grounding, a library, an orchard frost, a tram depot, an undated notice.
STORIES = [
    summary("ferry", "2024-03-12", "2024-03-13T09:30:00+01:00", contested=2, sources=3,
            outlets=("Harbour Daily", "Coastal Tribune", "Harbour Daily"), entities=("Idris Vahl",),
            places=("Port Almora",), articles=4),
    summary("library", "2024-02-02", "2024-02-02", sources=1, outlets=("Valley Post",), places=("Brennick",)),
    summary("orchard", "2024-05-20", "2024-05-28", contested=1, sources=2, outlets=("Farm Weekly", "Valley Post"),
            entities=("Tarrow Growers' Cooperative",), places=("Tarrow valley",), articles=2),
    summary("tram", "2024-03-01", "2024-03-02", sources=2, outlets=("Coastal Tribune", "Brennick Bugle"),
            places=("Brennick",), articles=3),
    summary("notice", None, None, sources=1, outlets=("Pier Notes",)),
]  # fmt: skip


def ids(store: object, **query: object) -> list[str]:
    return [s.id for s in store.list_stories(StoryQuery(**query)).stories]  # type: ignore[attr-defined, arg-type]


def test_filters_keep_exactly_the_matching_stories(make_store: StoreFactory) -> None:
    store = make_store()
    store.save_story_summaries(STORIES)
    assert sorted(ids(store, per_page=None)) == sorted(s.id for s in STORIES)
    # A story is kept when its dates overlap the range; undated stories only without a range.
    assert sorted(ids(store, since="2024-03-13")) == ["ferry", "orchard"]
    assert sorted(ids(store, until="2024-03-01")) == ["library", "tram"]
    assert sorted(ids(store, since="2024-03-02", until="2024-03-12")) == ["ferry", "tram"]
    assert ids(store, since="2025-01-01") == []
    # Names match whole, in any letter case and spacing.
    assert sorted(ids(store, outlet="coastal  TRIBUNE")) == ["ferry", "tram"]
    assert ids(store, outlet="Coastal") == []
    assert sorted(ids(store, place="brennick")) == ["library", "tram"]
    assert ids(store, entity="Idris Vahl") == ["ferry"]
    # A person by a whole word of the name, not by a piece of a word.
    assert ids(store, entity="vahl") == ["ferry"] and ids(store, entity="Vah") == []
    assert ids(store, entity="%") == [] and ids(store, entity="_dris Vahl") == []  # no wildcards from a reader
    assert ids(store, place="Brennick", outlet="Valley Post") == ["library"]
    # A place by whole words of a place's name ("Almora" finds "Port Almora"), never by a piece of a word; the
    # names of bodies count too, since a capitalised dateline town is often read as one ("Cooperative" finds the
    # Tarrow Growers' Cooperative's story).
    assert ids(store, place="almora") == ["ferry"] and ids(store, place="Almor") == []
    assert ids(store, place="Cooperative") == ["orchard"] and ids(store, place="%") == []
    assert sorted(ids(store, contested_only=True)) == ["ferry", "orchard"]


def test_total_counts_every_page_and_pages_do_not_overlap(make_store: StoreFactory) -> None:
    store = make_store()
    store.save_story_summaries(STORIES)
    seen: list[str] = []
    for page in (1, 2, 3):
        listing = store.list_stories(StoryQuery(per_page=2, page=page))
        assert listing.total == len(STORIES)
        seen += [s.id for s in listing.stories]
    assert sorted(seen) == sorted(s.id for s in STORIES)
    assert store.list_stories(StoryQuery(per_page=2, page=4)).stories == []
    filtered = store.list_stories(StoryQuery(place="Brennick", per_page=1))
    assert filtered.total == 2 and len(filtered.stories) == 1


def test_sorts(make_store: StoreFactory) -> None:
    store = make_store()
    store.save_story_summaries(STORIES)
    # As `crosswire stories` orders them: ties by the earliest first publication, undated first.
    assert ids(store, sort="largest") == ["ferry", "tram", "orchard", "notice", "library"]
    assert ids(store, sort="newest") == ["orchard", "ferry", "tram", "library", "notice"]
    assert ids(store, sort="contested")[:2] == ["ferry", "orchard"]


def test_rows_read_back_with_their_outlets_and_replace_old_ones(make_store: StoreFactory) -> None:
    store = make_store()
    store.save_story_summaries(STORIES)
    (ferry,) = store.list_stories(StoryQuery(entity="idris vahl")).stories
    assert ferry.articles == STORIES[0].articles and ferry.contested == 2
    assert sorted(ferry.outlets) == ["Coastal Tribune", "Harbour Daily"]
    assert store.story_terms("place")[0] == "Brennick"  # named by two stories
    # A new row for the story replaces the old one and its names.
    store.save_story_summaries([summary("ferry", "2024-03-12", "2024-03-12", outlets=("Harbour Daily",))])
    assert ids(store, outlet="Coastal Tribune") == ["tram"]
    assert ids(store, entity="Idris Vahl") == []
    assert store.story_summaries(["ferry"])["ferry"].contested == 0
    assert set(store.story_summaries()) == {s.id for s in STORIES}


def article(article_id: str, story_id: str, text: str) -> StoredArticle:
    return StoredArticle(
        Article(id=article_id, kind="record", origin="o", text=text, title=f"Title {article_id}",
                published="2024-03-12", publisher="Harbour Daily"),
        f"h-{article_id}", story_id, None, None, None,
    )  # fmt: skip


def test_stories_without_a_current_row_are_found(make_store: StoreFactory) -> None:
    store = make_store()
    store.save_article(article("a1", "ferry", "The ferry ran aground."))
    store.save_article(article("a2", "ferry", "Passengers were taken off the ferry."))
    store.save_article(article("a3", "tram", "The tram depot opened."))
    assert store.stories_without_summary() == {"ferry", "tram"}
    store.save_story_summaries([summary("ferry", None, None, articles=2), summary("tram", None, None, articles=1)])
    # A listing row without a stored brief is not current (a store written before briefs were kept).
    assert store.stories_without_summary() == {"ferry", "tram"}
    store.save_story_brief("ferry", ["a1", "a2"], '{"brief": "ferry"}')
    store.save_story_brief("tram", ["a3"], '{"brief": "tram"}')
    assert store.stories_without_summary() == set()
    store.save_article(article("a4", "tram", "A footpath was promised along the depot."))
    assert store.stories_without_summary() == {"tram"}


def test_a_stored_brief_is_kept_with_its_articles_replaced_and_removed_with_its_story(
    make_store: StoreFactory,
) -> None:
    store = make_store()
    assert store.stored_brief("ferry") is None
    store.save_story_brief("ferry", ["a1", "a2"], '{"title": "Ferry aground"}')
    store.save_story_brief("ferry", ["a1", "a2", "a5"], '{"title": "Ferry refloated"}')
    assert store.stored_brief("ferry") == (["a1", "a2", "a5"], '{"title": "Ferry refloated"}')
    store.save_story_summaries([summary("ferry", None, None, articles=3)])
    store.delete_story_summaries(["ferry"])
    assert store.stored_brief("ferry") is None


def test_a_storys_heads_are_its_articles_without_text_in_stored_order(make_store: StoreFactory) -> None:
    store = make_store()
    for article_id, story_id in (("a2", "ferry"), ("a3", "tram"), ("a1", "ferry")):
        store.save_article(article(article_id, story_id, f"Report {article_id} on the {story_id}."))
    heads = store.story_heads("ferry")
    assert [head.id for head in heads] == ["a2", "a1"]
    assert heads[0].title == "Title a2" and heads[0].publisher == "Harbour Daily" and heads[0].story_id == "ferry"
    assert store.story_heads("orchard") == []


def test_search_counts_every_match_and_pages_through_them(make_store: StoreFactory) -> None:
    store = make_store()
    for n in range(7):
        store.save_article(article(f"f{n}", "ferry", f"Report {n}: the lifeboat reached the ferry at dawn."))
    store.save_article(article("t1", "tram", "The tram depot opened on Monday."))
    store.save_story_summaries([summary("ferry", "2024-03-12", "2024-03-12", articles=7)])
    assert store.count_matches("ferry lifeboat") == 7
    assert store.count_matches("tram") == 1 and store.count_matches("zeppelin") == 0
    first, second = store.search("ferry", limit=4), store.search("ferry", limit=4, offset=4)
    assert len(first) == 4 and len(second) == 3
    assert {h.article_id for h in first} & {h.article_id for h in second} == set()
    hit = first[0]
    assert hit.publisher == "Harbour Daily" and hit.published == "2024-03-12"
    assert hit.story_title == "Story ferry"
    assert store.search("tram")[0].story_title is None  # no listing row for that story
