"""The headline of an article as story clustering should read it.

The extracted title is usually the headline, but some pages give a dateline
("Last Updated: Friday, 3 March 2028, 14:10 GMT") or the outlet's name
("Northwind News") instead.  Neither says what happened, and both would weigh as
much as a real headline; a dateline's headline is then the next line of
the text, and an outlet name is no headline at all.
"""

from __future__ import annotations

import re

from crosswire.model import Article
from crosswire.stories.text import normalise

#: Words a dateline is made of besides numbers.
_DATELINE_TEXT = """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
    st nd rd th am pm gmt utc est edt cst cdt pst pdt bst cet ist et pt
    posted published updated last update article on at by
"""
_DATELINE_WORDS = frozenset(_DATELINE_TEXT.split())
_WORD = re.compile(r"[^\W\d_]+")
_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S*\s*$")
#: Longest line (in words) taken for the headline after a dateline.
HEADLINE_MAX_WORDS = 25
#: Lines of the text searched for it.
LINES_SEARCHED = 4


def is_dateline(line: str) -> bool:
    """True for a line made only of a date, a time and words like "posted" or "last updated"."""
    words = _WORD.findall(normalise(line))
    has_number = any(ch.isdigit() for ch in line)
    return has_number and all(word in _DATELINE_WORDS for word in words)


def names_outlet(title: str, publisher: str | None) -> bool:
    """True when every word of the title is in the publisher's domain or is "news": the outlet, not the story."""
    if not publisher:
        return False
    domain = normalise(publisher)
    words = _WORD.findall(normalise(title))
    return bool(words) and all(word in domain or word in {"news", "world", "international"} for word in words)


def headline(article: Article) -> str:
    """The article's headline: its title unless that is a dateline or the outlet's name."""
    title = (article.title or "").strip()
    if names_outlet(title, article.publisher):
        return ""
    if title and not is_dateline(title):
        return title
    for line in article.text.splitlines()[:LINES_SEARCHED]:
        line = line.strip()
        if not line or _URL_LINE.match(line) or is_dateline(line):
            continue
        return line if len(line.split()) <= HEADLINE_MAX_WORDS else ""
    return ""
