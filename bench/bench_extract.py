"""Extraction speed: pages/s of ``extract_html`` against plain trafilatura on
the ScrapingHub pages, and captures/s of ``extract_capture``.

Rates are in CPU time of this process (``time.process_time``): the machine
is shared, and another engineer's job steals wall-clock time from either
side unevenly, while the CPU time a page costs stays put.  The load average
is printed beside them.

Usage: .venv/bin/python bench/bench_extract.py [DATA_DIR] [--limit N]
(DATA_DIR defaults to ../shared/data beside the repository).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import trafilatura

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
    if not items:
        return 0.0
    _run(items, work)
    best = float("inf")
    for _ in range(PASSES):
        started = time.process_time()
        _run(items, work)
        best = min(best, time.process_time() - started)
    return len(items) / best


def _run(items: Sequence[object], work: Callable[[object], object]) -> None:
    for item in items:
        with contextlib.suppress(InputError):  # a refused page still cost its time
            work(item)


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
    ours, theirs = rate(pages, ours_html), rate(pages, plain)
    print(f"extract_html        {ours:7.1f} pages/s  {1000 / ours:5.1f} ms/page  ({len(pages)} pages)")
    print(f"plain trafilatura   {theirs:7.1f} pages/s  {1000 / theirs:5.1f} ms/page")
    print(f"time per page       {theirs / ours:7.2f} x plain trafilatura's (target: at most {TARGET_RATIO} x)")
    print(f"extract_capture     {rate(captures, ours_capture):7.1f} captures/s  ({len(captures)} captures)")


if __name__ == "__main__":
    main()
