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
from typing import TYPE_CHECKING, Any

from crosswire.corrections import Overlay
from crosswire.errors import InputError, NotFoundError
from crosswire.model import Article, Brief, Capture, Story
from crosswire.pipeline import Pipeline, Stage, install_in_worker, pipe_in_worker
from crosswire.preparation import Prepared, prepare_batch
from crosswire.sources import SourceItem, iter_sources
from crosswire.store import ArticleSummary, Store, StoredArticle, StoryListing, StoryQuery, StorySummary
from crosswire.workers import Submitted, WorkerPool, batched, default_processes, processes_for

if TYPE_CHECKING:
    from crosswire.stories.cluster import StoryLoader
    from crosswire.stories.dedupe import Indexed

log = logging.getLogger(__name__)

#: Captures are extracted and annotated this many at a time, so spaCy can
#: batch and so articles within a chunk can be ordered by publication date.
CHUNK_SIZE = 128
_CLUSTER_STATE_KEY = "story_clusterer"
#: The story clusterer's state is stored as a small header (the ``state`` row
#: under _CLUSTER_STATE_KEY) and items of these kinds, each the part of
#: ``StoryClusterer.export_state`` it names, so that a chunk saves only the
#: stories, terms and headline words it changed: rewriting the whole state
#: after every chunk cost more per article the larger the store grew.
_CLUSTER_STATE_PARTS = {
    "story": "stories",
    "story_day": "story_days",
    "document_frequency": "document_frequencies",
    "posting": "index",
    "headline_word": "headline_words",
}
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
        #: The worker processes of the ingest under way, if any.
        self._workers: WorkerPool | None = None

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

        The input goes in chunks.  Extraction and annotation run in worker
        processes; this process dedupes, clusters and stores.  Chunks
        overlap: the workers annotate a chunk, then extract the next one while
        this process stores the first.  The briefs of the stories the ingest
        changed are written in the workers too.
        """
        report = IngestReport()
        setup = functools.partial(install_in_worker, self.pipeline)
        with WorkerPool(self.processes, setup=setup, preload=_load_shared_models) as workers:
            self._workers = workers  # for the listing refreshes on the way
            try:
                self._ingest_chunks(items, report, workers, progress)
                self._refresh_listing(workers)
            finally:
                self._workers = None
        return report

    def _ingest_chunks(
        self, items: Iterable[SourceItem], report: IngestReport, workers: WorkerPool, progress: Progress | None
    ) -> None:
        done = 0
        extracting: _Extracting | None = None
        for number, chunk in enumerate(_chunks(items, _chunk_size()), start=1):
            annotating = self._annotating(extracting, report, workers) if extracting else None
            extracting = self._extracting(chunk, number, report, workers)
            if annotating is not None:
                self._store_annotated(annotating, report)
                done += annotating.size
                if progress is not None:
                    progress(done, report.ingested)
        if extracting is not None:
            self._store_annotated(self._annotating(extracting, report, workers), report)
            if progress is not None:
                progress(done + extracting.size, report.ingested)

    def _extracting(
        self, chunk: list[SourceItem], number: int, report: IngestReport, workers: WorkerPool
    ) -> _Extracting:
        """A chunk's inputs handed to the workers for extraction (or extracted here, when there are few)."""
        fresh: list[Capture | Article] = []
        seen_ids: set[str] = set()
        for item in chunk:
            if isinstance(item, InputError):
                report.errors.append(item.as_json())
            # A first look for duplicates, to spare their extraction and
            # annotation; _store_chunk looks again under the write lock.
            elif item.id in seen_ids or self.store.has_article(item.id):
                report.duplicates += 1
            else:
                seen_ids.add(item.id)
                fresh.append(item)
        # Articles (records, feed items) arrive extracted: only their checks are left, done here.
        if _in_workers(sum(isinstance(item, Capture) for item in fresh), workers):
            return _Extracting(number, len(chunk), workers.submit(prepare_batch, fresh, _worker_batch(fresh, workers)))
        return _Extracting(number, len(chunk), Submitted.done(prepare_batch(fresh)))

    def _annotating(self, extracting: _Extracting, report: IngestReport, workers: WorkerPool) -> _Annotating:
        """The chunk's new articles, deduped by text, ordered and handed to the workers for annotation."""
        articles: list[tuple[Article, str]] = []
        seen_hashes: set[str] = set()
        for ready in extracting.prepared.results():
            if ready.error is not None:
                report.errors.append(ready.error)
            elif ready.skipped is not None:
                report.skipped.append(ready.skipped)
            elif ready.article is not None:
                if ready.digest in seen_hashes or self.store.article_with_content(ready.digest) is not None:
                    report.duplicates += 1
                    continue
                seen_hashes.add(ready.digest)
                articles.append((ready.article, ready.digest))
        # Within a chunk, articles arrive in publication order, so the earliest
        # copy of a text is the one recorded as the original.
        articles.sort(key=lambda pair: publication_sort_key(pair[0]))
        # Articles that arrive annotated (a batch job's Parquet output) pass through as they are.
        todo = [article for article, _ in articles if not _annotated(article)]
        if _in_workers(len(todo), workers):
            annotated = workers.submit(pipe_in_worker, todo, _worker_batch(todo, workers))
        else:
            annotated = Submitted.done(list(self.pipeline.pipe_here(todo)))
        return _Annotating(extracting.number, extracting.size, articles, annotated)

    def _store_annotated(self, annotating: _Annotating, report: IngestReport) -> None:
        # The whole chunk is annotated before the write lock is taken: the
        # slow, parallel part runs beside other ingests, and the workers are
        # done before anything can fail in the store.
        pending = iter(annotating.annotated.results())
        articles = [
            (article if _annotated(article) else next(pending), digest) for article, digest in annotating.articles
        ]
        if not articles:
            return
        _pause_for_test("annotated", annotating.number)
        self._store_chunk(articles, report, annotating.number)

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
                    self._refresh_listing(self._workers)
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
        stories = [story_of(story_id, articles, duplicates) for story_id, articles in members.items()]
        stories.sort(key=lambda s: (-s.independent_sources, -len(s.articles), s.first_published or "", s.id))
        return stories

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
        return story_of(story_id, [_head_article(head) for head in heads], duplicates)

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
        return write_story_brief(story_id, self._story_articles(story_id))

    # -- the story listing and stored briefs --------------------------------
    def _refresh_listing(self, workers: WorkerPool | None = None) -> None:
        """Recompute the listing rows this engine's ingest left due (see ``LISTING_REFRESH_SECONDS``)."""
        due, self._listing_due = self._listing_due, set()
        self.refresh_story_summaries(due, workers)
        self._listing_refreshed = time.monotonic()

    def refresh_story_summaries(self, story_ids: Iterable[str] = (), workers: WorkerPool | None = None) -> int:
        """Write and store the briefs and listing rows of these stories and of every story whose row is
        missing or out of date (a store written before listings were kept); returns how many.

        The listing row (contested facts, outlets, names) is read off the brief; a fact an editor
        marked wrong is not counted as contested.  Given ``workers``, the briefs are written in them,
        a few stories at a time, while this process reads the next stories and stores the briefs.
        """
        with self.store.writing():
            wanted = sorted(set(story_ids) | self.store.stories_without_summary())
            overlay = Overlay(self.store.corrections())
            inputs = (
                (story_id, self._story_articles(story_id), frozenset(overlay.wrong_facts(story_id)))
                for story_id in wanted
            )
            if workers is not None and _in_workers(len(wanted), workers):
                written = workers.map(written_briefs, batched(inputs, _STORIES_PER_BATCH))
            else:
                written = (brief for batch in batched(inputs, _STORIES_PER_BATCH) for brief in written_briefs(batch))
            summaries: list[StorySummary] = []
            for brief in written:
                summaries.append(brief.summary)
                self.store.save_story_brief(brief.story_id, brief.article_ids, brief.brief_json)
            self.store.save_story_summaries(summaries)
        return len(wanted)

    def refresh_all_story_summaries(self) -> int:
        """Rewrite every story's brief and listing row (after a change to how briefs are read), drop the
        rows of stories that hold no article any more; returns how many rows were computed."""
        with self.store.writing(), WorkerPool(self.processes, preload=_load_shared_models) as workers:
            held = {story_id for _, story_id, _, _ in self.store.placements()}
            self.store.delete_story_summaries(set(self.store.story_summaries()) - held)
            return self.refresh_story_summaries(held, workers)

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


def story_of(story_id: str, articles: list[Article], duplicates: dict[str, str]) -> Story:
    """The story these articles make (``duplicates``: article id → the id of the article it copies)."""
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


def write_story_brief(story_id: str, stored: list[StoredArticle]) -> tuple[Story, Brief, list[Article]]:
    """The story, its brief written afresh, and its articles, from the story's stored articles."""
    from crosswire.stories.brief import write_brief
    from crosswire.stories.corroborate import corroborate
    from crosswire.stories.sources import independent_sources

    articles = [s.article for s in stored]
    duplicates = {s.article.id: s.duplicate_of for s in stored if s.duplicate_of}
    story = story_of(story_id, articles, duplicates)
    source_of, sources = independent_sources(articles, duplicates)
    facts = corroborate(articles, source_of)
    return story, write_brief(story, articles, facts, sources), articles


@dataclass(frozen=True)
class WrittenBrief:
    """A story's brief (as stored), the articles it was written from, and its listing row."""

    story_id: str
    article_ids: list[str]
    brief_json: str
    summary: StorySummary


#: Stories whose briefs a worker writes at a time.
_STORIES_PER_BATCH = 4


def written_briefs(stories: list[tuple[str, list[StoredArticle], frozenset[str]]]) -> list[WrittenBrief]:
    """The briefs and listing rows of a few stories, each given with its stored articles and the keys
    of the facts an editor marked wrong (in a worker process, or here)."""
    from crosswire.serialize import brief_to_json
    from crosswire.story_listing import summarise

    written: list[WrittenBrief] = []
    for story_id, stored, wrong in stories:
        story, brief, articles = write_story_brief(story_id, stored)
        summary = summarise(story, brief, articles, wrong=wrong)
        written.append(WrittenBrief(story_id, [article.id for article in articles], brief_to_json(brief), summary))
    return written


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

        duplicates = DuplicateIndex(_StoredCopies(store))
        count = store.count_articles()
        header = store.load_state(_CLUSTER_STATE_KEY)
        days = store.load_state_items(_CLUSTER_STATE_KEY, "story_day") if header is not None else {}
        problem = _state_problem(header, set(days), count, store)
        if problem is None and header is not None:
            # Everything but the stories themselves, which the clusterer loads when it needs them.
            state: dict[str, Any] = {
                part: store.load_state_items(_CLUSTER_STATE_KEY, kind)
                for kind, part in _CLUSTER_STATE_PARTS.items()
                if kind not in ("story", "story_day")
            }
            state.update(version=header["version"], documents=header["documents"], stories=[], story_days=days)
            try:
                return cls(store, duplicates, StoryClusterer.from_state(state, _story_loader(store)), count)
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
        # Saved whole at the next save, after which it keeps only the stories it uses in memory.
        clusterer.load_stories = _story_loader(store)
        if problem is not None:  # a store written before the duplicate index was kept in it, among others
            store.delete_copy_keys()
            duplicates.file_again(store.signatures())
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
        """Save what the clusterer changed since the last save (everything, for a replayed one), with the
        number of articles it has placed; inside the chunk's transaction, so it commits with them."""
        if self.replayed:  # the parts of the state it replaces, stories it no longer knows among them
            self.store.delete_state_items(_CLUSTER_STATE_KEY)
        changes = self.clusterer.export_changes()
        for kind, part in _CLUSTER_STATE_PARTS.items():
            items = {str(story["id"]): story for story in changes[part]} if kind == "story" else changes[part]
            self.store.save_state_items(_CLUSTER_STATE_KEY, kind, items)
        from crosswire.stories.dedupe import COPY_KEY_SCHEME

        header = {
            "articles": self.placed,
            "version": changes["version"],
            "documents": changes["documents"],
            "copy_keys": COPY_KEY_SCHEME,
        }
        self.store.save_state(_CLUSTER_STATE_KEY, header)
        self.replayed = False
        self._story_of.clear()  # stored now, and found there (it would grow with every article)


class _StoredCopies:
    """The duplicate index's articles and band keys, kept in the store (``crosswire.stories.dedupe``)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, article_id: str) -> Indexed | None:
        stored = self.store.get_article(article_id)
        if stored is None or stored.signature is None:
            return None
        return _indexed(article_id, stored.signature, stored.duplicate_of)

    def sharing(self, keys: list[int]) -> list[Indexed]:
        return [_indexed(*candidate) for candidate in self.store.copy_candidates(keys)]

    def add(self, article: Indexed, keys: list[int]) -> None:
        # The article's signature and original are stored with it (``StoredArticle``).
        self.store.save_copy_keys(article.article_id, keys)


def _indexed(article_id: str, signature: bytes, duplicate_of: str | None) -> Indexed:
    from crosswire.stories.dedupe import Indexed, decode_signature

    values, size = decode_signature(signature)
    return Indexed(article_id, values, size, duplicate_of)


def _story_loader(store: Store) -> StoryLoader:
    def load(story_ids: list[str]) -> Iterable[dict[str, Any]]:
        return store.load_state_items(_CLUSTER_STATE_KEY, "story", story_ids).values()

    return load


def _state_problem(header: dict[str, Any] | None, known: set[str], count: int, store: Store) -> str | None:
    """Why a saved clusterer state does not describe the stored articles, or None.

    It must be of this version of the clusterer, have placed exactly the
    stored articles (their number) and know exactly the stories they are in
    (``known``, the ids of its stories).
    """
    from crosswire.stories.cluster import STATE_VERSION
    from crosswire.stories.dedupe import COPY_KEY_SCHEME

    if header is None:
        return None if count == 0 else "there is none"
    if header.get("version") != STATE_VERSION:
        return f"it was saved by another version of crosswire (layout {header.get('version')!r}, not {STATE_VERSION})"
    if header.get("copy_keys") != COPY_KEY_SCHEME:
        return f"its articles were filed for copies as {header.get('copy_keys')!r}, not {COPY_KEY_SCHEME}"
    if header.get("articles") != count:
        return f"it has placed {header.get('articles')} articles, the store holds {count}"
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


def _load_shared_models() -> None:
    """What every worker would otherwise load for itself (spaCy's pipelines, the phrase encoder that briefs
    compare claims with, the tables and patterns of :func:`_warm_worker_caches`), loaded once in this
    process before the workers fork from it."""
    from crosswire.annotate import load_models
    from crosswire.semantics import encoder_available

    load_models()
    encoder_available()
    _warm_worker_caches()


def _warm_worker_caches() -> None:
    """Load what the workers load on first use and then keep: lemminflect's verb tables, read by every
    worker that writes briefs (claims' labels, corroboration's verb stems; about 0.4 s and 11 MB a
    process), and the boilerplate line rules every worker extracting pages compiles.  Paid here once, the
    workers share them: over the bench's 150 pages with two workers, 1.2 s less CPU (mean of three runs
    each), wall time unchanged within the shared machine's noise.  Only caches are filled: what any
    reader returns is the same."""
    from lemminflect import getInflection, getLemma

    from crosswire.extract.body import is_boilerplate, is_chrome

    getLemma("went", upos="VERB")
    getInflection("go", tag="VBN")
    is_chrome("")
    is_boilerplate("")


@dataclass
class _Extracting:
    """A chunk in the workers' hands for extraction."""

    number: int
    size: int
    prepared: Submitted[Prepared]


@dataclass
class _Annotating:
    """A chunk's new articles (with the hashes of their texts), in the workers' hands for annotation."""

    number: int
    size: int
    articles: list[tuple[Article, str]]
    annotated: Submitted[Article]


def _in_workers(count: int, workers: WorkerPool) -> bool:
    """Whether to hand work to the workers: they are running already, or it is worth starting them."""
    return count > 0 and workers.processes > 1 and (workers.started or processes_for(count, workers.processes) > 1)


def _worker_batch(items: Sequence[object], workers: WorkerPool) -> int:
    """Batches of about a quarter of a worker's share: large enough for spaCy to batch,
    small enough that the workers finish a chunk at about the same time."""
    return max(4, math.ceil(len(items) / (4 * workers.processes)))


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
