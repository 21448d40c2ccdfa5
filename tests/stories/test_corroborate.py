"""Grouping of mentions into facts and their status across independent sources."""

from __future__ import annotations

from crosswire.model import Annotations, Article, DateMention, Quantity
from crosswire.stories.corroborate import corroborate, same_unit, unit_key


def _article(article_id: str, text: str, numbers: list[tuple[str, float, str | None, str | None]]) -> Article:
    """An article whose quantities are found by their written text (first occurrence)."""
    quantities = []
    for written, value, unit, qualifier in numbers:
        start = text.index(written)
        quantities.append(Quantity(written, start, start + len(written), value, None, unit, qualifier))
    return Article(article_id, "record", "test", text, annotations=Annotations(quantities=tuple(quantities)))


def test_unit_key_folds_plurals_and_case() -> None:
    assert unit_key("Passengers") == unit_key("passenger")
    assert same_unit(unit_key("people injured"), unit_key("injured people"))
    assert not same_unit(unit_key("passengers"), unit_key("USD"))


def test_same_number_from_two_outlets_agrees() -> None:
    a = _article(
        "a", "There were 129 people on board the boat when it hit the bridge.", [("129 people", 129, "people", None)]
    )
    b = _article(
        "b", "The boat, which had 129 people on board, hit a bridge pillar.", [("129 people", 129, "people", None)]
    )
    facts = corroborate([a, b], {"a": "dw", "b": "nyt"})
    assert len(facts) == 1
    fact = facts[0]
    assert fact.status == "agree"
    assert fact.value == 129
    assert {m.article for m in fact.mentions} == {"a", "b"}
    for mention, article in zip(sorted(fact.mentions, key=lambda m: m.article), (a, b), strict=True):
        assert article.text[mention.start : mention.end] == mention.text


def test_copies_of_one_source_stay_single() -> None:
    a = _article("a", "Police say 27 people are injured after the crash.", [("27 people", 27, "people", None)])
    b = _article("b", "Police say 27 people are injured after the crash.", [("27 people", 27, "people", None)])
    facts = corroborate([a, b], {"a": "ap", "b": "ap"})
    assert [f.status for f in facts] == ["single"]


def test_incompatible_counts_of_the_same_thing_conflict_and_take_the_latest() -> None:
    a = _article(
        "a", "Police said 25 people were injured when the boat hit the bridge.", [("25 people", 25, "people", None)]
    )
    b = _article(
        "b", "Police said 27 people were injured when the boat hit the bridge.", [("27 people", 27, "people", None)]
    )
    facts = corroborate([a, b], {"a": "nyt", "b": "dailymail"})
    assert len(facts) == 1
    assert facts[0].status == "conflict"
    assert facts[0].value == 27  # b was published later


def test_qualified_value_agrees_with_a_fitting_exact_one() -> None:
    a = _article(
        "a", "The hackers stole data of 143 million customers last year.", [("143 million", 143e6, "customers", None)]
    )
    b = _article("b", "Data of more than 140 million customers was stolen by hackers.",
                 [("140 million", 140e6, "customers", "more than")])  # fmt: skip
    facts = corroborate([a, b], {"a": "x", "b": "y"})
    assert len(facts) == 1
    assert facts[0].status == "agree"
    assert facts[0].value == 143e6  # the most precise statement


def test_different_numbers_with_unrelated_context_are_not_a_conflict() -> None:
    a = _article("a", "The storm dropped 34 inches of snow on the city overnight.", [("34 inches", 34, "inches", None)])
    b = _article("b", "The previous record, set in 1958, was 26 inches of snow in one day.",
                 [("26 inches", 26, "inches", None)])  # fmt: skip
    facts = corroborate([a, b], {"a": "x", "b": "y"})
    assert all(f.status != "conflict" for f in facts)


def test_bare_numbers_never_conflict() -> None:
    a = _article("a", "The company said 12 of its offices were closed on Monday.", [("12", 12, None, None)])
    b = _article("b", "The company said 15 of its offices were closed on Monday.", [("15", 15, None, None)])
    facts = corroborate([a, b], {"a": "x", "b": "y"})
    assert all(f.status != "conflict" for f in facts)


def test_two_numbers_in_one_article_are_two_facts() -> None:
    text = "Four people were seriously hurt and 20 people were slightly hurt in the crash."
    a = _article("a", text, [("Four people", 4, "people", None), ("20 people", 20, "people", None)])
    facts = corroborate([a], {"a": "x"})
    assert len(facts) == 2
    assert {f.status for f in facts} == {"single"}


def test_dates_about_the_same_event_agree() -> None:
    texts = {
        "a": "The boat hit the bridge on Saturday, police said.",
        "b": "A tourist boat hit a bridge on Dec. 30, injuring passengers.",
    }
    articles = []
    for article_id, text in texts.items():
        written = "Saturday" if article_id == "a" else "Dec. 30"
        start = text.index(written)
        mention = DateMention(written, start, start + len(written), "2017-12-30")
        articles.append(Article(article_id, "record", "t", text, annotations=Annotations(dates=(mention,))))
    facts = corroborate(articles, {"a": "x", "b": "y"})
    assert len(facts) == 1
    assert facts[0].kind == "date"
    assert facts[0].status == "agree"
    assert facts[0].value == "2017-12-30"


def test_articles_without_annotations_give_no_facts() -> None:
    article = Article("a", "record", "t", "Some 40 people came.")
    assert corroborate([article], {"a": "x"}) == ()


def test_different_percentages_are_not_a_conflict() -> None:
    a = _article(
        "a", "The corporate tax rate falls from 35 percent under the new tax law.", [("35 percent", 35, "%", None)]
    )
    b = _article(
        "b", "The corporate tax rate falls to 21 percent under the new tax law.", [("21 percent", 21, "%", None)]
    )
    facts = corroborate([a, b], {"a": "x", "b": "y"})
    assert all(f.status != "conflict" for f in facts)


def test_rival_counts_told_in_different_sentences_still_conflict() -> None:
    a = _article(
        "a",
        "City officials said 27 people were injured, four of them seriously, after the footbridge gave way.",
        [("27 people", 27, "people", None)],
    )
    b = _article(
        "b",
        "PORTVALE, Maine - Officials in Portvale said on Wednesday that 25 people were injured in the collapse.",
        [("25 people", 25, "people", None)],
    )
    (fact,) = corroborate([a, b], {"a": "ledger", "b": "tribune"})
    assert fact.status == "conflict"


def test_far_apart_or_approximate_counts_are_not_rivals() -> None:
    girls = "schoolgirls"
    kidnapped = _article("a", "Boko Haram kidnapped 200 schoolgirls in 2014.", [("200 schoolgirls", 200, girls, None)])
    freed = _article("b", "Officials said 82 schoolgirls were freed in May.", [("82 schoolgirls", 82, girls, None)])
    vague = _article(
        "c", "Militants have freed about 80 schoolgirls so far.", [("about 80 schoolgirls", 80, "schoolgirls", "about")]
    )
    facts = corroborate([kidnapped, freed, vague], {"a": "x", "b": "y", "c": "z"})
    assert all(fact.status != "conflict" for fact in facts)
