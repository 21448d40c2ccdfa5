"""The headline of an article as story clustering should read it.

The extracted title is usually the headline, but some pages give a dateline
("Last Updated: Friday, 3 March 2028, 14:10 GMT") or the outlet's name
("Northwind News") instead.  Neither says what happened, and both would weigh as
much as a real headline; a dateline's headline is then the next line of
the text.  When the page offers no headline at all (an outlet name, or a
dateline followed by no short line), the words of its address's slug are
the headline the outlet filed it under
("https://northwind.example/world/48213-ferry-runs-aground-off-calder-point"):
such pages are often ones whose text the extractor could not find, and the
slug is then all that says what they report.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from crosswire.lexicon import Entry, terms
from crosswire.model import Article
from crosswire.stories.text import normalise

#: Words a dateline is made of besides numbers (``lexicons/dateline_words.json``).
_DATELINE_WORDS = terms("crosswire.stories", "dateline_words")
#: Words an outlet's name adds to its domain ("news", ``lexicons/outlet_words.json``).
_OUTLET_WORDS = terms("crosswire.stories", "outlet_words")
_WORD = re.compile(r"[^\W\d_]+")
_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S*\s*$")
#: Longest line (in words) taken for the headline after a dateline.
HEADLINE_MAX_WORDS = 25
#: Lines of the text searched for it.
LINES_SEARCHED = 4
#: Words a path segment must join (by hyphens or underscores) to be read as a slug, not a section or an id.
SLUG_MIN_WORDS = 3
_SLUG_PIECE = re.compile(r"[-_]+")
_FILE_SUFFIX = re.compile(r"\.[a-z0-9]{1,5}$", re.IGNORECASE)


def is_dateline(line: str) -> bool:
    """True for a line made only of a date, a time and words like "posted" or "last updated"."""
    words = _WORD.findall(normalise(line))
    has_number = any(ch.isdigit() for ch in line)
    return has_number and all(word in _DATELINE_WORDS for word in words)


def names_outlet(title: str, publisher: str | None) -> bool:
    """True when every word of the title is in the publisher's domain or an outlet word ("news"): not a headline."""
    if not publisher:
        return False
    domain = normalise(publisher)
    words = _WORD.findall(normalise(title))
    return bool(words) and all(word in domain or word in _OUTLET_WORDS for word in words)


def url_slug(url: str | None) -> str:
    """The words of the address's slug ("ferry runs aground off calder point"); "" when it has none.

    The slug is the path segment joining the most words by hyphens or
    underscores, at least ``SLUG_MIN_WORDS`` of them; numbers and ids glued to
    it ("48213", "a1452") and a file suffix (".html") are left out.
    """
    if not url:
        return ""
    best: list[str] = []
    for segment in urlsplit(url).path.split("/"):
        pieces = _SLUG_PIECE.split(_FILE_SUFFIX.sub("", unquote(segment)))
        found = [piece for piece in pieces if piece.isalpha()]
        if len(found) >= SLUG_MIN_WORDS and len(found) > len(best):
            best = found
    return " ".join(best)


def headline(article: Article) -> str:
    """The article's headline: its title unless that is a dateline or the outlet's name; else its URL's slug."""
    title = (article.title or "").strip()
    if names_outlet(title, article.publisher):
        return url_slug(article.url)
    if title and not is_dateline(title):
        return title
    for line in article.text.splitlines()[:LINES_SEARCHED]:
        line = line.strip()
        if not line or _URL_LINE.match(line) or is_dateline(line):
            continue
        if len(line.split()) <= HEADLINE_MAX_WORDS:
            return line
        break
    return url_slug(article.url)


_LETTERS = r"(?<![^\W\d_]){}(?![^\W\d_])"


def check_dateline_word(entry: Entry) -> None:
    """The lexicon check: the example is a dateline, and is none once the word is replaced by an ordinary one."""
    assert is_dateline(entry.example), entry.example
    other = re.sub(_LETTERS.format(re.escape(entry.term)), "harbour", entry.example, flags=re.IGNORECASE)
    assert not is_dateline(other), other


def check_outlet_word(entry: Entry) -> None:
    """The lexicon check: the example, an outlet's name, is taken for it (not a headline) given the outlet's domain,
    and is a headline once the word is replaced by an ordinary one."""
    name = [word for word in _WORD.findall(normalise(entry.example)) if word != entry.term]
    domain = "".join(name) + ".example"
    assert names_outlet(entry.example, domain), (entry.example, domain)
    other = re.sub(_LETTERS.format(re.escape(entry.term)), "Ferry", entry.example, flags=re.IGNORECASE)
    assert not names_outlet(other, domain), other
