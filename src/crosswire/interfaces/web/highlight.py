"""Cut text into plain and highlighted pieces for the templates.

The templates escape every piece; highlighting is done by structure (which
piece is marked), never by inserting markup into text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

_SPAN = re.compile(r"^\s*(\d+)\s*-\s*(\d+)\s*$")


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    #: The ``START-END`` anchor name when this piece is a highlighted span.
    mark: str | None = None
    #: An empty piece: the id of an anchor placed here.
    anchor: str | None = None
    #: A word of the search that led here.
    term: bool = False


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


#: A sentence before a cited span is brought into view only when it is at most this long;
#: a longer one would push the span itself off a phone's screen.
MAX_LEAD_IN = 400
_WORD = re.compile(r"\w+")


def mark_id(start: int, end: int) -> str:
    """The id of the ``<mark>`` of a cited span (its link's fragment names the lead-in anchor)."""
    return f"m-{start}-{end}"


def lead_in(sentences: list[tuple[int, int]], start: int) -> int:
    """Where to scroll to show the cited span at ``start`` with the sentence before it.

    The start of the previous sentence (or of the span's own sentence when
    the previous one is long); -1 when the span is in the first sentence, so
    the page's top (title and way back) is shown with it.
    """
    own = max((index for index, (s, _) in enumerate(sentences) if s <= start), default=-1)
    if own <= 0:
        return -1
    previous = sentences[own - 1][0]
    return previous if start - previous <= MAX_LEAD_IN else sentences[own][0]


def search_terms(query: str) -> list[str]:
    """The words of a search, as the stores match them (whole words, any letter case)."""
    return list(dict.fromkeys(word.casefold() for word in _WORD.findall(query)))


def article_pieces(
    text: str, spans: list[tuple[int, int]], sentences: list[tuple[int, int]], terms: list[str] | None = None
) -> tuple[list[Piece], list[str]]:
    """The article text cut for the page: cited spans marked, an empty anchor where each
    citation link should scroll to (``c-START-END``), and search terms marked outside them.

    Returns the pieces and the anchors that go at the very top of the article.
    """
    anchors: dict[int, list[str]] = {}
    top: list[str] = []
    for start, end in spans:
        if not 0 <= start < len(text):
            continue
        position = lead_in(sentences, start)
        (top if position < 0 else anchors.setdefault(position, [])).append(span_anchor(start, end))
    words = [term for term in (terms or []) if term]
    term_pattern = (
        re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b",
                   re.IGNORECASE)
        if words else None
    )  # fmt: skip
    pieces: list[Piece] = []
    offset = 0
    for piece in highlight_spans(text, spans):
        end = offset + len(piece.text)
        if piece.mark:
            for position in sorted(p for p in anchors if offset <= p < end):
                pieces += [Piece("", anchor=name) for name in anchors.pop(position)]
            cited_start, cited_end = (int(n) for n in piece.mark.split("-")[1:])
            pieces.append(Piece(piece.text, mark_id(cited_start, cited_end)))
        else:
            cuts = sorted(p for p in anchors if offset <= p < end)
            bounds = [offset, *cuts, end]
            for left, right in pairwise(bounds):
                for name in anchors.pop(left, []):
                    pieces.append(Piece("", anchor=name))
                pieces += _terms_marked(text[left:right], term_pattern)
        offset = end
    return [piece for piece in pieces if piece.text or piece.anchor], top


def _terms_marked(text: str, pattern: re.Pattern[str] | None) -> list[Piece]:
    if pattern is None:
        return [Piece(text)]
    pieces: list[Piece] = []
    cursor = 0
    for match in pattern.finditer(text):
        if match.start() > cursor:
            pieces.append(Piece(text[cursor : match.start()]))
        pieces.append(Piece(match.group(0), term=True))
        cursor = match.end()
    if cursor < len(text):
        pieces.append(Piece(text[cursor:]))
    return pieces
