"""One name per entity within an article.

Outlets spell the same people and places differently (Zelensky,
Zelenskyy; Kiev, Kyiv), call a government by its building ("the Kremlin
said") and, after the first mention, use a surname alone.  Facts can only
be compared across outlets once those are one name, so every entity gets
``Entity.name``: the form from ``rules/names.json`` for a known variant or
metonym, the article's full name for a surname-only person, else its own
text tidied (no leading "the", no possessive).
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import json
import re
from collections.abc import Iterator, Sequence
from functools import cache
from importlib import resources

from crosswire.model import Entity

_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")


@cache
def _rules() -> dict[str, dict[str, str]]:
    text = resources.files("crosswire.annotate").joinpath("rules", "names.json").read_text("utf-8")
    rules: dict[str, dict[str, str]] = json.loads(text)
    return rules


def tidy(text: str) -> str:
    """The entity text without a leading "the", a possessive or extra spaces."""
    return _POSSESSIVE.sub("", _LEADING_THE.sub("", " ".join(text.split())))


def common_form(text: str) -> str:
    """The one spelling we use for ``text`` (a known variant or metonym), else ``text`` tidied."""
    tidied = tidy(text)
    key = tidied.casefold()
    rules = _rules()
    return rules["variants"].get(key) or rules["metonyms"].get(key) or tidied


def link_names(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """``entities`` (in text order) with ``name`` filled in, plus the
    surname-only mentions of people the model missed.

    A one-word PERSON takes the full name of the person mentioned last
    before it with that surname (or, failing that, the first after it):
    "Fisheries Minister Lena Kovac … Kovac said" makes both "Lena Kovac".
    """
    entities = sorted([*entities, *_missed_surnames(text, entities)], key=lambda e: (e.start, e.end))
    forms = [common_form(entity.text) for entity in entities]
    full_names: dict[str, list[tuple[int, str]]] = {}
    for entity, form in zip(entities, forms, strict=True):
        if entity.label == "PERSON" and len(form.split()) >= 2:
            full_names.setdefault(form.split()[-1].casefold(), []).append((entity.start, form))
    linked = []
    for entity, form in zip(entities, forms, strict=True):
        if entity.label == "PERSON" and len(form.split()) == 1:
            form = _full_name(form, entity.start, full_names) or form
        linked.append(dataclasses.replace(entity, name=form))
    return linked


def _missed_surnames(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """Later bare mentions of a named person's surname that no entity covers
    (the small model often misses "Kovac said" after "Lena Kovac")."""
    surnames = {
        entity.text.split()[-1]
        for entity in entities
        if entity.label == "PERSON" and len(entity.text.split()) >= 2 and len(entity.text.split()[-1]) >= 3
    }
    if not surnames:
        return []
    covered = _Coverage(entities)
    found = []
    for surname in surnames:
        for start, end in whole_word_occurrences(text, surname):
            if not covered.overlaps(start, end):
                found.append(Entity(text=surname, label="PERSON", start=start, end=end))
    return found


def _word_char(char: str) -> bool:
    """What ``\\w`` matches in a ``str`` pattern."""
    return char.isalnum() or char == "_"


def whole_word_occurrences(text: str, word: str) -> Iterator[tuple[int, int]]:
    """The spans ``re.finditer(rf"\\b{re.escape(word)}\\b", text)`` gives, found with
    ``str.find``: a pattern that opens with ``\\b`` is tried at every position
    (no literal prefix to skip to), and one compiled pattern per surname of every
    article cost more than the search (half of the entity rules' time)."""
    if not word:
        return
    opens_word, closes_word = _word_char(word[0]), _word_char(word[-1])
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        # ``\b`` holds where a word character meets a non-word character (or an end of the text).
        word_before = start > 0 and _word_char(text[start - 1])
        word_after = end < len(text) and _word_char(text[end])
        if word_before != opens_word and closes_word != word_after:
            yield start, end
            start = text.find(word, end)
        else:
            start = text.find(word, start + 1)


class _Coverage:
    """Whether a span overlaps any of some entities, in log time: a surname of
    a long article is looked up once per mention against every entity."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        spans = sorted((entity.start, entity.end) for entity in entities)
        self._starts = [start for start, _ in spans]
        #: The furthest end among the first i spans (by start).
        self._reach = [0, *itertools.accumulate((end for _, end in spans), max)]

    def overlaps(self, start: int, end: int) -> bool:
        # The spans starting before ``end`` overlap when one of them ends after ``start``.
        return self._reach[bisect.bisect_left(self._starts, end)] > start


def _full_name(surname: str, position: int, full_names: dict[str, list[tuple[int, str]]]) -> str | None:
    """The full name with this surname mentioned last before ``position``, else the first after it."""
    matching = full_names.get(surname.casefold(), [])
    before = [name for start, name in matching if start < position]
    if before:
        return before[-1]
    return matching[0][1] if matching else None
