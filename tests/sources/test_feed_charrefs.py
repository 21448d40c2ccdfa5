"""A feed with a character reference outside Unicode is one clear error, not a traceback (found by fuzzing)."""

from __future__ import annotations

from pathlib import Path

from crosswire.errors import InputError
from crosswire.sources.feeds import read_feed

FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Post &#x110000;</title>'
    "<item><title>Ferry timetable &#99999999;</title><link>https://quaypost.example/ferry</link>"
    "<description>The ferry will leave at seven from Monday, the harbour office said.</description></item>"
    "</channel></rss>"
)


def test_an_out_of_range_character_reference_is_an_input_error(tmp_path: Path) -> None:
    feed = tmp_path / "quay.xml"
    feed.write_text(FEED, "utf-8")
    try:
        items = list(read_feed(feed))
    except InputError as error:
        assert "quay.xml" in str(error) and "unreadable feed" in str(error)
    else:
        assert all(not isinstance(item, InputError) or "quay.xml" in str(item) for item in items)
