"""Word helpers shared by dedupe, clustering and corroboration."""

from __future__ import annotations

from crosswire.model import Annotations, Article, Quantity
from crosswire.stories.corroborate import corroborate
from crosswire.stories.text import stem


def test_a_possessive_is_its_noun_whichever_apostrophe_is_typed() -> None:
    assert stem("harbour’s") == stem("harbour's") == stem("harbour")
    assert stem("don’t") == stem("don't")


def _article(article_id: str, text: str, written: str, value: float, unit: str) -> Article:
    start = text.index(written)
    quantity = Quantity(written, start, start + len(written), value, None, unit, None)
    return Article(article_id, "record", "test", text, annotations=Annotations(quantities=(quantity,)))


def test_two_outlets_sharing_words_only_as_possessives_agree() -> None:
    # The words around the figure are the same nouns, one outlet writing them as possessives with a curly
    # apostrophe: without the fold they share none, and the two reports of one figure stayed apart.
    a = _article("a", "In the storm’s worst hour the harbour’s night crew saved 7 containers from the quay’s edge.",
                 "7 containers", 7, "containers")  # fmt: skip
    b = _article("b", "Officials praised how a harbour night crew had hauled 7 containers off a quay in the storm.",
                 "7 containers", 7, "containers")  # fmt: skip
    facts = corroborate([a, b], {"a": "one outlet", "b": "another outlet"})
    assert [fact.status for fact in facts] == ["agree"]
