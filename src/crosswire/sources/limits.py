"""Per-item limits on what is read, so one oversized or hostile item becomes an
:class:`~crosswire.errors.InputError` for that item instead of taking the
memory of the machine or the rest of a batch with it.

Each limit has a default and an environment variable that overrides it
(read at every use, so a test or a long-running server picks up a change):

``CROSSWIRE_MAX_TEXT_CHARS`` (1,000,000)
    characters of an article's text (and title) after extraction.  Kept at
    spaCy's own default ``max_length``: the parser reads headlines and
    sentences with that limit, so a longer unbroken text could still fail
    there (E088) and take its whole annotation batch with it.  The longest
    news articles are about a tenth of this.  A plain-text capture's text,
    and a page's visible text (outside scripts and styles), are checked
    against it too, before any extraction work (:func:`text_chars`): its
    article could be shorter, but reading a text that long costs seconds and
    a real page is far shorter.
``CROSSWIRE_MAX_ITEM_BYTES`` (50,000,000)
    bytes of one raw item: a page or capture file (after un-gzipping), one
    JSONL line or API record, one WARC record (by its ``Content-Length``,
    checked before anything of it is read).
``CROSSWIRE_MAX_FILE_BYTES`` (200,000,000)
    bytes decompressed from one gzip file (``.jsonl.gz``, ``.xml.gz``, ...)
    and bytes of a feed file, which is parsed whole.  A WARC file has no
    such total (CC-NEWS files are gigabytes); its records are capped one by one.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass

from crosswire.errors import InputError, LimitError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limit:
    env: str
    default: int
    unit: str

    def value(self) -> int:
        raw = os.environ.get(self.env, "").strip()
        if not raw:
            return self.default
        try:
            value = int(raw.replace("_", "").replace(",", ""))
        except ValueError:
            value = 0
        if value <= 0:
            log.warning("%s=%r is not a positive whole number; using %s", self.env, raw, f"{self.default:,}")
            return self.default
        return value

    def error(self, origin: str, what: str, size: int | None = None, limit: int | None = None) -> InputError:
        """``{what} of {size} {unit} is over the limit of {limit}`` (``size`` unknown: ``{what} over ...``)."""
        limit = self.value() if limit is None else limit
        if size is None:
            return LimitError(origin, f"{what} is over the limit of {limit:,} {self.unit} ({self.env})")
        return LimitError(origin, f"{what} of {size:,} {self.unit} is over the limit of {limit:,} ({self.env})")


TEXT_CHARS = Limit("CROSSWIRE_MAX_TEXT_CHARS", 1_000_000, "characters")
ITEM_BYTES = Limit("CROSSWIRE_MAX_ITEM_BYTES", 50_000_000, "bytes")
FILE_BYTES = Limit("CROSSWIRE_MAX_FILE_BYTES", 200_000_000, "bytes")


def check_text_length(origin: str, text: str, title: str | None = None) -> None:
    """Raise a :class:`LimitError` when an extracted text (or its title) is over ``TEXT_CHARS``."""
    limit = TEXT_CHARS.value()
    if len(text) > limit:
        raise TEXT_CHARS.error(origin, "text", len(text), limit)
    if title is not None and len(title) > limit:
        raise TEXT_CHARS.error(origin, "title", len(title), limit)


_SPACE_RUN = re.compile(r"\s{2,}")


def text_chars(text: str) -> int:
    """The characters of ``text`` with every run of white space counted as one and none
    at either end, as extraction tidies it."""
    text = text.strip()
    return len(text) - sum(len(run) - 1 for run in _SPACE_RUN.findall(text))


def check_text_chars(origin: str, chars: int, what: str = "text") -> None:
    """Raise a :class:`LimitError` when ``chars`` characters of text to extract are over ``TEXT_CHARS``."""
    limit = TEXT_CHARS.value()
    if chars > limit:
        raise TEXT_CHARS.error(origin, what, chars, limit)
