"""The engine: the one place that runs the flow against a store.

sources → extract → annotate → dedupe/provenance → cluster → store, and on
the way out stories → corroborate → brief.  The CLI, the HTTP API and the
batch loader all call this; none has logic of its own beyond translating
inputs and outputs.
"""

from __future__ import annotations

import functools
import logging
import math
import os
import signal
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from crosswire.corrections import Overlay
from crosswire.errors import InputError, NotFoundError
from crosswire.model import Article, Brief, Capture, Story
from crosswire.pipeline import Pipeline, Stage, install_in_worker, pipe_in_worker
from crosswire.preparation import Prepared, prepare_batch
from crosswire.sources import SourceItem, iter_sources
from crosswire.store import ArticleSummary, Store, StoredArticle, StoryListing, StoryQuery, StorySummary
from crosswire.workers import WorkerPool, batched, default_processes, processes_for

log = logging.getLogger(__name__)

#: Captures are extracted and annotated this many at a time, so spaCy can
#: batch and so articles within a chunk can be ordered by publication date.
CHUNK_SIZE = 128
_CLUSTER_STATE_KEY = "story_clusterer"
#: An ingest recomputes the listing rows of the stories it changed at its end
#: and, on a long ingest, after a chunk once this many seconds have passed since
#: it last did: a row costs the story's whole corroboration, so a story that
#: grows through many chunks is read once a minute, not once a chunk.  A row
#: left behind by a stopped ingest is found by its article count and
#: recomputed by the next ingest or ``crosswire serve``.
LISTING_REFRESH_SECONDS = 60.0

#: Test hooks (tests/test_crash_safety.py, bench/bench_hostile.py); unset,
#: they change nothing.  ``CROSSWIRE_TEST_PAUSE_AT=<point>[:<chunk>]`` makes an
#: ingest stop itself (SIGSTOP) at that point of that chunk (numbered from 1
#: over the input, so the same in a resumed ingest; every chunk when omitted),
#: for a test to SIGKILL it exactly there (or SIGCONT it).  The points, in
#: order: ``annotated`` (write lock not taken yet), ``placed`` (the chunk's
#: articles written in the open transaction, the clusterer state not saved),
#: ``saved`` (state saved, not committed), ``committed``.
#: ``CROSSWIRE_TEST_CHUNK_SIZE`` replaces ``CHUNK_SIZE``, so that a small
#: corpus spans several chunks.
PAUSE_ENV = "CROSSWIRE_TEST_PAUSE_AT"
CHUNK_SIZE_ENV = "CROSSWIRE_TEST_CHUNK_SIZE"
PAUSE_POINTS = ("annotated", "placed", "saved", "committed")

#: Called after each input item with (items done, articles stored so far).
Progress = Callable[[int, int], None]


@dataclass
class IngestReport:
    ingested: int = 0
    duplicates: int = 0
    errors: list[dict[str, str]] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "ingested": self.ingested,
            "duplicates": self.duplicates,
            "errors": self.errors,
            "skipped": self.skipped,
        }


def _annotated(article: Article) -> bool:
    """Whether the pipeline has run on the article (a batch job's Parquet output): its sentences are read.
    Extraction alone may leave annotations holding only the page furniture it took out of the text."""
    return article.annotations is not None and bool(article.annotations.sentences)


class Engine:
    def __init__(self, store: Store, stages: Sequence[Stage] | None = None, processes: int | None = None) -> None:
        self.store = store
        self._stages = stages
        #: Worker processes that extract and annotate a chunk (``CROSSWIRE_PROCESSES``, else the cores).
        self.processes = processes if processes is not None else default_processes()
        self._pipeline: Pipeline | None = None
        self._corpus: _CorpusState | None = None
        #: Stories this engine's ingest changed whose listing rows are not recomputed yet.
        self._listing_due: set[str] = set()
        self._listing_refreshed = time.monotonic()

    # -- ingest -------------------------------------------------------------
    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            from crosswire.annotate import default_stages

            self._pipeline = Pipeline(self._stages if self._stages is not None else default_stages())
        return self._pipeline

    def ingest(self, paths: Iterable[str], progress: Progress | None = None) -> IngestReport:
        return self.ingest_items(iter_sources(paths), progress)

    def ingest_items(self, items: Iterable[SourceItem], progress: Progress | None = None) -> IngestReport:
        """Ingest captures (and record the errors found while reading them).

        Idempotent: an article id or a text already stored is counted as a
        duplicate and left as it is.  Safe beside other ingests into the
        same store, in this or other processes: see :meth:`_store_chunk`.
        """
        report = IngestReport()
        done = 0
        # Extraction and annotation of a chunk are spread over worker processes; the store stays here.
        with WorkerPool(self.processes, setup=functools.partial(install_in_worker, self.pipeline)) as workers:
            for number, chunk in enumerate(_chunks(items, _chunk_size()), start=1):
                inputs: list[Capture | Article] = []
                for item in chunk:
                    if isinstance(item, InputError):
                        report.errors.append(item.as_json())
                    else:
                        inputs.append(item)
                self._ingest_chunk(inputs, report, workers, number)
                done += len(chunk)
                if progress is not None:
                    progress(done, report.ingested)
        self._refresh_listing()
        return report

    def _ingest_chunk(
        self, inputs: list[Capture | Article], report: IngestReport, workers: WorkerPool, number: int = 0
    ) -> None:
        fresh: list[Capture | Article] = []
        seen_ids: set[str] = set()
        for item in inputs:
            # A first look for duplicates, to spare their extraction and
            # annotation; _store_chunk looks again under the write lock.
            if item.id in seen_ids or self.store.has_article(item.id):
                report.duplicates += 1
                continue
            seen_ids.add(item.id)
            fresh.append(item)
        articles: list[tuple[Article, str]] = []
        seen_hashes: set[str] = set()
        for prepared in self._prepared(fresh, workers):
            if prepared.error is not None:
                report.errors.append(prepared.error)
            elif prepared.skipped is not None:
                report.skipped.append(prepared.skipped)
            elif prepared.article is not None:
                digest = prepared.digest
                if digest in seen_hashes or self.store.article_with_content(digest) is not None:
                    report.duplicates += 1
                    continue
                seen_hashes.add(digest)
                articles.append((prepared.article, digest))
        if not articles:
            return
        # Within a chunk, articles arrive in publication order, so the earliest
        # copy of a text is the one recorded as the original.
        articles.sort(key=lambda pair: publication_sort_key(pair[0]))
        hashes = {article.id: digest for article, digest in articles}
        # Annotate the whole chunk before taking the write lock: the slow,
        # parallel part runs beside other ingests, and the workers are
        # done before anything can fail in the store.
        annotated = self._annotate([article for article, _ in articles], workers)
        _pause_for_test("annotated", number)
        self._store_chunk([(article, hashes[article.id]) for article in annotated], report, number)

    def _store_chunk(self, articles: list[tuple[Article, str]], report: IngestReport, number: int = 0) -> None:
        """Dedupe, cluster, store and save the clusterer state: one critical section.

        Clustering is incremental and order-dependent, so these steps run
        under the store's write lock (one transaction, shared by every
        process): the corpus state is checked against the store, and
        reloaded when another ingest has stored articles since, before any
        article is placed; the articles and the state that placed them
        commit together.  Concurrent ingests thus give what one ingest after
        another would, their chunks taken in the order they got the lock.
        """
        stored_ids: list[str] = []
        touched: set[str] = set()
        duplicates = 0
        try:
            with self.store.writing():
                corpus = self._corpus_state()
                # Editors' merges send what the clusterer places in a merged story to the one it joined.
                overlay = Overlay(self.store.corrections())
                for article, digest in articles:
                    # Another process may have stored it since the first look.
                    if self.store.has_article(article.id) or self.store.article_with_content(digest) is not None:
                        duplicates += 1
                        continue
                    placed = corpus.place(article, digest, overlay)
                    self.store.save_article(placed)
                    stored_ids.append(article.id)
                    touched.add(placed.story_id)
                _pause_for_test("placed", number)
                self._listing_due |= touched
                if time.monotonic() - self._listing_refreshed >= LISTING_REFRESH_SECONDS:
                    # Committed with the chunk's articles.
                    self._refresh_listing()
                if stored_ids or corpus.replayed:
                    # A state replayed from the store is saved even when the
                    # chunk adds nothing, so later ingests trust it.
                    corpus.save()
                _pause_for_test("saved", number)
            _pause_for_test("committed", number)
        except BaseException:
            # Nothing of the chunk was committed, but the in-memory state has
            # placed some of it: load it afresh next time.
            self._corpus = None
            raise
        report.ingested += len(stored_ids)
        report.duplicates += duplicates
        report.article_ids.extend(stored_ids)

    def _prepared(self, items: list[Capture | Article], workers: WorkerPool) -> list[Prepared]:
        """Each input extracted and checked, in order: in the workers when there are enough."""
        if processes_for(len(items), workers.processes) == 1:
            return prepare_batch(items)
        return list(workers.map(prepare_batch, batched(items, _worker_batch(len(items), workers))))

    def _annotate(self, articles: list[Article], workers: WorkerPool) -> list[Article]:
        """Annotate in order; articles that arrive annotated (from a batch
        job's Parquet output) are passed through as they are."""
        todo = [article for article in articles if not _annotated(article)]
        if processes_for(len(todo), workers.processes) == 1:
            done = list(self.pipeline.pipe_here(todo))
        else:
            done = list(workers.map(pipe_in_worker, batched(todo, _worker_batch(len(todo), workers))))
        pending = iter(done)
        return [article if _annotated(article) else next(pending) for article in articles]

    def _corpus_state(self) -> _CorpusState:
        """The corpus state in step with the store; call it under the write lock.

        Articles are only ever added, and only under that lock, so when the
        store holds as many as this state has placed, no other process has
        written since this one: the state in memory is current.
        """
        if self._corpus is None or self._corpus.placed != self.store.count_articles():
            self._corpus = _CorpusState.load(self.store)
        return self._corpus

    # -- reading ------------------------------------------------------------
    def stories(self) -> list[Story]:
        """Every story, largest first (by independent sources, then articles)."""
        members: dict[str, list[Article]] = defaultdict(list)
        duplicates: dict[str, str] = {}
        for head in self.store.summaries():
            members[head.story_id].append(_head_article(head))
            if head.duplicate_of:
                duplicates[head.id] = head.duplicate_of
        stories = [self._story(story_id, articles, duplicates) for story_id, articles in members.items()]
        stories.sort(key=lambda s: (-s.independent_sources, -len(s.articles), s.first_published or "", s.id))
        return stories

    def _story(self, story_id: str, articles: list[Article], duplicates: dict[str, str]) -> Story:
        from crosswire.stories.sources import independent_sources

        source_of, _ = independent_sources(articles, duplicates)
        ordered = sorted(articles, key=publication_sort_key)
        dates = [a.published for a in ordered if a.published]
        originals = [a for a in ordered if a.id not in duplicates] or ordered
        return Story(
            id=story_id,
            title=next((a.title for a in originals if a.title), originals[0].id),
            articles=tuple(a.id for a in ordered),
            independent_sources=len(set(source_of.values())),
            first_published=min(dates) if dates else None,
            last_published=max(dates) if dates else None,
        )

    def story(self, story_id: str) -> Story:
        return self._story_of_heads(story_id, self._heads(story_id))

    def brief(self, story_id: str) -> Brief:
        return self.story_view(story_id).brief

    def merged_into(self, story_id: str, overlay: Overlay) -> str | None:
        """The story an editor merged this one into, when it holds no article of its own any more."""
        target = overlay.resolve(story_id)
        return target if target != story_id and not self.store.story_article_ids(story_id) else None

    def story_view(self, story_id: str) -> StoryView:
        """The story, its brief and its articles' heads, as a story page shows them.

        The brief is the one stored when the story last changed (see :meth:`refresh_story_summaries`)
        when it was written from the very articles the story holds now; otherwise (the listing not yet
        refreshed after an ingest, a store written by an older crosswire) it is written afresh.
        """
        heads = self._heads(story_id)
        brief = self._stored_brief(story_id, [head.id for head in heads])
        if brief is None:
            brief = self.story_brief(story_id)[1]
        return StoryView(self._story_of_heads(story_id, heads), brief, heads)

    def _heads(self, story_id: str) -> list[ArticleSummary]:
        heads = self.store.story_heads(story_id)
        if not heads:
            raise NotFoundError(f"no story with id {story_id!r}")
        return heads

    def _story_of_heads(self, story_id: str, heads: list[ArticleSummary]) -> Story:
        duplicates = {head.id: head.duplicate_of for head in heads if head.duplicate_of}
        return self._story(story_id, [_head_article(head) for head in heads], duplicates)

    def _stored_brief(self, story_id: str, article_ids: list[str]) -> Brief | None:
        from pydantic import ValidationError

        from crosswire.serialize import brief_from_json

        stored = self.store.stored_brief(story_id)
        if stored is None or sorted(stored[0]) != sorted(article_ids):
            return None
        try:
            return brief_from_json(stored[1])
        except ValidationError:  # written by a crosswire whose model had another shape
            return None

    def story_brief(self, story_id: str) -> tuple[Story, Brief, list[Article]]:
        """The story, its brief written afresh, and its articles, from one read of the store."""
        from crosswire.stories.brief import write_brief
        from crosswire.stories.corroborate import corroborate
        from crosswire.stories.sources import independent_sources

        stored = self._story_articles(story_id)
        articles = [s.article for s in stored]
        duplicates = {s.article.id: s.duplicate_of for s in stored if s.duplicate_of}
        story = self._story(story_id, articles, duplicates)
        source_of, sources = independent_sources(articles, duplicates)
        facts = corroborate(articles, source_of)
        return story, write_brief(story, articles, facts, sources), articles

    # -- the story listing and stored briefs --------------------------------
    def _refresh_listing(self) -> None:
        """Recompute the listing rows this engine's ingest left due (see ``LISTING_REFRESH_SECONDS``)."""
        due, self._listing_due = self._listing_due, set()
        self.refresh_story_summaries(due)
        self._listing_refreshed = time.monotonic()

    def refresh_story_summaries(self, story_ids: Iterable[str] = ()) -> int:
        """Write and store the briefs and listing rows of these stories and of every story whose row is
        missing or out of date (a store written before listings were kept); returns how many.

        The listing row (contested facts, outlets, names) is read off the brief; a fact an editor
        marked wrong is not counted as contested.
        """
        from crosswire.serialize import brief_to_json
        from crosswire.story_listing import summarise

        with self.store.writing():
            wanted = set(story_ids) | self.store.stories_without_summary()
            overlay = Overlay(self.store.corrections())
            summaries: list[StorySummary] = []
            for story_id in sorted(wanted):
                story, brief, articles = self.story_brief(story_id)
                summaries.append(summarise(story, brief, articles, wrong=frozenset(overlay.wrong_facts(story_id))))
                self.store.save_story_brief(story_id, [article.id for article in articles], brief_to_json(brief))
            self.store.save_story_summaries(summaries)
        return len(wanted)

    def refresh_all_story_summaries(self) -> int:
        """Rewrite every story's brief and listing row (after a change to how briefs are read), drop the
        rows of stories that hold no article any more; returns how many rows were computed."""
        with self.store.writing():
            held = {story_id for _, story_id, _, _ in self.store.placements()}
            self.store.delete_story_summaries(set(self.store.story_summaries()) - held)
            return self.refresh_story_summaries(held)

    def list_stories(self, query: StoryQuery) -> StoryListing:
        """One page of stories, filtered, ordered and counted by the store."""
        return self.store.list_stories(query)

    def article(self, article_id: str) -> StoredArticle:
        stored = self.store.get_article(article_id)
        if stored is None:
            raise NotFoundError(f"no article with id {article_id!r}")
        return stored

    def _story_articles(self, story_id: str) -> list[StoredArticle]:
        ids = self.store.story_article_ids(story_id)
        if not ids:
            raise NotFoundError(f"no story with id {story_id!r}")
        return self.store.get_articles(ids)


@dataclass(frozen=True, slots=True)
class StoryView:
    """What a story page shows: the story, its brief, and its articles without their text."""

    story: Story
    brief: Brief
    articles: list[ArticleSummary]


def _head_article(head: ArticleSummary) -> Article:
    """An article with only the head fields a story's title, dates and sources are read from."""
    return Article(
        id=head.id,
        kind="record",
        origin="",
        text="",
        title=head.title,
        published=head.published,
        publisher=head.publisher,
        via=head.via,
        url=head.url,
    )


class _CorpusState:
    """The duplicate index and the story clusterer, kept in step with the store."""

    def __init__(self, store: Store, duplicates: Any, clusterer: Any, placed: int, replayed: bool = False) -> None:
        self.store = store
        self.duplicates = duplicates
        self.clusterer = clusterer
        self.placed = placed
        #: Rebuilt from the store because the saved state did not match it (not saved since).
        self.replayed = replayed
        #: Articles placed by this state: (story, the clusterer's story).
        self._story_of: dict[str, tuple[str, str]] = {}

    @classmethod
    def load(cls, store: Store) -> _CorpusState:
        from crosswire.stories.cluster import StoryClusterer
        from crosswire.stories.dedupe import DuplicateIndex

        duplicates = DuplicateIndex.restore(store.signatures())
        count = store.count_articles()
        saved = store.load_state(_CLUSTER_STATE_KEY)
        problem = _state_problem(saved, count, store)
        if problem is None and saved is not None:
            try:
                return cls(store, duplicates, StoryClusterer.from_state(saved["state"]), count)
            except (ValueError, KeyError, TypeError) as error:  # another version of the clusterer
                problem = f"it cannot be read ({error})"
        if problem is not None:
            log.warning("the saved story clusterer state does not match the store: %s; replaying", problem)
        # The saved clusterer is missing or does not match the articles:
        # replay the stored articles in the order they were placed, which
        # reproduces the same assignments deterministically.
        clusterer = StoryClusterer()
        differing = 0
        for stored in store.iter_articles():
            if stored.duplicate_of is None and clusterer.assign(stored.article) != stored.clustered_story_id:
                differing += 1
        if differing:
            log.warning("replaying the store put %d articles in other stories than stored", differing)
        return cls(store, duplicates, clusterer, count, replayed=problem is not None)

    def place(self, article: Article, digest: str, overlay: Overlay | None = None) -> StoredArticle:
        """Place a new article: a copy joins its original's story, anything else the clusterer's choice,
        past the editors' merges (``crosswire.corrections``)."""
        from crosswire.stories.dedupe import DuplicateIndex

        signature = DuplicateIndex.signature(article.text)
        match = self.duplicates.add_signature(article.id, signature)
        if match is not None:
            story_id, clustered = self._story_of.get(match.original) or self._stored_story(match.original)
        else:
            clustered = self.clusterer.assign(article)
            story_id = overlay.resolve(clustered) if overlay else clustered
        self._story_of[article.id] = (story_id, clustered)
        self.placed += 1
        return StoredArticle(
            article=article,
            content_hash=digest,
            story_id=story_id,
            duplicate_of=match.original if match is not None else None,
            similarity=match.similarity if match is not None else None,
            signature=signature,
            cluster_story_id=clustered if clustered != story_id else None,
        )

    def _stored_story(self, article_id: str) -> tuple[str, str]:
        stored = self.store.get_article(article_id)
        if stored is None:  # the index and the store disagree: treat as new
            raise NotFoundError(f"duplicate index names {article_id!r}, which is not stored")
        return stored.story_id, stored.clustered_story_id

    def save(self) -> None:
        self.store.save_state(_CLUSTER_STATE_KEY, {"articles": self.placed, "state": self.clusterer.export_state()})
        self.replayed = False


def _state_problem(saved: dict[str, Any] | None, count: int, store: Store) -> str | None:
    """Why a saved clusterer state does not describe the stored articles, or None.

    It must have placed exactly the stored articles (their number) and know
    exactly the stories they are in.
    """
    if saved is None:
        return None if count == 0 else "there is none"
    if saved.get("articles") != count:
        return f"it has placed {saved.get('articles')} articles, the store holds {count}"
    try:
        known = {str(story["id"]) for story in saved["state"]["stories"]}
    except (KeyError, TypeError):
        return "it names no stories"
    stored = store.story_ids()
    if known != stored:
        return f"{len(stored - known)} stored stories are missing from it, {len(known - stored)} are not stored"
    return None


def publication_sort_key(article: Article) -> tuple[int, str, int]:
    """Dated articles first, oldest first; undated ones keep their order after.

    At the same date an outlet's own article goes before a republication of
    it (one with ``via``), so the original is the one copies are matched to.
    """
    republished = 1 if article.via else 0
    return (0, article.published, republished) if article.published else (1, "", republished)


def _worker_batch(count: int, workers: WorkerPool) -> int:
    """Batches of about a quarter of a worker's share: large enough for spaCy to batch,
    small enough that the workers finish a chunk at about the same time."""
    return max(8, math.ceil(count / (4 * workers.processes)))


def _chunk_size() -> int:
    raw = os.environ.get(CHUNK_SIZE_ENV, "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else CHUNK_SIZE


def _pause_for_test(point: str, chunk: int) -> None:
    """Stop this process here when ``CROSSWIRE_TEST_PAUSE_AT`` names this point (see ``PAUSE_ENV``)."""
    wanted = os.environ.get(PAUSE_ENV)
    if not wanted:
        return
    name, _, number = wanted.partition(":")
    if name == point and (not number or number == str(chunk)):
        print(f"crosswire: test pause at {point}:{chunk}", file=sys.stderr, flush=True)
        os.kill(os.getpid(), signal.SIGSTOP)


def _chunks(items: Iterable[SourceItem], size: int) -> Iterator[list[SourceItem]]:
    chunk: list[SourceItem] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
