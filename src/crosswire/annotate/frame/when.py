"""*When*: the time phrases of the body as written, the time of the main event first.

News gives the time of its main event early, mostly as a weekday ("on
Thursday") or a date.  A clock time or a part of the day next to it belongs
to the same phrase ("9pm local time on Friday", "early Sunday morning").
The phrase is kept as the text has it; the date stage already holds the
resolved day.

A time told by its distance from another event ("three hours after the
kickoff") has no day of its own in the date stage but is a time of the
reported event, so it counts as recent.

Ranking: a recent time or span (below) that the main verb of a lead
sentence governs ("the council closed the bridge | on Thursday";
``event_time``) comes first, as the parse's reading of the main event's
time.  Then phrases that name a day within ``RECENT_DAYS`` of publication, or
a clock time (the event being reported); then a recent span
told from publication ("last month", "earlier this week"), which the text
gives as the event's time; then the rest (a birthday in 1997, "last year",
"this summer").  When the text names neither a recent time nor a recent
span, there is no answer: the publication day is only a guess at the
event's day (a report often comes a day or more after the event), and the
rest tells the time of something else.  Without a publication day nothing
can be told recent, and the phrases are given in the order above.

Within each group the lead tells the main event, so a phrase of the lead
goes first, unless the parse puts it in a relative clause: "the mayor, who
took office on Monday, signed the lease on Friday" gives the time of
something the mayor did before, background to the event.  Then, and among
the lead's own phrases, a phrase whose sentence repeats words of the
headline ("signed the lease at the harbour office on Friday" under "Port and
city sign harbour lease") tells the time of the headline's event and goes
first; reading order otherwise.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from crosswire.annotate.dates import find_dates, parse_iso_day
from crosswire.annotate.frame.headline import stem
from crosswire.annotate.frame.words import alternation, words
from crosswire.lexicon import Entry
from crosswire.model import DateMention

RECENT_DAYS = 7
#: Spans told from publication that date the reported event when no recent day is named ("last month";
#: ``lexicons/recent_periods.json``).
RECENT_PERIODS = words("recent_periods")
#: Characters read around a time phrase for words of the headline, and how many distinct ones it takes.
ECHO_BEFORE = 90
ECHO_AFTER = 30
ECHOES_NEEDED = 2
_WORD = re.compile(r"[a-z]{3,}")
_SENTENCE_BREAK = re.compile(r"[.!?]\s")
#: A clock time, with the words that lead up to it ("shortly after 11pm": ``lexicons/clock_cue_words.json``)
#: and its time zone ("9pm local time": ``lexicons/time_zones.json``).
_CLOCK = re.compile(
    rf"(?:\b(?:{alternation('clock_cue_words')})\s)*"
    r"(?:\b(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s?(?:am|pm|a\.m\.|p\.m\.)(?![a-z])|\b(?:[01]\d|2[0-3]):[0-5]\d\b)"
    rf"(?:\s(?:{alternation('time_zones')})\b)?",
    re.IGNORECASE,
)
#: A time told by its distance from another event: "three hours after the kickoff", "weeks before the ballot".
#: Its words are lexicons: a hedge ("just"), a count ("three"), a unit ("hours"), a relation ("after") and the
#: words that may end the event's name ("the polling day"; ``lexicons/event_words.json``).
_RELATIVE_TO_EVENT = re.compile(
    rf"\b(?:(?:{alternation('distance_hedges')})\s)?(?:{alternation('count_words')}|\d+)\s"
    rf"(?:{alternation('time_units')})\s(?:{alternation('relation_words')})\s(?:the|his|her|their|its)\s"
    rf"[a-z]+(?:[\s-](?:[A-Z][a-z]+|{alternation('event_words')}))?",
)
#: What may stand between two parts of one time phrase: "11pm on Thursday", "Sunday, at 6am".
_JOINER = re.compile(r",?\s(?:on\s|at\s)?")
#: A part of the day after a day or a clock time ("Sunday morning": ``lexicons/parts_of_day.json``).
_PART_OF_DAY = re.compile(rf"\s(?:{alternation('parts_of_day')})\b", re.IGNORECASE)
#: A full stop that ends the sentence, not an abbreviation ("Sept."), is not part of a date.
_SENTENCE_STOP = re.compile(r"(?<=[A-Za-z]{5})\.$")
#: Words before a day or a clock time that belong to the phrase ("early Sunday": ``lexicons/day_edge_words.json``).
_EARLY_OR_LATE = re.compile(rf"\b(?:{alternation('day_edge_words')})\s$", re.IGNORECASE)


#: A day that owns a noun ("Tuesday's vote", "Friday's closely watched final"): the words after it, of which
#: at most ``OWNED_WORDS``, up to the first function word ("in", "of", "the"), name the owned thing.
_POSSESSIVE_DAY = re.compile(r"['’]s\s([\w-]+(?:\s[\w-]+)*)")
OWNED_WORDS = 4

#: The preposition that opens a day adjunct ("on Monday"); the phrase is the day itself ("Monday").
_OPENING_ON = re.compile(r"on\s+(?=\S)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Part:
    start: int
    end: int
    day: date | None
    clock: bool
    #: Told by its distance from another event ("weeks before the ballot"): the reported event's own time.
    relative: bool = False


def ranked_time_phrases(
    text: str,
    dates: Sequence[DateMention],
    start: int,
    published: str | None,
    headline: str | None = None,
    lead: tuple[int, int] = (0, 0),
    background: Sequence[tuple[int, int]] = (),
    main_event: Sequence[tuple[int, int]] = (),
) -> list[str]:
    """Time phrases of ``text[start:]``, ranked as the module docstring says.

    ``lead`` is where the lead starts and ends in the text, ``background`` the
    spans of its relative clauses (``relative_clause_spans``), ``main_event``
    the spans of the times its main verbs govern (``event_time``).
    """
    reference = parse_iso_day(published)
    of_main_event: list[str] = []
    recent: list[str] = []
    recent_periods: list[str] = []
    other: list[str] = []
    headline_stems = _content_stems(headline or "")
    phrases = _phrases(text, dates, start)
    # Stable sort: the lead's own phrases first, then those told in the words of the headline, reading order otherwise.
    phrases.sort(
        key=lambda phrase: (
            not _tells_the_lead_event(phrase[1], lead, background),
            not _echoes_headline(text, start, phrase[1], headline_stems),
        )
    )
    for phrase, parts in phrases:
        named_days = [part.day for part in parts if part.day is not None]
        distance = min((abs((day - reference).days) for day in named_days), default=0) if reference else 0
        if any(part.clock or part.relative for part in parts) or (named_days and distance <= RECENT_DAYS):
            tier = recent
        elif " ".join(phrase.lower().split()) in RECENT_PERIODS:
            tier = recent_periods
        else:
            other.append(phrase)
            continue
        (of_main_event if _overlaps(parts, main_event) else tier).append(phrase)
    if reference and not of_main_event and not recent and not recent_periods:
        return []  # no time of the reported event in the text: no answer rather than a guess
    return [*of_main_event, *recent, *recent_periods, *other]


def time_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the days, dates and clock times written in ``text`` ("on Monday", "at 6am")."""
    return [(m.start, m.end) for m in find_dates(text, None)] + [m.span() for m in _CLOCK.finditer(text)]


def _phrases(text: str, dates: Sequence[DateMention], start: int) -> list[tuple[str, list[_Part]]]:
    parts = [
        _Part(m.start, m.end, parse_iso_day(m.date), clock=False)
        for m in dates
        if m.start >= start and not _is_in_a_name(m.text)
    ]
    for match in _RELATIVE_TO_EVENT.finditer(text, start):
        if not any(match.start() < part.end and part.start < match.end() for part in parts):
            parts.append(_Part(match.start(), match.end(), None, clock=False, relative=True))
    for match in _CLOCK.finditer(text, start):
        if not any(match.start() < part.end and part.start < match.end() for part in parts):
            parts.append(_Part(match.start(), match.end(), None, clock=True))
    phrases: list[tuple[str, list[_Part]]] = []
    for group in _joined(text, sorted(parts, key=lambda part: part.start)):
        group_start, group_end = group[0].start, group[-1].end
        part_of_day = _PART_OF_DAY.match(text, group_end)
        group_end = part_of_day.end() if part_of_day else group_end
        early_or_late = _EARLY_OR_LATE.search(text, max(0, group_start - 25), group_start)
        if early_or_late:
            group_start = early_or_late.start()
        elif opening := _OPENING_ON.match(text, group_start):
            group_start = opening.end()  # "met | on Monday": the preposition opens the adjunct, the day is the time
        phrases.append((_SENTENCE_STOP.sub("", text[group_start:group_end]), group))
    return phrases


def relative_clause_spans(docs: Sequence[Doc], starts: Sequence[int]) -> list[tuple[int, int]]:
    """Where the relative clauses of parsed sentences lie in the text, each doc starting at its ``starts`` offset.

    An infinitive the parser hangs on a noun ("an honour to meet them on
    Friday") is no relative clause: it tells the event itself, not a
    participant's past.
    """
    spans = []
    for doc, offset in zip(docs, starts, strict=True):
        for token in doc:
            if token.dep_ == "relcl" and not any(child.tag_ == "TO" for child in token.children):
                first, last = token.left_edge, token.right_edge
                spans.append((offset + first.idx, offset + last.idx + len(last)))
    return spans


def _tells_the_lead_event(parts: list[_Part], lead: tuple[int, int], background: Sequence[tuple[int, int]]) -> bool:
    start, end = parts[0].start, parts[-1].end
    in_lead = lead[0] <= start and end <= lead[1]
    return in_lead and not any(low <= start and end <= high for low, high in background)


def _overlaps(parts: list[_Part], spans: Sequence[tuple[int, int]]) -> bool:
    return any(part.start < high and low < part.end for part in parts for low, high in spans)


def _content_stems(text: str) -> set[str]:
    return {stem(word) for word in _WORD.findall(text.lower()) if word not in STOP_WORDS}


def _echoes_headline(text: str, start: int, parts: list[_Part], headline_stems: set[str]) -> bool:
    """Whether the words around a phrase, within its sentence, repeat ``ECHOES_NEEDED`` headline words.

    A day that owns a noun ("Tuesday's vote") is the time of what that noun
    names: it tells the headline's event when the noun is a headline word
    ("Tuesday's vote" under "Council votes ..."), and only then, however many
    headline words stand around it ("the mayor's rival, beaten in Tuesday's
    vote" under "Mayor opens bridge" is the time of the vote, not of the opening).
    """
    if owned := _POSSESSIVE_DAY.match(text, parts[-1].end):
        noun = itertools.takewhile(lambda word: word.lower() not in STOP_WORDS, owned.group(1).split()[:OWNED_WORDS])
        return bool(_content_stems(" ".join(noun)) & headline_stems)
    # The window stops at the body's start: the headline above the first sentence is no echo of itself.
    before = _SENTENCE_BREAK.split(text[max(start, parts[0].start - ECHO_BEFORE) : parts[0].start])[-1]
    after = _SENTENCE_BREAK.split(text[parts[-1].end : parts[-1].end + ECHO_AFTER])[0]
    return len(_content_stems(f"{before} {after}") & headline_stems) >= ECHOES_NEEDED


def _is_in_a_name(mention: str) -> bool:
    """A day word in capitals is part of a masthead ("USA TODAY"), not a day."""
    return mention.isupper() and len(mention) > 3


def _joined(text: str, parts: list[_Part]) -> list[list[_Part]]:
    groups: list[list[_Part]] = []
    for part in parts:
        if groups and _JOINER.fullmatch(text, groups[-1][-1].end, part.start):
            groups[-1].append(part)
        else:
            groups.append([part])
    return groups


def check_recent_period(entry: Entry) -> None:
    """The lexicon check: the example's phrase is read as written and, with no recent day, is the answer."""
    published = "2026-03-04"
    phrases = ranked_time_phrases(entry.example, find_dates(entry.example, published), 0, published)
    assert phrases[:1] == [entry.value], (entry.term, phrases)


def check_time_phrase(entry: Entry) -> None:
    """The lexicon check: the example's time phrases (no publication day) include the value, as written."""
    phrases = ranked_time_phrases(entry.example, find_dates(entry.example, None), 0, None)
    assert entry.value in phrases, (entry.term, phrases)
