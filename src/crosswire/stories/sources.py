"""Which articles of a story are independent sources.

Two articles are one source when they come from the same publisher, or when
one is a near-duplicate (syndicated copy, aggregator reprint) of the other.
A copy inherits its original's source key, so ten reprints of one wire story
count once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit

from crosswire.lexicon import Entry, terms
from crosswire.model import Article, SourceEntry

#: Second-level labels under which registrations happen (example.co.uk, example.com.au;
#: ``lexicons/second_level_domains.json``).
_SECOND_LEVEL = terms("crosswire.stories", "second_level_domains")
_URL = re.compile(r"https?://[^\s/]+")


def registered_domain(url: str | None) -> str | None:
    """``https://www.news.example.co.uk/a`` → ``example.co.uk``; None when there is no host."""
    if not url:
        return None
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").rstrip(".").lower()
    if not host:
        return None
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:]) if len(labels) >= 2 else host


def check_second_level(entry: Entry) -> None:
    """The lexicon check: the example's link is registered under the label, so its domain keeps three labels."""
    link = _URL.search(entry.example)
    assert link is not None, entry.example
    domain = registered_domain(link.group())
    assert domain is not None and domain.split(".")[-2:-1] == [entry.term] and domain.count(".") == 2, domain


def own_source_key(article: Article) -> str:
    """The source an article counts as on its own: publisher, else the URL's domain, else itself."""
    if article.publisher and article.publisher.strip():
        return "publisher:" + article.publisher.strip().lower()
    domain = registered_domain(article.url)
    if domain:
        return "domain:" + domain
    return "article:" + article.id


def root_original(article_id: str, duplicates: Mapping[str, str]) -> str:
    """Follow copy → original links to the first original (cycle-safe)."""
    seen = {article_id}
    current = article_id
    while current in duplicates and duplicates[current] not in seen:
        current = duplicates[current]
        seen.add(current)
    return current


def independent_sources(
    articles: Sequence[Article], duplicates: Mapping[str, str]
) -> tuple[dict[str, str], tuple[SourceEntry, ...]]:
    """Map each article id to its independent-source key and list the sources.

    ``duplicates`` maps a copy's id to the id of the article it copies.  An
    original outside ``articles`` still lends its key when the copy is here:
    its key is then the original's id, which is the best we know.
    """
    by_id = {article.id: article for article in articles}
    source_of: dict[str, str] = {}
    entries: list[SourceEntry] = []
    first_of_source: dict[str, str] = {}
    for article in articles:
        original = root_original(article.id, duplicates)
        is_copy = original != article.id
        if is_copy:
            original_article = by_id.get(original)
            key = own_source_key(original_article) if original_article else "article:" + original
        else:
            key = own_source_key(article)
        source_of[article.id] = key
        independent = not is_copy and key not in first_of_source
        first_of_source.setdefault(key, article.id)
        entries.append(
            SourceEntry(
                article=article.id,
                publisher=article.publisher,
                via=article.via,
                independent=independent,
                copy_of=original if is_copy else None,
            )
        )
    return source_of, tuple(entries)


def count_independent(source_of: Mapping[str, str]) -> int:
    """How many independent sources a story has."""
    return len(set(source_of.values()))
