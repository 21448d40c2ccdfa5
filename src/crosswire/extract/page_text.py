"""The text of a parsed page's elements, read once and shared.

Several readers run over the same parsed page after trafilatura (which
works on its own copy of the tree): ``recover_split_body`` reads the text of
every paragraph, ``credit_blocks`` that of every short block, paragraphs
among them.  Reading an element's text (``text_content()``) is an XPath call
that rebuilds the string of its whole subtree, so each reader paying for it
again doubled the cost; a ``PageText`` reads an element once for all.

The cache holds the element proxies as keys, so an element keeps its
identity (lxml hands out one proxy per node while it is alive) for as long
as the cache lives.  The tree must not be changed meanwhile.
"""

from __future__ import annotations

from typing import Any


class PageText:
    """``text_content()`` of a page's elements, each read once."""

    __slots__ = ("_texts",)

    def __init__(self) -> None:
        self._texts: dict[Any, str] = {}

    def of(self, element: Any) -> str:
        """The element's text content: the text of all its descendants, as ``text_content()`` gives it."""
        text = self._texts.get(element)
        if text is None:
            # an element without children holds only its own text: no XPath call
            text = self._texts[element] = (element.text or "") if len(element) == 0 else element.text_content()
        return text
