"""The text limit is applied before extraction, and no reader spends seconds on one long line.

Before, a 10 MB one-line capture went through the whole line classifier and
header reader (the date reader alone scanned all 10 MB, about 16 s) and was
refused only after it; a page of megabytes of paragraphs went through
trafilatura (about 27 s for 8 MB) before its text was found too long.
(Issue 13, item 2.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import trafilatura

from crosswire.errors import LimitError
from crosswire.extract import capture as capture_module
from crosswire.extract import capture_header, dates, extract
from crosswire.extract.dates import DATE_TEXT_CHARS, printed_dates
from crosswire.model import Capture, SourceHints
from crosswire.sources.limits import TEXT_CHARS, text_chars
from support import article_page

SENTENCE = "Tide gauges at the Portvale breakwater read 4 metres above the mark on Sunday night. "
FERRY = "The Grey Heron ferry ran aground off Tallow Point on Sunday with 140 passengers aboard."


def _spy(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[tuple[Any, ...]]:
    """Record the calls of ``module.name``, which still does its work."""
    calls: list[tuple[Any, ...]] = []
    real: Callable[..., Any] = getattr(module, name)

    def recording(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, recording)
    return calls


def _one_line(chars: int) -> str:
    return (SENTENCE * (chars // len(SENTENCE) + 1))[:chars]


def test_a_ten_megabyte_one_line_capture_is_refused_before_its_lines_are_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scored = _spy(monkeypatch, capture_module, "prose_score")
    dated = _spy(monkeypatch, capture_header, "printed_dates")
    text = _one_line(10_485_760)
    with pytest.raises(LimitError) as raised:
        extract(Capture(id="huge", kind="capture", origin="in/huge.txt", content=text))
    assert raised.value.origin == "in/huge.txt"
    assert raised.value.problem == (
        "text of 10,485,760 characters is over the limit of 1,000,000 (CROSSWIRE_MAX_TEXT_CHARS)"
    )
    assert scored == [] and dated == []


def test_a_capture_counts_its_text_as_extraction_tidies_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """White space (a browser copy's indentation and blank lines) does not count against the limit."""
    monkeypatch.setenv(TEXT_CHARS.env, "3000")
    padded = "Portvale Daily\n" + "".join(f"\t\t    {FERRY}\n\n\n\n" for _ in range(20)) + " " * 5000
    assert len(padded) > 3000 > text_chars(padded)
    article = extract(Capture(id="ferry", kind="capture", origin="ferry.txt", content=padded))
    assert "Grey Heron" in article.text
    with pytest.raises(LimitError, match=r"^long.txt: text of 3,515 characters is over the limit of 3,000"):
        extract(Capture(id="long", kind="capture", origin="long.txt", content=padded + FERRY * 20))


def test_the_date_reader_reads_only_the_start_of_a_long_line() -> None:
    opening = "Talberg, (14.07.2026). " + SENTENCE
    assert [found.iso for found in printed_dates(opening + _one_line(900_000))] == ["2026-07-14"]
    late = _one_line(DATE_TEXT_CHARS) + " Talberg, 14.07.2026."
    assert printed_dates(late[len(late) - 40 :]) != []
    assert printed_dates(late) == []


def test_a_one_line_capture_at_the_limit_is_extracted_with_bounded_date_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every date read of the header readers looks at a short text, however long the line."""
    scanned: list[int] = []
    real_patterns = dates._format_patterns()

    class Measured:
        def __init__(self, pattern: Any) -> None:
            self.pattern = pattern

        def finditer(self, text: str) -> Any:
            scanned.append(len(text))
            return self.pattern.finditer(text)

    monkeypatch.setattr(dates, "_format_patterns", lambda: tuple(Measured(p) for p in real_patterns))
    text = "Portvale Daily\nBreakwater gauges rise\nTalberg, (14.07.2026). " + _one_line(990_000)
    article = extract(Capture(id="long", kind="capture", origin="long.txt", content=text))
    assert article.published == "2026-07-14" and len(article.text) > 990_000
    assert scanned and max(scanned) <= DATE_TEXT_CHARS


def test_a_page_over_the_text_limit_is_refused_before_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TEXT_CHARS.env, "3000")
    extracted = _spy(monkeypatch, trafilatura, "bare_extraction")
    page = article_page("Ferry aground", "Quay Post", "2026-11-15", FERRY, paragraphs=40)
    with pytest.raises(LimitError) as raised:
        extract(Capture(id="page", kind="html", origin="in/page.html", content=page.encode()))
    assert raised.value.origin == "in/page.html"
    assert raised.value.problem.startswith("page text of ")
    assert raised.value.problem.endswith("characters is over the limit of 3,000 (CROSSWIRE_MAX_TEXT_CHARS)")
    assert extracted == []


def test_scripts_styles_and_comments_are_not_page_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TEXT_CHARS.env, "3000")
    hidden = (
        "<script>var tides = '" + "x" * 20_000 + "';</script><style>p { color: #" + "a" * 20_000 + " }</style>"
        "<!-- " + "draft " * 4000 + "-->"
    )
    page = article_page("Ferry aground", "Quay Post", "2026-11-15", FERRY).replace("</head>", hidden + "</head>")
    capture = Capture(id="page", kind="html", origin="page.html", content=page.encode(), hints=SourceHints())
    assert len(page) > 60_000
    assert "Grey Heron" in extract(capture).text


def test_text_chars_counts_text_as_extraction_tidies_it() -> None:
    assert text_chars("\n\t Quay  lights \n\n\n on \t") == len("Quay lights on")
    assert text_chars("") == 0
