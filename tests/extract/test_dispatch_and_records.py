"""The ``extract`` entry point, ready-made records and date parsing."""

from __future__ import annotations

import pytest

from crosswire.errors import InputError
from crosswire.extract import extract, extract_record, require_article_text
from crosswire.extract.dates import find_date, to_iso_date
from crosswire.extract.provenance import find_credit
from crosswire.model import Capture, SourceHints


def test_record_text_is_tidied_and_metadata_comes_from_hints() -> None:
    hints = SourceHints(title="T", published="2024-05-01T10:00:00", publisher="Outlet", url="https://o.example/1")
    capture = Capture(id="r1", kind="record", origin="in.jsonl#r1",
                      content="  First   paragraph.\n\n\n Second\u00a0paragraph.  ", hints=hints)
    article = extract_record(capture)
    assert article.text == "First paragraph.\n\nSecond paragraph."
    assert (article.title, article.publisher, article.url) == ("T", "Outlet", "https://o.example/1")
    assert article.published == "2024-05-01T10:00:00"
    assert article.kind == "record"


def test_a_fragment_is_not_an_article() -> None:
    capture = Capture(id="r3", kind="record", origin="in.jsonl#r3", content="Breaking: more soon.")
    article = extract(capture)
    assert article.text == "Breaking: more soon."
    with pytest.raises(InputError, match="only 3 words"):
        require_article_text(article)


def test_record_with_no_text_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no article text found"):
        extract(Capture(id="r2", kind="record", origin="in.jsonl#r2", content=" \n "))


def test_empty_capture_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no article text found"):
        extract(Capture(id="c", kind="capture", origin="c.txt", content="\n\n"))


@pytest.mark.parametrize(
    ("text", "iso"),
    [("Jul 16, 2025", "2025-07-16"), ("2 Jun 2025", "2025-06-02"), ("03/Jun/2025", "2025-06-03"),
     ("2025-06-02T10:00:00Z", "2025-06-02"), ("yesterday", None), ("June 2025", None)],
)
def test_printed_dates_become_iso_and_vague_ones_none(text: str, iso: str | None) -> None:
    assert to_iso_date(text) == iso


def test_a_date_is_found_inside_a_line() -> None:
    assert find_date("Updated: June 3, 2025, 10:12 IST") == "2025-06-03"
    assert find_date("No date in here at all") is None


@pytest.mark.parametrize(
    ("line", "outlet"),
    [("This article was first published by Harbour Weekly.", "Harbour Weekly"),
     ("Republished with permission from The Lantern.", "The Lantern"),
     ("Source: Meridian Wire", "Meridian Wire")],
)
def test_credit_lines_name_the_original_outlet(line: str, outlet: str) -> None:
    credit = find_credit(f"Some prose of the article.\n{line}")
    assert credit is not None
    assert credit.outlet == outlet


def test_prose_mentioning_publication_is_no_credit() -> None:
    text = "The report, first published by the ministry in 2019 and revised twice since, found gaps."
    assert find_credit(text) is None
