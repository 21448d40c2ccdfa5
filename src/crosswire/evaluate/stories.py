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

    return list(Pipeline(default_stages()).pipe(articles))


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


def evaluate_stories(dataset_dir: Path) -> dict[str, Any]:
    records = load_records(dataset_dir)
    assignment = cluster_records(records)
    gold = {str(i): str(r["event"]) for i, r in enumerate(records)}
    predicted = {str(i): story for i, story in assignment.items()}
    scores = bcubed(predicted, gold)
    return {
        "task": "stories",
        "dataset": Path(dataset_dir).name,
        "n": len(records),
        **scores,
        "pairwise": pairwise(predicted, gold),
        "clusters": len(set(predicted.values())),
    }
