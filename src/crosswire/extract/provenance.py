"""Detect republished articles: who wrote the piece, and who republished it.

Three kinds of evidence, strongest first: an explicit credit line in the text
("Originally published by X"), a wire dateline ("LONDON (Reuters) -"), and a
canonical link that points at another site.  The credit patterns are data in
``rules/provenance.json`` so new outlets need no code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from crosswire.extract.dates import to_iso_date
from crosswire.extract.metadata import PageMetadata, site_of
from crosswire.extract.rules import load_rules


@dataclass(frozen=True, slots=True)
class Credit:
    """What a credit line in the text says."""

    outlet: str
    published: str | None
    #: The line that carries the credit; not article prose, callers drop it.
    line: str | None


@dataclass(frozen=True, slots=True)
class Provenance:
    publisher: str
    via: str | None
    published: str | None
    credit_line: str | None


@cache
def _credit_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in load_rules("provenance")["credit_patterns"])


@cache
def _wire_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in load_rules("provenance")["wire_datelines"])


def _wire_name(short: str) -> str:
    names: dict[str, str] = load_rules("provenance")["wire_names"]
    return names.get(short, short)


def credit_in_line(line: str) -> Credit | None:
    """The credit a single line states, if it is a credit line."""
    if len(line) > 200:
        return None
    for pattern in _credit_patterns():
        match = pattern.match(line)
        if match:
            date = match.groupdict().get("date")
            outlet = match.group("outlet").strip(" .,'\"")
            return Credit(outlet, to_iso_date(date) if date else None, line)
    return None


def find_credit(text: str) -> Credit | None:
    """A credit line near the start or end of ``text`` (where outlets put them)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    candidates = lines[:3] + lines[-4:] if len(lines) > 7 else lines
    for line in candidates:
        credit = credit_in_line(line)
        if credit is not None:
            return credit
    for line in lines[:2]:
        for pattern in _wire_patterns():
            match = pattern.match(line)
            if match:
                # The dateline opens the first paragraph: keep the line in the text.
                return Credit(_wire_name(match.group("outlet")), None, None)
    return None


def _canonical_elsewhere(metadata: PageMetadata, page_url: str | None) -> str | None:
    """The canonical link's site when it differs from the page's own site."""
    canonical = site_of(metadata.canonical_url)
    own = site_of(page_url) or site_of(metadata.og_url)
    if canonical and own and not _same_site(canonical, own):
        return canonical
    return None


def _same_site(a: str, b: str) -> bool:
    return a == b or a.endswith("." + b) or b.endswith("." + a)


_FILLER_WORDS = frozenset({"the", "of", "and", "a", "news", "online", "daily", "media"})


def name_matches_site(name: str, site: str) -> bool:
    """Whether an outlet name plausibly denotes a site: "BBC News" ~ bbc.co.uk,
    "The Wall Street Journal" ~ wsj.com (initials), "Reuters" ~ reuters.com."""
    site_letters = re.sub(r"[^a-z0-9]", "", site.lower())
    words = re.findall(r"[a-z0-9]+", name.lower())
    if not words or not site_letters:
        return False
    if "".join(words) in site_letters or site_letters in "".join(words):
        return True
    meaningful = [word for word in words if word not in _FILLER_WORDS]
    initials = "".join(word[0] for word in meaningful)
    if len(initials) >= 2 and initials in site_letters:
        return True
    return any(len(word) >= 4 and word in site_letters for word in meaningful)


def detect_provenance(
    text: str, metadata: PageMetadata, page_url: str | None, page_lines: Sequence[str] = ()
) -> Provenance | None:
    """Who originally published the article on this page, if not this site.

    ``page_lines`` are short blocks of the page outside the extracted text:
    sites often put the credit in a styled box that body extraction drops.
    """
    own_name = metadata.site_name or metadata.publisher or site_of(page_url) or site_of(metadata.og_url)
    credit = find_credit(text) or next(filter(None, map(credit_in_line, page_lines)), None)
    if credit is not None:
        if own_name and name_matches_site(credit.outlet, own_name):
            return None  # a site crediting itself is no republication
        return Provenance(credit.outlet, own_name, credit.published, credit.line)
    canonical_site = _canonical_elsewhere(metadata, page_url)
    if canonical_site is not None:
        own_site = site_of(page_url) or site_of(metadata.og_url)
        return Provenance(canonical_site, metadata.site_name or own_site, None, None)
    if metadata.site_name and metadata.canonical_url:
        canonical = site_of(metadata.canonical_url)
        if canonical and not name_matches_site(metadata.site_name, canonical):
            # og:site_name names a different outlet than the canonical's site:
            # the page is the site_name's copy of the canonical article.
            return Provenance(canonical, metadata.site_name, None, None)
    return None
