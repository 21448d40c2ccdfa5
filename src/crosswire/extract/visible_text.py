"""A page's text as a reader sees it: the lines a browser's "select all, copy" gives.

The capture reader (``capture_header``) finds a byline wherever a page
prints one: "By Ines Varga" in a span without byline markup, a date line
ending in a name ("4.11.2026 | Ines Varga"), a name under the headline.
Reading an HTML page's visible lines with it finds those bylines that carry
no markup our byline readers know.  This is an approximation of a browser's
``innerText``: block elements break lines, inline elements run together,
scripts, styles, templates and elements marked hidden are left out.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from crosswire.extract.capture import body_region, prose_score, reads_english
from crosswire.extract.capture_header import read_byline

#: Elements whose start and end break the line.
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tr", "ul",
    "caption", "center", "option", "legend", "menu",
})  # fmt: skip
#: Elements a reader never sees the text of.
_UNSEEN = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg",
                     "iframe", "object", "select", "button", "input", "textarea"})  # fmt: skip
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: Table cells sit side by side.
_CELLS = frozenset({"td", "th"})
#: What an element's end adds to the text: a line break, or the space between table cells.
_LINE_ENDS = {tag: "\n" for tag in _BLOCKS | {"br"}} | {tag: " \t " for tag in _CELLS}


def _hidden(element: Any) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    return style is not None and _HIDDEN_STYLE.search(style) is not None


def visible_lines(tree: Any) -> list[str]:
    """The page's visible text, one rendered line each, whitespace collapsed, empty lines left out."""
    body = tree.find(".//body")
    parts: list[str] = []
    append = parts.append
    unseen: Any = None  # the element whose subtree is being left out
    # lxml walks the tree (no recursion: some pages nest elements deeper than Python's recursion limit);
    # a comment comes as an event of its own, for its tail
    walker = etree.iterwalk(body if body is not None else tree, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        if event == "start":
            tag = element.tag
            if not isinstance(tag, str) or tag in _UNSEEN or _hidden(element):
                walker.skip_subtree()  # its end still comes, to add its tail
                unseen = element
                continue
            if tag in _BLOCKS:
                append("\n")
            if element.text:
                append(element.text)
            continue
        if element is unseen:
            unseen = None
        elif event == "end" and element.tag in _LINE_ENDS:
            append(_LINE_ENDS[element.tag])
        if element.tail:
            append(element.tail)
    return [" ".join(line.split()) for line in "".join(parts).split("\n") if line and not line.isspace()]


def visible_byline(tree: Any, url: str | None = None, body: str | None = None) -> str | None:
    """The author a reader sees credited in the page's header (or under the article), read from its
    visible lines as from a capture: "By …", a name beside the date line, a name under the headline.

    ``body``, the article text extracted from the page, tells where the article sits among the
    lines (the capture reader's scoring of every line finds it otherwise)."""
    lines = visible_lines(tree)
    if not lines:
        return None
    start, end = body_region(lines, _extracted_region(lines, body) if body else None)
    byline = read_byline(lines, start, end, url, day_first=not reads_english(lines[start:end]))
    return byline.author if byline else None


def _as_seen(paragraph: str) -> str:
    """An extracted paragraph as the page shows it: whitespace collapsed, without the marker
    of a list item ("- ") or the bars between a table row's cells ("| a | b |")."""
    words = paragraph.split()
    if words[0] == "-":
        words = words[1:]
    elif words[0] == "|":
        words = [word.replace("\\|", "|") for word in words if word != "|"]
    return " ".join(words)


def _extracted_region(lines: list[str], body: str) -> tuple[int, int] | None:
    """``[start, end)`` of the extracted text among the visible lines: from the first line of
    prose it holds (not a headline, a caption or a list item the text may open with) to the last.
    None when no line of its prose is seen as a line of its own."""
    last = {line: index for index, line in enumerate(lines)}
    paragraphs = [paragraph for paragraph in body.split("\n") if paragraph and not paragraph.isspace()]
    start = next((lines.index(seen) for seen in map(_as_seen, paragraphs) if seen in last and _prose(seen)), None)
    if start is None:
        return None
    for seen in map(_as_seen, reversed(paragraphs)):
        if last.get(seen, -1) >= start and _prose(seen):
            return start, last[seen] + 1
    return start, start + 1


#: A line scoring this much as prose (``prose_score``) is a sentence of 15 words or more
#: (or 25 words, mostly lower-case, without a full stop): body text, not a headline or a caption.
PROSE_LINE = 2.0


def _prose(line: str) -> bool:
    return prose_score(line) >= PROSE_LINE
