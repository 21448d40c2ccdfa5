"""Article text and metadata from a saved HTML page.

trafilatura finds the main text; htmldate finds the publication date (from
the HTML text only: given a URL it would download).  Our own readers of meta
tags and JSON-LD fill the metadata, the provenance rules decide who wrote
the article, and the capture's hints fill only what the page leaves open.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from typing import Any

import htmldate
import lxml.html
import trafilatura
import trafilatura.metadata as tm
from lxml import etree
from lxml.etree import ParserError
from trafilatura.settings import Extractor
from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, INVALID_XML_CHARS, is_dubious_html, repair_faulty_html

from crosswire.errors import InputError
from crosswire.extract.body import clean_body, looks_like_index_page
from crosswire.extract.bylines import byline_names, names_a_desk, names_an_outlet
from crosswire.extract.dates import to_iso_date
from crosswire.extract.decode import decode_html
from crosswire.extract.markup_author import markup_author
from crosswire.extract.metadata import (
    Outlet,
    PageMetadata,
    byline_author,
    names_a_person,
    person_author,
    printed_site_name,
    read_metadata,
    site_of,
    strip_site_name,
)
from crosswire.extract.page_dates import (
    dated_above_headline,
    header_publication_date,
    labelled_page_date,
    links_naming_the_day,
    marked_header_date,
    page_headlines,
    published_not_modified,
)
from crosswire.extract.page_text import PageText
from crosswire.extract.provenance import detect_provenance
from crosswire.extract.split_body import recover_split_body
from crosswire.extract.visible_text import visible_byline
from crosswire.model import Article, Capture, SourceHints
from crosswire.sources.limits import TEXT_CHARS, check_text_chars, text_chars

#: trafilatura tuned for news: tables kept, reader comments left out.
#: ``favor_recall`` was measured: +0.0015 F1 on scrapinghub-dev but -0.0044 on
#: trafilatura-dev (it lets "read more" blocks in), so it stays off.
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "favor_recall": False,
}
#: ``TRAFILATURA_OPTIONS`` as the settings ``bare_extraction`` builds from them (its defaults: plain text,
#: no metadata), built once: given none, it builds them anew for each page, reading its configuration.
#: trafilatura does not change them (its recall retry works on a copy).
EXTRACTOR = Extractor(
    output_format="python",
    comments=TRAFILATURA_OPTIONS["include_comments"],
    tables=TRAFILATURA_OPTIONS["include_tables"],
    recall=TRAFILATURA_OPTIONS["favor_recall"],
)


def extract_html(capture: Capture) -> Article:
    if capture.kind != "html":
        raise ValueError(f"extract_html needs an 'html' capture, got {capture.kind!r}")
    raw = capture.content
    page = decode_html(raw, capture.origin) if isinstance(raw, bytes) else raw
    tree = parse_page(page, capture.origin)
    if len(page) > TEXT_CHARS.value():  # a shorter page has less text than that
        # Over the text limit, the page is refused before trafilatura and the readers spend seconds on it.
        check_text_chars(capture.origin, visible_text_chars(tree), "page text")
    metadata = read_metadata(tree, capture.hints.url)
    # trafilatura copies a tree it is given: one parse serves both readers
    document = trafilatura.bare_extraction(tree, options=EXTRACTOR)
    texts = PageText()  # paragraphs' texts, read once for the split-body and credit readers
    text = recover_split_body(tree, getattr(document, "text", None) or "", texts)
    hints = capture.hints
    outlet = Outlet.of(metadata.site_name, metadata.publisher, hints.url, metadata.canonical_url, metadata.og_url)
    given_author = person_author(metadata.author, outlet)
    found = fallback_metadata(tree, metadata, hints.url, given_author)
    url = metadata.canonical_url or metadata.og_url or found.get("url") or hints.url
    title = metadata.title or found.get("title") or hints.title
    published = publication_date(tree) or to_iso_date(metadata.published) or hints.published
    publisher = metadata.site_name or metadata.publisher or found.get("sitename") or hints.publisher
    via: str | None = None
    provenance = detect_provenance(text, metadata, hints.url or url, credit_blocks(tree, texts))
    if provenance is not None:
        publisher, via = provenance.publisher, provenance.via
        published = provenance.published or published
    drop = {provenance.credit_line} if provenance else set()
    body = clean_body(text, title=metadata.title_as_given or title, drop_lines=drop) if text.strip() else ""
    article = Article(
        id=capture.id,
        kind="html",
        origin=capture.origin,
        text=body,
        title=title,
        author=_author_of_page(tree, found.get("author") or _with_co_writers(given_author, tree, outlet),
                               metadata, text, hints, outlet),
        published=published,
        publisher=publisher or site_of(url),
        via=via,
        url=url,
        language=_language(metadata) or hints.language,
        is_article=bool(body) and not looks_like_index_page(tree, body),
    )
    if not body:
        # the page's metadata is read all the same (a page whose text its scripts write in)
        raise NoArticleText(capture.origin, article)
    return article


class NoArticleText(InputError):
    """A page with no article text: refused as an input, with the metadata its markup gives
    (``article``, whose text is empty) for those who read only that."""

    def __init__(self, origin: str, article: Article) -> None:
        super().__init__(origin, "no article text found")
        self.article = article


#: Words without which a short block cannot be a republication credit.  The lookahead for their first
#: letters rejects most positions of a text with one test, where the five words were tried one by one.
_CREDIT_WORDS = re.compile(r"(?=[pras])(?:publish|syndicat|reprint|republish|appeared)", re.IGNORECASE)


#: Where a credit box sits: blocks and inline text elements.
_CREDIT_TAGS = ("p", "div", "small", "em", "i", "span", "aside", "footer")
#: The shortest and the longest credit block, in characters once whitespace is collapsed.
MIN_CREDIT_CHARS = 20
MAX_CREDIT_CHARS = 200


def credit_blocks(tree: Any, texts: PageText | None = None) -> list[str]:
    """Short text blocks of the page that may credit another outlet, in page order.

    The blocks are read innermost first: once a block holds more non-space
    characters than a credit has, so does every element around it, whose
    text (each wrapper holds the whole article) is then never read.
    ``texts`` shares the blocks' texts with the page's other readers.
    """
    if tree is None:
        return []
    texts = texts if texts is not None else PageText()
    blocks: list[str] = []
    too_long: set[Any] = set()  # holds each too-long element's ancestors too
    for element in reversed(list(tree.iter(*_CREDIT_TAGS))):
        if element in too_long:
            continue
        raw = texts.of(element)
        # more non-space characters than a credit has (counting is cheaper than collapsing whitespace)
        if len(raw) > MAX_CREDIT_CHARS and len(raw) - sum(map(raw.count, " \n\t\r\xa0")) > MAX_CREDIT_CHARS:
            for ancestor in element.iterancestors():
                if ancestor in too_long:
                    break
                too_long.add(ancestor)
            continue
        if len(raw) < MIN_CREDIT_CHARS:
            continue  # collapsing whitespace does not lengthen it
        text = " ".join(raw.split())
        if MIN_CREDIT_CHARS <= len(text) <= MAX_CREDIT_CHARS and _CREDIT_WORDS.search(text):
            blocks.append(text)
    blocks.reverse()
    return blocks


#: How many lines at the top of the article text may hold its byline.
BYLINE_LINES = 3


def text_byline(text: str) -> str | None:
    """The person a byline opening the article text credits ("von Ines Varga" as its first paragraph),
    for a page whose markup and metadata name nobody: a cue is required, and the name is a person's."""
    for line in text.strip().splitlines()[:BYLINE_LINES]:
        byline = byline_names(line.strip())
        if byline is not None and byline.outlet is None and _a_person(byline.author):
            return byline.author
    return None


def _a_person(name: str, outlet: Outlet | None = None) -> bool:
    """A person's name: not an organisation, not an outlet's name, nor (given) this page's outlet."""
    return names_a_person(name, outlet) and not names_an_outlet(name)


def _full_name(author: str | None, outlet: Outlet) -> bool:
    """The author field names a person by more than one word (not a handle, a first name or the outlet)."""
    return author is not None and " " in author.strip() and _a_person(author, outlet)


def _with_co_writers(author: str | None, tree: Any, outlet: Outlet) -> str | None:
    """The metadata's author, or the byline markup's names when they are that author's and more
    (a meta tag naming the first of two writers, "Ada Brook"; the byline "By Ada Brook and Lin Oduya")."""
    if not _full_name(author, outlet):
        return author
    assert author is not None
    byline = byline_author(tree, outlet)
    if byline is None or len(byline.split(", ")) <= len(author.split(", ")):
        return author
    own = {word.casefold() for word in _WORDS.findall(author)}
    return byline if own < {word.casefold() for word in _WORDS.findall(byline)} else author


_WORDS = re.compile(r"\w+")


def _author_of_page(
    tree: Any, markup: str | None, metadata: PageMetadata, text: str, hints: SourceHints, outlet: Outlet
) -> str | None:
    """The page's author: the person its metadata or byline markup names (``markup``), unless that
    names no person by a full name; then the byline a reader sees on the page (``visible_byline``,
    read as from a capture) may name them, and replaces a one-word author only when it holds that
    word ("Ines" under "By Ines Varga"). The capture's own author, the metadata's author as given
    (an outlet, a company), a byline atop the text and a JSON-LD organisation come after."""
    seen = None if hints.author or _full_name(markup, outlet) else visible_byline(tree, hints.url, text)
    person = markup
    if seen is not None and _a_person(seen, outlet) and not names_a_desk(seen):
        no_person = markup is None or not _a_person(markup, outlet)
        if no_person or _extends(seen, markup):
            person = seen
    return person or hints.author or metadata.author or seen or _last_authors(text, metadata)


def _extends(seen: str, author: str | None) -> bool:
    """A one-word author ("Ines", a handle) is one of the words of the byline seen ("Ines Varga")."""
    return author is not None and " " not in author.strip() and author.casefold() in seen.casefold().split()


def _last_authors(text: str, metadata: PageMetadata) -> str | None:
    """When neither metadata nor markup name a person: a byline atop the text, else a JSON-LD organisation."""
    return text_byline(text) or metadata.author_organisation


def publication_date(tree: Any) -> str | None:
    """The original publication date (not the last update), ISO, or None.

    A date the article header labels as published wins, then the one day the page labels
    anywhere (below the article: "Erstellt am: …"), then the day printed in the header's elements
    that the markup names a date (``<time>``, ``class="entry-date"``, after a standfirst), then a
    date printed alone just above the headline; otherwise htmldate weighs the page's signals (it
    works on a copy of the tree), and the JSON-LD's published day replaces its answer when that is
    the day the JSON-LD names modified.  When links to other pages name htmldate's day in their
    addresses, htmldate is asked again without those addresses (a related article's day is not the page's).
    """
    headlines = page_headlines(tree)  # read once for the three readers of the header
    printed = (header_publication_date(tree, headlines) or labelled_page_date(tree)
               or marked_header_date(tree, headlines) or dated_above_headline(tree, headlines))
    if printed is not None:
        return printed
    found = _htmldate(tree)
    linked = links_naming_the_day(tree, found)
    if linked:
        # the day may be another article's, read from the addresses of links to it: asked again without them
        found = _htmldate_without_addresses(tree, linked) or found
    return published_not_modified(tree, found)


def _htmldate(tree: Any) -> str | None:
    try:
        found: str | None = htmldate.find_date(
            tree, extensive_search=True, original_date=True, deferred_url_extractor=_slug_number_in_url(tree)
        )
    except (ValueError, TypeError):
        return None
    return found


def _htmldate_without_addresses(tree: Any, links: list[Any]) -> str | None:
    """htmldate's answer with ``links`` stripped of their addresses, which are put back after: htmldate
    copies the tree it is given, so it is not copied here too."""
    addresses = [link.attrib.pop("href") for link in links]
    try:
        return _htmldate(tree)
    finally:
        for link, address in zip(links, addresses, strict=True):
            link.set("href", address)


#: A year and a month in a path, then a slug opening with a number ("/2023/10/3-questions-for-…"):
#: htmldate reads the number as the day; the page's own date metadata is then asked first.
_SLUG_NUMBER = re.compile(r"/(?:19|20)\d\d/[01]?\d/\d{1,3}-[^\W\d_]")


def _slug_number_in_url(tree: Any) -> bool:
    """Whether the page's canonical URL (where htmldate looks for a date) has a year/month path
    followed by a slug opening with a number, which htmldate would take for the day."""
    link = tree.find('.//link[@rel="canonical"]')
    href = link.get("href") if link is not None else None
    return isinstance(href, str) and _SLUG_NUMBER.search(href) is not None


#: Elements whose text a reader of the page never sees.
_UNSEEN = frozenset({"script", "style", "noscript", "template"})


def visible_text_chars(tree: Any) -> int:
    """The characters of the page's text outside scripts, styles and comments (see ``text_chars``)."""
    chars = 0
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag not in _UNSEEN and element.text:
            chars += text_chars(element.text)
        if element.tail:
            chars += text_chars(element.tail)
    return chars


#: trafilatura's parser (``trafilatura.utils.HTML_PARSER``, same options) with one change: the Python
#: class of each element is looked up in C.  lxml.html's own lookup is a Python method, called each
#: time an element of the tree is first touched from Python (thousands of times a page, in trafilatura
#: and in our readers); it differs only in giving forms, inputs, selects, text areas and labels classes
#: with form-handling methods, which neither trafilatura, htmldate nor we call.  trafilatura works on
#: copies of the tree it is given, and they keep this lookup: its extraction takes about 1 ms less a page.
_PARSER = lxml.html.HTMLParser(
    collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
)
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement,
        comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
)


def parse_page(page: str, origin: str) -> Any:
    """The page parsed as trafilatura parses it (repairs, fallbacks and all; see ``_load_html``)."""
    try:
        tree = _load_html(page)
    except (ParserError, ValueError, TypeError) as error:
        raise InputError(origin, f"not a readable HTML page ({error})") from error
    if tree is None:
        raise InputError(origin, "not a readable HTML page (no document structure found)")
    return tree


def _load_html(page: str) -> Any:
    """``trafilatura.utils.load_html`` for a decoded page, step for step, with ``_PARSER``; the page goes
    to lxml as UTF-8 bytes (see ``_repaired``), as trafilatura's second try gives it."""
    beginning = page[:50].lower()
    dubious = is_dubious_html(beginning)
    try:
        tree = _parse_bytes(_repaired(page, beginning))
    except UnicodeEncodeError:  # a lone surrogate (a string given, not decoded here): lxml reads the string
        tree = _parse_text(repair_faulty_html(page, beginning))
    if tree is not None and dubious and len(tree) < 2:
        return None  # not HTML at all
    return tree


def _parse_text(page: str) -> Any:
    """trafilatura's parse of a repaired page as a string, then as bytes if lxml refuses it or finds nothing."""
    tree: Any = None
    try:
        tree = lxml.html.fromstring(page, parser=_PARSER)
    except ValueError:  # a Unicode string with an encoding declaration
        return _parse_bytes(page.encode("utf8", "surrogatepass"))
    except Exception:  # trafilatura logs the failure and goes on
        tree = None
    if tree is None or len(tree) < 1:
        tree = _parse_bytes(page.encode("utf8", "surrogatepass"))
    return tree


#: The control characters XML cannot hold (those of ``trafilatura.utils.INVALID_XML_CHARS`` below U+0080),
#: as UTF-8 bytes: in UTF-8 they stand for themselves only (every byte of a longer character is above 0x7F).
_XML_CONTROL_BYTES = bytes(byte for byte in range(32) if byte not in (9, 10, 13))


def _repaired(page: str, beginning: str) -> bytes:
    """``trafilatura.utils.repair_faulty_html`` of ``page``, encoded as UTF-8 (UnicodeEncodeError on a
    lone surrogate).

    trafilatura parses the repaired text as a string, and, when lxml refuses it (a Unicode string with
    an XML encoding declaration) or finds nothing in it, as these bytes: libxml2 reads both into the same
    tree, and reads UTF-8 faster.  Its first step, a regex pass removing the control characters XML cannot
    hold, took 0.5 ms a page of 160,000 characters and finds one on almost no page; the bytes are asked
    instead (a byte table does the scan), and the text is changed only when they hold one.
    """
    encoded = page.encode("utf-8")
    changed = False
    if len(encoded.translate(None, _XML_CONTROL_BYTES)) != len(encoded) or "\ufffe" in page or "\uffff" in page:
        page, changed = INVALID_XML_CHARS.sub("", page), True
    if "doctype" in beginning:
        firstline, newline, rest = page.partition("\n")
        repaired = DOCTYPE_TAG.sub("", firstline, count=1)
        if repaired != firstline or not newline:  # trafilatura adds the line break a one-line page lacks
            page, changed = repaired + "\n" + rest, True
    for line in page[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            page, changed = FAULTY_HTML.sub(r"\1>", page, count=1), True
            break
    return page.encode("utf-8") if changed else encoded


def _parse_bytes(page: bytes) -> Any:
    try:
        return lxml.html.fromstring(page, parser=_PARSER)
    except Exception:  # as trafilatura does (it logs the failure)
        return None


def fallback_metadata(
    tree: Any, ours: PageMetadata, page_url: str | None = None, given_author: str | None = None
) -> dict[str, str]:
    """The fields our meta-tag and JSON-LD readers left open, from
    trafilatura's readers (more meta-tag spellings, <title>) and our byline
    reader.

    trafilatura's pieces are called, and only for missing fields, rather than
    ``extract_metadata``, which would also search dates, categories and tags
    (a third of the extraction time, for fields we take from htmldate or do
    not use).  Its byline search costs about 5 ms a page (its class patterns
    are EXSLT regexes that call back into Python, on a copy of the tree), so
    it is read by ``markup_author``, the same search in one walk (about 1.3 ms);
    ``byline_author`` reads the usual byline markup first (a walk of about
    0.5 ms) and found the same name on 30 of the 42 scrapinghub-dev pages that
    needed it; most of the others differ in form ("A and B" for "A; B") or are
    commenters both took for the byline.  Its title loses the site name, as ours does.

    The language is not asked of them: trafilatura's meta readers never set
    one (only its language filter does), and a page missing only its
    language (17 of the 119 scrapinghub-dev pages) was read by them for nothing.
    """
    missing = {
        "title": not ours.title,
        # no person named (``given_author``: the metadata's author, if a person), or a one-word
        # handle, which a full name in the byline markup beats
        "author": given_author is None or " " not in given_author,
        "url": not (ours.canonical_url or ours.og_url),
        "sitename": not (ours.site_name or ours.publisher),
    }
    if not any(missing.values()):
        return {}
    found = tm.examine_meta(tree)
    with contextlib.suppress(Exception):  # trafilatura's JSON-LD reader is best-effort
        found = tm.extract_meta_json(tree, found)
    outlet = Outlet.of(ours.site_name, ours.publisher, page_url, ours.canonical_url, ours.og_url)

    def title() -> str | None:
        raw = found.title or tm.extract_title(tree)
        cleaned = strip_site_name(raw, outlet) if raw else None
        return None if cleaned is None or outlet.names(cleaned) else cleaned

    readers: dict[str, Callable[[], str | None]] = {
        "title": title,
        "author": lambda: _author(tree, found.author, outlet, given_author, ours.author),
        "url": lambda: found.url or tm.extract_url(tree),
        "sitename": lambda: found.sitename or tm.extract_sitename(tree) or printed_site_name(tree),
    }
    values = {name: read() for name, read in readers.items() if missing[name]}
    return {name: " ".join(value.split()) for name, value in values.items() if isinstance(value, str) and value.strip()}


def _author(tree: Any, meta_author: str | None, outlet: Outlet, given: str | None, ours: str | None) -> str | None:
    """The author when our metadata reader names no person (``ours``: what it read, ``given``: the
    person in it) or only a one-word handle.

    trafilatura's meta readers (more spellings) first, if they name a person
    with a full name and ours read no author (else theirs is most often the
    same tag, cleaned); then our byline markup reader (one walk), then
    trafilatura's wider byline search (``markup_author``, only for the pages ours
    finds nothing on), then a one-word meta author ("LD", a blogger's handle),
    which trafilatura distrusts but which beats no author. A one-word
    ``given`` author gives way only to a full name from the markup, and an
    author field naming no person (the outlet) only to a person.
    """
    meta = None if ours else person_author(meta_author, outlet)
    if given is None and meta is not None and " " in meta:
        return meta
    markup = byline_author(tree, outlet)
    if given is not None:
        return markup if markup is not None and " " in markup and person_author(markup, outlet) else None
    if markup is None:
        with contextlib.suppress(Exception):  # trafilatura's byline search is best-effort on broken markup
            markup = markup_author(tree)
    person = person_author(markup, outlet)
    if person is not None and (ours is None or names_a_person(person, outlet)):
        return person
    return meta or (None if ours else markup or meta_author)


def _language(metadata: PageMetadata) -> str | None:
    code = metadata.language
    return code.split("-")[0].lower() if code else None
