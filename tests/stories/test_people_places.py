"""People in roles and the place of the event, compared across outlets."""

from __future__ import annotations

import dataclasses

from crosswire.annotate import default_stages
from crosswire.model import Article, Fact
from crosswire.pipeline import Pipeline
from crosswire.stories.corroborate import corroborate
from crosswire.stories.people_places import people_and_places, same_name, same_place

STORY = {
    "coast-times": (
        "Ferry sinks off Piraeus",
        "PIRAEUS (Reuters) - A ferry sank off Piraeus on Monday. Interior Minister Ana Ruiz said 12 people were "
        "rescued. Police officer John Kamau said divers were still searching.",
    ),
    "daily-ledger": (
        "Ferry disaster in Piraeus",
        "A ferry went down near Piraeus on Monday, Greece's Interior Minister Ana Ruis told reporters. "
        "Police officer Mary Wanjiru said two bodies had been found.",
    ),
    "evening-post": (
        "Greek ferry sinking",
        "Interior Minister Peter Otieno said on Monday that a ferry sank near Piraeus.",
    ),
}


def text_of(outlet: str) -> str:
    title, body = STORY[outlet]
    return f"{title}\n\n{body}"


def story_articles() -> list[Article]:
    articles = [
        Article(id=outlet, kind="record", origin="t", text=text_of(outlet), title=STORY[outlet][0],
                published="2026-03-04")
        for outlet in STORY
    ]  # fmt: skip
    return list(Pipeline(default_stages()).pipe(articles))


def story_facts() -> list[Fact]:
    return people_and_places(story_articles(), {outlet: outlet for outlet in STORY})


def test_two_holders_of_one_office_conflict_and_a_misspelling_does_not() -> None:
    facts = story_facts()
    ministers = [f for f in facts if f.kind == "person" and f.about == "interior minister"]
    assert len(ministers) == 1
    minister = ministers[0]
    assert minister.status == "conflict"
    assert {m.value for m in minister.mentions} == {"Ana Ruiz", "Ana Ruis", "Peter Otieno"}
    assert {m.text for m in minister.mentions} >= {"Interior Minister Ana Ruiz", "Interior Minister Peter Otieno"}


def test_two_officers_are_two_people_not_a_conflict() -> None:
    officers = [f for f in story_facts() if f.kind == "person" and f.about.endswith("officer")]
    assert sorted(f.value for f in officers) == ["John Kamau", "Mary Wanjiru"]
    assert all(f.status == "single" for f in officers)


def test_the_place_three_outlets_give_is_agreed() -> None:
    places = [f for f in story_facts() if f.kind == "place"]
    assert [(f.value, f.status) for f in places] == [("Piraeus", "agree")]
    for mention in places[0].mentions:  # each citation points at the place in its own article
        assert text_of(mention.article)[mention.start : mention.end] == mention.text


def test_corroborate_reports_people_and_places_with_numbers() -> None:
    facts = corroborate(story_articles(), {outlet: outlet for outlet in STORY})
    assert {"quantity", "person", "place"} <= {fact.kind for fact in facts}


def test_names_of_one_person() -> None:
    assert same_name("Kovac", "Kovach")
    assert same_name("Kovac", "Lena Kovac")
    assert same_name("Ivo Brandt", "Dr Ivo Brandt")
    assert same_name("Ana Ruiz", "Ana M. Ruiz")
    assert same_name("Ana Ruiz", "Ana Ruis")
    assert not same_name("Ana Ruiz", "Ana Ortiz")
    assert not same_name("Ana Ruiz", "Peter Ruiz")
    assert not same_name("Brandt", "Ivo Brand")


def test_names_of_one_place() -> None:
    assert same_place("Ghent", "GHENT") and same_place("Ghent, Belg.", "Ghent, Belgium")
    assert same_place("Bombay", "Mumbai")  # a known variant (annotate/rules/names.json)
    assert not same_place("Cusco, Peru", "Peru")


def test_two_holders_of_one_office_a_year_apart_or_undated_are_two_facts() -> None:
    articles = story_articles()
    for days_apart in ({"coast-times": "2025-03-04"}, {outlet: None for outlet in STORY}):
        shifted = [dataclasses.replace(a, published=days_apart.get(a.id, a.published)) for a in articles]
        facts = people_and_places(shifted, {outlet: outlet for outlet in STORY})
        ministers = [f for f in facts if f.kind == "person" and f.about == "interior minister"]
        assert all(f.status != "conflict" for f in ministers) and len(ministers) == 2
