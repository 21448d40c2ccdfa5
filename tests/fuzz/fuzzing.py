"""Shared pieces of the fuzz tests: budgets per test and profile, a wall-clock
bound per example, a scratch folder, and the checks every reader must pass."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import threading
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any, TypeVar

from hypothesis import reject, settings

from crosswire.errors import InputError
from crosswire.model import Article, Capture

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")

#: Examples per test: (ci, long).  The long column over the readers adds up to
#: more than 100,000 (see ``long_reader_total``); annotate is kept small.
BUDGETS: dict[str, tuple[int, int]] = {
    "html_bytes": (400, 12_000),
    "html_gz": (250, 6_000),
    "capture_bytes": (400, 12_000),
    "capture_text": (300, 8_000),
    "capture_surrogates": (200, 4_000),
    "jsonl_lines": (500, 15_000),
    "jsonl_gz": (200, 4_000),
    "jsonl_surrogates": (200, 4_000),
    "warc_records": (400, 12_000),
    "warc_bytes": (200, 6_000),
    "feed_xml": (300, 8_000),
    "feed_bytes": (200, 4_000),
    "parquet_rows": (100, 3_000),
    "parquet_bytes": (150, 3_000),
    "sources_dir": (150, 4_000),
    "extract_html": (100, 2_000),
    "extract_capture": (200, 5_000),
    "extract_record": (200, 5_000),
    "annotate_text": (30, 1_000),
    "annotate_words": (20, 1_000),
}
READER_TESTS = frozenset(name for name in BUDGETS if not name.startswith(("extract", "annotate")))

#: Examples run in this session, by budget name (printed in the pytest summary).
EXAMPLES_RUN: Counter[str] = Counter()

#: No single example may take longer than this: a reader that loops or
#: blows up on an input fails the test instead of hanging it.
EXAMPLE_SECONDS = 20.0


def long_reader_total() -> int:
    return sum(BUDGETS[name][1] for name in READER_TESTS)


def budget(name: str) -> settings:
    """The settings of one fuzz test: the chosen profile with this test's count."""
    ci, long = BUDGETS[name]
    count = long if PROFILE == "long" else ci
    return settings(settings.get_profile(PROFILE), max_examples=count)


class Hang(Exception):
    """An example ran past :data:`EXAMPLE_SECONDS`."""


@contextmanager
def bounded(name: str, seconds: float = EXAMPLE_SECONDS) -> Iterator[None]:
    """Count one example of ``name`` and fail it with :class:`Hang` if it runs too long."""
    EXAMPLES_RUN[name] += 1
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _expired(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"one example of {name} ran for more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def scratch() -> Iterator[Path]:
    """A fresh folder for one example (hypothesis cannot share pytest's tmp_path between examples)."""
    folder = Path(tempfile.mkdtemp(prefix="crosswire-fuzz-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


Item = Capture | Article | InputError
T = TypeVar("T")


def read_all(reader: Callable[[Path], Iterable[T]], path: Path) -> list[T | InputError]:
    """Everything ``reader`` yields for ``path``; an :class:`InputError` it raises
    becomes the last item (that is how ``iter_sources`` passes it on).  Any other
    exception propagates and fails the test."""
    items: list[T | InputError] = []
    try:
        items.extend(reader(path))
    except InputError as error:
        items.append(error)
    return items


def check_items(items: Iterable[Any], path: Path, names_path: bool = True) -> list[Any]:
    """Every item is a capture, an article or an error naming ``path`` (or a record in it).

    ``names_path=False`` for Parquet: a row's error names the input the batch job read."""
    checked = list(items)
    for item in checked:
        assert isinstance(item, Capture | Article | InputError), f"{type(item).__name__} from a reader"
        if isinstance(item, InputError):
            assert not names_path or item.origin.startswith(str(path)), f"error {item} does not name {path}"
            assert item.problem.strip(), "an error without a problem"
            assert "Traceback" not in item.problem
            assert item.as_json() == {"path": item.origin, "error": item.problem}
        elif isinstance(item, Capture):
            assert item.id, "a capture without an id"
            assert item.origin.startswith(str(path))
            assert isinstance(item.content, bytes | str)
        _assert_valid_unicode(item)
    return checked


def _assert_valid_unicode(item: Any) -> None:
    """Every text an item carries can be encoded as UTF-8 (no lone surrogate gets past a
    reader), and what gets stored holds no NUL (PostgreSQL text refuses it)."""
    texts: list[object] = []
    if isinstance(item, InputError):
        texts = [item.origin, item.problem]
    elif isinstance(item, Capture):
        texts = [item.id, item.origin, item.content, *_hint_texts(item.hints)]
    elif isinstance(item, Article):
        texts = [item.id, item.origin, item.text, item.title, item.author, item.publisher, item.url]
    for text in texts:
        if isinstance(text, str):
            text.encode("utf-8")  # UnicodeEncodeError fails the example
            assert isinstance(item, InputError) or "\x00" not in text, f"a NUL in {text!r}"


def _hint_texts(hints: Any) -> list[object]:
    return [getattr(hints, name) for name in ("title", "author", "published", "publisher", "url", "language")]


#: Known bugs (each with a strict-xfail reproducer in ``test_fuzz_known_bugs.py``),
#: by the function they are raised in: an example that hits one is rejected, so a
#: fuzz test goes on looking for other bugs.  Remove an entry when its fix lands.
KNOWN_BUG_FRAMES: tuple[tuple[str, str], ...] = ()


@contextmanager
def known_bugs_rejected() -> Iterator[None]:
    try:
        yield
    except (ValueError, UnicodeError) as error:
        frames = traceback.extract_tb(error.__traceback__)
        if any(
            frame.filename.endswith(file) and frame.name == name for frame in frames for file, name in KNOWN_BUG_FRAMES
        ):
            reject()
        raise
