"""Line-level boilerplate rules shared by the HTML and capture extractors.

The patterns live in ``rules/boilerplate.json``; this module only applies
them.  A line is tested whole, so prose that merely mentions "subscribe" or
"source:" mid-sentence is not taken for boilerplate (promo patterns are
applied to short lines only, for the same reason).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from lxml import etree
from rapidfuzz import fuzz

from crosswire.extract.rules import load_rules
from crosswire.lexicon import load_lexicon, phrase_alternation

#: A promotional pattern inside a line longer than this is likely prose.
PROMO_MAX_CHARS = 260
#: Bylines and date lines are looked for only this many lines into the body.
HEADER_LINES = 6


@cache
def _patterns(*categories: str) -> tuple[re.Pattern[str], ...]:
    """The categories' rules as at most three alternations: the rules
    anchored at the line start, those starting at a word, the rest.

    One alternation scans a line once instead of once per rule (clean_body
    tests every line of every page against ~60 rules); the anchored rules
    are kept apart because a single leading ``^`` lets the engine try only
    the first position, where ``(?:^a)|(?:^b)`` would be tried at every one.
    For the same reason the rules that start at a word (``\\b…``, nearly all
    floating ones) share one leading ``\\b``: inside a word the engine then
    fails once instead of once per rule.  Both alternations are grouped by
    the letter a rule can start with (``_by_first_char``).
    """
    rules: list[str] = [rule for category in categories for rule in load_rules("boilerplate")[category]]
    anchored: list[str] = []
    at_word: list[str] = []
    floating: list[str] = []
    for rule in rules:
        if rule.startswith("^") and _one_branch(rule):
            anchored.append(rule[1:])
        elif rule.startswith("\\b") and _one_branch(rule):
            at_word.append(rule[2:])
        else:
            floating.append(rule)
    patterns = []
    if anchored:
        patterns.append(re.compile("^" + _by_first_char(anchored), re.IGNORECASE))
    if at_word:
        patterns.append(re.compile("\\b" + _by_first_char(at_word), re.IGNORECASE))
    if floating:
        patterns.append(re.compile("|".join(f"(?:{rule})" for rule in floating), re.IGNORECASE))
    return tuple(patterns)


def _by_first_char(rules: list[str]) -> str:
    """The rules as one alternation that, at a position, tries only the rules
    that can start with the character there.

    Case-insensitive, Python's engine enters every branch of an alternation
    to compare its first letter (a case-sensitive one skips them in C):
    trying ~40 rules at every word boundary of every line was most of
    clean_body's time.  Here a lookahead for the characters any rule can
    start with rejects most positions at once (a word's end, a word starting
    with another letter), and the rules are grouped by their first character,
    each group behind a one-character lookahead.  Rules that look anywhere in
    the line (``.{0,300}\\b(?:source|photo)…``) share one walk along it, and
    what they look for is grouped the same way.  A rule whose first
    character ``_first_chars`` cannot tell is tried at every position, as
    before.  The lookaheads only skip positions where a rule cannot match, so
    what matches is unchanged (the lookaheads ignore case, as the rules do).
    """
    groups: dict[str, list[str]] = {}
    anywhere: dict[str, list[str]] = {}
    unknown: list[str] = []
    for rule in rules:
        starts = _first_chars(rule)
        walk = _ANY_CHARS_FIRST.fullmatch(rule) if starts is None else None
        if walk is not None:
            anywhere.setdefault(walk["walk"], []).append(walk["rest"])
        elif starts is None:
            unknown.append(rule)
        for char in sorted(starts or ()):
            groups.setdefault(char, []).append(rule)
    branches = [
        f"(?={re.escape(char)})(?:" + "|".join(f"(?:{rule})" for rule in group) + ")"
        for char, group in sorted(groups.items())
    ]
    branches += [walk + _by_first_char(rests) for walk, rests in anywhere.items()]
    branches += [f"(?:{rule})" for rule in unknown]
    guard = "" if unknown or anywhere else "(?=[" + "".join(re.escape(char) for char in sorted(groups)) + "])"
    return guard + "(?:" + "|".join(branches) + ")"


#: A rule that opens with any characters, up to so many (``.{0,300}``), maybe then a word
#: boundary, and looks for the rest there (the rest not opening with a quantifier: ``.{0,300}?``).
_ANY_CHARS_FIRST = re.compile(r"(?P<walk>\.\{\d*,\d+\}(?:\\b)?)(?P<rest>[^?*+{].*)", re.DOTALL)


#: Characters with a meaning of their own in a regex; any other character is itself.
_REGEX_SYNTAX = frozenset(".^$*+?{}[]\\|()")


def _first_chars(rule: str) -> frozenset[str] | None:
    """The characters a match of the rule can start with (as written: the
    rules are matched ignoring case, and so are the lookaheads built from
    these), or None when the rule may start otherwise than with one of a few
    known characters.

    Only the forms the boilerplate rules open with are read: a literal
    character (``s…``), an escaped one (``\\[…``) and a non-capturing group
    of such alternatives (``(?:sign up|signup)…``).  Anything else, or a
    first item that may be skipped (``a?…``, ``(?:the )?…``), is None.
    """
    if rule.startswith("(?:"):
        end = _group_end(rule)
        if _may_skip(rule, end + 1):
            return None
        starts: set[str] = set()
        for alternative in _top_level_alternatives(rule[3:end]):
            first = _first_chars(alternative)
            if first is None:
                return None
            starts |= first
        return frozenset(starts)
    if rule.startswith("\\") and len(rule) > 1 and not rule[1].isalnum() and not _may_skip(rule, 2):
        return frozenset(rule[1])
    if not rule or rule[0] in _REGEX_SYNTAX or _may_skip(rule, 1):
        return None
    return frozenset(rule[0])


def _may_skip(rule: str, index: int) -> bool:
    """Whether the item before ``index`` is optional (a quantifier allowing none of it follows)."""
    return rule[index : index + 1] in ("?", "*") or rule.startswith(("{0", "{,"), index)


def _regex_chars(rule: str) -> Iterator[tuple[int, str, bool]]:
    """The rule's characters with their index and whether they are syntax
    (outside a character class and not escaped)."""
    in_class, escaped = False, False
    for index, char in enumerate(rule):
        if escaped:
            escaped = False
            yield index, char, False
        elif char == "\\":
            escaped = True
            yield index, char, False
        elif in_class:
            in_class = char != "]"
            yield index, char, False
        else:
            in_class = char == "["
            yield index, char, True


def _group_end(rule: str) -> int:
    """The index of the parenthesis closing the group that opens the rule."""
    depth = 0
    for index, char, syntax in _regex_chars(rule):
        if syntax and char == "(":
            depth += 1
        elif syntax and char == ")":
            depth -= 1
            if depth == 0:
                return index
    raise ValueError(f"unbalanced parentheses in boilerplate rule {rule!r}")


def _top_level_alternatives(rule: str) -> list[str]:
    """The rule split at each ``|`` outside its groups and classes."""
    alternatives, depth, start = [], 0, 0
    for index, char, syntax in _regex_chars(rule):
        if syntax and char == "(":
            depth += 1
        elif syntax and char == ")":
            depth -= 1
        elif syntax and char == "|" and depth == 0:
            alternatives.append(rule[start:index])
            start = index + 1
    alternatives.append(rule[start:])
    return alternatives


def _one_branch(rule: str) -> bool:
    """Whether a rule has no ``|`` outside its groups and classes, so that its leading
    ``^`` or ``\\b`` applies to all of it and may be shared with other rules."""
    return len(_top_level_alternatives(rule)) == 1


def matches(category: str, line: str) -> bool:
    """Whether a stripped line matches one of the ``category`` rules."""
    return any(pattern.search(line) for pattern in _patterns(category))


#: Captions are short; prose may end with a "(Source: Reuters)"-like credit too.
CAPTION_MAX_CHARS = 320


def is_chrome(line: str) -> bool:
    """Whether a line is promotion, UI, a consent banner, a caption or
    metadata residue: the line rules clean_body drops anywhere."""
    return opens_as_caption(line) or _matches_for_length(line, ("ui", "consent", "residue"))


#: Labels that make a whole line a caption or a gallery's furniture (``lexicons/caption_openers.json``).
_CAPTION_OPENER = re.compile(
    rf"^(?:{phrase_alternation(load_lexicon('crosswire.extract', 'caption_openers').terms)})(?!\w)", re.IGNORECASE
)


def opens_as_caption(line: str) -> bool:
    """Whether a label opens the line that makes all of it a caption ("Image caption ...", "Hide Caption 3 of
    12", "Photos: ..."), however long it is and whether or not it reads as a sentence."""
    return _CAPTION_OPENER.match(line) is not None


def _matches_for_length(line: str, categories: tuple[str, ...]) -> bool:
    """Whether a stripped line matches a rule of ``categories`` or, if the line is short
    enough for them, of the caption and promo rules: in one or two scans (the categories
    combined) rather than one per category."""
    if len(line) <= CAPTION_MAX_CHARS:
        categories += ("caption",)
    if len(line) <= PROMO_MAX_CHARS:
        categories += ("promo",)
    return any(pattern.search(line) for pattern in _patterns(*categories))


# Scripts written without spaces between words (Chinese, Japanese, Thai...).
_UNSPACED_SCRIPT = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
#: Characters of an unspaced script that weigh as much as one English word.
CHARS_PER_WORD = 2


def word_count(line: str) -> int:
    """Words in a line, counting unspaced scripts by characters."""
    unspaced = len(_UNSPACED_SCRIPT.findall(line))
    return len(line.split()) + unspaced // CHARS_PER_WORD


def is_boilerplate(line: str) -> bool:
    """UI, a consent banner, promotion or a caption: never a headline, a byline or prose."""
    return _matches_for_length(line, ("ui", "consent"))


def is_byline(line: str) -> bool:
    return len(line) <= 160 and matches("byline", line)


def is_dateline(line: str) -> bool:
    return len(line) <= 120 and matches("dateline_only", line)


def starts_tail(line: str) -> bool:
    return len(line) <= 220 and matches("tail_start", line)


_NON_WORD = re.compile(r"\W+")


def squash(text: str) -> str:
    return _NON_WORD.sub("", text).casefold()


def same_text(a: str, b: str) -> bool:
    """Equal up to case, spacing and punctuation (a repeated headline)."""
    return bool(squash(a)) and squash(a) == squash(b)


#: A header line this similar to the headline (0-100) repeats it with an edit.
HEADLINE_SIMILARITY = 85
_TITLE_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s+::\s+")


@dataclass(frozen=True)
class Headline:
    """The forms in which a page repeats its headline in the text: whole,
    without the site name the <title> carries ("… | Inexhibit",
    "… - SpaceNews.com"), or lightly edited (a word changed between the page
    and its metadata)."""

    squashed: str
    forms: tuple[str, ...]
    longest: int
    squashed_forms: frozenset[str] = frozenset()

    @classmethod
    def of(cls, title: str) -> Headline:
        parts = _TITLE_SEPARATORS.split(title)
        forms = tuple(form.casefold() for form in {title, parts[0], *(part for part in parts if len(part) >= 20)})
        return cls(squash(title), forms, len(title), frozenset(map(squash, forms)))

    def is_line(self, line: str) -> bool:
        return bool(self.squashed) and squash(line) == self.squashed

    def repeated_by(self, line: str) -> bool:
        if len(line) > 1.5 * self.longest + 20:
            return False
        if squash(line) in self.squashed_forms:
            return True
        folded = line.casefold()
        return any(fuzz.ratio(folded, form) >= HEADLINE_SIMILARITY for form in self.forms)


def clean_body(text: str, title: str | None, drop_lines: Collection[str | None] = ()) -> str:
    """Drop headline, byline, date, promo, UI and caption lines from
    extracted text; paragraphs come back separated by blank lines."""
    kept: list[str] = []
    headline = Headline.of(title) if title else None
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    for index, line in enumerate(lines):
        in_header = index < HEADER_LINES and not kept
        if line in drop_lines or (headline and headline.is_line(line)):
            continue
        if headline and index < HEADER_LINES and headline.repeated_by(line):
            continue
        if in_header and (is_byline(line) or is_dateline(line)):
            continue
        if is_chrome(line):
            continue
        kept.append(line)
    return join_paragraphs(kept)


def join_paragraphs(lines: Iterable[str]) -> str:
    return "\n\n".join(line for line in lines if line)


#: The texts of the page's links, as plain strings (no link back to their element is needed).
_LINK_TEXTS = etree.XPath("//body//a//text()", smart_strings=False)
_LINK_COUNT = etree.XPath("count(/descendant::body/descendant::a[@href])")
#: A page with fewer teaser headlines is not a list of stories.
MIN_TEASERS = 5
#: Share of the extracted text (in characters) found inside teaser blocks
#: above which the "article" is the teasers' summaries run together.
TEASER_TEXT_SHARE = 0.5
#: A teaser block (headline, summary, date) is shorter than this.
MAX_TEASER_CHARS = 600


def looks_like_index_page(tree: Any, body: str) -> bool:
    """A list or section page rather than an article.

    Three signs, any of which is enough: what was extracted is mostly link
    text; the page is mostly links and little prose was found; or most of
    the extracted text sits inside teaser blocks (a headline linking
    elsewhere, with its summary), i.e. it is a section front's summaries
    run together.  Sidebars of teasers beside an article do not count,
    since the article's own text is not inside them.
    """
    lines = [line for line in body.split("\n") if line.strip()]
    # collapsing a link's whitespace does not lengthen it: one shorter than every line is none of them
    shortest = min(map(len, lines), default=0)
    link_texts = {" ".join(text.split()) for text in _LINK_TEXTS(tree) if len(text) >= shortest}
    link_texts.discard("")
    if lines and sum(1 for line in lines if line in link_texts) / len(lines) > 0.5:
        return True
    # the links are counted (a walk of the page) only when little prose was found
    if len(body.split()) < 60 and int(_LINK_COUNT(tree)) > 40:
        return True
    return bool(lines) and _teaser_text_share(tree, lines) > TEASER_TEXT_SHARE


def _teaser_headings(tree: Any) -> list[Any]:
    """Headings h2-h4 made of a link, in page order: the headlines of teasers on a section front
    (``//body//h2[.//a[@href]] | //body//h3[…] | //body//h4[…]``).  libxml2's tag walk hands Python
    only the headings (0.13 ms a page; the XPath, even spelled with ``descendant::`` steps, 0.19 ms)."""
    found: dict[Any, None] = {}
    for page_body in tree.iter("body"):
        for heading in page_body.iterdescendants("h2", "h3", "h4"):
            if any(link.get("href") is not None for link in heading.iterdescendants("a")):
                found[heading] = None
    return list(found)


def _teaser_text_share(tree: Any, lines: list[str]) -> float:
    texts = []
    for heading in _teaser_headings(tree):
        block = heading.getparent()
        if block is None or len(heading.text_content().strip()) < 15:
            continue
        text = " ".join(block.text_content().split())
        # a teaser is a headline and a summary; a long block is a section of an article
        if len(text) <= MAX_TEASER_CHARS:
            texts.append(text)
    if len(texts) < MIN_TEASERS:
        return 0.0
    teaser_text = "\n".join(texts)
    inside = sum(len(line) for line in lines if " ".join(line.split()) in teaser_text)
    return inside / sum(len(line) for line in lines)
