"""*Where*: headline sites, the dateline, then the places of the headline and lead, countries last.

A town or site the headline names is where the event happened.  A dateline
("OSLO (Reuters) -") says where the story was reported from, often the same
place, so it comes next.  Then come the places of the headline (names the
article tags as places, so the headline need not be part of the text), then
those of the lead in reading order, whole countries after the rest: "Flood in Peru"
followed by a lead naming Cusco happened in Cusco, and Cusco says
more.  A place followed by ", <place>" is qualified by its region
("Tulsa, Oklahoma") and is kept with it as one phrase.  A place right
before a title ("US President", "French Foreign Minister") or in an
attribute ("US-based maker") describes someone, not where the event
happened, and is passed over; so is a place that tells where someone comes
from ("a 35-year-old nurse, from Hull", "President of Chile", "a Hull
fan"), a name the article tags as a person more often than as a place,
and an event the tagger called a place ("her home marathon") unless it
stands after "at" ("fell at the Lisbon Marathon").  A name right
after "outside", "inside", "near" or "opposite" is a site whatever the
tagger called it ("a vigil outside Marlow House").
"""

from __future__ import annotations

import dataclasses
import re
import string
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span

from crosswire.annotate.entities import TITLES
from crosswire.annotate.frame.words import alternation, words
from crosswire.lexicon import Entry
from crosswire.model import Entity

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Labels a building or venue may get from the tagger when it is not known as a place.
_SITE_LABELS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT"})
#: Words that only stand before a site: what follows is one, whatever its tag (``lexicons/site_words.json``).
_SITE_BEFORE = re.compile(rf"\b(?:{alternation('site_words')})\s$", re.IGNORECASE)
#: "at the Lisbon Marathon": an event named after "at" is where something happened.
_AT_BEFORE = re.compile(r"\bat\s(?:the\s)?(?:[a-z]+\s)?$")
#: Last words of the names of events, which the tagger may take for venues (``lexicons/event_name_ends.json``).
_EVENT_NAME_ENDS = words("event_name_ends")
_DATELINE = re.compile(
    rf"(?:(?:{alternation('caption_labels')})\s+)?"  # a caption label the page left (``lexicons/caption_labels.json``)
    r"(?P<place>[A-Z][A-Z'’.-]+(?:\s[A-Z][A-Z'’.-]+){0,3})(?:,\s[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)?"
    r"\s*(?:\([^)]{1,40}\))?\s*[-–—]{1,2}\s"
)
#: Capitals before a dash that label the text rather than place it ("FILE - In this photo ...";
#: ``lexicons/not_datelines.json``, lower case).
_NOT_DATELINES = words("not_datelines")
#: "US President", "a Hull fan", "US-based": a title, a follower (``lexicons/follower_nouns.json``) or an
#: attribute (``lexicons/attribute_words.json``) after a place describes someone.
_DESCRIBES_AFTER = re.compile(
    r"[\s-]*(?:" + "|".join(re.escape(title) for title in TITLES) + rf"|{alternation('follower_nouns')})\b"
    rf"|-(?:{alternation('attribute_words')})\b"
)
#: "President of Chile", "a nurse, 35, from Hull", "Ivo Brandt, 58, of Ghent": where someone holds office or lives
#: (the people who come from a place: ``lexicons/origin_nouns.json``).
_DESCRIBES_BEFORE = re.compile(
    r"(?:\b(?:" + "|".join(re.escape(title) for title in TITLES) + r")\s+of\s+(?:the\s+)?"
    rf"|(?:\b\d{{1,3}}|-old(?:\s[a-z]+)?|\b(?:{alternation('origin_nouns')})),?\s+(?:from|of)\s+)$"
)
#: "the Chicago Cubs", "the Halden Rovers": a place before a capitalised plural names a team (or a paper, "the
#: Quay Times"), not where anything happened.
_TEAM_AFTER = re.compile(r"\s+(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+s\b")
#: "his Skoda", "their Fiat": something owned is no place (a tagging slip on brands; ``lexicons/possessives.json``).
_POSSESSIVE_BEFORE = re.compile(rf"\b(?:{alternation('possessives')})\s$", re.IGNORECASE)
_QUALIFIER_GAP = re.compile(r",\s")
#: Place names have no digits; "F1" or "G7" tagged as a place is a tagging slip.
_DIGIT = re.compile(r"\d")
#: Short forms CLDR does not list as country names (``lexicons/everyday_country_names.json``).
_EVERYDAY_COUNTRY_NAMES = words("everyday_country_names")
#: Nouns a place may modify and still say where the event happened: an event ("the Halden flood") or a part
#: of the place ("the Kelso suburb of Arden"; ``lexicons/place_heads.json``).
_PLACE_HEADS = words("place_heads")
#: Dependencies of a word that describes the noun it hangs on ("US" in "the US tax code").
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
#: The rest of a hyphenated name the tokenizer split off ("Stratford" + "-upon-Avon").
_HYPHENATED_REST = re.compile(r"(?:-[a-z]{1,3})*-[A-Z][a-z]+")


def modifier_only(place: str, docs: Sequence[Doc]) -> bool:
    """Whether every parsed use of ``place`` describes the noun after it rather than saying where the event
    happened: "the US tax code", "a Norwegian-flagged ship", "Halden Rovers fans" (a team).  A place before
    an event or a part of a place ("the Halden flood", "the Kelso suburb") still says where; so does a place
    the parsed headline and lead never name (then nothing is known against it)."""
    uses = [span for doc in docs for span in _occurrences(doc, place)]
    return bool(uses) and all(_describes_a_noun(span) for span in uses)


def _occurrences(doc: Doc, name: str) -> list[Span]:
    spans: list[Span] = []
    start = doc.text.find(name)
    while start >= 0:
        span = doc.char_span(start, start + len(name), alignment_mode="expand")
        if span is not None:
            spans.append(span)
        start = doc.text.find(name, start + len(name))
    return spans


def _describes_a_noun(span: Span) -> bool:
    last = span[-1]
    head = last.head
    if last.dep_ not in _MODIFIER_DEPS or head.i <= last.i or not head.tag_.startswith("NN"):
        return False
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head  # "Halden Rovers fans": the team's name, then what it describes
    return head.text.lower() not in _PLACE_HEADS


def check_place_head(entry: Entry) -> None:
    """The lexicon check: the place before the entry's noun in the example still says where."""
    from crosswire.annotate.nlp import load_parser  # the model is heavy; only the check needs it here

    assert not modifier_only(str(entry.value), [load_parser()(entry.example)]), entry.term


def dateline_place(text: str, body_start: int) -> str | None:
    """The place of a dateline opening the body ("LONDON --"), as a place is written in running text
    ("London"); an initialism stays as it is ("UN", "NYC")."""
    match = _DATELINE.match(text, body_start)
    if match is None or match.group("place").lower() in _NOT_DATELINES:
        return None
    place = match.group("place")
    if place.isupper() and any(len(word) > 3 for word in re.findall(r"[A-Z]+", place)):
        return string.capwords(place.lower())
    return place


def headline_places(headline: str, entities: Sequence[Entity]) -> list[str]:
    """Names the article tags as places that the headline uses, in headline order.

    A place inside the name of an organisation the headline uses ("Denver"
    in "Denver Owls win title") names the team, not where anything happened.
    Of two names at one spot the longer is kept ("Halden Towers", not "Halden").
    """
    labels: dict[str, set[str]] = {}
    for entity in entities:
        labels.setdefault(entity.text, set()).add(entity.label)
    people = _mostly_people(entities)
    # ``e.text in headline`` first: a name the headline does not hold needs no pattern compiled.
    organisations = [
        m.span()
        for e in entities
        if e.label == "ORG" and e.text in headline
        for m in _whole_words(e.text).finditer(headline)
    ]
    found: list[tuple[int, int, str]] = []
    for name, name_labels in labels.items():
        if name not in headline or name in people or _DIGIT.search(name):
            continue
        for match in _whole_words(name).finditer(headline):
            span = match.span()
            if not _inside_longer(span, organisations) and _reads_as_place(headline, *span, name_labels):
                found.append((*span, name))
                break
    kept: list[tuple[int, int, str]] = []
    for start, end, name in sorted(found, key=lambda item: (item[0], item[0] - item[1])):
        if not any(start < kept_end and kept_start < end for kept_start, kept_end, _ in kept):
            kept.append((start, end, name))
    return [name for _, _, name in kept]


def _inside_longer(span: tuple[int, int], names: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end and end - start > span[1] - span[0] for start, end in names)


def _reads_as_place(text: str, start: int, end: int, labels: set[str]) -> bool:
    """Whether the name at ``text[start:end]``, tagged with ``labels``, tells a place there."""
    if names_an_event(text[start:end]):
        return "PERSON" not in labels and _AT_BEFORE.search(text, max(0, start - 30), start) is not None
    if labels & PLACE_LABELS:
        return True
    return bool(labels & _SITE_LABELS) and _SITE_BEFORE.search(text, max(0, start - 10), start) is not None


def _mostly_people(entities: Sequence[Entity]) -> set[str]:
    """Names the article tags as a person more often than as a place ("Brexit" read as a surname), and
    the surname of a person it names in full: the tagger often takes a surname standing alone for a
    place, again and again ("Sarah Palin ... Palin said").  Not a country ("Ali Jordan", "Jordan"), nor a
    word of a longer name of a place or body ("the Seattle Police Department"): a person's tag run over a
    place across a lost full stop ("Donald Trump Seattle") names no person "Seattle".
    """
    votes: dict[str, int] = {}
    for entity in entities:
        if entity.label == "PERSON":
            votes[entity.text] = votes.get(entity.text, 0) + 1
        elif entity.label in PLACE_LABELS:
            votes[entity.text] = votes.get(entity.text, 0) - 1
    in_other_names = {word for e in entities if e.label != "PERSON" and " " in e.text for word in e.text.split()}
    surnames = {
        _POSSESSIVE_END.sub("", words[-1])
        for entity in entities
        if entity.label == "PERSON" and len(words := entity.text.split()) > 1
    }
    people = {name for name, vote in votes.items() if vote > 0}
    return people | {name for name in surnames - in_other_names if not is_country(name)}


_POSSESSIVE_END = re.compile(r"['’]s?$")


def names_an_event(name: str) -> bool:
    """Whether ``name`` is the name of an event ("Lisbon Marathon", "World Cup") by its last word."""
    return name.rsplit(None, 1)[-1].lower() in _EVENT_NAME_ENDS


def check_event_name(entry: Entry) -> None:
    """The lexicon check: the event the example names is an event, and a place where it stands after "at"."""
    event = str(entry.value)
    start = entry.example.index(event)
    assert names_an_event(event), event
    assert _reads_as_place(entry.example, start, start + len(event), {"FAC"}), event
    assert not _reads_as_place(f"{event} draws crowds", 0, len(event), {"FAC"}), event


def _whole_words(name: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(name)}\b")


def lead_places(text: str, entities: Sequence[Entity], lead_end: int) -> list[str]:
    """Places up to ``lead_end`` in reading order, each with its qualifying region."""
    people = {e.text for e in entities if e.label == "PERSON" and " " in e.text}
    mostly_people = _mostly_people(entities)
    places = [
        _without_person(_whole_name(text, e), people)
        for e in entities
        if e.text not in mostly_people and _is_place(text, e)
    ]
    phrases: list[str] = []
    in_lead = [place for place in places if place.end <= lead_end]
    skip_next = False
    for index, place in enumerate(in_lead):
        if skip_next:
            skip_next = False
            continue
        following = in_lead[index + 1] if index + 1 < len(in_lead) else None
        if following is not None and _QUALIFIER_GAP.fullmatch(text, place.end, following.start):
            phrases.append(text[place.start : following.end])
            skip_next = True
        else:
            phrases.append(place.text)
    return phrases


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Lower-cased English names and codes of countries (CLDR, through Babel), with everyday short forms."""
    try:
        from babel import Locale
    except ImportError:  # Babel comes with trafilatura; without it only the short forms are known
        territories: dict[str, str] = {}
    else:
        territories = {code: name for code, name in Locale("en").territories.items() if code.isalpha()}
    names = {name.lower() for name in territories.values()} | {code.lower() for code in territories}
    return frozenset(names | _EVERYDAY_COUNTRY_NAMES)


def is_country(place: str) -> bool:
    """Whether ``place`` names a whole country ("Peru", "the UK", "U.S.")."""
    name = place.lower().removeprefix("the ")
    return name in _country_names() or name.replace(".", "") in _country_names()


def _is_place(text: str, entity: Entity) -> bool:
    return (
        _reads_as_place(text, entity.start, entity.end, {entity.label})
        and not _DIGIT.search(entity.text)
        and not _DESCRIBES_AFTER.match(text, entity.end)
        and not _TEAM_AFTER.match(text, entity.end)
        and not _DESCRIBES_BEFORE.search(text, max(0, entity.start - 40), entity.start)
        and not _POSSESSIVE_BEFORE.search(text, max(0, entity.start - 7), entity.start)
    )


def _without_person(place: Entity, people: set[str]) -> Entity:
    """The place without a person's name the tagger ran into it across a lost full stop.

    "at the Harbour Cup Ana Ruiz, the race director, said" gives one place
    "the Harbour Cup Ana Ruiz" when a caption lost its full stop; the
    article names "Ana Ruiz" as a person elsewhere, so she is cut off.
    """
    for person in people:
        if place.text.endswith(" " + person):
            cut = len(person) + 1
            return dataclasses.replace(place, text=place.text[:-cut], end=place.end - cut)
    return place


def _whole_name(text: str, entity: Entity) -> Entity:
    rest = _HYPHENATED_REST.match(text, entity.end)
    if rest is None:
        return entity
    return dataclasses.replace(entity, text=text[entity.start : rest.end()], end=rest.end())


def check_site_word(entry: Entry) -> None:
    """The lexicon check: the name after the word (the value) is a site even when tagged as an organisation."""
    site = str(entry.value)
    start = entry.example.index(site)
    assert _reads_as_place(entry.example, start, start + len(site), {"ORG"}), site


def check_dateline(entry: Entry) -> None:
    """The lexicon check: the example opens with a dateline-like line whose place is the value (None: no dateline)."""
    assert _DATELINE.match(entry.example) is not None, entry.example
    assert dateline_place(entry.example, 0) == entry.value, (entry.term, dateline_place(entry.example, 0))


def check_not_a_place(entry: Entry) -> None:
    """The lexicon check: the place name the value gives, tagged as a place, describes someone and is passed over."""
    name = str(entry.value)
    start = entry.example.index(name)
    entity = Entity(text=name, label="GPE", start=start, end=start + len(name))
    assert not _is_place(entry.example, entity), name
    assert _reads_as_place(entry.example, start, start + len(name), {"GPE"}), name


def check_country(entry: Entry) -> None:
    """The lexicon check: the name as the example writes it is a whole country (ranked after towns and sites)."""
    match = re.search(rf"(?<!\w){re.escape(entry.term)}(?!\w)", entry.example, re.IGNORECASE)
    assert match is not None and is_country(match.group()), entry.term
