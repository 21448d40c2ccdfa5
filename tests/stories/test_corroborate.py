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


def test_units_of_one_kind_that_convert_are_the_same_unit_and_a_rate_is_not_its_distance() -> None:
    assert same_unit(unit_key("km"), unit_key("mi"))  # both lengths: compared in metres (compat.Reading.scale)
    assert same_unit(unit_key("kg"), unit_key("lb"))
    assert not same_unit(unit_key("km"), unit_key("kg"))
    assert not same_unit(unit_key("km"), unit_key("km/h"))  # "40 km" is no "40 km/h"
    assert same_unit(unit_key("km/h"), unit_key("mph"))


def test_same_number_from_two_outlets_agrees() -> None:
    a = _article(
        "a", "There were 86 passengers on the ferry when it hit the pier.", [("86 passengers", 86, "passengers", None)]
    )
    b = _article(
        "b", "The ferry, which had 86 passengers aboard, struck a pier.", [("86 passengers", 86, "passengers", None)]
    )
    facts = corroborate([a, b], {"a": "dw", "b": "nyt"})
    assert len(facts) == 1
    fact = facts[0]
    assert fact.status == "agree"
    assert fact.value == 86
    assert {m.article for m in fact.mentions} == {"a", "b"}
    for mention, article in zip(sorted(fact.mentions, key=lambda m: m.article), (a, b), strict=True):
        assert article.text[mention.start : mention.end] == mention.text


def test_copies_of_one_source_stay_single() -> None:
    a = _article("a", "Medics say 19 climbers were hurt in the rockfall.", [("19 climbers", 19, "climbers", None)])
    b = _article("b", "Medics say 19 climbers were hurt in the rockfall.", [("19 climbers", 19, "climbers", None)])
    facts = corroborate([a, b], {"a": "ap", "b": "ap"})
    assert [f.status for f in facts] == ["single"]


def test_incompatible_counts_of_the_same_thing_conflict_and_take_the_latest() -> None:
    a = _article(
        "a", "Officials said 14 workers were injured when the scaffold fell.", [("14 workers", 14, "workers", None)]
    )
    b = _article(
        "b", "Officials said 16 workers were injured when the scaffold fell.", [("16 workers", 16, "workers", None)]
    )
    facts = corroborate([a, b], {"a": "nyt", "b": "dailymail"})
    assert len(facts) == 1
    assert facts[0].status == "conflict"
    assert facts[0].value == 16  # b was published later


def test_qualified_value_agrees_with_a_fitting_exact_one() -> None:
    a = _article(
        "a", "The intruders copied records of 57 million subscribers.", [("57 million", 57e6, "subscribers", None)]
    )
    b = _article("b", "Records of more than 55 million subscribers were copied in the intrusion.",
                 [("55 million", 55e6, "subscribers", "more than")])  # fmt: skip
    facts = corroborate([a, b], {"a": "x", "b": "y"})
    assert len(facts) == 1
    assert facts[0].status == "agree"
    assert facts[0].value == 57e6  # the most precise statement


def test_different_numbers_with_unrelated_context_are_not_a_conflict() -> None:
    a = _article("a", "The blizzard left 41 centimetres of snow in the valley.", [("41 centimetres", 41, "cm", None)])
    b = _article("b", "The old record, from 1979, was 29 centimetres of snow in one day.",
                 [("29 centimetres", 29, "cm", None)])  # fmt: skip
    facts = corroborate([a, b], {"a": "x", "b": "y"})
    assert all(f.status != "conflict" for f in facts)


def test_bare_numbers_never_conflict() -> None:
    a = _article("a", "The chain said 12 of its bakeries stayed shut on Monday.", [("12", 12, None, None)])
    b = _article("b", "The chain said 15 of its bakeries stayed shut on Monday.", [("15", 15, None, None)])
    facts = corroborate([a, b], {"a": "x", "b": "y"})
    assert all(f.status != "conflict" for f in facts)


def test_two_numbers_in_one_article_are_two_facts() -> None:
    text = "Three riders were badly hurt and 11 riders were lightly hurt in the pile-up."
    a = _article("a", text, [("Three riders", 3, "riders", None), ("11 riders", 11, "riders", None)])
    facts = corroborate([a], {"a": "x"})
    assert len(facts) == 2
    assert {f.status for f in facts} == {"single"}


def test_dates_about_the_same_event_agree() -> None:
    texts = {
        "a": "The crane toppled on Saturday, officials said.",
        "b": "A crane toppled onto a warehouse on Aug. 14, injuring two dockers.",
    }
    articles = []
    for article_id, text in texts.items():
        written = "Saturday" if article_id == "a" else "Aug. 14"
        start = text.index(written)
        mention = DateMention(written, start, start + len(written), "2027-08-14")
        articles.append(Article(article_id, "record", "t", text, annotations=Annotations(dates=(mention,))))
    facts = corroborate(articles, {"a": "x", "b": "y"})
    assert len(facts) == 1
    assert facts[0].kind == "date"
    assert facts[0].status == "agree"
    assert facts[0].value == "2027-08-14"


def test_articles_without_annotations_give_no_facts() -> None:
    article = Article("a", "record", "t", "Some 40 people came.")
    assert corroborate([article], {"a": "x"}) == ()


def test_different_percentages_are_not_a_conflict() -> None:
    a = _article("a", "The fuel duty drops from 12 percent in the spring budget.", [("12 percent", 12, "%", None)])
    b = _article("b", "The fuel duty drops to 8 percent in the spring budget.", [("8 percent", 8, "%", None)])
    facts = corroborate([a, b], {"a": "x", "b": "y"})
    assert all(f.status != "conflict" for f in facts)


def test_rival_counts_told_in_different_sentences_still_conflict() -> None:
    a = _article(
        "a",
        "City officials said 33 people were injured, five of them seriously, after the footbridge gave way.",
        [("33 people", 33, "people", None)],
    )
    b = _article(
        "b",
        "PORTVALE, Maine - The Portvale council said on Wednesday that 31 people were injured when it fell.",
        [("31 people", 31, "people", None)],
    )
    (fact,) = corroborate([a, b], {"a": "ledger", "b": "tribune"})
    assert fact.status == "conflict"


def test_far_apart_or_approximate_counts_are_not_rivals() -> None:
    crew = "fishermen"
    seized = _article("a", "Pirates seized 240 fishermen in 2019.", [("240 fishermen", 240, crew, None)])
    released = _article("b", "Officials said 67 fishermen were released in May.", [("67 fishermen", 67, crew, None)])
    vague = _article(
        "c", "The pirates have released about 70 fishermen so far.", [("about 70 fishermen", 70, crew, "about")]
    )
    facts = corroborate([seized, released, vague], {"a": "x", "b": "y", "c": "z"})
    assert all(fact.status != "conflict" for fact in facts)


def test_a_number_that_names_a_kind_of_thing_is_no_fact() -> None:
    # "a 14-door coach", "a 64-bit build": what kind the thing is, never a figure outlets agree on.
    texts = ("Thieves took a 14-door coach from the depot.", "Thieves took a 14-door coach from the bus depot.")
    articles = [_article(name, text, [("14", 14, "door", None)]) for name, text in zip("ab", texts, strict=True)]
    assert not corroborate(articles, {"a": "dw", "b": "nyt"})
    texts = ("Thieves took 14 coaches from the depot.", "Thieves took 14 coaches from the bus depot.")
    articles = [_article(name, text, [("14", 14, "coaches", None)]) for name, text in zip("ab", texts, strict=True)]
    assert [fact.status for fact in corroborate(articles, {"a": "dw", "b": "nyt"})] == ["agree"]
    # ... whatever word follows: "the two-time Open champion" (titles won before) says who she is.
    texts = ("The two-time Open champion Ana Ruiz retired.", "Ana Ruiz, the two-time Open champion, retired on Monday.")
    articles = [_article(name, text, [("two", 2, "time", None)]) for name, text in zip("ab", texts, strict=True)]
    assert not corroborate(articles, {"a": "dw", "b": "nyt"})
    # After a unit, the compound says what the measure is: "a 12-metre-long barge" measures the barge.
    texts = ("Police boarded a 12-metre-long barge at Kelso.", "The barge, 12 metres long, was boarded at Kelso.")
    numbers = [[("12-metre", 12, "metre", None)], [("12 metres", 12, "metre", None)]]
    articles = [_article(name, text, found) for name, text, found in zip("ab", texts, numbers, strict=True)]
    assert [fact.status for fact in corroborate(articles, {"a": "dw", "b": "nyt"})] == ["agree"]


_LABELS_OF_A_DATE = """
from crosswire.model import Annotations, Article, DateMention
from crosswire.stories.corroborate import corroborate

texts = {"a": "Keepers reopened the canal gates on 3 May after dredging the silt.",
         "b": "Barge owners welcomed reopened locks on 3 May following weeks of repairs."}
articles = []
for article_id, text in texts.items():
    start = text.index("3 May")
    mention = DateMention("3 May", start, start + 5, "2027-05-03")
    articles.append(Article(article_id, "record", "t", text, annotations=Annotations(dates=(mention,))))
print([fact.about for fact in corroborate(articles, {"a": "x", "b": "y"})])
"""


def test_a_facts_label_is_the_same_in_every_process() -> None:
    # The label is part of the fact's key, which an editor's verdict names: it must not follow the
    # order of a set, which changes with each process's hash seed.
    import os
    import subprocess
    import sys

    def labels_with(seed: int) -> str:
        environment = {**os.environ, "PYTHONHASHSEED": str(seed)}
        command = [sys.executable, "-c", _LABELS_OF_A_DATE]
        return subprocess.run(command, capture_output=True, text=True, check=True, env=environment).stdout

    labels = {labels_with(seed) for seed in range(1, 9)}
    assert len(labels) == 1, labels
