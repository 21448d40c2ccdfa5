"""Golden captures: one plain-text page per site style, with its expected
metadata (title, author, published, publisher, via) and what the extracted
article must and must not contain (Fundus-style golden files).  All written
for this project; a null publisher or via is asserted as None."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosswire.extract import extract
from crosswire.model import Capture

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(path.stem for path in GOLDEN.glob("*.txt"))


def test_every_style_has_a_golden_capture() -> None:
    assert {"aggregator", "news_site", "broker_blog", "wire_service", "aggregator_source_credit",
            "blog_summary_box", "wire_copy", "live_blog"} <= set(CASES)


@pytest.mark.parametrize("name", CASES)
def test_golden_capture(name: str) -> None:
    expected = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    text = (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    article = extract(Capture(id=name, kind="capture", origin=f"{name}.txt", content=text))

    assert article.title == expected["title"]
    assert article.author == expected["author"]
    assert article.published == expected["published"]
    if "publisher" in expected:
        assert article.publisher == expected["publisher"]
    if "via" in expected:
        assert article.via == expected["via"]
    for snippet in expected["must_contain"]:
        assert snippet in article.text, f"missing: {snippet!r}"
    for snippet in expected["must_not_contain"]:
        assert snippet not in article.text, f"should be gone: {snippet!r}"
