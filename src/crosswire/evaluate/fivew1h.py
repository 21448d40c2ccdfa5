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
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crosswire.evaluate.scored import Scored
from crosswire.evaluate.split import Part, select
from crosswire.model import Article, Frame
from crosswire.pipeline import Pipeline
from crosswire.workers import default_processes

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


@dataclass(frozen=True)
class ArticleAnswers:
    """Per question of one article: asked (gold has a phrase), answered, right."""

    asked: Counter[str]
    answered: Counter[str]
    right: Counter[str]


def _figures(articles: Sequence[ArticleAnswers]) -> dict[str, Any]:
    asked: Counter[str] = sum((a.asked for a in articles), Counter())
    answered: Counter[str] = sum((a.answered for a in articles), Counter())
    right: Counter[str] = sum((a.right for a in articles), Counter())
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
        "n": len(articles),
        "precision": pooled(CORE_QUESTIONS, answered),
        "accuracy": pooled(CORE_QUESTIONS, asked),
        "precision_all": pooled(QUESTIONS, answered),
        "per_question": per_question,
        "rule": f"top answer right when token F1 >= {RIGHT_AT} with a gold phrase; empty gold lists left out",
    }


def _judge(record: dict[str, Any], frame: Frame | None) -> ArticleAnswers:
    answers = ArticleAnswers(Counter(), Counter(), Counter())
    for question in QUESTIONS:
        gold = [phrase for phrase in record.get(question, []) if phrase.strip()]
        if not gold:
            continue
        answers.asked[question] += 1
        ours = getattr(frame, question) if frame else ()
        if not ours:
            continue
        answers.answered[question] += 1
        if max(token_f1(ours[0], phrase) for phrase in gold) >= RIGHT_AT:
            answers.right[question] += 1
    return answers


def score_fivew1h(dataset_dir: Path, part: Part = "all", limit: int | None = None) -> Scored[ArticleAnswers]:
    from crosswire.annotate import default_stages

    gold_path = dataset_dir / "gold.jsonl"
    if not gold_path.is_file():
        raise FileNotFoundError(f"{gold_path}: not found; expected a set such as ../shared/data/fivew1h/giveme5w1h-dev")
    lines = gold_path.read_text(encoding="utf-8").splitlines()
    records = select((json.loads(line) for line in lines if line.strip()), part)[:limit]
    articles = [
        Article(id=r["id"], kind="record", origin=str(gold_path), text=f"{r['title']}\n\n{r['text']}",
                title=r["title"], published=r.get("published"))
        for r in records
    ]  # fmt: skip
    judged = [
        _judge(record, article.annotations.frame if article.annotations else None)
        for record, article in zip(
            records, Pipeline(default_stages(), processes=default_processes()).pipe(articles), strict=True
        )
    ]
    return Scored({**_figures(judged), "dataset": dataset_dir.name, "part": part}, judged, _figures)


def evaluate_fivew1h(dataset_dir: Path, limit: int | None = None, part: Part = "all") -> dict[str, Any]:
    return score_fivew1h(dataset_dir, part, limit).figures
