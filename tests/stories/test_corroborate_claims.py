"""Corroboration by claim: the counted thing and the predicate from the parse, compared by meaning.

The articles are fictional, written here; quantities come from the real
annotator, so the parse supplies ``counted`` and ``predicate``.
"""

from __future__ import annotations

from crosswire.annotate.quantities import QuantityStage
from crosswire.model import Annotations, Article, Fact
from crosswire.stories.corroborate import corroborate


def _facts(*texts: str) -> list[Fact]:
    stage = QuantityStage()
    articles = [
        stage(Article(f"a{i}", "record", "test", text, annotations=Annotations())) for i, text in enumerate(texts)
    ]
    facts = corroborate(articles, {a.id: f"outlet{i}" for i, a in enumerate(articles)})
    return [f for f in facts if f.kind == "quantity"]


def test_a_paraphrased_agreement_groups() -> None:
    facts = _facts(
        "Rescuers evacuated 300 residents from the flooded district of Lowmoor on Sunday.",
        "In Lowmoor, 300 people were forced from their homes by the rising river on Sunday.",
    )
    assert [(f.status, f.value, len(f.mentions)) for f in facts] == [("agree", 300, 2)]
    assert facts[0].about == "residents evacuated"


def test_the_same_event_in_other_words_groups() -> None:
    facts = _facts(
        "Air defences shot down 30 drones over Tarrin overnight, the ministry said.",
        "The ministry said air defences intercepted 30 UAVs over Tarrin overnight.",
    )
    assert [(f.status, f.about) for f in facts] == [("agree", "drones shot down")]


def test_a_common_figure_in_other_words_without_shared_context_stays_apart() -> None:
    """'3 killed' told in passing may be another event's toll: without shared words it is no agreement."""
    facts = _facts(
        "Gunmen attacked a checkpoint outside Dorrel at dawn, and 3 people were killed.",
        "Last spring a landslide buried the road to the quarry, where 3 people died.",
    )
    assert all(f.status == "single" for f in facts)


def test_killed_and_injured_with_the_same_number_never_group() -> None:
    facts = _facts(
        "The bus overturned near Carrow Bridge and 12 people were killed, police said.",
        "Police said 12 people were injured when the bus overturned near Carrow Bridge.",
    )
    assert sorted((f.status, f.about) for f in facts) == [("single", "people injured"), ("single", "people killed")]


def test_a_more_than_figure_agrees_with_a_larger_one() -> None:
    facts = _facts(
        "More than 40 people were injured when the roof of the Velmar market hall gave way.",
        "Hospital staff said 43 people were wounded when the Velmar market hall roof collapsed.",
    )
    assert [(f.status, f.value, len(f.mentions)) for f in facts] == [("agree", 43, 2)]
    assert facts[0].about == "people injured"


def test_two_different_counted_things_never_conflict() -> None:
    facts = _facts(
        "Fourteen crew members were injured when the tanker Solace ran aground off Keld Point.",
        "When the tanker Solace ran aground off Keld Point, 16 passengers were injured.",
    )
    assert all(f.status != "conflict" for f in facts)


def test_a_rival_count_of_the_same_claim_still_conflicts() -> None:
    facts = _facts(
        "Officials said 14 workers were injured when the scaffold at the Orrin depot fell.",
        "Officials said 16 workers were injured when the scaffold at the Orrin depot fell.",
    )
    assert [(f.status, f.about) for f in facts] == [("conflict", "workers injured")]
