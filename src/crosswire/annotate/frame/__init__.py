"""Who/what/when/where/why/how of an article's main event, read from its headline and lead.

News puts the main event in the headline and the first sentences:

* *who* and *what* come from the main clause of the headline (subject and
  verb phrase, see ``clause``), or of the first lead sentence that has one
  when the headline has none; the people and organisations of the lead follow
  (``actors``);
* *when* is a time phrase of the body as written, a recent day or a clock
  time first, then a recent span ("last month"); none when the text names
  no such time (``when``);
* *where* is a town or site the headline names, then the dateline, then the
  places of the headline and lead, countries last (``where``); when none of
  these names a place, the places of the first paragraphs;
* *why* is the clause after a causal cue ("because", "due to"), *how* the
  clause after "by" + gerund or "using".

Each list is ranked best first and holds at most ``MAX_ANSWERS`` distinct
answers.  Only the headline and the lead's sentences are parsed, in batches,
so the frame costs little next to the entity pass over the whole text.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence

from spacy.tokens import Doc

from crosswire.annotate.frame.actors import ranked_actors
from crosswire.annotate.frame.agreement import reread_with_lead_verb
from crosswire.annotate.frame.clause import PLACE_WORDS, Clause, main_clause
from crosswire.annotate.frame.event_time import main_event_time_spans
from crosswire.annotate.frame.headline import parser_ready
from crosswire.annotate.frame.lead import Lead, read_lead
from crosswire.annotate.frame.lexicon_verb import reread_with_verb_list
from crosswire.annotate.frame.reasons import how_phrases, why_phrases
from crosswire.annotate.frame.when import ranked_time_phrases, relative_clause_spans
from crosswire.annotate.frame.where import (
    PLACE_LABELS,
    dateline_place,
    headline_places,
    is_country,
    lead_places,
    modifier_only,
)
from crosswire.annotate.frame.words import words
from crosswire.annotate.nlp import load_parser
from crosswire.lexicon import Entry
from crosswire.model import Annotations, Article, Entity, Frame

__all__ = ["MAX_ANSWERS", "FrameStage", "build_frame"]

MAX_ANSWERS = 3
#: Verbs that report what someone said rather than what happened (``lexicons/speech_verbs.json``).
_SPEECH_VERBS = words("speech_verbs")
_BATCH = 64
#: An action keeps at least a verb and what it acted on when its place is cut off.
MIN_ACTION_WORDS = 2


class FrameStage:
    """Fills ``Annotations.frame`` from the headline, the lead, entities and dates."""

    name = "frame"
    requires = frozenset({"text", "entities", "dates", "sentences"})
    assigns = frozenset({"frame"})

    def __call__(self, article: Article) -> Article:
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        iterator = iter(articles)
        while batch := list(itertools.islice(iterator, _BATCH)):
            leads = [read_lead(article) for article in batch]
            yield from map(_with_frame, batch, leads, _parse_all(leads))


def build_frame(article: Article) -> Frame:
    """The frame of one annotated article (entities, dates and sentences filled)."""
    lead = read_lead(article)
    ((headline_doc, lead_docs),) = _parse_all([lead])
    return _frame(article, lead, headline_doc, lead_docs)


def _with_frame(article: Article, lead: Lead, docs: tuple[Doc | None, list[Doc]]) -> Article:
    annotations = article.annotations or Annotations()
    frame = _frame(article, lead, *docs)
    return dataclasses.replace(article, annotations=dataclasses.replace(annotations, frame=frame))


def _parse_all(leads: list[Lead]) -> list[tuple[Doc | None, list[Doc]]]:
    """Parse every headline and lead sentence of a batch in one ``pipe`` call."""
    texts = [
        text
        for lead in leads
        for text in (parser_ready(lead.headline, lead.body) if lead.headline else None, *lead.sentences)
        if text
    ]
    docs = iter(load_parser().pipe(texts))
    return [(next(docs) if lead.headline else None, [next(docs) for _ in lead.sentences]) for lead in leads]


def _frame(article: Article, lead: Lead, headline_doc: Doc | None, lead_docs: list[Doc]) -> Frame:
    annotations = article.annotations or Annotations()
    text = article.text
    lead_clause = _lead_clause(lead_docs)
    headline_clause = _headline_clause(lead.headline, headline_doc, lead_clause)
    clauses = [clause for clause in (headline_clause, lead_clause) if clause is not None]
    clause_actors = [actor for clause in clauses for actor in clause.actors]
    return Frame(
        who=_top(ranked_actors(clause_actors, annotations.entities, lead.end)),
        what=_top(_without_place(action, annotations.entities)
                  for action in _actions(headline_clause, lead_clause, lead.headline)),
        when=_top(_when(article, lead, lead_docs)),
        where=_top(_where(text, lead, annotations.entities, [doc for doc in (headline_doc, *lead_docs) if doc])),
        why=_top(why_phrases(text[lead.body_start : lead.end])),
        how=_top(how_phrases(text[lead.body_start : lead.end])),
    )  # fmt: skip


def _when(article: Article, lead: Lead, lead_docs: list[Doc]) -> list[str]:
    """Time phrases of the body, those of the lead's own clauses first (not its relative clauses)."""
    dates = article.annotations.dates if article.annotations else ()
    background = relative_clause_spans(lead_docs, lead.sentence_starts)
    main_event = main_event_time_spans(lead_docs, lead.sentence_starts)
    return ranked_time_phrases(article.text, dates, lead.body_start, article.published, lead.headline,
                               (lead.body_start, lead.end), background, main_event)  # fmt: skip


def _lead_clause(docs: list[Doc]) -> Clause | None:
    """The main clause of the first lead sentence that has one and is no command to the reader ("Sign up ...")."""
    clauses = (main_clause(doc) for doc in docs if doc[0].tag_ != "VB")
    return next((clause for clause in clauses if clause is not None), None)


def _headline_clause(headline: str | None, doc: Doc | None, lead_clause: Clause | None) -> Clause | None:
    if headline is None or doc is None:
        return None
    parsed = main_clause(doc, headline, subordinate=False)
    reread = reread_with_lead_verb(doc, headline, parsed, lead_clause.verb) if lead_clause else None
    listed = reread_with_verb_list(doc, headline)
    if parsed is not None and listed is not None and listed.verb_at < parsed.subject_at:
        parsed = None  # "Kovac beats Ruiz to win final": a verb comes before the parsed subject
    return reread or parsed or listed


def _where(text: str, lead: Lead, entities: Sequence[Entity], docs: Sequence[Doc]) -> list[str]:
    """A town or site the headline names, the dateline, then places of the headline and lead, countries last;
    a place the parsed headline and lead use only to describe a noun ("the US tax code") is left out."""
    in_headline = [place for place in headline_places(lead.headline or "", entities) if not modifier_only(place, docs)]
    in_lead = [place for place in lead_places(text, entities, lead.end) if not modifier_only(place, docs)]
    places = sorted([*in_headline, *in_lead], key=is_country)
    named_sites = [place for place in in_headline if not is_country(place)]
    dateline = dateline_place(text, lead.body_start)
    if not places and not dateline:
        # The lead names no place: the first paragraphs often do ("... on sale in UK shops").
        further = lead_places(text, entities, lead.opening_end)
        places = sorted((place for place in further if not modifier_only(place, docs)), key=is_country)
    return [*named_sites, dateline or "", *places]


def _actions(headline_clause: Clause | None, lead_clause: Clause | None, headline: str | None) -> list[str]:
    """The headline's verb phrase; a headline without one ("Blast at chemical plant") is itself the what."""
    first = headline_clause.action if headline_clause else _longest_part(headline or "")
    if headline_clause and lead_clause and _is_speech(headline_clause.verb) and not _is_speech(lead_clause.verb):
        # "Mayor says harbour deal is close": the lead tells the event itself ("signed a lease on Monday").
        return [lead_clause.action, first]
    return [first, lead_clause.action if lead_clause else ""]


def _without_place(action: str, entities: Sequence[Entity]) -> str:
    """The action without the place it ends on ("hails the crew's rescue | in Arden"): the place is *where*.

    A place phrase is cut only when the action keeps a verb and what it
    acted on ("met the mayor | in Arden"); "met in Arden" keeps its place,
    since the meeting is the event and its place is the rest of it.
    """
    places = sorted({e.text for e in entities if e.label in PLACE_LABELS}, key=len, reverse=True)
    while True:
        # The pattern ends at the place (``$``: at the end or before a final newline), so an action that does
        # not end with it cannot match: asked first, it spares compiling a pattern for every place named.
        match = next(
            (m for place in places if _ends_with(action, place) and (m := _trailing_place(place).search(action))),
            None,
        )
        if match is None or len(action[: match.start()].split()) < MIN_ACTION_WORDS:
            return action
        action = action[: match.start()]


def _ends_with(text: str, ending: str) -> bool:
    """Whether ``text`` ends with ``ending``, or with it and a newline (where ``$`` also matches)."""
    return text.endswith(ending) or text.endswith(ending + "\n")


@functools.lru_cache(maxsize=1024)
def _trailing_place(place: str) -> re.Pattern[str]:
    return re.compile(rf"\s(?:{'|'.join(map(re.escape, sorted(PLACE_WORDS)))})\s(?:the\s)?{re.escape(place)}$")


def _is_speech(verb: str) -> bool:
    return verb.lower() in _SPEECH_VERBS


def check_speech_verb(entry: Entry) -> None:
    """The lexicon check: the example's main clause has the entry as its verb, and it is read as speech."""
    clause = main_clause(load_parser()(entry.example))
    assert clause is not None and clause.verb.lower() == entry.term and _is_speech(clause.verb), (entry.term, clause)


def _longest_part(headline: str) -> str:
    """The part after a topic label: "Heatwave: Reservoirs drop to record lows" -> "Reservoirs drop to record lows"."""
    return max((part.strip() for part in headline.split(": ")), key=lambda part: len(part.split()))


def _top(values: Iterable[str]) -> tuple[str, ...]:
    unique: list[str] = []
    for value in values:
        value = value.strip()
        if value and value not in unique:
            unique.append(value)
    return tuple(unique[:MAX_ANSWERS])
