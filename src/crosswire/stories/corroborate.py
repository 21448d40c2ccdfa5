"""Corroboration: which numbers and dates of a story independent outlets agree on.

Each quantity is read as a claim (``claims.py``): what was counted and what
happened to it, from the parse.  Mentions from different articles are grouped
when they speak of the same thing: the same counted thing or unit, and enough
shared words around the number, or the same claim in other words ("300
residents evacuated" / "300 people forced from their homes").  Two mentions
whose predicates name different events (killed / injured) are never grouped.
The evidence asked for depends on what grouping would claim: equal values need
little context, merely compatible ones a bit more, and incompatible values (a
conflict) need both a unit and strong shared context, because a false conflict
is worse than two separate single-source facts.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz import fuzz

from crosswire.annotate.dates import PAGE_DATE_LABEL
from crosswire.annotate.quantities import numbers
from crosswire.annotate.quantities.amounts import names_a_kind
from crosswire.annotate.quantities.counted import looks_plural
from crosswire.annotate.quantities.grammar import DIMENSIONS, MEASURE_DIMENSIONS, MONEY_KINDS
from crosswire.annotate.quantities.units import IN_BASE, UNIT_KINDS, convertible_kind
from crosswire.annotate.verb_forms import is_past_participle
from crosswire.lexicon import Entry, mapping, phrase_alternation, terms
from crosswire.model import Article, Fact, FactMention, FactStatus, FigureReport, Quantity
from crosswire.stories.background import background_sentences, figure_of_another_time, story_year
from crosswire.stories.changes import figure_changes
from crosswire.stories.claims import (
    AUXILIARIES,
    COUNTED_SAME,
    MEASURED_KINDS,
    SAYS_WHAT_IT_IS,
    Claim,
    claims_match,
    event_kind,
    head_noun,
    is_a_name,
    names_a_unit,
    participle_after,
    prime,
    read_claim,
    read_date_claim,
    same_counted,
    same_predicate,
    similarity,
    words_before_head,
)
from crosswire.stories.cluster import day_number
from crosswire.stories.compat import (
    JUST_BELOW,
    LOWER_BOUND,
    ROUNDED,
    UPPER_BOUND,
    Reading,
    bound_far_from,
    bound_side,
    bounds_apart,
    compatible,
    is_range,
    width,
    written_precision,
)
from crosswire.stories.doubted import doubted
from crosswire.stories.movements import Movement, movement
from crosswire.stories.origins import MIN_COPY_CHARS, copies, normalised, origin_keys, versions_of_one_text
from crosswire.stories.people_places import people_and_places, same_name
from crosswire.stories.text import WEB_ADDRESS, content_words, stem
from crosswire.stories.told import SENTENCE_END, around_of, raw_sentence, sentence_bounds, told_in

#: Shared-context score (overlap coefficient of nearby words) needed to group mentions.
SAME_VALUE_CONTEXT = 0.15
#: The same value of the very same claim, in the same words ("two people hurt" and "two people hurt"), needs
#: fewer words in common around it than the same claim in other words.
SAME_WORDS_CONTEXT = 0.1
COMPATIBLE_CONTEXT = 0.3
#: A day is shared by many happenings of one story ("Thursday": a denial, a tweet, a release), so two
#: mentions of the same day need more words in common than two equal counts do.
SAME_DAY_CONTEXT = 0.35
CONFLICT_CONTEXT = 0.5
DATE_CONFLICT_CONTEXT = 0.6
#: Units too general to say what is measured: a conflict needs the counted thing (``lexicons/generic_units.json``).
GENERIC_UNITS = terms("crosswire.stories", "generic_units")
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
#: An amount that opens with the dimension it gives, "of" before its number ("a magnitude of 6.1"): an "a" before
#: it is the dimension's, not the measured thing's.
_DIMENSION_OF = re.compile(r"[^\W\d_]+\s+of\s", re.IGNORECASE)
_NUMBER_WORD = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen)"
_OF_NUMBER_AFTER = re.compile(rf"\s+of\s+(?:the|its|his|her|their)?\s*{_NUMBER_WORD}\b", re.IGNORECASE)
_NUMBER_OF_BEFORE = re.compile(rf"\b{_NUMBER_WORD}\s+of\s+(?:the|its|his|her|their)?\s*$", re.IGNORECASE)
#: A clock time after a date, which makes it a page's time stamp: "15:50", "@ 09:29", and as a page's text may give
#: it, "5: 03p" (a space the page's markup put after the colon, "p" for p.m.).
_CLOCK_AFTER = re.compile(r",?\s*(?:[@|]\s*)?\d{1,2}(?:[:.]|:\s)\d{2}(?:[ap](?![^\W\d_]))?\b")
#: "March 4, 2026 at 12:41 PM" heading a page; in a sentence the date comes after a preposition ("on March 4, ...").
_AT_CLOCK_AFTER = re.compile(r"\s+at\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\b\.?)", re.IGNORECASE)
#: "March 4, 2026 - GENEVA -": a dateline, the date then the place in capitals.
_DATELINE_PLACE_AFTER = re.compile(r"\s*[-–—]\s*[A-Z][A-Z'.]+(?:\s[A-Z][A-Z'.]+)*\s*[-–—]")
_PREPOSITION_BEFORE = re.compile(r"\b(?:on|at|by|since|until|till|from|before|after|of|to|between|and)\s+$", re.I)
#: Phrases in which "one" counts nothing (``lexicons/one_idioms.json``).
ONE_IDIOMS = terms("crosswire.stories", "one_idioms")
#: Month names and their short forms, to tell a date written out from a relative one.
MONTH_WORDS = terms("crosswire.annotate", "months")
#: Weekday names, which a page's date line may carry before the date.
WEEKDAY_WORDS = terms("crosswire.annotate", "weekdays")
#: Words either side of a mention that describe it.
CONTEXT_WORDS = 8
#: Similarity (0..100) of two unit phrases to count as the same counted thing.
UNIT_SIMILARITY = 85

@dataclass(frozen=True, slots=True)
class _Mention:
    kind: str
    article: str
    source: str
    rank: int  # position of the article in publication order
    start: int
    end: int
    text: str
    value: float | str
    reading: Reading | None
    unit: str | None
    context: frozenset[str]
    #: The nearest describing word on each side ("14 people *injured*"): what is counted.
    neighbours: frozenset[str]
    #: What happened to what is counted, when the text says it right after:
    #: "14 people *were injured*" → "injured".
    predicate: str | None = None
    #: What was counted and what happened to it, read from the parse; for a date, what happened on it.
    claim: Claim | None = None
    #: Said in a sentence about a time before the story's (``background.py``): maybe another event's figure ...
    background: bool = False
    #: ... and surely so: the sentence names an earlier period or day, not just a year.
    elsewhere: bool = False
    #: Told as done (True), as possible, planned or to come (False), or neither (None): ``Quantity.happened``.
    happened: bool | None = None
    #: The mention's sentence, normalised (``origins.py``): two outlets printing it are one origin.
    sentence: str = ""
    #: The sentences right before and after it, normalised (``around_of``): a carried passage is one origin too.
    around: tuple[str, ...] = ()
    #: Who the sentence says the figure comes from, as written ("Borough officials"): ``origins.attribution``.
    said_by: str | None = None
    #: The independent origin of the statement: its source, or the source whose sentence it copies.
    origin: str = ""
    #: Brought in with "a"/"an" ("a 14-year-old girl"): one of its kind, not known to be the story's.
    indefinite: bool = False
    #: One side of a part and its whole ("28 of 41 passes"): the two count different things.
    part_or_whole: bool = False
    #: The words of its sentence before it, normalised: with a copied sentence, they say it is the same figure.
    lead: str = ""
    #: What it counts is narrowed by a participle after the noun ("51 wins *coming* by knockout"): some of them.
    narrowed: bool = False
    #: The verb governing the figure, stemmed, even one that names no event ("*posted* three photos").
    verb: str | None = None
    #: The place a distance is measured from, as content words ("25 miles east *of Houston*"); empty when none.
    measured_from: frozenset[str] = frozenset()
    #: The compass bearing of that distance ("25 miles *east* of Houston"), lower case; None when none is written.
    bearing: str | None = None
    #: The name of that place as written ("25 miles east of *Port Orran* in the valley"); None when it names none.
    place_name: str | None = None
    #: Whose figure it is, when its sentence names them ("*Velmar Bank* took a $2 billion charge").
    holder: str | None = None
    #: Told in the article's first sentences, where a report gives the story's own headline figures.
    in_lead: bool = False
    #: A running total over a period up to now ("so far this year, 230 have drowned"): not the story's event.
    running_total: bool = False
    #: How far something moved ("a $230 loss") or where it got to ("fell below $500"): ``movements.py``.
    movement: Movement | None = None
    #: The article's publication day (days since year 1), None when unknown.
    day: int | None = None
    #: The unit as the annotator names it ("USD", "km", "%"), for showing the figure with it.
    unit_as_read: str | None = None
    #: The end of a series its things are placed at ("the *first* two games": "first"): ``series_part``.
    series: str | None = None
    #: A rank in a series ("the sixth round"), which only another rank bears out: ``Quantity.ordinal``.
    ordinal: bool = False
    #: The side of a score or a record ("winning score", "wins"), borne out only by the same pair: ``Quantity.tally``.
    tally: str | None = None


@dataclass
class _Group:
    """The mentions of one fact, and what joining a new mention asks of all of them, kept at hand.

    A story of hundreds of articles has groups of hundreds of mentions, most of them copies of a few
    statements; asking every member made grouping quadratic in a group's size.  Each index below gives
    the same answer as the loop over ``members`` it replaces.
    """

    members: list[_Mention] = field(default_factory=list)
    by_article: dict[str, list[_Mention]] = field(default_factory=dict)
    #: Distinct claims, contexts, and statements (reading and value), each with one member saying it.
    claims: dict[Claim, None] = field(default_factory=dict)
    contexts: dict[frozenset[str], None] = field(default_factory=dict)
    statements: dict[tuple[Reading | None, float | str], _Mention] = field(default_factory=dict)
    #: Distinct things counted (the claim's counted words and the unit), each with one member counting it.
    counted: dict[tuple[str | None, str | None], _Mention] = field(default_factory=dict)
    values: set[float | str] = field(default_factory=set)
    elsewhere: set[bool] = field(default_factory=set)
    running_total: set[bool] = field(default_factory=set)
    happened: set[bool | None] = field(default_factory=set)
    movements: set[Movement | None] = field(default_factory=set)
    neighbours: set[str] = field(default_factory=set)
    #: Each distinct sentence of the members, with the leads and values of the figures it was told with.
    sentences: dict[str, set[tuple[str, float | str]]] = field(default_factory=dict)
    #: The smallest and largest positive number among the values, in their kind's base unit (``_in_base``: what
    #: ``_far_from_group`` compares).
    smallest: float | None = None
    largest: float | None = None

    @classmethod
    def of(cls, mention: _Mention) -> _Group:
        group = cls()
        group.add(mention)
        return group

    @property
    def kind(self) -> str:
        return self.members[0].kind

    def add(self, mention: _Mention) -> None:
        self.members.append(mention)
        self.by_article.setdefault(mention.article, []).append(mention)
        if mention.claim is not None:
            self.claims[mention.claim] = None
        self.contexts[mention.context] = None
        self.statements.setdefault((mention.reading, mention.value), mention)
        self.counted.setdefault((mention.claim.counted if mention.claim else None, mention.unit), mention)
        self.values.add(mention.value)
        self.elsewhere.add(mention.elsewhere)
        self.running_total.add(mention.running_total)
        self.happened.add(mention.happened)
        self.movements.add(mention.movement)
        self.neighbours |= mention.neighbours
        self.sentences.setdefault(mention.sentence, set()).add((mention.lead, mention.value))
        if not isinstance(mention.value, str) and mention.value > 0:
            value = _in_base(mention)
            self.smallest = value if self.smallest is None else min(self.smallest, value)
            self.largest = value if self.largest is None else max(self.largest, value)


#: A report's lead: its first sentences (the headline among them when the text carries it).
LEAD_SENTENCES = 3
#: How a sentence of prose ends: a full stop, a question or an exclamation, perhaps inside quotation marks.
_PROSE_END = re.compile(r"[.!?][\"”’')\]]*\s*$")


def lead_end(article: Article) -> int:
    """Where the article's lead ends: a figure before this offset is told in its first ``LEAD_SENTENCES``
    sentences, where news puts the event's own figures (the toll, the sum, the count); a figure further down
    may be a part of it (one district's houses, the badly hurt) or of something else."""
    annotations = article.annotations
    if annotations is not None and annotations.sentences:
        # Only sentences of prose count: a page's address, its headline and its date lines ("Updated: July 2,
        # 2026 15:01") open many texts, and counted they would end the lead before the report begins.
        ends = sorted(s.end for s in annotations.sentences if _PROSE_END.search(article.text, s.start, s.end))
        return ends[LEAD_SENTENCES - 1] if len(ends) >= LEAD_SENTENCES else len(article.text) + 1
    breaks = SENTENCE_END.finditer(article.text)
    last_break = next(itertools.islice(breaks, LEAD_SENTENCES - 1, None), None)
    return last_break.start() + 1 if last_break is not None else len(article.text) + 1


#: Characters of the sentence before a figure kept as its lead.
LEAD_CHARS = 40


def _lead(article: Article, start: int) -> str:
    """The words of the figure's sentence before it, normalised: "by then it is" for "By then it is 9.5%"."""
    left, _ = sentence_bounds(article, start, start)
    return normalised(article.text[max(left, start - LEAD_CHARS) : start])


def _context(article: Article, start: int, end: int, bounds: tuple[int, int]) -> tuple[frozenset[str], frozenset[str]]:
    """Stemmed words around a mention within its sentence (at ``bounds``), and its nearest neighbours."""
    left, right = bounds
    before = [stem(w) for w in content_words(article.text[left:start])[-CONTEXT_WORDS:]]
    after = [stem(w) for w in content_words(article.text[end:right])[:CONTEXT_WORDS]]
    # The nearest lower-case words say what is counted ("were *injured*");
    # capitalised ones name who or where, which every mention in a story shares.
    described_before = _describing_words(article.text[left:start])[-1:]
    described_after = _describing_words(article.text[end:right])[:1]
    return frozenset(before + after), frozenset(described_before + described_after)


_WORD = re.compile(r"[^\W\d_][\w'-]*")


def _describing_words(text: str) -> list[str]:
    candidates = [w for w in _WORD.findall(text) if w[0].islower()]
    kept = set(content_words(" ".join(candidates)))
    return [stem(w) for w in candidates if w in kept]


def unit_key(unit: str | None) -> str | None:
    """A comparable form of a unit or counted thing: "Injured People" → "injured people", "km/h" → "km per" (a
    rate, not the "km" of a distance)."""
    if not unit:
        return None
    unit = unit.replace("/", " per ")
    stems = [stem(w) for w in content_words(unit) or unit.lower().split()]
    return " ".join(stems) or None


def same_unit(a: str | None, b: str | None) -> bool:
    """Two unit keys name the same thing ("people injured" / "injured people", "USD" / "usd"), or two units of one
    kind that convert ("km" / "mi": both lengths, ``units.IN_BASE``)."""
    if a is None or b is None:
        return a is None and b is None
    if a in _CONVERTIBLE_KINDS and b in _CONVERTIBLE_KINDS:
        return _CONVERTIBLE_KINDS[a] == _CONVERTIBLE_KINDS[b]
    if a != b and _rate_part(a) != _rate_part(b):
        return False  # "GBP per year" / "GBP": a rate and a sum, whatever words they share
    return a == b or fuzz.token_set_ratio(a, b) >= UNIT_SIMILARITY


#: The kind of each unit key that converts to its kind's base unit ("km": length, "mph": speed).
_CONVERTIBLE_KINDS = {unit_key(unit): convertible_kind(unit) for unit in IN_BASE}


def _rate_part(unit: str) -> str | None:
    """What a unit key is per ("hour" of "km per hour"; "" when the key kept no word after "per"), or None when
    it is no rate."""
    words = unit.split()
    return " ".join(words[words.index("per") + 1 :]) if "per" in words else None


def context_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _indefinite(text: str, start: int) -> bool:
    """Whether the amount at ``start`` is brought in with "a"/"an" ("a 14-year-old girl"), the article not being
    its dimension's ("had a magnitude of 6.1" says nothing of which quake)."""
    brought_in = _INDEFINITE_BEFORE.search(text, max(0, start - 4), start) is not None
    return brought_in and not _DIMENSION_OF.match(text, start)


def _part_or_whole(text: str, start: int, end: int) -> bool:
    """ "28 of 41 passes", "three of the five victims": the part or the whole of such a phrase."""
    dimension = _DIMENSION_OF.match(text, start, end)  # "magnitude of 6.1": the number comes after its "of"
    number_start = dimension.end() if dimension else start
    first_word = re.match(r"\S+", text[number_start:end])
    number_end = number_start + len(first_word.group()) if first_word else end
    return bool(_OF_NUMBER_AFTER.match(text, number_end) or _NUMBER_OF_BEFORE.search(text, max(0, start - 30), start))


def page_stamp(text: str, start: int, end: int) -> bool:
    """A page's own time stamp, not a date of the story: a date after a label of the page's dates
    ("Updated:", "Posted") or written with its year and then a clock time ("Jul 2, 2013 15:50",
    "Jul 2, 2013 | 8:16 am", and "Jul 2, 2013 at 8:16 am" when no preposition puts it in a sentence), or on a
    line of its own ("Tuesday, July 2, 2013"), or in a dateline ("July 2, 2013 - GENEVA -")."""
    line_start = text.rfind("\n", 0, start) + 1
    if PAGE_DATE_LABEL.search(text, max(line_start, start - 30), start):
        return True
    if in_a_link(text, start):
        return True  # "https://example.com/news/2026-03-04-flood.htm": the address's date files the page
    written = text[start:end]
    if not re.search(r"\d{4}", written):
        return False
    line_end = text.find("\n", end)
    rest_of_line = text[line_start:start] + " " + text[end : len(text) if line_end < 0 else line_end]
    if _no_sentence_around(rest_of_line):
        return True  # a line holding the date alone ("Thursday, March 4, 2026"): the page's, under a headline
    if _POST_HANDLE_BEFORE.search(text, max(line_start, start - 40), start):
        return True  # "— Ana Ruiz (@anaruiz) March 4, 2026": the foot of an embedded post
    if _CLOCK_AFTER.match(text, end) is not None or _DATELINE_PLACE_AFTER.match(text, end) is not None:
        return True
    stamped = _AT_CLOCK_AFTER.match(text, end) is not None
    return stamped and _PREPOSITION_BEFORE.search(text, max(0, start - 12), start) is None


#: Characters before a figure searched for the web address it may end.
LINK_CHARS = 200
_RUN_BEFORE = re.compile(r"\S*$")


def in_a_link(text: str, start: int) -> bool:
    """Whether the figure at ``start`` is part of a web address printed in the text: it files the page
    ("/2026-03-04-") or spells its headline ("/dozens-hurt-as-6-1-quake-hits/"), and states nothing."""
    run = _RUN_BEFORE.search(text, max(0, start - LINK_CHARS), start)
    return run is not None and WEB_ADDRESS.search(run.group(0)) is not None


#: An embedded social post's author handle, right before the post's date.
_POST_HANDLE_BEFORE = re.compile(r"\(@\w+\)\s*$")


def _no_sentence_around(rest_of_line: str) -> bool:
    """Whether the rest of a date's line is no sentence: nothing but weekdays, capitalised names (a dateline's
    "WASHINGTON, D.C.,"), clock times ("7:15 a.m. Dec. 7, 2026"), numbers and punctuation, with no word in lower
    case that a sentence would need, or nothing at all but a full stop."""
    rest = _CLOCK_TIME.sub(" ", rest_of_line)
    words = re.findall(r"[^\W_]+", rest)
    if not words:
        return "." not in rest  # "November 4, 2026." closes a sentence broken over two lines
    lower = [w for w in words if w[0].islower() and w.casefold() not in WEEKDAY_WORDS]
    return not lower and len(rest_of_line) <= DATELINE_CHARS


#: A clock time ("7:15 a.m.", "6pm"): its "a.m." is no word of a sentence.
_CLOCK_TIME = re.compile(r"\b\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?\s?m\b\.?", re.IGNORECASE)
#: A line longer than this around a date is a sentence or a headline, not a dateline or a page's date.
DATELINE_CHARS = 60


#: A label, its colon and a figure in a fact box ("Stages: 2", "Payload to orbit: 64 t").
_BOX_LABEL = re.compile(r"\b[A-Z][\w )(-]{0,30}:\s+(?=\d)")
#: Labels on one line that make it a box of figures rather than a sentence.
FACT_BOX_LABELS = 3


def in_a_fact_box(text: str, start: int) -> bool:
    """Whether the figure at ``start`` stands in a line of labelled figures ("Height: 70 m Stages: 2 Cores: 3"),
    which the page prints beside the story (page furniture): the parse reads the next label as what the figure
    counts ("2 Boosters"), and such a box is no outlet's report of the event."""
    return len(_BOX_LABEL.findall(_line_of(text, start, start))) >= FACT_BOX_LABELS


def _line_of(text: str, start: int, end: int) -> str:
    """The line of ``text`` holding ``start:end``."""
    line_end = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1 : len(text) if line_end < 0 else line_end]


def in_one_idiom(text: str, start: int, end: int) -> bool:
    """A "one" that counts nothing a reader would check ("at one point", "one of the most"): the quantity
    annotator keeps it, as the quantity benchmarks do, but it is no fact."""
    if not re.match(r"one\b", text[start:end], re.IGNORECASE):
        return False
    around = text[max(0, start - 12) : start + 24].lower()
    return any(idiom in around for idiom in ONE_IDIOMS)


SET_PHRASES = terms("crosswire.stories", "set_phrases")
_SET_PHRASE = re.compile(rf"(?<![\w/])(?:{phrase_alternation(SET_PHRASES)})(?![\w/])", re.IGNORECASE)
SET_PHRASE_CHARS = 24


def in_set_phrase(text: str, start: int, end: int) -> bool:
    """Whether the figure at ``start:end`` overlaps a stock phrase (``lexicons/set_phrases.json``) whose
    number names a span, a rank or an event: "in her first 100 days", "the top 10", "the 9/11 attacks"."""
    matches = _SET_PHRASE.finditer(text, max(0, start - SET_PHRASE_CHARS), end + SET_PHRASE_CHARS)
    return any(match.start() < end and start < match.end() for match in matches)


def check_set_phrase(entry: Entry) -> None:
    """The lexicon check: the example's set phrase holds a figure the reader finds, and it is no fact."""
    _check_figures_set_apart(entry, lambda q: in_set_phrase(entry.example, q.start, q.end))


def _check_figures_set_apart(entry: Entry, set_apart: Callable[[Quantity], bool]) -> None:
    """The check of a lexicon whose entries set figures apart: the annotator finds at least one figure of the
    example that the entry sets apart, and exactly the entry's value of others."""
    from crosswire.annotate.quantities import find_quantities  # heavy; only the check needs it

    found = find_quantities(entry.example)
    kept = [q for q in found if not set_apart(q)]
    assert len(found) > len(kept) == entry.value, (entry.term, found)


#: Nouns naming a person by their children, before "of" and a number (``lexicons/kin_of.json``).
_KIN_OF = re.compile(
    rf"\b(?:{phrase_alternation(terms('crosswire.stories', 'kin_of'))})[\s-]+of[\s-]+$", re.IGNORECASE
)
KIN_OF_CHARS = 24


def counts_children(text: str, start: int) -> bool:
    """Whether the figure at ``start`` counts someone's children ("a mother *of two* died", "the father-of-three"):
    the person is what the verb tells of, so "two died" is no toll."""
    return _KIN_OF.search(text, max(0, start - KIN_OF_CHARS), start) is not None


def _children_count(text: str, quantity: Quantity) -> Quantity:
    """A count of someone's children ("a mother of *two* died") as its number alone: the annotator may have read
    the verb after it as its unit ("two died"), which tells of the mother."""
    spans = numbers.find_number_spans(quantity.text)
    end = quantity.start + spans[0].end if spans else quantity.end
    return replace(quantity, unit=None, end=end, text=text[quantity.start : end])


def check_kin_of(entry: Entry) -> None:
    """The lexicon check: the example's figure after the kin noun is found and counts children; the others not."""
    _check_figures_set_apart(entry, lambda q: counts_children(entry.example, q.start))


#: One digit glued to one capital that ends the word: the name of a standard or a format ("4K", "5G", "3D").
_STANDARD_NAME = re.compile(r"(?<![\w$€£¥.,])\d[A-Z](?!\w)")


def names_a_standard(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` is the digit of a name like "4K" or "5G", no amount."""
    return _STANDARD_NAME.match(text, start) is not None and end <= start + 2
#: The larger unit each smaller one finishes a measure in, as the quantity annotator writes units
#: (``lexicons/compound_measures.json``).
_FINISHES = mapping("crosswire.stories", "compound_measures")
_JOINS_UNITS = re.compile(r"\s*,?\s*(?:and\s+)?")


def finishes_a_measure(text: str, before: Quantity | None, quantity: Quantity) -> bool:
    """The smaller part of a measure told in two units, right after the larger ("nine minutes and
    *46 seconds*", "6 feet *2 inches*"): no figure of its own, never a duration of 46 seconds."""
    return (
        before is not None
        and quantity.unit is not None
        and before.unit == _FINISHES.get(quantity.unit)
        and before.end <= quantity.start
        and _JOINS_UNITS.fullmatch(text, before.end, quantity.start) is not None
    )


#: What may stand between a figure and its bracketed conversion: the bracket and a qualifier of the conversion's
#: own ("15 miles (about 24 km)").
_OPENS_BRACKET = re.compile(
    rf"\s*[(\[]\s*(?:(?:{phrase_alternation(LOWER_BOUND | UPPER_BOUND | JUST_BELOW | ROUNDED)})\s+)?",
    re.IGNORECASE,
)


def _whole_measure(text: str, quantity: Quantity, after: Quantity | None) -> tuple[Quantity, float | None]:
    """A measure told in two units ("4 minutes 48 seconds", "7 lb 4 oz") as one figure in the larger unit (4.8
    minutes), over the words of both parts, with the step its last written digit stands for in that unit (a
    second: 1/60 of a minute), when both units have one size (``units.IN_BASE``): read as "4 minutes" it would
    contradict "just under five minutes".  Other figures are returned as they are, with no step of their own."""
    if after is None or quantity.value_max is not None or not finishes_a_measure(text, quantity, after):
        return quantity, None
    if quantity.unit not in IN_BASE or after.unit not in IN_BASE or after.value_max is not None:
        return quantity, None  # "4 years and 1 month": a month has no one size, so the years stand alone
    share = IN_BASE[after.unit] / IN_BASE[quantity.unit]
    whole = replace(quantity, value=quantity.value + after.value * share, end=after.end,
                    text=text[quantity.start : after.end])  # fmt: skip
    return whole, (_written_step(after) or 1.0) * share


def _restated_reading(text: str, before: Quantity | None, quantity: Quantity) -> Reading:
    """What a figure asserts (``asserted_reading``); for a conversion in brackets with no qualifier of its own,
    the qualifier of the figure it restates: "nearly 9,000 pounds (4,080 kilograms)" says nearly 4,080 kg, no
    plain figure, and must not bear out "up to 4,300 kilograms" where the pounds do not."""
    reading = asserted_reading(quantity)
    if quantity.qualifier is None and before is not None and before.qualifier and _restates_a_measure(
        text, before, quantity
    ):
        return replace(reading, qualifier=before.qualifier)
    return reading


def _restates_a_measure(text: str, before: Quantity | None, quantity: Quantity) -> bool:
    """A measure in brackets right after one of its kind in another unit ("nearly 9,000 pounds *(4,080
    kilograms)*", "15 miles *(24 km)*"): the same figure, converted."""
    return (
        before is not None
        and before.unit is not None
        and quantity.unit is not None
        and before.unit != quantity.unit
        and convertible_kind(before.unit) is not None
        and convertible_kind(before.unit) == convertible_kind(quantity.unit)
        and before.end <= quantity.start
        and _OPENS_BRACKET.fullmatch(text, before.end, quantity.start) is not None
    )


def check_compound_measure(entry: Entry) -> None:
    """The lexicon check: the example's smaller unit finishes a measure, and the larger part stays a figure."""
    from crosswire.annotate.quantities import find_quantities  # heavy; only the check needs it

    found = sorted(find_quantities(entry.example), key=lambda q: q.start)
    pairs = zip([None, *found], found, strict=False)
    finished = [q for before, q in pairs if finishes_a_measure(entry.example, before, q)]
    assert [q.unit for q in finished] == [entry.term], (entry, found)
    assert any(q.unit == entry.value for q in found), (entry, found)


#: Words that make a sentence a picture's caption or credit (``lexicons/caption_sentences.json``).
_CAPTION_SENTENCE = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(t) for t in terms("crosswire.stories", "caption_sentences")) + r")(?!\w)",
    re.IGNORECASE,
)


def in_a_caption(article: Article, start: int, end: int) -> bool:
    """Whether the figure at ``start:end`` is told in a picture's caption or credit, not in the story: its
    sentence holds a caption's words, or its line does when the line is short enough to be a caption (the
    sentence splitter cuts "In this Friday, Dec. 29 file photo" at "Dec.")."""
    line = _line_of(article.text, start, end)
    around = line if len(line) <= CAPTION_CHARS else raw_sentence(article, start, end)
    return _CAPTION_SENTENCE.search(around) is not None


#: A line this short may be a caption as a whole.
CAPTION_CHARS = 300


def check_caption_sentence(entry: Entry) -> None:
    """The lexicon check: the example's figure stands in a sentence read as a caption."""
    from crosswire.annotate.quantities import find_quantities  # heavy; only the check needs it

    article = Article("example", "record", "lexicon", entry.example)
    found = find_quantities(entry.example)
    assert found and all(in_a_caption(article, q.start, q.end) for q in found), (entry.term, found)


_RUNNING_TOTALS = terms("crosswire.stories", "running_totals")
_RUNNING_TOTAL = re.compile(rf"\b(?:{phrase_alternation(_RUNNING_TOTALS)})\b", re.IGNORECASE)


_OCCASION_WORDS = mapping("crosswire.stories", "occasion_totals")
_ADDING_UP = re.compile(
    rf"\b(?:{phrase_alternation(term for term, role in _OCCASION_WORDS.items() if role == 'cue')})\b", re.IGNORECASE
)
#: "five operations", "the 20 sorties", "its four previous patrols": a count of occasions, read below.
_OCCASIONS = re.compile(
    rf"\b(?P<count>\d+|{'|'.join(numbers.SMALL_NUMBERS)})\s+(?:[a-z]+\s+)?"
    rf"(?:{phrase_alternation(term for term, role in _OCCASION_WORDS.items() if role == 'occasion')})\b",
    re.IGNORECASE,
)
#: Fewer occasions than this are one piece of work ("12 arrests in two raids on Friday"), the story's own.
MIN_OCCASIONS = 3


#: A period running up to now ("this year", "this season"; ``lexicons/current_periods.json``).
_CURRENT_PERIOD = re.compile(
    rf"\b(?:{phrase_alternation(terms('crosswire.stories', 'current_periods'))})\b", re.IGNORECASE
)
#: A period up to now that began in a named year: "since 2009", "since the war began in 2011". Counted over
#: years, a figure told over it in the present perfect adds up a long run of events; a period of days
#: ("since Monday") may be the story's own developing event, so only a year makes one.
_SINCE_A_YEAR = re.compile(r"\bsince\b[^.;:]{0,80}?(?<![\d.,])(?:1[89]\d\d|20\d\d)(?![\d.,]?\d)", re.IGNORECASE)
#: "has attacked", "have already been": a present perfect, its participle tested below.
_PRESENT_PERFECT = re.compile(r"\b(?:has|have)\s+(?:(?:already|also|now|since|just)\s+)?([a-z]+)\b", re.IGNORECASE)
#: What ends a clause inside a sentence, for the clause a figure is told in (not the comma inside "40,000").
_CLAUSE_BREAK = re.compile(r"[;:()\u2013\u2014]|,(?!\d)")


@lru_cache(maxsize=4096)
def running_total(sentence: str, at: int | None = None) -> bool:
    """Whether a sentence tells a running total: over a period (``lexicons/running_totals.json``: "so far
    this year", "since the start of the year"), or added up over several occasions
    (``lexicons/occasion_totals.json``: "a total of 40 rifles during the five boardings"): its figures add up
    many events, and are no report of the story's one event.  Given the figure's offset ``at``, also a
    figure its clause tells in the present perfect over a period up to now (``lexicons/current_periods.json``:
    "pirates have attacked 40 ships this year"; or since a named year: "the war has displaced 2 million people
    since it began in 2011")."""
    if _RUNNING_TOTAL.search(sentence) is not None:
        return True
    if at is not None and _tallied_this_period(sentence, at):
        return True
    return _ADDING_UP.search(sentence) is not None and any(
        _occasion_count(match["count"]) >= MIN_OCCASIONS for match in _OCCASIONS.finditer(sentence)
    )


def _tallied_this_period(sentence: str, at: int) -> bool:
    """The figure at ``at`` is told in the present perfect in its own clause, over a period up to now named
    in that clause or opening the sentence ("This year, 40 ships have been attacked").  A period in another
    clause dates something else ("nine have been convicted; another goes on trial this month")."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, at)), default=0)
    after = _CLAUSE_BREAK.search(sentence, at)
    clause = sentence[left : after.start() if after else len(sentence)]
    participles = (match[1].casefold() for match in _PRESENT_PERFECT.finditer(clause))
    if not any(word == "been" or is_past_participle(word) for word in participles):
        return False
    opening = sentence.lstrip()
    return any(period.match(opening) or period.search(clause) for period in (_CURRENT_PERIOD, _SINCE_A_YEAR))


def _occasion_count(count: str) -> int:
    return int(count) if count.isdigit() else numbers.SMALL_NUMBERS[count.casefold()]


def check_occasion_total(entry: Entry) -> None:
    """The lexicon check: the example is read as a running total, and is not without its occasions' count."""
    assert running_total(entry.example), entry.term
    assert not running_total(_OCCASIONS.sub("occasions", entry.example)), entry.term


def check_current_period(entry: Entry) -> None:
    """The lexicon check: the example's figure (the value) is read as a running total through its clause,
    which the sentence alone (no figure named) does not make one."""
    from crosswire.annotate.quantities import find_quantities  # heavy; only the check needs it

    figure = next(q for q in find_quantities(entry.example) if q.value == entry.value)
    assert running_total(entry.example, figure.start), entry.term
    assert not running_total(entry.example), entry.term


def check_running_total(entry: Entry) -> None:
    """The lexicon check: the example's figure (the value) is read, in a sentence told as a running total."""
    from crosswire.annotate.quantities import find_quantities  # heavy; only the check needs it

    assert running_total(entry.example), entry.term
    assert any(q.value == entry.value for q in find_quantities(entry.example)), entry.term


def check_one_idiom(entry: Entry) -> None:
    """The lexicon check: the example's idiom "one" is no fact, and the example's other figures (the value) are."""
    from crosswire.annotate.quantities import find_quantities  # heavy; only the check needs it

    found = find_quantities(entry.example)
    facts = [q for q in found if not in_one_idiom(entry.example, q.start, q.end)]
    assert len(facts) == entry.value and all(q.value != 1 for q in facts), (entry.term, found)


def _looks_like_year(text: str, value: float, unit: str | None) -> bool:
    return unit is None and float(value).is_integer() and 1800 <= value <= 2100 and text.strip().isdigit()


def _mentions(articles: Sequence[Article], source_of: Mapping[str, str]) -> list[_Mention]:
    mentions: list[_Mention] = []
    year_of_story = story_year(articles)
    for rank, article in enumerate(articles):
        annotations = article.annotations
        if annotations is None:
            continue
        source = source_of.get(article.id, article.id)
        background = background_sentences(article, year_of_story)
        lead_ends = lead_end(article)
        day = day_number(article.published)
        # A score's pair is no part of a measure told next to it ("(52-3, 46 KOs)"): amounts are read beside amounts.
        amounts = sorted((q for q in annotations.quantities if not q.tally), key=lambda q: q.start)
        scores = [(None, q, None) for q in annotations.quantities if q.tally]
        for before, told, after in [*zip([None, *amounts], amounts, [*amounts[1:], None], strict=False), *scores]:
            q, whole_step = _whole_measure(article.text, told, after)
            children = counts_children(article.text, q.start)
            if children:
                q = _children_count(article.text, q)
            text = article.text[q.start : q.end]
            if _looks_like_year(text, q.value, q.unit) or in_one_idiom(article.text, q.start, q.end):
                continue
            if names_a_kind(article.text, q.end):
                continue  # "a five-star hotel": what kind of hotel, not a figure of the event
            if names_a_standard(article.text, q.start, q.end):
                continue  # "4K", "5G": a standard's name (the quantity benchmarks count it, a reader does not)
            if finishes_a_measure(article.text, before, q):
                continue  # the "46 seconds" of "nine minutes and 46 seconds"
            if in_set_phrase(article.text, q.start, q.end):
                continue  # "in his first 100 days", "the 9/11 attacks": a stock phrase's number counts nothing
            if in_a_link(article.text, q.start):
                continue  # "https://example.com/news/12-hurt-in-crash": part of a printed web address
            if in_a_caption(article, q.start, q.end):
                continue  # "In this March 4 file photo, 40 firefighters ...": what a picture shows, not the story
            if in_a_fact_box(article.text, q.start):
                continue  # "Height: 70 m Stages: 2 Boosters: 2": a box of labelled figures, not the story's prose
            left, right = sentence_bounds(article, q.start, q.end)
            if doubted(article.text[left : q.end], q.start - left):
                continue  # "I'm not positive all three were targeted": a doubt, not a report
            sentence, said_by = told_in(article.text[left:right])
            length = _CONVERTIBLE_KINDS.get(unit_key(q.unit) or "") == "length"
            measured_from, bearing, place_name = _placement(article.text, q.end, length)
            if children:  # "a mother of two died": her children; the verb after them tells of her
                claim, participle = Claim("children", None), None
            else:
                claim = read_claim(article.text, q.start, q.end, q.counted, q.predicate, _moved(q))
                participle = predicate_after(article.text, q.end)
            reading = _restated_reading(article.text, before, q)
            if whole_step is not None:
                reading = replace(reading, step=whole_step)  # "4 minutes 48 seconds": written to the second
            # A measure in two units keeps its smaller part's words in its context, as when it was read as the
            # larger part alone: two reports of one time share them ("and 46 seconds").
            context = _context(article, q.start, told.end, (left, right))
            # "when she was 15", "broke the record of 31": surely another time's, whatever the sentence's date
            another_time = figure_of_another_time(article.text, q.start, q.unit)
            mentions.append(
                _Mention("quantity", article.id, source, rank, q.start, q.end, text, q.value, reading,
                         unit_key(q.unit), *context, participle, claim,
                         background=another_time or any(b.start <= q.start < b.end for b in background),
                         sentence=sentence, said_by=said_by, around=around_of(article, q.start, q.end),
                         indefinite=_indefinite(article.text, q.start),
                         part_or_whole=_part_or_whole(article.text, q.start, q.end),
                         elsewhere=another_time or any(b.start <= q.start < b.end and b.certain for b in background),
                         lead=_lead(article, q.start), narrowed=_narrowed(article.text, q.start, q.counted),
                         verb=_verb_stem(q.predicate), measured_from=measured_from, bearing=bearing,
                         place_name=place_name,
                         holder=q.holder, in_lead=q.start < lead_ends,
                         running_total=running_total(article.text[left:right], q.start - left), happened=q.happened,
                         movement=movement(article.text, q.start, q.end, q.change), day=day, unit_as_read=q.unit,
                         ordinal=q.ordinal, tally=q.tally, series=series_part(article.text, q.start))
            )  # fmt: skip
        for d in annotations.dates:
            if d.date is None or page_stamp(article.text, d.start, d.end) or in_a_caption(article, d.start, d.end):
                continue
            left, right = sentence_bounds(article, d.start, d.end)
            if doubted(article.text[left : d.end], d.start - left):
                continue  # "it is unclear whether talks resume on Monday": a doubt, not a report
            sentence, said_by = told_in(article.text[left:right])
            mentions.append(
                _Mention("date", article.id, source, rank, d.start, d.end, article.text[d.start : d.end], d.date,
                         None, None, *_context(article, d.start, d.end, (left, right)),
                         claim=read_date_claim(article.text, d.start, d.end, d.counted, d.predicate),
                         sentence=sentence, said_by=said_by, lead=_lead(article, d.start),
                         around=around_of(article, d.start, d.end))
            )  # fmt: skip
    return mentions


#: Kinds of unit whose moves are told with any verb of rising or falling ("lost 50%", "fell by 50%", "shed $2").
MOVING_KINDS = MONEY_KINDS | {"proportion"}


def _moved(quantity: Quantity) -> str | None:
    """The direction a share or a sum moved, when the figure is such a move ("up", "down"), else None."""
    kind = UNIT_KINDS.get(quantity.unit) if quantity.unit else None
    return quantity.change if kind in MOVING_KINDS else None


#: Kinds of unit whose round figures are printed rounded ("230 feet" for 229; ``lexicons/rounded_kinds.json``).
ROUNDED_KINDS = terms("crosswire.stories", "rounded_kinds")


def asserted_reading(quantity: Quantity) -> Reading:
    """What a figure asserts, for comparing it with others (see :func:`asserted_low`).  A round measure with
    no qualifier ("230 feet", "450 tonnes") asserts what rounds to it: the height of a mast given as 230 feet
    by one outlet and 229 by another is one height, not two."""
    low = asserted_low(quantity.value, quantity.text) if quantity.value_max is not None else quantity.value
    qualifier = quantity.qualifier
    if qualifier is None and quantity.value_max is None and _round_measure(quantity):
        qualifier = "about"
    scale = IN_BASE.get(quantity.unit, 1.0) if quantity.unit else 1.0
    return Reading(low, qualifier, quantity.value_max, _written_step(quantity), scale)


#: The number as written in a figure's words ("64.3", "1,200", ".41"), its decimals apart.
_WRITTEN_NUMBER = re.compile(r"\d[\d,]*(?:\.(?P<decimals>\d+))?|\.(?P<fraction>\d+)")


def _written_step(quantity: Quantity) -> float | None:
    """The step of the last digit a figure is written to, at its scale (see ``compat.Reading.step``): "64.3
    times" 0.1, "$13.2 billion" 100 million; None for a number in words or a figure not written as one number."""
    match = _WRITTEN_NUMBER.search(numbers.written_whole(quantity.text))  # "4, 051 yards": to the yard
    if match is None:
        return None
    written = float(match.group().replace(",", "") or 0)
    if written == 0:
        return None
    decimals = len(match.group("decimals") or match.group("fraction") or "")
    return 10.0 ** -decimals * abs(quantity.value / written)


def _round_measure(quantity: Quantity) -> bool:
    """A figure of a kind printed rounded (``ROUNDED_KINDS``) whose last written digit is the tens or coarser,
    after two significant digits or more ("230", "1,500", "140,000"): rounding those leaves at most 5% either
    way.  A one-digit figure ("10 km", "600 hectares") stays as written: read as rounded it would reach half
    its value again, and bear out "six miles" or "650 hectares"."""
    kind = UNIT_KINDS.get(quantity.unit) if quantity.unit else None
    precision = written_precision(quantity.value)
    return kind in ROUNDED_KINDS and precision >= 10 and abs(quantity.value) >= 10 * precision


def check_rounded_kind(entry: Entry) -> None:
    """The lexicon check: the example's first figure has a unit of this kind and is read as rounded."""
    from crosswire.annotate.quantities.examples import first_figure_of_kind  # the annotators are heavy

    assert width(asserted_reading(first_figure_of_kind(entry))) > 0, entry.example


def asserted_low(value: float, text: str) -> float:
    """The least a figure's words assert: a vague plural ("dozens", "hundreds of", "tens of thousands")
    says at least two of its unit, so "dozens of girls" is no report of 21 girls and "hundreds" none of
    150; digits, a word range or a vague count ("several hundred", read as its range) assert their value."""
    return 2 * value if numbers.plural_scale_amount(text) else value


def _values_compatible(a: _Mention, b: _Mention) -> bool:
    if a.reading is not None and b.reading is not None:
        return compatible(a.reading, b.reading) and not bounds_apart(a.reading, b.reading)
    return a.value == b.value


def _compatible_with_all(mention: _Mention, group: _Group) -> bool:
    """Whether the mention's value can be true together with every statement of the group."""
    return all(_values_compatible(mention, m) for m in group.statements.values())


def _claim_verdicts(mention: _Mention, group: _Group) -> set[str]:
    if mention.claim is None:
        return set()
    return {claims_match(mention.claim, claim) for claim in group.claims}


def _join_score(mention: _Mention, group: _Group) -> float | None:
    """How well a mention fits a group, or None when it must not join."""
    if group.kind != mention.kind or group.members[0].ordinal != mention.ordinal:
        return None  # a date is no count, and "the sixth round" no count of six rounds
    if group.members[0].tally != mention.tally:
        return None  # the winning side's 34 is no count of 34 things
    if mention.tally is not None:
        return _score_join(mention, group)
    same_article = group.by_article.get(mention.article, [])
    if any(m.value != mention.value for m in same_article):
        return None  # one article's two different numbers are two different things
    if _copied_statement(mention, group):
        return COPIED_STATEMENT  # one sentence printed by two outlets, with the same figure in the same place
    verdicts = _claim_verdicts(mention, group)
    if "different" in verdicts:
        return None  # killed is not injured, whatever the numbers
    if "same" not in verdicts and any(_two_kinds_counted(mention, m) for m in group.counted.values()):
        return None  # "recovered 12 rifles" / "seized 12 pirates": two things counted, however alike the sentences
    if any(_two_things_named(m, mention) for m in same_article):
        return None  # one report's "17-year-old gorilla" and "17-year-old female Berit": two things it names
    if any(_two_parts_of_a_series(mention, m) for m in group.members):
        return None  # "took the first two games" / "won the final two games": two sets of games
    if mention.measured_from and any(m.measured_from and not m.measured_from & mention.measured_from
                                     for m in group.members):
        return None  # "25 miles east of Houston" / "25 miles northwest of the jail": two distances
    if any(_told_of_two(mention, m) for m in group.members):
        return None  # "Velmar Bank took a $2 billion charge" / "Orvel Bank took a $2 billion charge"
    if any(_measures_two_things(mention, m) for m in group.members):
        return None  # "the 36-year-old challenger" and "the 36-year-old champion": two men's ages, not one fact
    if group.elsewhere != {mention.elsewhere}:
        return None  # a figure recalled from another time does not bear out (or contradict) this story's
    if group.running_total != {mention.running_total}:
        return None  # "so far this year 230 have drowned" is no report of one day's toll
    if {True, False} <= group.happened | {mention.happened}:
        return None  # "plans to launch two missions" / "launched two missions": a plan is no report of the deed
    if mention.movement is not None and group.movements - {mention.movement, None}:
        return None  # "fell below $500" / "a $500 drop": where a price got to, and how far it moved
    if _bound_far_from_group(mention, group) and _compatible_with_all(mention, group):
        # "more than 40" and 90: both may be true, neither bears the other out.  A figure that contradicts
        # an exact member ("killed one person" / "killing four people") is judged as a conflict with it,
        # whatever bound the group also holds ("at least one").
        return None
    if _range_beside_figure(mention, group):
        return None  # "between 8% and 15.5%" and "15.5%": one may hold the other, neither bears it out
    if any(_vague_words(mention) != _vague_words(m) for m in group.statements.values()):
        return None  # "dozens of villagers" and "30 people": the vague words do not bear the figure out
    if _far_from_group(mention, group) and not _one_event_count(mention, group):
        # Two things, not two reports of one, whether the values fit ("more than 2,000" and 300,000) or
        # not (178 punches over a fight and one in a round): neither agreement nor conflict.
        return None
    overlap = max(context_overlap(mention.context, context) for context in group.contexts)
    if "same" in verdicts and _compatible_with_all(mention, group):
        # The same claim in other words, with values that can both be true. Without words shared around the
        # figure, only the same uncommon value joins ("3 people" may be another event's three), or the same
        # toll of the story's event ("wounded two men" / "the two wounded men"), whatever the number.
        equal = group.values == {mention.value}
        needed = SAME_WORDS_CONTEXT if equal and mention.claim in group.claims else SAME_VALUE_CONTEXT
        if overlap >= needed or (equal and (_distinctive(mention.value) or _held_by_one(mention, group)
                                            or (verdicts == {"same"} and tells_a_toll(mention.claim))
                                            or all(_lead_measures(mention, m) for m in group.members))):
            return 1.0 + overlap
    if not (same_unit(group.members[0].unit, mention.unit) or _same_head(group.members[0], mention)
            or _one_event_count(mention, group) or _counted_alike(group.members[0], mention)):  # fmt: skip
        return None  # the unit, or failing it the noun the parse says is counted, must be the same
    if not _compatible_with_all(mention, group):
        # Equal to one member is not enough when it contradicts another ("1" joining "at least 1" and "11").
        return _conflict_score(mention, group)
    same_neighbour = bool(mention.neighbours & group.neighbours)
    if mention.value in group.values:
        specific = mention.unit is not None and (_distinctive(mention.value) or len(mention.unit.split()) > 1)
        if mention.kind == "quantity" and specific and not _vague_words(mention):
            # The same uncommon count of the same thing: the same fact.  Not "thousands of fans": a vague word
            # names no count, and two crowds of thousands are two crowds as often as one.
            return 1.0 + overlap
        if mention.kind == "date" and _names_a_day(mention.text) and _day_named_alike(mention, group):
            return 1.0 + overlap  # "Oct. 19" and "October 19": one calendar day both write out, the same fact
        needed = SAME_DAY_CONTEXT if mention.kind == "date" else SAME_VALUE_CONTEXT
    else:
        if "same" not in verdicts and any(_same_head(mention, m) is False for m in group.members):
            return None  # "a loss of around $3 billion" and "a $3.2 billion charge": two sums near each other
        if "same" not in verdicts and mention.unit in GENERIC_UNITS and not _same_thing_measured(mention, group):
            return None  # "about 7 percent of the market" (one firm's) and "7.2%" (another's): two shares near
        needed = 0.0 if same_neighbour or _bound_bears_out(mention, group) else COMPATIBLE_CONTEXT
    return overlap if overlap >= needed else None


def _bound_bears_out(mention: _Mention, group: _Group) -> bool:
    """A bound and exact figures within its reach, all of one specific kind of thing ("more than 200 passengers"
    / "226 passengers", ``_counted_head``): the bound says the exact figure in fewer words, whatever else the
    sentences share.  Not two bounds, nor a bound and a rounded figure ("more than 200,000" / "nearly 300,000"):
    neither says the other's count."""
    head, told = _counted_head(mention), _bound_or_exact(mention)
    if head is None or told is None:
        return False
    other = "exact" if told == "bound" else "bound"
    return all(_counted_head(member) == head and _bound_or_exact(member) == other for member in group.members)


def _bound_or_exact(mention: _Mention) -> str | None:
    """"bound" for a figure told as a bound ("more than 200"), "exact" for one told with no qualifier."""
    if mention.reading is None or is_range(mention.reading):
        return None
    if mention.reading.qualifier is None:
        return "exact"
    return "bound" if bound_side(mention.reading) is not None else None


def _score_join(mention: _Mention, group: _Group) -> float | None:
    """A score or a record bears out the same pair written by another report ("34-6" / "34–6") of the same side
    (two names, "the Chiefs (2-13)" and "the Jaguars (2-13)", are two records), and contradicts nothing: one story
    may tell several games, or a record before and after one."""
    if any(_written_pair(m) != _written_pair(mention) or _held_by_two(mention, m) for m in group.members):
        return None
    if group.elsewhere != {mention.elsewhere}:
        return None
    return 1.0 + max(context_overlap(mention.context, context) for context in group.contexts)


def _written_pair(mention: _Mention) -> str:
    return mention.text.replace("–", "-")


#: The join score of a figure whose sentence copies a member's: above any score shared words give (at most 2).
COPIED_STATEMENT = 3.0


#: Kinds of event whose counts tally what befell people or things in the story's event (``lexicons/toll_kinds.json``).
TOLL_KINDS = terms("crosswire.stories", "toll_kinds")


def tells_a_toll(claim: Claim | None) -> bool:
    """Whether a claim counts what befell people or things in an event (killed, wounded, missing, evacuated,
    destroyed...), by the kind ``event_kind`` reads its predicate as: two reports of one story giving the same
    such count of the same things tell one fact, whatever the number ("wounded two men" / "the two wounded men");
    counts of plans, sentences or sales ("plans to launch two missions") may be of another occasion."""
    return claim is not None and claim.predicate is not None and event_kind(claim.predicate) in TOLL_KINDS


def check_toll_kind(entry: Entry) -> None:
    """The lexicon check: the term is a kind of ``event_classes``, and the predicate of the example's first figure
    is read as it, so that its count tells a toll."""
    from crosswire.annotate.quantities.examples import first_figure  # the annotators are heavy

    assert entry.term in set(mapping("crosswire.stories", "event_classes").values()), entry.term
    first = first_figure(entry)
    claim = read_claim(entry.example, first.start, first.end, first.counted, first.predicate)
    assert claim.predicate is not None and event_kind(claim.predicate) == entry.term, (entry.term, claim)


def _copied_statement(mention: _Mention, group: _Group) -> bool:
    """Whether a member of the group was told in a copy of the mention's sentence, with the same words before
    the figure and the same value: one statement printed twice ("By then it is 9.5 percent."), whatever
    the words around it say, even when they say too little to tell what was counted."""
    statement = (mention.lead, mention.value)
    if statement in group.sentences.get(mention.sentence, ()):
        return True
    return any(
        statement in told and copies(sentence, mention.sentence)
        for sentence, told in group.sentences.items()
        if len(sentence) >= MIN_COPY_CHARS
    )


def _conflict_score(mention: _Mention, group: _Group) -> float | None:
    """Join with an incompatible value only on strong evidence against that very statement."""
    if mention.kind == "quantity" and not mention.ordinal and (
        (mention.unit is None and _counted_head(mention) is None) or mention.unit in GENERIC_UNITS
    ):
        # A bare number counts nothing known ("six AK-47 rifles" does, which the parse names where the scanner
        # read no unit); "12 percent" and "8 percent" are often two different rates; and two prices of one thing
        # may be two sales ("bought the mill for $400,000 in March", "will sell it for $650,000").
        return None
    if any(_different_things(mention, m) for m in group.members):
        return None  # two different counted things never conflict
    rivals = [m for m in group.members if not _values_compatible(mention, m)]
    if not all(_may_rival(mention, m) for m in rivals):
        return None  # a conflict with every figure it contradicts, or none
    if _one_event_count(mention, group, rivals):
        return CONFLICT_CONTEXT  # "killed one person" / "killing four people": one toll, told two ways
    if all(_placed_alike(mention, m) for m in rivals):
        return CONFLICT_CONTEXT  # "40 km north of Carrow" / "90 kilometres north of Carrow": one place, two ways
    needed = DATE_CONFLICT_CONTEXT if mention.kind == "date" else CONFLICT_CONTEXT
    scores = [context_overlap(mention.context, m.context) for m in rivals if mention.neighbours & m.neighbours]
    best = max(scores, default=0.0)
    if best >= needed:
        return best
    if mention.kind == "quantity" and any(_close_rivals(mention, m) for m in rivals):
        return needed
    return None


#: Two counts of one happening this far apart (larger / smaller) may still be rival reports of it (a toll
#: of one against five); beyond it one is more likely a part of the other (five hurt in one town, fifty in all).
SAME_EVENT_RATIO = 5.0


def _same_event_count(a: _Mention, b: _Mention) -> bool:
    """Both figures count the same things in the same kind of happening, each read from its own sentence's
    parse: what happened is a kind the ``event_classes`` lexicon names ("killed" / "died", "injured" /
    "wounded") and what was counted means the same ("people" / "person", "drones" / "UAVs").  Such counts
    in one story are reports of one figure, so differing values are a dispute, however few words the two
    sentences share; exact or bounded counts only ("dozens" says too little), within ``SAME_EVENT_RATIO``.
    Both must be told in their report's lead (``lead_end``): further down, "10 houses were damaged in one
    town" is a part of the story's "more than 300 houses", not a rival report of it."""
    if a.kind != "quantity" or a.claim is None or b.claim is None or isinstance(a.value, str):
        return False
    if a.unit in _CONVERTIBLE_KINDS or b.unit in _CONVERTIBLE_KINDS:
        # A measure is no count: a toll is revised as news comes in, but a fall of 150 metres and one of 600
        # are two falls more likely than two reports of one.
        return False
    if not (a.in_lead and b.in_lead):
        return False
    if isinstance(b.value, str) or min(a.value, b.value) <= 0 or _vague_words(a) or _vague_words(b):
        return False
    if max(a.value, b.value) / min(a.value, b.value) > SAME_EVENT_RATIO:
        return False
    kinds = {event_kind(m.claim.predicate) if m.claim and m.claim.predicate else None for m in (a, b)}
    if len(kinds) != 1 or None in kinds or not a.claim.counted or not b.claim.counted:
        return False
    # Strictly the same things: "people" stands for "residents" in an agreement, but "six children killed"
    # is a part of "12 people killed", no rival count of it.
    closeness = similarity(a.claim.counted.casefold(), b.claim.counted.casefold())
    return closeness is not None and closeness >= COUNTED_SAME


def _one_event_count(mention: _Mention, group: _Group, members: Sequence[_Mention] | None = None) -> bool:
    """Every value the group's members (or ``members`` of it) state is stated by one that counts the same
    happening as the mention (``_same_event_count``): a copy of it told lower in another report need not."""
    by_statement: dict[tuple[Reading | None, float | str], list[_Mention]] = {}
    for member in group.members if members is None else members:
        by_statement.setdefault((member.reading, member.value), []).append(member)
    return all(any(_same_event_count(mention, m) for m in told) for told in by_statement.values())


def _close_rivals(a: _Mention, b: _Mention) -> bool:
    """Two close, exact counts that contradict each other with fewer shared words than ``CONFLICT_CONTEXT``.
    The same count written before the same participle ("14 people were injured" / "16 people were injured"), a
    toll or a rank the parse reads as the same claim, say what they count in their own words; other close counts
    of one thing ("scored three runs", "the 32-year-old champion") must share at least the words two compatible
    figures need to agree, or they may be told of two games, or of one man in two years."""
    kind = _rival_counts(a, b)
    if kind in ("participle", "toll", "rank"):
        return True
    if kind == "measure" and _lead_measures(a, b):
        return True  # "the magnitude 6.4 quake" / "the 6.6 magnitude earthquake", each report's own lead figure
    if kind is None and not _rival_things(a, b):
        return False
    return context_overlap(a.context, b.context) >= COMPATIBLE_CONTEXT


def _may_rival(a: _Mention, b: _Mention) -> bool:
    """Whether two incompatible figures may be rival statements of one fact: for quantities, both must be
    read as the same claim (what was counted and what happened to it); words around them are not enough.
    A figure told in a sentence about an earlier time may be another event's, so it never makes a conflict."""
    if a.background or b.background:
        return False
    if a.part_or_whole or b.part_or_whole:
        return False  # "28 of 41 passes": completed and attempted, a part and its whole
    if _held_by_two(a, b):
        return False  # one boxer's 46 knockouts and another's 36: two records, no dispute
    if a.narrowed or b.narrowed:
        return False  # "58 wins" / "51 wins coming by knockout": all of them and some of them
    if _is_measure(a) and (a.indefinite or b.indefinite):
        # "A 14-year-old girl" and "a 12-year-old girl" may be two girls: only measures of a thing both
        # reports name as known ("the gorilla", "Ana Ruiz, 58") can rival each other.
        return False
    if a.kind == "date":
        # A weekday or "yesterday" is resolved against each article's own day, and "said Friday" dates the
        # saying, not the event: only dates written out in full ("Nov. 24", "24/11/2026") can contradict,
        # and only in what both write: "May 4" has no year to set against "May 4, 2027".
        return _written_out(a.text) and _written_out(b.text) and _written_parts_differ(a.text, b.text)
    if _is_measure(a):
        if _is_age(a) and _is_age(b) and abs(float(a.value) - float(b.value)) <= 1 and not _same_week(a, b):
            return False  # 26 at the arraignment, 27 at the verdict: a birthday between two reports
        if not (_measures_one_named_thing(a, b) or _placed_alike(a, b)):
            # "his 16-year-old daughter" and "the 11-year-old girl" may be two girls; but two leads' distances
            # in one bearing from one place place the story's event, whether or not both name what struck there
            return False
    return claims_match(_claim_or_unit(a), _claim_or_unit(b)) == "same" or _rival_things(a, b) or _placed_alike(a, b)


#: Reports published this many days apart or fewer are of one time: a birthday between them is unlikely.
SAME_WEEK_DAYS = 7


def _same_week(a: _Mention, b: _Mention) -> bool:
    """Whether both reports are dated, within ``SAME_WEEK_DAYS`` of each other."""
    return a.day is not None and b.day is not None and abs(a.day - b.day) <= SAME_WEEK_DAYS


#: Two figures this far apart (larger / smaller) are taken for two things rather than two reports of one.
SAME_THING_RATIO = 3.0


def _bound_far_from_group(mention: _Mention, group: _Group) -> bool:
    if mention.reading is None:
        return False
    reading = mention.reading
    return any(m.reading is not None and bound_far_from(reading, m.reading) for m in group.statements.values())


def _range_beside_figure(mention: _Mention, group: _Group) -> bool:
    """A range written in digits ("between 8% and 15.5%") beside one figure, or beside another such range
    with other ends: the figure may lie inside it, or the ranges overlap, yet the range states several
    things or an estimate, not that figure, and shown as agreement it would claim a corroboration nobody
    gave.  A range in words ("hundreds", "dozens") is judged apart (``_join_score``: it bears out no figure)."""
    return any(
        (_digit_range(mention) and not _states_range(m))
        or (_digit_range(m) and not _states_range(mention))
        or (_digit_range(mention) and _digit_range(m) and _ends(mention) != _ends(m))  # 6-75 and 7-75
        for m in group.statements.values()
    )


def _ends(mention: _Mention) -> tuple[float, float | None] | None:
    return (mention.reading.value, mention.reading.value_max) if mention.reading is not None else None


def _states_range(mention: _Mention) -> bool:
    return mention.reading is not None and is_range(mention.reading)


def _digit_range(mention: _Mention) -> bool:
    return _states_range(mention) and not _vague_words(mention)


def _far_from_group(mention: _Mention, group: _Group) -> bool:
    """Whether the mention's positive number and some member's are over ``SAME_THING_RATIO`` apart: the
    farthest members are the group's extremes, so only those are compared."""
    if isinstance(mention.value, str) or mention.value <= 0 or group.smallest is None or group.largest is None:
        return False
    value = _in_base(mention)
    return value / group.smallest > SAME_THING_RATIO or group.largest / value > SAME_THING_RATIO


def _in_base(mention: _Mention) -> float:
    """A positive number's value in its kind's base unit ("25 miles": 40,234 metres), as its reading is compared."""
    return float(mention.value) * (mention.reading.scale if mention.reading is not None else 1.0)


def _is_age(mention: _Mention) -> bool:
    return mention.claim is not None and mention.claim.predicate == MEASURE_DIMENSIONS["age"]


def _same_head(a: _Mention, b: _Mention) -> bool | None:
    """Whether two mentions count things with the same head noun ("gorilla" / "female": no); None when
    either counts nothing the parse could name, or only the word of its unit."""
    if a.claim is None or b.claim is None or not a.claim.counted or not b.claim.counted:
        return None
    if names_a_unit(a.claim.counted) or names_a_unit(b.claim.counted):
        return None  # "40 km" / "25 miles": the parse named no thing, only the unit (which ``same_unit`` compares)
    return head_noun(a.claim.counted.casefold()) == head_noun(b.claim.counted.casefold())


def _two_things_named(a: _Mention, b: _Mention) -> bool:
    """Whether two figures count things of two head nouns that do not mean the same: "gorilla" / "female", not
    "quake" / "earthquake" (one report may call one thing both).  Not for two measures of which one names several
    things in common words ("two men, ages 47 and 48" / "Paul Reyes, 47"): the other may name one of them."""
    if _same_head(a, b) is not False or a.claim is None or b.claim is None:
        return False
    if _is_measure(a) and _is_measure(b) and any(_names_several(m.claim.counted) for m in (a, b) if m.claim):
        return False  # measures only: "two other vehicles" and "two young sons" are two things, each counted
    return same_counted(a.claim.counted, b.claim.counted) != "same"


def _names_several(counted: str | None) -> bool:
    """A plural common noun ("men", "victims"), which names several things."""
    head = head_noun(counted) if counted else ""
    return head[:1].islower() and looks_plural(head)


def _counted_alike(a: _Mention, b: _Mention) -> bool:
    """Whether two mentions of an uncommon number count things that mean the same in other nouns ("27
    protesters" / "27 demonstrators"), where one sentence says nothing the parse reads as what happened to
    them ("a total of 27 demonstrators"): the same things counted the same, as a shared unit would say.
    Predicates that differ never come here (``claims_match``); a common number ("3 protesters") needs more."""
    return (
        _distinctive(a.value)
        and a.claim is not None
        and b.claim is not None
        and same_counted(a.claim.counted, b.claim.counted) == "same"
    )


#: What a distance is measured from: "(north)east of X", "from X", "away from X", up to the clause's end.
_MEASURED_FROM = re.compile(
    r"(?:\s*\([^()]{1,30}\))?"  # a conversion between: "75 kilometres (47 miles) west of Tessaly"
    r"\s+(?P<bearing>(?:north|south)-?(?:east|west)|north|south|east|west|away|outside|short)?\s*(?:of|from)"
    r"\s+(?P<place>[^,.;:()]{2,60})",
    re.IGNORECASE,
)
#: Where a distance at sea is measured from: "12 nautical miles off Port Selwyn", "40 km off the coast of Velm".
#: Only for a length: "shaved two seconds off the record" and "$5 off the price" place nothing.
_MEASURED_OFF = re.compile(
    r"(?:\s*\([^()]{1,30}\))?\s+off\s+(?:the\s+(?:coast|shores?)\s+of\s+)?(?P<place>[^,.;:()]{2,60})", re.IGNORECASE
)


def _same_thing_measured(mention: _Mention, group: _Group) -> bool:
    """Every member names what it measures by the mention's head noun, a noun other than the unit ("a loss of
    about $3 billion" / "a loss of $3.2 billion"; not "7 percent" / "7.2%", whose counted word is the unit)."""
    if mention.claim is None or not mention.claim.counted:
        return False
    head = head_noun(mention.claim.counted.casefold())
    return unit_key(head) not in GENERIC_UNITS and all(_same_head(mention, m) for m in group.members)


_COMPASS = re.compile(r"(?:north|south)(?:east|west)?|east|west")


#: A place's name: a run of capitalised words ("Port Orran" of "the town of Port Orran in Velm County").
_PLACE_NAME = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


def _placement(text: str, end: int, length: bool) -> tuple[frozenset[str], str | None, str | None]:
    """Where a distance is measured from, read right after the figure: the place's content words, the compass
    bearing ("40 km *north of Carrow*" → {"carrow"}, "north"; hyphen dropped, None when no bearing is written)
    and the place's name as written ("Carrow"; None when the words name none).  ``length``: whether the figure
    is a length, which "off" places too ("12 nautical miles off Port Selwyn")."""
    match = _MEASURED_FROM.match(text, end) or (_MEASURED_OFF.match(text, end) if length else None)
    if match is None:
        return frozenset(), None, None
    bearing = (match.groupdict().get("bearing") or "").casefold().replace("-", "")
    name = _PLACE_NAME.search(match.group("place"))
    return (frozenset(content_words(match.group("place"))), bearing if _COMPASS.fullmatch(bearing) else None,
            name.group() if name else None)  # fmt: skip


def _placed_alike(a: _Mention, b: _Mention) -> bool:
    """Both figures place something at a distance in one bearing from one place, in their reports' leads ("40 km
    north of Carrow" / "about 90 kilometres north of Carrow"): a report's lead places the story's event, so
    two such distances are rival placements of it.  Another bearing ("3 miles southwest of Halbeck" / "4 miles
    west of Halbeck") may place another thing, or be a rounding of the bearing as well as the distance."""
    return (
        a.bearing is not None
        and a.bearing == b.bearing
        and bool(a.measured_from & b.measured_from)
        and a.in_lead
        and b.in_lead
        and same_unit(a.unit, b.unit)
    )


def _held_by_two(a: _Mention, b: _Mention) -> bool:
    """Both figures' sentences name whose figure it is, and they name two holders: neither name holds the
    other's words ("Velmar" is "Velmar Bank") nor names the same person ("Ana Ruiz" / "Ruiz")."""
    return a.holder is not None and b.holder is not None and _two_names(a.holder, b.holder)


def _held_by_one(mention: _Mention, group: _Group) -> bool:
    """Whether the mention's sentence and each member's name whose figure it is, all one holder ("Velmar Foods
    shares rose 6 percent" / "Velmar stock climbed 6%"): the same claim of one holder with the same value is
    one fact, however few other words the sentences share."""
    return mention.holder is not None and all(
        m.holder is not None and not _two_names(mention.holder, m.holder) for m in group.members
    )


def _told_of_two(a: _Mention, b: _Mention) -> bool:
    """Figures told of two holders (``_held_by_two``), which never bear each other out, unless either
    sentence names the other's holder too: "the Owls made three sacks, all by Ana Ruiz" and "Ana Ruiz had
    three sacks" name both, and which one the parse took for the subject tells nothing.  Two different
    figures in sentences naming both ("26 knockouts to Ruiz's 21") are still two holders' for a conflict:
    ``_may_rival`` asks ``_held_by_two``."""
    if not _held_by_two(a, b) or a.holder is None or b.holder is None:
        return False
    return not (_names_in(a.sentence, b.holder) or _names_in(b.sentence, a.holder))


def _names_in(sentence: str, name: str) -> bool:
    """Whether a (normalised) sentence names ``name``, as a whole word."""
    return re.search(rf"\b{re.escape(name.casefold())}\b", sentence) is not None


def _two_names(a: str, b: str) -> bool:
    """Whether two names name two holders: neither holds the other's words ("Velmar" is "Velmar Bank") nor
    names the same person (``same_name``: "Ana Ruiz" / "Ruiz")."""
    words_a, words_b = set(a.casefold().split()), set(b.casefold().split())
    return not (words_a <= words_b or words_b <= words_a or same_name(a, b))


def _measures_two_things(a: _Mention, b: _Mention) -> bool:
    """Both figures measure someone or something their sentences name, and not the same one: "Ana Ruiz, 36"
    and "the 36-year-old Tom Berg" are two people's ages, "a 48-yard run" and "a 48-yard field goal" two
    plays: an equal measure of two things is a coincidence, not one fact told twice.  A common noun for a
    person ("the 36-year-old champion", "the suspect") may be anyone named, so ages join unless both name."""
    if not (_is_measure(a) and _is_measure(b)) or a.claim is None or b.claim is None:
        return False
    if a.measured_from & b.measured_from:
        # "the temblor was centred 20 miles north of Carrow" / "the epicentre was 20 miles north of Carrow": a
        # distance from one place, whatever each report calls the thing it places there
        return False
    things = [m.claim.counted for m in (a, b) if m.claim is not None and m.claim.counted]
    if len(things) < 2 or _measures_one_named_thing(a, b):
        return False
    if all(head_noun(thing)[:1].isupper() for thing in things):
        return _two_names(things[0], things[1])
    if _is_age(a) or any(head_noun(thing)[:1].isupper() for thing in things):
        return False
    return same_counted(things[0], things[1]) == "different"


def _measures_one_named_thing(a: _Mention, b: _Mention) -> bool:
    """Both measure one thing named alike: the same counted word ("the gorilla") or the same person."""
    if _same_head(a, b):
        return True
    counted_a, counted_b = (m.claim.counted if m.claim else None for m in (a, b))
    if not (counted_a and counted_b):
        return False
    if a.in_lead and b.in_lead and not _is_age(a) and same_counted(counted_a, counted_b) == "same":
        # "the quake" / "the earthquake" in both leads: the story's one thing in two words.  Not an age:
        # "his 16-year-old daughter" and "the 15-year-old girl" may be two girls.
        return True
    return same_name(str(counted_a), str(counted_b))


_DATE_PART = re.compile(r"\b(?:(?P<year>(?:19|20)\d\d)|(?P<day>\d{1,2})(?:st|nd|rd|th)?|(?P<word>[a-z]+))\b")


def _written_parts_differ(a: str, b: str) -> bool:
    """Whether two dates written with a month name disagree in a part both write (day, month or year);
    dates in digits alone are compared whole."""
    parts_a, parts_b = _date_parts(a), _date_parts(b)
    if "month" not in parts_a or "month" not in parts_b:
        return _written_day(a) != _written_day(b)
    return any(parts_a[part] != parts_b[part] for part in parts_a.keys() & parts_b.keys())


def _names_a_day(text: str) -> bool:
    """A date written with its month and its day ("Nov. 24", "24 November 2026"), not a weekday or a month alone:
    a story's happenings seldom share one, unlike "Friday"."""
    parts = _date_parts(text)
    return "month" in parts and "day" in parts


def _day_named_alike(mention: _Mention, group: _Group) -> bool:
    """Some member of another source writes out the mention's day too (a weekday resolved to it is no match)."""
    return any(m.value == mention.value and m.source != mention.source and _names_a_day(m.text) for m in group.members)


def _date_parts(text: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for match in _DATE_PART.finditer(text.casefold()):
        if match.group("year"):
            parts["year"] = match.group("year")
        elif match.group("day"):
            parts["day"] = str(int(match.group("day")))
        elif (word := match.group("word")) in MONTH_WORDS:
            parts["month"] = word[:3]
    return parts


def _claim_or_unit(mention: _Mention) -> Claim:
    """The mention's claim, with its unit standing for the counted thing when the parse gave none."""
    claim = mention.claim or Claim(None, mention.predicate)
    return Claim(claim.counted or mention.unit, claim.predicate or mention.predicate)


def _written_out(text: str) -> bool:
    """A date written with its month or in digits, not relative to the article's day."""
    return any(ch.isdigit() for ch in text) or bool(MONTH_WORDS & set(re.findall(r"[a-z]+", text.casefold())))


def _written_day(text: str) -> str:
    """A date as written, without the "on" before it: "On Friday" and "Friday" are one expression."""
    return re.sub(r"^on\s+", "", " ".join(text.casefold().split()))


def _different_things(a: _Mention, b: _Mention) -> bool:
    if a.claim is None or b.claim is None:
        return False
    return same_counted(a.claim.counted, b.claim.counted) == "different"


def _two_kinds_counted(a: _Mention, b: _Mention) -> bool:
    """Both figures count a specific kind of thing, as the parse read it, and the two kinds mean different things
    ("rifles" / "pirates"); a general word ("people", "others") may stand for any kind, and a unit says nothing."""
    if a.kind != "quantity":
        return False  # a date's "counted" words are whoever acted on it, not a kind of thing
    return _counted_head(a) is not None and _counted_head(b) is not None and _different_things(a, b)


def _exact(mention: _Mention) -> bool:
    reading = mention.reading
    return reading is not None and reading.qualifier is None and reading.value_max is None


#: Rival figures for one count are near each other; 18 and 150 are two facts.
RIVAL_RATIO = 1.5


def predicate_after(text: str, end: int) -> str | None:
    """The participle right after a count, stemmed as other words are: "14 people were injured" → "injured"."""
    participle = participle_after(text, end)
    return stem(participle) if participle else None


def _rival_counts(a: _Mention, b: _Mention) -> str | None:
    """How two close, exact figures are rivals for one thing: "participle" for the same count after the same
    participle ("14 people were injured" / "16 people were injured"), "measure" for the same measure of the
    same thing ("the 3-year-old boy" / "the 4-year-old boy", "230 feet tall" / "229 feet tall"), "rank" for
    two places of one happening in one series ("stopped in the sixth round" / "in the seventh round"), "toll"
    for two counts of one toll claim ("seven bridges damaged" / "damaged ... 8 bridges"); None when they are
    not.  Called after ``_may_rival``, which has already kept out figures of earlier times, parts of a whole and
    things brought in with "a"."""
    if isinstance(a.value, str) or isinstance(b.value, str) or min(a.value, b.value) <= 0:
        return None
    if not (_exact(a) and _exact(b)) or _values_compatible(a, b):
        return None  # "hundreds of" or "about 80" is no rival figure
    if max(a.value, b.value) / min(a.value, b.value) > RIVAL_RATIO:
        return None
    if a.predicate is not None and a.predicate == b.predicate:
        return "participle"
    if _same_measure(a, b):
        return "measure"
    if a.ordinal and b.ordinal:
        # "stopped in the sixth round" / "stopped in the seventh round": one place in one series, told two ways
        return "rank" if _same_claim(a, b) else None
    tolls = tells_a_toll(a.claim) and tells_a_toll(b.claim)
    if tolls and _counted_head(a) is not None and _counted_head(b) is not None and _same_claim(a, b):
        return "toll"
    return None


#: Counted things so general that two counts of them may count two groups ("people", "others").
GENERAL_COUNTED = terms("crosswire.stories", "general_counted")


def _counted_head(mention: _Mention) -> str | None:
    """The noun a count counts, as the parse read it ("photos" of "three photos of the crew"), when it names
    a specific kind of thing: not a general one ("people"), not a share or a span of time, and not the word of
    a unit of measure ("230 feet": what is measured is elsewhere in the sentence)."""
    if mention.claim is None or not mention.claim.counted:
        return None
    head = head_noun(mention.claim.counted.casefold())
    key = unit_key(head)
    if head in GENERAL_COUNTED or key is None or key in GENERIC_UNITS:
        return None
    if mention.unit is not None and mention.unit != key:
        return None  # the unit was normalised ("feet" -> "ft"): a measure, whose counted word is its unit
    return key


_ING_AFTER = re.compile(r"\s+([a-z]+ing)\b")


def _narrowed(text: str, start: int, counted: str | None) -> bool:
    """Whether the counted noun after a figure is followed by a participle that narrows it: "51 wins *coming* by
    knockout", "12 homes *belonging* to the port" count some of the wins or homes, not all of them."""
    if not counted:
        return False
    head = head_noun(counted)
    position = text.find(head, start, start + 60)
    if position < 0:
        return False
    match = _ING_AFTER.match(text, position + len(head))
    return match is not None and _is_participle(match.group(1))


_SERIES_POSITIONS = mapping("crosswire.stories", "series_positions")
#: A word placing what a count counts in a series, right before the number: "the *final* two games".
_SERIES_POSITION_BEFORE = re.compile(rf"\b(?P<word>{phrase_alternation(_SERIES_POSITIONS)})\s+$", re.IGNORECASE)


def series_part(text: str, start: int) -> str | None:
    """The end of a series the figure at ``start`` places its things at (``lexicons/series_positions.json``):
    "first" for "the first two games", "last" for "the final two games" or "the past three months"."""
    match = _SERIES_POSITION_BEFORE.search(text, max(0, start - 20), start)
    return _SERIES_POSITIONS[match.group("word").casefold()] if match else None


def _two_parts_of_a_series(a: _Mention, b: _Mention) -> bool:
    """Both counts are placed at different ends of a series: "took the first two games" and "won the final two
    games" count different games, however alike their words."""
    return a.series is not None and b.series is not None and a.series != b.series


def check_series_position(entry: Entry) -> None:
    """The lexicon check: the number right after the term is placed at the entry's end of a series, and with
    another word in the term's place it is placed nowhere."""
    from crosswire.annotate.quantities import find_quantities  # heavy; only the check needs it

    at = entry.example.casefold().index(entry.term)
    figure = next(q for q in find_quantities(entry.example) if q.start > at)
    assert series_part(entry.example, figure.start) == entry.value, entry.term
    other_word = entry.example[:at] + "x" * len(entry.term) + entry.example[at + len(entry.term) :]
    assert series_part(other_word, figure.start) is None, entry.term


def _is_participle(word: str) -> bool:
    from lemminflect import getLemma

    return bool(getLemma(word, upos="VERB")) and word not in terms("crosswire.stories", "stopwords")


def _modifiers(mention: _Mention) -> frozenset[str]:
    """The words before the head of what a count counts, stemmed: "side" of "two side boosters"."""
    counted = mention.claim.counted if mention.claim and mention.claim.counted else ""
    return frozenset(stem(w) for w in words_before_head(counted.casefold()) if any(ch.isalpha() for ch in w))


def _rival_things(a: _Mention, b: _Mention) -> bool:
    """Two close, exact counts of one specific kind of thing that nothing tells apart: "posted three photos" /
    "published four photos".  The predicates may be worded differently but must be read, from each figure's
    own sentence, as the same happening: "two speedboats were approaching" and "three speedboats were
    recovered" count two sets of boats, and a count with no predicate ("8 bridges, including ...") says
    too little to contradict anything.  No word before the counted noun may set one count apart ("side
    boosters")."""
    if a.kind != "quantity" or isinstance(a.value, str) or isinstance(b.value, str) or min(a.value, b.value) <= 0:
        return False
    if not (_exact(a) and _exact(b)) or max(a.value, b.value) / min(a.value, b.value) > RIVAL_RATIO:
        return False
    head = _counted_head(a)
    if head is None or head != _counted_head(b) or a.claim is None or b.claim is None:
        return False
    if _modifiers(a) != _modifiers(b):
        return False  # "three boosters" / "two side boosters": the whole and a part of it
    return _same_happening(a, b) and not _values_compatible(a, b)


def _same_happening(a: _Mention, b: _Mention) -> bool:
    """Whether two figures' sentences say the same thing happened to what they count: the same event in any
    words ("wounded" / "injured"), or, when neither verb names an event, the same verb ("posted")."""
    predicate_a = a.claim.predicate if a.claim else None
    predicate_b = b.claim.predicate if b.claim else None
    verdict = same_predicate(predicate_a, predicate_b)
    if verdict != "unknown":
        return verdict == "same"
    # "Be" links a figure to anything ("were within four outs", "was 5 miles away"): it says nothing happened.
    return predicate_a is None and predicate_b is None and a.verb not in (None, "be") and a.verb == b.verb


def _verb_stem(predicate: str | None) -> str | None:
    """The main verb of a parsed predicate as its lemma ("has" and "have" alike), after its auxiliaries."""
    from lemminflect import getLemma

    words = [w for w in (predicate or "").casefold().split() if w.isalpha()]
    while len(words) > 1 and words[0] in AUXILIARIES:
        words = words[1:]
    if not words:
        return None
    lemmas = getLemma(words[0], upos="VERB")
    return lemmas[0] if lemmas else words[0]


def _is_measure(mention: _Mention) -> bool:
    return mention.claim is not None and mention.claim.predicate in DIMENSIONS


def _same_claim(a: _Mention, b: _Mention) -> bool:
    """Both figures are read as the same claim: what was counted and what happened to it mean the same."""
    return a.claim is not None and b.claim is not None and claims_match(a.claim, b.claim) == "same"


def _lead_measures(a: _Mention, b: _Mention) -> bool:
    """Both figures measure the same dimension of the same known thing ("the quake", not "a quake") in their
    reports' leads, where a report gives the story's own figures: the same value there is one fact however few
    words the two sentences share ("the magnitude 6.4 quake" / "the 6.4 magnitude earthquake"), and another
    value a rival figure for it."""
    return _same_measure(a, b) and a.in_lead and b.in_lead and not (a.indefinite or b.indefinite)


def _same_measure(a: _Mention, b: _Mention) -> bool:
    """Both figures measure the same dimension of the same thing (``Claim`` of a measure)."""
    return _is_measure(a) and _same_claim(a, b)


def _distinctive(value: float | str) -> bool:
    """Numbers unlikely to recur by chance in one story (not 3, 10, 100, 500)."""
    if isinstance(value, str):
        return True
    number = float(value)
    small_round = number.is_integer() and number % 10 == 0 and number < 1000
    return number >= 20 and not small_round


def _group(mentions: Sequence[_Mention]) -> list[_Group]:
    # One encoder batch for the phrases the grouping will compare; a comparison of any other encodes its own.
    prime(part for m in _comparable(mentions) if m.claim for part in (m.claim.counted, m.claim.predicate) if part)
    groups: list[_Group] = []
    for mention in mentions:
        scored = [(score, g) for g in groups if (score := _join_score(mention, g)) is not None]
        if scored:
            max(scored, key=lambda item: item[0])[1].add(mention)
        else:
            groups.append(_Group.of(mention))
    return _agreements_drawn_in(groups)


def _agreements_drawn_in(groups: list[_Group]) -> list[_Group]:
    """Each dispute with the agreements that bear out one of its sides drawn into it.

    Mentions join one group each, in the order their articles come: one report's "seven rifles" may join
    another's "12 guns" as its rival (the same words around both) while eight other reports of seven form an
    agreement apart.  Shown so, the same figure would be agreed in one row and disputed in the next.  An
    agreement that a side of the dispute would have joined is that side's: the dispute takes its members,
    and the reader sees one fact, 12 against seven, with every report of seven behind it.  Not when a report
    of the agreement gives the dispute another figure too: one article's two numbers are two things."""
    disputed = {id(g) for g in groups if _disputed(g)}
    if not disputed:
        return groups
    disputes = [g for g in groups if id(g) in disputed]
    drawn: set[int] = set()
    for other in (g for g in groups if id(g) not in disputed):
        for dispute in disputes:
            side = [m for m in dispute.members if m.value in other.values]
            if side and not _told_otherwise(other, dispute) and all(_join_score(m, other) is not None for m in side):
                for member in other.members:
                    dispute.add(member)
                drawn.add(id(other))
                break
    return [g for g in groups if id(g) not in drawn]


def _told_otherwise(group: _Group, other: _Group) -> bool:
    """Whether a report of the group gives the other group a different figure."""
    return any(m.value != o.value for o in group.members for m in other.by_article.get(o.article, ()))


def _disputed(group: _Group) -> bool:
    """Whether two of the group's statements cannot both be true."""
    statements = list(group.statements.values())
    return any(not _values_compatible(a, b) for i, a in enumerate(statements) for b in statements[i + 1 :])


def _comparable(mentions: Sequence[_Mention]) -> list[_Mention]:
    """The mentions whose claims the grouping may compare with another's: those of a kind told by two
    articles or more, and those whose value their own article states twice.  One article's different
    values never join (``_join_score``), so in a story of one report most figures are never compared,
    and encoding their phrases (a few milliseconds each) would be wasted."""
    articles_by_kind: dict[str, set[str]] = {}
    times_told: Counter[tuple[str, str, float | str]] = Counter()
    for m in mentions:
        articles_by_kind.setdefault(m.kind, set()).add(m.article)
        times_told[m.kind, m.article, m.value] += 1
    return [m for m in mentions if len(articles_by_kind[m.kind]) > 1 or times_told[m.kind, m.article, m.value] > 1]


def fact_status(group: Sequence[_Mention]) -> FactStatus:
    """single: one independent origin; agree: all compatible; conflict otherwise.

    Independence is judged claim by claim (issue 12): outlets that print one wire sentence for a figure are
    one origin for it (``_with_origins``), however different the rest of their articles, so three outlets
    carrying one agency's sentence are a single source reported three times (``Fact.outlets`` says how
    many), not three that bear each other out.  The mentions must carry their origins already.
    """
    if len({m.origin or m.source for m in group}) < 2:
        return "single"
    pairs_ok = all(
        _values_compatible(a, b)
        for i, a in enumerate(group)
        for b in group[i + 1 :]
        if (a.origin or a.source) != (b.origin or b.source)
    )
    return "agree" if pairs_ok else "conflict"


def _with_origins(group: Sequence[_Mention], one_text: frozenset[frozenset[str]]) -> list[_Mention]:
    """The group's mentions with their origin: a mention whose sentence, or a sentence next to it, copies an
    earlier source's, or that quotes the same speaker or credits that source, with a compatible value shares
    that source's origin (with another figure it is an updated copy, a statement of its own)."""
    keys = origin_keys(
        [m.source for m in group],
        [m.sentence for m in group],
        lambda i, j: _values_compatible(group[i], group[j]),
        [m.around for m in group],
        [m.said_by for m in group],
        lambda i, j: frozenset((group[i].article, group[j].article)) in one_text,
    )
    return [replace(m, origin=key) for m, key in zip(group, keys, strict=True)]


def _fact_value(group: Sequence[_Mention], status: FactStatus) -> float | str:
    if status == "conflict":
        latest = max(group, key=lambda m: (m.rank, m.reading is not None and m.reading.qualifier is None))
        return latest.value
    readings = [m for m in group if m.reading is not None]
    if readings:
        # The most precise figure stands for the fact; a range in words ("hundreds", "dozens") only when no
        # report gives digits, since its lower bound (100, 12) is no figure anyone reported.
        return min(readings, key=lambda m: (_vague_words(m), width(m.reading) if m.reading else 0.0, -m.rank)).value
    return Counter(m.value for m in group).most_common(1)[0][0]


def _vague_words(mention: _Mention) -> bool:
    reading = mention.reading
    return reading is not None and reading.value_max is not None and not any(ch.isdigit() for ch in mention.text)


def _claim(group: Sequence[_Mention]) -> Claim | None:
    """The group's claim: its most written counted thing and predicate; None when no mention counts a thing,
    except for a date, which what happened on it says alone ("he was released Nov. 15": "released"), and a
    measure whose dimension is named without its owner ("struck at a depth of 10 km": "depth"), and a score's side
    ("winning score")."""
    counted = Counter(m.claim.counted for m in group if m.claim and m.claim.counted)
    predicates = Counter(m.claim.predicate for m in group if m.claim and m.claim.predicate)
    top_predicate = predicates.most_common(1)[0][0] if predicates else None
    if not counted:
        says_alone = group[0].kind == "date" or top_predicate in SAYS_WHAT_IT_IS
        return Claim(None, top_predicate) if top_predicate and says_alone else None
    named = Counter({thing: times for thing, times in counted.items() if is_a_name(thing) and not names_a_unit(thing)})
    if top_predicate == MEASURE_DIMENSIONS["age"] and named:
        # "Ivo Brandt, 61" and "the 61-year-old man": whose age it is, by name, says more than "man age".  Only
        # for an age, which only a person or an animal has: a duration's "name" is a caption's credit as often.
        counted = named
    return Claim(counted.most_common(1)[0][0], top_predicate)


def _unit(group: Sequence[_Mention]) -> str | None:
    """The unit the group's figures are given in ("USD", "km"): what a sum or a measure counts."""
    return next((m.unit for m in group if m.unit), None)


def _claim_label(group: Sequence[_Mention]) -> str | None:
    """The group's claim in plain words, "people injured"; for figures in two units, by what their kind measures
    ("distance located", not "kilometres located" over "25 miles").  A date has no unit: its claim's words are
    what happened on it, even a unit word ("the early *hours* of Thursday")."""
    claim = _claim(group)
    if claim is None:
        return None
    two_units = group[0].kind == "quantity" and _unit_as_read(group) is None
    return claim.kind_label() if two_units else claim.label


def _about(group: Sequence[_Mention]) -> str:
    """A short label for what a fact measures: "people injured", "drones shot down", "date: talks held"."""
    if (placed := _placed_label(group)) is not None:
        return placed
    if group[0].ordinal:
        return f"rank: {label}" if (label := _claim_label(group)) is not None else "rank"
    if (label := _claim_label(group)) is not None:
        return label if group[0].kind == "quantity" else f"date: {label}"
    unit = next((m.unit for m in group if m.unit), None)
    predicates = Counter(m.predicate for m in group if m.predicate)
    if group[0].kind == "quantity" and unit and predicates:
        return f"{unit} {predicates.most_common(1)[0][0]}"
    # Otherwise what the figure is given in, or only its kind: words picked from around the value ("people
    # across break", "date: pm took") read as a label but say nothing, and the cited sentences say what it is.
    if group[0].kind == "date":
        return "date"
    return unit or "number"


def _placed_label(group: Sequence[_Mention]) -> str | None:
    """A distance from a named place, labelled by it ("distance north of Port Orran", "distance from Carrow"), when
    every figure measures from that place in a unit of length: "miles centered" says neither what was measured
    nor from where.  What was placed leads when every figure names the same thing ("epicentre distance from
    Halbeck"); one report's thing may be a misreading, and the place says where in any case."""
    names = {m.place_name.casefold() if m.place_name else None for m in group}
    if len(names) != 1 or None in names or any(_CONVERTIBLE_KINDS.get(m.unit or "") != "length" for m in group):
        return None
    things = {m.claim.counted if m.claim is not None and m.claim.counted and not names_a_unit(m.claim.counted)
              else None for m in group}  # fmt: skip
    thing = things.pop() if len(things) == 1 else None
    name, distance = group[0].place_name, MEASURED_KINDS["length"]
    bearings = {m.bearing for m in group}
    bearing = bearings.pop() if len(bearings) == 1 else None
    placed = f"{distance} {bearing} of {name}" if bearing else f"{distance} from {name}"
    return f"{thing} {placed}" if thing else placed


def _changes(group: Sequence[_Mention], published: Mapping[str, str]) -> tuple[FigureReport, ...]:
    """A conflict's reports, latest first, when its figure changed over time (``changes.py``); else ().
    A measure of a thing (a gorilla's weight, a boy's age) does not change between morning and evening
    reports: two values of it are a discrepancy, whenever they were published."""
    if any(_is_measure(m) for m in group):
        return ()
    reports = [FigureReport(m.value, m.article, m.source, published.get(m.article, "")) for m in group]
    mention_of = {id(report): mention for report, mention in zip(reports, group, strict=True)}
    return figure_changes(reports, lambda a, b: _values_compatible(mention_of[id(a)], mention_of[id(b)]))


def _fact_mention(m: _Mention, takes_no_side: bool = False) -> FactMention:
    qualifier = m.reading.qualifier if m.reading else None
    value_max = m.reading.value_max if m.reading else None
    return FactMention(m.article, m.text, m.value, qualifier, m.start, m.end, m.said_by, m.origin, value_max,
                       takes_no_side, m.unit_as_read)  # fmt: skip


def _unit_as_read(group: Sequence[_Mention]) -> str | None:
    """The unit every figure of the group is given in, as the annotator names it ("USD"); None when they differ
    or any has none."""
    units = {m.unit_as_read for m in group}
    return units.pop() if len(units) == 1 else None


def _fits_every_side(mention: _Mention, group: Sequence[_Mention]) -> bool:
    """Whether a figure of a conflict fits every other origin's figure ("more than two dozen" beside 25 and 27):
    it bears out each side and contradicts none, so it takes no side."""
    origin = mention.origin or mention.source
    return all(_values_compatible(mention, other) for other in group if (other.origin or other.source) != origin)


def corroborate(articles: Sequence[Article], source_of: Mapping[str, str]) -> tuple[Fact, ...]:
    """Facts of a story's articles, each with its status: quantities and dates,
    then people in roles and the place of the event (``people_places``).

    ``articles`` should be in publication order: a conflict's value is the
    latest statement.  ``source_of`` maps article id → independent-source key.
    """
    facts: list[Fact] = []
    published = {article.id: article.published or "" for article in articles}
    one_text = versions_of_one_text(
        {a.id: [a.text[s.start : s.end] for s in a.annotations.sentences] for a in articles if a.annotations}
    )
    for group in _group(_mentions(articles, source_of)):
        members = _with_origins(group.members, one_text)
        status = fact_status(members)
        facts.append(
            Fact(
                kind=group.kind,
                about=_about(members),
                value=_fact_value(members, status),
                status=status,
                mentions=tuple(_fact_mention(m, status == "conflict" and _fits_every_side(m, members))
                               for m in members),
                changes=_changes(members, published) if status == "conflict" else (),
                origins=len({m.origin for m in members}),
                outlets=len({m.source for m in members}),
                counted=(claim.counted if (claim := _claim(members)) else None) or _unit(members),
                unit=_unit_as_read(members),
                predicate=claim.predicate if claim else None,
                background=all(m.elsewhere or m.running_total for m in members),
            )
        )
    facts.extend(people_and_places(articles, source_of, one_text))
    return tuple(facts)
