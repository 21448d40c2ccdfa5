"""A headline verb the parser took for a noun, found through the lead.

Headline English drops articles and auxiliaries, so "Singer stages boycott
outside tower" is read by the parser as a noun phrase "Singer stages" with
"boycott" as the verb.  The lead says the same thing in full sentences
("The singer staged a boycott ...") and the parser gets it right there.  When
a headline word shares its stem with the lead's verb but the parser did not
take it as the headline's verb, that word is the verb: the words before it
are the actor and the words from it to the first break are the action.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from crosswire.annotate.frame.clause import (
    ADJUNCT_WORDS,
    FEELING_REASONS,
    PLACE_WORDS,
    Clause,
    is_judging_verb,
)
from crosswire.annotate.frame.headline import stem
from crosswire.annotate.frame.tags import in_noun_phrase, is_verb

_QUOTES = frozenset({"'", "’", "‘", '"', "“", "”"})


def reread_with_lead_verb(doc: Doc, text: str, parsed: Clause | None, lead_verb: str) -> Clause | None:
    """The headline clause around the word that shares the lead verb's stem, or None when nothing needs fixing."""
    target = stem(lead_verb.lower())
    if parsed is not None and stem(parsed.verb.lower()) == target:
        return None
    for token in doc:
        if not is_verb(token) and stem(token.lower_) == target and token.i > 0:
            return clause_at(doc, text, token)
    return None


def clause_at(doc: Doc, text: str, verb: Token) -> Clause | None:
    start = verb.i
    while start > 0 and in_noun_phrase(doc[start - 1]):
        start -= 1
    if start == verb.i:
        return None
    end = verb.i
    for token in doc[verb.i + 1 :]:
        breaks = token.is_punct and token.text not in _QUOTES and token.text != "-"
        if breaks or token.dep_ == "cc" or token.lower_ in ADJUNCT_WORDS:
            break
        if token.lower_ in PLACE_WORDS and end > verb.i:
            break
        if token.lower_ == "for" and is_judging_verb(verb.lower_):
            break  # "blames rain | for the delay": the reason is why
        if token.lower_ in FEELING_REASONS and doc[token.i - 1].tag_ in ("JJ", "JJR", "JJS"):
            break  # "angry | over the fares"
        end = token.i
    actor = text[doc[start].idx : doc[verb.i - 1].idx + len(doc[verb.i - 1].text)]
    action = text[verb.idx : doc[end].idx + len(doc[end].text)]
    return Clause(actors=(actor,), action=action, verb=verb.text, verb_at=verb.idx, subject_at=doc[start].idx)
