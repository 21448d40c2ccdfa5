"""Step 5: what each amount counts and what happened to it, read from the dependency parse.

The scanner (steps 1–4) reads numbers, units and qualifiers from the words
around a number; who or what was counted and what happened to it are
grammar, so they come from spaCy's parse of the sentence:

- the **counted thing** is the noun the number modifies ("30 drones",
  ``nummod``), or the object of its "of" ("40 of the injured"), with the
  compounds and adjectives before it and an "of" phrase without article
  after it ("1,200 prisoners of war"); when the number is itself the
  complement of a verb of change or of being ("the death toll rose to 57",
  "the toll is 57"), it is that verb's subject;
- the **predicate** is the first verb above the counted thing (or the number),
  as written, lower case, with its particle ("shot down", "were killed" →
  "killed"): the form a label reads best in ("drones shot down"); a linking
  verb ("remained trapped") gives way to the participle or adjective it links.

Only sentences holding an amount are parsed (tagger + parser, no entities),
in one batch per call, so articles without numbers cost nothing.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from crosswire.annotate.nlp import load_parser
from crosswire.annotate.quantities.units import registry
from crosswire.lexicon import Entry, load_lexicon, terms
from crosswire.model import Quantity, Sentence

#: Verbs that link a subject to a state ("remained trapped"): the state is the predicate.
LINKING_VERBS = terms("crosswire.annotate.quantities", "linking_verbs")
#: Adverbs that belong to the verb before them ("shot down"), however the parser attached them.
PARTICLES = terms("crosswire.annotate.quantities", "particles")
#: A number after one of these prepositions, under a verb, is that verb's subject's value ("rose to 57").
_VALUE_PREPOSITIONS = frozenset({"to", "at", "by"})
_NOUN_PHRASE_MODIFIERS = frozenset({"compound", "amod", "nmod"})
_PACKAGE = "crosswire.annotate.quantities"
#: The kind of each unit of the registry ("lb" → "mass").
_UNIT_KINDS = {row.unit: row.kind for row in registry()}
#: What a measure of each kind says of the thing it measures ("mass" → "weight"; ``lexicons/measure_dimensions.json``)
#: and the adjectives that name the dimension themselves ("tall" → "height"; ``lexicons/measure_adjectives.json``).
MEASURE_DIMENSIONS: dict[str, str] = {
    kind: e.term for e in load_lexicon(_PACKAGE, "measure_dimensions").entries for kind in e.value["kinds"]
}
MEASURE_ADJECTIVES: dict[str, str] = {
    e.term: e.value["dimension"] for e in load_lexicon(_PACKAGE, "measure_adjectives").entries
}
#: Every dimension a measure's claim may carry as its predicate.
DIMENSIONS = frozenset(MEASURE_DIMENSIONS.values()) | frozenset(MEASURE_ADJECTIVES.values())
_AGE = MEASURE_DIMENSIONS["age"]
#: Sentence ends for texts that come without the sentence annotations.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+|\n\s*\n|\n(?=\S)")


@dataclasses.dataclass(frozen=True, slots=True)
class Reading:
    counted: str | None
    predicate: str | None


def add_claims(text: str, quantities: Sequence[Quantity], sentences: Sequence[Sentence] = ()) -> list[Quantity]:
    """The quantities with ``counted`` and ``predicate`` read from the parse of their sentences."""
    return add_claims_to_many([(text, quantities, sentences)])[0]


def add_claims_to_many(
    items: Sequence[tuple[str, Sequence[Quantity], Sequence[Sentence]]],
) -> list[list[Quantity]]:
    """``add_claims`` over several texts, parsing every sentence that holds an amount in one batch."""
    spans: list[tuple[int, int, int]] = []  # (item, sentence start, sentence end)
    for item, (text, quantities, sentences) in enumerate(items):
        bounds = [(s.start, s.end) for s in sentences] or _sentence_bounds(text)
        holding = sorted({_containing(bounds, q.start, len(text)) for q in quantities})
        spans.extend((item, start, end) for start, end in holding)
    docs = load_parser().pipe(items[item][0][start:end] for item, start, end in spans)
    parsed: dict[int, list[tuple[int, Doc]]] = {}
    for (item, start, _end), doc in zip(spans, docs, strict=True):
        parsed.setdefault(item, []).append((start, doc))
    results = []
    for item, (_text, quantities, _sentences) in enumerate(items):
        results.append([_with_reading(q, parsed.get(item, [])) for q in quantities])
    return results


def _with_reading(quantity: Quantity, parsed: list[tuple[int, Doc]]) -> Quantity:
    for offset, doc in parsed:
        if offset <= quantity.start < offset + len(doc.text):
            kind = _UNIT_KINDS.get(quantity.unit) if quantity.unit else None
            reading = read(doc, quantity.start - offset, quantity.end - offset, kind)
            return dataclasses.replace(quantity, counted=reading.counted, predicate=reading.predicate)
    return quantity


def read(doc: Doc, start: int, end: int, kind: str | None = None) -> Reading:
    """The counted thing and predicate of the amount at characters ``start:end`` of ``doc``.

    A measure of a thing ("a 450-pound gorilla", "the tower is 90 metres
    tall", "Ana Ruiz, 58,") reads as the thing and the dimension measured
    ("gorilla", "weight"): what the sentence's verb did to the thing is
    another matter.  ``kind`` is the kind of the amount's unit, if it has one.
    """
    numbers = [t for t in doc if start <= t.idx < end and (t.tag_ == "CD" or t.like_num)]
    if not numbers:
        return Reading(None, None)
    inside = {t.i for t in numbers}
    anchor = next((t for t in numbers if t.head.i not in inside or t.head.i == t.i), numbers[-1])
    measure = _measure(anchor, kind)
    if measure is not None:
        return measure
    noun = _counted_noun(anchor)
    verb = _predicate_verb(noun if noun is not None else anchor)
    return Reading(_noun_phrase(noun) if noun is not None else None, _predicate(verb) if verb else None)


def _measure(anchor: Token, kind: str | None) -> Reading | None:
    """The thing an amount measures and the dimension, or None when the amount measures no thing."""
    unit = anchor.head if anchor.dep_ in ("nummod", "quantmod") else anchor
    adjective = unit.head if unit.dep_ == "npadvmod" and unit.head.tag_.startswith("JJ") else None
    thing: Token | None = None
    if adjective is not None and adjective.lower_ in MEASURE_ADJECTIVES:
        dimension = MEASURE_ADJECTIVES[adjective.lower_]
        if adjective.dep_ == "amod":
            thing = adjective.head  # "a 3-year-old boy"
        elif adjective.dep_ in ("acomp", "oprd"):
            verb = adjective.head  # "the tower is 90 metres tall", "the rocket, standing 70 metres tall,"
            thing = verb.head if verb.dep_ == "acl" else _subject(verb)
    elif unit is not anchor and unit.dep_ in ("compound", "amod", "nmod") and kind in MEASURE_DIMENSIONS:
        dimension, thing = MEASURE_DIMENSIONS[kind], unit.head  # "a 450-pound gorilla", "an 11-hour flight"
    elif anchor.dep_ == "appos" and kind in (None, "age") and anchor.head.tag_.startswith("NN"):
        dimension, thing = _AGE, anchor.head  # "Ana Ruiz, 58, ..."
    if thing is None or not thing.tag_.startswith("NN"):
        return None
    if thing.tag_.startswith("NNP"):
        return Reading(_name(thing), dimension)  # "Ferry captain Ivo Brandt, 61": Ivo Brandt's age
    # The measure itself is no part of the thing's name: "a 450-pound gorilla" measures a "gorilla".
    measure_end = max(token.i for token in (adjective or unit).subtree)
    return Reading(_noun_phrase(thing, after=measure_end if measure_end < thing.i else -1), dimension)


def _name(noun: Token) -> str:
    """A proper noun with the proper nouns right before it: "Ivo Brandt", without a title or role."""
    first = noun
    while first.i > 0 and first.doc[first.i - 1].tag_.startswith("NNP"):
        first = first.doc[first.i - 1]
    return first.doc[first.i : noun.i + 1].text


def check_measure(entry: Entry) -> None:
    """The lexicon check: the example's amount reads as the measured thing and its dimension (the label)."""
    from crosswire.annotate.quantities import QuantityStage  # the stage runs this module
    from crosswire.model import Annotations, Article

    article = QuantityStage()(Article("example", "record", "lexicon", entry.example, annotations=Annotations()))
    assert article.annotations is not None
    readings = [f"{q.counted} {q.predicate}" for q in article.annotations.quantities]
    assert entry.value["label"] in readings, (entry.term, readings)


def _counted_noun(anchor: Token) -> Token | None:
    if anchor.dep_ in ("nummod", "quantmod") and anchor.head.tag_.startswith("NN"):
        return anchor.head
    of_object = _of_object(anchor)
    if of_object is not None:
        return of_object
    head = anchor.head
    if anchor.dep_ == "pobj" and head.lower_ in _VALUE_PREPOSITIONS and head.head.tag_.startswith("VB"):
        return _subject(head.head)
    if anchor.dep_ == "attr" and head.tag_.startswith("VB"):
        return _subject(head)
    return None


def _of_object(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((grand for grand in child.children if grand.dep_ == "pobj"), None)
    return None


def _subject(verb: Token) -> Token | None:
    return next((child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")), None)


def _noun_phrase(noun: Token, after: int = -1) -> str:
    """The noun with the modifiers touching it that say which ones were counted, as written
    ("first-team players", "Air defences"), and an "of" phrase without article ("prisoners of war");
    nothing at or before token ``after``."""
    first = noun
    for child in reversed(list(noun.lefts)):
        if child.dep_ not in _NOUN_PHRASE_MODIFIERS or child.tag_ == "CD" or child.right_edge.i != first.i - 1:
            break
        first = child.left_edge
    if first.i <= after:
        first = noun.doc[min(after + 1, noun.i)]
    while first.i < noun.i and (first.tag_ == "CD" or first.is_punct or first.dep_ in ("det", "poss", "nummod")):
        first = first.doc[first.i + 1]
    last = noun
    of_object = _of_object(noun)
    if of_object is not None and not any(child.dep_ in ("det", "poss") for child in of_object.children):
        last = of_object
    words = noun.doc[first.i : last.i + 1]
    return " ".join(_as_written(token) for token in words).replace(" - ", "-")


def _as_written(token: Token) -> str:
    return token.text if token.tag_.startswith("NNP") else token.lower_


def _predicate_verb(token: Token) -> Token | None:
    current = token
    while current.head.i != current.i:
        current = current.head
        if current.tag_.startswith("VB"):
            return current
    return current if current.tag_.startswith("VB") else None


def _predicate(verb: Token) -> str:
    if _base_form(verb) in LINKING_VERBS:
        state = next((child for child in verb.children if child.dep_ in ("acomp", "xcomp", "oprd")), None)
        if state is not None:
            return state.lower_
    particles = [
        child.lower_
        for child in verb.children
        if child.dep_ == "prt" or (child.dep_ == "advmod" and child.lower_ in PARTICLES and child.i == verb.i + 1)
    ]
    return " ".join([verb.lower_, *particles])


def _base_form(verb: Token) -> str:
    # The parser pipeline leaves the coarse tag unset; the rule lemmatizer reads it.
    verb.pos_ = "VERB"
    lemmas: list[str] = load_parser().get_pipe("lemmatizer").rule_lemmatize(verb)  # type: ignore[attr-defined]
    return lemmas[0].lower() if lemmas else verb.lower_


def _containing(bounds: list[tuple[int, int]], offset: int, length: int) -> tuple[int, int]:
    for start, end in bounds:
        if start <= offset < end:
            return start, end
    return 0, length


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return [(s, e) for s, e in bounds if e > s]
