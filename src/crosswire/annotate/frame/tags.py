"""Word classes read from Penn Treebank tags.

The frame's parse runs without spaCy's attribute ruler, which only maps
these tags to coarse classes and costs a quarter of the parse, so the
classes are read from the tags here.
"""

from __future__ import annotations

from spacy.tokens import Token

_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_PROPER_NOUN_TAGS = frozenset({"NNP", "NNPS"})
_DETERMINER_TAGS = frozenset({"DT", "PDT", "WDT"})
#: Words that may make up a noun phrase before a headline verb ("the new city council").
_NOUN_PHRASE_TAGS = _NOUN_TAGS | _DETERMINER_TAGS | frozenset({"JJ", "JJR", "JJS", "CD", "POS"})


def is_verb(token: Token) -> bool:
    return token.tag_.startswith("VB") or token.tag_ == "MD"


def is_noun(token: Token) -> bool:
    return token.tag_ in _NOUN_TAGS


def is_proper_noun(token: Token) -> bool:
    return token.tag_ in _PROPER_NOUN_TAGS


def is_determiner(token: Token) -> bool:
    return token.tag_ in _DETERMINER_TAGS


def in_noun_phrase(token: Token) -> bool:
    return token.tag_ in _NOUN_PHRASE_TAGS
