"""How the per-article cost of an ingest grows with the store (issue 16's growth target).

Target: the per-article cost at 100,000 stored articles within 1.3x of the
cost at 1,000, with peak memory printed.

Usage: nice -n 10 .venv/bin/python bench/bench_growth.py [--articles N] [--pool N] [--pool-cache FILE]
                                                        [--db FILE] [--profile] [--max-minutes M]

What can grow with the store is the part of an ingest that reads it: dedupe
(the duplicate index, the content-hash and id look-ups), clustering (the
clusterer's index and stories, its saved state), storing (SQLite inserts,
the full-text index) and the story briefs and listing rows of the stories a
window changed.  Extraction and annotation of one article read nothing of
the store, so their cost per article does not depend on its size; they are
left out of the timed part (``bench/bench_ingest.py`` measures them).
Annotating 100,000 pages with spaCy would take hours on two cores, so:

1. **A pool, through the real pipeline.**  ``--pool`` (default 2,000)
   generated fictional news pages, five per event, 400 events; each event has
   its own made-up place, second place, people, organisation and twelve
   made-up topic words, written into template sentences with their own
   numbers, weekdays, months and quotes, one of a few outlets per page
   (``og:site_name``).  They go through ``crosswire.preparation.prepare``
   (HTML extraction and the engine's checks, in worker processes) and
   ``Pipeline(default_stages(), processes=2).pipe`` (every annotation
   stage).  ``--pool-cache FILE`` keeps the annotated pool (a pickle) for
   the next run.
2. **A stream made from the pool.**  Stream article ``k`` is pool page
   ``k mod pool`` (within each pass over the pool the order is shuffled
   inside blocks of ten events, so events interleave) in *variant*
   ``k div pool``.  A variant replaces every variable word of the page (the
   event's names, places, topic words, the people met in passing, the byline)
   by a made-up word of exactly the same length and case shape, the same
   word for the same word within one event of one variant, so the five
   articles of an event still share their names and topic words and no two
   events do.  The text, the title, the author and every string of the
   annotations (entity texts and names, quantity, date and quote texts,
   speakers, the frame, furniture) are rewritten together by the same
   whole-word substitution, so no offset moves: every span still points at
   the characters it names.  This is checked for every article (each
   entity, quantity, date and quote text equals ``text[start:end]``, each
   sentence lies in the text) before it is fed, and the content hashes of
   the whole stream are checked distinct.  Variant ``v`` is published
   ``7 v`` days after the pool (a whole number of weeks, so "on Monday"
   still names the weekday it did); the days of the date mentions move
   with it.  Numbers and the template words are the pool's: the variants of
   one pool page share them, as news shares its common words, but not their
   names, so the clusterer's name veto keeps them apart.
3. **One growing store, windows of 1,000.**  The stream goes, 1,000 articles
   at a time, into ``Engine.ingest_items`` on one SQLite store (a fresh file
   unless ``--db``), with the engine's default worker processes (they write
   the briefs).  The articles arrive annotated, so the engine only checks
   and hashes them, dedupes, clusters, stores, and writes the briefs and
   listing rows of the stories the window changed, as one ``crosswire
   ingest`` call would for a batch job's annotated output.  Each window is
   timed whole (wall and CPU seconds, this process and its finished
   workers), and within it the engine's ``_store_chunk`` (dedupe + cluster
   + store + the clusterer's saved state) and ``refresh_story_summaries``
   (briefs and listing rows), by an ``Engine`` subclass that only times
   them.  A window that takes longer than the engine's
   ``LISTING_REFRESH_SECONDS`` (60 s) also refreshes the listing rows of the
   stories changed so far in the middle of the window, as a long ingest
   does; that time counts as briefs.  Before the first window a warm-up ingest of another variant into
   a throwaway store pays the one-time loads (spaCy in this process,
   lexicons), so the first window is not charged for them.

Printed per window: ms/article (wall, CPU), the two parts, the articles and
stories stored, the database's size on disk, this process's resident
memory; at the end the ratio of the last window to the first, peak memory
(this process and its largest worker), and how the stream clustered against
its events (stories per event, events split, stories mixing events) and how
many articles were taken for copies (none should be).  ``--profile`` runs one
more window (another variant) under cProfile and prints where its time goes.
``--max-minutes M`` ends the stream after the window that passes M minutes
(the cost per window can grow; the table then says how far it went).

Not measured: extraction and annotation (constant per article, see above),
PostgreSQL, concurrent ingests, the web server's reads.  Times are wall
seconds on a shared machine: the CPU column moves much less with the other
users' load.  Nothing here reads the evaluation sets.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import dataclasses
import io
import os
import pickle
import pstats
import random
import re
import resource
import sqlite3
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench_ingest import load, peak_memory  # this folder's sibling bench: the same memory and load lines

from crosswire.engine import Engine, IngestReport
from crosswire.model import Article, Capture, DateMention, Entity, Quantity, Quote
from crosswire.preparation import content_hash
from crosswire.sources import SourceItem
from crosswire.store import Store, open_store
from crosswire.workers import WorkerPool, batched

WINDOW = 1_000
EVENT_SIZE = 5
#: Pool pages per publication day (80 events a day), and events shuffled together in a pass.
PER_DAY = 400
SHUFFLE_BLOCK = 10 * EVENT_SIZE
POOL_START = date(2026, 1, 5)
#: Changes whenever the pool generator does, so a cached pool of another shape is not reused.
POOL_VERSION = 1

# -- the pool ----------------------------------------------------------------
_FIRST = ("Lena", "Tomas", "Ines", "Marek", "Alba", "Jonas", "Sari", "Piet", "Oona", "Rafael", "Mira", "Anders")
_KINDS = ("Water Board", "Transit Agency", "Harbour Authority", "Regional Council", "Fire Service", "Health Trust")
_OUTLETS = ("The Example Courier", "Northfield Daily", "The Lantern Post", "Riverside Record", "The Morning Signal")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_MONTHS = ("March", "April", "May", "June", "September", "October")
_CONSONANTS = "bdfghklmnprstvz"
_VOWELS = "aeiou"
_TEMPLATES = (
    "{person} said on {day} that {n} {a} in {place} had been without {b} since the {c}.",
    '"We expect the {a} in {town} to take {m} weeks," said {official}, who leads {org}.',
    "Repairs to the {place} {b} will cost about {n} million euros, according to {org}.",
    "More than {n} people attended the {c} meeting in {town} on {day}, {passer} said.",
    "The number of {a} complaints in {place} rose by {pct} percent in {month}, {org} reported.",
    "{official} told reporters in {town} that between {m} and {n} {b} workers would be hired.",
    "Officials in {place} counted {n} damaged {a} and {m} closed {c} after the {b}.",
    "Fares on the {place} {c} line will rise by {pct} percent from {month} 1, {org} announced.",
    "Police said {m} people were detained near the {town} {a} on {day} evening.",
    "The mayor of {place}, {person}, promised a second inquiry into the {b} at {town}.",
    "About {n} passengers were stranded at the {c} in {town} for {m} hours on {day}, {passer} said.",
    "Farmers near {town} reported losses of {pct} percent of the {a} to the {b}.",
    "{org} approved a budget of {n} thousand euros for new {c} barriers in {place}.",
    "Residents of {place} have until {month} {m} to comment on the {a} plan, {official} said.",
    '"The {b} is the worst we have seen in {place}," said {passer}, a {c} trader from {town}.',
    "{person} and {official} met {passer} in {town} on {day} to discuss the {a}.",
    "Engineers from {org} inspected {m} {c} sites along the {place} {b} on {day}.",
    "Insurers expect {a} claims in {town} to reach {n} million euros by {month}, {official} said.",
)
_TITLES = (
    "{place} {a}: {person} on the {b} and the {c}",
    "{org} counts the cost of the {b} in {place}",
    "{town} {a} hit by {c} as {person} calls for inquiry",
)


def _made_up(rng: random.Random, length: int) -> str:
    """A pronounceable made-up word of exactly ``length`` letters."""
    vowel = rng.random() < 0.3
    letters = []
    for _ in range(length):
        letters.append(rng.choice(_VOWELS if vowel else _CONSONANTS))
        vowel = not vowel
    return "".join(letters)


def _name(rng: random.Random, low: int, high: int) -> str:
    return _made_up(rng, rng.randint(low, high)).capitalize()


@dataclasses.dataclass(frozen=True)
class PoolPage:
    """A generated page, its event, and the variable words a variant replaces."""

    number: int
    event: int
    capture: Capture
    variable: frozenset[str]


def pool_day(number: int) -> date:
    return POOL_START + timedelta(days=number // PER_DAY)


def pool_page(number: int) -> PoolPage:
    event = number // EVENT_SIZE
    event_rng = random.Random(f"growth-event-{event}")
    place, town = _name(event_rng, 6, 9), _name(event_rng, 5, 8)
    person = f"{event_rng.choice(_FIRST)} {_name(event_rng, 5, 8)}"
    official = f"{event_rng.choice(_FIRST)} {_name(event_rng, 5, 8)}"
    org = f"the {place} {event_rng.choice(_KINDS)}"
    topic = [_made_up(event_rng, event_rng.randint(7, 10)) for _ in range(12)]
    rng = random.Random(f"growth-page-{number}")
    passers = [f"{rng.choice(_FIRST)} {_name(rng, 5, 8)}" for _ in range(3)]
    author = f"{rng.choice(_FIRST)} {_name(rng, 5, 8)}"
    outlet = _OUTLETS[(number + event) % len(_OUTLETS)]
    values: dict[str, Any] = {"place": place, "town": town, "person": person, "official": official, "org": org}

    def fill(template: str) -> str:
        return template.format(
            **values,
            passer=rng.choice(passers),
            n=rng.randint(12, 9_000),
            m=rng.randint(2, 60),
            pct=rng.randint(2, 45),
            day=rng.choice(_DAYS),
            month=rng.choice(_MONTHS),
            a=rng.choice(topic[:4]),
            b=rng.choice(topic[4:8]),
            c=rng.choice(topic[8:]),
        )

    sentences = [fill(rng.choice(_TEMPLATES)) for _ in range(rng.randint(20, 30))]
    sentences = [sentence[0].upper() + sentence[1:] for sentence in sentences]
    paragraphs = "\n".join(f"<p>{' '.join(sentences[i : i + 3])}</p>" for i in range(0, len(sentences), 3))
    title = fill(rng.choice(_TITLES))
    title = title[0].upper() + title[1:]
    published = pool_day(number).isoformat()
    slug = f"{number:05d}"
    html = (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta property='og:title' content='{title}'><meta property='og:site_name' content='{outlet}'>"
        f"<meta property='article:published_time' content='{published}T08:00:00Z'>"
        f"<meta name='author' content='{author}'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/local'>Local</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{title}</h1><p class='byline'>By {author}, published {published}</p>\n{paragraphs}\n</article>"
        f"<footer>© {outlet}. All rights reserved.</footer></body></html>"
    )
    variable = {place, town, *topic, *(part for full in (person, official, author, *passers) for part in full.split())}
    capture = Capture(id=f"pool-{slug}.html", kind="html", origin=f"growth-pool/{slug}.html", content=html.encode())
    return PoolPage(number, event, capture, frozenset(variable))


@dataclasses.dataclass(frozen=True)
class PoolArticle:
    """An annotated pool article, its event, and its variable words."""

    article: Article
    event: int
    variable: frozenset[str]


def build_pool(size: int, processes: int) -> list[PoolArticle]:
    """``size`` generated pages through extraction (``prepare``) and the whole annotation pipeline."""
    from crosswire.annotate import default_stages
    from crosswire.pipeline import Pipeline
    from crosswire.preparation import prepare_batch

    pages = [pool_page(number) for number in range(size)]
    started = time.perf_counter()
    with WorkerPool(processes) as workers:
        captures: list[Capture | Article] = [page.capture for page in pages]
        prepared = list(workers.map(prepare_batch, batched(captures, 50)))
    extracted = time.perf_counter()
    kept = [(page, ready.article) for page, ready in zip(pages, prepared, strict=True) if ready.article is not None]
    if len(kept) != len(pages):
        problems = Counter(str(ready.error or ready.skipped) for ready in prepared if ready.article is None)
        raise SystemExit(f"{len(pages) - len(kept)} pool pages were not extracted: {problems.most_common(3)}")
    annotated = list(Pipeline(default_stages(), processes=processes).pipe(article for _, article in kept))
    done = time.perf_counter()
    print(
        f"pool: {size:,} pages extracted in {extracted - started:.1f} s, annotated in {done - extracted:.1f} s "
        f"({processes} worker processes)"
    )
    return [PoolArticle(article, page.event, page.variable) for (page, _), article in zip(kept, annotated, strict=True)]


def load_pool(size: int, processes: int, cache: Path | None) -> list[PoolArticle]:
    if cache is not None and cache.exists():
        with cache.open("rb") as handle:
            saved = pickle.load(handle)  # a file this bench wrote
        if saved.get("version") == POOL_VERSION and saved.get("size") == size:
            print(f"pool: {size:,} annotated articles from {cache}")
            pool: list[PoolArticle] = saved["pool"]
            return pool
        print(f"pool: {cache} holds another pool; building afresh")
    pool = build_pool(size, processes)
    if cache is not None:
        with cache.open("wb") as handle:
            pickle.dump({"version": POOL_VERSION, "size": size, "pool": pool}, handle)
    return pool


# -- the stream --------------------------------------------------------------
class Variants:
    """Same-length, same-shape replacements of the pool's variable words, per (variant, event)."""

    def __init__(self, pool: list[PoolArticle]) -> None:
        self.pool = pool
        self._patterns = [_words_pattern(item.variable) for item in pool]
        self._cache: dict[tuple[int, int], dict[str, str]] = {}

    def article(self, number: int) -> tuple[Article, int]:
        """Stream article ``number`` and its event (variant x pool events + the pool event)."""
        size = len(self.pool)
        variant, position = divmod(number, size)
        index = _order(variant, size)[position]
        item, pattern = self.pool[index], self._patterns[index]
        table = self._table(variant, item.event)

        def same_shape(match: re.Match[str]) -> str:
            found = match.group(0)
            new = table.get(found.lower())
            if new is None:
                new = _made_up(random.Random(f"{variant}-{item.event}-{found.lower()}"), len(found))
                table[found.lower()] = new
            if found.isupper() and len(found) > 1:
                return new.upper()
            return new.capitalize() if found[0].isupper() else new

        def rewrite(text: str) -> str:
            return pattern.sub(same_shape, text)

        shift = timedelta(days=7 * variant)
        source = item.article
        annotations = source.annotations
        assert annotations is not None
        rewritten = _rewritten(annotations, rewrite)
        rewritten = dataclasses.replace(
            rewritten,
            dates=tuple(
                dataclasses.replace(mention, date=_shifted(mention.date, shift)) for mention in rewritten.dates
            ),
        )
        slug = f"{number:07d}"
        article = dataclasses.replace(
            source,
            id=f"growth-{slug}",
            origin=f"growth/{slug}",
            text=rewrite(source.text),
            title=rewrite(source.title) if source.title else source.title,
            author=rewrite(source.author) if source.author else source.author,
            published=_shifted(source.published, shift),
            url=f"https://news.example/{variant}/{slug}",
            annotations=rewritten,
        )
        check_spans(article, source)
        return article, variant * (size // EVENT_SIZE) + item.event

    def _table(self, variant: int, event: int) -> dict[str, str]:
        key = (variant, event)
        if key not in self._cache:
            if len(self._cache) > 4 * SHUFFLE_BLOCK:
                self._cache.clear()
            self._cache[key] = {}
        return self._cache[key]


def _words_pattern(words: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


_orders: dict[tuple[int, int], list[int]] = {}


def _order(variant: int, size: int) -> list[int]:
    """The pool's order in this pass: shuffled within blocks of ten events, so events interleave."""
    key = (variant, size)
    if key not in _orders:
        rng = random.Random(f"growth-order-{variant}")
        order: list[int] = []
        for start in range(0, size, SHUFFLE_BLOCK):
            block = list(range(start, min(size, start + SHUFFLE_BLOCK)))
            rng.shuffle(block)
            order += block
        _orders.clear()
        _orders[key] = order
    return _orders[key]


def _rewritten(value: Any, rewrite: Callable[[str], str]) -> Any:
    """Every string inside ``value`` (annotations, their mentions, tuples of them) rewritten."""
    if isinstance(value, str):
        return rewrite(value)
    if isinstance(value, tuple):
        return tuple(_rewritten(item, rewrite) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {field.name: _rewritten(getattr(value, field.name), rewrite) for field in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value


def _shifted(iso: str | None, shift: timedelta) -> str | None:
    if not iso:
        return iso
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return (day + shift).isoformat() + iso[10:]


def check_spans(article: Article, source: Article) -> None:
    """Every mention's text is the text at its span; sentences lie in the text; nothing moved."""
    annotations = article.annotations
    assert annotations is not None and annotations.sentences, article.id
    assert len(article.text) == len(source.text), article.id
    text = article.text
    mentions: list[Entity | Quantity | DateMention | Quote] = [
        *annotations.entities,
        *annotations.quantities,
        *annotations.dates,
        *annotations.quotes,
    ]
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text, (article.id, mention)
    for sentence in annotations.sentences:
        assert 0 <= sentence.start < sentence.end <= len(text), (article.id, sentence)


def check_pool(pool: list[PoolArticle]) -> None:
    """The pool's own spans, before any rewriting (a failure here is the annotators', not this bench's)."""
    for item in pool:
        check_spans(item.article, item.article)


def windows(
    variants: Variants, first: int, count: int, hashes: set[bytes]
) -> Iterator[tuple[list[Article], list[int]]]:
    """The stream from ``first``, ``WINDOW`` articles at a time, with their events; content hashes checked distinct."""
    for start in range(first, first + count, WINDOW):
        articles, events = [], []
        for number in range(start, min(first + count, start + WINDOW)):
            article, event = variants.article(number)
            digest = bytes.fromhex(content_hash(article.text))
            assert digest not in hashes, f"stream article {number} repeats a text"
            hashes.add(digest)
            articles.append(article)
            events.append(event)
        yield articles, events


# -- measuring ---------------------------------------------------------------
class TimedEngine(Engine):
    """The engine, with the time spent in its two store-bound steps added up (nothing else changed)."""

    store_seconds = 0.0
    brief_seconds = 0.0

    def _store_chunk(self, articles: list[tuple[Article, str]], report: IngestReport, number: int = 0) -> None:
        # A window that runs past ``LISTING_REFRESH_SECONDS`` refreshes listing rows inside a chunk:
        # that time is the briefs', not the store's.
        started, briefs = time.perf_counter(), self.brief_seconds
        try:
            super()._store_chunk(articles, report, number)
        finally:
            self.store_seconds += time.perf_counter() - started - (self.brief_seconds - briefs)

    def refresh_story_summaries(self, story_ids: Iterable[str] = (), workers: WorkerPool | None = None) -> int:
        started = time.perf_counter()
        try:
            return super().refresh_story_summaries(story_ids, workers)
        finally:
            self.brief_seconds += time.perf_counter() - started


def cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def resident_mib() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def disk_mib(db: Path) -> float:
    return sum(p.stat().st_size for p in (db, Path(f"{db}-wal")) if p.exists()) / 2**20


def state_mib(db: Path) -> float:
    """Size of the clusterer's saved state (its header and its parts, of which a chunk rewrites those it changed)."""
    with contextlib.closing(sqlite3.connect(db)) as connection:
        header = connection.execute("SELECT sum(length(value)) FROM state").fetchone()[0] or 0
        parts = connection.execute("SELECT sum(length(value)) FROM state_items").fetchone()[0] or 0
    return float(header + parts) / 2**20


@dataclasses.dataclass
class WindowTimes:
    first: int
    articles: int
    wall: float
    cpu: float
    store: float
    briefs: float


def ingest_window(engine: TimedEngine, articles: list[Article]) -> WindowTimes:
    engine.store_seconds = engine.brief_seconds = 0.0
    items: list[SourceItem] = list(articles)
    started, cpu_started = time.perf_counter(), cpu_seconds()
    report = engine.ingest_items(items)
    wall, cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
    if report.ingested != len(articles) or report.errors or report.skipped:
        raise SystemExit(
            f"a window stored {report.ingested} of {len(articles)} articles "
            f"({report.duplicates} duplicates, {len(report.errors)} errors, {len(report.skipped)} skipped)"
        )
    return WindowTimes(0, len(articles), wall, cpu, engine.store_seconds, engine.brief_seconds)


def warm_up(variants: Variants, first: int) -> None:
    """A few hundred articles of an unused variant into a throwaway store: the one-time loads."""
    with tempfile.TemporaryDirectory(prefix="bench-growth-warm-") as tmp:
        store = open_store(Path(tmp) / "warm.db")
        try:
            articles = [variants.article(number)[0] for number in range(first, first + 300)]
            Engine(store).ingest_items(list[SourceItem](articles))
        finally:
            store.close()


def clustering_check(store: Store, events: dict[str, int]) -> str:
    """How the stream clustered against its events (a sanity check of the stream, not a quality figure)."""
    by_story: defaultdict[str, Counter[int]] = defaultdict(Counter)
    copies = 0
    for article_id, story_id, _, duplicate_of in store.placements():
        by_story[story_id][events[article_id]] += 1
        copies += duplicate_of is not None
    stories_of_event: defaultdict[int, int] = defaultdict(int)
    for counts in by_story.values():
        for event in counts:
            stories_of_event[event] += 1
    mixed = sum(1 for counts in by_story.values() if len(counts) > 1)
    split = sum(1 for n in stories_of_event.values() if n > 1)
    return (
        f"{len(events):,} articles of {len(stories_of_event):,} events in {len(by_story):,} stories "
        f"({len(by_story) / max(1, len(stories_of_event)):.2f} per event); {split:,} events split over several "
        f"stories, {mixed:,} stories mixing events; {copies:,} articles taken for copies"
    )


def profile_window(engine: TimedEngine, articles: list[Article]) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    times = ingest_window(engine, articles)
    profiler.disable()
    print(
        f"\nprofile of one more window ({times.articles:,} articles, {1000 * times.wall / times.articles:.1f} "
        "ms/article under the profiler), by cumulative time:"
    )
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(30)
    stats.sort_stats("tottime").print_stats(15)
    print(out.getvalue())


def run(
    count: int, pool_size: int, processes: int, cache: Path | None, db: Path, profile: bool, minutes: float | None
) -> None:
    pool = load_pool(pool_size, processes, cache)
    check_pool(pool)
    variants = Variants(pool)
    passes = -(-count // pool_size)
    warm_up(variants, (passes + 1) * pool_size)
    print(f"stream: {count:,} articles, {passes} variants of the {pool_size:,}-article pool; load average {load()}")
    header = (
        f"{'articles':>15} {'ms/art':>7} {'CPU ms':>7} {'store':>7} {'briefs':>7} {'other':>6} "
        f"{'stored':>8} {'stories':>8} {'db MiB':>7} {'state MiB':>9} {'RSS MiB':>8}"
    )
    print(header)
    store = open_store(db)
    results: list[WindowTimes] = []
    events: dict[str, int] = {}
    hashes: set[bytes] = set()
    try:
        engine = TimedEngine(store)
        deadline = None if minutes is None else time.monotonic() + 60 * minutes
        for articles, article_events in windows(variants, 0, count, hashes):
            if deadline is not None and time.monotonic() > deadline:
                print(f"stopped after {len(events):,} articles: --max-minutes {minutes:g} have passed")
                break
            events.update((article.id, event) for article, event in zip(articles, article_events, strict=True))
            times = ingest_window(engine, articles)
            times.first = len(events) - len(articles)
            results.append(times)
            per = 1000 / times.articles
            print(
                f"{times.first:>7,}-{times.first + times.articles:<7,} {times.wall * per:7.2f} {times.cpu * per:7.2f} "
                f"{times.store * per:7.2f} {times.briefs * per:7.2f} "
                f"{(times.wall - times.store - times.briefs) * per:6.2f} {store.count_articles():>8,} "
                f"{len(store.story_ids()):>8,} {disk_mib(db):7.0f} {state_mib(db):9.1f} "
                f"{resident_mib():8.0f}",
                flush=True,
            )
        summary(results)
        print(f"peak memory: {peak_memory()}; load average at the end: {load()}")
        print(f"clustering of the stream: {clustering_check(store, events)}")
        if profile:
            extra = next(windows(variants, passes * pool_size, WINDOW, hashes))[0]
            profile_window(engine, extra)
    finally:
        store.close()


def summary(results: list[WindowTimes]) -> None:
    if len(results) < 2:
        return
    head, tail = results[0], results[-1]

    def ratio(part: Callable[[WindowTimes], float]) -> str:
        return f"{(part(tail) / tail.articles) / max(1e-9, part(head) / head.articles):.2f}x"

    print(
        f"last window / first, per article: wall {ratio(lambda w: w.wall)}, CPU {ratio(lambda w: w.cpu)}, "
        f"store {ratio(lambda w: w.store)}, briefs {ratio(lambda w: w.briefs)}"
    )
    reached = results[-1].first + results[-1].articles
    marks = sorted({m for m in (1_000, 10_000, 50_000, 100_000) if m <= reached} | {reached})
    for mark in marks:
        window = next(w for w in results if w.first < mark <= w.first + w.articles)
        print(
            f"  window ending at {mark:>7,}: {1000 * window.wall / window.articles:6.2f} ms/article wall, "
            f"{1000 * window.cpu / window.articles:6.2f} CPU"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000, help="articles in the stream (default 100,000)")
    parser.add_argument("--pool", type=int, default=2_000, help="pages annotated for the pool (a multiple of 400)")
    parser.add_argument("--processes", type=int, default=2, help="worker processes for the pool's annotation")
    parser.add_argument("--pool-cache", type=Path, default=None, help="keep the annotated pool in this pickle")
    parser.add_argument("--db", type=Path, default=None, help="the SQLite store (default: a fresh temporary file)")
    parser.add_argument("--profile", action="store_true", help="profile one more window after the stream")
    parser.add_argument(
        "--max-minutes", type=float, default=None, help="stop the stream after the window that passes this"
    )
    args = parser.parse_args()
    if args.pool % PER_DAY:
        parser.error(f"--pool must be a multiple of {PER_DAY}")
    if args.db is not None:
        if args.db.exists():
            parser.error(f"{args.db} exists: the bench needs a fresh store")
        run(args.articles, args.pool, args.processes, args.pool_cache, args.db, args.profile, args.max_minutes)
        return
    with tempfile.TemporaryDirectory(prefix="bench-growth-") as tmp:
        db = Path(tmp) / "growth.db"
        run(args.articles, args.pool, args.processes, args.pool_cache, db, args.profile, args.max_minutes)


if __name__ == "__main__":
    main()
