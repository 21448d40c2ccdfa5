"""Supplied text (records, feed items) loses its page furniture, which stays available apart (issue 14).

The texts are fictional, written here.
"""

from __future__ import annotations

import json
from pathlib import Path

from crosswire.engine import Engine
from crosswire.extract import extract
from crosswire.extract.record import extract_record, is_furniture
from crosswire.model import Capture, SourceHints
from crosswire.store import open_store

PROSE = [
    "Ferry crews in Portvale carried 310 passengers across the bay on Sunday while the bridge was shut.",
    "The council said the bridge would reopen on Tuesday after engineers checked a damaged pillar.",
]
FURNITURE = [
    "3/8 The harbour at dawn",
    "Advertisement Continue reading the main story",
    "Read more: Carrow bridge to reopen in May",
    "Passengers queue at the quay. (Photo: Ana Ruiz/Portvale Daily)",
]


def _record(text: str) -> Capture:
    return Capture(id="r1", kind="record", origin="feed.jsonl:1", content=text, hints=SourceHints(title="Ferries"))


def test_furniture_lines_leave_the_text_and_stay_in_the_annotations() -> None:
    text = "\n".join([PROSE[0], FURNITURE[0], FURNITURE[1], PROSE[1], FURNITURE[2], FURNITURE[3]])
    article = extract_record(_record(text))
    assert article.text == "\n\n".join(PROSE)
    assert article.annotations is not None and list(article.annotations.furniture) == FURNITURE


def test_a_sentence_that_mentions_an_advertisement_is_prose() -> None:
    line = "Shown in the advertisement are families queuing for the ferry at dawn with bicycles and prams."
    assert not is_furniture(line)
    assert is_furniture("Photo 2 of 12")


def test_a_caption_label_makes_a_sentence_long_line_furniture_in_records_and_captures() -> None:
    """"Image caption ..." opens a picture's caption even when the caption is a full sentence, which the length
    and sentence rules would keep as prose: it leaves supplied text and a capture's body alike."""
    caption = "Image caption Deckhands tied the ferry to the old quay in Portvale after the bridge was shut on Sunday."
    article = extract_record(_record("\n".join([PROSE[0], caption, PROSE[1]])))
    assert article.text == "\n\n".join(PROSE)
    capture = Capture(id="c1", kind="text", origin="ferries.txt", content="\n\n".join([PROSE[0], caption, PROSE[1]]),
                      hints=SourceHints(title="Ferries"))  # fmt: skip
    assert "Image caption" not in extract(capture).text


def test_text_that_is_all_furniture_is_kept_rather_than_lost() -> None:
    article = extract_record(_record("Advertisement Continue reading the main story"))
    assert article.text == "Advertisement Continue reading the main story"


def test_the_furniture_is_stored_with_the_article(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    text = "\n".join([PROSE[0], FURNITURE[0], PROSE[1]])
    path.write_text(json.dumps({"id": "r1", "title": "Ferries", "text": text}) + "\n")
    store = open_store(tmp_path / "s.db")
    try:
        Engine(store).ingest([str(path)])
        stored = store.get_article("r1")
    finally:
        store.close()
    assert stored is not None and stored.article.annotations is not None
    assert stored.article.annotations.furniture == (FURNITURE[0],)
    # Set-aside furniture does not make the article look annotated already: its figures are read.
    assert [q.value for q in stored.article.annotations.quantities][:1] == [310.0]
    assert "3/8" not in stored.article.text


def test_a_captures_left_out_lines_stay_available_too() -> None:
    menu = ["Home", "News", "Sport", "Subscribe now for 1 euro a week"]
    text = "\n".join([*menu, "Ferries ease bridge closure", *PROSE, "Related: Carrow bridge to reopen in May"])
    capture = Capture(id="c1", kind="capture", origin="ferries.txt", content=text, hints=SourceHints())
    article = extract(capture)
    assert article.text == "\n\n".join(PROSE)
    assert article.annotations is not None
    left_out = list(article.annotations.furniture)
    assert all(line in left_out for line in menu) and not any(line in left_out for line in PROSE)
