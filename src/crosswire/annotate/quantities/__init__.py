"""Quantities: amounts with their unit or counted thing, qualifier and change.

The path of a number through this package, one module a step, each using
only the ones before it:

1. ``numbers``     find every number, in digits or words, with its value (vague ones as ranges);
2. ``amounts``     drop the numbers that name, order or date something (years, times, scores, names);
3. ``reading``     read each amount's context: sign and currency, scale word (``units``), a range
                   (``ranges``), the qualifier and change before it (``qualifiers``), the unit after it
                   (the ``units`` registry) or, failing one, the thing it counts (``counted``), or an age
                   (``ages``);
4. ``ellipsis``    give a bare number the unit a neighbour left unsaid ("300 homes and 450 this year");
5. ``grammar``     read from the dependency parse of the amount's sentence what it counts ("prisoners of
                   war") and what happened to it ("exchanged"): the stage does this step, ``find_quantities``
                   (the scanner alone) does not;
6. ``figures``     with the article's entities and that parse, the stage leaves out amounts that count
                   nothing the story reports: a number inside a name ("the 1967 Six Day War"), the pronoun
                   "one" ("the only one who"), a definite count restating what was named ("the two
                   ministries").  The scanner keeps them: they are amounts as written.
7. ``ranks``       the stage also reads ranks ("the fifth patrol", "his 16th straight win"), a figure of
                   their own kind (``Quantity.ordinal``), with what is ranked read from the parse; the
                   scanner reads none, as the quantity benchmarks count none.
8. ``scores``      and, after the parse (they need none), the final scores and win-loss records ``amounts``
                   left out ("a 34-6 win", "Carrow (12-3)"), each pair as two figures of their own kind
                   (``Quantity.tally``); the scanner reads none either.

Every word list and table is data in ``lexicons/`` (``crosswire.lexicon``), each entry with an example
sentence that ``examples`` checks the scanner reads as the entry says.  Steps 1–4 load no model: they read
word shapes, which keeps them fast enough for every number; step 5 parses only the sentences that hold an
amount.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from crosswire.annotate.quantities import amounts, ellipsis, figures, grammar, numbers, ranks, scores
from crosswire.annotate.quantities.reading import read_quantity
from crosswire.model import Annotations, Article, Quantity
from crosswire.workers import batched

__all__ = ["QuantityStage", "find_quantities"]


class QuantityStage:
    """Fills ``Annotations.quantities`` from the article text, each with its counted thing and predicate."""

    name = "quantities"
    requires = frozenset({"text"})
    assigns = frozenset({"quantities"})

    def __call__(self, article: Article) -> Article:
        return next(iter(self.pipe([article])))

    def pipe(self, articles: Iterable[Article], batch_size: int = 64) -> Iterator[Article]:
        """Scan each article, then parse the sentences holding amounts a batch of articles at a time."""
        for batch in batched(articles, batch_size):
            yield from _with_quantities(batch)


def _with_quantities(articles: list[Article]) -> Iterator[Article]:
    if not articles:
        return
    scanned = [
        (
            article.text,
            _with_ranks(
                figures.figures_of(
                    article.text,
                    find_quantities(article.text),
                    article.annotations.entities if article.annotations else (),
                ),
                ranks.find_ranks(article.text),
            ),
            article.annotations.sentences if article.annotations else (),
        )
        for article in articles
    ]
    for article, quantities in zip(articles, grammar.add_claims_to_many(scanned), strict=True):
        annotations = article.annotations or Annotations()
        with_scores = sorted([*quantities, *scores.find_scores(article.text)], key=lambda q: q.start)
        yield dataclasses.replace(article, annotations=dataclasses.replace(annotations, quantities=tuple(with_scores)))


def _with_ranks(amounts_found: list[Quantity], ranks_found: list[Quantity]) -> list[Quantity]:
    """The amounts and the ranks outside them, in order of appearance."""
    outside = [r for r in ranks_found if not any(q.start < r.end and r.start < q.end for q in amounts_found)]
    return sorted([*amounts_found, *outside], key=lambda q: q.start)


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity stated in ``text``, in order of appearance."""
    spans = [span for span in numbers.find_number_spans(text) if not amounts.inside_phone_number(text, span)]
    quantities: list[Quantity] = []
    consumed_until = 0
    for index, span in enumerate(spans):
        if span.start < consumed_until or not amounts.is_amount(text, span):
            continue
        quantity = read_quantity(text, span, spans[index + 1 :])
        if quantity is None:
            continue
        quantities.append(quantity)
        consumed_until = quantity.end
    return ellipsis.lend_units(text, quantities)
