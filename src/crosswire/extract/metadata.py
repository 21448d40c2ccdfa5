"""Page metadata from the places publishers put it: meta tags, JSON-LD, the
canonical link and the byline markup.  Only reads; deciding between sources
is the caller's job.

A title loses the site name the page appends or prepends to it ("Headline |
Outlet"), told apart by the outlet's own names (``og:site_name``, the
publisher, the domain) and, where a heading of the page repeats a part of
the title, by that heading.
"""

from __future__ import annotations

import html
import itertools
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from crosswire.extract.bylines import (
    COPYRIGHT_HOLDER,
    byline_names,
    cue_alone,
    is_organisation_word,
    joiner_words,
    names_an_organisation,
    names_an_outlet,
    only_stop_words,
    without_cue,
)
from crosswire.extract.dates import date_labels
from crosswire.lexicon import Entry


@dataclass(frozen=True, slots=True)
class PageMetadata:
    title: str | None = None
    author: str | None = None
    published: str | None = None
    site_name: str | None = None
    publisher: str | None = None
    canonical_url: str | None = None
    og_url: str | None = None
    language: str | None = None
    #: The title as the page's metadata gives it, site name and all (the body cleaner drops its repeats).
    title_as_given: str | None = None
    #: The organisation JSON-LD gives as the author ("@type": "Organization"): an author only when the
    #: page names no person.
    author_organisation: str | None = None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(html.unescape(html.unescape(value)).split())
    return text or None


_META_KEYS = ("property", "name", "itemprop")
#: Meta tags by (attribute, key), their contents in page order.
MetaTags = dict[tuple[str, str], list[str]]


def meta_tags(tree: Any) -> MetaTags:
    """The page's meta tags, read in one pass (a search of the page per key took a millisecond a page)."""
    tags: MetaTags = {}
    for meta in tree.iter("meta"):
        _add_meta_tag(tags, meta)
    return tags


def _add_meta_tag(tags: MetaTags, meta: Any) -> None:
    content = meta.get("content")
    if content is None:
        return
    for attribute in _META_KEYS:
        key = meta.get(attribute)
        if key is not None:
            tags.setdefault((attribute, key), []).append(content)


#: How many of the page's <h1> are read as headings that may be the title's headline part.
TITLE_HEADINGS = 3


@dataclass(frozen=True, slots=True)
class _Markup:
    """What ``read_metadata`` reads of the page's elements, gathered in one walk of the tree (a walk
    costs about 0.06 ms a page, a ``//tag`` XPath three times that; four of them were made): the texts
    of the JSON-LD scripts, the meta tags, the canonical links' addresses and the first <h1>s, each in
    page order (as ``//script[@type="application/ld+json"]/text()``, ``meta_tags``,
    ``//link[@rel="canonical"]/@href`` and ``(//h1)[position() <= 3]`` give them)."""

    json_ld: list[str]
    tags: MetaTags
    canonical: list[str]
    headings: list[Any]

    @classmethod
    def of(cls, tree: Any) -> _Markup:
        markup = cls([], {}, [], [])
        for element in tree.iter("script", "meta", "link", "h1"):
            tag = element.tag
            if tag == "meta":
                _add_meta_tag(markup.tags, element)
            elif tag == "script":
                if element.get("type") == "application/ld+json":
                    # its text nodes: the text, and the tails of any elements inside
                    if element.text is not None:
                        markup.json_ld.append(element.text)
                    markup.json_ld.extend(child.tail for child in element if child.tail is not None)
            elif tag == "link":
                href = element.get("href")
                if element.get("rel") == "canonical" and href is not None:
                    markup.canonical.append(href)
            elif len(markup.headings) < TITLE_HEADINGS:
                markup.headings.append(element)
        return markup


def _meta_values(tags: MetaTags, key: str) -> list[str]:
    found: list[str] = []
    for attribute in _META_KEYS:
        for value in tags.get((attribute, key), ()):
            cleaned = _clean(value)
            if cleaned and cleaned not in found:
                found.append(cleaned)
    return found


def _meta_content(tags: MetaTags, *keys: str) -> str | None:
    for key in keys:
        values = _meta_values(tags, key)
        if values:
            return values[0]
    return None


def _walk_json_ld(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, list):
        for item in node:
            yield from _walk_json_ld(item)
    elif isinstance(node, dict):
        yield node
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in node:
                yield from _walk_json_ld(node[key])


_ARTICLE_TYPES = {"article", "newsarticle", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                  "opinionnewsarticle", "webpage", "report", "liveblogposting"}


def _types(node: dict[str, Any]) -> set[str]:
    declared = node.get("@type", [])
    names = declared if isinstance(declared, list) else [declared]
    return {name.lower() for name in names if isinstance(name, str)}


def _name_of(value: Any) -> str | None:
    if isinstance(value, list):
        names = [name for name in (_name_of(item) for item in value) if name]
        return ", ".join(names) if names else None
    if isinstance(value, dict):
        return _clean(value.get("name"))
    return _clean(value)


def _names_of(value: Any) -> list[str]:
    """The names in a JSON-LD author value: a string, a Person, or a list of them."""
    if isinstance(value, list):
        return [name for item in value for name in _names_of(item)]
    name = _name_of(value)
    return [name] if name else []


def _is_organisation(value: Any) -> bool:
    """A JSON-LD node typed as an organisation ("Organization", "NewsMediaOrganization", "Corporation")."""
    return isinstance(value, dict) and any(
        name.endswith("organization") or name in {"corporation", "brand"} for name in _types(value)
    )


def _people_and_organisations(value: Any) -> tuple[list[str], list[str]]:
    """The names of a JSON-LD author value, people (strings count as people) apart from organisations."""
    items = value if isinstance(value, list) else [value]
    people = [name for item in items if not _is_organisation(item) for name in _names_of(item)]
    organisations = [name for item in items if _is_organisation(item) for name in _names_of(item)]
    return people, organisations


def _json_ld_article(scripts: list[str]) -> dict[str, Any]:
    for script in scripts:
        try:
            data = json.loads(script)
        except ValueError:
            continue  # broken JSON-LD is common; the meta tags may still do
        for node in _walk_json_ld(data):
            if _types(node) & _ARTICLE_TYPES and (node.get("headline") or node.get("datePublished")):
                return node
    return {}


def read_metadata(tree: Any, page_url: str | None = None) -> PageMetadata:
    """Collect metadata from a parsed page (an lxml HTML tree); ``page_url``
    (where the page was found) helps tell the outlet's name from a writer's."""
    markup = _Markup.of(tree)
    article = _json_ld_article(markup.json_ld)
    tags = markup.tags
    canonical = markup.canonical
    language = tree.xpath("/html/@lang")
    site_name = _meta_content(tags, "og:site_name", "application-name")
    publisher = _name_of(article.get("publisher"))
    canonical_url = _clean(canonical[0]) if canonical else None
    og_url = _meta_content(tags, "og:url")
    outlet = Outlet.of(site_name, publisher, page_url, canonical_url, og_url)
    people, organisations = _people_and_organisations(article.get("author"))
    return PageMetadata(
        title=page_title(_headings(markup.headings), article, outlet, tags),
        author=_not_a_link(", ".join(people) or _meta_content(tags, "author", "article:author", "byl")),
        published=_clean(article.get("datePublished")) or _meta_content(tags, "article:published_time"),
        site_name=site_name,
        publisher=publisher,
        canonical_url=canonical_url,
        og_url=og_url,
        language=_clean(language[0]) if language else None,
        title_as_given=_clean(article.get("headline")) or _meta_content(tags, "og:title", "twitter:title"),
        author_organisation=", ".join(organisations) or None,
    )


#: "https://www.facebook.com/..." in an author field: Facebook's article:author takes a profile link, no name.
_LINK = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)", re.IGNORECASE)


def _not_a_link(author: str | None) -> str | None:
    """The author as the page gives it, unless that is a link (then the byline or the extractor says)."""
    return None if author is None or _LINK.match(author) else author


def site_of(url: str | None) -> str | None:
    """The registrable-looking host of a URL, without ``www.``."""
    if not url:
        return None
    host = urlsplit(url).hostname
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


# --- the outlet -----------------------------------------------------------------------------------

_SQUASH = re.compile(r"[\W_]+")


def _squash(text: str) -> str:
    return _SQUASH.sub("", text.casefold())


#: What sites put between a headline and their name ("Headline | Outlet", "Outlet - Headline").
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—:»•·⋆│/~]{1,2}\s+|\s*[|│]\s*|\s+::\s+")


_GENERIC_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go"}


def _domain_label(url: str | None) -> str | None:
    """The registrable label of a URL's host ('dailymail' for news.dailymail.co.uk), squashed."""
    host = site_of(url)
    if not host:
        return None
    labels = host.split(".")[:-1]
    while len(labels) > 1 and labels[-1] in _GENERIC_SECOND_LEVEL:
        labels.pop()
    return _squash(labels[-1]) if labels else None


@dataclass(frozen=True)
class Outlet:
    """The page's own outlet as names and domain labels, squashed (lower case, letters and digits only)."""

    keys: frozenset[str]

    @classmethod
    def of(cls, site_name: str | None, publisher: str | None, *urls: str | None) -> Outlet:
        keys: set[str] = set()
        for name in (site_name, publisher):
            if name:
                keys.add(_squash(name))
                keys.update(_squash(part) for part in _TITLE_SEPARATOR.split(name))
        for url in urls:
            label = _domain_label(url)
            if label:
                keys.update((label, _squash(site_of(url) or "")))
        return cls(frozenset(key for key in keys if len(key) >= 3))

    def names(self, text: str) -> bool:
        """The text is the outlet's name (perhaps with a legal form, an article or a tagline word)."""
        squashed = _squash(text)
        if not squashed:
            return False
        if squashed in self.keys:
            return True
        for key in self.keys:
            if len(key) >= 4 and key in squashed:
                rest = squashed.replace(key, "", 1)
                if len(rest) <= 3 or any(is_organisation_word(word) for word in text.split()):
                    return True
        return False


# --- organisations and bylines -----------------------------------------------------------------


#: Tags whose elements are no byline even with byline markup (they name the author, if at all, in attributes).
_NOT_BYLINE_TAGS = frozenset({"meta", "link", "script"})


def byline_elements(tree: Any) -> list[Any]:
    """The elements that name the author in the page, in page order: rel/itemprop markup and the
    class names sites give bylines (``@rel='author'``, ``@itemprop='author'`` or ``'author name'``,
    ``@id='author'``, a class containing 'byline' or 'author'), not meta, link or script elements.

    libxml2 tests the attributes themselves (``_BYLINE_ATTRIBUTES``), and hands Python only the
    elements holding one: a walk handing it every element to read four attributes of took 0.49 ms a
    page, this 0.44 ms; an XPath testing the elements' attributes (a string built for each test)
    took twice as long.
    """
    return [element for element in _BYLINE_ATTRIBUTES(tree) if element.tag not in _NOT_BYLINE_TAGS]


#: The parents of the byline attributes of ``byline_elements``: one node-set, so each element comes
#: once, in page order.
_BYLINE_ATTRIBUTES = etree.XPath(
    "(descendant-or-self::*/@class[contains(., 'author') or contains(., 'byline')]"
    " | descendant-or-self::*/@rel[. = 'author'] | descendant-or-self::*/@itemprop[. = 'author' or . = 'author name']"
    " | descendant-or-self::*/@id[. = 'author'])/.."
)


_IN_COMMENTS = re.compile(r"comment|repl(?:y|ies)|disqus", re.IGNORECASE)
#: A cue inside a byline's text, after a date or a label ("Posted on 4 May 2026 by Ines Varga").
_INNER_CUE = re.compile(r"\s(?=(?:by|von|par|por|door|di)\s)", re.IGNORECASE)
#: The longest byline element text that is read as a byline (longer ones are author boxes with a biography).
MAX_BYLINE_CHARS = 160
#: A web or e-mail address in an author field: a site's or a mailbox's, not a person's name.
_ADDRESS = re.compile(r"(?i:www\.)|\w\.[a-z]{2,12}(?=$|[\s/)])|@|\[at\]")


def names_a_person(name: str, outlet: Outlet | None = None) -> bool:
    """Whether an author field's text may be a person's name: not the page's own outlet, no
    organisation word ("GmbH", "e.V."), no web or e-mail address."""
    if _ADDRESS.search(name) or names_an_organisation(name):
        return False
    if only_stop_words(name):
        return False  # a button or a label in the byline box ("Follow", "Datum")
    return outlet is None or not outlet.names(name)


_WORD = re.compile(r"\w+")


def person_author(author: str | None, outlet: Outlet | None = None) -> str | None:
    """The person an author field names, without the site's name beside it ("Outlet - Ines Varga"),
    a cue or a degree ("By Ines Varga", "Ines Varga, PhD"); None when it names no person (the outlet,
    a company, an address)."""
    if author is None:
        return None
    parts = [part for part in _TITLE_SEPARATOR.split(author) if part.strip()]
    if len(parts) > 1 and outlet is not None:
        kept = [part for part in parts if not outlet.names(part)]
        author = " ".join(kept) if kept and len(kept) < len(parts) else author
    if not names_a_person(author, outlet):
        return None
    byline = byline_names(author) or byline_names(author, bare=True)
    if byline is None or not names_a_person(byline.author, outlet):
        return author
    dropped = {word.lower() for word in _WORD.findall(author)} - {word.lower() for word in _WORD.findall(byline.author)}
    # "Ines Varga and Tom Reyes" stays as written: only a joiner would go
    return author if dropped <= joiner_words() else byline.author


def _byline_person(text: str, outlet: Outlet | None) -> str | None:
    """The person(s) a byline element's text credits, or None."""
    starts = [0] + [match.end() for match in _INNER_CUE.finditer(text)]
    for start in starts:
        byline = byline_names(text[start:])
        if byline is not None and not names_an_outlet(byline.author) and names_a_person(byline.author, outlet):
            return byline.author
    byline = byline_names(text, bare=True)
    if byline is not None and names_a_person(byline.author, outlet):
        return byline.author
    if " " in text and without_cue(text) == text:
        # the markup says it is a byline: read as one, names may be followed by links and labels
        # ("Ines Varga Alle Artikel", "Ines Varga Ledger Staff")
        byline = byline_names(f"By {text}")
        if byline is not None and not names_an_outlet(byline.author) and names_a_person(byline.author, outlet):
            return byline.author
    if " " not in text and 2 <= len(text) <= 30 and not cue_alone(text) and names_a_person(text, outlet):
        byline = byline_names(f"By {text}")  # a user name alone ("marc", "kelpie_77")
        return byline.author if byline is not None else None
    return None


def _any_credit(text: str) -> str | None:
    """What a byline element credits when it names no person (an agency, a desk, the outlet itself):
    its text without a cue, if short, without digits and neither a label nor an e-mail address."""
    if cue_alone(text) or any(pattern.match(text) for pattern, _ in date_labels()):
        return None  # "Posted by", "Published on"
    rest = without_cue(text)
    if not (3 <= len(rest) <= 60 and len(rest.split()) <= 6) or any(c.isdigit() for c in rest):
        return None
    return None if "@" in rest or rest.endswith(":") else rest  # a site's domain may do, not a mailbox


def byline_author(tree: Any, outlet: Outlet | None = None) -> str | None:
    """The author named in the page's byline markup, or None.

    Each byline element's text is read as a byline ("Posted by Ines Varga",
    "Text & Fotos: Ivo Marsh", "Ines Varga, Staff Writer", "Posted on 4 May
    2026 by Ines Varga", a name alone, a user name alone); the first that
    names a person wins. Labels without a name ("Posted by"), the page's own
    outlet and elements in the comments (whose authors wear the same class
    names, as do comment forms) are passed over; an agency, a desk or the
    outlet is the author only when no element names a person.
    """
    fallback: str | None = None
    for element in byline_elements(tree):
        # the texts of its elements apart ("Ines Varga</a><span>Published …": not "VargaPublished")
        text = " ".join(" ".join(element.itertext()).split())
        if not 2 <= len(text) <= MAX_BYLINE_CHARS:
            continue
        if any(_IN_COMMENTS.search(f"{node.get('class', '')} {node.get('id', '')}")
               for node in itertools.chain((element,), element.iterancestors())):  # fmt: skip
            continue
        name = _byline_person(text, outlet)
        if name is not None:
            return name
        fallback = fallback or _any_credit(text)
    return fallback


def check_outlet_word(entry: Entry) -> None:
    """The lexicon check: with the entry's site, the example is the outlet's name, and a headline before it is kept."""
    outlet = Outlet.of(None, None, entry.value["site"])
    assert outlet.names(entry.example), (entry.term, entry.example)
    headline = "Ferry fares rise again in the harbour towns"
    assert strip_site_name(f"{headline} | {entry.example}", outlet) == headline, entry.term


# --- titles ---------------------------------------------------------------------------------------


def strip_site_name(title: str, outlet: Outlet, headings: Sequence[str] = ()) -> str:
    """The title without the site name before or after it ("Headline | Outlet - Tagline").

    When a heading of the page is one of the title's parts, that part is the
    headline; otherwise the parts that name the outlet are cut, with the
    tagline after a trailing outlet name.
    """
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) == 1:
        return title
    spans = [match.span() for match in _TITLE_SEPARATOR.finditer(title)]
    starts = [0] + [end for _, end in spans]
    ends = [start for start, _ in spans] + [len(title)]
    squashed_headings = {_squash(heading) for heading in headings if len(heading.split()) >= 2}
    for first in range(len(parts)):
        for last in range(len(parts) - 1, first - 1, -1):
            if (first, last) != (0, len(parts) - 1) and _squash(title[starts[first]:ends[last]]) in squashed_headings:
                return title[starts[first]:ends[last]]
    first = 1 if outlet.names(parts[0]) else 0
    last = len(parts) - 1
    for index in range(first + 1, len(parts)):
        if outlet.names(parts[index]):
            last = index - 1
            break
    while last > first and not _squash(parts[last]):
        last -= 1
    if first > last:
        return title
    return title[starts[first]:ends[last]].strip() or title


def _headings(elements: list[Any]) -> list[str]:
    return [text for text in (_clean(h.text_content()) for h in elements) if text]


def page_title(headings: list[str], article: dict[str, Any], outlet: Outlet, tags: MetaTags) -> str | None:
    """The headline: JSON-LD, og:title or twitter:title, without the site name (``headings``: the texts of
    the page's first <h1>s); None when it is only the site name."""
    for candidate in (_clean(article.get("headline")), _meta_content(tags, "og:title", "twitter:title")):
        if not candidate:
            continue
        title = strip_site_name(candidate, outlet, headings)
        if not outlet.names(title):
            return title
    return None


# --- the site's name as the page prints it -----------------------------------------------------


#: Class or id words of the elements that print the site's name: its logo, masthead or brand line.
_BRAND_MARKS = ("logo", "masthead", "brand", "site-name", "site-title", "sitename")
#: The page's text nodes holding a given string (libxml2 scans them; Python sees only the few that hold it).
_TEXT_HOLDING = etree.XPath("//body//text()[contains(., $name)]")
#: The longest site name read from a title, in words (a longer part is the headline).
MAX_SITE_NAME_WORDS = 6
#: How far above a text node a brand mark may sit ("<a class='logo'><span>Outlet</span></a>").
BRAND_DEPTH = 3


def printed_site_name(tree: Any) -> str | None:
    """The site's name when no metadata gives it: a part of the page's ``<title>`` beside the headline ("Flood
    barrier fails | Tidewater Daily") that the page also prints as its logo or masthead, or as the holder of
    its copyright line.  A title part alone may be a section or a kicker ("Review | Books"); printed there
    too, it is the site's."""
    title = tree.findtext(".//title")
    if not title:
        return None
    parts = [" ".join(part.split()) for part in _TITLE_SEPARATOR.split(title)]
    if len(parts) < 2:
        return None  # a title of one part is the headline
    # "Headline | Outlet" or "Outlet - Headline": the last part first
    names = (part for part in reversed(parts) if 0 < len(part.split()) <= MAX_SITE_NAME_WORDS)
    return next((name for name in names if _printed_as_site_name(tree, name)), None)


def _printed_as_site_name(tree: Any, name: str) -> bool:
    for text in _TEXT_HOLDING(tree, name=name):
        holders = (match["holder"] for match in COPYRIGHT_HOLDER.finditer(str(text)))
        if any(_squash(holder) == _squash(name) for holder in holders):
            return True
        element = text.getparent()
        for _ in range(BRAND_DEPTH):
            if element is None:
                break
            marks = f"{element.get('class', '')} {element.get('id', '')}".lower()
            if any(mark in marks for mark in _BRAND_MARKS) and _squash(element.text_content()) == _squash(name):
                return True
            element = element.getparent()
    return False
