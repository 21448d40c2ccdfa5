"""The shape of the sample corpus: outlets, article pieces and answer-key facts.

Every article of the corpus is one :class:`Piece`; the renderers turn a piece
into the bytes of its input format, so the same written text can appear as a
saved page, a capture, a feed item, a JSONL record or a WARC response.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Format = Literal["html", "html.gz", "capture", "jsonl", "rss", "atom", "warc"]
#: How much machine-readable metadata a saved page carries (real sites vary).
MetaStyle = Literal["full", "jsonld", "og", "visible"]
CaptureStyle = Literal["aggregator", "news", "broker", "wire"]


@dataclass(frozen=True)
class Outlet:
    key: str
    name: str
    domain: str
    city: str
    sections: tuple[str, ...]
    tagline: str


@dataclass(frozen=True)
class Piece:
    story: str
    outlet: str
    fmt: Format
    slug: str
    headline: str
    author: str
    published: str  # ISO 8601 with offset
    dateline: str
    paragraphs: tuple[str, ...]
    standfirst: str = ""
    section: str = "news"
    meta: MetaStyle = "full"
    capture_style: CaptureStyle = "news"
    caption: str = ""
    bullets: tuple[str, ...] = ()
    summary: tuple[str, ...] = ()
    #: For republications: the outlet that wrote the article and when.
    original_outlet: str = ""
    original_published: str = ""
    original_url: str = ""
    credit_line: str = ""
    #: Slug of the corpus piece this one reproduces nearly verbatim, if any.
    copy_of: str = ""
    #: JSONL only: also embed a small page in an "html" field.
    with_html: bool = False

    @property
    def url(self) -> str:
        # File slugs start with an outlet shorthand to keep names unique; real URLs do not.
        head, _, rest = self.slug.partition("-")
        path_slug = rest if head in SLUG_PREFIXES else self.slug
        day = self.published[:10].replace("-", "/")
        section = self.section.replace(" ", "-")
        return f"https://www.{OUTLETS[self.outlet].domain}/{section}/{day}/{path_slug}"

    @property
    def file_name(self) -> str:
        suffix = {"html": ".html", "html.gz": ".html.gz", "capture": ".txt"}.get(self.fmt, "")
        return self.slug + suffix

    @property
    def article_id(self) -> str:
        """The id crosswire gives this article (contract.md: base name without .gz,
        the record's id, the WARC target URI, the feed item's link)."""
        if self.fmt in ("html", "html.gz"):
            return self.slug + ".html"
        if self.fmt == "capture":
            return self.slug + ".txt"
        if self.fmt == "jsonl":
            return self.slug
        return self.url


@dataclass(frozen=True)
class Value:
    piece: str  # slug of the piece
    text: str  # verbatim phrase in the body
    value: float


@dataclass(frozen=True)
class FactCheck:
    kind: Literal["conflict", "agreement", "single"]
    about: str
    values: tuple[Value, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class DateCheck:
    """A date phrase (often relative) and the day it means, given the piece's publication date."""

    piece: str
    text: str
    date: str  # YYYY-MM-DD, or YYYY-MM for "last month"


@dataclass(frozen=True)
class QuoteCheck:
    piece: str
    text: str  # the opening words of the quotation, verbatim
    speaker: str


@dataclass(frozen=True)
class ScorePhrase:
    piece: str
    text: str  # verbatim phrase holding the pair of numbers
    score: tuple[int, int]  # the pair as written, the higher number first


@dataclass(frozen=True)
class ScoreCheck:
    """A game's final score as each outlet writes it ("a 24-16 win", "beat the Rams 24-16"): one agreement per
    side, the winning and the losing score.  ``moments`` are scores of the same game at some moment ("led 13-3
    at halftime"): no result, so no fact at all."""

    about: str
    final: tuple[ScorePhrase, ...]
    moments: tuple[ScorePhrase, ...] = ()


@dataclass(frozen=True)
class Story:
    key: str
    event: str
    pieces: tuple[Piece, ...]
    facts: tuple[FactCheck, ...] = ()
    dates: tuple[DateCheck, ...] = ()
    quotes: tuple[QuoteCheck, ...] = ()
    scores: tuple[ScoreCheck, ...] = ()


SLUG_PREFIXES = frozenset({"ledger", "tribune", "courier", "granite", "lantern", "sentinel", "tidewater",
                           "newshive", "meridianwire", "marketpulse", "ledgerline"})
#: Sites that republish other outlets' articles under their own header.
AGGREGATORS = frozenset({"newshive", "marketpulse"})

OUTLETS: dict[str, Outlet] = {
    o.key: o
    for o in (
        Outlet("ledger", "Harbor Ledger", "harborledger.example", "Portvale, ME",
               ("Local", "Business", "Opinion", "Sports", "Obituaries"), "Portvale's paper since 1898"),
        Outlet("tribune", "Northgate Tribune", "northgatetribune.example", "Northgate, NH",
               ("News", "World", "Money", "Health", "Weather"), "Independent news for New England"),
        Outlet("courier", "Coastline Courier", "coastlinecourier.example", "Gloucester, MA",
               ("Region", "Nation", "World", "Business", "Arts"), "The coast's daily"),
        Outlet("wire", "Meridian Wire", "meridianwire.example", "New York, NY",
               ("Top News", "World", "Markets", "Technology"), "News agency"),
        Outlet("sentinel", "Valley Sentinel", "valleysentinel.example", "Scranton, PA",
               ("Local", "State", "Nation", "Business", "Lifestyle"), "Serving the valley"),
        Outlet("lantern", "The Civic Lantern", "civiclantern.example", "Providence, RI",
               ("Investigations", "Government", "Environment", "Data"), "Nonprofit public-interest newsroom"),
        Outlet("granite", "Granite Post", "granitepost.example", "Concord, NH",
               ("News", "World", "Politics", "Tech", "Travel"), "Straight news"),
        Outlet("tidewater", "Tidewater Daily", "tidewaterdaily.example", "New Bedford, MA",
               ("News", "South Coast", "Business", "Food", "Sports"), "South Coast news"),
        Outlet("brightfield", "Brightfield Radio", "brightfieldradio.example", "Boston, MA",
               ("News", "Programs", "Podcasts"), "Public radio for the Northeast"),
        Outlet("lakeshore", "Lakeshore Dispatch", "lakeshoredispatch.example", "Burlington, VT",
               ("News", "World", "Business"), "Reporting from the lake"),
        Outlet("newshive", "NewsHive", "newshive.example", "",
               ("Top", "US", "World", "Business", "Tech"), "All your news in one place"),
        Outlet("ledgerline", "Ledgerline Markets", "ledgerline.example", "Mumbai",
               ("Markets", "IPO", "Learn", "Research"), "Broking and research"),
        Outlet("marketpulse", "MarketPulse Daily", "marketpulse.example", "",
               ("Markets", "IPO", "Stocks", "Economy"), "Markets, faster"),
    )
}
