"""Worker processes for the slow per-article work: extraction and annotation.

``WorkerPool.map`` sends batches of items to worker processes and yields
their results in input order.  At most two batches per worker are in flight,
so a long stream is read as it is worked through.  ``WorkerPool.submit``
hands over a bounded list at once and gives its results when asked, so the
caller can do other work meanwhile (the engine stores one chunk while the
workers extract the next).

It runs its own process pool rather than ``multiprocessing.Pool`` or spaCy's
``nlp.pipe(n_process=...)``: each worker is set up to end with the process
that started it, so an ingest that is killed (SIGKILL, the OOM killer) does
not leave workers of a few hundred MB each running forever, and a worker
that dies makes the batch fail instead of hang.  Each worker also keeps its
BLAS to one thread: the workers already take one core each.
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
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: ``CROSSWIRE_PROCESSES``: how many worker processes an ingest or a large annotation batch uses.
PROCESSES_ENV = "CROSSWIRE_PROCESSES"
#: Fewer items than this per worker are worked in this process: starting
#: workers costs more than a second process saves on a small batch.
MIN_ITEMS_PER_WORKER = 32


def default_processes() -> int:
    """Worker processes: ``CROSSWIRE_PROCESSES``, else every core (at most 4)."""
    configured = os.environ.get(PROCESSES_ENV)
    if configured and configured.isdigit() and int(configured) > 0:
        return int(configured)
    return max(1, min(4, os.cpu_count() or 1))


def processes_for(count: int, processes: int) -> int:
    """How many workers ``count`` items pay for, at most ``processes`` (1: work them here)."""
    return max(1, min(processes, count // MIN_ITEMS_PER_WORKER))


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    stream = iter(items)
    while batch := list(itertools.islice(stream, max(1, size))):
        yield batch


class WorkerPool:
    """``processes`` worker processes, started on the first :meth:`map` and stopped by :meth:`close`.

    ``setup`` runs first thing in each worker (install the pipeline); like
    the functions given to :meth:`map`, it must be defined at module level
    (or be a ``functools.partial`` of such a function) so that it can be sent
    to a worker.  ``preload`` runs here, once, right before the workers
    start: what it loads, workers started by forking share instead of each
    loading their own.
    """

    def __init__(
        self, processes: int, setup: Callable[[], None] | None = None, preload: Callable[[], None] | None = None
    ) -> None:
        self.processes = max(1, processes)
        self._setup = setup
        self._preload = preload
        self._executor: ProcessPoolExecutor | None = None

    def map(self, function: Callable[[list[T]], list[R]], batches: Iterable[list[T]]) -> Iterator[R]:
        """``function`` over each batch in a worker; the results of every batch, in order."""
        executor = self._start()
        pending: collections.deque[Future[list[R]]] = collections.deque()
        for batch in batches:
            pending.append(executor.submit(function, batch))
            if len(pending) >= 2 * self.processes:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()

    def submit(self, function: Callable[[list[T]], list[R]], items: list[T], batch_size: int) -> Submitted[R]:
        """``function`` over ``items`` in batches, started now; :meth:`Submitted.results` waits for them."""
        executor = self._start()
        return Submitted([executor.submit(function, batch) for batch in batched(items, batch_size)])

    @property
    def started(self) -> bool:
        return self._executor is not None

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def _start(self) -> ProcessPoolExecutor:
        if self._executor is None:
            if self._preload is not None:
                self._preload()
            context = multiprocessing.get_context()
            # A forkserver starts the workers as its own children; they then end with it (and it with us).
            parent = None if context.get_start_method() == "forkserver" else os.getpid()
            self._executor = ProcessPoolExecutor(
                max_workers=self.processes,
                mp_context=context,
                initializer=_start_worker,
                initargs=(parent, self._setup),
            )
        return self._executor


class Submitted(Generic[R]):
    """Work handed to a pool; its results, in order, once done."""

    def __init__(self, futures: list[Future[list[R]]]) -> None:
        self._futures = futures

    @classmethod
    def done(cls, results: list[R]) -> Submitted[R]:
        """Work done in this process already, in the same form."""
        future: Future[list[R]] = Future()
        future.set_result(results)
        return cls([future])

    def results(self) -> list[R]:
        return [result for future in self._futures for result in future.result()]


def _start_worker(parent: int | None, setup: Callable[[], None] | None) -> None:
    """In a worker, first thing: end with ``parent`` (None: the process that started it); leave Ctrl-C to it."""
    _end_with_parent(os.getppid() if parent is None else parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the pool on Ctrl-C
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    if setup is not None:
        setup()


_PR_SET_PDEATHSIG = 1


def _end_with_parent(parent: int) -> None:
    """Make this process end when ``parent`` does.

    On Linux the kernel sends SIGKILL when the parent exits (``PR_SET_PDEATHSIG``;
    strictly, when the parent thread that started this worker exits, which is
    the thread iterating :meth:`WorkerPool.map`).  Elsewhere a daemon thread
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
