"""Batch speed: records/s of ``run_batch`` on a WARC of N news pages.

Usage: .venv/bin/python bench/bench_batch.py [N] [--actors K] [--serial] [--pages DIR]
(N defaults to 200).  The pages are generated fictional reports, short ones,
unless ``--pages`` names a folder of ``.html.gz`` pages (such as
``../shared/data/extraction/trafilatura-dev/pages``): then the first N of
them, by name, are written into the WARC (in a temporary folder).
``--serial`` also times plain in-process extract + annotate over the same
pages, for comparison.  Ray is started locally with every CPU of the
machine; its start-up time is reported apart.
"""

from __future__ import annotations

import argparse
import gzip
import logging
import random
import tempfile
import time
from pathlib import Path

import ray

from crosswire.batch import run_batch

_PLACES = ("Portvale", "Aldmoor", "Kestrel Bay", "Ebbing", "Marrowgate", "Lindqvist", "Orran", "Tessaly")
_SUBJECTS = ("The council", "Rescue crews", "The port authority", "Farmers", "Engineers", "The mayor", "Police")
_VERBS = ("reported", "announced", "confirmed", "denied", "estimated", "counted", "approved")
_OBJECTS = (
    "new flood barriers",
    "a budget of {n} million euros",
    "{n} damaged homes",
    "a rise in fares",
    "{n} stranded passengers",
    "the closure of the bridge",
    "a second inquiry",
)


def _sentence(rng: random.Random) -> str:
    thing = rng.choice(_OBJECTS).format(n=rng.randint(2, 900))
    day = rng.choice(("Monday", "Tuesday", "Friday"))
    return f"{rng.choice(_SUBJECTS)} in {rng.choice(_PLACES)} {rng.choice(_VERBS)} {thing} on {day}."


def _page(rng: random.Random, number: int) -> bytes:
    paragraphs = "".join(f"<p>{' '.join(_sentence(rng) for _ in range(4))}</p>" for _ in range(5))
    html = (
        f"<html><head><title>Report {number}</title>"
        f'<meta property="article:published_time" content="2026-10-{1 + number % 28:02d}"></head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>Report {number}</h1>{paragraphs}</article>"
        "</body></html>"
    )
    return html.encode()


def _record(uri: str, body: bytes, number: int) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + f"Content-Length: {len(body)}\r\n\r\n".encode() + body
    head = (
        f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{number:032x}>\r\n"
        f"WARC-Date: 2026-11-01T00:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    )
    return gzip.compress(head.encode() + http + b"\r\n\r\n")


def write_synthetic_warc(path: Path, pages: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("wb") as stream:
        for number in range(pages):
            stream.write(_record(f"https://bench.example/report-{number}", _page(rng, number), number))


def write_pages_warc(path: Path, folder: Path, pages: int) -> int:
    """The first ``pages`` ``.html.gz`` files of ``folder``, by name, as one WARC; returns how many."""
    files = sorted(folder.glob("*.html.gz"))[:pages]
    with path.open("wb") as stream:
        for number, file in enumerate(files):
            stream.write(_record(f"https://bench.example/page-{number}", gzip.decompress(file.read_bytes()), number))
    return len(files)


def serial_rate(warc: Path) -> float:
    from crosswire.annotate import default_stages
    from crosswire.extract import extract
    from crosswire.model import Capture
    from crosswire.pipeline import Pipeline
    from crosswire.sources import iter_sources

    pipeline = Pipeline(default_stages())
    captures = [item for item in iter_sources([warc]) if isinstance(item, Capture)]
    started = time.perf_counter()
    annotated = list(pipeline.pipe(extract(capture) for capture in captures))
    return len(annotated) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pages", nargs="?", type=int, default=200)
    parser.add_argument("--actors", type=int, default=None)
    parser.add_argument("--serial", action="store_true")
    parser.add_argument("--pages", dest="folder", type=Path, default=None, help="a folder of .html.gz pages to use")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        warc = Path(scratch) / "bench.warc.gz"
        if args.folder is not None:
            args.pages = write_pages_warc(warc, args.folder, args.pages)
        else:
            write_synthetic_warc(warc, args.pages)
        started = time.perf_counter()
        ray.init(include_dashboard=False, logging_level=logging.ERROR)
        ray_start = time.perf_counter() - started
        cpus = ray.cluster_resources().get("CPU")  # type: ignore[no-untyped-call]
        started = time.perf_counter()
        summary = run_batch([str(warc)], Path(scratch) / "out", actors=args.actors)
        elapsed = time.perf_counter() - started
        ray.shutdown()
        print(f"pages: {args.pages}  articles: {summary['articles']}  errors: {len(summary['errors'])}")
        print(
            f"ray start: {ray_start:.1f} s  batch (incl. model loads): {elapsed:.1f} s  "
            f"-> {args.pages / elapsed:.1f} records/s  (CPUs: {cpus})"
        )
        if args.serial:
            print(f"serial extract+annotate in one process: {serial_rate(warc):.1f} records/s (models loaded first)")


if __name__ == "__main__":
    main()
