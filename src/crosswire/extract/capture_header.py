"""The header of a plain-text capture: headline, byline, date and credit.

A capture keeps the page's header as plain lines around the article body:
navigation and teasers, a kicker, the headline (often twice: as a teaser
title or breadcrumb and as the page heading), a standfirst, a byline, a date
line, share buttons.  The reader finds the *header cluster*, the byline and
date lines nearest the body, and reads the headline as the headline-shaped
line just above it (a kicker ending in ':' joins the line after it).  The
capture's URL, when known, helps: its slug usually spells the headline.

Bylines are read by ``bylines.byline_names``, dates and date lines by
``dates.printed_dates`` and ``dates.date_line``; summary-box labels and the
words a URL slug carries besides the headline are data
(``lexicons/summary_labels.json``, ``lexicons/slug_noise.json``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from urllib.parse import unquote, urlparse

from crosswire.extract.body import is_boilerplate, is_byline, is_dateline, squash, starts_tail, word_count
from crosswire.extract.bylines import (
    MAX_BARE_NAME_WORDS,
    MAX_BYLINE_WORDS,
    MAX_NAME_WORDS,
    Byline,
    byline_names,
    copyright_person,
    cue_alone,
    joiner_alone,
)
from crosswire.extract.dates import (
    MAX_WORDS_BESIDE_DATE,
    DateLine,
    date_line,
    embedded_post,
    label_kind,
    printed_dates,
    relative_date,
    url_date,
)
from crosswire.extract.metadata import Outlet, strip_site_name
from crosswire.extract.provenance import Credit, credit_in_line
from crosswire.lexicon import Entry, load_lexicon

#: How far above the body start the header may begin.
HEADER_REACH = 40
#: How far into the body's opening lines a byline or date line may sit.
HEADER_OPENING = 8
#: Lines this far above the header cluster may hold the headline.
TITLE_REACH = 12
#: A headline has at most this many words.
MAX_HEADLINE_WORDS = 40
#: A labelled publication date this many lines around the article is the article's.
LABELLED_DATE_REACH = 25
#: A date within this many characters of the body's start opens it (a wire dateline).
OPENING_DATE_CHARS = 40
#: Without a labelled date, a date line this many lines past the body (or above the headline) is taken.
NEAREST_DATE_REACH = 10
#: A byline broken over lines ("By" / "Ada Brook" / "and" / "Mo Reyes") gathers at most this many more names each way.
MAX_CONTINUED_NAMES = 4
#: A name alone on a line this many lines under the headline may be its byline.
NAME_UNDER_HEADLINE = 3
#: Below the body start, a credit line has at most this many words.
END_CREDIT_WORDS = 12
#: A date this many lines from the headline may still be the article's.
DATE_NEAR_TITLE = 4
#: The headline may sit this many lines into what scored as the body.
BODY_TITLE_LINES = 2
#: A headline repeated this many lines around it (a teaser, a breadcrumb) counts for more.
REPEAT_REACH = 30
#: A cluster without a headline near it still counts, for less.
NO_TITLE_SCORE = -0.5
#: How much a line spelling the URL's slug counts towards being the headline.
SLUG_WEIGHT = 3.0
#: Far from the header, only a line spelling the slug this well is a headline candidate.
STRONG_SLUG_MATCH = 0.6
#: A standfirst sits at most this many lines above the body.
STANDFIRST_REACH = 10
#: A line of this many words under a candidate headline reads as its standfirst.
STANDFIRST_WORDS = 10
#: The first lines of a capture may carry its own date (the page's, not the article's).
PAGE_DATE_LINES = 5
#: A line of this many words, shaped as a headline, ends the search for a page date above it.
MIN_HEADLINE_WORDS_BEFORE_PAGE_DATE = 4
_BREADCRUMB = re.compile(r"\s*(?:[»›>]|\s/\s)\s*")
_POINTED_CRUMB = re.compile(r"\s[»›>]\s")
#: A line of this many parts between '»', '›', '>' or ' / ' is a breadcrumb trail.
MIN_CRUMBS = 3
#: A headline read from a breadcrumb trail counts for less than the headline line itself.
BREADCRUMB_COST = 0.3
_EMBED_CREDIT = re.compile(r"^[—–-]\s*\S")
_CLOCK_AT_START = re.compile(
    r"^\W*(?:(?:um|at|à|a las|alle)\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.)(?!\w))?", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Header:
    title: str | None = None
    author: str | None = None
    published: str | None = None
    standfirst: str | None = None
    credit: Credit | None = None


# --- lexicons --------------------------------------------------------------------------------------


@cache
def _summary_labels() -> frozenset[str]:
    return frozenset(squash(term) for term in load_lexicon("crosswire.extract", "summary_labels").terms)


def is_summary_label(line: str) -> bool:
    """A summary box's label ("Key points", "In brief:")."""
    return len(line) <= 40 and squash(line) in _summary_labels()


# --- headlines -------------------------------------------------------------------------------------

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe", "å": "aa"})


@cache
def _slug_noise() -> frozenset[str]:
    return load_lexicon("crosswire.extract", "slug_noise").terms


def _fold_variants(text: str) -> tuple[str, str]:
    """The lower-cased text in two spellings: umlauts spelled out ("fuer") and stripped ("fur")."""
    lowered = text.lower()
    variants = []
    for variant in (lowered.translate(_FOLD), lowered):
        plain = unicodedata.normalize("NFKD", variant)
        variants.append("".join(char for char in plain if not unicodedata.combining(char)))
    return variants[0], variants[1]


@lru_cache(maxsize=8192)
def _folded_words(text: str) -> frozenset[str]:
    """Lower-case words in two spellings: umlauts spelled out ("fuer") and stripped ("fur")."""
    return frozenset(word for variant in _fold_variants(text) for word in re.findall(r"[^\W_]+", variant))


def _glued(text: str) -> frozenset[str]:
    """The text's words run together, in both spellings ("Tidal-Barrage Debate" -> "tidalbarragedebate")."""
    return frozenset("".join(re.findall(r"[^\W_]+", variant)) for variant in _fold_variants(text))


#: A slug of one word this long ("/tidalbarragedebate-4711") is a headline's words run together.
MIN_GLUED_SLUG = 12


def slug_words(url: str | None) -> frozenset[str]:
    """The words of a URL's slug, if it spells a title: the last path segment
    of two words or more ("/news/harbour-votes-for-tidal-plant-4711"), words
    being runs of letters, perhaps with digits ("m45"), or of one long word
    that runs a headline's words together ("/tidalbarragedebate-4711")."""
    if not url:
        return frozenset()
    segments = [unquote(segment) for segment in urlparse(url).path.split("/") if segment]
    for segment in reversed(segments):
        words = [word for word in re.split(r"[-_.+,;]+", segment.lower())
                 if re.search(r"[^\W\d_]", word) and word not in _slug_noise()]  # fmt: skip
        if len(words) >= 2 or (len(words) == 1 and len(words[0]) >= MIN_GLUED_SLUG and words[0].isalpha()):
            return frozenset(words)
    return frozenset()


def slug_match(line: str, slug: frozenset[str]) -> float:
    """How well a line spells the slug (0-1): the share of slug words in the line,
    lowered when the line has many words the slug lacks.  A slug of one long
    word matches only a line of two words or more that, run together, are that word."""
    if not slug:
        return 0.0
    if len(slug) == 1:  # words run together: one word alone is a menu item as often as a headline
        return 1.0 if len(re.findall(r"[^\W_]+", line)) >= 2 and not slug.isdisjoint(_glued(line)) else 0.0
    words = _folded_words(line)
    if not words:
        return 0.0
    covered = sum(1 for word in slug if word in words)
    line_words = len(re.findall(r"[^\W_]+", line))
    recall = covered / len(slug)
    precision = min(1.0, covered / max(1, line_words))
    return 0.0 if covered < 2 else (2 * recall * precision / (recall + precision))


_SENTENCE_END = re.compile(r"[.;…]$")
#: Any day: whether a line is a relative date ("3 hours ago") does not depend on the day it is read against.
_ANY_DAY = date(2000, 1, 1)
#: A one-word headline is a long word or a compound ("Hafenwinterfischerei", "Tidal-Barrage-Debate"), not a menu item.
_ONE_WORD_HEADLINE = re.compile(r"^[^\W\d_][\w'’-]{9,}[!?]?$")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")


@lru_cache(maxsize=8192)
def headline_shape(line: str) -> float:
    """How much a line looks like a headline (negative: not one)."""
    count = word_count(line)
    if count > MAX_HEADLINE_WORDS or len(line) < 6:
        return -1.0
    if count < 2 and not _ONE_WORD_HEADLINE.match(line):
        return -1.0
    if is_boilerplate(line) or starts_tail(line) or is_summary_label(line) or credit_in_line(line):
        return -1.0
    if is_byline(line) or is_dateline(line) or date_line(line, day_first=True) or _CLOCK.search(line):
        return -1.0
    if byline_names(line) is not None or (count <= MAX_WORDS_BESIDE_DATE and relative_date(line, _ANY_DAY)):
        return -1.0  # a byline; "Updated 3 hours ago"
    if line.count("|") >= 2:
        return -1.0  # "Home|Shop|Tips", "07 | 03 | 2026 Seen | Ratgeber": a menu or a meta line
    letters = sum(1 for char in line if char.isalpha())
    if letters < 0.6 * len(line.replace(" ", "")):
        return -1.0
    score = 1.0
    if _SENTENCE_END.search(line) and not line.endswith("...") and not _title_case(line):
        score -= 1.0 if count >= 10 else 0.5
    if count > 25:
        score -= 0.5
    if count <= 2:
        score -= 0.4
    if count < 2:
        score -= 0.4  # one word is a headline only when nothing else is
    return score


def _is_kicker(line: str) -> bool:
    """A line that opens the headline on the line after it ("Tanz im Depot:");
    two words and a colon are a form label ("Search for:")."""
    return line.endswith(":") and word_count(line) >= 3 and headline_shape(line) > 0


def _extends(longer: str, shorter: str) -> bool:
    """``longer`` is ``shorter`` with words added (a fuller form of one headline)."""
    long_words = re.findall(r"\w+", longer.lower())
    short_words = re.findall(r"\w+", shorter.lower())
    if not 3 <= len(short_words) < len(long_words) <= len(short_words) + 6 or headline_shape(longer) <= 0:
        return False
    if long_words[0] != short_words[0] or long_words[-1] != short_words[-1]:
        return False  # words added in front are a breadcrumb, at the end a caption
    position = 0
    for word in long_words:
        if position < len(short_words) and word == short_words[position]:
            position += 1
    return position == len(short_words)


def _title_case(line: str) -> bool:
    """Most longer words capitalised, as English headlines are ("Why You Shouldn't Worry.")."""
    words = [word for word in line.split() if len(word) > 3 and word[0].isalpha()]
    return len(words) >= 3 and sum(1 for word in words if word[0].isupper()) >= 0.8 * len(words)


@dataclass(frozen=True, slots=True)
class _Candidate:
    index: int
    score: float
    text: str


# --- the header ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Cluster:
    """Byline and date lines together (``[top, bottom]``), and how much they look like the article's."""

    top: int
    bottom: int
    quality: float


#: A cluster's quality falls by this much per line between it and the body.
CLUSTER_DISTANCE_COST = 0.03
#: A title candidate's score falls by this much per line between it and the header cluster.
TITLE_DISTANCE_COST = 0.12


def _over_biography(line: str, following: str) -> bool:
    """A name line over its biography, which opens with the name ("Ada Brook teaches history …")."""
    return word_count(following) >= STANDFIRST_WORDS and following.startswith(line + " ")


class HeaderReader:
    """Reads one capture's header, given its lines and where its body starts.

    Every group of byline and date lines near the body is a possible header
    cluster; with each, the best headline candidate around it is scored, and
    the pair scoring highest together is the header (so a teaser's date far
    up the page, or a tweet's date inside the body, loses to the byline
    right under a headline).
    """

    def __init__(
        self,
        lines: Sequence[str],
        body_start: int,
        body_end: int,
        url: str | None = None,
        hinted_title: str | None = None,
        day_first: bool = True,
    ) -> None:
        self.lines = lines
        self.body_start = min(body_start, len(lines))
        self.body_end = body_end
        self.url = url
        self.hinted_title = hinted_title
        self.day_first = day_first
        self.slug = slug_words(url)
        self.low = max(0, self.body_start - HEADER_REACH)
        self.high = min(len(lines), max(self.body_start + HEADER_OPENING, body_end))
        self.high = min(self.high, self.body_start + HEADER_OPENING)
        self._dates: dict[int, DateLine | None] = {}
        self._titles: dict[int, tuple[float, str] | None] = {}
        self._squashes: dict[int, str] = {}
        self._slug_matches: dict[int, float] = {}
        self._clusters: list[_Cluster] | None = None
        page_date = self._page_date()
        self.page_date_at = page_date[0] if page_date else None
        self.reference: date | None = page_date[1] if page_date else None

    # dates, bylines and slug matches per line, read once
    def slug_match_at(self, index: int) -> float:
        """How well a line spells the URL's slug (``slug_match``), read once per line: every header
        cluster weighed looks for the headline among the same lines."""
        found = self._slug_matches.get(index)
        if found is None:
            found = self._slug_matches[index] = slug_match(self.lines[index], self.slug)
        return found

    def date_at(self, index: int) -> DateLine | None:
        if index not in self._dates:
            line = self.lines[index]
            self._dates[index] = None if embedded_post(line) else date_line(line, self.day_first, self.reference)
        return self._dates[index]

    def article_date_at(self, index: int, title_at: int | None) -> DateLine | None:
        """The date a line gives the article: not the page's own date, unless it
        sits right over the headline (a blog's date header)."""
        if index == self.page_date_at and (title_at is None or title_at - index > DATE_NEAR_TITLE):
            return None
        return self.date_at(index)

    def byline_at(self, index: int) -> Byline | None:
        """The byline a line holds: after a cue, after a cue alone on the line
        above, or a bare name beside a date ("Name | 14.07.26", a name line
        above or below a date line)."""
        line = self.lines[index]
        byline = byline_names(line)
        if byline is not None:
            return byline
        if self.slug_match_at(index) >= STRONG_SLUG_MATCH:
            return None  # the line spells the URL's slug: the headline, not a name
        if index > 0 and cue_alone(self.lines[index - 1]):
            return byline_names(line, bare=True)
        dated = printed_dates(line, self.day_first)
        if dated:
            before, after = line[: dated[0].start], line[dated[-1].end :]
            named = byline_names(before, bare=True) if before.strip(" |·•-–,") else None
            return named or byline_names(_CLOCK_AT_START.sub("", after).strip(" |·•-–,"), bare=True)
        neighbours = [i for i in (index - 1, index + 1) if 0 <= i < len(self.lines)]
        if word_count(line) <= MAX_NAME_WORDS and any(self.date_at(i) is not None for i in neighbours):
            return byline_names(line, bare=True)
        return None

    def _page_date(self) -> tuple[int, date] | None:
        """The capture's own date and its line: a date line among the first
        lines, above any headline (a newspaper's or an aggregator's page date,
        "Monday, 4 November 2026").  It is the day the page was seen, against
        which "3 hours ago" resolves, and never the article's date."""
        for index in range(min(PAGE_DATE_LINES, self.body_start, len(self.lines))):
            found = date_line(self.lines[index], self.day_first)
            if found is not None and found.kind == "plain":
                return index, date.fromisoformat(found.iso)
            line = self.lines[index]
            if word_count(line) >= MIN_HEADLINE_WORDS_BEFORE_PAGE_DATE and headline_shape(line) > 0:
                return None  # a date under a headline is the article's
        return None

    # header clusters
    def _in_cluster(self, index: int) -> bool:
        line = self.lines[index]
        if _EMBED_CREDIT.match(line):
            return False  # "— Name (@handle) Date": an embedded post's credit
        return self.date_at(index) is not None or byline_names(line) is not None

    def _joins_cluster(self, index: int) -> bool:
        line = self.lines[index]
        if self._in_cluster(index) or cue_alone(line) or joiner_alone(line):
            return True
        return word_count(line) <= MAX_NAME_WORDS and self.byline_at(index) is not None

    def clusters(self) -> list[_Cluster]:
        """The groups of byline and date lines around the body start, read once."""
        if self._clusters is None:
            self._clusters = self._find_clusters()
        return self._clusters

    def _find_clusters(self) -> list[_Cluster]:
        found: list[_Cluster] = []
        index = self.low
        while index < self.high:
            if not self._in_cluster(index):
                index += 1
                continue
            top = bottom = index
            while top - 1 >= self.low and (not found or top - 1 > found[-1].bottom) and self._joins_cluster(top - 1):
                top -= 1
            while bottom + 1 < self.high and self._joins_cluster(bottom + 1):
                bottom += 1
            found.append(_Cluster(top, bottom, self._quality(top, bottom)))
            index = bottom + 1
        return found

    def _quality(self, top: int, bottom: int) -> float:
        indexes = range(top, bottom + 1)
        quality = 0.0
        if any(byline_names(self.lines[i]) for i in indexes):
            quality += 1.0
        elif any(self.byline_at(i) for i in indexes):
            quality += 0.5
        dates = [found for found in map(self.date_at, indexes) if found is not None]
        if dates:
            quality += 0.6
            if any(found.kind == "published" or found.timed for found in dates):
                quality += 0.2
        if bottom < self.body_start:
            quality -= CLUSTER_DISTANCE_COST * (self.body_start - bottom - 1)
        else:
            quality -= 0.3 + CLUSTER_DISTANCE_COST * (top - self.body_start)
        return quality

    # the headline
    def best_title(self, cluster: _Cluster | None) -> _Candidate | None:
        above = cluster.top if cluster else self.body_start
        below = cluster.bottom if cluster else self.body_start - 1
        box = self._summary_box(above)
        candidates: list[_Candidate] = []
        for index in range(max(self.low, above - TITLE_REACH), above):
            if box and box[0] <= index < box[1]:
                continue
            candidate = self._score_title(index, (above - index - 1) * TITLE_DISTANCE_COST)
            if candidate is not None:
                candidates.append(candidate)
        # a headline under its kicker and date, above the body
        for index in range(below + 1, min(len(self.lines), max(self.body_start, below + 1) + BODY_TITLE_LINES)):
            candidate = self._score_title(index, 0.3 + (index - below - 1) * 2 * TITLE_DISTANCE_COST)
            if candidate is not None:
                candidates.append(candidate)
        if self.slug:
            for index in range(0, max(0, above - TITLE_REACH)):
                if self.slug_match_at(index) >= STRONG_SLUG_MATCH:
                    candidate = self._score_title(index, (above - index - 1) * TITLE_DISTANCE_COST / 4)
                    if candidate is not None:
                        candidates.append(candidate)
        return max(candidates, key=lambda c: c.score) if candidates else None

    def _score_title(self, index: int, cost: float) -> _Candidate | None:
        """The line as a headline candidate, its score lowered by ``cost`` (its distance from the header)."""
        if index not in self._titles:
            self._titles[index] = self._title_at(index)
        found = self._titles[index]
        return _Candidate(index, found[0] - cost, found[1]) if found else None

    def _title_at(self, index: int) -> tuple[float, str] | None:
        """Score and text of a line as a headline, before its distance from the header counts."""
        line = self.lines[index]
        shape = headline_shape(line)
        if shape <= 0:
            return None
        score = shape + SLUG_WEIGHT * self.slug_match_at(index)
        if index + 1 < len(self.lines) and word_count(self.lines[index + 1]) >= STANDFIRST_WORDS:
            score += 0.2
        if self._repeated(index):
            score += 0.4
        text = line
        crumbs = _BREADCRUMB.split(line)
        pointed = bool(_POINTED_CRUMB.search(line))
        if len(crumbs) >= (2 if pointed else MIN_CRUMBS) and headline_shape(crumbs[-1]) > 0:
            return score - BREADCRUMB_COST, crumbs[-1]  # "Home / News / Headline": the last crumb
        if _is_kicker(line) and index + 1 < len(self.lines) and headline_shape(self.lines[index + 1]) > 0:
            text = f"{line} {self.lines[index + 1]}"  # a kicker: its headline follows
        elif index > 0 and _is_kicker(self.lines[index - 1]):
            text = f"{self.lines[index - 1]} {line}"
        elif index + 1 < len(self.lines) and _extends(self.lines[index + 1], line):
            text = self.lines[index + 1]  # the fuller of two forms of the headline, one under the other
        elif index > 0 and _extends(self.lines[index - 1], line):
            text = self.lines[index - 1]
        return score, text

    def _squashed(self, index: int) -> str:
        found = self._squashes.get(index)
        if found is None:
            found = self._squashes[index] = squash(self.lines[index])
        return found

    def _repeated(self, index: int) -> bool:
        """The line comes again near it, whole or as a teaser's truncated form."""
        key = self._squashed(index)
        # a breadcrumb ending with the headline is shorter than three headlines (and the headline not too short)
        crumb_chars = 3 * len(self.lines[index]) if len(key) >= 8 else 0
        for other in range(max(0, index - REPEAT_REACH), min(len(self.lines), index + REPEAT_REACH)):
            if other == index:
                continue
            other_key = self._squashed(other)
            if other_key == key:
                return True
            text = self.lines[other]
            if text.endswith(("...", "…")) and len(text) > 12 and key.startswith(other_key):
                return True
            if len(text) < crumb_chars and other_key.endswith(key):
                return True  # a breadcrumb ending with the headline
        return False

    def _summary_box(self, above: int) -> tuple[int, int] | None:
        """``[label, end)`` of a summary box between the headline and the header cluster."""
        for index in range(max(self.low, above - TITLE_REACH), above):
            if is_summary_label(self.lines[index]):
                return index, above
        return None

    def _without_site_name(self, title: str) -> str:
        if not self.url:
            return title
        return strip_site_name(title, Outlet.of(None, None, self.url)) or title

    # the byline and the date
    def author(self, cluster: _Cluster | None, title_at: int | None) -> Byline | None:
        """The byline, in order of trust: a credit with its cue ("By …") in the
        header cluster; a bare name beside the cluster's date; a credit with
        its cue around the headline; a name line right under the headline; a
        credit or an author box after the article ("Text: …", "About the author")."""
        zone = range(max(0, (title_at if title_at is not None else self.body_start) - 2),
                     min(len(self.lines), self.body_start + HEADER_OPENING))  # fmt: skip
        clustered = range(cluster.top, cluster.bottom + 1) if cluster else range(0)
        for index in clustered:
            byline = byline_names(self.lines[index])
            if byline is not None:
                return self._continued(index, byline)
        for index in clustered:
            byline = self.byline_at(index)
            if byline is not None:
                return self._continued(index, byline)
        for index in zone:
            if index == title_at:
                continue
            byline = byline_names(self.lines[index])
            if byline is not None:
                return self._continued(index, byline)
        if title_at is not None:
            byline = self._name_under_headline(title_at)
            if byline is not None:
                return byline
        return self._credit_after_article() or self._copyright_holder()

    def _continued(self, index: int, byline: Byline) -> Byline:
        """The byline with the names it continues into across lines holding only a joiner, as a
        capture breaks a byline of linked names ("By" / "Ada Brook" / "and" / "Mo Reyes")."""
        before: list[str] = []
        after: list[str] = []
        above = index
        while above >= 2 and joiner_alone(self.lines[above - 1]) and len(before) < MAX_CONTINUED_NAMES:
            more = byline_names(self.lines[above - 2]) or byline_names(self.lines[above - 2], bare=True)
            if more is None:
                break
            before[:0] = more.names
            above -= 2
        below = index
        while below + 2 < len(self.lines) and joiner_alone(self.lines[below + 1]) and len(after) < MAX_CONTINUED_NAMES:
            more = byline_names(self.lines[below + 2], bare=True)
            if more is None:
                break
            after.extend(more.names)
            below += 2
        if not before and not after:
            return byline
        return Byline((*before, *byline.names, *after), byline.outlet)

    def _name_under_headline(self, title_at: int) -> Byline | None:
        """A name alone on a line just under the headline (or its standfirst).  The headline printed again
        and date lines between them do not count as lines: "Headline" / "29.04.2026, 15:59" / "Headline" /
        standfirst / name."""
        counted = 0
        for index in range(title_at + 1, len(self.lines) - 1):
            if self._squashed(index) == self._squashed(title_at) or self.date_at(index) is not None:
                continue
            counted += 1
            if counted > NAME_UNDER_HEADLINE:
                break
            line = self.lines[index]
            if word_count(line) > MAX_BYLINE_WORDS or is_boilerplate(line):
                continue
            byline = byline_names(line, bare=True)
            if byline is not None:
                return byline
        return None

    def _credit_after_article(self) -> Byline | None:
        """Below the body start: a short credit line with its cue ("Text: Name /
        outlet"), an author box ("About the author" and a name on the next line),
        or a name over a line of biography that opens with it.  A bare name
        line after the article without either ("Weitere Meldungen", a related
        link, a photo credit) is not taken: nothing tells it from a heading."""
        for index in range(self.body_start, len(self.lines)):
            line = self.lines[index]
            if word_count(line) > END_CREDIT_WORDS:
                continue
            following = self.lines[index + 1] if index + 1 < len(self.lines) else ""
            if cue_alone(line) and following:
                byline = byline_names(following, bare=True)
                if byline is not None:
                    return byline
            byline = byline_names(line)
            if byline is not None:
                return byline
            if word_count(line) <= MAX_BARE_NAME_WORDS and _over_biography(line, following):
                byline = byline_names(line, bare=True)
                if byline is not None:
                    return byline
        return None

    def _copyright_holder(self) -> Byline | None:
        """Last, a person holding the copyright in the page's footer (after the article): on a personal
        site ("© 2026 Ines Varga"), the writer."""
        for index in range(len(self.lines) - 1, max(self.body_end, self.body_start) - 1, -1):
            name = copyright_person(self.lines[index])
            if name is not None:
                return Byline((name,))
        return None

    def published(self, cluster: _Cluster | None, title_at: int | None) -> str | None:
        """The cluster's publication date; else the date of the nearest cluster
        around the headline (a date above the headline, a byline cluster
        without one) or further down the header; else a labelled date around
        the article, the URL's date, a date opening the body, the nearest date line."""
        near: list[_Cluster] = [cluster] if cluster else []
        if title_at is not None:
            def distance(other: _Cluster) -> int:
                return min(abs(other.top - title_at), abs(other.bottom - title_at))

            others = [other for other in self.clusters() if other != cluster]
            near += sorted((other for other in others if distance(other) <= DATE_NEAR_TITLE), key=distance)
            # then the header's other dates, between the headline and the body's opening lines
            near += [other for other in others if title_at < other.top < self.body_start + BODY_TITLE_LINES]
        for each in near:
            found_dates = (self.article_date_at(index, title_at) for index in range(each.top, each.bottom + 1))
            dated = [found for found in found_dates if found]
            for kind in ("published", "plain", "updated"):
                for found in dated:
                    if found.kind == kind:
                        return found.iso
        return (self._labelled_date(title_at) or url_date(self.url) or self._opening_date()
                or self._nearest_date(title_at) or self._last_resort_date(title_at))  # fmt: skip

    def _last_resort_date(self, title_at: int | None) -> str | None:
        """When nothing near the article dates it: a date the page labels as the
        publication date anywhere (a header far above a body the reader found
        further down), else the nearest update date ("Aktualisiert am …"), which
        is the article's own day more often than not, and a date is better than none."""
        for index in range(len(self.lines)):
            found = self.article_date_at(index, title_at)
            if found is not None and found.kind == "published":
                return found.iso
        anchor = title_at if title_at is not None else self.body_start
        reach = max(anchor, len(self.lines) - anchor)
        for offset in range(1, min(reach, LABELLED_DATE_REACH + self.body_end - anchor)):
            for index in (anchor + offset, anchor - offset):
                if 0 <= index < len(self.lines):
                    found = self.article_date_at(index, title_at)
                    if found is not None and found.kind == "updated":
                        return found.iso
        return None

    def _opening_date(self) -> str | None:
        """A date opening the body's first line, as wire copy and press releases
        print it ("Talberg, (14.07.2026). …", "dpa / 14.07.2026 Die …")."""
        for index in range(self.body_start, min(len(self.lines), self.body_start + 2)):
            if embedded_post(self.lines[index]):
                continue
            found = printed_dates(self.lines[index], self.day_first)
            if found and found[0].start <= OPENING_DATE_CHARS:
                return found[0].iso
        return None

    def _labelled_date(self, title_at: int | None) -> str | None:
        """A date the page labels as the publication date ("Veröffentlicht am …")
        around the article: from a little above the headline to a little after the body."""
        start = max(0, (title_at if title_at is not None else self.body_start) - LABELLED_DATE_REACH)
        for index in range(start, min(len(self.lines), self.body_end + LABELLED_DATE_REACH)):
            found = self.article_date_at(index, title_at)
            if found is not None and found.kind == "published":
                return found.iso
        return None

    def _nearest_date(self, title_at: int | None) -> str | None:
        """The date line nearest the headline: in or just after the article first
        (blogs print "Posted on …" at the end), then just above the headline."""
        anchor = title_at if title_at is not None else self.body_start
        for index in range(anchor + 1, min(len(self.lines), self.body_end + NEAREST_DATE_REACH)):
            found = self.date_at(index)
            if found is not None and found.kind != "updated":
                return found.iso
        for index in range(anchor - 1, max(-1, anchor - NEAREST_DATE_REACH), -1):
            found = self.article_date_at(index, title_at)
            if found is not None and found.kind != "updated":
                return found.iso
        return None

    def _header(self) -> tuple[_Cluster | None, _Candidate | None]:
        """The header cluster and headline that score highest together."""
        options: list[_Cluster | None] = [None, *self.clusters()]
        best: tuple[float, _Cluster | None, _Candidate | None] | None = None
        for cluster in options:
            candidate = self.best_title(cluster)
            total = (candidate.score if candidate else NO_TITLE_SCORE) + (cluster.quality if cluster else 0.0)
            if best is None or total > best[0]:
                best = (total, cluster, candidate)
        assert best is not None
        return best[1], best[2]

    def read_byline(self) -> Byline | None:
        """The header's byline alone, as ``read`` finds it (the headline is found, for the byline
        sits around it; the date and the standfirst are not read)."""
        cluster, candidate = self._header()
        return self.author(cluster, candidate.index if candidate else None)

    def read(self) -> Header:
        cluster, candidate = self._header()
        byline = self.author(cluster, candidate.index if candidate else None)
        title = self._without_site_name(candidate.text) if candidate else None
        standfirst = self._standfirst(candidate.index, cluster) if candidate else None
        return Header(
            title=self.hinted_title or title,
            author=byline.author if byline else None,
            published=self.published(cluster, candidate.index if candidate else None),
            standfirst=standfirst,
            credit=Credit(byline.outlet, None, None) if byline and byline.outlet else None,
        )

    def _standfirst(self, title_at: int, cluster: _Cluster | None) -> str | None:
        """The summary line under the headline, above the body (it belongs to the article text)."""
        for index in range(max(title_at + 1, self.body_start - STANDFIRST_REACH), self.body_start):
            if cluster and cluster.top <= index <= cluster.bottom:
                continue
            line = self.lines[index]
            if word_count(line) < STANDFIRST_WORDS - 2 or is_boilerplate(line) or self.date_at(index):
                continue
            followed_by_credit = index + 1 < len(self.lines) and is_boilerplate(self.lines[index + 1])
            if followed_by_credit or label_kind(line) != "plain":
                continue  # a picture's caption above its credit; a date line run together
            if self.byline_at(index) is None and headline_shape(line) <= 0:
                return line
        return None


def read_header(
    lines: Sequence[str],
    body_start: int,
    body_end: int,
    url: str | None = None,
    hinted_title: str | None = None,
    day_first: bool = True,
) -> Header:
    """Headline, byline and date from the lines around a capture's body start."""
    return HeaderReader(lines, body_start, body_end, url, hinted_title, day_first).read()


def read_byline(
    lines: Sequence[str], body_start: int, body_end: int, url: str | None = None, day_first: bool = True
) -> Byline | None:
    """The byline ``read_header`` reads, without reading the header's date and standfirst."""
    return HeaderReader(lines, body_start, body_end, url, None, day_first).read_byline()


# --- lexicon checks --------------------------------------------------------------------------------


def check_slug_noise(entry: Entry) -> None:
    """The lexicon check: the example URL's slug is read without the term."""
    slug = slug_words(entry.example)
    assert slug and entry.term not in slug, (entry.term, slug)


def check_summary_label(entry: Entry) -> None:
    assert is_summary_label(entry.example), entry.term
    assert headline_shape(entry.example) < 0, entry.term
