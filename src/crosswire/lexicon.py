"""Word lists, unit tables and other lexicons kept as data, each entry with an example.

A lexicon is a JSON file ``<package>/lexicons/<name>.json``:

    {
      "about": "what the list is for and how the code uses it",
      "check": "crosswire.annotate.qualifiers:check_example",   (optional)
      "entries": [
        {"term": "at least", "value": ">=", "example": "At least 40 boats were seen off the coast."},
        ...
      ]
    }

``term`` is what is matched (lower case unless the lexicon says otherwise),
``value`` is optional (what the term means: a symbol, a canonical name, a
number, a small object), and ``example`` is a sentence written for this
project in which the entry does its work.  Every example is run by one
parametrised test (``tests/test_lexicons.py``): the term must occur in its
example, and when the lexicon names a ``check`` function, that function is
called with the entry and asserts that the code really reads the example as
the entry says (a unit is found with its value, a qualifier sets the bound).

Lexicons are read once per process (``functools.cache``); the code holds
only the mechanism that applies them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import import_module, resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Entry:
    term: str
    example: str
    value: Any = None


@dataclass(frozen=True)
class Lexicon:
    name: str
    about: str
    entries: tuple[Entry, ...]
    check: str | None = None

    # Both are built once per lexicon: rules ask for them inside their loops
    # (corroboration asked for the participles a million times a story).
    @cached_property
    def terms(self) -> frozenset[str]:
        return frozenset(entry.term for entry in self.entries)

    def mapping(self) -> dict[str, Any]:
        """term → value (the term itself where an entry has no value); one dict
        shared by every caller, so it is read, never changed."""
        return self._mapping

    @cached_property
    def _mapping(self) -> dict[str, Any]:
        return {entry.term: entry.term if entry.value is None else entry.value for entry in self.entries}

    def checker(self) -> Callable[[Entry], None] | None:
        """The function that asserts an entry's example is read as the entry says, if the lexicon names one."""
        if self.check is None:
            return None
        module_name, _, function_name = self.check.partition(":")
        function: Callable[[Entry], None] = getattr(import_module(module_name), function_name)
        return function


class LexiconError(ValueError):
    """A lexicon file that does not follow the format above (names the file and the entry)."""


def parse_lexicon(name: str, data: Mapping[str, Any]) -> Lexicon:
    entries = []
    for position, raw in enumerate(data.get("entries", ())):
        if not isinstance(raw, Mapping) or not raw.get("term") or not raw.get("example"):
            raise LexiconError(f"lexicon {name}: entry {position} needs a 'term' and an 'example' sentence")
        entries.append(Entry(term=str(raw["term"]), example=str(raw["example"]), value=raw.get("value")))
    return Lexicon(name=name, about=str(data.get("about", "")), entries=tuple(entries), check=data.get("check"))


@cache
def load_lexicon(package: str, name: str) -> Lexicon:
    """The lexicon ``<package>/lexicons/<name>.json``, read once per process."""
    text = resources.files(package).joinpath("lexicons", f"{name}.json").read_text(encoding="utf-8")
    return parse_lexicon(f"{package}/{name}", json.loads(text))


def terms(package: str, name: str) -> frozenset[str]:
    return load_lexicon(package, name).terms


def phrase_alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of a lexicon's phrases, longest first (so "so far this year" wins over "so far"),
    a space in a phrase matching any run of whitespace (a line break inside "running\ntotal")."""
    return "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in sorted(phrases, key=len, reverse=True))


def mapping(package: str, name: str) -> dict[str, Any]:
    return load_lexicon(package, name).mapping()


def all_lexicons(root: str = "crosswire") -> Iterator[tuple[str, str]]:
    """(package, name) of every lexicon file shipped under ``root``."""
    base = resources.files(root)
    stack = [(root, base)]
    while stack:
        package, folder = stack.pop()
        for child in folder.iterdir():
            if child.name == "lexicons" and child.is_dir():
                for file in child.iterdir():
                    if file.name.endswith(".json"):
                        yield package, file.name.removesuffix(".json")
            elif child.is_dir() and not child.name.startswith(("_", ".")) and child.joinpath("__init__.py").is_file():
                stack.append((f"{package}.{child.name}", child))
