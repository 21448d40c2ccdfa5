"""Every lexicon entry's example sentence, run once (``crosswire.lexicon``).

An example must contain its term, and where the lexicon names a check
function, the code must read the example as the entry says.
"""

from __future__ import annotations

import re

import pytest

from crosswire.lexicon import Entry, LexiconError, all_lexicons, load_lexicon, parse_lexicon, phrase_alternation

LEXICONS = sorted(all_lexicons())
CASES = [
    pytest.param(package, name, entry, id=f"{package.removeprefix('crosswire.')}/{name}:{entry.term}")
    for package, name in LEXICONS
    for entry in load_lexicon(package, name).entries
]


def test_every_lexicon_says_what_it_is_for() -> None:
    for package, name in LEXICONS:
        lexicon = load_lexicon(package, name)
        assert lexicon.about.strip(), f"{package}/{name} has no 'about'"
        assert lexicon.entries, f"{package}/{name} has no entries"


def test_terms_are_not_repeated() -> None:
    for package, name in LEXICONS:
        entries = load_lexicon(package, name).entries
        terms = [entry.term for entry in entries]
        assert len(terms) == len(set(terms)), f"{package}/{name} repeats a term"


@pytest.mark.parametrize(("package", "name", "entry"), CASES)
def test_example_reads_as_the_entry_says(package: str, name: str, entry: Entry) -> None:
    words = re.escape(entry.term.casefold()).replace(r"\ ", r"\s+")
    assert re.search(rf"(?<!\w){words}(?!\w)", entry.example.casefold()), (
        f"the example of {entry.term!r} does not contain it: {entry.example!r}"
    )
    check = load_lexicon(package, name).checker()
    if check is not None:
        check(entry)


def test_a_malformed_entry_is_named() -> None:
    with pytest.raises(LexiconError, match="entry 1 needs"):
        parse_lexicon("demo", {"entries": [{"term": "a", "example": "a b"}, {"term": "c"}]})


def test_terms_and_mapping_are_built_once_and_say_what_the_entries_say() -> None:
    lexicon = parse_lexicon(
        "test/ferries",
        {"entries": [
            {"term": "ro-ro", "value": "ferry", "example": "The ro-ro left at dawn."},
            {"term": "hovercraft", "example": "A hovercraft crossed the strait."},
        ]},
    )  # fmt: skip
    assert lexicon.terms == frozenset({"ro-ro", "hovercraft"})
    assert lexicon.mapping() == {"ro-ro": "ferry", "hovercraft": "hovercraft"}
    assert lexicon.terms is lexicon.terms
    assert lexicon.mapping() is lexicon.mapping()


def test_a_phrase_alternation_prefers_the_longest_phrase_and_any_spacing() -> None:
    pattern = re.compile(rf"(?:{phrase_alternation(['so far', 'so far this year'])})")
    match = pattern.search("Six ferries so far\nthis year.")
    assert match is not None and match.group(0) == "so far\nthis year"
