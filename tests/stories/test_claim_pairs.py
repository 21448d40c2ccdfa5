"""Claim pairs written here: two outlets' sentences about one fictional story, and what an editor would say of
one figure in each (``data/claim_pairs.jsonl``: agree, conflict, or apart).

The pairs were written for this project by helpers who saw no evaluation set: paraphrased agreements, rival
tolls and measures, ages, money, moves of shares, dates, figures of another event, parts and wholes, vague
words, ranges, running totals.  Corroboration finds only some of the agreements and conflicts (recall is the
work of issue 12); what it must never do is show a conflict that is not one, which a journalist would take for
a dispute between outlets.  Pairs whose id starts with A were read while debugging corroboration; those with B
only scored (their failures are counted, not read), so that B keeps telling how rules do on pairs not fitted.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from crosswire.annotate import default_stages
from crosswire.model import Article, Fact
from crosswire.pipeline import Pipeline
from crosswire.stories.corroborate import corroborate

PAIRS = [json.loads(line) for line in (Path(__file__).parent / "data" / "claim_pairs.jsonl").open(encoding="utf-8")]
PUBLISHED = "2026-11-09T08:00:00"


@cache
def _pipeline() -> Pipeline:
    return Pipeline(default_stages())


def _fact_of(facts: tuple[Fact, ...], article: str, text: str, figure: str) -> Fact | None:
    start = text.index(figure)
    end = start + len(figure)
    return next(
        (f for f in facts for m in f.mentions if m.article == article and m.start < end and start < m.end), None
    )


def _verdict(pair: dict[str, str]) -> str:
    """What corroboration shows for the pair's two figures: "agree", "conflict", or "apart"."""
    first, second = _pipeline().pipe(
        [Article(name, "record", "claim pairs", pair[name], published=PUBLISHED) for name in ("a", "b")]
    )
    facts = corroborate([first, second], {"a": "outlet-one", "b": "outlet-two"})
    fact_a, fact_b = _fact_of(facts, "a", pair["a"], pair["fa"]), _fact_of(facts, "b", pair["b"], pair["fb"])
    if fact_a is None or fact_a is not fact_b or fact_a.status not in ("agree", "conflict"):
        return "apart"
    return fact_a.status


def test_the_pairs_are_well_formed() -> None:
    assert len(PAIRS) >= 150 and len({p["id"] for p in PAIRS}) == len(PAIRS)
    for pair in PAIRS:
        assert pair["expect"] in ("agree", "conflict", "apart")
        assert pair["a"].count(pair["fa"]) == 1 and pair["b"].count(pair["fb"]) == 1, pair["id"]


@pytest.mark.parametrize("pair", [p for p in PAIRS if p["expect"] != "conflict"], ids=lambda p: p["id"])
def test_no_conflict_is_shown_where_an_editor_sees_none(pair: dict[str, str]) -> None:
    assert _verdict(pair) != "conflict", pair["why"]


def test_some_agreements_and_conflicts_are_found() -> None:
    """A floor well below what was found when the pairs came in (22 of 60 agreements, 9 of 50 conflicts at stop
    36; 26 and 10 at stop 37), so that a change that stops finding them fails here rather than in a figure nobody
    reads."""
    found = {kind: sum(_verdict(p) == kind for p in PAIRS if p["expect"] == kind) for kind in ("agree", "conflict")}
    assert found["agree"] >= 15 and found["conflict"] >= 5, found
