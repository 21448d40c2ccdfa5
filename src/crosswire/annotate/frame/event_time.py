"""The time of the lead's main event, read from the parse: the time phrase its verb governs.

A lead sentence often holds more than one time: "After Tuesday's vote, the
council closed the bridge on Thursday" tells when the vote was and when the
bridge was closed.  The main event is the verb of the sentence's main clause
(``clause.main_clause``), and its time is the phrase that hangs from that
verb, directly or through its preposition ("closed ... on Thursday"), or
from a verb coordinated with it ("met the mayor and signed the lease on
Friday").  When the main verb only reports speech ("police said the bridge
collapsed on Monday"), the reported clause is the event, so its verb counts
too.  A time that hangs from a noun ("Tuesday's vote") or from a subordinate
verb ("after they met on Monday") tells another event, and one that bounds
a state ("were still trapped as of 10am", "stays shut until Friday";
``lexicons/state_time_words.json``) tells no event at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from crosswire.annotate.frame.clause import main_clause
from crosswire.annotate.frame.tags import is_verb
from crosswire.annotate.frame.when import time_spans
from crosswire.annotate.frame.words import alternation, words
from crosswire.annotate.nlp import load_parser
from crosswire.lexicon import Entry

#: Verbs that report what someone said (``lexicons/speech_verbs.json``): the clause they report is the event.
_SPEECH_VERBS = words("speech_verbs")
#: How a time may hang from its verb: through a preposition ("on | Monday", "as | of | 10am").
_LINKS = frozenset({"prep", "pcomp", "agent"})
#: Nouns that are part of a time phrase ("Sunday night", "the early hours of Monday";
#: ``lexicons/parts_of_day.json``, ``lexicons/time_units.json``).
_TIME_NOUNS = words("parts_of_day") | words("time_units")
#: Words that make the time after them the edge of a state ("as of 10am"; ``lexicons/state_time_words.json``).
_STATE_TIME = re.compile(rf"\b(?:{alternation('state_time_words')})\s+$", re.IGNORECASE)


def main_event_time_spans(docs: Sequence[Doc], starts: Sequence[int]) -> list[tuple[int, int]]:
    """Where the time phrases that the main verbs of parsed sentences govern lie in the text.

    Each doc starts at its ``starts`` offset in the text.
    """
    spans = []
    for doc, offset in zip(docs, starts, strict=True):
        verbs = _event_verbs(doc)
        if not verbs:
            continue
        for start, end in time_spans(doc.text):
            phrase = doc.char_span(start, end, alignment_mode="expand")
            if _STATE_TIME.search(doc.text, max(0, start - 12), start):
                continue
            if phrase is not None and _governing_verb(phrase.root) in verbs:
                spans.append((offset + start, offset + end))
    return spans


def _event_verbs(doc: Doc) -> set[Token]:
    """The main clause's verb and those coordinated with it; the reported clause's verb after a verb of speech."""
    clause = main_clause(doc)
    verb = next((token for token in doc if token.idx == clause.verb_at), None) if clause else None
    if verb is None:
        return set()
    verbs = {verb, *verb.conjuncts}
    for speech in [token for token in verbs if token.lower_ in _SPEECH_VERBS]:
        verbs.update(child for child in speech.children if child.dep_ == "ccomp" and is_verb(child))
    return verbs


def _governing_verb(token: Token) -> Token | None:
    """The verb ``token`` hangs from, directly or through prepositions ("met | on | Monday"), or None.

    A noun on the way means the time is that noun's ("after | vote | Tuesday's"): no verb governs it,
    unless the noun is itself a word of time ("Sunday | night", "in the early | hours | of Wednesday").
    """
    while token.head.i != token.i:
        token = token.head
        if is_verb(token):
            return token
        if token.dep_ not in _LINKS and token.lower_ not in _TIME_NOUNS:
            return None
    return None


def check_state_time_word(entry: Entry) -> None:
    """The lexicon check: of the example's times, only the value (if any) is read as its main event's time."""
    doc = load_parser()(entry.example)
    read = [entry.example[start:end] for start, end in main_event_time_spans([doc], [0])]
    assert read == ([entry.value] if entry.value else []), (entry.term, read)
