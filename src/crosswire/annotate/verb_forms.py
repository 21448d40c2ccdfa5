"""Which inflection of an English verb a word is, by lemminflect's tables: one test for the date resolver
("a settlement *approved* on Thursday") and the claim reader ("14 people were *hurt*")."""

from __future__ import annotations

from functools import lru_cache

#: Penn tags of the past tense and the past participle.
PAST_TENSE, PAST_PARTICIPLE = "VBD", "VBN"


@lru_cache(maxsize=8192)
def inflected_as(word: str, tags: tuple[str, ...]) -> bool:
    """Whether ``word`` is one of these inflections (Penn tags) of a verb it may be a form of: "taken" is a
    "VBN", "sank" a "VBD"; a noun or an adjective is neither ("engineers", "ready", "dead")."""
    from lemminflect import getInflection, getLemma  # its tables load on first use

    return any(word in getInflection(lemma, tag=tag) for lemma in getLemma(word, upos="VERB") for tag in tags)


def is_past_participle(word: str) -> bool:
    """Whether ``word`` is the past participle of a verb ("hurt", "taken", "left"; not "ready", "dead")."""
    return inflected_as(word, (PAST_PARTICIPLE,))


def is_past_form(word: str) -> bool:
    """Whether ``word`` is a verb's past tense or past participle ("approved", "held", "sank"; not "opens")."""
    return inflected_as(word, (PAST_TENSE, PAST_PARTICIPLE))
