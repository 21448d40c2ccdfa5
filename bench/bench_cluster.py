"""Per-article assign time of StoryClusterer as it grows from 1,000 to 100,000 articles.

Synthetic stream: articles about many events drawn from a vocabulary, each
event active for a few days, so the index holds many stories and common terms.
Times are CPU time of this process, so that other work on a shared machine
does not show up as a slower clusterer.
Run: .venv/bin/python bench/bench_cluster.py [max_articles]
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta

from crosswire.model import Article
from crosswire.stories.cluster import StoryClusterer

VOCABULARY = [f"word{i}" for i in range(20_000)]
PLACES = [f"Place{i}" for i in range(3_000)]
PEOPLE = [f"Person{i}" for i in range(5_000)]


def _article(rng: random.Random, number: int, day: date) -> Article:
    event = number // 5 + rng.randrange(3)  # about five articles per event, overlapping
    event_rng = random.Random(event)
    event_words = event_rng.sample(VOCABULARY, 30)
    place, person = event_rng.choice(PLACES), event_rng.choice(PEOPLE)
    words = rng.sample(event_words, 20) + rng.sample(VOCABULARY, 40)
    rng.shuffle(words)
    text = f"The news from {place} today. Officials and {person} said " + " ".join(words) + "."
    return Article(f"a{number}", "record", "bench", text, title=" ".join(event_words[:6]), published=day.isoformat())


def main(limit: int = 100_000) -> None:
    rng = random.Random(7)
    clusterer = StoryClusterer()
    start_day = date(2024, 1, 1)
    checkpoints = [c for c in (1_000, 3_000, 10_000, 30_000, 100_000) if c <= limit]
    window_start = time.process_time()
    done = 0
    print(f"{'articles':>9} {'stories':>8} {'CPU ms/article (last span)':>28}")
    for checkpoint in checkpoints:
        span = checkpoint - done
        window_start = time.process_time()
        for number in range(done, checkpoint):
            clusterer.assign(_article(rng, number, start_day + timedelta(days=number // 300)))
        elapsed = time.process_time() - window_start
        done = checkpoint
        print(f"{checkpoint:>9,} {len(clusterer):>8,} {1000 * elapsed / span:>28.3f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
