"""Step 5: what each amount counts and what happened to it, read from the dependency parse
(and, in the same way, what each date is the date of: :func:`read_dated`).

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
from collections.abc import Callable, Sequence
from typing import TypeVar

from spacy.tokens import Doc, Token

from crosswire.annotate.nlp import load_parser
from crosswire.annotate.quantities import figures, numbers
from crosswire.annotate.quantities.ages import AGE_WORDS
from crosswire.annotate.quantities.numbers import FRACTIONS, VAGUE_COUNT_WORDS
from crosswire.annotate.quantities.qualifiers import CHANGE_WORDS
from crosswire.annotate.quantities.ranks import UNRANKED_NOUNS
from crosswire.annotate.quantities.units import (
    CASED_UNITS,
    RATED_NOUNS,
    UNIT_AFTER,
    UNIT_KINDS,
    UNIT_NAMES,
    UNITS,
    unit_for,
)
from crosswire.lexicon import Entry, load_lexicon, mapping, terms
from crosswire.model import DateMention, Quantity, Sentence

#: A mention read in its sentence: an amount or a date.
Mention = TypeVar("Mention", Quantity, DateMention)

#: Verbs that link a subject to a state ("remained trapped"): the state is the predicate.
LINKING_VERBS = terms("crosswire.annotate.quantities", "linking_verbs")
#: Verbs whose object is their subject's measure ("a quake measuring 6.4 magnitude"; ``lexicons/measuring_verbs.json``).
MEASURING_VERBS = terms("crosswire.annotate.quantities", "measuring_verbs")
#: Verbs that say where a thing is ("the epicentre was located 34 miles west"; ``lexicons/locating_verbs.json``).
LOCATING_VERBS = terms("crosswire.annotate.quantities", "locating_verbs")
#: Nouns that name what happened to the things of their "of" phrase ("the evacuation of 300 residents").
EVENT_NOUNS: dict[str, str] = mapping("crosswire.annotate.quantities", "event_nouns")
#: Adverbs that belong to the verb before them ("shot down"), however the parser attached them.
PARTICLES = terms("crosswire.annotate.quantities", "particles")
#: Words after a verb that say its result ("shot *dead*", "beaten *to death*"), kept in the predicate.
RESULTS = terms("crosswire.annotate.quantities", "results")
#: A number after one of these prepositions, under a verb, is that verb's subject's value ("rose to 57").
_VALUE_PREPOSITIONS = frozenset({"to", "at", "by"})
_NOUN_PHRASE_MODIFIERS = frozenset({"compound", "amod", "nmod"})
_PACKAGE = "crosswire.annotate.quantities"
#: What a measure of each kind says of the thing it measures ("mass" → "weight"; ``lexicons/measure_dimensions.json``)
#: and the adjectives that name the dimension themselves ("tall" → "height"; ``lexicons/measure_adjectives.json``).
MEASURE_DIMENSIONS: dict[str, str] = {
    kind: e.term for e in load_lexicon(_PACKAGE, "measure_dimensions").entries for kind in e.value["kinds"]
}
MEASURE_ADJECTIVES: dict[str, str] = {
    e.term: e.value["dimension"] for e in load_lexicon(_PACKAGE, "measure_adjectives").entries
}
#: Every dimension a measure's claim may carry as its predicate.
#: Words that make a sum the price of a thing (``lexicons/prices.json``), by how: "verb" (its object is the thing,
#: its "for" the sum: "buy"), "pay" (its object is the sum, its "for" the thing), "noun" (a sum before it: "deal").
_PRICES = load_lexicon(_PACKAGE, "prices").entries
PRICE_WORDS = {how: frozenset(e.term for e in _PRICES if how in e.value["as"]) for how in ("verb", "pay", "noun")}
_PRICE = "price"
#: Words a distance places something by ("12 nautical miles *off* Port Selwyn"), with the dimension they give it
#: (``lexicons/placing_words.json``).
PLACING_WORDS: dict[str, str] = {
    e.term: e.value["dimension"] for e in load_lexicon(_PACKAGE, "placing_words").entries
}
DIMENSIONS = (
    frozenset(MEASURE_DIMENSIONS.values())
    | frozenset(MEASURE_ADJECTIVES.values())
    | frozenset(PLACING_WORDS.values())
    | {_PRICE}
)
_AGE = MEASURE_DIMENSIONS["age"]
#: Times of day: part of a date that names one ("Tuesday morning"; ``annotate/lexicons/times_of_day.json``).
TIMES_OF_DAY = terms("crosswire.annotate", "times_of_day")
#: How a date hangs straight from the word it dates: "signed Tuesday", "met last week", "the March 3 vote".
_DATE_UNDER_HEAD = frozenset({"prep", "npadvmod", "tmod", "advmod", "compound", "nmod", "amod", "obl"})
#: A dateline: a place in capitals, what follows it up to the dash (a region, a day, the outlet in brackets).
_DATELINE = re.compile(
    r"[A-Z][A-Z'’.-]+(?:\s[A-Z][A-Z'’.-]+){0,3}(?:,\s[^\n()–—-]{1,40}?)?\s*(?:\([^)\n]{1,40}\))?\s*(?:--|[-–—])\s+"
)
#: Sentence ends for texts that come without the sentence annotations.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+|\n\s*\n|\n(?=\S)")


@dataclasses.dataclass(frozen=True, slots=True)
class Reading:
    counted: str | None
    predicate: str | None
    #: False when the parse shows the amount counts nothing (``figures``: the pronoun "one", a name's number).
    figure: bool = True
    #: Whose figure it is, when the sentence names them (quantities only; :func:`_holder`).
    holder: str | None = None
    #: The unit the parse shows a bare number to be in ("an earthquake measuring 6.8": magnitude), if any.
    unit: str | None = None
    #: Whether the verb tells the figure as done (True), as possible, planned or to come (False), or neither
    #: (None): :func:`_happened`.
    happened: bool | None = None


def add_claims(text: str, quantities: Sequence[Quantity], sentences: Sequence[Sentence] = ()) -> list[Quantity]:
    """The quantities with ``counted`` and ``predicate`` read from the parse of their sentences."""
    return add_claims_to_many([(text, quantities, sentences)])[0]


def add_claims_to_many(
    items: Sequence[tuple[str, Sequence[Quantity], Sequence[Sentence]]],
) -> list[list[Quantity]]:
    """``add_claims`` over several texts, parsing every sentence that holds an amount in one batch; an
    amount the parse shows to count nothing (:func:`counts_nothing`) is left out."""
    return _read_in_sentences(items, _read_quantity)


def add_date_claims_to_many(
    items: Sequence[tuple[str, Sequence[DateMention], Sequence[Sentence]]],
) -> list[list[DateMention]]:
    """The dates of several texts with what each is the date of (:func:`read_dated`), in one parse batch."""
    return _read_in_sentences(items, read_dated)


def _read_quantity(doc: Doc, quantity: Quantity, start: int, end: int) -> Reading:
    if quantity.ordinal:
        return read_rank(doc, start, end)
    if counts_nothing(doc, quantity, start, end):
        return Reading(None, None, figure=False)
    return read(doc, start, end, UNIT_KINDS.get(quantity.unit) if quantity.unit else None)


def counts_nothing(doc: Doc, quantity: Quantity, start: int, end: int) -> bool:
    """Whether the parse shows that the amount at characters ``start:end`` of ``doc`` counts nothing: the
    pronoun "one" (``figures.pronoun_one``), or a number before a singular proper noun, part of a name
    (``figures.before_a_proper_name``; a measurement's unit may be tagged a proper noun: "5 GW")."""
    numbers = _numbers_in(doc, start, end)
    if len(numbers) != 1 or quantity.value_max is not None:
        return False
    number = numbers[0]
    if figures.pronoun_one(number, counted_by_scanner=quantity.unit is not None):
        return True
    if figures.names_a_class(number):
        return True  # "her second 400-metre race": a kind of race, not a measure
    if figures.ends_a_proper_name(number):
        return True  # "the 30-year-old male Little One": a name's last word
    if quantity.unit is None and figures.follows_what_it_names(number):
        return True  # "game seven of the series", "Flight 175": the one thing's number
    if figures.counts_common_plural(quantity):
        return False  # "two Super Bowl wins", "seven AK-47 assault rifles"
    measured = quantity.unit is not None and quantity.unit in UNIT_KINDS and UNIT_KINDS[quantity.unit] != "time"
    return not measured and figures.before_a_proper_name(number, quantity.value)


def _read_in_sentences(
    items: Sequence[tuple[str, Sequence[Mention], Sequence[Sentence]]],
    reader: Callable[[Doc, Mention, int, int], Reading],
) -> list[list[Mention]]:
    """Each mention with ``counted`` and ``predicate`` as ``reader`` reads them from the parse of its
    sentence (given the mention and its characters in that sentence); every sentence that holds a
    mention is parsed once, all of them in one batch."""
    spans: list[tuple[int, int, int]] = []  # (item, sentence start, sentence end)
    for item, (text, mentions, sentences) in enumerate(items):
        bounds = [(s.start, s.end) for s in sentences] or _sentence_bounds(text)
        holding = sorted({_containing(bounds, m.start, len(text)) for m in mentions})
        spans.extend((item, _after_dateline(text, start, end), end) for start, end in holding)
    runs = [_split_runs(text, mentions) for text, mentions, _sentences in items]
    docs = load_parser().pipe(_as_parsed(items[item][0], start, end, runs[item]) for item, start, end in spans)
    parsed: dict[int, list[tuple[int, Doc]]] = {}
    for (item, start, _end), doc in zip(spans, docs, strict=True):
        parsed.setdefault(item, []).append((start, doc))
    results = []
    for item, (_text, mentions, _sentences) in enumerate(items):
        readings = (_with_reading(m, parsed.get(item, []), reader) for m in mentions)
        results.append([m for m in readings if m is not None])
    return results


def _split_runs(text: str, mentions: Sequence[Mention]) -> list[re.Match[str]]:
    """The digits of amounts the scanner read whole from a number a tokeniser split ("6. 1", "22, 000"); a date's
    "March 4, 2026" is none."""
    split = [m for m in mentions if isinstance(m, Quantity) and (", " in m.text or ". " in m.text)]
    return [run for m in split for run in numbers.SPLIT_DIGITS.finditer(text, m.start, m.end)]


def _as_parsed(text: str, start: int, end: int, runs: Sequence[re.Match[str]]) -> str:
    """The characters ``start:end`` of ``text`` as the parser is given them: a number the scanner read whole from
    digits a tokeniser split (``_split_runs``) is written whole, its spaces moved after it ("6.1 " for "6. 1"),
    so that the parse sees one number where the reading of the sentence needs it (the characters keep their
    places)."""
    chunk = text[start:end]
    for run in runs:
        if start <= run.start() and run.end() <= end:
            at = run.start() - start
            chunk = chunk[:at] + numbers.written_whole(run.group()).ljust(len(run.group())) + chunk[run.end() - start :]
    return chunk


def _with_reading(
    mention: Mention, parsed: list[tuple[int, Doc]], reader: Callable[[Doc, Mention, int, int], Reading]
) -> Mention | None:
    """The mention with its reading, or None when the reading says it is no figure."""
    for offset, doc in parsed:
        if offset <= mention.start < offset + len(doc.text):
            reading = reader(doc, mention, mention.start - offset, mention.end - offset)
            if not reading.figure:
                return None
            if isinstance(mention, Quantity):
                if reading.unit is not None and UNIT_KINDS.get(mention.unit or "") is None:
                    mention = _in_unit(mention, reading.unit)
                return dataclasses.replace(
                    mention, counted=_unit_written_alike(reading.counted, mention.unit),
                    predicate=reading.predicate, holder=reading.holder, happened=reading.happened,
                )  # fmt: skip
            return dataclasses.replace(mention, counted=reading.counted, predicate=reading.predicate)
    return mention


def _in_unit(quantity: Quantity, unit: str) -> Quantity:
    """A bare number in the unit its parse shows ("an earthquake measuring 6.8 shook ..."), without the words
    the scanner took for what it counts ("shook")."""
    number = quantity.text.split(None, 1)[0]
    return dataclasses.replace(quantity, text=number, end=quantity.start + len(number), unit=unit)


def _unit_written_alike(counted: str | None, unit: str | None) -> str | None:
    """What a measure counts with its unit word in one plain form: "ft" and "foot" alike are "feet", and the
    "(63,500 kg)" after "140,000 pounds of cargo" counts "kilograms of cargo", so that two reports of one
    measure name the same thing, in the unit of their own value."""
    if counted is None or unit is None:
        return counted
    head, of, rest = counted.partition(" of ")
    if (UNITS.get(head.lower()) or CASED_UNITS.get(head)) is None:
        return counted
    return f"{UNIT_NAMES.get(unit, unit)}{of}{rest}"


def read_dated(doc: Doc, _mention: object, start: int, end: int) -> Reading:
    """What the date at characters ``start:end`` of ``doc`` is the date of.

    The date hangs from a verb ("the talks were held on Tuesday", "signed the deal
    last week") or from a noun ("the talks on Tuesday", "the March 3 vote"): under a
    verb, the thing is the verb's object, else its subject, else the noun a
    participle follows ("a ceasefire signed in January"), and the predicate is the
    verb; under a noun, the thing is that noun.  A time of day the date names
    ("Tuesday morning") is part of the date, and what it hangs from is read instead.
    A date inside a longer date, or that hangs from nothing readable, gives nothing.
    """
    tokens = [t for t in doc if start <= t.idx < end]
    if not tokens:
        return Reading(None, None)
    inside = {t.i for t in tokens}
    anchor = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1])
    holder = _dated_word(anchor, inside)
    if holder is not None and holder.lower_ in TIMES_OF_DAY:
        inside.add(holder.i)
        holder = _dated_word(holder, inside)
    if holder is None:
        return Reading(None, None)
    if holder.tag_.startswith("VB"):
        idiom = _bare_singular(_object(holder))
        if idiom:
            # "took place", "gave way": the object makes one phrase with the verb and is no thing; the
            # subject is what the date is the date of, and the phrase says nothing a label needs.
            subject = _subject(holder)
            return Reading(_noun_phrase(subject) if subject is not None and _names_a_thing(subject) else None, None)
        # A participle after its noun ("a ceasefire signed in January") dates that noun.
        thing = _object(holder) or _subject(holder) or (holder.head if holder.dep_ == "acl" else None)
        named = _what_or_who(thing) if thing is not None and _names_a_thing(thing) else None
        return Reading(named, _predicate(holder))
    if holder.tag_.startswith("NN") and _names_a_thing(holder):
        return Reading(_noun_phrase(holder, after=max(inside)), None)  # "the March 3 vote" dates a "vote"
    return Reading(None, None)


def _dated_word(anchor: Token, inside: set[int]) -> Token | None:
    """The word a date (whose root is ``anchor``) hangs from, or None."""
    holder = anchor.head
    if anchor.dep_ == "pobj" and holder.dep_ == "prep":
        holder = holder.head  # "held on Tuesday" (the date's words without their "on")
    elif anchor.dep_ not in _DATE_UNDER_HEAD:
        return None  # "held on Tuesday" with the "on", "signed Tuesday", "the March 3 vote"
    return None if holder.i in inside or holder.i == anchor.i else holder


def _bare_singular(noun: Token | None) -> bool:
    """A singular common noun with nothing before it ("place" in "took place"): an object that is part of
    the verb's phrase, where an object that is a thing has a determiner, a modifier or a plural."""
    if noun is None or noun.tag_ != "NN":
        return False
    return not any(child.i < noun.i for child in noun.children)


def _names_a_thing(noun: Token) -> bool:
    """A noun, and not a link, nor a dateline's place in capitals ("AALBORG, Denmark -"), which the parser
    takes for a subject when the sentence runs on from it."""
    if not noun.tag_.startswith("NN") or noun.like_url or noun.like_email:
        return False  # a photo credit's link is tagged a noun too
    return not (noun.is_upper and len(noun.text) > 1 and noun.i == noun.sent.start)


#: Number words the tagger takes for nouns: "dozen" ("a dozen cars", "two dozen people") and the words of a vague
#: count ("Dozens of people").
_NOUN_NUMBERS = VAGUE_COUNT_WORDS | {"dozen"}


def _numbers_in(doc: Doc, start: int, end: int) -> list[Token]:
    """The number words of the amount at characters ``start:end``: digits, number words, and those the tagger
    takes for nouns (``_NOUN_NUMBERS``)."""
    return [t for t in doc if start <= t.idx < end and (t.tag_ == "CD" or t.like_num or t.lower_ in _NOUN_NUMBERS)]


def read(doc: Doc, start: int, end: int, kind: str | None = None) -> Reading:
    """The counted thing and predicate of the amount at characters ``start:end`` of ``doc``.

    A measure of a thing ("a 450-pound gorilla", "the tower is 90 metres
    tall", "Ana Ruiz, 58,") reads as the thing and the dimension measured
    ("gorilla", "weight"): what the sentence's verb did to the thing is
    another matter.  ``kind`` is the kind of the amount's unit, if it has one.
    """
    numbers = _numbers_in(doc, start, end)
    if not numbers:
        return Reading(None, None)
    inside = {t.i for t in numbers}
    anchor = next((t for t in numbers if t.head.i not in inside or t.head.i == t.i), numbers[-1])
    if anchor.head.tag_ == "$" and start <= anchor.head.idx < end:
        anchor = anchor.head  # "$3 billion": the parse hangs the number on the currency sign
    if kind is not None:
        # only a measure restates another in other units: "six rifles, 12 magazines" is a list, which the parse
        # may read as an apposition too
        anchor = _converted_amount(anchor) or anchor
    while anchor.dep_ == "conj" and anchor.head.like_num and anchor.head.i < anchor.i:
        anchor = anchor.head  # "the 5.1 and 4.8 magnitude quakes": the second number reads as the first does
    measure = _measure(anchor, kind, end)
    if measure is not None:
        return measure
    if kind in MONEY_KINDS and (priced := _priced_thing(anchor)) is not None:
        return Reading(_noun_phrase(priced), _PRICE)  # "buy Tallow Freight for $900 million": its price
    noun = _counted_noun(anchor)
    if noun is not None and noun.head.i == anchor.i and noun.tag_ == "VBN" and anchor.dep_ not in _SUBJECTS:
        # "two were killed and 11 injured", "left 200 injured": the participle tells what befell those counted, who
        # are named nowhere else; as a subject ("the 25 detained were freed") it says who they are
        return Reading(None, _predicate(noun), happened=_happened(noun))
    if noun is None and kind in MONEY_KINDS:
        noun = _what_the_sum_is(anchor)  # "$40 million in damage": a sum of damage
    counted = _counted_phrase(noun, anchor) if noun is not None else None
    if noun is not None and (event := _event_noun_over(noun)) is not None:
        # "ordered the evacuation of 300 residents": residents evacuated
        return Reading(counted, event, holder=_owner(_noun_above(noun)))
    # "Three of the 12 climbers", "Of the 52 passengers, 40 were injured": a part counts the whole's things, and
    # what befell it is told by its own verb (the climb from the whole's noun stops at the "of": ``_predicate_verb``)
    part_of_whole = noun is not None and (_in_whole_of(noun, anchor) or _refers_back(anchor))
    verb = _participle_of(noun) if noun is not None and not part_of_whole else None
    if verb is None:
        verb = _predicate_verb(anchor if noun is None or part_of_whole else noun)
    if verb is None:
        predicate = None
    elif kind == "time" and _span_before(noun, verb):
        predicate = TIME_BEFORE + _gerund(verb)  # "surrendered after two hours": hours before surrendering
    elif _in_circumstances(anchor if noun is None else noun, verb):
        predicate = None  # "rallied behind her 226 yards": what the subject did, not what befell the yards
    else:
        predicate = _predicate(verb)
    return Reading(counted, predicate, holder=_holder(anchor, noun, verb),
                   happened=_happened(verb) if verb else None)  # fmt: skip


def read_rank(doc: Doc, start: int, end: int) -> Reading:
    """What a rank at characters ``start:end`` ranks and what happened to it: the common noun it describes, with
    the words between them ("the fifth *successful patrol*"), and that noun's verb, as for an amount; no figure
    when it describes no common noun ("came third", "the Third Republic")."""
    ordinal = next((t for t in doc if start <= t.idx < end), None)
    if ordinal is None:
        return Reading(None, None, figure=False)
    describing = ordinal
    while describing.dep_ in ("advmod", "amod") and describing.head.tag_.startswith("JJ"):
        if describing.head.i < describing.i:
            break
        describing = describing.head  # "the fifth successful patrol": the parse may hang the rank on the adjective
    if describing.dep_ not in ("amod", "nummod", "compound") or describing.head.i < describing.i:
        return Reading(None, None, figure=False)
    noun = describing.head
    if noun.tag_ not in ("NN", "NNS") or noun.lower_ in UNRANKED_NOUNS:
        return Reading(None, None, figure=False)  # "in the fourth quarter", "the third baseman": no series counted
    verb = _participle_of(noun) or _predicate_verb(noun)
    return Reading(_noun_phrase(noun, after=ordinal.i), _predicate(verb) if verb is not None else None,
                   happened=_happened(verb) if verb is not None else None)  # fmt: skip


def _counted_phrase(noun: Token, anchor: Token) -> str:
    """What an amount counts, as written (``_noun_phrase``); for a share, what has it without the name before
    it, which is its holder ("Orvel shares rose 3%": shares, Orvel's)."""
    share = anchor.head if _names_a_share(anchor.head) else None
    if share is not None and share.head.i == noun.i and share.i < noun.i:
        return _noun_phrase(noun, after=share.i)  # "a 3 percent chance": the chance, not "percent chance"
    whole = _prepositional_object(noun, "of") if _names_a_share(noun) else None
    if whole is not None and not any(t.like_num or t.tag_ in ("CD", "$") for t in whole.subtree):
        # "60 percent of the island's traffic": a share of what, without the words that point at it ("the
        # island's"), as two reports of the share write it alike
        return f"{_as_written(noun)} of {_noun_phrase(whole)}"
    name = _compound_name(noun) if share is not None else None
    return _noun_phrase(noun, after=name.i if name is not None else -1)


def _holder(anchor: Token, noun: Token | None, verb: Token | None) -> str | None:
    """Whose figure an amount is, when the sentence calls them by name: the owner of what it counts or of the
    noun it sizes ("Carrow's 40 buses", "Velmar Bank's $2 billion charge"), else the named subject of its
    verb when what is counted is not that subject ("Velmar Bank took a $2 billion charge", "Ana Ruiz scored
    30 points").  Two figures of two named holders are two facts, whatever else they share.  A headline
    written in title case names no one by its capitals ("Sheriff: Gunman Kills 1"), so it gives no holder."""
    if _in_title_case(anchor):
        return None
    owned = noun if noun is not None else _noun_above(anchor)
    owner = _owner(owned)
    if owner is not None or verb is None:
        return owner
    if owned is not None and (pronoun := _possessor(owned)) is not None:
        return _speaker_named(pronoun, verb)  # "Velmar Bank said its $2 billion charge ...": the bank's
    subject = _subject(verb)
    if subject is None:
        return None
    if noun is not None and subject.i == noun.i:
        # "Orvel shares rose 3%": what moved is the shares (``_moved_subject``), whose the name before them says
        return _name_before(noun) if _names_a_share(anchor.head) else None
    if subject.tag_ == "PRP":
        return _speaker_named(subject, verb)  # "Velmar Bank said it would book a $2 billion charge"
    if subject.tag_.startswith("NNP"):
        return _name(subject)
    if noun is not None and _names_a_share(noun):
        return _owner(subject) or _name_before(subject)  # "Lintgate's shares climbed 3%", "Orvel shares rose 3%"
    return None


#: Words of more than three letters a sentence needs, all capitalised, to be a title-case headline.
TITLE_CASE_WORDS = 4


def _in_title_case(token: Token) -> bool:
    """Whether the token's sentence is a headline in title case: every word of more than three letters,
    verbs too, capitalised ("Gunman Kills One At Troy Office"); a sentence full of names still has its verb."""
    words = [t for t in token.sent if t.is_alpha and len(t.text) > 3]
    return len(words) >= TITLE_CASE_WORDS and all(t.text[0].isupper() for t in words)


#: Pronouns that stand for the one who says the sentence they are in ("Velmar Bank said *it* ...").
SPEAKER_PRONOUNS = frozenset({"it", "its", "he", "his", "she", "her", "they", "their"})


def _possessor(noun: Token) -> Token | None:
    return next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in SPEAKER_PRONOUNS), None)


def _speaker_named(pronoun: Token, verb: Token) -> str | None:
    """The named subject of the verb that reports the pronoun's clause, for whom the pronoun stands:
    "Velmar Bank" of "Velmar Bank told regulators it may record a $3 billion charge"."""
    if pronoun.lower_ not in SPEAKER_PRONOUNS:
        return None
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return None
    speaker = _subject(clause.head)
    return _name(speaker) if speaker is not None and speaker.tag_.startswith("NNP") else None


def _noun_above(token: Token) -> Token | None:
    """The nearest noun above ``token`` before any verb: "charge" of "a $2 billion charge"."""
    current = token
    for _ in range(3):
        if current.head.i == current.i or current.head.tag_.startswith("VB"):
            return None
        current = current.head
        if current.tag_.startswith("NN"):
            return current
    return None


def _owner(noun: Token | None) -> str | None:
    """The named owner of a noun ("Velmar Bank's" of "Velmar Bank's charge"), or None."""
    if noun is None:
        return None
    owner = next((child for child in noun.children if child.dep_ == "poss"), None)
    return _name(owner) if owner is not None and owner.tag_.startswith("NNP") else None


def _name_before(noun: Token) -> str | None:
    """The proper name written before a common noun as its compound ("Orvel" of "Orvel shares"), or None."""
    name = _compound_name(noun)
    return _name(name) if name is not None else None


def _compound_name(noun: Token) -> Token | None:
    """The last word of the proper name written before a common noun as its compound, or None."""
    names = [child for child in noun.lefts if child.dep_ == "compound" and child.tag_.startswith("NNP")]
    return names[-1] if names else None


def _event_noun_over(counted: Token) -> str | None:
    """What happened to the counted things when they are the "of" (or "to") object of a noun naming a
    happening (``EVENT_NOUNS``): the sentence's own verb ("ordered", "blamed for") is about something else."""
    preposition = counted.head
    if counted.dep_ != "pobj" or preposition.lower_ not in ("of", "to") or not preposition.head.tag_.startswith("NN"):
        return None
    return EVENT_NOUNS.get(preposition.head.lower_)


#: Where an age stands for a noun ("the 3-year-old" as a subject or an object): someone of that age.  Only an
#: age: another measure's adjective in such a role is a misparse ("measuring 229 feet (70 metres) tall").
_NOMINAL_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative"})


def _measure(anchor: Token, kind: str | None, end: int) -> Reading | None:
    """The thing an amount measures and the dimension, or None when the amount measures no thing.
    ``end``: where the amount's words (its number and unit) end in the text."""
    unit = _unit_word(anchor)
    if kind == "length" and (placing := _placing_word(unit)) is not None:
        return _placed(placing)  # "sank 12 nautical miles off Port Selwyn": where the ship sank, not a sinking
    adjective = _measure_adjective(unit)
    thing: Token | None = None
    if adjective is not None:
        dimension = MEASURE_ADJECTIVES[adjective.lower_]
        if adjective.i == unit.head.i:  # the parse hangs the unit on the adjective: "90 metres tall"
            while adjective.dep_ == "conj" and adjective.head.i != adjective.i:
                adjective = adjective.head  # "90 metres tall and 12 metres wide": "wide" stands where "tall" does
            if adjective.dep_ == "amod":
                thing = adjective.head  # "a 3-year-old boy"
            elif adjective.dep_ == "appos" and adjective.head.tag_.startswith("NN"):
                thing = adjective.head  # "the boy, a 3-year-old, ..."
            elif adjective.dep_ in _NOMINAL_ROLES and dimension == _AGE:
                return Reading(None, dimension)  # "a 3-year-old was hurt": someone of that age, not named here
            elif adjective.head.tag_.startswith("VB"):
                thing = _measured_by(adjective.head)  # "the tower is 90 metres tall", "standing 70 m tall"
        elif unit.head.tag_.startswith("VB"):
            thing = _measured_by(unit.head)  # "standing 300 feet (91 metres) tall": the unit is the verb's object
    elif unit is not anchor and unit.dep_ in ("compound", "amod", "nmod") and kind in MEASURE_DIMENSIONS:
        dimension, thing = MEASURE_DIMENSIONS[kind], unit.head  # "a 450-pound gorilla", "an 11-hour flight"
    elif unit is not anchor and unit.idx >= end and kind in MEASURE_DIMENSIONS:
        # "a 60 metre crane", "a magnitude 6.2 quake": the parse hangs the number on the noun after its unit
        dimension, thing = MEASURE_DIMENSIONS[kind], unit
    elif (
        unit.dep_ in ("dobj", "attr")
        and (kind in MEASURE_DIMENSIONS or (kind is None and unit is anchor))
        and _base_form(unit.head) in MEASURING_VERBS
    ):
        # "a quake measuring 6.4 magnitude", "the catch weighed 40 kilograms": the verb's subject is measured;
        # a bare number so is its rating, when it has one ("an earthquake measuring 6.8": its magnitude)
        if kind is None:
            return _rating_measured(_measured_by(unit.head))
        dimension, thing = MEASURE_DIMENSIONS[kind], _measured_by(unit.head)
    elif unit is not anchor and unit.i < anchor.i and kind in MEASURE_DIMENSIONS:
        # the unit's word before the number: "the quake, magnitude 6.2, ...", "a quake of magnitude 6.2"; or
        # the dimension it names, whoever has it: "a quake with a magnitude of 6.2", "the quake had a magnitude of"
        dimension, thing = MEASURE_DIMENSIONS[kind], _described_by(unit) or _whose_dimension(unit)
    elif kind in MEASURE_DIMENSIONS and (named := _dimension_named(unit)) is not None:
        # "the quake had a depth of 10 km", "struck at a depth of 10 km": the dimension is named, not implied;
        # what has it, only when the sentence says (the verb a place hangs on may be anyone's: "listed")
        dimension, thing = named.lower_, _whose_dimension(named)
        if thing is None:
            return Reading(None, dimension)
    elif kind == "age" and (aged := _aged_noun(anchor)) is not None:
        dimension, thing = _AGE, aged  # "two boys, aged 9 and 11, ...", "the victims, ages 14 to 16, ..."
    elif kind == "age" and (verb := _verb_of_age(anchor)) is not None:
        # "she was 77", "died at 81", "retired at the age of 58": the age of the verb's subject, then
        dimension, thing = _AGE, _measured_by(verb)
    elif anchor.dep_ == "appos" and kind in (None, "age") and anchor.head.tag_.startswith("NN"):
        dimension, thing = _AGE, anchor.head  # "Ana Ruiz, 58, ..."
    if thing is not None and thing.tag_ == "PRP" and (adjective is not None or dimension == _AGE):
        return Reading(None, dimension)  # "he was 3 years old", "he was 77": of someone another sentence names
    if thing is None or not (thing.tag_.startswith("NN") or _participle_as_noun(thing)):
        return None
    if thing.tag_.startswith("NNP"):
        return Reading(_name(thing), dimension)  # "Ferry captain Ivo Brandt, 61": Ivo Brandt's age
    named = _named_beside(thing)
    if named is not None:
        # "the 36-year-old champion Ivo Brandt", "Ivo Brandt, a 36-year-old ferry captain": Ivo Brandt's age
        return Reading(_name(named), dimension)
    # The measure itself is no part of the thing's name: "a 450-pound gorilla" measures a "gorilla", and "a 60
    # metre crane" a "crane" (the number and its unit hang on the crane there: its words before it in the amount).
    measure = (adjective or unit).subtree if thing is not unit else (t for t in thing.lefts if _of_the_amount(t, end))
    measure_end = max((token.i for token in measure), default=-1)
    return Reading(_noun_phrase(thing, after=measure_end if measure_end < thing.i else -1), dimension)


def _placing_word(unit: Token) -> Token | None:
    """The word a distance places something by (``PLACING_WORDS``), which the parse hangs the unit on ("12 nautical
    miles off"), or hangs beside it on one verb ("trapped 400 metres | under the hillside")."""
    if unit.dep_ != "npadvmod":
        return None
    if unit.head.lower_ in PLACING_WORDS:
        return unit.head
    after = unit.doc[unit.i + 1] if unit.i + 1 < len(unit.doc) else None
    if after is not None and after.lower_ in PLACING_WORDS and after.head.i == unit.head.i:
        return after
    return None


def _placed(word: Token) -> Reading:
    """The thing a distance places and the dimension its placing word gives (``PLACING_WORDS``): the noun the word
    hangs on ("the warship, 13 nautical miles away"), or the subject of a verb saying where a thing is ("the
    epicentre was located 34 miles west", ``LOCATING_VERBS``)."""
    dimension = PLACING_WORDS[word.lower_]
    head = word.head
    thing: Token | None = None
    if head.tag_.startswith("NN"):
        thing = head
    elif head.tag_.startswith("VB") and (head.lower_ in LOCATING_VERBS or _base_form(head) in LOCATING_VERBS):
        thing = head.head if head.dep_ == "acl" else _subject(head)
    if thing is None or not thing.tag_.startswith("NN"):
        # "the ferry sank 12 nautical miles off Port Selwyn": where it sank, the sinking no thing to name; "it was
        # 30 km south of Orran": a thing named in another sentence
        return Reading(None, dimension)
    if thing.tag_.startswith("NNP"):
        return Reading(_name(thing), dimension)
    return Reading(_noun_phrase(thing), dimension)


def _participle_as_noun(word: Token) -> bool:
    """A participle standing as a noun, with its article, as subject or object ("*the accused* of firing the
    shot goes on trial", "police questioned *the injured*"): those it tells of."""
    return (
        word.tag_ in ("VBN", "VBG")
        and word.dep_ in _NOMINAL_ROLES
        and any(child.dep_ == "det" for child in word.children)
    )


def _dimension_named(unit: Token) -> Token | None:
    """The dimension a measure is "of" ("a depth of 10 km": depth), when the word names one (not an age, which
    the age words read)."""
    noun = _of_head(unit)
    return noun if noun is not None and noun.lower_ in DIMENSIONS and noun.lower_ != _AGE else None


#: Verbs whose object is a dimension of their subject ("the quake had a depth of 10 km").
_HAVING_VERBS = frozenset({"have", "be"})


def _whose_dimension(dimension: Token) -> Token | None:
    """The thing a named dimension belongs to: the subject of the verb it is the object of ("the quake had a
    depth of ..."), the noun it describes ("a tunnel with a length of ..."), or its possessor ("the quake's
    depth of ..."); None when the sentence does not say."""
    owner = next((child for child in dimension.children if child.dep_ == "poss"), None)
    if owner is not None:
        return owner
    head = dimension.head
    if dimension.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head  # "a tunnel with a length of 2 km"; "struck at a depth of 10 km" names no owner
        return head if head.tag_.startswith("NN") else None
    if head.i == dimension.i:
        return None
    if head.tag_.startswith("VB"):
        # "reached a depth of 40 metres" is where divers got to, no measure of them
        return _measured_by(head) if _base_form(head) in _HAVING_VERBS | MEASURING_VERBS else None
    return head if head.tag_.startswith("NN") else None


def _rating_measured(thing: Token | None) -> Reading | None:
    """A bare number a measuring verb gives a rated noun (``RATED_NOUNS``): its rating, in the noun's unit,
    whether one thing or several are measured ("two quakes, measuring 5.8 and 5.2": two magnitudes)."""
    if thing is None:
        return None
    word = thing.lower_
    rating = RATED_NOUNS.get(word[:-1] if thing.tag_ == "NNS" and word.endswith("s") else word)
    if rating is None:
        return None
    return Reading(_noun_phrase(thing), MEASURE_DIMENSIONS[UNIT_KINDS[rating]], unit=rating)


def _of_the_amount(token: Token, end: int) -> bool:
    """Whether a word before a measured noun belongs to the amount: written in it, or a number or a unit
    standing beside it ("the 5.1 and 4.8 magnitude quakes")."""
    return token.idx < end or token.like_num or UNIT_AFTER.fullmatch(token.text) is not None


def _described_by(phrase: Token) -> Token | None:
    """The noun a phrase describes as its apposition ("the quake, magnitude 6.2") or after "of" ("a quake of
    magnitude 6.2")."""
    return _nearest_conjunct(phrase) if phrase.dep_ == "appos" else _of_head(phrase)


def _of_head(token: Token) -> Token | None:
    """The word an "of" phrase holding ``token`` hangs on ("depth" of "a depth of 10 km"), or None."""
    preposition = token.head
    if token.dep_ != "pobj" or preposition.lower_ != "of" or preposition.head.i == preposition.i:
        return None
    return preposition.head


#: How far above a number its age word may stand ("aged 9 and 11": 11 → 9 → aged; "ages 14 to 16": 16 → to → ages).
_AGE_WORD_STEPS = 3


def _aged_noun(anchor: Token) -> Token | None:
    """The noun an age phrase describes, when the phrase's age word (``ages.AGE_WORDS``) stands beside it as an
    apposition or a participle: "two boys, aged 9 and 11", "the victims, ages 14 to 16"."""
    token = anchor
    for _ in range(_AGE_WORD_STEPS):
        if token.lower_ in AGE_WORDS or token.head.i == token.i:
            break
        token = token.head
    if token.lower_ in AGE_WORDS and token.dep_ in ("appos", "acl") and token.head.tag_.startswith("NN"):
        return _nearest_conjunct(token)
    return None


def _verb_of_age(anchor: Token) -> Token | None:
    """The verb an age is told by: the copula it completes ("she was 77"), or the verb it is "at" of ("died at
    81", "retired at the age of 58": how old the subject was when it happened)."""
    if anchor.dep_ in ("attr", "acomp") and _base_form(anchor.head) == "be":
        return anchor.head
    phrase = anchor
    if anchor.head.lower_ == "of" and anchor.head.head.lower_ in AGE_WORDS:
        phrase = anchor.head.head  # "at the age of 58"
    if phrase.dep_ == "pobj" and phrase.head.lower_ == "at" and phrase.head.head.tag_.startswith("VB"):
        return phrase.head.head
    return None


def _nearest_conjunct(phrase: Token) -> Token:
    """The noun a phrase set after coordinated nouns describes: the parse hangs it on the first of them, but it
    describes the one right before it ("a teacher and two pupils, aged 12 and 13": the pupils)."""
    noun = phrase.head
    between = [c for c in noun.conjuncts if noun.i < c.i < phrase.i and c.tag_.startswith("NN")]
    return max(between, key=lambda c: c.i) if between else noun


def _measured_by(verb: Token) -> Token | None:
    """What the verb of a measure ("is", "standing", "measuring") says is measured: its subject, or for a
    participle the noun it describes ("the rocket, standing ...") or the subject of the clause it opens
    ("Standing 70 metres tall and weighing 500 tonnes, the rocket ..."); for a relative clause the noun it
    describes ("the tower, which is 90 metres tall, ...")."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head  # "spreading 40 feet at the base and standing 230 feet tall": the first one's
    if verb.dep_ == "acl":
        return verb.head
    subject = _subject(verb)
    if subject is None and verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN"):
        set_off = _noun_set_off_before(verb)
        # "after two quakes, measuring 6.2 and 5.9, struck ...": a participle set off right after a noun
        # describes that noun, even where the parse hangs it on the main verb ("sent")
        return set_off if set_off is not None else _subject(verb.head)
    if subject is not None and subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        return verb.head  # "the girl, who was 15 years old, ...": the noun the clause describes
    return subject


def _noun_set_off_before(participle: Token) -> Token | None:
    """The noun written right before a participle and the comma that sets it off ("two quakes, measuring"),
    or None (the participle opens its sentence, or follows anything else)."""
    if participle.i < 2 or participle.nbor(-1).text != ",":
        return None
    noun = participle.nbor(-2)
    return noun if noun.tag_.startswith("NN") else None


def _measure_adjective(unit: Token) -> Token | None:
    """The adjective that says which dimension a unit measures (``MEASURE_ADJECTIVES``): the one the parse
    hangs it from ("90 metres *tall*"), else the word written right after it and its bracketed conversion,
    whatever the parse made of them ("measuring 300 feet (91 metres) *tall*")."""
    if unit.dep_ == "npadvmod" and unit.head.lower_ in MEASURE_ADJECTIVES:
        return unit.head
    after = _word_after_measure(unit)
    return after if after is not None and after.lower_ in MEASURE_ADJECTIVES else None


def _word_after_measure(unit: Token) -> Token | None:
    """The word after a unit, past a bracket that follows it ("300 feet (91 metres) tall" → "tall")."""
    doc, index = unit.doc, unit.i + 1
    if index < len(doc) and doc[index].tag_ == "-LRB-":
        closing = next((t.i for t in doc[index:] if t.tag_ == "-RRB-"), None)
        if closing is None:
            return None
        index = closing + 1
    return doc[index] if index < len(doc) else None


def _unit_word(anchor: Token) -> Token:
    """The word an amount's number is the number of ("feet" of "300 feet"), or the number itself."""
    return anchor.head if anchor.dep_ in ("nummod", "quantmod") else anchor


def _converted_amount(anchor: Token) -> Token | None:
    """The number of the amount a bracketed conversion restates ("300" of "300 feet (91 metres) tall"),
    whose counted thing and predicate the conversion shares; None when ``anchor`` is no conversion."""
    unit = _unit_word(anchor)
    if unit.dep_ != "appos" or unit.head.i > unit.i or not unit.head.tag_.startswith("NN"):
        return None
    return next((c for c in unit.head.children if c.dep_ in ("nummod", "quantmod")), None)


def _name_right_after(noun: Token) -> Token | None:
    """The last word of a proper name written right after a common noun ("champion *Ivo Brandt*", "her son
    *Tom*") or set off after it by a comma ("the mayor, *Idris Kellaway*,"), which names the one the noun
    means; not a day or month ("the boy Saturday")."""
    last: Token | None = None
    for token in noun.doc[noun.i + 1 :]:
        if not token.tag_.startswith("NNP") or token.lower_ in CALENDAR_WORDS:
            break
        last = token
    if last is not None and last.dep_ == "compound" and last.head.i > last.i:
        return None  # "an 11th hour Varney rule": the name says whose regulation, not which hour
    comma = noun.i + 1
    if last is None and comma < len(noun.doc) and noun.doc[comma].text == ",":
        # "the town's 61-year-old mayor, Idris Kellaway, ...": a name set off by a comma as the noun's apposition
        last = next((c for c in noun.rights if c.dep_ == "appos" and c.tag_.startswith("NNP")
                     and c.left_edge.i == comma + 1), None)  # fmt: skip
    return last


def _what_or_who(thing: Token) -> str:
    """A noun phrase, or for a common noun beside a proper name the name: "her cousin, Ana Ruiz," is Ana Ruiz."""
    named = None if thing.tag_.startswith("NNP") else _named_beside(thing)
    return _name(named) if named is not None else _noun_phrase(thing)


def _named_beside(noun: Token) -> Token | None:
    """The proper name written beside a common noun that says which one it means (``_name_right_after``,
    ``_name_set_before``)."""
    return _name_right_after(noun) or _name_set_before(noun)


def _name_set_before(noun: Token) -> Token | None:
    """The proper name a common noun describes when it is set off after it as its apposition ("Ana Ruiz, a
    41-year-old nurse, ..."): the noun says who she is, the name which one; not a day ("Friday, a 12-hour
    shift")."""
    name = noun.head
    if noun.dep_ != "appos" or name.i > noun.i or not name.tag_.startswith("NNP") or name.lower_ in CALENDAR_WORDS:
        return None
    return name


#: Capitalised words of the calendar, which are no one's name.
CALENDAR_WORDS = terms("crosswire.annotate", "weekdays") | terms("crosswire.annotate", "months")


def _name(noun: Token) -> str:
    """A proper noun with the proper nouns right before it, and an "of" and proper nouns right after it:
    "Ivo Brandt", "Bank of Lumeria", without a title or role."""
    first = noun
    while first.i > 0 and first.doc[first.i - 1].tag_.startswith("NNP"):
        first = first.doc[first.i - 1]
    last = noun
    doc = noun.doc
    if last.i + 2 < len(doc) and doc[last.i + 1].lower_ == "of" and doc[last.i + 2].tag_.startswith("NNP"):
        last = doc[last.i + 2]
        while last.i + 1 < len(doc) and doc[last.i + 1].tag_.startswith("NNP"):
            last = doc[last.i + 1]
    return doc[first.i : last.i + 1].text


def check_measure(entry: Entry) -> None:
    """The lexicon check: the example's amount reads as the measured thing and its dimension (the label)."""
    assert entry.value["label"] in _claims_read(entry.example), (entry.term, _claims_read(entry.example))


def check_measuring_verb(entry: Entry) -> None:
    """The lexicon check: the example's amount measures the verb's subject (the claim is the value)."""
    assert entry.value in _claims_read(entry.example), (entry.term, _claims_read(entry.example))


def check_price_word(entry: Entry) -> None:
    """The lexicon check: the example's sum is the price of the thing the entry says (the claim)."""
    assert entry.value["claim"] in _claims_read(entry.example), (entry.term, _claims_read(entry.example))


def _claims_read(example: str) -> list[str]:
    """The claims ("counted predicate") the quantity stage reads in a lexicon's example."""
    from crosswire.annotate.quantities import QuantityStage  # the stage runs this module
    from crosswire.model import Annotations, Article

    article = QuantityStage()(Article("example", "record", "lexicon", example, annotations=Annotations()))
    assert article.annotations is not None
    return [f"{q.counted} {q.predicate}" for q in article.annotations.quantities]


#: The rest of a tally written as one word after its first number: "of-34" of "29-of-34 passes", "for-4".
TALLY_REST = re.compile(r"(?:of|for)-\d+", re.IGNORECASE)


#: A model's name written with its number ("AK-47", "F-16", "MiG-29", "A320"), which a count may stand before.
_MODEL_WITH_NUMBER = re.compile(r"[A-Z][A-Za-z]{0,3}-?\d+[A-Za-z]?")


def _counted_noun(anchor: Token) -> Token | None:
    model = anchor.head
    if anchor.dep_ in ("compound", "nummod") and _MODEL_WITH_NUMBER.fullmatch(model.text) and model.head.tag_ == "NNS":
        return model.head  # "six AK-47 rifles", "two F-16 jets": the rifles and the jets, of that model
    if anchor.dep_ in ("nummod", "quantmod") and anchor.head.tag_.startswith("NN"):
        noun = anchor.head
        if TALLY_REST.fullmatch(noun.text) and noun.dep_ == "compound" and noun.head.tag_.startswith("NN"):
            return noun.head  # "completed 29-of-34 passes": passes completed
        if _names_a_share(noun) and _prepositional_object(noun, "of") is None:
            # "Turnout was 52 percent", "the rate rose to 4 percent": the share is its subject's; "a 3 percent
            # chance of survival", "a blood alcohol level of 0.2%": the share is the value of the noun it
            # describes, which says what was measured ("percent" says only what the number is in)
            return _valued_subject(noun) or _moved_subject(noun) or _share_of_noun(noun) or noun
        return noun
    of_object = _prepositional_object(anchor, "of")
    if _stands_for_things_before(of_object):
        return _counted_before(anchor)  # "300 miners were trapped, and 41 of them were rescued": 41 miners
    if of_object is not None:
        # "18 of the 25 arrested": the whole is a number too, and names what it counts by its participle
        return _counted_participle(of_object) if of_object.tag_ == "CD" else of_object
    if (described := _counted_participle(anchor)) is not None:
        return described  # "the 25 arrested", "the three injured": those the participle tells of
    head = anchor.head
    if anchor.dep_ == "pobj" and head.lower_ == "of" and head.head.tag_ in ("NN", "NNS"):
        return head.head  # "a loss of around $3 billion", "a crowd of 22,000": what the amount is
    if anchor.dep_ in _NOMINAL_ROLES and (whole := _fronted_whole(head)) is not None:
        return whole  # "Of the 52 passengers, 40 were injured": 40 passengers
    return _valued_subject(anchor)


def _counted_before(part: Token) -> Token | None:
    """The things a part of "them" counts ("41 of them"): the nearest plural noun before it in its sentence that a
    number counts itself ("more than 300 miners"), the whole the part is taken from; None when no number
    counted any ("the miners were trapped, and 41 of them ...": who "them" are is the reader's guess)."""
    for token in reversed(part.doc[part.sent.start : part.i]):
        if token.tag_ in ("NNS", "NNPS") and any(child.dep_ == "nummod" for child in token.children):
            return token
    return None


#: Words standing for things counted before, whose part an amount may be ("41 of *them*").
_THINGS_BEFORE = frozenset({"them", "those", "these"})


def _refers_back(part: Token) -> bool:
    """Whether the amount is a part of "them", "those" or "these" ("41 of them"): its whole was counted before
    ("two of us" counts the speakers)."""
    return _stands_for_things_before(_prepositional_object(part, "of"))


def _stands_for_things_before(word: Token | None) -> bool:
    return word is not None and word.lower_ in _THINGS_BEFORE


def _in_whole_of(noun: Token, anchor: Token) -> bool:
    """Whether the counted noun lies in the "of" phrase naming the whole the amount is a part of: its own ("three
    *of the 12 climbers*", "18 *of the 25 arrested*") or one opening its clause ("*Of the 52 passengers*, 40 ...")."""
    token = noun
    for _ in range(3):
        if token.head.i == token.i:
            return False
        if token.dep_ == "pobj" and token.head.lower_ == "of":
            of = token.head
            return of.head.i == anchor.i or (of.head.i == anchor.head.i and of.i < anchor.i)
        token = token.head
    return False


def _counted_participle(number: Token) -> Token | None:
    """The participle a bare number stands with as a noun ("the 25 *arrested*", "the three *injured*"), or None.
    Not a sum's ("the $5 million *raised*"): what befell the money, not what it counts."""
    if number.tag_ == "$" or any(child.tag_ == "$" for child in number.children):
        return None
    return next((child for child in number.rights if child.dep_ in ("acl", "amod") and child.tag_ == "VBN"), None)


def _fronted_whole(verb: Token) -> Token | None:
    """The plural noun of an "of" phrase opening the verb's clause ("*Of the 52 passengers*, 40 were injured"):
    the whole that the clause's bare figures are parts of; None when the clause opens with none."""
    if not verb.tag_.startswith("VB"):
        return None
    for child in verb.lefts:
        if child.dep_ == "prep" and child.lower_ == "of":
            noun = next((grand for grand in child.children if grand.dep_ == "pobj"), None)
            if noun is not None and noun.tag_ == "NNS":
                return noun
    return None


def _valued_subject(amount: Token) -> Token | None:
    """The subject an amount is the value of, as the complement of a verb of change or of being: "the death
    toll rose to 57", "the toll is 57", or the object a verb set to it ("raising the toll to 57"); None when the
    amount is no such complement."""
    head = amount.head
    if amount.dep_ == "pobj" and head.lower_ in _VALUE_PREPOSITIONS and head.head.tag_.startswith("VB"):
        # "brought the toll to 31", "put the damage at $2 million": what the verb set has the value, not its subject
        return _object(head.head) or _subject(head.head)
    if amount.dep_ == "attr" and head.tag_.startswith("VB"):
        return _subject(head)
    return None


def _moved_subject(share: Token) -> Token | None:
    """What moved by a share, the subject of a verb of change whose only object is the share ("Velmar shares rose
    6 percent": shares; "its profit fell 6%": profit); None for a name ("Velmar lost 6%": the share's holder,
    which the holder reading gives) or a verb with another object ("the firm cut prices 6 percent")."""
    verb = share.head
    if share.dep_ not in ("dobj", "npadvmod") or not verb.tag_.startswith("VB") or verb.lower_ not in CHANGE_WORDS:
        return None
    if any(child.dep_ == "dobj" and child is not share for child in verb.children):
        return None
    subject = _subject(verb)
    return subject if subject is not None and subject.tag_ in ("NN", "NNS") else None


def _share_of_noun(share: Token) -> Token | None:
    """The common noun a share is the value of: the one it describes, written before it ("a 3 percent *chance*",
    "a 35 percent corporate *tax*"), or the one whose "of" phrase it is ("a blood alcohol *level* of 0.2%", "a
    *turnout* of 52 percent"); None otherwise ("60 percent of the traffic" says what it is a share of)."""
    described = share.dep_ in ("compound", "nmod", "amod", "npadvmod") and share.head.i > share.i
    noun = share.head if described else _of_head(share)
    return noun if noun is not None and noun.tag_ in ("NN", "NNS") and not _names_a_share(noun) else None


def _names_a_share(noun: Token) -> bool:
    """Whether the noun is the word of a share ("percent"), which says what a number is in, not what it counts."""
    return _unit_kind(noun) == "proportion"


def _unit_kind(word: Token) -> str | None:
    """The kind of unit the word names ("percent": proportion, "years": time), or None when it names none."""
    return UNIT_KINDS.get(unit_for(word.lower_))


#: Unit kinds of sums of money: a sum's "in" phrase may say what it is ("$40 million in damage"), and it may be a
#: price ("buy the mill for $400,000").
MONEY_KINDS = frozenset({"currency", "money"})


def _priced_thing(amount: Token) -> Token | None:
    """The thing a sum is the price of (``PRICE_WORDS``): the object of a verb of buying or selling whose "for"
    phrase the sum is ("buy Tallow Freight for $900 million"), the "for" phrase of "pay" whose object the sum is
    ("pay $1.2 billion for Tallow Freight"), or the "of"/"for" phrase of a deal the sum is written before ("the
    $1.3 billion takeover of Tallow Freight"); None when the sum is no price."""
    head = amount.head
    thing: Token | None = None
    if amount.dep_ == "pobj" and head.lower_ == "for" and head.head.tag_.startswith("VB"):
        thing = _object(head.head) if _base_form(head.head) in PRICE_WORDS["verb"] else None
    elif amount.dep_ == "dobj" and _base_form(head) in PRICE_WORDS["pay"]:
        thing = _prepositional_object(head, "for")
    elif amount.dep_ in ("nummod", "compound", "nmod", "amod") and head.lower_ in PRICE_WORDS["noun"]:
        thing = _prepositional_object(head, "of") or _prepositional_object(head, "for")
    # A thing, not a doing: "was paid $3 million for directing the film" is a fee, no price of anything.
    return thing if thing is not None and thing.tag_.startswith("NN") else None


def _prepositional_object(word: Token, preposition: str) -> Token | None:
    """The object of the word's phrase with ``preposition`` ("Tallow Freight" of "for Tallow Freight")."""
    for child in word.children:
        if child.dep_ == "prep" and child.lower_ == preposition:
            return next((grand for grand in child.children if grand.dep_ == "pobj"), None)
    return None


def _what_the_sum_is(amount: Token) -> Token | None:
    """What a sum of money is, named by a bare noun in an "in" phrase on the amount ("$40 million *in damage*",
    "$1.9 billion *in* quarterly *earnings*"): a noun with an article or a name is where or when the money went
    ("in the harbour", "in the third quarter", "in Carrow"), and a span of time is when ("in years")."""
    noun = _prepositional_object(amount, "in")
    if noun is None or noun.tag_ not in ("NN", "NNS") or any(t.dep_ in ("det", "poss") for t in noun.children):
        return None
    return None if _unit_kind(noun) == "time" else noun


#: Roles of a clause's subject.
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _subject(verb: Token) -> Token | None:
    return next((child for child in verb.children if child.dep_ in _SUBJECTS), None)


def _object(verb: Token) -> Token | None:
    return next((child for child in verb.children if child.dep_ == "dobj"), None)


def _noun_phrase(noun: Token, after: int = -1) -> str:
    """The noun with the modifiers touching it that say which ones were counted, as written
    ("first-team players", "Air defences"), and an "of" phrase without article ("prisoners of war");
    nothing at or before token ``after``."""
    first = noun
    for child in reversed(list(noun.lefts)):
        if child.tag_ == "HYPH" and child.i == first.i - 1 and child.i > 0:
            # "Hewlett-Packard": the parse hangs the hyphen of a name, and its first part, on its last word;
            # the name ends the phrase ("services company Hewlett-Packard" names the company by it).
            first = noun.doc[child.i - 1]
            break
        if child.dep_ not in _NOUN_PHRASE_MODIFIERS or child.tag_ == "CD" or child.right_edge.i != first.i - 1:
            break
        first = child.left_edge
    if first.i <= after:
        first = noun.doc[min(after + 1, noun.i)]
    while first.i < noun.i and (first.tag_ == "CD" or first.is_punct or first.dep_ in ("det", "poss", "nummod")):
        first = first.doc[first.i + 1]
    last = noun
    of_object = _prepositional_object(noun, "of")
    if (
        of_object is not None
        and not any(child.dep_ in ("det", "poss") for child in of_object.children)
        and not any(t.like_num or t.tag_ in ("CD", "$") for t in of_object.subtree)  # "a loss of $3 billion"
    ):
        last = of_object
    # A bracket after the noun ("pounds (63,500 kg) of cargo") restates or explains it, and names nothing counted.
    bracketed = {t.i for child in noun.rights if child.dep_ == "appos" and child.i < last.i for t in child.subtree}
    words = [t for t in noun.doc[first.i : last.i + 1] if t.i not in bracketed and t.tag_ not in ("-LRB-", "-RRB-")]
    return " ".join(_as_written(token) for token in words).replace(" - ", "-")


def _as_written(token: Token) -> str:
    return token.text if token.tag_.startswith("NNP") else token.lower_


#: Prepositions whose span of time ends where the verb happens: "surrendered *after* two hours", "arrived *within*
#: a minute", "the rules take effect *in* 30 days".
_ENDING_SPAN = frozenset({"after", "within", "in"})
#: How a predicate says that its figure is the time that passed before the happening.
TIME_BEFORE = "before "


def _span_before(noun: Token | None, verb: Token) -> bool:
    """Whether the counted unit of time is a span that ends in the verb's happening (``_ENDING_SPAN``): the figure
    is how long it took, not something the verb did to hours or days.  A span "in" or "within" that a determiner
    names ("scored twice in the final 10 minutes", "within the first hour") is the period it happened in."""
    if noun is None or noun.dep_ != "pobj" or noun.head.lower_ not in _ENDING_SPAN or noun.head.head != verb:
        return False
    return noun.head.lower_ == "after" or not any(child.dep_ in ("det", "poss") for child in noun.children)


def _gerund(verb: Token) -> str:
    """The verb as an -ing form with its particles and a bare noun it takes ("take effect", "make landfall"):
    "broken up" -> "breaking up", "will take effect" -> "taking effect"."""
    from lemminflect import getInflection

    lemma = _base_form(verb)
    forms = getInflection(lemma, tag="VBG")
    thing = _object(verb)
    idiom = [thing.lower_] if thing is not None and _bare_singular(thing) else []  # "take effect", as "took place"
    return " ".join([forms[0] if forms else lemma, *_particles(verb), *idiom])


#: Participles that describe what they follow, not what befell it (``lexicons/describing_participles.json``).
_DESCRIBING_PARTICIPLES = terms("crosswire.annotate.quantities", "describing_participles")


def _participle_of(noun: Token) -> Token | None:
    """A past participle right after the counted noun that tells what befell the things counted, in a clause of its
    own ("12 people *injured* in the blast were taken to hospital", "with four minutes *left*"), unless the clause's
    verb acts on them itself ("rescuers freed 30 people trapped under the rubble": what was done is the freeing).
    A present participle describes them rather ("the 20 workers building the bridge went on strike")."""
    if noun.dep_ in ("dobj", "obj"):
        return None
    participle = _participle_after(noun)
    if participle is None or participle.lower_ in _DESCRIBING_PARTICIPLES:
        return None  # "4 ships suspected of smuggling were impounded": what they are taken for, not what befell them
    return participle


def _participle_after(noun: Token) -> Token | None:
    """A past participle the parse hangs on the noun right after it ("23 people *injured*")."""
    return next((c for c in noun.rights if c.dep_ == "acl" and c.tag_ == "VBN" and c.i == noun.i + 1), None)


def _predicate_verb(token: Token) -> Token | None:
    current = token
    in_a_modifier = in_a_list = False
    while current.head.i != current.i:
        in_a_modifier = in_a_modifier or current.dep_ == "pobj"
        in_a_list = in_a_list or current.dep_ == "conj"
        if current.dep_ == "appos" and in_a_modifier and not in_a_list:
            # "Two hotels in Orran, a town of 16,000 people, collapsed": an appositive describes the noun it
            # stands beside, and a figure in its modifier ("of 16,000 people") is no object of the clause's verb.
            # Not in a list, which the parse may read as appositives ("damaged 14 hotels, 1,600 houses, 40
            # churches including ..., 8 bridges").
            return None
        current = current.head
        if current.dep_ == "prep" and current.lower_ == "of" and in_a_modifier and _names_a_whole(current):
            # "Of the 52 passengers, 40 were injured", "three of the 12 climbers reached the top": the "of" phrase
            # names the whole the clause tells a part of; what befell the part did not befall all 52.
            return None
        if current.tag_.startswith("VB") and current.dep_ == "prep":
            # A participle standing as a preposition names no happening.  "Damaged 300 homes, including 12
            # schools": the members of a noun share what befell it; "according to two witnesses, the car sped
            # away": what the clause tells did not happen to them.
            if current.head.tag_.startswith("NN"):
                continue
            return None
        if current.tag_.startswith("VB"):
            return current
    return current if current.tag_.startswith("VB") else None


#: Prepositions that set a thing in a verb's circumstances (``lexicons/circumstance_prepositions.json``), and
#: the verbs whose "with" is their own (``lexicons/verbs_taking_with.json``).
_CIRCUMSTANCES = terms("crosswire.annotate.quantities", "circumstance_prepositions")
_TAKING_WITH = terms("crosswire.annotate.quantities", "verbs_taking_with")


def _in_circumstances(token: Token, verb: Token) -> bool:
    """Whether the way up from ``token`` to ``verb`` passes a preposition of circumstance: "rallied *behind*
    her 226 yards", "returned *with* 33 knockouts".  Not for a participle the thing itself governs ("with six
    minutes *left*"): it tells what befell the thing, wherever the thing stands."""
    if verb not in token.ancestors:
        return False
    current = token
    while current.i != verb.i:
        if current.dep_ == "pobj" and current.head.lower_ in _CIRCUMSTANCES:
            preposition = current.head
            own = preposition.lower_ == "with" and preposition.head.i == verb.i and _base_form(verb) in _TAKING_WITH
            return not own  # "charged with two counts": the verb's own "with"
        current = current.head
    return False


def _names_a_whole(of: Token) -> bool:
    """Whether an "of" phrase holds the whole of a part the clause tells: it opens the clause of its verb ("Of the
    52 passengers, 40 ...") or follows a number or a fraction ("three of the 12 climbers", "half of the 60")."""
    return (of.head.tag_.startswith("VB") and of.i < of.head.i) or of.head.like_num or of.head.lower_ in FRACTIONS


#: Words that tell a figure as not (yet) having happened (``lexicons/unrealised.json``), by kind.
_UNREALISED = mapping("crosswire.annotate.quantities", "unrealised")
_MODALS = frozenset(word for word, kind in _UNREALISED.items() if kind == "modal")
_INTENT_VERBS = frozenset(word for word, kind in _UNREALISED.items() if kind == "intent")
_CONDITIONS = frozenset(word for word, kind in _UNREALISED.items() if kind == "condition")
#: How a verb completes the verb above it, where that verb's intent or modal is the figure's too ("plan to
#: launch", "expect the storm to flood"); a relative or a reported clause ("a fire that caused ... may have been
#: set", "said 12 were killed") tells its own.
_COMPLETES = frozenset({"xcomp", "ccomp"})


def _happened(verb: Token) -> bool | None:
    """Whether the verb tells its figure as done (past tense or perfect: "killed 12", "have been rescued"), as
    not (yet) done (a modal of possibility, a verb of intent it completes, a condition: "could force",
    "plan to launch", "if the wall gives way, it will bury"), or neither (None: "12 people are missing")."""
    current = verb
    while True:
        for child in current.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in _MODALS:
                return False
            if child.dep_ == "mark" and child.lower_ in _CONDITIONS:
                return False  # the figure lies in the condition: "if the blast had killed 40"
            if child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in _CONDITIONS for g in child.children):
                return False  # the figure is what follows from one: "if the wall gives way, it will bury 30 houses"
        if current is not verb and _base_form(current) in _INTENT_VERBS:
            return False
        if current.dep_ not in _COMPLETES or current.head.i == current.i:
            break
        current = current.head
    if verb.tag_ == "VBD":
        return True
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if any(child.tag_ == "VBD" or child.lower_ in ("has", "have", "had") for child in auxiliaries):
        return True
    return None


def _predicate(verb: Token) -> str:
    """What happened, as the verb (with its particle) or the state a linking verb gives, and "not" before it
    when the verb is negated: "the two incidents were not related" says they were not.  Verbs coordinated with
    it over the same figure are joined by "and": "six rifles were found and confiscated", "police arrested and
    charged three men" tell both happenings of the same things."""
    return COORDINATED.join(_negated(v) + _affirmed(v) for v in _coordinated(verb))


def _negated(verb: Token) -> str:
    return "not " if any(child.dep_ == "neg" for child in verb.children) else ""


#: How a predicate joins verbs coordinated over one figure ("were found and confiscated").
COORDINATED = " and "
#: What gives a verb an object of its own.
_OBJECTS = frozenset({"dobj", "attr", "oprd"})
#: What a verb coordinated before another may hold and still share the other's object: its subject, auxiliaries,
#: a negation or an adverb, and the coordination itself.
_BARE_VERB_PARTS = frozenset({"nsubj", "aux", "neg", "advmod", "cc", "conj", "punct"})


def _coordinated(verb: Token) -> list[Token]:
    """The verb and the verbs coordinated with it over the same things, in the same form and the order written:
    "were found and confiscated" (the conjunct has no subject or object of its own), "arrested and charged three
    men" (the parse hangs the object on the last verb; the first has no object or passive subject of its own).
    A conjunct with an object of its own ("killed three people and injured 11") tells another happening."""

    def no_object(other: Token) -> bool:
        # In the verb's own form: "were hurt and went home" tells a second happening, not a second word for it.
        return other.tag_ == verb.tag_ and not any(child.dep_ in _OBJECTS for child in other.children)

    # The verb before shares the figure only when it has nothing of its own but a subject ("police arrested and
    # charged three men"): a passive subject is its own patient ("two were killed and 11 injured"), a complement
    # its own happening ("crawled through a barrier and fell 12 feet": the feet were fallen, not crawled).
    before = [verb.head] if verb.dep_ == "conj" and no_object(verb.head) and all(
        child.dep_ in _BARE_VERB_PARTS for child in verb.head.children) else []  # fmt: skip
    # A conjunct after the verb shares only its subject: over the same things when they are that subject ("six
    # rifles were found and confiscated"), not when they are the verb's object ("killed 12 and was felt widely").
    after = [child for child in verb.children
             if child.dep_ == "conj" and no_object(child) and not any(g.dep_ in _SUBJECTS for g in child.children)
             ] if no_object(verb) else []  # fmt: skip
    return [*before, verb, *after]


def _affirmed(verb: Token) -> str:
    if verb.lower_ in LINKING_VERBS or _base_form(verb) in LINKING_VERBS:
        state = next((child for child in verb.children if child.dep_ in ("acomp", "xcomp", "oprd")), None)
        if state is None and (thing := _object(verb)) is not None:
            # "left 23 people injured": the parse may hang the state on the object, as a participle after it
            state = _participle_after(thing)
        if state is not None:
            return state.lower_
    particles = _particles(verb)
    results = _results(verb)
    # "was found guilty", "was declared dead": an adjective the verb makes true of its subject is part of what
    # happened ("found" alone would be a discovery).
    verdict = [child.lower_ for child in verb.rights
               if child.dep_ in ("oprd", "acomp") and child.tag_ == "JJ" and child.i == verb.i + 1]  # fmt: skip
    return " ".join([verb.lower_, *particles, *(w for w in verdict if w not in results), *results])


def _particles(verb: Token) -> list[str]:
    """The particles of a phrasal verb: "shot *down*", "broke *up*" (one the parse reads as an adverb, right after)."""
    return [
        child.lower_
        for child in verb.children
        if child.dep_ == "prt" or (child.dep_ == "advmod" and child.lower_ in PARTICLES and child.i == verb.i + 1)
    ]


def _results(verb: Token) -> list[str]:
    """The verb's result phrases (``RESULTS``): a word after it ("dead"), or a preposition with its object
    ("to death")."""
    found = []
    for child in verb.rights:
        phrase = " ".join([child.lower_, *(g.lower_ for g in child.children if g.dep_ == "pobj")])
        if phrase in RESULTS or child.lower_ in RESULTS:
            found.append(phrase if phrase in RESULTS else child.lower_)
    return found


def _base_form(verb: Token) -> str:
    # The parser pipeline leaves the coarse tag unset; the rule lemmatizer reads it.
    verb.pos_ = "VERB"
    lemmas: list[str] = load_parser().get_pipe("lemmatizer").rule_lemmatize(verb)  # type: ignore[attr-defined]
    return lemmas[0].lower() if lemmas else verb.lower_


def _after_dateline(text: str, start: int, end: int) -> int:
    """Where a sentence's own words begin: after a dateline that opens it ("KESTON, Brannock (Quay Post) -"),
    which the parser would read into the sentence, taking the place for its subject."""
    match = _DATELINE.match(text, start, end)
    return match.end() if match is not None and match.end() < end else start


def _containing(bounds: list[tuple[int, int]], offset: int, length: int) -> tuple[int, int]:
    for start, end in bounds:
        if start <= offset < end:
            return start, end
    return 0, length


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Sentences by punctuation, for a text given without the entity stage's; never cut inside a decimal a
    tokeniser split ("a depth of 1. 2 miles"), as the entity stage does not cut its sentences there either."""
    bounds, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if numbers.breaks_a_split_decimal(text, match.start()):
            continue
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return [(s, e) for s, e in bounds if e > s]
