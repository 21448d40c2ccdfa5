"""The kept corpus of hostile inputs (``corpus/``, written by ``make_corpus.py``).

Each file goes through the reader its name selects, with the limits lowered to
1 MB so the small bombs in the corpus cross them, under a time and memory
bound; then the whole corpus goes through a real ingest into a fresh SQLite
store: errors name their files, good records are stored, nothing is a
traceback, and ingesting again changes nothing.
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from fuzzing import bounded, check_items
from test_fuzz_known_bugs import KNOWN_BAD_TO_INGEST, KNOWN_BAD_TO_READ

from crosswire.engine import Engine
from crosswire.errors import InputError, LimitError
from crosswire.model import Capture
from crosswire.sources import iter_sources
from crosswire.store import open_store

CORPUS = Path(__file__).parent / "corpus"
FILES = sorted(path for path in CORPUS.iterdir() if path.is_file())
LOWERED = {"CROSSWIRE_MAX_ITEM_BYTES": "1000000", "CROSSWIRE_MAX_FILE_BYTES": "1000000"}

#: What each file must give: the problem words of its errors, and the ids of
#: its captures.  A file not listed only has to give items or clean errors.
EXPECTED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "bomb-nul.html.gz": (("decompressed size", "over the limit"), ()),
    "bomb-spaces.jsonl.gz": (("decompressed size",), ("before-bomb",)),
    "corrupt.html.gz": (("corrupt or truncated gzip",), ()),
    "truncated.warc.gz": (("truncated WARC",), ("https://ledger.example/breakwater",)),
    "huge-length.warc.gz": (("WARC record of 10,000,000,000 bytes",), ("https://ledger.example/breakwater",)),
    "huge-length.warc": (("WARC record of 10,000,000,000 bytes",), ()),
    "not-a-warc.warc.gz": (("WARC",), ()),
    "invalid-utf8.jsonl": (("invalid UTF-8 at byte",), ("good", "after")),
    "nul-line.jsonl": (("NUL bytes",), ("first",)),
    "utf16.jsonl": (("NUL bytes",), ()),
    "deep-nesting.jsonl": (("nested too deeply",), ("fine",)),
    "lone-surrogate.jsonl": ((), ("surrogate",)),
    "nul.html": (("NUL bytes",), ()),
    "pdf-named.html": ((), ("pdf-named.html",)),  # refused by extraction, see the ingest test
    "empty.html": (("file is empty",), ()),
    "whitespace.txt": (("file is empty",), ()),
    "bom-only.txt": ((), ("bom-only.txt",)),  # an empty capture, refused by extraction
    "nul.txt": (("NUL bytes",), ()),
    "invalid-utf8.txt": (("invalid UTF-8 at byte",), ()),
    "not-a-feed.xml": (("not an RSS or Atom feed",), ()),
    "noncharacter-charref.xml": ((), ("https://ledger.example/nonchar",)),
    "surrogate-charref.xml": ((), ("https://ledger.example/charref",)),
    "out-of-range-charref.rss": ((), ("https://ledger.example/range",)),
    "garbage.parquet": (("cannot read Parquet file",), ()),
    "null-seq.parquet": (("has no seq (null)",), ()),
    "list-annotations.parquet": (("unreadable annotations", "a JSON array, not an object"), ()),
    "unknown-type.docx": (("unknown file type",), ()),
}


@pytest.fixture
def lowered_limits(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for key, value in LOWERED.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("CROSSWIRE_MAX_TEXT_CHARS", raising=False)
    yield


def _corpus_params() -> list[object]:
    params: list[object] = []
    for path in FILES:
        reason = KNOWN_BAD_TO_READ.get(path.name)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(path, id=path.name, marks=marks))
    return params


def test_corpus_is_small() -> None:
    assert len(FILES) >= 30 and sum(path.stat().st_size for path in FILES) < 300_000


@pytest.mark.parametrize("path", _corpus_params())
def test_corpus_file_reads_to_items_or_clean_errors(path: Path, lowered_limits: None) -> None:
    tracemalloc.start()
    started = time.monotonic()
    try:
        with bounded("corpus", seconds=30):
            items = check_items(iter_sources([path]), path, names_path=path.suffix != ".parquet")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 30
    assert peak < 64_000_000, f"reading {path.name} held {peak:,} bytes"
    assert items, "a file gave nothing at all"
    errors = [item for item in items if isinstance(item, InputError)]
    ids = tuple(item.id for item in items if isinstance(item, Capture))
    expected = EXPECTED.get(path.name)
    if expected is not None:
        words, expected_ids = expected
        for word in words:
            assert any(word in error.problem for error in errors), (word, [e.problem for e in errors])
        assert ids == expected_ids
    if path.name.startswith("bomb-") and path.name != "bomb-page.txt.gz":
        assert any(isinstance(error, LimitError) for error in errors)
    for item in items:
        if isinstance(item, Capture) and isinstance(item.content, str):
            assert "lollollol" not in item.content, "an XML entity was expanded"
            assert "root:" not in item.content, "an external entity was read"


def test_corpus_ingests_into_a_fresh_store(tmp_path: Path, lowered_limits: None) -> None:
    """The whole corpus (without the files of known bugs) through the real engine, twice."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for path in FILES:
        if path.name not in KNOWN_BAD_TO_INGEST:
            (inputs / path.name).write_bytes(path.read_bytes())
    store = open_store(tmp_path / "fuzz.db")
    try:
        with bounded("corpus", seconds=300):
            first = Engine(store).ingest([str(inputs)])
            second = Engine(store).ingest([str(inputs)])
        stored = store.count_articles()
        surrogate = store.get_article("surrogate")
        cafe = store.get_article("declares-utf16-is-latin1.html")
    finally:
        store.close()
    named = {Path(error["path"].split("#")[0].split(":")[0]).name for error in first.errors}
    for path in inputs.iterdir():
        expected = EXPECTED.get(path.name)
        if expected and expected[0]:
            # a Parquet row's error has the origin of the row's input, and names the Parquet file in its text
            in_text = path.suffix == ".parquet" and any(str(path) in error["error"] for error in first.errors)
            assert path.name in named or in_text, f"no error names {path.name}"
    for error in first.errors:
        assert error["error"].strip() and "Traceback" not in error["error"]
        assert not error["error"].startswith("extraction failed"), error  # a bug caught by the engine's net
    problems = {Path(e["path"]).name: e["error"] for e in first.errors}
    assert "empty" in problems.get("bom-only.txt", "")
    assert "binary content (a PDF document)" in problems.get("pdf-named.html", "")
    assert "over the limit" in problems.get("long-line.txt.gz", ""), problems.get("long-line.txt.gz")
    assert first.ingested == stored > 0
    assert cafe is not None and cafe.article.title == "Caf\u00e9 reopens"  # latin-1, though it declares utf-16
    assert surrogate is not None and "\ufffd and more." in surrogate.article.text  # the "\\ud800" escape
    assert second.ingested == 0 and second.errors == first.errors
