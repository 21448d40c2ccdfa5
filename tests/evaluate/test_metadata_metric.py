"""``crosswire eval metadata``: the set's per-field rules, and a run on a small set written here."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from crosswire.errors import CrosswireError
from crosswire.evaluate import run_task
from crosswire.evaluate.metadata import field_right


def test_title_words_in_order_author_word_sets_and_the_day() -> None:
    assert field_right("title", "Harbour Board Votes: Ferry Fares Rise", "harbour board votes ferry fares rise")
    assert not field_right("title", "Ferry fares rise, harbour board votes", "Harbour board votes ferry fares rise")
    assert field_right("author", "Kovac, Lena", "Lena Kovac")
    assert field_right("author", "Lena Kovac; Ivo Brandt", "Ivo Brandt; Lena Kovac")
    assert not field_right("author", "Lena Kovac", "Lena Kovac; Ivo Brandt")
    assert field_right("date", "2026-03-14T08:30:00", "2026-03-14")
    assert not field_right("date", None, "2026-03-14")


PAGE = """<html><head><title>Ferry fares rise in Portvale | Harbor Ledger</title>
<meta property="og:title" content="Ferry fares rise in Portvale">
<meta name="author" content="Lena Kovac">
<meta property="article:published_time" content="2026-03-14T08:30:00Z"></head>
<body><article><h1>Ferry fares rise in Portvale</h1><p>By Lena Kovac</p>
<p>The harbour board voted on Friday to raise ferry fares by a fifth from April, citing fuel costs
and the repairs to the north pier that closed two berths for most of the winter.</p>
<p>Commuters' groups said the rise would fall hardest on the island villages.</p></article></body></html>"""
CAPTURE = """Harbor Ledger
News  Sport  Weather
Ferry fares rise in Portvale
By Lena Kovac
14 March 2026
The harbour board voted on Friday to raise ferry fares by a fifth from April, citing fuel costs
and the repairs to the north pier that closed two berths for most of the winter.
Commuters' groups said the rise would fall hardest on the island villages.
"""


@pytest.fixture
def small_set(tmp_path: Path) -> Path:
    dataset = tmp_path / "metadata" / "mini-dev"
    (dataset / "captures").mkdir(parents=True)
    pages = tmp_path / "extraction" / "mini-dev" / "pages"
    pages.mkdir(parents=True)
    gold = {"id": "ferry", "url": "https://harborledger.example/ferry", "title": "Ferry fares rise in Portvale",
            "author": "Lena Kovac", "date": "2026-03-14"}  # fmt: skip
    (dataset / "gold.jsonl").write_text(json.dumps(gold) + "\n", "utf-8")
    (pages / "ferry.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (dataset / "captures" / "ferry.txt").write_text(CAPTURE, "utf-8")
    return dataset


def test_html_metadata_is_read_and_scored_beside_trafilatura(small_set: Path) -> None:
    figures = run_task("metadata", small_set, source="html")
    assert figures["n"] == 1 and figures["source"] == "html"
    assert figures["title"] == 1.0 and figures["author"] == 1.0 and figures["date"] == 1.0
    assert set(figures["baseline"]) >= {"title", "author", "date"}


def test_captures_are_scored_from_their_text(small_set: Path) -> None:
    figures = run_task("metadata", small_set, source="capture")
    assert figures["source"] == "capture" and figures["title_n"] == 1


def test_an_option_a_task_does_not_take_is_refused(small_set: Path) -> None:
    with pytest.raises(CrosswireError, match="takes no option source"):
        run_task("quantities", small_set, source="html")
