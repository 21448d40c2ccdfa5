"""Extraction speed: pages/s of ``extract_html`` against plain trafilatura on
the ScrapingHub pages, and captures/s of ``extract_capture``.

Rates are in CPU time of this process (``time.process_time``): the machine
is shared, and another engineer's job steals wall-clock time from either
side unevenly, while the CPU time a page costs stays put.  The load average
is printed beside them.

With ``--stages``, one more pass of ``extract_html`` times each step it calls
(trafilatura's extraction, the parse, each of our readers): CPU ms a page, the
steps a step calls counted in it too (htmldate's search within the page date).

Usage: .venv/bin/python bench/bench_extract.py [DATA_DIR] [--limit N] [--stages]
(DATA_DIR defaults to ../shared/data beside the repository).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import trafilatura

import crosswire.extract.html as html_module
from crosswire.errors import InputError
from crosswire.extract import extract_capture, extract_html
from crosswire.model import Capture

#: Our HTML extraction may take at most this many times plain trafilatura's time per page (issue 16).
TARGET_RATIO = 1.2


#: Timed passes per extractor; the fastest counts (as timeit does), since a
#: shared machine only ever adds time.
PASSES = 3


def rate(items: Sequence[object], work: Callable[[object], object]) -> float:
    """Items per CPU second of ``work`` over ``items``: the best of
    ``PASSES`` timed passes after a warm-up pass.

    The warm-up pays one-time costs (dateparser compiles its locale
    patterns on first use, about 3 s) that any real run of many pages
    amortises; both tools get the same treatment.
    """
    return rates(items, [work])[0]


def rates(items: Sequence[object], works: Sequence[Callable[[object], object]]) -> list[float]:
    """:func:`rate` of each of ``works``, their passes taken in turn (ours, theirs, ours, ...), so that a
    burst of load on the shared machine falls on both sides of a ratio instead of on one."""
    if not items:
        return [0.0 for _ in works]
    for work in works:
        _run(items, work)
    best = [float("inf") for _ in works]
    for _ in range(PASSES):
        for index, work in enumerate(works):
            started = time.process_time()
            _run(items, work)
            best[index] = min(best[index], time.process_time() - started)
    return [len(items) / seconds for seconds in best]


def _run(items: Sequence[object], work: Callable[[object], object]) -> None:
    for item in items:
        with contextlib.suppress(InputError):  # a refused page still cost its time
            work(item)


#: The steps of ``extract_html`` timed by ``--stages``: names it calls from its module (its readers
#: and the modules whose functions it calls through them).
STAGES = (
    "decode_html", "parse_page", "read_metadata", "trafilatura.bare_extraction", "recover_split_body",
    "fallback_metadata", "publication_date", "htmldate.find_date", "header_publication_date",
    "labelled_page_date", "marked_header_date", "dated_above_headline", "credit_blocks", "detect_provenance",
    "clean_body", "_with_co_writers", "_author_of_page", "visible_byline", "byline_author", "markup_author",
    "looks_like_index_page",
)  # fmt: skip


@contextlib.contextmanager
def timed_stages(spent: dict[str, float]) -> Iterator[None]:
    """While open, the CPU time of each of ``STAGES`` (by its name in ``crosswire.extract.html``)
    is added up in ``spent``; the functions are put back on leaving."""
    replaced: list[tuple[Any, str, Any]] = []
    for name in STAGES:
        owner: Any = html_module
        *path, attribute = name.split(".")
        for part in path:
            owner = getattr(owner, part)
        original = getattr(owner, attribute)

        def timed(*args: Any, __original: Any = original, __name: str = name, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return __original(*args, **kwargs)
            finally:
                spent[__name] += time.process_time() - started

        replaced.append((owner, attribute, original))
        setattr(owner, attribute, timed)
    try:
        yield
    finally:
        for owner, attribute, original in reversed(replaced):
            setattr(owner, attribute, original)


def stage_times(items: Sequence[Capture]) -> dict[str, float]:
    """CPU ms a page of each step of ``extract_html`` over ``items``, in one pass."""
    spent: dict[str, float] = defaultdict(float)

    def extract(capture: object) -> object:
        assert isinstance(capture, Capture)
        return html_module.extract_html(capture)

    with timed_stages(spent):
        _run(items, extract)
    return {name: 1000 * seconds / len(items) for name, seconds in spent.items()}


def html_pages(data_dir: Path, limit: int | None) -> list[Capture]:
    pages = sorted((data_dir / "extraction" / "scrapinghub-dev" / "pages").glob("*.html.gz"))[:limit]
    return [Capture(id=p.name, kind="html", origin=str(p), content=gzip.decompress(p.read_bytes())) for p in pages]


def text_captures(data_dir: Path, limit: int | None) -> list[Capture]:
    files = sorted((data_dir / "captures" / "scrapinghub-dev" / "captures").glob("*.txt"))[:limit]
    return [Capture(id=f.name, kind="capture", origin=str(f), content=f.read_text("utf-8")) for f in files]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "data_dir", nargs="?", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data"
    )
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--stages", action="store_true", help="time each step of extract_html too")
    args = parser.parse_args()
    pages = html_pages(args.data_dir, args.limit)
    captures = text_captures(args.data_dir, args.limit)

    def plain(capture: object) -> object:
        assert isinstance(capture, Capture)
        return trafilatura.extract(capture.content)

    def ours_html(capture: object) -> object:
        assert isinstance(capture, Capture)
        return extract_html(capture)

    def ours_capture(capture: object) -> object:
        assert isinstance(capture, Capture)
        return extract_capture(capture)

    print(f"load average        {os.getloadavg()[0]:7.2f} (2 cores shared; rates are CPU time)")
    ours, theirs = rates(pages, [ours_html, plain])
    print(f"extract_html        {ours:7.1f} pages/s  {1000 / ours:5.1f} ms/page  ({len(pages)} pages)")
    print(f"plain trafilatura   {theirs:7.1f} pages/s  {1000 / theirs:5.1f} ms/page")
    print(f"time per page       {theirs / ours:7.2f} x plain trafilatura's (target: at most {TARGET_RATIO} x)")
    print(f"extract_capture     {rate(captures, ours_capture):7.1f} captures/s  ({len(captures)} captures)")
    if args.stages and pages:
        print("extract_html steps (CPU ms a page; a step's own calls counted in it too):")
        for name, spent in sorted(stage_times(pages).items(), key=lambda item: -item[1]):
            print(f"  {name:28s} {spent:6.2f}")


if __name__ == "__main__":
    main()
