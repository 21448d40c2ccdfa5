"""5W1H frame evaluation on the Giveme5W1H gold standard (shared/data/README.md).

The origin scored answers by human judgement; here a question counts as
right when our top answer's token F1 with one of the annotated phrases is at
least 0.5 (issue 4).  Questions whose gold list is empty have no answer to
judge and are left out.  ``precision`` is over the questions we answered;
``accuracy`` also counts a question we left unanswered as wrong.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from crosswire.model import Article
from crosswire.pipeline import Pipeline

QUESTIONS = ("who", "what", "when", "where", "why", "how")
#: The four questions the issue's target is about.
CORE_QUESTIONS = ("who", "what", "when", "where")
RIGHT_AT = 0.5


def token_f1(answer: str, gold: str) -> float:
    """Bag-of-tokens F1 of two phrases (lower-cased word tokens)."""
    ours, theirs = Counter(_tokens(answer)), Counter(_tokens(gold))
    common = sum((ours & theirs).values())
    if common == 0:
        return 0.0
    precision, recall = common / sum(ours.values()), common / sum(theirs.values())
    return 2 * precision * recall / (precision + recall)


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def evaluate_fivew1h(dataset_dir: Path, limit: int | None = None) -> dict[str, Any]:
    from crosswire.annotate import default_stages

    gold_path = dataset_dir / "gold.jsonl"
    if not gold_path.is_file():
        raise FileNotFoundError(f"{gold_path}: not found; expected a set such as ../shared/data/fivew1h/giveme5w1h-dev")
    records = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = records[:limit] if limit is not None else records
    articles = [
        Article(id=r["id"], kind="record", origin=str(gold_path), text=f"{r['title']}\n\n{r['text']}",
                title=r["title"], published=r.get("published"))
        for r in records
    ]  # fmt: skip
    answered: Counter[str] = Counter()
    right: Counter[str] = Counter()
    asked: Counter[str] = Counter()
    for record, article in zip(records, Pipeline(default_stages()).pipe(articles), strict=True):
        frame = article.annotations.frame if article.annotations else None
        for question in QUESTIONS:
            gold = [phrase for phrase in record.get(question, []) if phrase.strip()]
            if not gold:
                continue
            asked[question] += 1
            ours = getattr(frame, question) if frame else ()
            if not ours:
                continue
            answered[question] += 1
            if max(token_f1(ours[0], phrase) for phrase in gold) >= RIGHT_AT:
                right[question] += 1
    per_question = {
        q: {
            "asked": asked[q],
            "answered": answered[q],
            "right": right[q],
            "precision": right[q] / answered[q] if answered[q] else 0.0,
            "accuracy": right[q] / asked[q] if asked[q] else 0.0,
        }
        for q in QUESTIONS
    }

    def pooled(questions: tuple[str, ...], over: Counter[str]) -> float:
        total = sum(over[q] for q in questions)
        return sum(right[q] for q in questions) / total if total else 0.0

    return {
        "task": "fivew1h",
        "dataset": dataset_dir.name,
        "n": len(records),
        "precision": pooled(CORE_QUESTIONS, answered),
        "accuracy": pooled(CORE_QUESTIONS, asked),
        "precision_all": pooled(QUESTIONS, answered),
        "per_question": per_question,
        "rule": f"top answer right when token F1 >= {RIGHT_AT} with a gold phrase; empty gold lists left out",
    }
