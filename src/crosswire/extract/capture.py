"""Article text from a plain-text page capture (a browser's select-all copy).

A capture has no markup, so every line is scored for how much it reads like
article prose (long, sentence-shaped, mostly lower-case words) versus page
chrome (short menu items, counters, promotions).  The main article is the
contiguous run of lines with the highest total score; the lines just above
it hold the header (headline, standfirst, byline, date), which becomes
metadata.  Inside the run, boilerplate lines are dropped by the shared rules.
"""

from __future__ import annotations

import re

from crosswire.errors import InputError
from crosswire.extract.body import (
    is_boilerplate,
    is_byline,
    is_dateline,
    join_paragraphs,
    same_text,
    starts_tail,
    word_count,
)
from crosswire.extract.capture_header import Header, read_header
from crosswire.extract.dates import date_line
from crosswire.extract.metadata import site_of
from crosswire.extract.provenance import Credit, credit_in_line, find_credit, name_matches_site
from crosswire.lexicon import Entry, terms
from crosswire.model import Annotations, Article, Capture
from crosswire.sources.limits import check_text_chars, text_chars

_SENTENCE_END = re.compile(r"[.!?:;…\"”’)\]。！？」』）]$")
_BULLET = re.compile(r"^(?:[•·▪◦*–-]|\d{1,2}[.)])\s+")
#: How far above the article body a credit line may sit.
HEADER_WINDOW = 10
#: How many lines into the best region a header may still reach.
HEADER_OPENING = 6


def _words(line: str) -> list[str]:
    return line.split()


def prose_score(line: str) -> float:
    """Positive for lines that read like article prose, negative for chrome."""
    if starts_tail(line):
        return -6.0
    if is_boilerplate(line):
        return -4.0
    words = _words(line)
    count = word_count(line)
    ends_sentence = bool(_SENTENCE_END.search(line))
    # Unspaced scripts have no case: count them as prose-like.
    lower_share = sum(1 for word in words if word[:1].islower() or not word[:1].isupper()) / len(words)
    if count >= 15 and ends_sentence:
        return 2.0 + min(count, 80) / 10
    # Headlines (in link lists above all) rarely end with a full stop; prose does.
    if (count >= 8 and ends_sentence) or (count >= 25 and lower_share > 0.5):
        return 1.0 + count / 20
    if _BULLET.match(line) and count >= 4:
        return 0.5
    if count <= 3:
        return -1.5
    return -0.7


def best_region(scores: list[float]) -> tuple[int, int]:
    """The ``[start, end)`` run of lines with the highest score sum (Kadane)."""
    best_sum, best = float("-inf"), (0, 0)
    running, start = 0.0, 0
    for index, score in enumerate(scores):
        if running <= 0:
            running, start = 0.0, index
        running += score
        if running > best_sum:
            best_sum, best = running, (start, index + 1)
    return best


def header_credit(lines: list[str], body_start: int) -> Credit | None:
    """A credit line ("Originally published by …", "Source: …") among the header lines."""
    for index in range(body_start - 1, max(-1, body_start - 1 - HEADER_WINDOW), -1):
        credit = credit_in_line(lines[index])
        if credit is not None:
            return credit
    return None


def _drop_repeats(lines: list[str]) -> list[str]:
    """Drop lines seen before, and short lines that merely extend the line
    before them (sponsor banners that repeat, growing, down the page)."""
    kept: list[str] = []
    seen: set[str] = set()
    for line in lines:
        key = line.casefold()
        grows_previous = bool(kept) and len(line) < 200 and key.startswith(kept[-1].casefold())
        if key in seen or grows_previous:
            continue
        seen.add(key)
        kept.append(line)
    return kept


#: After a "Related articles"-like line, lines scoring below this are its links.
LINK_BLOCK_EXIT_SCORE = 3.0


def _header_end(lines: list[str], start: int, end: int) -> int:
    """Where the body begins: after any byline or date line that opens the
    best region (the headline and standfirst may open it too)."""
    anchor = start
    # Stop short of the region's last line: a body of one line has no header.
    for index in range(start, min(start + HEADER_OPENING, end - 1)):
        line = lines[index]
        if is_byline(line) or is_dateline(line) or date_line(line, day_first=True) or credit_in_line(line):
            anchor = index + 1
    return anchor


def body_region(lines: list[str], region: tuple[int, int] | None = None) -> tuple[int, int]:
    """``[start, end)`` of the article body among a page's text lines: the run of lines scoring
    highest as prose, or ``region`` when the body is known already (an HTML page's extracted text),
    without the byline and date lines that open it."""
    start, end = region if region is not None else best_region([prose_score(line) for line in lines])
    return _header_end(lines, start, end), end


def header_of_lines(
    lines: list[str], url: str | None = None, title: str | None = None
) -> tuple[int, int, Header]:
    """Where the article body of a page's text lines begins and ends, and its header (headline,
    byline, date) read from the lines around that start; ``lines`` are non-empty, whitespace collapsed."""
    start, end = body_region(lines)
    return start, end, read_header(lines, start, end, url, title, day_first=not reads_english(lines[start:end]))


def body_lines(region: list[str], header: Header) -> list[str]:
    kept: list[str] = []
    in_link_block = False
    for index, line in enumerate(region):
        if starts_tail(line):
            in_link_block = True
            continue
        if in_link_block:
            if prose_score(line) < LINK_BLOCK_EXIT_SCORE:
                continue
            in_link_block = False
        if header.title and same_text(line, header.title):
            continue
        if index < 6 and not kept and (is_byline(line) or is_dateline(line)):
            continue
        if is_boilerplate(line):
            continue
        kept.append(line)
    return _drop_repeats(kept)


#: A masthead is a short name line: "MarketPulse Daily", "MERIDIAN WIRE".
_MASTHEAD = re.compile(r"^[A-Z][\w&'.-]*(?: [A-Z&][\w&'.-]*){0,3}$")


def masthead(lines: list[str]) -> str | None:
    """The site's name when a capture opens with it, as browsers copy the logo
    text (after any "Skip to main content" link)."""
    opening = [line for line in lines[:3] if not line.lower().startswith("skip to")]
    line = opening[0].strip() if opening else ""
    if is_boilerplate(line):
        return None  # a promotion or a menu item opening the page names no outlet
    if len(line) > 40 or not _MASTHEAD.match(line):
        return None
    return line.title() if line.isupper() and len(line) > 4 else line


#: Share of English function words (lexicons/english_words.json) above which a text reads as English.
ENGLISH_SHARE = 0.08


def reads_english(lines: list[str]) -> bool:
    """Whether the lines read as English, whose pages print numeric dates month first."""
    english = terms("crosswire.extract", "english_words")
    words = [word.lower().strip(".,;:!?") for line in lines[:40] for word in line.split()]
    return bool(words) and sum(1 for word in words if word in english) / len(words) > ENGLISH_SHARE


def check_english_word(entry: Entry) -> None:
    """The lexicon check: the example reads as English."""
    assert reads_english([entry.example]), entry.term


def same_outlet(a: str, b: str) -> bool:
    """Whether two outlet names are the same name, ignoring case and punctuation."""
    return re.sub(r"\W", "", a.lower()) == re.sub(r"\W", "", b.lower())


def _is_own_outlet(credited: str, own: str) -> bool:
    """A credit naming the page's own outlet ("The Daily Meridian" on dailymeridian.example) is no republication."""
    return same_outlet(credited, own) or name_matches_site(credited, own)


def extract_capture(capture: Capture) -> Article:
    if capture.kind != "capture":
        raise ValueError(f"extract_capture needs a 'capture', got {capture.kind!r}")
    raw = capture.content
    text = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
    # Over the text limit, the capture is refused before the line readers spend seconds on it.
    check_text_chars(capture.origin, text_chars(text))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        raise InputError(capture.origin, "no article text found (the capture is empty)")
    hints = capture.hints
    start, end, header = header_of_lines(lines, hints.url, hints.title)
    body = body_lines(lines[start:end], header)
    if header.standfirst and not any(same_text(header.standfirst, line) for line in body):
        body.insert(0, header.standfirst)
    if not body or sum(word_count(line) for line in body) < 5:
        raise InputError(capture.origin, "no article text found")
    # a credit line ("Originally published by", "Source:") first, then the outlet a byline names
    credit = header_credit(lines, start) or find_credit("\n".join(body)) or header.credit
    publisher = hints.publisher or site_of(hints.url) or masthead(lines)
    via = None
    if credit is not None and not (publisher and _is_own_outlet(credit.outlet, publisher)):
        via, publisher = publisher, credit.outlet
    if credit is not None and credit.line is not None:
        body = [line for line in body if line != credit.line]
    # What the reader's copy held besides the article (menus, promos, the header lines read as metadata),
    # kept for the article page, which shows it greyed on demand.
    kept = set(body)
    left_out = tuple(line for line in lines if line not in kept)
    return Article(
        id=capture.id,
        kind="capture",
        origin=capture.origin,
        text=join_paragraphs(body),
        title=header.title,
        author=header.author or hints.author,
        published=(credit.published if credit else None) or header.published or hints.published,
        publisher=publisher,
        via=via,
        url=hints.url,
        language=hints.language,
        annotations=Annotations(furniture=left_out) if left_out else None,
    )
