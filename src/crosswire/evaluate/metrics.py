"""Metric helpers shared by the evaluation tasks.

Each function reproduces the scoring of a published benchmark (named in
``/work/shared/data/README.md``) so our figures compare with the figures
others report on the same data.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+", re.UNICODE)
_SPACES = re.compile(r"\s+")


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    """Counted ``size``-token shingles of ``text``; a text shorter than
    ``size`` tokens gives one short shingle (as the ScrapingHub benchmark does)."""
    tokens = _TOKEN.findall(text or "")
    grams = [tuple(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1))]
    return Counter(gram for gram in grams if gram)


@dataclass(frozen=True, slots=True)
class ShingleMatch:
    """TP/FP/FN of one document, normalised so that they sum to 1."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float | None:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp > 0 else None

    @property
    def recall(self) -> float | None:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn > 0 else None


def shingle_match(gold: str, predicted: str, size: int = 4) -> ShingleMatch:
    gold_counts, predicted_counts = shingles(gold, size), shingles(predicted, size)
    tp = fp = fn = 0
    for gram in gold_counts.keys() | predicted_counts.keys():
        expected, got = gold_counts[gram], predicted_counts[gram]
        tp += min(expected, got)
        fp += max(0, got - expected)
        fn += max(0, expected - got)
    total = tp + fp + fn
    if total == 0:
        return ShingleMatch(0.0, 0.0, 0.0)
    return ShingleMatch(tp / total, fp / total, fn / total)


def harmonic_mean(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b > 0 else 0.0


def _mean(values: Iterable[float | None]) -> float:
    kept = [value for value in values if value is not None]
    return sum(kept) / len(kept) if kept else 0.0


def shingle_scores(matches: Sequence[ShingleMatch]) -> dict[str, float]:
    """Precision and recall averaged over documents, F1 their harmonic mean."""
    precision = _mean(match.precision for match in matches)
    recall = _mean(match.recall for match in matches)
    return {"precision": precision, "recall": recall, "f1": harmonic_mean(precision, recall)}


def normalise_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


@dataclass(slots=True)
class SnippetCounts:
    """Pooled counts of trafilatura's must-contain / must-not-contain check."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def add(self, output: str | None, with_snippets: Sequence[str], without_snippets: Sequence[str]) -> None:
        text = normalise_spaces(output or "")
        if not text:
            # An empty output (or a crash) misses every wanted snippet and,
            # trivially, contains none of the unwanted ones.
            self.fn += len(with_snippets)
            self.tn += len(without_snippets)
            return
        for snippet in with_snippets:
            if normalise_spaces(snippet) in text:
                self.tp += 1
            else:
                self.fn += 1
        for snippet in without_snippets:
            if normalise_spaces(snippet) in text:
                self.fp += 1
            else:
                self.tn += 1

    @classmethod
    def pooled(cls, documents: Iterable[SnippetCounts]) -> SnippetCounts:
        """The counts of several documents added up, as the origin pools them."""
        total = cls()
        for counts in documents:
            total.tp, total.fn, total.fp, total.tn = (
                total.tp + counts.tp, total.fn + counts.fn, total.fp + counts.fp, total.tn + counts.tn
            )
        return total

    def scores(self) -> dict[str, float]:
        total = self.tp + self.fn + self.fp + self.tn
        return {
            "precision": self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0,
            "recall": self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0,
            "accuracy": (self.tp + self.tn) / total if total else 0.0,
            "f1": 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0,
        }


@dataclass(slots=True)
class DateCounts:
    """htmldate's counts: TP exact match, FP another date, FN no date found.

    Pages whose gold date is null are counted apart (``null_gold_*``) and
    left out of every score, because the origin can never score them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    null_gold_no_date: int = 0
    null_gold_some_date: int = 0

    def add(self, gold: str | None, predicted: str | None) -> None:
        if gold is None:
            if predicted is None:
                self.null_gold_no_date += 1
            else:
                self.null_gold_some_date += 1
        elif predicted is None:
            self.fn += 1
        elif predicted[:10] == gold:
            self.tp += 1
        else:
            self.fp += 1

    @classmethod
    def pooled(cls, pages: Iterable[DateCounts]) -> DateCounts:
        total = cls()
        for counts in pages:
            total.tp += counts.tp
            total.fp += counts.fp
            total.fn += counts.fn
            total.null_gold_no_date += counts.null_gold_no_date
            total.null_gold_some_date += counts.null_gold_some_date
        return total

    def scores(self) -> dict[str, float]:
        scored = self.tp + self.fp + self.fn
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return {
            "accuracy": self.tp / scored if scored else 0.0,
            "precision": precision,
            "recall": recall,
            "f1": harmonic_mean(precision, recall),
        }
