"""Ages written as bare numbers: "Miller, 52, said", "Jane Miller 52 has", "who was 10", "over the age of 21".

News gives a person's age without a unit; these are the places where a bare
number can only be one.
"""

from __future__ import annotations

import re

from crosswire.lexicon import phrase_alternation, terms

#: "Miller, 52, now leads": an age in apposition to a name.
_APPOSITION_BEFORE = re.compile(r"[A-Z][a-z]+,\s$")
#: "Jane Miller 52 has": a full name, then the age, then the verb (news copy that lost its commas).
_FULL_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+\s[A-Z][a-z]+,?\s$")
#: ("and" is not among them: "Explorer 8 and 9" is a name and its versions, not an age.)
_VERB_AFTER = re.compile(r"^,?\s(?:has|had|is|was|said|says|will|would|who|died|dies)\b")
#: "who was 10", "He will be 35 by", "she turned 40 in"
_COPULA_BEFORE = re.compile(
    r"\b(?:who|he|she|I)\s(?:is|was|will be|would be|turns|turned|had turned|is now|was only|was just)\s$",
    re.IGNORECASE,
)
#: What may follow an age: the clause's end (a headline's line end too), or a word opening what the clause says next.
_CLAUSE_END_AFTER = re.compile(
    r"^(?:\s?[.,;:!?)]|[ \t]*\n|\s(?:by|when|in|on|at|and|but|after|before|this|last|next)\b|$)"
)
#: The words an age is written after ("aged 9", "ages 12 and 15", "age 40"; "the age of 21" too).
AGE_WORDS = frozenset({"age", "aged", "ages"})
#: "over the age of 21", "under the age of 5 (years)", "sons aged six and nine", "girls ages 16 to 18"
_AGE_OF_BEFORE = re.compile(
    rf"\b(?:age\sof|{'|'.join(sorted(AGE_WORDS))})\s(?:(?:\d{{1,3}}|[a-z]+)(?:,|\sand|\sor)\s)?$", re.IGNORECASE
)
#: "died on Sunday in a Carrow hospital at 81": a verb of ``lexicons/age_at_verbs.json``, any words of its clause,
#: then "at" right before the number.
_AGE_AT_VERBS = phrase_alternation(terms("crosswire.annotate.quantities", "age_at_verbs"))
_AGE_AT_BEFORE = re.compile(rf"\b(?:{_AGE_AT_VERBS})\b[^.;:!?\"“”]{{0,50}}?\sat\s$", re.IGNORECASE)
_YEARS_AFTER = re.compile(r"^\s(?:years|yrs)\b", re.IGNORECASE)


def could_be_age(value: float) -> bool:
    return value.is_integer() and 0 < value <= 120


def is_age_after_name(text: str, start: int, end: int, value: float) -> bool:
    """ "Jane Miller 52 has led": the number after a full name is the person's age."""
    before, after = text[max(0, start - 40) : start], text[end : end + 12]
    return could_be_age(value) and bool(_FULL_NAME_BEFORE.search(before)) and bool(_VERB_AFTER.match(after))


def follows_age_of(text: str, start: int) -> bool:
    return _AGE_OF_BEFORE.search(text[max(0, start - 30) : start]) is not None


def age_end(text: str, start: int, end: int, value: float) -> int | None:
    """Where the age ends ("5 years" after "the age of") when the bare number at start..end is one, else None."""
    if not could_be_age(value):
        return None
    before, after = text[max(0, start - 40) : start], text[end : end + 12]
    if _AGE_OF_BEFORE.search(before):
        years = _YEARS_AFTER.match(after)
        return end + years.end() if years else end
    if _APPOSITION_BEFORE.search(before) and re.match(r"[,.;)]", after):
        return end
    if value >= 2 and _COPULA_BEFORE.search(before) and _CLAUSE_END_AFTER.match(after):  # not "he was one in a"
        return end
    if is_age_after_name(text, start, end, value):
        return end
    if _AGE_AT_BEFORE.search(text[max(0, start - 80) : start]) and _CLAUSE_END_AFTER.match(after):
        return end  # "died on Sunday at 81", not "died at 2 a.m." nor "retired at 60 Main Street"
    return None
