"""The figures issue 13's closing note asks for: crash safety, concurrent
ingests, hostile inputs, XSS payloads and SSRF address forms.

Usage: .venv/bin/python bench/bench_hostile.py [--quick] [--seed N] [--only SECTION ...]
(sections: kills, concurrent, inputs, xss, ssrf; all by default).

kills
    SIGKILLs during ``crosswire ingest`` of the sample corpus (examples/corpus,
    in chunks of 8 so that it spans six), each followed by the same ingest
    again.  Named points use the engine's test hook
    (``CROSSWIRE_TEST_PAUSE_AT``): every point (annotated, placed, saved,
    committed) of every chunk, one chain of kills per point; ``--quick`` runs
    the chain of tests/test_crash_safety.py instead.  Timed kills land at a
    random moment of a fresh ingest.  A kill is survived when the store after it
    is exactly the clean run's store after some chunk (articles, story ids and
    originals, saved clusterer state), ``PRAGMA integrity_check`` is ok, each
    article is in the full-text index once, and the resumed ingest ends equal
    to the clean one-shot run (ids, stories, state), without replaying the state.
concurrent
    Two and three ``crosswire ingest`` processes at once on one store (SQLite,
    and PostgreSQL when a server can be started as tests/store/conftest.py
    does), over overlapping parts of the sample corpus, each run compared with
    every one-at-a-time order (tests/test_concurrency.py's check).
inputs
    Each file of the kept hostile corpus (tests/fuzz/corpus) ingested alone,
    with the default limits, by ``crosswire ingest`` in a process of its own
    (the entry point's ``main`` under ``python -c``, to read its VmHWM as it
    exits): wall time and peak RSS; handled = exit 0 or 1 with its JSON report,
    no traceback, every error naming the file.
    Without ``--quick`` also the oversized inputs issue 13 names, generated:
    a 10 MB one-line capture, a 50 MB page, a 20 MB JSONL line, a 1 GB gzip bomb.
xss
    tests/interfaces/test_security.py's hostile link URLs (and a hostile
    canonical link), tests/interfaces/test_web_ui.py's browser ones, and a few
    markup payloads of this script in titles, outlets and texts, posted to a
    real server; inert = no page carries a link other than http(s) or its own,
    no script, no foreign element or event attribute, and every response has
    the security headers.  The browser test itself runs when chromium is there.
ssrf
    tests/sources/test_web.py's address and URL lists, checked again here, a
    list of other spellings of private addresses (all resolved without DNS), and
    tests/sources/test_web_rebinding.py run by pytest.

Only counts, times and memory are printed, and the names of what failed.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
sys.path[:0] = [str(TESTS)]

from crosswire.engine import PAUSE_POINTS  # noqa: E402
from test_crash_safety import (  # noqa: E402
    CORPUS,
    REPLAYED,
    Reference,
    check_after_kill,
    check_final,
    finish,
    kill,
    reference_run,
    start_ingest,
    wait_for_pause,
)

SECTIONS = ("kills", "concurrent", "inputs", "xss", "ssrf")


@dataclass
class Row:
    section: str
    what: str
    tried: int = 0
    passed: int = 0
    detail: str = ""
    failures: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)

    def record(self, name: str, check: Callable[..., object], *args: Any) -> object:
        """Run ``check(*args)``: passed unless it raises; its result, or None."""
        self.tried += 1
        self.names.append(name)
        try:
            result = check(*args)
        except Exception as error:  # a failed check is a figure, not the end of the bench
            self.failures.append(f"{name}: {type(error).__name__}: {str(error)[:300]}")
            return None
        self.passed += 1
        return result


ROWS: list[Row] = []


def row(section: str, what: str) -> Row:
    ROWS.append(Row(section, what))
    return ROWS[-1]


# -- kills ---------------------------------------------------------------------------
def bench_kills(work: Path, quick: bool, rng: random.Random) -> None:
    reference = reference_run(work / "reference.db", [CORPUS], work / "reference.log")
    chunks = reference.chunks
    final = reference.final
    print(f"  clean run: {len(final.ids)} articles, {len(final.partition)} stories, {len(chunks)} chunks, "
          f"{reference.seconds:.1f} s, first commit at {reference.first_commit:.1f} s")  # fmt: skip
    named = row("kills", "named kill points survived")
    resumes = row("kills", "resumed ingests equal to the clean run")
    if quick:
        chains = [["annotated:2", "placed:3", "saved:4", "committed:5", f"placed:{chunks[-1]}"]]
    else:
        chains = [[f"{point}:{chunk}" for chunk in chunks] for point in PAUSE_POINTS]
    for number, chain in enumerate(chains):
        _kill_chain(work / f"chain-{number}", chain, reference, named, resumes)
    timed = row("kills", "timed kills survived")
    landed: list[int] = []
    for attempt in range(2 if quick else 10):
        offset = reference.kill_moment(rng)
        folder = work / f"timed-{attempt}"
        committed = timed.record(f"kill at {offset:.2f} s", _timed_kill, folder, offset, reference)
        if isinstance(committed, int):
            landed.append(committed)
    timed.detail = "chunks committed when killed: " + " ".join(map(str, landed))


def _kill_chain(folder: Path, chain: list[str], reference: Reference, named: Row, resumes: Row) -> None:
    """Kill an ingest at each point of ``chain`` in turn (each run resumes the last), then finish it."""
    folder.mkdir()
    db = folder / "cw.db"
    for attempt, point in enumerate(chain):
        log = folder / f"kill-{attempt}.log"

        def killed_there(point: str = point, log: Path = log) -> None:
            process = start_ingest(db, [CORPUS], log, pause=point)
            stopped = wait_for_pause(process, log)
            if stopped is not None:
                kill(process)
            assert stopped == point, f"the ingest did not stop at {point} ({stopped}): {log.read_text()[-300:]}"
            assert REPLAYED not in log.read_text(), "the resumed ingest replayed the state"
            name, chunk = point.split(":")
            expected = int(chunk) if name == "committed" else reference.committed(reference.before(int(chunk)))
            assert check_after_kill(db, reference) == expected, f"not the store after chunk {expected}"

        named.record(point, killed_there)
    log = folder / "resume.log"

    def resumed() -> None:
        finish(start_ingest(db, [CORPUS], log), log)
        assert REPLAYED not in log.read_text(), "the resumed ingest replayed the state"
        check_final(db, reference)

    resumes.record(f"resume after {chain[-1]}", resumed)


def _timed_kill(folder: Path, offset: float, reference: Reference) -> int:
    """Kill a fresh ingest ``offset`` seconds after its start; check, resume, check; the chunks it had committed."""
    folder.mkdir()
    db = folder / "cw.db"
    log = folder / "kill.log"
    process = start_ingest(db, [CORPUS], log)
    try:
        process.wait(timeout=offset)
    except subprocess.TimeoutExpired:
        kill(process)
    committed = check_after_kill(db, reference)
    resume = folder / "resume.log"
    finish(start_ingest(db, [CORPUS], resume), resume)
    assert REPLAYED not in resume.read_text(), "the resumed ingest replayed the state"
    check_final(db, reference)
    return int(committed)


# -- concurrent ingests ----------------------------------------------------------------
def bench_concurrent(work: Path, quick: bool) -> None:
    from test_concurrency import _input_sets

    first, second = _input_sets(work / "inputs")
    third = _third_set(work / "inputs" / "c")
    sqlite_runs = {2: 1, 3: 1} if quick else {2: 3, 3: 3}
    postgres_runs = {2: 1} if quick else {2: 2, 3: 2}
    references = {2: _sequential(work / "seq2", (first, second)), 3: _sequential(work / "seq3", (first, second, third))}
    for processes, runs in sqlite_runs.items():
        together = row("concurrent", f"SQLite, {processes} processes")
        for run in range(runs):
            sets = (first, second, third)[:processes]
            sets = sets if run % 2 == 0 else sets[::-1]
            db = str(work / f"sqlite-{processes}-{run}.db")
            together.record(f"run {run}", _together, db, sets, references[processes])
    with _postgres() as server:
        if server is None:
            row("concurrent", "PostgreSQL").detail = "no server could be started: not run"
            return
        for processes, runs in postgres_runs.items():
            together = row("concurrent", f"PostgreSQL, {processes} processes")
            for run in range(runs):
                sets = (first, second, third)[:processes]
                db = _fresh_postgres_database(server)
                together.record(f"run {run}", _together, db, sets, references[processes])


def _together(db: str, sets: tuple[Path, ...], sequential: dict[str, Any]) -> None:
    from test_concurrency import _check_concurrent_result, _ingest_together

    _check_concurrent_result(db, sequential, _ingest_together(db, sets))


def _third_set(folder: Path) -> Path:
    """Overlapping both others: every other page, the captures, the WARC and the feeds."""
    folder.mkdir(parents=True)
    for page in sorted((CORPUS / "html").iterdir())[::2]:
        shutil.copy(page, folder / page.name)
    for extra in [*(CORPUS / "captures").iterdir(), *(CORPUS / "feeds").iterdir(), CORPUS / "archive.warc.gz"]:
        shutil.copy(extra, folder / extra.name)
    return folder


def _sequential(folder: Path, sets: tuple[Path, ...]) -> dict[str, Any]:
    """The stories of every one-at-a-time order of ``sets`` (tests/test_concurrency.py's ``sequential``)."""
    import itertools

    from crosswire.engine import Engine
    from crosswire.store import open_store
    from test_concurrency import _ids, _partition

    partitions = []
    ids: set[str] = set()
    folder.mkdir()
    for number, order in enumerate(itertools.permutations(sets)):
        store = open_store(folder / f"order-{number}.db")
        engine = Engine(store)
        for inputs in order:
            assert engine.ingest([str(inputs)]).errors == []
        partitions.append(_partition(store))
        ids = set(_ids(store))
        store.close()
    return {"partitions": partitions, "ids": ids}


@contextlib.contextmanager
def _postgres() -> Iterator[str | None]:
    """A throwaway PostgreSQL server as tests/store/conftest.py starts one, or None."""
    existing = os.environ.get("CROSSWIRE_TEST_POSTGRES")
    if existing:
        yield existing
        return
    from store.conftest import _as_server_user, _free_port, _server_binary

    try:
        initdb, pg_ctl = _server_binary("initdb"), _server_binary("pg_ctl")
    except BaseException:
        yield None
        return
    home = Path(tempfile.mkdtemp(prefix="crosswire-pg-"))
    data = home / "data"
    if os.geteuid() == 0:
        shutil.chown(home, "postgres")
    port = _free_port()
    try:
        subprocess.run(_as_server_user([initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8"]),
                       check=True, capture_output=True)  # fmt: skip
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {home} -c fsync=off"
        subprocess.run(_as_server_user([pg_ctl, "-D", str(data), "-o", options, "-w", "-l", str(home / "log"),
                                        "start"]), check=True, capture_output=True)  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        shutil.rmtree(home, ignore_errors=True)
        yield None
        return
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_server_user([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]), capture_output=True)
        shutil.rmtree(home, ignore_errors=True)


def _fresh_postgres_database(server: str) -> str:
    import psycopg

    name = f"cw_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}".encode())
    return server.rsplit("/", 1)[0] + f"/{name}"


# -- hostile inputs --------------------------------------------------------------------
@dataclass
class Measured:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float


#: ``crosswire ARGS`` (the entry point's ``main``) that writes its peak RSS (VmHWM, kB) to a file as it exits.
#: Not ``wait4``'s ``ru_maxrss``: that keeps the peak of the forked copy of this
#: (large) process from before the ``exec``.
_WITH_PEAK = """
import atexit, re, sys

def _peak(path=sys.argv[1]):
    with open("/proc/self/status") as status, open(path, "w") as out:
        out.write(re.search(r"VmHWM:\\s+(\\d+)", status.read()).group(1))

atexit.register(_peak)
sys.argv = ["crosswire", *sys.argv[2:]]
from crosswire.interfaces.cli import main
main()
"""


def run_measured(arguments: list[str], folder: Path, env: dict[str, str] | None = None) -> Measured:
    """Run ``crosswire *arguments``: its wall time and its own peak RSS (nan when it died before telling)."""
    out, err, peak = folder / "stdout", folder / "stderr", folder / "peak-kb"
    started = time.monotonic()
    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = subprocess.run([sys.executable, "-c", _WITH_PEAK, str(peak), *arguments], stdout=stdout,
                                 stderr=stderr, env=env, check=False)  # fmt: skip
    seconds = time.monotonic() - started
    peak_mb = int(peak.read_text()) / 1024 if peak.exists() else float("nan")
    return Measured(process.returncode, out.read_text(errors="replace"), err.read_text(errors="replace"), seconds,
                    peak_mb)  # fmt: skip


def bench_inputs(work: Path, quick: bool) -> None:
    kept = row("inputs", "kept hostile corpus files handled")
    files = sorted(path for path in (TESTS / "fuzz" / "corpus").iterdir() if path.is_file())
    table: list[tuple[str, Measured, dict[str, Any] | None]] = []
    for number, path in enumerate(files):
        kept.record(path.name, _ingest_alone, work / f"kept-{number}", path, table)
    if not quick:
        generated = row("inputs", "oversized inputs (issue 13) handled")
        for number, path in enumerate(_oversized(work / "oversized")):
            folder = work / f"big-{number}"
            generated.record(path.name, _ingest_alone, folder, path, table)
    print("\n  file                                 exit  stored errors  seconds  peak RSS MB")
    for name, measured, report in table:
        stored = report["ingested"] if report else "-"
        errors = len(report["errors"]) if report else "-"
        print(f"  {name:36} {measured.returncode:4}  {stored!s:>6} {errors!s:>6}  {measured.seconds:7.2f}  "
              f"{measured.peak_mb:11.0f}")  # fmt: skip
    for entry in ROWS:
        measured_here = [item for item in table if entry.section == "inputs" and item[0] in entry.names]
        if measured_here:
            slowest = max(measured_here, key=lambda item: item[1].seconds)
            largest = max(measured_here, key=lambda item: item[1].peak_mb)
            entry.detail = (f"slowest {slowest[0]} {slowest[1].seconds:.1f} s; "
                            f"largest peak RSS {largest[0]} {largest[1].peak_mb:.0f} MB")  # fmt: skip


def _ingest_alone(folder: Path, path: Path, table: list[tuple[str, Measured, dict[str, Any] | None]]) -> None:
    folder.mkdir(parents=True)
    env = {key: value for key, value in os.environ.items() if not key.startswith("CROSSWIRE_MAX_")}
    measured = run_measured(["--db", str(folder / "cw.db"), "ingest", str(path), "--json"], folder, env)
    report: dict[str, Any] | None = None
    with contextlib.suppress(json.JSONDecodeError):
        report = json.loads(measured.stdout)
    table.append((path.name, measured, report))
    assert measured.returncode in (0, 1), f"exit {measured.returncode}"
    assert "Traceback" not in measured.stderr, measured.stderr[-400:]
    assert report is not None, "no JSON report"
    for error in report["errors"]:
        assert error["error"] and path.name in error["path"] + error["error"], f"an error that names no file: {error}"


def _oversized(folder: Path) -> list[Path]:
    """The oversized inputs issue 13 names (fictional text written here)."""
    import gzip
    import zlib

    folder.mkdir()
    sentence = "Tide gauges at the Portvale breakwater read 4 metres above the mark on Sunday night. "
    line = folder / "one-line-10mb.txt"
    line.write_text((sentence * (10_485_760 // len(sentence) + 1))[:10_485_760])
    page = folder / "page-50mb.html"
    paragraph = f"<p>{sentence}</p>\n"
    page.write_text("<html><head><title>Breakwater</title></head><body><article>"
                    + paragraph * (52_428_800 // len(paragraph)) + "</article></body></html>")  # fmt: skip
    record = folder / "line-20mb.jsonl"
    record.write_text(json.dumps({"id": "big", "text": sentence * (20_971_520 // len(sentence))}) + "\n"
                      + json.dumps({"id": "small", "text": sentence * 3}) + "\n")  # fmt: skip
    bomb = folder / "bomb-1gb.html.gz"
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * (1 << 20)
    with bomb.open("wb") as out:
        out.write(packer.compress(b"<html><body><p>"))
        for _ in range(1024):
            out.write(packer.compress(block))
        out.write(packer.flush())
    with gzip.open(bomb) as stream:
        assert stream.read(16)  # a real gzip stream
    return [line, page, record, bomb]


# -- XSS -------------------------------------------------------------------------------
#: Markup in the fields the pages show (written for this script); none may become markup.
MARKUP_PAYLOADS = [
    "<script>document.title='x'</script>",
    "<img src=x onerror=\"document.title='x'\">",
    '"><svg onload="document.title=\'x\'">',
    "'><iframe src=\"javascript:document.title='x'\"></iframe>",
    "<a href=\"javascript:document.title='x'\">pier</a>",
    "</textarea><style>body{display:none}</style>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "{{7*7}} ${7*7} <%= 7*7 %>",
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
]


def bench_xss(work: Path) -> None:
    sys.path.insert(0, str(TESTS / "interfaces"))
    import httpx
    from conftest import running
    from markupsafe import escape
    from test_security import HOSTILE_URLS, assert_only_safe_targets, assert_security_headers, page_targets

    from crosswire.engine import Engine
    from crosswire.interfaces.api import TOKEN_ENV, create_app
    from crosswire.store import open_store

    try:
        from test_web_ui import BROWSER_HOSTILE_URLS
    except ImportError:  # playwright missing: its list is not importable
        BROWSER_HOSTILE_URLS = []

    token = "bench-token-" + uuid.uuid4().hex[:8]
    db = str(work / "served.db")
    baseline = {"id": "baseline", "source": "Pier Notes", "url": "https://pier-notes.example/lights",
                "title": "Pier lights repaired", "published": "2024-08-01",
                "text": "The lights on the old pier were repaired on Monday, the pier trust said."}  # fmt: skip
    Engine(open_store(db)).ingest_items([])
    os.environ[TOKEN_ENV] = token
    links = row("xss", "hostile link URLs inert (test lists)")
    markup = row("xss", "markup payloads inert (this script)")
    with running(create_app(db)) as url, httpx.Client(base_url=url, timeout=60) as http:
        auth = {"Authorization": f"Bearer {token}"}

        def post(records: list[dict[str, Any]]) -> None:
            response = http.post("/api/ingest", json={"records": records}, headers=auth)
            assert response.status_code == 200, response.text[:300]
            assert response.json()["errors"] == [], response.json()["errors"]

        post([baseline])
        own_tags = _tags(http.get("/articles/baseline").text)
        hostile = [*HOSTILE_URLS, *BROWSER_HOSTILE_URLS]
        records = [dict(baseline, id=f"url-{n}", url=u, text=f"{baseline['text']} Notice {n}.")
                   for n, u in enumerate(hostile)]  # fmt: skip
        canonical = ("<html><head><title>Tram depot opens</title><link rel=\"canonical\" "
                     "href=\"JaVaScRiPt:alert(document.cookie)\"></head><body><article><h1>Tram depot opens</h1>"
                     "<p>The new tram depot in Brennick opened on Monday and will house twelve trams once the line "
                     "is finished next spring, the transport office said.</p></article></body></html>")  # fmt: skip
        records.append({"id": "url-canonical", "html": canonical})
        post(records)

        def inert(path: str, own: set[str] | None = own_tags) -> None:
            _inert(http, path, own, assert_only_safe_targets, assert_security_headers)

        def shown_inert(path: str, payload: str) -> None:
            inert(path)
            assert str(escape(f"Pier {payload}")) in http.get(path).text, "the payload is not shown as text"

        for record in records:
            links.record(str(record.get("url", "canonical link")), inert, f"/articles/{record['id']}")
        for n, payload in enumerate(MARKUP_PAYLOADS):
            record = dict(baseline, id=f"markup-{n}", title=f"Pier {payload}", source=f"Notes {payload}",
                          text=f"{baseline['text']} Visitors wrote {payload} on the board {n}.")  # fmt: skip
            post([record])
            markup.record(payload, shown_inert, f"/articles/markup-{n}", payload)
        everywhere = row("xss", "home, search, story pages, feed inert")

        def every_page() -> None:
            stories = http.get("/api/stories").json()
            paths = ["/", "/search?q=pier", "/search?q=script", *(f"/stories/{story['id']}" for story in stories)]
            for path in paths:
                inert(path, None)
            feed = http.get("/feeds/stories.atom").text
            assert "<script" not in feed.lower()
            assert not [t for t in page_targets(feed) if t.strip().lower().startswith(("javascript", "data"))]

        everywhere.record("pages", every_page)
    links.detail = (f"{len(HOSTILE_URLS)} from test_security.py, {len(BROWSER_HOSTILE_URLS)} from "
                    "test_web_ui.py, 1 canonical link")  # fmt: skip
    if Path("/usr/bin/chromium").exists():
        browser = row("xss", "browser tests (pytest, chromium)")
        run_pytest(browser, [
            "tests/interfaces/test_web_ui.py::test_hostile_article_urls_are_no_links_in_the_browser",
            "tests/interfaces/test_web_ui.py::test_pages_render_under_the_policy_without_violations"])  # fmt: skip
        browser.detail += f"; {len(BROWSER_HOSTILE_URLS)} hostile URLs followed in the browser"


def _tags(page: str) -> set[str]:
    from html.parser import HTMLParser

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.found: set[str] = set()

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.found.add(tag)
            self.found.update(f"@{name}" for name, _ in attrs if name.startswith("on"))

    parser = Tags()
    parser.feed(page)
    return parser.found


def _inert(http: Any, path: str, own_tags: set[str] | None, safe_targets: Callable[[str], None],
           headers: Callable[[Any], None]) -> None:  # fmt: skip
    response = http.get(path)
    assert response.status_code == 200, f"{path} -> {response.status_code}"
    headers(response)
    safe_targets(response.text)
    tags = _tags(response.text)
    assert "script" not in tags, "a script element"
    assert not {tag for tag in tags if tag.startswith("@")}, "an event attribute"
    if own_tags is not None:
        foreign = tags - own_tags - {"a", "span"}
        assert not foreign, f"elements the page does not have itself: {sorted(foreign)}"


def run_pytest(entry: Row, tests: list[str]) -> None:
    """Run ``tests`` with pytest; each test case counts as one tried (and passed) in ``entry``."""
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rf", "-p", "no:cacheprovider", *tests],
                            cwd=ROOT, capture_output=True, text=True, timeout=900, check=False)  # fmt: skip
    lines = result.stdout.strip().splitlines()
    summary = lines[-1] if lines else result.stderr[-300:]
    counts = {word: int(number) for number, word in re.findall(r"(\d+) (passed|failed|error)", summary)}
    entry.passed += counts.get("passed", 0)
    entry.tried += sum(counts.values())
    entry.failures += [line for line in lines if line.startswith(("FAILED", "ERROR"))]
    if result.returncode != 0 and not entry.failures:
        entry.tried += 1
        entry.failures.append(f"pytest exited {result.returncode}: {summary}")
    entry.detail = f"pytest: {summary.strip('= ')}"


# -- SSRF ------------------------------------------------------------------------------
#: Other spellings of private, loopback and metadata addresses; each resolves
#: without DNS (numeric forms, or localhost from /etc/hosts).
OTHER_SSRF_URLS = [
    "http://2130706433/", "http://0x7f000001/", "http://0177.0.0.1/", "http://017700000001/",
    "http://0x7f.0x0.0x0.0x1/", "http://127.1/", "http://0/", "http://0.0.0.0:8000/", "http://LOCALHOST/",
    "http://user:pw@127.0.0.1/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/",
    "http://[0:0:0:0:0:0:0:1]/", "http://[::]/", "http://[::ffff:a9fe:a9fe]/", "http://[fd00:ec2::254]/",
    "http://[64:ff9b::a9fe:a9fe]/", "http://10.0.0.1/", "http://172.31.255.255/", "http://192.168.0.1/",
    "http://198.18.0.1/", "http://224.0.0.251/", "http://255.255.255.255/", "http://100.100.100.200/",
    "http://100.64.0.1/", "http://[2002:7f00:1::]/", "http://[2002:a9fe:a9fe::]/",
]  # fmt: skip


def _parametrized_lists(test_file: Path) -> dict[str, list[str]]:
    """The literal ``pytest.mark.parametrize`` lists of a test file, by test function."""
    lists: dict[str, list[str]] = {}
    for node in ast.walk(ast.parse(test_file.read_text())):
        if not isinstance(node, ast.FunctionDef):
            continue
        for decorator in node.decorator_list:
            if isinstance(decorator, ast.Call) and ast.unparse(decorator.func) == "pytest.mark.parametrize":
                lists[node.name] = list(ast.literal_eval(decorator.args[1]))
    return lists


def bench_ssrf() -> None:
    import ipaddress

    from crosswire.errors import InputError
    from crosswire.sources.web import BlockedAddressError, check_url, is_public_address

    lists = _parametrized_lists(TESTS / "sources" / "test_web.py")
    listed = row("ssrf", "address forms refused (test_web.py lists)")

    def not_public(address: str) -> None:
        assert not is_public_address(ipaddress.ip_address(address)), "counted as public"

    def blocked(url: str) -> None:
        try:
            check_url(url)
        except BlockedAddressError:
            return
        raise AssertionError("fetch allowed")

    def refused_even_when_private_allowed(url: str) -> None:
        try:
            check_url(url, allow_private=True)
        except InputError:
            return
        raise AssertionError("fetch allowed")

    checks = {
        "test_private_and_special_addresses_are_not_public": not_public,
        "test_fetching_local_addresses_is_refused": blocked,
        "test_only_http_urls_with_hosts": refused_even_when_private_allowed,
    }
    for test, check in checks.items():
        for value in lists.get(test, []):
            listed.record(value, check, value)
    other = row("ssrf", "other spellings refused (this script)")
    for url in OTHER_SSRF_URLS:
        other.record(url, blocked, url)
    rebinding = row("ssrf", "DNS rebinding and redirect tests (pytest)")
    run_pytest(rebinding, ["tests/sources/test_web_rebinding.py"])


# -- main ------------------------------------------------------------------------------
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer kill points, runs and inputs (a few minutes)")
    parser.add_argument("--seed", type=int, default=13, help="seed of the timed kills' moments")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=list(SECTIONS))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    started = time.monotonic()
    print(f"bench_hostile: {'quick' if args.quick else 'full'}, seed {args.seed}, load {os.getloadavg()[0]:.2f}, "
          f"{os.cpu_count()} CPUs")  # fmt: skip
    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        work = Path(tmp)
        for section in args.only:
            print(f"- {section}")
            section_start = time.monotonic()
            folder = work / section
            folder.mkdir()
            if section == "kills":
                bench_kills(folder, args.quick, rng)
            elif section == "concurrent":
                bench_concurrent(folder, args.quick)
            elif section == "inputs":
                bench_inputs(folder, args.quick)
            elif section == "xss":
                bench_xss(folder)
            elif section == "ssrf":
                bench_ssrf()
            seconds[section] = time.monotonic() - section_start
    print()
    print(f"{'section':10} {'what':48} {'passed':>6} {'tried':>6}  notes")
    for entry in ROWS:
        print(f"{entry.section:10} {entry.what:48} {entry.passed:6} {entry.tried:6}  {entry.detail}")
    failures = [(entry, failure) for entry in ROWS for failure in entry.failures]
    if failures:
        print("\nfailed:")
        for entry, failure in failures:
            print(f"  [{entry.section}] {entry.what}: {failure}")
    print("\nseconds: " + ", ".join(f"{name} {value:.0f}" for name, value in seconds.items())
          + f"; total {time.monotonic() - started:.0f}; load {os.getloadavg()[0]:.2f}")  # fmt: skip
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
