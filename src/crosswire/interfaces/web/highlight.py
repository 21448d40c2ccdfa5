"""Cut text into plain and highlighted pieces for the templates.

The templates escape every piece; highlighting is done by structure (which
piece is marked), never by inserting markup into text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPAN = re.compile(r"^\s*(\d+)\s*-\s*(\d+)\s*$")


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    #: The ``START-END`` anchor name when this piece is a highlighted span.
    mark: str | None = None


def parse_span(value: str) -> tuple[int, int] | None:
    """``"120-164"`` → ``(120, 164)``; anything else (or an empty span) → None."""
    match = _SPAN.match(value)
    if match is None:
        return None
    start, end = int(match.group(1)), int(match.group(2))
    return (start, end) if end > start else None


def span_anchor(start: int, end: int) -> str:
    return f"c-{start}-{end}"


def highlight_spans(text: str, spans: list[tuple[int, int]]) -> list[Piece]:
    """Split ``text`` so that each span (clipped to the text) is its own piece.

    Overlapping spans are merged into the first one: a reader needs to see
    the cited words, and nested marks would not add to that.
    """
    pieces: list[Piece] = []
    cursor = 0
    for cited_start, cited_end in sorted(spans):
        start, end = max(cited_start, cursor), min(cited_end, len(text))
        if end <= start:
            continue
        if start > cursor:
            pieces.append(Piece(text[cursor:start]))
        # The anchor keeps the cited offsets so a link's #c-START-END finds it.
        pieces.append(Piece(text[start:end], span_anchor(cited_start, cited_end)))
        cursor = end
    if cursor < len(text) or not pieces:
        pieces.append(Piece(text[cursor:]))
    return pieces


def snippet_pieces(snippet: str, open_mark: str = "[", close_mark: str = "]") -> list[Piece]:
    """A search snippet whose matched words the store bracketed, as pieces."""
    pieces: list[Piece] = []
    for index, part in enumerate(re.split(f"{re.escape(open_mark)}|{re.escape(close_mark)}", snippet)):
        if part:
            # Parts alternate outside/inside the markers, starting outside.
            pieces.append(Piece(part, "hit" if index % 2 else None))
    return pieces
