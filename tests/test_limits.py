"""Oversized and hostile items through the real ingest: each one is one error
line naming it, the rest of its batch is stored, and ingesting again changes
nothing (issue 13, items 2 and 4).

Before the limits, the 10 MB one-line capture below raised spaCy's E088 and
the command exited 1 without JSON, storing none of the good items beside it.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

import pytest

from crosswire.engine import Engine
from crosswire.store import open_store
from support import article_page, response, warc_record, warcinfo

CROSSWIRE = str(Path(sys.executable).parent / "crosswire")
LIMIT_VARS = ("CROSSWIRE_MAX_TEXT_CHARS", "CROSSWIRE_MAX_ITEM_BYTES", "CROSSWIRE_MAX_FILE_BYTES")

TUNNEL = "Rescue crews in Portvale pulled 27 people from the flooded Marrow Street tunnel on Tuesday."
BRIDGE = "Engineers closed the Kestrel Bridge in Aldmoor on Monday after finding 3 cracked cables."
FERRY = "The Grey Heron ferry ran aground off Tallow Point on Sunday with 140 passengers aboard."
MARKET = (
    "Traders at the Aldmoor covered market reopened 62 stalls on Wednesday after a month of repairs to the roof, "
    "the market board said. Shoppers queued from early morning and the board expects the car park to fill."
)
ORCHARD = (
    "Frost destroyed nearly half of the apple blossom in the Vell valley orchards over the weekend, growers said, "
    "and the cooperative warned that this year's harvest could be the smallest in a decade."
)
STATION = (
    "<html><head><title>Station roof repaired</title></head><body><article><h1>Station roof repaired</h1>"
    "<p>Workers finished repairing the roof of Portvale central station on Thursday, two weeks ahead of plan, "
    "the rail operator said. About 300 panes of glass were replaced and the east entrance reopened to travellers."
    "</p></article></body></html>"
)


def _run(db: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {key: value for key, value in os.environ.items() if key not in LIMIT_VARS}
    environ.update(env or {})
    return subprocess.run(
        [CROSSWIRE, "--db", str(db), *args], capture_output=True, text=True, timeout=600, check=False, env=environ
    )


def _zeros_gzip(size: int, prefix: bytes = b"") -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"\0" * (1 << 20)
    parts = [packer.compress(prefix)]
    parts += [packer.compress(chunk) for _ in range(size // len(chunk))]
    return b"".join([*parts, packer.flush()])


def _claiming(uri: str, claimed: int) -> bytes:
    """A WARC response record whose Content-Length claims ``claimed`` bytes."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + STATION.encode()
    record = warc_record(
        {
            "WARC-Type": "response",
            "WARC-Record-ID": "<urn:uuid:00000000-0000-0000-0000-000000000009>",
            "WARC-Date": "2026-11-12T10:00:00Z",
            "WARC-Target-URI": uri,
            "Content-Type": "application/http; msgtype=response",
        },
        http,
    )
    head = gzip.decompress(record).replace(
        f"Content-Length: {len(http)}".encode(), f"Content-Length: {claimed}".encode()
    )
    return gzip.compress(head)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("limits") / "in"
    folder.mkdir()
    (folder / "ledger-tunnel.html").write_text(article_page("27 rescued", "Harbor Ledger", "2026-11-10", TUNNEL))
    (folder / "ledger-bridge.html").write_text(article_page("Bridge shut", "Harbor Ledger", "2026-11-16", BRIDGE))
    (folder / "quay-ferry.html").write_text(article_page("Ferry aground", "Quay Post", "2026-11-15", FERRY))
    # 10 MB on one line: over spaCy's max_length (E088) and over the text limit.
    sentence = "The quay lights stayed on all night and the harbour master counted the boats again "
    (folder / "huge.txt").write_text((sentence * (10_485_760 // len(sentence) + 1))[:10_485_760])
    records = [
        {"id": "market", "source": "Aldmoor Echo", "published": "2026-11-18", "text": MARKET},
        {"id": "long", "source": "Aldmoor Echo", "text": "Word " * 240_000},  # 1.2 million characters
        {"id": "orchard", "source": "Vell Times", "published": "2026-11-17", "text": ORCHARD},
    ]
    (folder / "records.jsonl").write_text("".join(json.dumps(record) + "\n" for record in records))
    (folder / "bomb.html.gz").write_bytes(_zeros_gzip(60 << 20, prefix=b"<html><body><p>"))  # 60 MB in 60 KB
    (folder / "crawl.warc.gz").write_bytes(
        warcinfo()
        + response("https://station.example/roof", STATION, 2)
        + _claiming("https://station.example/claim", 10 * 2**30)
    )
    return folder


GOOD = {"ledger-tunnel.html", "ledger-bridge.html", "quay-ferry.html", "market", "orchard",
        "https://station.example/roof"}  # fmt: skip


def _stored(db: Path) -> tuple[set[str], Any]:
    result = _run(db, "stories", "--json")
    assert result.returncode == 0, result.stderr
    stories = json.loads(result.stdout)
    return {article for story in stories for article in story["articles"]}, stories


def test_oversized_items_are_refused_one_by_one_and_the_rest_stored(inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "cw.db"
    first = _run(db, "ingest", str(inputs), "--json")
    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr
    report = json.loads(first.stdout)
    assert report["ingested"] == len(GOOD) and report["duplicates"] == 0
    errors = {error["path"]: error["error"] for error in report["errors"]}
    assert errors == {
        str(inputs / "huge.txt"):
            "text of 10,485,760 characters is over the limit of 1,000,000 (CROSSWIRE_MAX_TEXT_CHARS)",
        f"{inputs / 'records.jsonl'}:2":
            "text of 1,199,999 characters is over the limit of 1,000,000 (CROSSWIRE_MAX_TEXT_CHARS)",
        str(inputs / "bomb.html.gz"):
            "decompressed size is over the limit of 50,000,000 bytes (CROSSWIRE_MAX_ITEM_BYTES)",
        f"{inputs / 'crawl.warc.gz'}#https://station.example/claim":
            "WARC record of 10,737,418,240 bytes is over the limit of 50,000,000 (CROSSWIRE_MAX_ITEM_BYTES)",
    }  # fmt: skip
    articles, stories = _stored(db)
    assert articles == GOOD

    again = _run(db, "ingest", str(inputs), "--json")
    assert again.returncode == 0, again.stderr
    second = json.loads(again.stdout)
    assert (second["ingested"], second["duplicates"]) == (0, len(GOOD))
    assert second["errors"] == report["errors"]
    assert _stored(db) == (articles, stories)


def test_only_oversized_items_exit_non_zero_with_json(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    big = json.dumps({"id": "big", "text": MARKET * 200})
    path.write_text(big + "\n")
    result = _run(tmp_path / "cw.db", "ingest", str(path), "--json", env={"CROSSWIRE_MAX_ITEM_BYTES": "10000"})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert json.loads(result.stdout) == {
        "ingested": 0,
        "duplicates": 0,
        "errors": [
            {
                "path": f"{path}:1",
                "error": f"line of {len(big):,} bytes is over the limit of 10,000 (CROSSWIRE_MAX_ITEM_BYTES)",
            }
        ],
        "skipped": [],
    }


def test_the_text_limit_counts_the_extracted_text_not_the_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CROSSWIRE_MAX_TEXT_CHARS", "3000")
    script = "<script>var x = '" + "a" * 50_000 + "';</script>"
    page = article_page("Ferry aground", "Quay Post", "2026-11-15", FERRY).replace("</head>", script + "</head>")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_text(page)
    lines = [json.dumps({"id": f"r{n}", "text": f"{n} {MARKET}"}) for n in range(5)]
    lines.insert(2, json.dumps({"id": "long", "text": ORCHARD * 20}))
    (folder / "records.jsonl").write_text("\n".join(lines))
    report = Engine(open_store(tmp_path / "cw.db")).ingest([str(folder)])
    assert report.ingested == 6
    assert report.errors == [
        {"path": f"{folder / 'records.jsonl'}:3",
         "error": f"text of {len(ORCHARD * 20):,} characters is over the limit of 3,000 (CROSSWIRE_MAX_TEXT_CHARS)"}
    ]  # fmt: skip
