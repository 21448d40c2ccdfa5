"""A story's signature: the headline name no other story's headlines use."""

from __future__ import annotations

import json

from crosswire.stories.signature import HORIZON_DAYS, USERS_KEPT, HeadlineWords
from crosswire.stories.story import SIGNATURE_DAYS, Incoming, Story
from crosswire.stories.vectors import unit

DAY = 740_000


def _last_days(**days: int | None) -> dict[str, int | None]:
    return dict(days)


def test_a_word_only_one_story_headlines_with_is_its_own() -> None:
    register = HeadlineWords()
    register.add("breach", ["korvex", "breach", "data"])
    register.add("storm", ["storm", "data"])
    last_day = _last_days(breach=DAY, storm=DAY).get
    owned = register.owned_by("breach", ["korvex", "data", "unheard"], DAY, last_day)
    assert owned == frozenset({"korvex"})
    assert register.owned_by("storm", ["korvex", "storm"], DAY, last_day) == frozenset({"storm"})


def test_another_story_using_the_word_long_ago_does_not_count() -> None:
    register = HeadlineWords()
    register.add("old", ["korvex"])
    register.add("new", ["korvex"])
    assert register.owned_by("new", ["korvex"], DAY, _last_days(old=DAY - 30, new=DAY).get) == frozenset()
    old_day = DAY - HORIZON_DAYS - 10
    assert register.owned_by("new", ["korvex"], DAY, _last_days(old=old_day, new=DAY).get) == {"korvex"}
    # Undated stories can't be placed in time: their use counts.
    assert register.owned_by("new", ["korvex"], None, _last_days(old=old_day, new=DAY).get) == frozenset()


def test_each_word_remembers_only_its_latest_users_and_survives_json() -> None:
    register = HeadlineWords()
    for number in range(USERS_KEPT + 2):
        register.add(f"s{number}", ["harbour"])
    data = register.to_json()
    assert data["harbour"] == [f"s{n}" for n in range(2, USERS_KEPT + 2)]
    restored = HeadlineWords.from_json(json.loads(json.dumps(data)))
    assert restored.to_json() == data


def _breach_report(number: int, day: int) -> Incoming:
    words = {"korvex": 1.0, **{f"report{number}x{i}": 1.0 for i in range(30)}}
    return Incoming.of(unit(words), frozenset({"korvex"}), frozenset({"korvex", f"report{number}x0"}), day)


def test_a_headline_naming_the_running_story_signature_is_enough_to_join() -> None:
    story = Story(id="s-breach")
    for number in range(4):
        story.add(_breach_report(number, DAY - 3))
    # A follow-up worded quite differently, its lead naming other people, its headline naming the company.
    words = {"korvex": 1.0, "apology": 1.0, **{f"follow{i}": 1.0 for i in range(40)}}
    follow_up = Incoming.of(unit(words), frozenset({"ansel", "mireille"}), frozenset({"korvex", "apology"}), DAY)
    assert story.evidence(follow_up) is None  # without knowing "korvex" is the story's own
    assert story.evidence(follow_up, frozenset({"korvex"})) is not None
    # A headline word the story's headlines don't keep using is no signature.
    assert story.evidence(follow_up, frozenset({"apology"})) is None
    # Nor is the name once the story has gone quiet.
    later = Incoming.of(
        follow_up.vector, frozenset({"ansel", "mireille"}), frozenset({"korvex"}), DAY + SIGNATURE_DAYS + 5
    )
    assert story.evidence(later, frozenset({"korvex"})) is None


def test_a_name_in_only_half_the_story_headlines_is_no_signature() -> None:
    story = Story(id="s-half")
    story.add(_breach_report(0, DAY - 1))
    unnamed = {f"other{i}": 1.0 for i in range(30)}
    story.add(Incoming.of(unit(unnamed), frozenset(), frozenset({"other0"}), DAY - 1))
    words = {"korvex": 1.0, **{f"follow{i}": 1.0 for i in range(40)}}
    follow_up = Incoming.of(unit(words), frozenset({"ansel", "mireille"}), frozenset({"korvex"}), DAY)
    assert story.evidence(follow_up, frozenset({"korvex"})) is None


def test_a_place_is_nobody_s_signature_however_few_stories_the_store_holds() -> None:
    # A small store: one story, about fuel shipments, headlined "Norway ..." in every report.  A country heads
    # many stories; that no other story in this store used it yet does not make it the name of this one.
    story = Story(id="s-fuel")
    for number in range(4):
        words = {"norway": 1.0, "fuel": 1.0, **{f"ship{number}x{i}": 1.0 for i in range(30)}}
        story.add(
            Incoming.of(
                unit(words), frozenset({"norway"}), frozenset({"norway", "fuel"}), DAY - 1, frozenset({"norway"})
            )
        )
    words = {"norway": 1.0, "lunar": 1.0, **{f"probe{i}": 1.0 for i in range(40)}}
    probe = Incoming.of(unit(words), frozenset({"norway"}), frozenset({"norway", "lunar"}), DAY, frozenset({"norway"}))
    assert story.evidence(probe, frozenset({"norway"})) is None
    # The same headline word naming a company (not a place) is the story's signature, as before.
    company = Incoming.of(unit(words), frozenset({"norway"}), frozenset({"norway", "lunar"}), DAY)
    assert story.evidence(company, frozenset({"norway"})) is not None
