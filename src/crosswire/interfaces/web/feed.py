"""The Atom feed of stories (RFC 4287), one entry per story."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from crosswire.model import Story

ATOM_NS = "http://www.w3.org/2005/Atom"
FEED_TITLE = "crosswire stories"


def atom_timestamp(value: str | None) -> str | None:
    """An ISO date or timestamp as an RFC 3339 date-time (Atom requires one).

    A bare date becomes midnight UTC; a timestamp without a zone is read as
    UTC, because Atom does not allow a local time.
    """
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.isoformat().replace("+00:00", "Z")


def stories_feed(stories: Sequence[Story], base_url: str, generated_at: datetime | None = None) -> bytes:
    """The feed as UTF-8 XML; links are absolute, built on ``base_url``."""
    base = base_url.rstrip("/")
    now = (generated_at or datetime.now(UTC)).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    stamps = {story.id: atom_timestamp(story.last_published) for story in stories}
    dated = [stamp for stamp in stamps.values() if stamp]

    ET.register_namespace("", ATOM_NS)
    feed = ET.Element(_tag("feed"))
    _text(feed, "id", f"{base}/feeds/stories.atom")
    _text(feed, "title", FEED_TITLE)
    # The feed changes when its newest story does; with no dates at all the
    # generation time is the only honest value.
    _text(feed, "updated", max(dated) if dated else now)
    ET.SubElement(feed, _tag("link"), rel="self", href=f"{base}/feeds/stories.atom")
    ET.SubElement(feed, _tag("link"), rel="alternate", href=f"{base}/")
    author = ET.SubElement(feed, _tag("author"))
    _text(author, "name", "crosswire")
    _text(feed, "generator", "crosswire")

    for story in stories:
        link = f"{base}/stories/{story.id}"
        entry = ET.SubElement(feed, _tag("entry"))
        _text(entry, "id", link)
        _text(entry, "title", story.title)
        _text(entry, "updated", stamps[story.id] or now)
        published = atom_timestamp(story.first_published)
        if published:
            _text(entry, "published", published)
        ET.SubElement(entry, _tag("link"), rel="alternate", href=link)
        _text(entry, "summary", _summary(story))
    body: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return body


def _summary(story: Story) -> str:
    articles = len(story.articles)
    sources = story.independent_sources
    return (
        f"{articles} article{'s' if articles != 1 else ''} from "
        f"{sources} independent source{'s' if sources != 1 else ''}"
    )


def _tag(name: str) -> str:
    return f"{{{ATOM_NS}}}{name}"


def _text(parent: ET.Element, name: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, _tag(name))
    element.text = value
    return element
