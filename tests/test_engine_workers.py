"""An ingest spread over worker processes stores exactly what one process stores.

The pages are written here: 70 short fictional reports on seven events, as
HTML, so that extraction and annotation both run in the workers; with them
come an empty page (an error), a page listing links (skipped) and a copy of
one report under another name (a duplicate by text).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.engine import Engine
from crosswire.store import open_store

EVENTS = [
    ("Portvale", "a ferry ran aground on a sandbank", "passengers were brought ashore by lifeboat"),
    ("Aldmoor", "a warehouse fire closed the ring road", "firefighters kept the flames from the depot"),
    ("Kestrel Bay", "the harbour bridge was shut for repairs", "engineers found cracks in two supports"),
    ("Marrowgate", "the council approved a new tram line", "work on the depot starts in the spring"),
    ("Lindqvist", "floodwater cut off three villages", "volunteers handed out sandbags overnight"),
    ("Orran", "a power cut left homes in the dark", "the grid operator blamed a failed transformer"),
    ("Tessaly", "the hospital opened a new cancer ward", "the ward has room for forty patients"),
]
OUTLETS = ["Quay Post", "Harbour Herald", "Evening Lantern", "Coast Courier", "Valley Ledger"]


def _page(number: int) -> str:
    place, event, detail = EVENTS[number % len(EVENTS)]
    outlet = OUTLETS[number % len(OUTLETS)]
    count = 10 + number
    day = 1 + number % 5
    body = (
        f"<p>{place.upper()} - In {place}, {event} on Tuesday, officials said, and {count} people were affected.</p>"
        f"<p>The mayor of {place}, Ana Ruiz, told reporters that {detail}. "
        f"\u201cWe are doing everything we can,\u201d she said.</p>"
        f"<p>About {count * 3} residents attended a meeting at the town hall on Wednesday evening, "
        f"where the {outlet} counted {count + 4} questions from the floor.</p>"
    )
    return (
        f"<html><head><title>{place}: {event} ({outlet} {number})</title>"
        f'<meta name="author" content="Mara Ellis"><meta property="og:site_name" content="{outlet}">'
        f'<meta property="article:published_time" content="2026-03-0{day}T08:00:00Z"></head>'
        f"<body><article><h1>{place}: {event}</h1>{body}</article></body></html>"
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for number in range(70):
        (folder / f"report-{number:02d}.html").write_text(_page(number), encoding="utf-8")
    (folder / "report-copy.html").write_text(_page(3), encoding="utf-8")
    (folder / "empty.html").write_text("<html><body></body></html>", encoding="utf-8")
    links = "".join(f'<li><a href="/news/{n}">Story number {n} of the day</a></li>' for n in range(40))
    (folder / "index.html").write_text(f"<html><body><ul>{links}</ul></body></html>", encoding="utf-8")
    return folder


def _stored(corpus: Path, db: Path, processes: int) -> tuple[dict[str, object], list[tuple[object, ...]]]:
    store = open_store(db)
    try:
        report = Engine(store, processes=processes).ingest([str(corpus)]).as_json()
        rows = sorted(
            (s.article.id, s.article.title, s.article.annotations, s.story_id, s.duplicate_of)
            for s in store.iter_articles()
        )
    finally:
        store.close()
    return report, rows


def test_two_workers_store_what_one_process_stores(corpus: Path, tmp_path: Path) -> None:
    one_report, one_rows = _stored(corpus, tmp_path / "one.db", processes=1)
    two_report, two_rows = _stored(corpus, tmp_path / "two.db", processes=2)
    assert one_report["ingested"] == 70
    assert one_report["duplicates"] == 1  # the copy under another name
    assert len(one_report["errors"]) == 1 and "empty.html" in one_report["errors"][0]["path"]
    assert two_report == one_report
    assert two_rows == one_rows
    assert len({row[3] for row in two_rows}) < 70  # reports on one event share a story


def test_ingesting_again_with_workers_changes_nothing(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "again.db"
    _, first = _stored(corpus, db, processes=2)
    report, second = _stored(corpus, db, processes=2)
    assert report["ingested"] == 0
    assert second == first
