"""The one typed document model that flows through every crosswire stage.

Records are frozen: a stage never mutates what it was given, it returns an
enriched copy (``dataclasses.replace``).  That keeps stages independent and
makes it safe to run them in worker processes or Ray actors.

Character offsets (``start``/``end``) always index into ``Article.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

#: How a capture's bytes are to be read.
CaptureKind = Literal["html", "capture", "record"]

#: Status of a fact across independent sources (contract.md, ``brief``).
FactStatus = Literal["agree", "conflict", "single"]


@dataclass(frozen=True, slots=True)
class SourceHints:
    """Metadata that came with the input itself (a JSONL record, a feed item,
    a WARC header), used when the content does not say better."""

    title: str | None = None
    author: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Capture:
    """Raw content of one input item and where it came from.

    ``content`` is the page's bytes for HTML, the decoded text for plain-text
    captures and JSONL/feed records.  ``origin`` names the file (and, inside an
    archive or feed, the record) so every error can point at it.
    """

    id: str
    kind: CaptureKind
    origin: str
    content: bytes | str
    hints: SourceHints = field(default_factory=SourceHints)


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    label: str
    start: int
    end: int
    #: Who or what is meant, as one spelling for the whole article: the full
    #: name for a surname-only mention, the common form of a known variant
    #: ("Kiev" -> "Kyiv"), the state behind a metonym ("the Kremlin" -> "Russia").
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    text: str
    start: int
    end: int
    value: float
    value_max: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    change: str | None = None
    #: What was counted, from the parse: the noun the number modifies with its modifiers ("prisoners of war").
    counted: str | None = None
    #: What happened to it: the verb above it, as a base form with its particle ("shoot down", "evacuate").
    predicate: str | None = None
    #: Whose figure it is, when the sentence names them: "Velmar Bank" of "Velmar Bank took a $2 billion
    #: charge" or "Velmar Bank's $2 billion charge"; None when unnamed.
    holder: str | None = None
    #: Whether the sentence tells the figure as done ("killed 12": True), as possible, planned or to come
    #: ("could force 300 families", "plan to launch two missions": False), or neither (None).
    happened: bool | None = None
    #: A rank in a series, not a count: "the fifth patrol", "his 16th straight win" (value 5, 16).
    ordinal: bool = False
    #: Which side of a game's score or a win-loss record the figure is ("winning score", "losing score",
    #: "wins", "losses"): "a 34-6 win" holds two figures, each with the whole pair as its text.
    tally: str | None = None


@dataclass(frozen=True, slots=True)
class DateMention:
    text: str
    start: int
    end: int
    #: ISO ``YYYY-MM-DD``; ``None`` when the expression cannot be pinned to a day.
    date: str | None
    #: What the date is the date of, from the parse: the thing ("talks", "the ceasefire") ...
    counted: str | None = None
    #: ... and what happened to it on that day, the verb as written ("were held" → "held", "signed").
    predicate: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    start: int
    end: int
    speaker: str | None


@dataclass(frozen=True, slots=True)
class Frame:
    """Who/what/when/where/why/how of the article's main event, best first."""

    who: tuple[str, ...] = ()
    what: tuple[str, ...] = ()
    when: tuple[str, ...] = ()
    where: tuple[str, ...] = ()
    why: tuple[str, ...] = ()
    how: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Annotations:
    entities: tuple[Entity, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    frame: Frame = field(default_factory=Frame)
    #: Lines of supplied text (records, feed items) that were page furniture (captions, credits, promotions,
    #: gallery counters) and were taken out of ``Article.text``; kept so the article page can show them apart.
    furniture: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """One article: clean text plus metadata, later enriched with annotations.

    ``publisher`` is the outlet that wrote the article; ``via`` the aggregator
    or site that republished it, if any.  ``published`` is ISO 8601 or None,
    never guessed.
    """

    id: str
    kind: CaptureKind
    origin: str
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    publisher: str | None = None
    via: str | None = None
    url: str | None = None
    language: str | None = None
    #: True when the page is a list/index page or otherwise not an article.
    is_article: bool = True
    annotations: Annotations | None = None


@dataclass(frozen=True, slots=True)
class Citation:
    article: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class FactMention:
    article: str
    text: str
    value: float | str
    qualifier: str | None
    start: int
    end: int
    #: Who the sentence says the figure comes from ("police", "the coastguard"), when it says.
    attribution: str | None = None
    #: The independent origin of this statement: its source, or the source whose sentence it copies.
    origin: str | None = None
    #: The top of the range the mention states ("between 8% and 15.5%", "dozens"), when it states one.
    value_max: float | None = None
    #: In a conflict: the mention's figure fits every other origin's ("more than two dozen" beside 25 and 27),
    #: so it takes no side in the dispute.
    takes_no_side: bool = False
    #: The unit the figure is given in, as the annotator names it ("km"): one fact's mentions may give one
    #: measure in two units ("40 km", "about 25 miles").
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class FigureReport:
    """One report of a figure that changed over time: what an independent source said, and when."""

    value: float | str
    article: str
    source: str
    published: str


@dataclass(frozen=True, slots=True)
class Fact:
    """One real-world value that one or more articles of a story state."""

    kind: str  # "quantity" | "date" | "person" | "place" | "quote" | ...
    about: str
    value: float | str
    status: FactStatus
    mentions: tuple[FactMention, ...]
    #: For a conflict whose values follow publication time (a toll rising during a day): the reports, latest
    #: first.  Empty for every other fact, and for a conflict between reports of the same time (a discrepancy).
    changes: tuple[FigureReport, ...] = ()
    #: Independent origins behind the fact: sources that print one wire sentence count once (0: not counted) ...
    origins: int = 0
    #: ... out of this many sources (outlets) stating it.
    outlets: int = 0
    #: The claim read from the parse (quantities): what was counted or measured, and what happened to it
    #: or which dimension was measured ("people", "injured"; "gorilla", "weight"); None when not read.
    counted: str | None = None
    predicate: str | None = None
    #: The unit every figure of a quantity is given in, as the annotator names it ("USD", "km", "%"); None when
    #: they differ or it is a count.
    unit: str | None = None
    #: Every mention is told in a sentence about an earlier time ("last year a fire killed two") or as a
    #: running total over a period ("so far this year"): a figure of other events, kept for the record but
    #: not shown as one of the story's claims.
    background: bool = False

    @property
    def changing(self) -> bool:
        return bool(self.changes)


@dataclass(frozen=True, slots=True)
class KeyPoint:
    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str
    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class SourceEntry:
    article: str
    publisher: str | None
    via: str | None
    #: False for a copy (syndication, aggregator reprint) of another article.
    independent: bool
    #: The article this one copies, when it is a copy.
    copy_of: str | None = None


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    articles: tuple[str, ...]
    independent_sources: int
    first_published: str | None
    last_published: str | None


@dataclass(frozen=True, slots=True)
class StorySummary(Story):
    """A story as its listing shows and filters it, computed by the engine when the story changes.

    ``contested`` counts the brief's conflicting facts that are not figures changing over time;
    ``outlets``, ``entities`` and ``places`` are the names the listing can be filtered by.
    """

    contested: int = 0
    changing: int = 0
    agreed: int = 0
    facts: int = 0
    outlets: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Brief:
    story: str
    title: str
    key_points: tuple[KeyPoint, ...]
    facts: tuple[Fact, ...]
    timeline: tuple[TimelineEntry, ...]
    sources: tuple[SourceEntry, ...]
