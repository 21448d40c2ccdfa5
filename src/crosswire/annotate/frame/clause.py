"""Who did what, read from the dependency parse of one headline or sentence.

The main clause is the first verb with a subject of its own that is not
subordinate to another verb ("as", "after", relative clauses).  Its actors
are the subject and the subjects coordinated with it; in the passive the
"by" agent comes first, because "Depot raided by smugglers" is about the
smugglers.  A pronoun subject ("he", "it", "I") says nothing on its own, so such a
clause is passed over.

The action is the verb phrase as written: auxiliaries and adverbs right
before the verb, then its objects and complements up to the first comma,
conjunction, subordinate clause or time/cause adjunct ("after ...", "as
...", "on Monday", "late Thursday night"), which belong to *when* and *why*,
or a place adjunct after the object
("met Smith | in Paris"), which belongs to *where*.  A headline participle
whose "was" is left out ("Old pier in Carrow damaged by storm") reads as one
phrase: what happened is the participle with the noun it befell.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from crosswire.annotate.entities import TITLES
from crosswire.annotate.frame.tags import is_determiner, is_noun, is_proper_noun, is_verb
from crosswire.annotate.frame.when import time_spans
from crosswire.annotate.frame.words import words
from crosswire.annotate.nlp import load_parser
from crosswire.lexicon import Entry

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: A verb hanging from another verb by one of these is not the main event.
_SUBORDINATE = frozenset({"advcl", "relcl", "acl", "xcomp", "csubj", "csubjpass", "pcomp", "amod"})
#: Dependents that may be a bare time adjunct ("left yesterday", "met Thursday night").
_TIME_DEPS = frozenset({"npadvmod", "tmod", "advmod", "nummod"})
#: What the verb takes after it as part of the action: objects and complements.
_COMPLEMENTS = frozenset({"dobj", "dative", "ccomp", "xcomp", "attr", "acomp", "oprd"})
_BEFORE_VERB = frozenset({"aux", "auxpass", "neg", "advmod", "prt"})
_ENDS_ACTION = frozenset(
    {"punct", "cc", "conj", "advcl", "relcl", "parataxis", "mark", "nsubj", "nsubjpass", "dep", "intj", "meta"}
)
#: Prepositions that open a time or cause adjunct rather than part of the action (``lexicons/adjunct_words.json``).
ADJUNCT_WORDS = words("adjunct_words")
#: Clauses inside an object describe another event and end the action.
_NESTED_CLAUSES = frozenset({"relcl", "acl", "advcl"})
#: Prepositions that open a place adjunct once the verb has its object ("met Smith in Paris";
#: ``lexicons/place_words.json``).
PLACE_WORDS = words("place_words")
#: A reason belongs to *why*, not *what*: the "for" phrase of a verb of judging once it has its object
#: ("fined the club | for crowd trouble"), and the preposition after an adjective of feeling
#: ("are furious | over the loaves"); ``lexicons/judging_verbs.json``, ``lexicons/feeling_reasons.json``.
JUDGING_VERBS = words("judging_verbs")
FEELING_REASONS = words("feeling_reasons")
#: Subjects that only carry what the event's actors did, with the verbs that say so
#: (``lexicons/media_nouns.json``, ``lexicons/showing_verbs.json``).
_MEDIA_NOUNS = words("media_nouns")
_SHOWING_VERBS = words("showing_verbs")
_ADJECTIVE_TAGS = frozenset({"JJ", "JJR", "JJS"})
_EMPTY_SUBJECT_TAGS = frozenset({"PRP", "WP", "WDT", "EX"})
#: Words that join a name's parts or attach to it without breaking it ("Stratford-upon-Avon", "F.B.I.").
_NAME_GLUE = frozenset({"-", "’s"})
_TITLE_WORDS = frozenset(word for title in TITLES for word in title.split())


@dataclass(frozen=True, slots=True)
class Clause:
    """Actors (best first) and the action of one clause, as written in the text."""

    actors: tuple[str, ...]
    action: str
    #: The verb itself, as written.
    verb: str = ""
    #: Where the verb and the subject start in the text (-1: not known).
    verb_at: int = -1
    subject_at: int = -1


def main_clause(doc: Doc, text: str | None = None, subordinate: bool = True) -> Clause | None:
    """The clause that carries the event, or None when no verb has a meaningful subject.

    Phrases are cut from ``text`` (default: the parsed text), which may differ
    from the parsed text in letter case only.  With ``subordinate=False`` a
    verb in a subordinate clause never counts: a headline such as "Two hurt
    after bus overturns" is about the two hurt, not the bus.
    """
    source = doc.text if text is None else text
    for verb in _predicates(doc, subordinate):
        subject = _subject(verb)
        if subject is None:
            continue
        agent = _agent(verb)
        members = _members(subject)
        spans = [_actor(head) for head in members]
        if len(members) > 1 and all(is_proper_noun(member) for member in members):
            spans.insert(0, (spans[0][0], spans[-1][1]))  # "Ann Lee, Bo Park and Cy Moss" act together
        if agent is not None:
            spans.insert(0, _actor(agent))
        shown = _shown(verb, subject)
        if shown is not None:
            spans.insert(0, _actor(shown))
        actors = tuple(dict.fromkeys(_cut(source, span) for span in spans))
        action = _action(verb)
        if _is_reduced_passive(verb, subject):
            action = (_char_span(doc, _phrase_start(subject), subject.i)[0], action[1])
        return Clause(actors=actors, action=_cut(source, action), verb=verb.text, verb_at=verb.idx,
                      subject_at=min(span[0] for span in spans))  # fmt: skip
    return None


def _predicates(doc: Doc, subordinate: bool) -> Iterator[Token]:
    """Verbs in reading order, main clauses before subordinate ones."""
    verbs = [token for token in doc if is_verb(token) and token.dep_ not in ("aux", "auxpass")]
    yield from (verb for verb in verbs if verb.dep_ not in _SUBORDINATE or _is_headline_passive(verb))
    if subordinate:
        yield from (verb for verb in verbs if verb.dep_ in _SUBORDINATE and not _is_headline_passive(verb))


def _is_headline_passive(verb: Token) -> bool:
    """A participle on the headline's main noun is a passive with "was" left out ("Bridge closed by protesters")."""
    return verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and is_noun(verb.head)


def _is_reduced_passive(verb: Token, subject: Token) -> bool:
    """A participle whose "was" a headline left out ("Depot flooded in storm"), after its subject."""
    deps = {child.dep_ for child in verb.children}
    return verb.tag_ == "VBN" and not deps & {"aux", "auxpass", "dobj"} and subject.i < verb.i


def _phrase_start(head: Token) -> int:
    """Where the phrase ``head`` heads begins, after any topic label ("Tram crash: victims")."""
    start = head.left_edge.i
    for token in head.doc[start : head.i]:
        if token.is_punct and token.text not in _NAME_GLUE:
            start = token.i + 1
    return start


def _subject(verb: Token) -> Token | None:
    """The subject nearest the verb ("Tram crash: Police name victims" -> "Police")."""
    if _is_headline_passive(verb):
        return verb.head
    subjects = [child for child in verb.lefts if child.dep_ in _SUBJECTS]
    subjects = subjects or [child for child in verb.rights if child.dep_ in _SUBJECTS]
    if not subjects:
        return None
    subject = subjects[-1] if subjects[-1].i < verb.i else subjects[0]
    empty = subject.tag_ in _EMPTY_SUBJECT_TAGS or (is_determiner(subject) and subject.n_lefts == 0)
    return None if empty else subject


def _members(subject: Token) -> list[Token]:
    """The subject and the subjects coordinated with it, in reading order.

    A list of names is often parsed as an apposition followed by a
    conjunction ("Ann Lee, [appos] Bo Park and [conj] Cy Moss"); a proper
    noun in apposition to a proper noun counts as a member when the list
    goes on with a conjunction.
    """
    members = [subject, *subject.conjuncts]
    if is_proper_noun(subject):
        for child in subject.children:
            if child.dep_ == "appos" and is_proper_noun(child) and child.conjuncts:
                members += [child, *child.conjuncts]
    return sorted(set(members), key=lambda token: token.i)


def _shown(verb: Token, subject: Token) -> Token | None:
    """Who a piece of footage or a report shows: "Video shows police clearing the square" is about the police."""
    if subject.lower_ not in _MEDIA_NOUNS or verb.lower_ not in _SHOWING_VERBS:
        return None
    # The object, or the subject of the clause shown ("shows [volunteers rowing boats]").
    candidates = [child for child in verb.rights if child.dep_ == "dobj"]
    candidates += [grandchild for child in verb.rights if child.dep_ == "ccomp" for grandchild in child.lefts
                   if grandchild.dep_ == "nsubj"]  # fmt: skip
    return next((token for token in candidates if is_noun(token)), None)


def _agent(verb: Token) -> Token | None:
    """The "by" agent of a passive verb, also when the parser hung it lower ("seized in raid by customs officers")."""
    deps = {child.dep_ for child in verb.children}
    headline_participle = verb.tag_ == "VBN" and "aux" not in deps  # "Mayor cleared by panel"; not "has cleared"
    if not (deps & {"auxpass", "nsubjpass", "agent"} or headline_participle):
        return None
    for token in verb.subtree:
        if token.i > verb.i and token.lower_ == "by" and token.dep_ in ("agent", "prep"):
            for noun in token.children:
                if noun.dep_ == "pobj" and is_noun(noun):
                    return noun
    return None


def _actor(head: Token) -> tuple[int, int]:
    """The name or short noun phrase a subject token heads."""
    doc = head.doc
    if is_proper_noun(head):
        # "Port chief Ana Ruiz", "Mayor Ana Ruiz" -> "Ana Ruiz": the name itself, without role or title.
        start = end = head.i
        while start > 0 and _in_name(doc[start - 1]):
            start -= 1
        while end + 1 < len(doc) and _in_name(doc[end + 1]) and doc[end + 1].head.i in range(start, end + 2):
            end += 1
        while start < head.i and doc[start].text in _TITLE_WORDS:
            start += 1
        return _char_span(doc, start, end)
    modifiers = [child for child in head.lefts if child.dep_ not in ("punct", "cc", "case")]
    start = modifiers[0].left_edge.i if modifiers else head.i
    for token in doc[start : head.i]:
        if token.is_punct and token.text not in _NAME_GLUE:
            start = token.i + 1  # "Police: Suspect fled": the label before the colon is not part of the subject
    return _char_span(doc, start, head.i)


def _in_name(token: Token) -> bool:
    return is_proper_noun(token) or (token.text in _NAME_GLUE and not token.whitespace_)


def _action(verb: Token) -> tuple[int, int]:
    doc = verb.doc
    start = verb.i
    for child in reversed(list(verb.lefts)):
        if child.dep_ not in _BEFORE_VERB or child.right_edge.i != start - 1:
            break
        start = child.left_edge.i
    end = verb.i
    times = time_spans(doc.text)
    dependents = list(verb.rights)
    for index, child in enumerate(dependents):
        if child.dep_ in _ENDS_ACTION or (child.dep_ == "prep" and child.lower_ in ADJUNCT_WORDS):
            break
        if _tells_time(child, times) and not any(later.dep_ in _COMPLEMENTS for later in dependents[index + 1 :]):
            break  # "walked out | on Monday": the time is when, not what (but "said on Monday that ...")
        if end > verb.i and child.dep_ == "prep" and child.lower_ in PLACE_WORDS:
            break  # "avoids crash | at Monza": a place after the object is where, not what
        end = child.right_edge.i
    for token in doc[verb.i + 1 : end + 1]:
        if token.dep_ in _NESTED_CLAUSES and token.head.i != verb.i:
            end = max(verb.i, token.left_edge.i - 1)  # "free the hikers | who were lost in fog": another event
            break
        if token.dep_ == "prep" and opens_reason(verb, token):
            end = token.i - 1
            break
    while end > verb.i and doc[end].is_punct and doc[end].text not in ("'", "’", '"', "”"):
        end -= 1
    return _char_span(doc, start, end)


def opens_reason(verb: Token, preposition: Token) -> bool:
    """Whether a preposition in the verb phrase opens its reason (see ``JUDGING_VERBS``, ``FEELING_REASONS``).

    The "for" of a verb of judging counts once something stands between the
    two ("blamed the storm | for"; "apologised | for"), and the preposition
    of a feeling only right after its adjective, so "paid 5 euros for the
    map" and "voted for the plan" keep their "for".
    """
    word = preposition.lower_
    if word == "for" and is_judging_verb(verb.lower_):
        return preposition.head.i in {verb.i, *(child.i for child in verb.children if child.dep_ in _COMPLEMENTS)}
    return word in FEELING_REASONS and preposition.doc[preposition.i - 1].tag_ in _ADJECTIVE_TAGS


def is_judging_verb(word: str) -> bool:
    """Whether ``word`` is a form of a verb in ``JUDGING_VERBS`` ("fined", "blames", "praising")."""
    stems = {word, word.removesuffix("s"), word.removesuffix("es"), word.removesuffix("d"), word.removesuffix("ed")}
    stems |= {word.removesuffix("ing"), word.removesuffix("ing") + "e"}
    return bool(stems & JUDGING_VERBS)


def _tells_time(adjunct: Token, times: list[tuple[int, int]]) -> bool:
    """Whether a dependent of the verb is a time adjunct: its noun or a word before it is a day, date or clock time."""
    head = adjunct
    if adjunct.dep_ == "prep":
        head = next((child for child in adjunct.children if child.dep_ == "pobj"), adjunct)
        if head is adjunct:
            return False
    elif adjunct.dep_ not in _TIME_DEPS:
        return False
    return any(start <= token.idx < end for token in (head, *head.lefts) for start, end in times)


def _char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of tokens ``start`` to ``end`` inclusive."""
    return doc[start].idx, doc[end].idx + len(doc[end].text)


def _cut(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]]


def check_action_ends(entry: Entry) -> None:
    """The lexicon check: the action read from the example stops before the word and is the entry's value.

    Both readings are checked: the headline re-reading word by word from the
    main verb (``agreement.clause_at``), and the parse, where the word opens a
    prepositional dependent of the verb.
    """
    from crosswire.annotate.frame.agreement import clause_at  # agreement reads this module's lists

    doc = load_parser()(entry.example)
    clause = main_clause(doc)
    assert clause is not None, entry.term
    verb = next(token for token in doc if token.idx == clause.verb_at)
    reread = clause_at(doc, entry.example, verb)
    assert reread is not None and reread.action == entry.value, (entry.term, reread)
    if any(child.dep_ == "prep" and child.lower_ == entry.term for child in verb.rights):
        assert clause.action == entry.value, (entry.term, clause)


def check_reason_cut(entry: Entry) -> None:
    """The lexicon check: the action read from the example (both readings) stops before its reason."""
    from crosswire.annotate.frame.agreement import clause_at  # agreement reads this module's lists

    doc = load_parser()(entry.example)
    clause = main_clause(doc)
    assert clause is not None and clause.action == entry.value, (entry.term, clause)
    verb = next(token for token in doc if token.idx == clause.verb_at)
    reread = clause_at(doc, entry.example, verb)
    assert reread is not None and reread.action == entry.value, (entry.term, reread)


def check_shown_actor(entry: Entry) -> None:
    """The lexicon check: who the example's footage or report shows (the value) is its first actor."""
    clause = main_clause(load_parser()(entry.example))
    assert clause is not None and clause.actors[0] == entry.value, (entry.term, clause)
