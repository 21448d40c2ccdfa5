"""Throughput and peak memory of the numpy sentence encoder (all-MiniLM-L6-v2).

Sentences are short news-like lines (8-30 words); articles are a title plus
the first ~120 words of a body, which fills the encoder's 128 word pieces.
Both are synthetic, generated here from a fixed seed.  Rates are wall clock,
since numpy's BLAS spreads each matmul over the machine's cores; the load
average is printed first because other busy processes on a 2-core machine
slow a multi-threaded BLAS down far more than their share (its threads spin
waiting for each other); OPENBLAS_NUM_THREADS=1 is the remedy on a busy machine.
Run: .venv/bin/python bench/bench_encoder.py [sentences] [articles]
"""

from __future__ import annotations

import os
import random
import resource
import sys
import time
from collections.abc import Sequence

from crosswire.semantics import SentenceEncoder, default_encoder

SUBJECTS = [
    "The ministry",
    "Rescuers",
    "The central bank",
    "Police",
    "The mayor of Port Aldane",
    "Health officials",
    "The airline",
    "Striking dockworkers",
    "The coast guard",
    "Investors",
    "Engineers",
    "Voters",
]
VERBS = ["said", "confirmed", "denied", "announced", "warned", "reported", "estimated", "rejected", "approved"]
OBJECTS = [
    "that 472 drones were launched overnight",
    "a rise of half a point in the key rate",
    "the ferry ran aground shortly after midnight",
    "12 miners were pulled from the flooded shaft",
    "new measures for housing in the northern province",
    "the closure of the coastal road for a third day",
    "a tentative deal to end the 47-day port strike",
    "cracks in two support beams of the old bridge",
]
FILLER = [
    "on Tuesday",
    "after days of talks",
    "according to a spokesperson",
    "despite heavy rain",
    "in a statement",
    "as the river crested at 8.4 metres",
    "while aid groups urged caution",
]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS)]
    words += rng.sample(FILLER, rng.randrange(0, 4))
    return " ".join(words) + "."


def _article(rng: random.Random) -> str:
    title = _sentence(rng).rstrip(".")
    body: list[str] = []
    while sum(len(s.split()) for s in body) < 120:
        body.append(_sentence(rng))
    return title + "\n" + " ".join(" ".join(body).split()[:120])


def _rate(encoder: SentenceEncoder, texts: Sequence[str], batch_size: int) -> float:
    encoder.encode(texts[: max(batch_size, 4)], batch_size=batch_size)  # warm the BLAS threads and caches
    start = time.perf_counter()
    encoder.encode(texts, batch_size=batch_size)
    return len(texts) / (time.perf_counter() - start)


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def main(sentences: int = 512, articles: int = 256) -> None:
    rng = random.Random(11)
    short = [_sentence(rng) for _ in range(sentences)]
    long = [_article(rng) for _ in range(articles)]
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    before = _peak_mib()
    start = time.perf_counter()
    encoder = default_encoder()
    print(f"model load: {time.perf_counter() - start:.2f} s, peak RSS {before:.0f} MiB before, {_peak_mib():.0f} after")
    print(f"{'batch':>5} {'sentences/s':>12} {'articles/s':>11}")
    for batch_size in (1, 16, 64):
        print(f"{batch_size:>5} {_rate(encoder, short, batch_size):>12.1f} {_rate(encoder, long, batch_size):>11.1f}")
    print(f"peak RSS: {_peak_mib():.0f} MiB; load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    main(*args)
