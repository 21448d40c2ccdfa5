"""Fact keys name one fact of a brief each, so that an editor's verdict on one never lands on another."""

from __future__ import annotations

from crosswire.corrections import Correction, fact_key, fact_keys, mark_facts
from crosswire.model import Fact, FactMention


def mention(article: str, start: int, value: float) -> FactMention:
    return FactMention(article=article, text=f"{value:g} buses were withdrawn", value=value, qualifier=None,
                       start=start, end=start + 20)  # fmt: skip


def contested(first: FactMention, second: FactMention) -> Fact:
    return Fact(kind="quantity", about="buses withdrawn", value=first.value, status="conflict",
                mentions=(first, second), counted="buses", predicate="withdrawn")  # fmt: skip


# Two contested counts of withdrawn buses that corroboration kept apart (their figures far apart).
MORNING = contested(mention("depot-gazette", 40, 12), mention("city-post", 10, 14))
EVENING = contested(mention("transit-wire", 5, 310), mention("depot-gazette", 300, 290))
ROUTES = Fact(kind="quantity", about="routes cut", value=4, status="single", mentions=(mention("city-post", 90, 4),))


def test_facts_made_of_the_same_parts_get_keys_of_their_own() -> None:
    assert fact_key(MORNING) == fact_key(EVENING)
    keys = fact_keys([MORNING, ROUTES, EVENING])
    assert len(set(keys)) == 3
    # The one reported first (by article id, then offset) keeps the plain key, in any order of the brief.
    assert keys[0] == fact_key(MORNING) and keys[2] == fact_key(MORNING) + "-2"
    assert fact_keys([EVENING, ROUTES, MORNING]) == [keys[2], keys[1], keys[0]]
    assert keys[1] == fact_key(ROUTES)


def test_a_verdict_on_one_of_two_look_alike_facts_marks_that_one_only() -> None:
    brief = {"facts": [{"about": "buses withdrawn"}, {"about": "buses withdrawn"}]}
    wrong_key = fact_keys([MORNING, EVENING])[1]
    verdict = Correction("verdict", "s-1", "Ines Duarte", "2024-05-01T09:00:00+00:00", fact=wrong_key, note="two buses")
    marked = mark_facts(brief, [MORNING, EVENING], {wrong_key: verdict})
    assert [row["verdict"] is not None for row in marked["facts"]] == [False, True]


def test_a_facts_key_does_not_follow_the_words_its_label_was_made_of() -> None:
    # A story that gains or loses articles relabels a date from the words around it ("date: night drone"
    # becomes "date: drone night"); the verdict an editor gave the fact must stay on it.
    night = mention("harbour-echo", 12, 0)
    first = Fact(kind="date", about="date: night drone", value="2026-11-04", status="agree", mentions=(night,))
    relabelled = Fact(kind="date", about="date: drone night", value="2026-11-04", status="agree", mentions=(night,))
    assert fact_key(first) == fact_key(relabelled)
    assert fact_key(first) != fact_key(Fact(kind="date", about="date: night drone", value="2026-11-05",
                                            status="agree", mentions=(night,)))  # fmt: skip
    # A count is named by its claim, whatever words its label was made of.
    assert fact_key(MORNING) == fact_key(Fact(kind="quantity", about="buses taken off the road", value=12,
                                              status="conflict", mentions=MORNING.mentions, counted="buses",
                                              predicate="withdrawn"))  # fmt: skip
    assert fact_key(MORNING) != fact_key(ROUTES)
