"""Page metadata from the places publishers put it: meta tags, JSON-LD and
the canonical link.  Only reads; deciding between sources is the caller's job."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from lxml import etree


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


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _meta_content(tree: Any, *keys: str) -> str | None:
    for key in keys:
        for attribute in ("property", "name", "itemprop"):
            found = tree.xpath(f'//meta[@{attribute}="{key}"]/@content')
            for value in found:
                cleaned = _clean(value)
                if cleaned:
                    return cleaned
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


def _json_ld_article(tree: Any) -> dict[str, Any]:
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue  # broken JSON-LD is common; the meta tags may still do
        for node in _walk_json_ld(data):
            if _types(node) & _ARTICLE_TYPES and (node.get("headline") or node.get("datePublished")):
                return node
    return {}


def read_metadata(tree: Any) -> PageMetadata:
    """Collect metadata from a parsed page (an lxml HTML tree)."""
    article = _json_ld_article(tree)
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    language = tree.xpath("/html/@lang")
    return PageMetadata(
        title=_clean(article.get("headline")) or _meta_content(tree, "og:title", "twitter:title"),
        author=_name_of(article.get("author")) or _meta_content(tree, "author", "article:author", "byl"),
        published=_clean(article.get("datePublished")) or _meta_content(tree, "article:published_time"),
        site_name=_meta_content(tree, "og:site_name", "application-name"),
        publisher=_name_of(article.get("publisher")),
        canonical_url=_clean(canonical[0]) if canonical else None,
        og_url=_meta_content(tree, "og:url"),
        language=_clean(language[0]) if language else None,
    )


def site_of(url: str | None) -> str | None:
    """The registrable-looking host of a URL, without ``www.``."""
    if not url:
        return None
    host = urlsplit(url).hostname
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


#: Elements that name the author in the page: rel/itemprop markup and the
#: class names sites give bylines.
_BYLINE_ELEMENTS = etree.XPath(
    "//*[@rel='author' or @itemprop='author' or @itemprop='author name' or @id='author'"
    " or contains(@class, 'byline') or contains(@class, 'author')][not(self::meta or self::link or self::script)]"
)
_CREDIT_PREFIX = re.compile(
    r"^(?:(?:posted|written|words|text|story)\s+)?(?:by|von|par|por|di|de)\s*:?\s+", re.IGNORECASE
)
_IN_COMMENTS = re.compile(r"comment|repl(?:y|ies)|disqus", re.IGNORECASE)


def byline_author(tree: Any) -> str | None:
    """The author named in the page's byline markup, or None.

    A name is 1-6 words, without digits, outside the comments (whose
    authors wear the same class names).
    """
    for element in _BYLINE_ELEMENTS(tree):
        name = _CREDIT_PREFIX.sub("", " ".join(element.text_content().split()))
        if not (3 <= len(name) <= 60 and len(name.split()) <= 6) or any(c.isdigit() for c in name):
            continue
        if any(_IN_COMMENTS.search(f"{a.get('class', '')} {a.get('id', '')}") for a in element.iterancestors()):
            continue
        return name
    return None
