"""A headline verb the parser missed, found through a list of English verbs.

Headlines drop the words that tell a parser where the verb is: "Coach
slams 'unfair' fixture list" is read as one noun phrase with "slams" a plural
noun, so no clause is found.  When the parse gives no clause, the first word
after the noun phrase opening the headline (after any "Topic:" label) is
taken as the verb when it is a verb form (its base form is in the model's
verb list: "slams" -> "slam", "rams" -> "ram", "lead"), agrees with the
noun before it ("Mayor slams", "Mayor and aide slam") and is followed by
something a verb can take (an object, a particle, a quote, "to").  The same
reading wins over a parse whose subject comes after that word: in "Kovac
beats Ruiz to win final" the parser takes "Kovac beats" for a noun phrase
and Ruiz for the one who wins.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Span, Token

from crosswire.annotate.frame.agreement import clause_at
from crosswire.annotate.frame.clause import Clause
from crosswire.annotate.frame.headline import is_verb_form
from crosswire.annotate.frame.tags import in_noun_phrase, is_determiner, is_noun

#: Tags the parser gives a headline verb it mistook: a plural or singular noun, or a verb without a subject.
_MISREAD_TAGS = frozenset({"NNS", "NN", "VBZ", "VBP", "VB"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
#: Words that join the parts of a coordinated actor ("Ann Lee, Bo Park and Cy Moss").
_JOINING_TAGS = frozenset({"CC", ","})
#: What may follow a verb: an object, its modifiers, a particle or preposition, a quote, an infinitive ("votes to").
_FOLLOWER_TAGS = frozenset({"DT", "PDT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "PRP$", "RP", "IN",
                            "RB", "``", "''", "VBN", "VBG", "TO"})  # fmt: skip


def reread_with_verb_list(doc: Doc, text: str) -> Clause | None:
    """The headline's clause around the first word that reads as a verb, or None."""
    opening = _after_topic_label(doc)
    for token in doc[opening + 1 : -1]:
        before = doc[token.i - 1]
        if not (in_noun_phrase(before) or before.tag_ in _JOINING_TAGS) or is_determiner(before):
            break  # the opening noun phrase has ended without a verb
        if _reads_as_verb(token, doc[opening : token.i]) and doc[token.i + 1].tag_ in _FOLLOWER_TAGS:
            clause = clause_at(doc, text, token)
            # The whole opening phrase is the actor: "Ann Lee and Bo Park lead ..." names both.
            actor = text[doc[opening].idx : before.idx + len(before)]
            return clause and dataclasses.replace(clause, actors=(actor,))
    return None


def _after_topic_label(doc: Doc) -> int:
    """Where the headline proper starts: after "Storm Ida:", if there is such a label."""
    colons = [token.i for token in doc[:-1] if token.text == ":"]
    return colons[-1] + 1 if colons else 0


def _reads_as_verb(token: Token, subject: Span) -> bool:
    """A verb form in the verb list that agrees with the subject before it ("Mayor slams", "Mayor and aide slam")."""
    if token.tag_ not in _MISREAD_TAGS or not token.is_lower:
        return False
    nouns = [word for word in subject if is_noun(word)]
    if not nouns or nouns[-1] != subject[-1]:
        return False  # "Chemical plant fire", "thick smoke": the word after an adjective is its noun
    third_person = token.lower_.endswith("s") and not token.lower_.endswith("ss")
    plural = nouns[-1].tag_ in _PLURAL_TAGS or any(word.tag_ == "CC" for word in subject)
    if third_person == plural:
        return False
    return is_verb_form(token.lower_)
