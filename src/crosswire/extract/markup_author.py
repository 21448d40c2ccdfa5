"""trafilatura's wide byline search (``trafilatura.metadata.extract_author``), read in one walk.

trafilatura copies the whole tree, deletes what its discard XPaths find
(comment blocks, sidebars, dates, figures, ...), then tries three XPaths of
byline markup in turn; its class and id tests are EXSLT regexes, each a call
back into Python for each element, so the search costs about 5 ms a page.
This reads the same markup without the copy and without regexes in XPath:
one walk over the elements sorts them into the discarded ones and the three
tiers of candidates, with the same tests written as Python string and regex
tests.  A candidate inside a discarded block is passed over, as it would be
gone from trafilatura's copy; a candidate holding discarded elements has its
text read from a copy of it alone, with them deleted as trafilatura deletes
them (their tails kept).

Written against trafilatura 2.3 (``xpaths.AUTHOR_XPATHS`` and
``AUTHOR_DISCARD_XPATHS``); ``tests/extract/test_markup_author.py`` compares
the two on pages of each kind.
"""

from __future__ import annotations

import re
from copy import deepcopy
from functools import lru_cache
from typing import Any, NamedTuple

from lxml import etree
from trafilatura.json_metadata import normalize_authors
from trafilatura.xml import delete_element

#: The first discard XPath: blocks of these tags with these ids or classes.
_DISCARD_TAGS = frozenset({"a", "div", "section", "span"})
_DISCARD_IDS = re.compile(r"^comments|comment-?list|ProductReviews")
_DISCARD_CLASSES = re.compile(
    r"^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|article-(?:share|support)"
    r"|print|category|meta-date|meta-reviewer"
)
_DISCARD_EXACT_CLASSES = frozenset({"comments", "title", "date"})
#: The second discard XPath: these elements anywhere (in what the first left).
_DISCARD_ALWAYS = frozenset({"time", "figure"})

#: The first author XPath ("specific and almost specific").
_TIER0_TAGS = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_TIER0_CLASSES = re.compile(r"author-?name|AuthorName|authorName")
_TIER0_TEST_IDS = frozenset({"AuthorCard", "AuthorURL"})
#: The second ("almost generic and generic").
_TIER1_TAGS = frozenset({"a", "div", "h3", "h4", "p", "span"})
_TIER1_EXACT_CLASSES = frozenset({"byline", "username", "byl", "BBL"})
_TIER1_IDS = re.compile(r"author|zuozhe|bianji|xiaobian")
_TIER1_CLASSES = re.compile(r"author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name")
#: The third ("last resort: any element").
_TIER2_IDS = re.compile(r"[Aa]uthor")
_TIER2_CLASSES = re.compile(r"[Aa]uthor|screenname|writer|[Bb]yline")

#: Every class test's pattern in one (most classes pass none, and are then tested no further).
_ANY_CLASS = re.compile(
    "|".join(pattern.pattern for pattern in (_DISCARD_CLASSES, _TIER0_CLASSES, _TIER1_CLASSES, _TIER2_CLASSES))
)
#: Every id test's pattern in one, and the ids tested for equality.
_ANY_ID = re.compile("|".join(pattern.pattern for pattern in (_DISCARD_IDS, _TIER1_IDS, _TIER2_IDS)))
_EXACT_IDS = frozenset({"comments", "author"})
#: The classes tested for equality.
_EXACT_CLASSES = _DISCARD_EXACT_CLASSES | _TIER1_EXACT_CLASSES | {"author"}
#: The other attributes a test reads.
_OTHER_KEYS = frozenset({"itemprop", "rel", "data-component", "data-testid"})

#: trafilatura's longest author text (``extract_metainfo``'s ``len_limit`` for authors), exclusive.
MAX_AUTHOR_CHARS = 120


def markup_author(tree: Any) -> str | None:
    """What ``trafilatura.metadata.extract_author(tree)`` returns, read without copying the tree."""
    rel_me = {rel.getparent() for rel in tree.iter("rel") if rel.xpath("string()") == "me"}
    found = _Found([], [], ([], [], []))
    for element in tree.iter(etree.Element):
        tag = element.tag
        if tag in _DISCARD_ALWAYS:
            found.other_discards.append(element)
        keys = element.keys()
        css = element.get("class") if keys else None
        ident = element.get("id") if keys else None
        if (
            (css is None or not _may_count(css, True))
            and (ident is None or not _may_count(ident, False))
            and _OTHER_KEYS.isdisjoint(keys)
            and tag != "author"
            and element not in rel_me
        ):
            continue  # most elements: no test can hold
        _sort(element, tag, css, ident, element in rel_me, found)
    discarded = set(found.first_discards) | set(found.other_discards)
    for tier in found.tiers:
        for element in tier:
            if element in discarded or any(ancestor in discarded for ancestor in element.iterancestors()):
                continue  # gone from trafilatura's pruned copy
            texts = _pruned_text(element, found.first_discards, found.other_discards, discarded)
            content = " ".join(" ".join(texts).split())
            if content and 2 < len(content) < MAX_AUTHOR_CHARS:
                return normalize_authors(None, content)
    return None


@lru_cache(maxsize=8192)
def _may_count(value: str, is_class: bool) -> bool:
    """Whether some test may hold for a class (or an id) of this value: pages repeat their class
    values, and a search of the long combined pattern costs more than the look-up."""
    if is_class:
        return value in _EXACT_CLASSES or _ANY_CLASS.search(value) is not None
    return value in _EXACT_IDS or _ANY_ID.search(value) is not None


class _Found(NamedTuple):
    first_discards: list[Any]
    other_discards: list[Any]
    tiers: tuple[list[Any], list[Any], list[Any]]


def _sort(element: Any, tag: str, css: str | None, ident: str | None, rel_me: bool, found: _Found) -> None:
    """Files an element among the first XPath's discards and the candidates of each author XPath."""
    itemprop = element.get("itemprop")
    component = element.get("data-component") or ""
    if tag in _DISCARD_TAGS and (
        ident == "comments"
        or css in _DISCARD_EXACT_CLASSES
        or (ident is not None and _DISCARD_IDS.search(ident) is not None)
        or (css is not None and _DISCARD_CLASSES.search(css) is not None)
        or "Figure" in component
    ):
        found.first_discards.append(element)
    if tag == "author" or (
        tag in _TIER0_TAGS
        and (
            element.get("rel") == "author"
            or ident == "author"
            or css == "author"
            or itemprop == "author name"
            or rel_me
            or element.get("data-testid") in _TIER0_TEST_IDS
            or (css is not None and _TIER0_CLASSES.search(css) is not None)
        )
    ):
        found.tiers[0].append(element)
    author_prop = itemprop is not None and "author" in itemprop
    if tag in _TIER1_TAGS and (
        css in _TIER1_EXACT_CLASSES
        or author_prop
        or (ident is not None and _TIER1_IDS.search(ident) is not None)
        or (css is not None and _TIER1_CLASSES.search(css) is not None)
    ):
        found.tiers[1].append(element)
    if (
        "Byline" in component
        or author_prop
        or (ident is not None and _TIER2_IDS.search(ident) is not None)
        or (css is not None and _TIER2_CLASSES.search(css) is not None)
    ):
        found.tiers[2].append(element)


def _pruned_text(element: Any, first: list[Any], other: list[Any], discarded: set[Any]) -> list[str]:
    """The element's texts (``itertext()``) once the discarded elements inside it are deleted."""
    inside = [node for node in element.iterdescendants() if node in discarded]
    if not inside:
        return list(element.itertext())
    copy = deepcopy(element)
    counterpart = dict(zip(element.iter(), copy.iter(), strict=True))
    # in trafilatura's order: the first XPath's finds, then the second's, each in page order
    wanted = set(inside)
    for node in [*first, *other]:
        if node in wanted:
            delete_element(counterpart[node])
    return list(copy.itertext())
