"""A first who/what/when/where/why/how of an article, read from its lead.

News puts the main event in the first sentences, so the frame is built from
them: *who* is the people and organisations of the lead in order, *what* the
lead sentence, *when* the resolved dates (lead first), *where* the places
(lead first), *why* the clause after a causal cue ("because", "due to"),
*how* the clause after "by" + gerund or "using".  Each list is ranked best
first and holds at most ``MAX_ANSWERS`` distinct answers.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Sequence

from crosswire.model import Annotations, Article, DateMention, Entity, Frame, Sentence

MAX_ANSWERS = 3
LEAD_SENTENCES = 2
WHO_LABELS = ("PERSON", "ORG", "NORP")
WHERE_LABELS = ("GPE", "LOC", "FAC")
_WHY = re.compile(
    r"\b(?:because(?:\sof)?|due\sto|as\sa\sresult\sof|in\sorder\sto|so\sthat|in\sresponse\sto|after)\s(?P<clause>[^.;:!?]{3,120})",
    re.IGNORECASE,
)
#: "KYIV (Reuters) - " before the lead is a dateline, not part of what happened.
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{1,40}(?:\([^)]{1,40}\))?\s*[-–—]+\s*")
_HOW = re.compile(r"\b(?:by|using|through|via)\s(?P<clause>\w+ing\b[^.;:!?,]{0,100}|[^.;:!?,]{3,60})", re.IGNORECASE)


class FrameStage:
    """Fills ``Annotations.frame`` from entities, dates and sentences."""

    name = "frame"
    requires = frozenset({"text", "entities", "dates", "sentences"})
    assigns = frozenset({"frame"})

    def __call__(self, article: Article) -> Article:
        annotations = article.annotations or Annotations()
        frame = build_frame(article.text, annotations)
        return dataclasses.replace(article, annotations=dataclasses.replace(annotations, frame=frame))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            yield self(article)


def build_frame(text: str, annotations: Annotations) -> Frame:
    lead_end = _lead_end(text, annotations.sentences)
    lead = text[:lead_end]
    first_sentence = _first_sentence(text, annotations.sentences)
    return Frame(
        who=_ranked_entities(annotations.entities, WHO_LABELS, lead_end),
        what=_top([first_sentence] if first_sentence else []),
        when=_when(annotations.dates, lead_end),
        where=_ranked_entities(annotations.entities, WHERE_LABELS, lead_end),
        why=_top([m.group("clause").strip() for m in _WHY.finditer(lead)]),
        how=_top(
            [m.group("clause").strip() for m in _HOW.finditer(lead) if m.group("clause").split()[0].endswith("ing")]
        ),
    )


def _lead_end(text: str, sentences: Sequence[Sentence]) -> int:
    if not sentences:
        return min(len(text), 400)
    return sentences[min(LEAD_SENTENCES, len(sentences)) - 1].end


def _first_sentence(text: str, sentences: Sequence[Sentence]) -> str:
    for sentence in sentences:
        candidate = _DATELINE.sub("", text[sentence.start : sentence.end].strip())
        if len(candidate.split()) >= 4:  # skip datelines and one-word headings
            return candidate
    return text[:300].strip()


def _ranked_entities(entities: Sequence[Entity], labels: tuple[str, ...], lead_end: int) -> tuple[str, ...]:
    """Lead entities first (by label preference, then position), then the rest by frequency."""
    chosen = [entity for entity in entities if entity.label in labels]
    in_lead = sorted((e for e in chosen if e.end <= lead_end), key=lambda e: (labels.index(e.label), e.start))
    counts: dict[str, int] = {}
    for entity in chosen:
        counts[entity.text] = counts.get(entity.text, 0) + 1
    later = sorted((e for e in chosen if e.end > lead_end), key=lambda e: (-counts[e.text], e.start))
    names: list[str] = []
    for entity in [*in_lead, *later]:
        # "Umerov" after "Rustem Umerov" is the same person.
        if not any(name.endswith(" " + entity.text) for name in names):
            names.append(entity.text)
    return _top(names)


def _when(dates: Sequence[DateMention], lead_end: int) -> tuple[str, ...]:
    resolved = [mention for mention in dates if mention.date is not None]
    ranked = sorted(resolved, key=lambda mention: (mention.end > lead_end, mention.start))
    return _top([mention.date for mention in ranked if mention.date is not None])


def _top(values: Iterable[str]) -> tuple[str, ...]:
    unique: list[str] = []
    for value in values:
        if value and value not in unique:
            unique.append(value)
    return tuple(unique[:MAX_ANSWERS])
