"""Page metadata from the places publishers put it: meta tags, JSON-LD and
the canonical link.  Only reads; deciding between sources is the caller's job."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit


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
