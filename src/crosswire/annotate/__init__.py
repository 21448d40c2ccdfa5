"""Annotation stages: entities, quantities, dates, quotes and the 5W1H frame.

``default_stages`` lists them in an order the pipeline accepts (quotes and
frame read the entities; the frame also reads dates and sentences).
"""

from __future__ import annotations

from crosswire.annotate.dates import DateStage, find_dates
from crosswire.annotate.entities import EntityStage
from crosswire.annotate.frame import FrameStage
from crosswire.annotate.nlp import load_nlp, load_parser
from crosswire.annotate.quantities import QuantityStage, find_quantities
from crosswire.annotate.quotes import QuoteStage, find_quotes
from crosswire.model import Annotations, Article
from crosswire.pipeline import Pipeline, Stage
from crosswire.sources.chars import surrogates_replaced

__all__ = [
    "DateStage",
    "EntityStage",
    "FrameStage",
    "QuantityStage",
    "QuoteStage",
    "annotate_text",
    "default_stages",
    "find_dates",
    "find_quantities",
    "find_quotes",
    "load_models",
]


def default_stages() -> list[Stage]:
    """Every annotation stage, in dependency order."""
    return [EntityStage(), QuantityStage(), DateStage(), QuoteStage(), FrameStage()]


def load_models() -> None:
    """Load the spaCy pipelines the stages read (they load on first use otherwise), so that worker
    processes started afterwards share them instead of each loading its own."""
    load_nlp()
    load_parser()


def annotate_text(id: str, text: str, published: str | None) -> Annotations:
    """Annotations of one text, as the ``crosswire annotate`` command gives them.

    A lone surrogate (which no UTF-8 output can hold) is read as U+FFFD, one character for one, so
    the spans index ``text`` as given; a mention's own text has U+FFFD in its place.
    """
    article = Article(id=id, kind="record", origin=id, text=surrogates_replaced(text), published=published)
    annotated = Pipeline(default_stages())(article)
    return annotated.annotations or Annotations()
