"""``crosswire eval stories``: cluster a dataset's articles and score against its events.

The clusterer is fed as the engine feeds it: in publication order, with
the annotations (entities, dates, quantities) the engine's pipeline adds
before clustering, and with near-duplicates placed in their original's
story instead of being clustered again.

Metrics (shared/data/README.md, stories sets): B-cubed precision/recall/F1
(per article: overlap of its predicted and gold cluster, averaged) and
pairwise precision/recall/F1 over all article pairs.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from crosswire.evaluate.scored import Scored
from crosswire.evaluate.split import Part, select, story_set_key
from crosswire.model import Article
from crosswire.stories.cluster import StoryClusterer, day_number


def _f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, float]:
    """B-cubed scores of a clustering; both map item → cluster label."""
    items = list(gold)
    predicted_sizes = Counter(predicted[i] for i in items)
    gold_sizes = Counter(gold[i] for i in items)
    both = Counter((predicted[i], gold[i]) for i in items)
    precision = sum(both[predicted[i], gold[i]] / predicted_sizes[predicted[i]] for i in items) / len(items)
    recall = sum(both[predicted[i], gold[i]] / gold_sizes[gold[i]] for i in items) / len(items)
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall)}


def pairwise(predicted: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, float]:
    """Pairwise scores: a pair is positive when both items share a cluster."""
    items = list(gold)

    def pairs(counts: Counter[Any]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    true_positive = pairs(Counter((predicted[i], gold[i]) for i in items))
    predicted_pairs = pairs(Counter(predicted[i] for i in items))
    gold_pairs = pairs(Counter(gold[i] for i in items))
    precision = true_positive / predicted_pairs if predicted_pairs else 1.0
    recall = true_positive / gold_pairs if gold_pairs else 1.0
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall)}


def load_records(dataset_dir: Path) -> list[dict[str, Any]]:
    path = Path(dataset_dir) / "articles.jsonl"
    if not path.is_file():
        raise FileNotFoundError(
            f"{path}: no articles.jsonl here; expected a stories set such as ../shared/data/stories/giveme5w1h-dev"
        )
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def in_publication_order(records: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Stable sort by publication day; undated records keep their file position among themselves."""
    if all(day_number(r.get("published")) is None for r in records):
        return list(records)
    dated = sorted(
        (r for r in records if day_number(r.get("published")) is not None), key=lambda r: str(r["published"])
    )
    undated = [r for r in records if day_number(r.get("published")) is None]
    return dated + undated


def record_to_article(record: Mapping[str, Any], position: int) -> Article:
    """An Article without the record's id: ECB+ ids spell out the gold topic."""
    return Article(
        id=f"doc-{position}",
        kind="record",
        origin="articles.jsonl",
        text=str(record.get("text") or ""),
        title=record.get("title"),
        published=record.get("published"),
        publisher=record.get("source"),
        url=record.get("url"),
    )


def annotated(articles: list[Article]) -> list[Article]:
    """The articles with the annotations the engine adds before clustering."""
    from crosswire.annotate import default_stages
    from crosswire.pipeline import Pipeline
    from crosswire.workers import default_processes

    return list(Pipeline(default_stages(), processes=default_processes()).pipe(articles))


def cluster_records(records: Sequence[dict[str, Any]], annotate: bool = True) -> dict[int, str]:
    """Record position → story id, feeding records in publication order."""
    from crosswire.stories.dedupe import DuplicateIndex

    positions = {id(r): i for i, r in enumerate(records)}
    articles: list[Article] = []
    position_of: dict[str, int] = {}
    for record in in_publication_order(records):
        article = record_to_article(record, positions[id(record)])
        articles.append(article)
        position_of[article.id] = positions[id(record)]
    if annotate:
        articles = annotated(articles)
    clusterer = StoryClusterer()
    duplicates = DuplicateIndex()
    story_of: dict[str, str] = {}
    for article in articles:
        match = duplicates.add_signature(article.id, DuplicateIndex.signature(article.text))
        story_of[article.id] = story_of[match.original] if match is not None else clusterer.assign(article)
    return {position_of[article_id]: story for article_id, story in story_of.items()}


def _bcubed_by_article(predicted: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, tuple[float, float]]:
    """Each article's B-cubed precision and recall."""
    predicted_sizes = Counter(predicted[i] for i in gold)
    gold_sizes = Counter(gold.values())
    both = Counter((predicted[i], gold[i]) for i in gold)
    shared = {i: both[predicted[i], gold[i]] for i in gold}
    return {i: (shared[i] / predicted_sizes[predicted[i]], shared[i] / gold_sizes[gold[i]]) for i in gold}


#: One unit of the bootstrap: the articles of one story (or ECB+ topic) as (precision, recall) pairs.
StoryUnit = tuple[tuple[float, float], ...]


def _figures(units: Sequence[StoryUnit]) -> dict[str, Any]:
    articles = [article for unit in units for article in unit]
    precision = sum(p for p, _ in articles) / len(articles) if articles else 0.0
    recall = sum(r for _, r in articles) / len(articles) if articles else 0.0
    return {
        "task": "stories",
        "n": len(articles),
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
    }


def score_stories(dataset_dir: Path, part: Part = "all") -> Scored[StoryUnit]:
    """Cluster one part's articles (only them: the other part is not there to lean on) and score them."""
    split_key = story_set_key(dataset_dir)
    records = select(load_records(dataset_dir), part, split_key)
    assignment = cluster_records(records)
    gold = {str(i): str(r["event"]) for i, r in enumerate(records)}
    predicted = {str(i): story for i, story in assignment.items()}
    per_article = _bcubed_by_article(predicted, gold)
    grouped: dict[str, list[tuple[float, float]]] = {}
    for i, record in enumerate(records):
        grouped.setdefault(split_key(record), []).append(per_article[str(i)])
    units = [tuple(articles) for articles in grouped.values()]
    figures = {
        **_figures(units),
        "dataset": Path(dataset_dir).name,
        "part": part,
        "pairwise": pairwise(predicted, gold),
        "clusters": len(set(predicted.values())),
    }
    return Scored(figures, units, _figures)


def evaluate_stories(dataset_dir: Path, part: Part = "all") -> dict[str, Any]:
    return score_stories(dataset_dir, part).figures
