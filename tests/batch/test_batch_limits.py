"""The batch job refuses an over-long text alone, as the ingest does (issue 13)."""

from __future__ import annotations

import pytest

from crosswire.batch.articles import _HINT_FIELDS, ArticleJob
from crosswire.model import Article


def _record(item_id: str, text: str) -> dict[str, object]:
    return {"id": item_id, "kind": "capture", "origin": f"{item_id}.txt", "content": text.encode(),
            "content_is_text": True, **{f"hint_{name}": None for name in _HINT_FIELDS}, "error": None}  # fmt: skip


def test_an_over_long_text_becomes_an_error_row_and_its_neighbour_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CROSSWIRE_MAX_TEXT_CHARS", "2000")
    job = ArticleJob()
    good = "Harbour crews cleared the silted channel on Monday, the port authority said.\n\n" * 5
    long = "The river rose again overnight and the pumps ran until dawn. " * 80
    kept, refused = job._extract(_record("good", good)), job._extract(_record("long", long))
    assert isinstance(kept, Article)
    assert isinstance(refused, dict) and "over the limit of 2,000" in str(refused["error"])
