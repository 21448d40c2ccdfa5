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

from crosswire.extract.capture import header_of_lines

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


def _hidden(element: Any) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    return style is not None and _HIDDEN_STYLE.search(style) is not None


def visible_lines(tree: Any) -> list[str]:
    """The page's visible text, one rendered line each, whitespace collapsed, empty lines left out."""
    body = tree.find(".//body")
    parts: list[str] = []
    # an explicit stack, not recursion: some pages nest elements deeper than Python's recursion limit
    stack: list[tuple[Any, bool]] = [(body if body is not None else tree, False)]
    while stack:
        element, leaving = stack.pop()
        tag = element.tag
        if leaving:
            parts.append("\n" if tag in _BLOCKS else " \t " if tag in _CELLS else "")
            if element.tail:
                parts.append(element.tail)
            continue
        if not isinstance(tag, str) or tag in _UNSEEN or _hidden(element):
            if element.tail:
                parts.append(element.tail)
            continue
        if tag == "br":
            parts.append("\n")
            if element.tail:
                parts.append(element.tail)
            continue
        if tag in _BLOCKS:
            parts.append("\n")
        if element.text:
            parts.append(element.text)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def visible_byline(tree: Any, url: str | None = None) -> str | None:
    """The author a reader sees credited in the page's header (or under the article), read from its
    visible lines as from a capture: "By …", a name beside the date line, a name under the headline."""
    lines = visible_lines(tree)
    if not lines:
        return None
    _, _, header = header_of_lines(lines, url)
    return header.author
