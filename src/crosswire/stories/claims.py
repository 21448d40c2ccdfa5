"""Claims: what a number says happened to what, and whether two claims mean the same.

A quantity's claim parts come from the parse (``Quantity.counted``: what was
counted, ``Quantity.predicate``: what happened to it, as written); when the
parse gave none, the word after the number ("14 people *were injured*").  An
event word before the counted noun is the event whatever the clause goes on
to tell ("two *wounded* men requested privacy"); the counted thing keeps no
time words a date's parse leaves in it ("Thursday", "a.m.").  A date's claim
is read the same way, except that a verb of saying is its event ("officials
*said* Friday": the day of a statement).

Sameness is decided by meaning, with the sentence encoder on short phrases.
The encoder alone places co-hyponyms close ("killed" / "wounded" sit nearer
than "injured" / "hurt"), so predicates are compared through kinds of event:
``lexicons/event_classes.json`` lists ways news writes each kind, and a
predicate takes the kind of its nearest listed phrase when it is near enough
and clearly nearer than to any other kind.  Two predicates of different kinds
are different; of one kind the same; otherwise the plain cosine decides when it
is high, and the answer is "unknown" (left to the words around the numbers).
The thresholds were chosen on labelled phrase pairs written here
(``tests/stories/test_claims.py``), never on evaluation items.

Phrase vectors are cached per process; ``encoder_seconds()`` says what they cost.
"""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Literal

import numpy as np
import numpy.typing as npt

from crosswire.annotate.quantities.grammar import COORDINATED, DIMENSIONS, TALLY_REST, TIME_BEFORE
from crosswire.annotate.quantities.scores import TALLIES
from crosswire.annotate.quantities.units import UNIT_KINDS, unit_for
from crosswire.annotate.verb_forms import is_past_participle
from crosswire.lexicon import Entry, load_lexicon, mapping, terms
from crosswire.semantics import default_encoder, encoder_available
from crosswire.stories.people_places import same_name

Verdict = Literal["same", "different", "unknown"]

#: A predicate takes the kind of its nearest listed phrase when the cosine reaches this ...
KIND_MIN = 0.6
#: ... and beats the best phrase of any other kind by this much.
KIND_MARGIN = 0.05
#: Two unclassified predicates this close are the same ("slain" / "gunned down" stay unknown).
PREDICATE_SAME = 0.8
#: Two counted things this close are the same ("girls" / "schoolgirls", "drones" / "UAVs" at 0.60);
#: "crew members" / "passengers" sit at 0.595, so the margin is thin and a claim also needs the same predicate.
COUNTED_SAME = 0.6
#: Below this two counted things are different ("people" / "drones" at 0.36) and never conflict.
COUNTED_DIFFERENT = 0.5
#: A specific count stands for a general one ("residents" for "people") when this close to it.
GENERAL_MIN = 0.45

_PACKAGE = "crosswire.stories"
#: Auxiliaries the parse may leave in a predicate ("are back"), and words before a participle.
AUXILIARIES = frozenset(
    {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "got", "get", "reported"}
)
_DIRECTIONAL = re.compile(r"\s+((?:from|out of|away from|off)\s+(?:(?:their|his|her|its|the)\s+)?[a-z]+)\b")
#: After the things counted only a direction out of their own places counts ("forced 2,400 people from their
#: homes"); "evacuated 300 residents from the flooded district" says where from, not what happened.
_DIRECTION_HOME = re.compile(r"\s+((?:from|out of)\s+(?:their|his|her|its)\s+[a-z]+)\b")
_BE = r"(?:were|was|are|is|have been|has been|had been|got|being)"
#: Irregular participles ("were hurt", "were shot") count only after a form of "be": bare, "left" or "set" is
#: more often a verb of its own ("14 people left early").  After "be", any past participle, and the forms the
#: ``participles`` lexicon keeps ("were missing", "were dead").
_WORD_AFTER_BE = re.compile(rf"\s+{_BE}\s+(?:reported\s+)?([a-z]+)\b")
_REGULAR_AFTER = re.compile(rf"\s+(?:{_BE}\s+)?(?:reported\s+)?([a-z]+ed)\b")

Vector = npt.NDArray[np.float32]

#: Predicates that say what a figure is without a verb: a measure's dimension ("weight") or a score's side ("wins").
SAYS_WHAT_IT_IS = DIMENSIONS | TALLIES


@dataclass(frozen=True, slots=True)
class Claim:
    """What a number counts and what happened to it, as written, lower case; None when unknown."""

    counted: str | None
    predicate: str | None
    #: Which way a share or a sum moved ("up", "down"), when the figure is such a move ("lost 50%",
    #: "fell by 50%"): two moves the same way are one happening in any verb, two opposite ones never are.
    change: str | None = None

    @property
    def label(self) -> str | None:
        """The claim in plain words: "people injured", "drones shot down", "gorilla weight"; a dimension of no thing
        the parse could name as the dimension alone ("depth", not "miles depth")."""
        if self.predicate in SAYS_WHAT_IT_IS:
            counted = None if self.counted is not None and names_a_unit(self.counted) else self.counted
            return " ".join(filter(None, [counted, self.predicate]))
        if self.predicate and self.predicate.startswith(TIME_BEFORE):
            return " ".join(filter(None, [self.counted, self.predicate]))  # "hours before surrendering"
        verb = participle(self.predicate) if self.predicate and names_an_action(self.predicate) else None
        return " ".join(filter(None, [self.counted, verb])) or None

    def kind_label(self) -> str | None:
        """The label with a counted unit word put as what its kind measures ("distance located" for "miles
        located", ``MEASURED_KINDS``): for a fact whose figures are given in two units, which neither unit names."""
        if self.counted is None or self.predicate in DIMENSIONS or not names_a_unit(self.counted):
            return self.label  # a dimension says what was measured itself ("depth")
        word = MEASURED_KINDS.get(UNIT_KINDS[unit_for(self.counted)])
        return replace(self, counted=word).label if word else self.label


def read_claim(
    text: str, start: int, end: int, counted: str | None, predicate: str | None, change: str | None = None
) -> Claim:
    """The claim of a number at ``text[start:end]``: the parse's parts when it gave them, else the
    participle written right after the number. A predicate that says nothing ("were", "said") is none.
    ``change``: the direction of a share or a sum that moved (see :attr:`Claim.change`)."""
    if predicate is None:
        predicate = participle_after(text, end)
    cleaned = _clean_counted(counted)
    modifier = _event_modifier(cleaned)
    if modifier is not None and cleaned is not None:
        # "two wounded men requested lawyers": the count is of men wounded, whatever the clause goes on to tell
        return Claim(" ".join(word for word in cleaned.split() if word.lower() != modifier), modifier, change)
    return Claim(cleaned, _event_predicate(predicate, text, end), change)


def _event_modifier(counted: str | None) -> str | None:
    """A word before the counted noun that names what happened to it, as ``event_classes.json`` lists it
    ("wounded men", "injured passengers", "dead fishermen"), lower case; None when there is none."""
    if counted is None:
        return None
    return next((word.lower() for word in words_before_head(counted) if word.lower() in _event_words()), None)


@cache
def _event_words() -> frozenset[str]:
    """The one-word phrases of ``event_classes.json`` ("wounded", "dead", "missing")."""
    return frozenset(term for term in _kind_table()[0] if " " not in term)


def read_date_claim(text: str, start: int, end: int, counted: str | None, predicate: str | None) -> Claim:
    """The claim of a date at ``text[start:end]``: what happened on it to what, as for a number, except that a
    verb of saying (``attribution_verbs.json``) is the event a date dates ("officials said Friday": the day of
    a statement, by whom), where it says nothing of a number ("the report said 40")."""
    if predicate is not None and predicate.lower() in terms("crosswire.annotate", "attribution_verbs"):
        return Claim(_clean_counted(counted), predicate.lower())
    return read_claim(text, start, end, counted, predicate)


def participle_after(text: str, end: int) -> str | None:
    """The participle written right after a count: "14 people were injured" → "injured"."""
    after_be = _WORD_AFTER_BE.match(text, end)
    if after_be is not None:
        word = after_be.group(1)
        if word in mapping(_PACKAGE, "participles").values() or is_past_participle(word):
            return word
    regular = _REGULAR_AFTER.match(text, end)
    return regular.group(1) if regular else None


#: A pronoun says what was counted only through another sentence ("sent 4 of them"): no counted thing.
_PRONOUNS = frozenset(
    {"them", "they", "it", "those", "these", "us", "we", "you", "him", "her", "which", "who", "he", "she", "i", "me"}
)


def _clean_counted(counted: str | None) -> str | None:
    """The counted thing without what names no thing: numbers, brackets, the time words a date's parse leaves in
    it ("Thursday", "a.m.", "morning") and the rest of an age written before a name ("year-old" of "36-year-old
    Ana Ruiz"); None when nothing is left or a pronoun is."""
    if not counted:
        return None
    words = [w for w in counted.split() if any(ch.isalpha() for ch in w) and w not in "()" and not _names_no_thing(w)]
    while words and words[-1].lower() in _DANGLING:
        words.pop()  # "hours of" left of "hours of Thursday morning"
    cleaned = " ".join(words)
    return cleaned if cleaned and cleaned.lower() not in _PRONOUNS else None


#: Words a counted phrase cannot end with once a time word after them is gone.
_DANGLING = frozenset({"of", "on", "in", "at", "the", "a", "an"})


@cache
def _time_words() -> frozenset[str]:
    """Weekday names, times of day and clock marks: the date's own words, never the thing it dates."""
    words = {*terms("crosswire.annotate", "weekdays"), *terms("crosswire.annotate", "times_of_day"), "a.m.", "p.m."}
    return frozenset(words)


def _names_no_thing(word: str) -> bool:
    lowered = word.lower().strip(",;:")
    if lowered in _time_words() or lowered.lstrip("0123456789-").startswith("year-old"):
        return True
    return TALLY_REST.fullmatch(lowered) is not None  # "of-34" of "29-of-34 passes": the rest of a tally


def _event_predicate(predicate: str | None, text: str, end: int) -> str | None:
    if not predicate or not any(ch.isalpha() for ch in predicate):
        return None  # none, or a bullet or a dash the parse took for a verb
    if predicate in SAYS_WHAT_IT_IS:
        return predicate  # what a measure measures ("weight") or a score's side ("wins"), not a verb
    # a clitic ("that's", "they're") is a form of "be" or "have" the parse split off: no event either
    words = [w for w in predicate.lower().split() if w not in AUXILIARIES and not w.startswith(("'", "\u2019"))]
    if not words or words[0] in terms(_PACKAGE, "light_predicates"):
        return None
    phrase = " ".join(words)
    # "forced from their homes": a direction after the verb is part of what happened, and so is one right
    # after the things counted when the verb comes before them ("forced 2,400 people from their homes").
    position = text.lower().find(phrase, max(0, end - 200))
    if position >= 0 and len(words) == 1:
        direction = _DIRECTIONAL.match(text.lower(), position + len(phrase))
        if direction is None and position < end:
            direction = _DIRECTION_HOME.match(text.lower(), end)
        if direction is not None:
            phrase = f"{phrase} {direction.group(1)}"
    return phrase


def participle(predicate: str) -> str:
    """The past participle of a predicate as written: "frees" → "freed", "flies" → "flown",
    "shot down" → "shot down".  The ``participles`` lexicon first, then lemminflect's English tables
    (which also inflect a verb they have never seen by its spelling: "drops" → "dropped")."""
    if predicate.startswith("not "):
        return "not " + participle(predicate[4:])  # "not kick off" -> "not kicked off"
    verb, *rest = predicate.split()
    forms: dict[str, str] = mapping(_PACKAGE, "participles")
    return " ".join([forms.get(verb) or _past_participle(verb), *rest])


@lru_cache(maxsize=4096)
def names_an_action(predicate: str) -> bool:
    """Whether a predicate's first word is an English verb (lemminflect's dictionary, or a form the
    ``participles`` lexicon keeps).  The parse sometimes takes another word for the predicate ("the roof was
    ablaze", "a rocket capable of"): inflected by its spelling it would give a label a made-up participle
    ("ablazed", "capabled"), so the label leaves it out."""
    from lemminflect import getAllLemmas

    word = predicate.removeprefix("not ").split()[0].lower() if predicate.split() else ""
    forms: dict[str, str] = mapping(_PACKAGE, "participles")
    return word in forms or word in forms.values() or bool(getAllLemmas(word, upos="VERB"))


@lru_cache(maxsize=4096)
def _past_participle(verb: str) -> str:
    from lemminflect import getInflection, getLemma

    lemmas = getLemma(verb, upos="VERB")
    participles = getInflection(lemmas[0], tag="VBN") if lemmas else ()
    # Where the tables give a regular form beside an irregular one ("waked", "woken"), readers write the
    # irregular one: "woke" → "woken", "swelled" → "swollen".
    forms: list[str] = [str(form) for form in participles]
    irregular = [form for form in forms if not form.endswith("ed")]
    return (irregular or forms or [verb])[0]


# --- meaning -------------------------------------------------------------------------------------------

#: Encoded phrases, oldest first.  A long ingest meets new phrases without end, so the oldest are let go
#: past ``MAX_CACHED_PHRASES`` (1.5 KB each); a phrase let go is encoded again when it comes back.
_vectors: dict[str, Vector] = {}
MAX_CACHED_PHRASES = 50_000
_seconds = [0.0]


def encoder_seconds() -> float:
    """Seconds this process has spent encoding claim phrases."""
    return _seconds[0]


def prime(phrases: Iterable[str]) -> None:
    """Encode every phrase not yet cached, in one batch."""
    wanted = {p for p in phrases if p}
    missing = sorted(p for p in wanted if p not in _vectors)
    if not missing or not encoder_available():
        return
    began = time.perf_counter()
    rows = default_encoder().encode(missing)
    _seconds[0] += time.perf_counter() - began
    # Let the oldest go, but none of the phrases asked for now: the caller reads them next.
    excess = len(_vectors) + len(missing) - MAX_CACHED_PHRASES
    if excess > 0:
        for phrase in list(itertools.islice((p for p in _vectors if p not in wanted), excess)):
            del _vectors[phrase]
    _vectors.update(zip(missing, rows, strict=True))


def similarity(a: str, b: str) -> float | None:
    """Cosine of two phrases' encodings; None without the encoder."""
    if a == b:
        return 1.0
    prime((a, b))
    if a not in _vectors or b not in _vectors:
        return None
    return float(_vectors[a] @ _vectors[b])


@cache
def _kind_table() -> tuple[tuple[str, ...], tuple[str, ...]]:
    entries = load_lexicon(_PACKAGE, "event_classes").entries
    return tuple(e.term for e in entries), tuple(str(e.value) for e in entries)


@cache
def event_kind(predicate: str) -> str | None:
    """The kind of event a predicate names ("wounded" → "injure"), or None when no kind is clearly nearest."""
    if COORDINATED in predicate:
        # "arrested and charged": a kind only when the coordinated happenings name one between them
        named = {kind for part in predicate.split(COORDINATED) if (kind := event_kind(part)) is not None}
        return named.pop() if len(named) == 1 else None
    phrases, kinds = _kind_table()
    if predicate.partition(" ")[0].endswith("ing") and names_an_action(predicate):
        # "intercepting 17 drones": the event the participle "intercepted" names (the lexicon writes what
        # happened as done), read alone the gerund sits nearer other gerunds than its own verb's kind
        predicate = participle(predicate)
    if predicate in phrases:
        return kinds[phrases.index(predicate)]
    if predicate in terms("crosswire.annotate.quantities", "particles"):
        return None  # a bare "down" or "up" is a state, and sits near every phrasal verb with it
    prime([*phrases, predicate])
    if predicate not in _vectors:
        return None
    best: dict[str, float] = {}
    for phrase, kind in zip(phrases, kinds, strict=True):
        score = float(_vectors[predicate] @ _vectors[phrase])
        best[kind] = max(best.get(kind, -1.0), score)
    ranked = sorted(best.items(), key=lambda item: -item[1])
    (kind, score), runner_up = ranked[0], ranked[1][1] if len(ranked) > 1 else -1.0
    return kind if score >= KIND_MIN and score - runner_up >= KIND_MARGIN else None


def same_predicate(a: str | None, b: str | None) -> Verdict:
    """Whether two predicates name the same event: wounded/injured yes, killed/injured never."""
    if a is None or b is None:
        return "unknown"
    if COORDINATED in a or COORDINATED in b:
        # "found and confiscated" tells both happenings of the same things: the same as "confiscated", different
        # only when every happening differs.
        verdicts = {same_predicate(x, y) for x in a.split(COORDINATED) for y in b.split(COORDINATED)}
        return "same" if "same" in verdicts else "different" if verdicts == {"different"} else "unknown"
    if a.startswith("not ") != b.startswith("not "):
        return "different"  # "were killed" / "were not killed"
    if a == b or participle(a) == participle(b):
        return "same"
    kind_a, kind_b = event_kind(a), event_kind(b)
    if kind_a is not None and kind_b is not None:
        return "same" if kind_a == kind_b else "different"
    score = similarity(a, b)
    return "same" if score is not None and score >= PREDICATE_SAME else "unknown"


def same_counted(a: str | None, b: str | None) -> Verdict:
    """Whether two counted things are the same: girls/schoolgirls yes, people/residents yes (general)."""
    if a is None or b is None:
        return "unknown"
    if is_a_name(a) and is_a_name(b) and same_name(a, b):
        return "same"  # "Falcon Heavy" / "Heavy", "Ana Ruiz" / "Ruiz": one named thing, however fully named
    # "residents of Lindmoor": whose or where they are, named, says nothing of what kind of thing was counted
    a, b = _OF_NAME.sub("", a).lower(), _OF_NAME.sub("", b).lower()
    if a == b:
        return "same"
    if head_noun(a) == head_noun(b):
        # "photos of herself" / "photos": the same things, perhaps told apart by the modifiers.
        return "unknown"
    general = terms(_PACKAGE, "general_counted")
    score = similarity(a, b)
    if score is None:
        return "unknown"
    if (a in general or b in general) and score >= GENERAL_MIN:
        return "same"
    if score >= COUNTED_SAME:
        return "same"
    return "different" if score < COUNTED_DIFFERENT else "unknown"


def _what_moved(claim: Claim) -> bool:
    """Whether the claim is a move that says what moved ("shares" rose 7%), not only by how much ("percent")."""
    return claim.change is not None and claim.counted is not None and not names_a_unit(claim.counted)


#: What a figure given only in a unit of a kind measures, as a label says it (``lexicons/measured_kinds.json``).
MEASURED_KINDS: dict[str, str] = mapping(_PACKAGE, "measured_kinds")


def check_measured_kind(entry: Entry) -> None:
    """The lexicon check: the example's first figure counts only its unit, of this kind, and is labelled by the
    entry's word."""
    from crosswire.annotate.quantities.examples import first_figure_of_kind  # the annotators are heavy

    first = first_figure_of_kind(entry)
    label = read_claim(entry.example, first.start, first.end, first.counted, first.predicate).kind_label()
    assert label is not None and label.split()[0] == entry.value, (entry.term, label)


def names_a_unit(counted: str) -> bool:
    """Whether a counted thing is only the word of a unit ("percent", "kilometres"): how much, not of what."""
    return unit_for(counted) in UNIT_KINDS


#: An "of" phrase naming a place or a body after what was counted ("residents of Lindmoor").
_OF_NAME = re.compile(r"(?<=\w)\s+of\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*$")


def is_a_name(counted: str) -> bool:
    """A counted thing the parse wrote as a proper name (its words capitalised, as written)."""
    return all(word[:1].isupper() for word in counted.split())


def head_noun(counted: str) -> str:
    """The noun a counted phrase is about: "prisoners of war" → "prisoners", "first-team players" → "players"."""
    before_of = counted.split(" of ")[0].split()
    return before_of[-1] if before_of else counted


def words_before_head(counted: str) -> list[str]:
    """The words before :func:`head_noun`: "side" of "side boosters of the rocket"."""
    return counted.split(" of ")[0].split()[:-1]


@lru_cache(maxsize=1 << 16)
def claims_match(a: Claim, b: Claim) -> Verdict:
    """Two claims are the same when both what happened and what was counted mean the same; different when what
    happened differs, or for two moves what moved; unknown when a part is missing or unclear.  For two moves of a
    share or a sum, what happened is the direction: "lost 50%" and "fell by 50%" the same, "rose 3%" and "lost
    3%" not."""
    if a.change is not None and b.change is not None:
        predicate: Verdict = "same" if a.change == b.change else "different"
    else:
        predicate = same_predicate(a.predicate, b.predicate)
    if predicate == "different":
        return "different"
    counted = same_counted(a.counted, b.counted)
    if predicate == "same" and counted == "same":
        return "same"
    if counted == "different" and _what_moved(a) and _what_moved(b):
        # "shares rose 7%" / "profit rose 7%": two things moved.  Only for moves, whose counted thing is what
        # moved (never a name, which is the holder); elsewhere a name and a role may count one thing.
        return "different"
    return "unknown"
