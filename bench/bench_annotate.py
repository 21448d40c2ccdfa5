"""Articles per second through the default annotation stages.

Usage: .venv/bin/python bench/bench_annotate.py [--articles 200] [--words 600]

The articles are built here from a small set of news-like sentences (no
external data), about ``--words`` words each, and run through
``Pipeline(default_stages()).pipe`` as the engine does.
"""

from __future__ import annotations

import argparse
import itertools
import time

from crosswire.annotate import default_stages
from crosswire.annotate.nlp import load_nlp
from crosswire.model import Article
from crosswire.pipeline import Pipeline

SENTENCES = (
    "Defense Minister Rustem Umerov said on Tuesday that more than 6,000 drones had reached the front.",
    '"We will rebuild every school in the valley," said Mayor Ana Ruiz of Lisbon.',
    "Exports rose by 4.5% in May to $5.2 billion, according to the statistics office.",
    "Between 10 and 12 people were hurt when the bridge over the river collapsed on March 3.",
    "The company, based in Denver, plans to hire about 1,200 workers over eighteen months.",
    "Rainfall of 3 to 4 inches is expected across the region tomorrow, forecasters warned.",
    "Prime Minister Keir Starmer met European leaders in Brussels last week to discuss energy prices.",
    "Nearly one-third of voters stayed home, down from 41 percent four years ago.",
)


def make_articles(count: int, words: int) -> list[Article]:
    cycle = itertools.cycle(SENTENCES)
    articles = []
    for number in range(count):
        parts: list[str] = []
        while sum(len(part.split()) for part in parts) < words:
            parts.append(next(cycle))
        text = " ".join(parts)
        articles.append(Article(id=f"a{number}", kind="record", origin="bench", text=text, published="2026-03-04"))
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--words", type=int, default=600)
    options = parser.parse_args()
    articles = make_articles(options.articles, options.words)
    load_started = time.perf_counter()
    load_nlp()
    load_seconds = time.perf_counter() - load_started
    pipeline = Pipeline(default_stages())
    started = time.perf_counter()
    done = sum(1 for _ in pipeline.pipe(articles))
    seconds = time.perf_counter() - started
    words = sum(len(a.text.split()) for a in articles)
    print(f"model load: {load_seconds:.2f} s")
    print(
        f"{done} articles of ~{options.words} words in {seconds:.2f} s: {done / seconds:.1f} articles/s, "
        f"{words / seconds:,.0f} words/s"
    )


if __name__ == "__main__":
    main()
