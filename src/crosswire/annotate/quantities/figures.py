"""Amounts that are no figure of the story: what the stage leaves out of an article's quantities.

The scanner (steps 1–4) reads every amount as written, as the NewsQuant annotation counts them ("one of
the students", "a sighting of one that was three feet wide").  A story's facts need less: a number that
counts nothing the article reports.  Told by the article's entities and the parse, which the scanner
does not have:

- a number inside a name: an entity of a naming kind (:data:`NAME_LABELS`: a war, a title, a club, a
  product, a law) that holds other capitalised words besides the number ("the 1967 Six Day War",
  "3-Time League Champion"), or a number before a singular proper noun in the parse ("Five Star
  Movement"), where a count of more than one would take a plural;
- the pronoun "one" with no counted noun: with a determiner or an adjective ("the only one", "an
  impressive one"), a clause or participle after it ("one who saw", "one involving a choir"), or beside
  an indefinite article on the noun it modifies ("an impressive one handed catch");
- a definite count that only restates what the article already said: "the two ministries" after "the
  Fisheries and Transport ministries", "the 40 passengers" after "40 passengers".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from crosswire.annotate.quantities import counted, units
from crosswire.lexicon import Entry, terms
from crosswire.model import Entity, Quantity

#: Entity labels that name one thing (a war, a work, an organisation, a product, a law, a building): a number
#: inside such a name is part of it.  People, places and nationalities are left out: "three Kelso men".
NAME_LABELS = frozenset({"EVENT", "WORK_OF_ART", "ORG", "PRODUCT", "LAW", "FAC"})
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z]")
#: "the two ministries", "these 40 passengers"
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those)\s+$", re.IGNORECASE)
#: "the 40 passengers who were hurt", "the 12 miners trapped below": a clause or participle that says which
#: ones, so the count may be new.
_RESTRICTED_AFTER = re.compile(r"\s+(?:who|whom|whose|that|which|[a-z]{3,}(?:ed|ing))\b")
#: Names joined by commas and "and" ("the Fisheries and Transport", "Kelso, Brannock and Ostrava").
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
_JOINER = r"(?:,\s+(?:and|&)\s+|,\s+|\s+(?:and|&)\s+)"
_MAX_NAMED = 10
_POSSESSIVE_END = re.compile(r"['’]s?$")
_MEASUREMENT_UNITS = frozenset(row.unit for row in units.registry())
#: "one who", "one which": a relative pronoun right after "one".
_RELATIVE_AFTER = re.compile(r"\s+(?:who|whom|whose|which|that)\b")


def figures_of(text: str, quantities: Sequence[Quantity], entities: Sequence[Entity]) -> list[Quantity]:
    """The quantities of ``text`` less those inside a name or restating a count already read."""
    kept: list[Quantity] = []
    for index, quantity in enumerate(quantities):
        if inside_a_name(text, quantity, entities) or restates(text, quantity, quantities[:index]):
            continue
        kept.append(quantity)
    return kept


def inside_a_name(text: str, quantity: Quantity, entities: Sequence[Entity]) -> bool:
    """Whether the amount's number is part of a named entity ("the 1967 Six Day War").

    The name must hold a capitalised word besides the amount, and the amount must not count a common plural
    ("40 Kelso firefighters", when the entity recogniser takes in the count, is still a count).
    """
    if counts_common_plural(quantity) or quantity.unit in _MEASUREMENT_UNITS:
        return False  # "the orbit of Mars 140 million miles away": a measure beside a name is no part of it
    for entity in entities:
        if entity.label in NAME_LABELS and entity.start <= quantity.start < entity.end:
            rest = text[entity.start : quantity.start] + " " + text[quantity.end : entity.end]
            if _CAPITALISED.search(rest):
                return True
    return False


def counts_common_plural(quantity: Quantity) -> bool:
    """Whether the scanner read the amount as a count of a common plural ("two Super Bowl wins")."""
    if quantity.unit is None:
        return False
    head = quantity.unit.rsplit(None, 1)[-1]
    return head.islower() and counted.looks_plural(head)


def restates(text: str, quantity: Quantity, earlier: Sequence[Quantity]) -> bool:
    """Whether the amount is a definite count of things the article counted before or names.

    "The Fisheries and Transport ministries ... the two ministries": the count is the number of names the
    article gives, anywhere, before the same plural noun (a reference may come before the names: "at the
    two ministries", then "the Fisheries and Transport ministries" further down); "40 passengers ... the
    40 passengers": the same count of the same thing, read before.  A clause or participle after the count
    ("the 40 passengers who were hurt") may make it a new figure, and is kept.
    """
    phrase = quantity.unit
    if phrase is None or quantity.value_max is not None or quantity.value < 2 or not quantity.value.is_integer():
        return False
    if not _DEFINITE_BEFORE.search(text, max(0, quantity.start - 8), quantity.start):
        return False
    if not phrase.islower() or phrase not in text[quantity.start : quantity.end]:
        return False  # a measurement ("the 40 km"), or no counted phrase as written
    plural = _POSSESSIVE_END.sub("", phrase)  # "the two department's share": a misplaced apostrophe
    if plural != phrase and not counted.looks_plural(plural.rsplit(None, 1)[-1]):
        plural = plural[:-1] + "ies" if re.search(r"[^aeiou]y$", plural) else plural + "s"
    head = plural.rsplit(None, 1)[-1]
    if units.UNIT_AFTER.fullmatch(head) or not counted.looks_plural(head):
        return False
    if _RESTRICTED_AFTER.match(text, quantity.end):
        return False
    if any(q.value == quantity.value and q.unit is not None and q.unit.lower() in (phrase, plural) for q in earlier):
        return True
    if quantity.value > _MAX_NAMED:
        return False
    named = re.compile(rf"(?P<names>{_NAME}(?:{_JOINER}{_NAME})+)\s+{re.escape(plural)}\b")
    return any(len(re.split(_JOINER, match.group("names"))) == quantity.value for match in named.finditer(text))


def pronoun_one(number: Token, counted_by_scanner: bool) -> bool:
    """Whether the word "one" at ``number`` is a pronoun or part of an adjective, not a count of one.

    ``counted_by_scanner``: the scanner read a counted word after it, which may be a participle ("one
    involving a choir"); then only a clause or participle under "one" makes it a pronoun.
    """
    if number.lower_ != "one":
        return False
    children = list(number.children)
    clause = [child for child in children if child.dep_ in ("relcl", "acl")]
    if any(child.i == number.i + 1 for child in clause) or _RELATIVE_AFTER.match(
        number.doc.text, number.idx + len(number.text)
    ):
        return True  # "one involving a choir", "one who saw", "a sighting of one that was three feet wide"
    if counted_by_scanner:
        return False  # "one of the men arrested": the clause may hang from "one", but the men are counted
    if clause:
        return True  # "the only one to arrive"
    if any(child.dep_ in ("det", "amod", "poss") for child in children):
        return True  # "the only one", "an impressive one"
    head = number.head
    return (
        number.dep_ == "nummod"
        and head.tag_ in ("NN", "NNP")
        and any(child.dep_ == "det" and child.lower_ in ("a", "an") for child in head.children)
    )  # "an impressive one handed catch": an article and a count do not share a noun


def before_a_proper_name(number: Token, value: float) -> bool:
    """Whether a count of more than one modifies a singular proper noun in a run of them right after it,
    which makes it part of the name ("Five Star Movement", "the Six Day War", "a 3-Time League Champion"):
    a count of several takes a plural ("Two Americans", "12 People"), and one proper noun alone after a
    number may be a nationality the tagger calls one ("12 Somali and 11 Yemeni")."""
    head = number.head
    if value <= 1 or number.dep_ not in ("nummod", "compound") or head.tag_ != "NNP" or head.i < number.i:
        return False
    if number.i > 0 and number.doc[number.i - 1].lower_ == "of":
        return False  # "a mother of 12 Ana Ruiz"
    run = []
    for token in number.doc[number.i + 1 :]:
        if token.tag_ not in ("NNP", "HYPH"):
            break
        run.append(token)
    names = [token for token in run if token.tag_ == "NNP"]
    return head in run and len(names) >= 2 and not counted.looks_plural(head.text)


def ends_a_proper_name(number: Token) -> bool:
    """Whether a number written as a capitalised word, inside a sentence, closes a proper name begun by the
    proper noun before it ("the gorilla Little One", "a car called Halden Four"): the tagger calls it a
    proper noun too, or hangs that noun on it.  It counts nothing ("Team Sky lost One rider" does count)."""
    if number.i == 0 or number.is_sent_start or not (number.text[:1].isupper() and number.text.isalpha()):
        return False
    previous = number.doc[number.i - 1]
    if previous.tag_ != "NNP" or previous.is_sent_start:
        return False
    return number.tag_ == "NNP" or (previous.dep_ == "compound" and previous.head.i == number.i)


#: Nouns a number after them names, one of a numbered series (``lexicons/numbered_nouns.json``).
NUMBERED_NOUNS = terms("crosswire.annotate.quantities", "numbered_nouns")


def follows_what_it_names(number: Token) -> bool:
    """Whether a number written right after a noun of a numbered series (``NUMBERED_NOUNS``), with nothing
    after it that it counts, is that one thing's name: "game seven of the final", "Flight 212", "room 14"
    are one game, one flight, one room (a count of several is written before a plural: "seven games")."""
    if number.i == 0 or number.tag_ != "CD":
        return False
    noun = number.doc[number.i - 1]
    if noun.lower_ not in NUMBERED_NOUNS or (noun.i > 0 and noun.doc[noun.i - 1].lower_ in ("the", "a", "an")):
        return False  # "started the game 17 of 20": a determiner makes it the game, and the number its own
    following = number.doc[number.i + 1] if number.i + 1 < len(number.doc) else None
    if following is None or not following.tag_.startswith("NN"):
        return True
    return following.head.i != number.i and number.head.i != following.i  # "room 12 guests": it counts them


_ORDINAL_WORDS = terms("crosswire.annotate.quantities", "ordinals")
_ORDINAL_DIGITS = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)


def names_a_class(number: Token) -> bool:
    """Whether a measure joined to its noun by a hyphen follows an ordinal of someone's series: "her second
    400-metre race" is the second race of 400 metres she ran, a kind of race, not a figure anyone measured.
    After "the" the ordinal picks one thing out, which the measure measures: "the first 6.6-magnitude quake"."""
    doc = number.doc
    if number.i < 2 or number.i + 1 >= len(doc) or doc[number.i + 1].text not in ("-", "‑"):
        return False
    before = doc[number.i - 1]
    ordinal = before.lower_ in _ORDINAL_WORDS or _ORDINAL_DIGITS.fullmatch(before.text) is not None
    return ordinal and doc[before.i - 1].tag_ in ("PRP$", "POS")  # "her", "its", "the town's"


def check_numbered_noun(entry: Entry) -> None:
    """The lexicon check: the stage leaves out the number written right after the noun in the example."""
    after = re.search(rf"\b{re.escape(entry.term)}\s+(\w+)", entry.example, re.IGNORECASE)
    assert after is not None, entry.example
    kept = [q.text for q in _staged(entry.example)]
    assert not any(after.group(1) in text for text in kept), (entry.term, kept)


def check_ordinal(entry: Entry) -> None:
    """The lexicon check: the stage leaves the example's measure out, and keeps it without the ordinal."""
    assert _staged(entry.example) == [], (entry.term, _staged(entry.example))
    plain = re.sub(rf"\b{re.escape(entry.term)}\s+", "", entry.example, count=1, flags=re.IGNORECASE)
    assert _staged(plain), (entry.term, plain)


def _staged(text: str) -> list[Quantity]:
    """The quantities the stage keeps in ``text``, for the lexicon checks."""
    from crosswire.annotate import EntityStage, QuantityStage  # heavy; only the checks need it
    from crosswire.model import Annotations, Article

    article = QuantityStage()(EntityStage()(Article("t", "record", "lexicon", text, annotations=Annotations())))
    return list(article.annotations.quantities) if article.annotations else []
