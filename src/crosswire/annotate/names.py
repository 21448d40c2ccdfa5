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

import dataclasses
import json
import re
from collections.abc import Sequence
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
    full_names: list[tuple[int, str]] = [
        (entity.start, form)
        for entity, form in zip(entities, forms, strict=True)
        if entity.label == "PERSON" and len(form.split()) >= 2
    ]
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
    found = []
    for surname in surnames:
        for match in re.finditer(rf"\b{re.escape(surname)}\b", text):
            if not any(e.start < match.end() and match.start() < e.end for e in entities):
                found.append(Entity(text=surname, label="PERSON", start=match.start(), end=match.end()))
    return found


def _full_name(surname: str, position: int, full_names: list[tuple[int, str]]) -> str | None:
    key = surname.casefold()
    matching = [(start, name) for start, name in full_names if name.split()[-1].casefold() == key]
    before = [name for start, name in matching if start < position]
    if before:
        return before[-1]
    return matching[0][1] if matching else None
