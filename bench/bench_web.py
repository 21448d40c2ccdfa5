"""Web speed (issue 15): requests/s and p50/p99 latency of the pages on a store of 10,000 articles.

Usage: .venv/bin/python bench/bench_web.py [--articles N] [--requests N] [--concurrency K] [--db PATH]

1. N generated fictional articles (10,000 by default; JSON records written here: a dozen reports
   from different outlets per event, the event's sentences in each report's own order, about one
   in four with another figure, so stories have contested facts; the clusterer joins some events,
   so a few stories are large: the story figures are also printed for stories up to 50 articles
   and larger ones apart) are ingested with ``crosswire ingest`` (the engine,
   ``Engine.ingest``, in one process) into a temporary SQLite store.  With ``--db PATH`` the store
   is kept there, and a store already there is reused as it is (not ingested again, not timed).
2. ``crosswire serve --workers W`` starts on a free loopback port, as a user would start it (W: one
   server process per CPU by default, ``--workers``).
3. Each endpoint is driven by K client threads (4 by default) sharing a bounded queue of
   ``--requests`` requests (400 by default) after 20 warm-up requests: the story list (pages,
   sorts and filters), story pages (and the contested view), article pages (with a highlighted
   span) and search (one or two words, pages).  Latency is measured at the client, per request.

The targets, printed beside the figures (and never asserted in a timed test): p99 under 100 ms
for story pages, under 200 ms for search.  Times are wall seconds on a shared machine: the load
average is printed before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from queue import Empty, Queue
from urllib.parse import quote

import httpx

#: Targets from issue 15: p99 latency in milliseconds per endpoint (None: printed, no target).
TARGETS: dict[str, float | None] = {"list": None, "story": 100.0, "article": None, "search": 200.0}
WARM_UP = 20

_OUTLETS = tuple(
    f"{a} {b}"
    for a in ("Harbour", "Valley", "Coastal", "Northern", "Civic", "Evening", "Morning", "Island", "Metro", "Lakeside")
    for b in ("Daily", "Post", "Tribune", "Courier", "Herald", "Gazette")
)
_SYLLABLES = ("port", "ald", "kes", "mar", "ebb", "lind", "or", "tess", "val", "brook", "ham", "wick", "ford", "ren")
_FIRST = ("Lena", "Tomas", "Ines", "Marek", "Alba", "Jonas", "Sari", "Piet", "Oona", "Rafael", "Mira", "Anders")
_LAST = ("Kovac", "Ferrand", "Olsted", "Brannock", "Duarte", "Velloso", "Hartig", "Simmonds", "Lark", "Quist")
_EVENTS = (
    ("flood", "homes were flooded", "residents were moved to shelters"),
    ("fire", "hectares of forest burned", "firefighters were sent"),
    ("strike", "bus drivers walked out", "routes were cancelled"),
    ("storm", "trees fell across roads", "households lost power"),
    ("ferry grounding", "passengers were taken off the ferry", "crew members were treated"),
    ("bridge closure", "lorries were diverted", "commuters were delayed"),
    ("factory fire", "workers were evacuated", "fire engines attended"),
    ("landslide", "houses were damaged", "people were rescued"),
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _place(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(2)) + rng.choice(("a", "el", "ine", "on", "ust", "ery"))


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def article_record(number: int, per_event: int = 12) -> dict[str, object]:
    """A fictional report: ``per_event`` outlets report each event, with their own words and figures."""
    event = number // per_event
    erng = random.Random(event)
    place, official, site, river = _place(erng), _person(erng), _place(erng), _place(erng)
    kind, counted, second = erng.choice(_EVENTS)
    first_count, second_count = erng.randint(20, 900), erng.randint(3, 60)
    day = erng.choice(_DAYS)
    # Two events a day: enough apart in time and words to be told apart by the clusterer.
    published = date(2024, 1, 1) + timedelta(days=event // 2)
    rng = random.Random(number * 7919 + 7)
    outlet = _OUTLETS[(event * 7 + number % per_event) % len(_OUTLETS)]
    # About one outlet in four has another figure: a contested fact for the story.
    told = first_count if rng.random() < 0.75 else first_count + rng.randint(5, 40)
    # Made-up words of this event's own, so that events differ in more than names and figures.
    w = [_word(erng) for _ in range(10)]
    sentences = [
        f"{told} {counted} in {place} after the {kind} at the {site} {w[0]} on {day}, officials said.",
        f"{second_count} {second} near the {river} {w[1]}, according to {official} of the {w[2]} office.",
        f'"We have not seen a {w[3]} {kind} on the {river} for {erng.randint(10, 40)} years," {official} said.',
        f"The {w[4]} council of {place} will meet about the {site} {w[0]} and the {w[5]} {w[6]}.",
        f"Roads between {place} and {site} stayed closed for {erng.randint(2, 30)} hours, the {w[7]} said.",
        f"{_person(erng)}, who runs a {w[8]} shop on {site} Street, said the {w[9]} had been warned.",
    ]
    rng.shuffle(sentences)
    text = "\n\n".join(" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2))
    verbs = ("hits", "strikes", "leaves damage in", "disrupts")
    return {
        "id": f"web-{number:06d}",
        "source": outlet,
        "author": _person(rng),
        "url": f"https://{outlet.lower().replace(' ', '-')}.example/{event}/{number}",
        "title": f"{kind.capitalize()} {rng.choice(verbs)} {place} near the {river}: {told} {counted.split()[0]}",
        "published": f"{published.isoformat()}T{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}:00",
        "text": text,
    }


def write_records(folder: Path, count: int) -> list[str]:
    """The records as JSONL files of 1,000 lines each."""
    paths = []
    for first in range(0, count, 1000):
        path = folder / f"articles-{first // 1000:03d}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for number in range(first, min(count, first + 1000)):
                out.write(json.dumps(article_record(number)) + "\n")
        paths.append(str(path))
    return paths


def load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def crosswire_command() -> list[str]:
    return [str(Path(sys.executable).with_name("crosswire"))]


def stored_count(db: str) -> int:
    from crosswire.store import open_store

    store = open_store(db)
    try:
        return store.count_articles()
    finally:
        store.close()


def build_store(db: str, count: int) -> None:
    if Path(db).exists():
        # Some generated texts come out alike and are stored once: the count is a little under N.
        print(f"store: reusing {db} with {stored_count(db):,} articles (not ingested again)")
        return
    with tempfile.TemporaryDirectory(prefix="bench-web-records-") as tmp:
        paths = write_records(Path(tmp), count)
        print(f"ingesting {count:,} generated articles with `crosswire ingest` into {db}; load {load()}", flush=True)
        started = time.perf_counter()
        result = subprocess.run([*crosswire_command(), "--db", db, "ingest", *paths],
                                capture_output=True, text=True, check=False)  # fmt: skip
        seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"crosswire ingest failed ({result.returncode}): {result.stderr[-2000:]}")
    print(f"  {stored_count(db):,} articles stored in {seconds:.0f} s ({count / seconds:.1f} articles/s); "
          f"load {load()}")  # fmt: skip


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(db: str, workers: int) -> Iterator[str]:
    port = free_port()
    server = subprocess.Popen([*crosswire_command(), "--db", db, "serve", "--host", "127.0.0.1", "--port", str(port),
                               "--workers", str(workers)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/api/stories?per_page=1", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                error = server.stderr.read().decode() if server.stderr else ""
                raise SystemExit(f"crosswire serve did not start: {error[-2000:]}")
            time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


@dataclass
class Figures:
    name: str
    requests: int
    seconds: float
    latencies: list[float]
    failures: int
    #: (path, seconds) of every request, for the figures by story size.
    timed: list[tuple[str, float]]

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def drive(base: str, name: str, paths: list[str], concurrency: int) -> Figures:
    """GET every path once with ``concurrency`` threads; the queue bounds what is in flight."""
    queue: Queue[str] = Queue()
    for path in paths:
        queue.put(path)
    latencies: list[float] = []
    timed: list[tuple[str, float]] = []
    failures: list[str] = []
    lock = threading.Lock()

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            while True:
                try:
                    path = queue.get_nowait()
                except Empty:
                    return
                started = time.perf_counter()
                try:
                    status = str(client.get(path).status_code)
                except httpx.HTTPError as error:  # a timeout is a figure, not the end of the bench
                    status = type(error).__name__
                spent = time.perf_counter() - started
                with lock:
                    latencies.append(spent)
                    timed.append((path, spent))
                    if status != "200":
                        failures.append(f"{path} -> {status}")

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    if failures:
        print(f"  {name}: {len(failures)} failed, e.g. {failures[:3]}")
    return Figures(name, len(paths), seconds, latencies, len(failures), timed)


#: Story page path -> the number of articles in the story (filled by request_paths).
STORY_SIZES: dict[str, int] = {}
#: Stories up to this many articles are reported apart from larger ones.
SMALL_STORY = 50


def request_paths(base: str, count: int, seed: int) -> dict[str, list[str]]:
    """``count`` request paths per endpoint, drawn from what the store holds."""
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=60) as client:
        listing = client.get("/api/stories", params={"per_page": 200, "sort": "largest"}).json()
        total = int(listing["total"])
        stories = listing["stories"]
        for page in range(2, 4):
            stories += client.get("/api/stories", params={"per_page": 200, "page": page}).json()["stories"]
        outlets = sorted({outlet for story in stories for outlet in story.get("outlets", [])}) or ["Harbour Daily"]
        spans: list[str] = []
        for story in rng.sample(stories, min(20, len(stories))):
            brief = client.get(f"/api/stories/{quote(story['id'], safe='')}").json()
            spans += [f"/articles/{quote(m['article'], safe='')}?hl={m['start']}-{m['end']}"
                      for fact in brief["facts"] for m in fact["mentions"]]  # fmt: skip
    print(f"store: {total:,} stories; sampled {len(stories):,} of them for the requests")
    articles = [article for story in stories for article in story["articles"]]
    for story in stories:
        STORY_SIZES[f"/stories/{quote(story['id'], safe='')}"] = len(story["articles"])
    sizes = sorted(STORY_SIZES.values())
    print(
        f"story sizes: median {sizes[len(sizes) // 2]}, largest {sizes[-5:]} articles; "
        f"{sum(size > SMALL_STORY for size in sizes)} stories over {SMALL_STORY}"
    )
    pages = max(1, total // 50)
    words = ("flood", "ferry", "council", "repairs", "shopkeeper warned", "roads closed", "emergency office",
             "fire", "storm power", "bridge")  # fmt: skip

    def listing_path() -> str:
        choice = rng.random()
        if choice < 0.4:
            return f"/?page={rng.randint(1, min(pages, 50))}"
        if choice < 0.6:
            return f"/?sort={rng.choice(('newest', 'contested'))}&page={rng.randint(1, 5)}"
        if choice < 0.8:
            return f"/?outlet={quote(rng.choice(outlets))}"
        return f"/?contested=1&since=2025-{rng.randint(1, 12):02d}-01"

    def story_path() -> str:
        story = quote(rng.choice(stories)["id"], safe="")
        return f"/stories/{story}" + ("?view=contested" if rng.random() < 0.2 else "")

    def article_path() -> str:
        if spans and rng.random() < 0.5:
            return rng.choice(spans)
        return f"/articles/{quote(rng.choice(articles), safe='')}"

    def search_path() -> str:
        page = f"&page={rng.randint(2, 5)}" if rng.random() < 0.2 else ""
        return f"/search?q={quote(rng.choice(words))}{page}"

    makers: dict[str, Callable[[], str]] = {"list": listing_path, "story": story_path,
                                            "article": article_path, "search": search_path}  # fmt: skip
    return {name: [make() for _ in range(count + WARM_UP)] for name, make in makers.items()}


def print_story_sizes(figures: Figures) -> None:
    """The story pages' latency apart for stories up to SMALL_STORY articles and larger ones."""
    for label, small in ((f"<= {SMALL_STORY} articles", True), (f"> {SMALL_STORY} articles", False)):
        spent = sorted(t for path, t in figures.timed if (STORY_SIZES[path.split("?")[0]] <= SMALL_STORY) == small)
        if spent:
            p50, p99 = (spent[min(len(spent) - 1, int(q * len(spent)))] * 1000 for q in (0.5, 0.99))
            print(f"    stories {label}: {len(spent)} requests, p50 {p50:.1f} ms, p99 {p99:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=400, help="timed requests per endpoint")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads (requests in flight)")
    parser.add_argument("--db", help="keep the store here and reuse it (default: a temporary one)")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="`crosswire serve --workers` (default: one per CPU, as the README advises)")  # fmt: skip
    args = parser.parse_args()
    print(f"bench_web: {args.articles:,} articles, {args.requests} requests per endpoint, {args.concurrency} in "
          f"flight, {args.workers} server workers; CPUs {os.cpu_count()}, load {load()}")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp:
        db = args.db or str(Path(tmp) / "crosswire.db")
        build_store(db, args.articles)
        with serving(db, args.workers) as base:
            paths = request_paths(base, args.requests, args.seed)
            print(f"load before the requests: {load()}")
            print(f"  {'endpoint':<8} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7}  target")
            for name, planned in paths.items():
                drive(base, name, planned[:WARM_UP], args.concurrency)
                figures = drive(base, name, planned[WARM_UP:], args.concurrency)
                target = TARGETS[name]
                p99 = figures.percentile(0.99)
                verdict = "-" if target is None else f"p99 < {target:.0f} ms: {'met' if p99 < target else 'MISSED'}"
                print(f"  {name:<8} {figures.requests:>8} {figures.requests / figures.seconds:7.1f} "
                      f"{figures.percentile(0.5):7.1f} {p99:7.1f} {max(figures.latencies) * 1000:7.1f}  {verdict}"
                      + (f"  ({figures.failures} failed)" if figures.failures else ""))  # fmt: skip
                if name == "story":
                    print_story_sizes(figures)
            print(f"load after the requests: {load()}")


if __name__ == "__main__":
    main()
