"""Checks that the scanner reads each lexicon entry's example sentence as the entry says.

``tests/test_lexicons.py`` calls the function a lexicon names in its ``check``
field with each entry; a failure names the entry and what was read instead.
"""

from __future__ import annotations

import math
import re

from crosswire.annotate.quantities import find_quantities
from crosswire.lexicon import Entry
from crosswire.model import Quantity


def _read(entry: Entry) -> list[Quantity]:
    return find_quantities(entry.example)


def _explain(entry: Entry, found: list[Quantity]) -> str:
    read = [(q.text, q.value, q.value_max, q.unit, q.qualifier, q.change) for q in found]
    return f"{entry.term!r}: {entry.example!r} was read as {read}"


def _contains_word(phrase: str | None, word: str) -> bool:
    return phrase is not None and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", phrase, re.IGNORECASE) is not None


def check_unit(entry: Entry) -> None:
    """The example states ``reads`` in the entry's unit."""
    found = _read(entry)
    unit, amount = entry.value["unit"], float(entry.value["reads"])
    assert any(q.unit == unit and math.isclose(q.value, amount) for q in found), _explain(entry, found)


def check_rated_noun(entry: Entry) -> None:
    """The number before the noun is its rating: one amount, in the entry's unit, not a count of the noun."""
    found = _read(entry)
    assert [q.unit for q in found] == [entry.value], _explain(entry, found)


def check_scale(entry: Entry) -> None:
    """The scale word multiplies the amount before it."""
    found = _read(entry)
    amount = float(entry.value["reads"])
    assert any(math.isclose(q.value, amount) for q in found), _explain(entry, found)


def check_rate(entry: Entry) -> None:
    """The amount is a rate per the entry's denominator ("$81 a barrel" is USD per barrel)."""
    found = _read(entry)
    assert any(q.unit is not None and q.unit.endswith(f" per {entry.value}") for q in found), _explain(entry, found)


def check_number_word(entry: Entry) -> None:
    """The number word is read with its value."""
    found = _read(entry)
    value = float(entry.value["value"])
    assert any(_contains_word(q.text, entry.term) and math.isclose(q.value, value) for q in found), _explain(
        entry, found
    )


def check_vague_count(entry: Entry) -> None:
    """ "Several hundred fans" is read as the range of hundreds the words allow (300 to 900), not 100."""
    found = _read(entry)
    scale = 100.0 if "hundred" in entry.example else 1000.0 if "thousand" in entry.example else 12.0
    low, high = float(entry.value["low"]) * scale, float(entry.value["high"]) * scale
    assert any(
        _contains_word(q.text.lower(), entry.term) and math.isclose(q.value, low) and q.value_max is not None
        and math.isclose(q.value_max, high)
        for q in found
    ), _explain(entry, found)


def check_fraction(entry: Entry) -> None:
    """ "A third of the seats" is one third."""
    found = _read(entry)
    share = 1 / float(entry.value["denominator"])
    assert any(math.isclose(q.value, share) for q in found), _explain(entry, found)


def check_qualifier(entry: Entry) -> None:
    """The qualifier before the amount is reported, unless it says nothing about precision."""
    found = _read(entry)
    expected = entry.term if entry.value["reported"] else None
    assert found and found[0].qualifier == expected, _explain(entry, found)


def check_change(entry: Entry) -> None:
    """The amount after a word of change is a change in that direction."""
    found = _read(entry)
    assert found and found[0].change == entry.value, _explain(entry, found)


def check_function_word(entry: Entry) -> None:
    """No counted thing runs into a function word."""
    found = _read(entry)
    assert found and not any(_contains_word(q.unit, entry.term) for q in found), _explain(entry, found)


def check_not_a_quantity(entry: Entry) -> None:
    """A number that names, dates or places something is not read as an amount."""
    found = _read(entry)
    assert found == [], _explain(entry, found)


def check_pronoun_one(entry: Entry) -> None:
    """ "No one", "each one": the pronoun is not a count of one."""
    found = _read(entry)
    assert not any(q.text.lower() == "one" for q in found), _explain(entry, found)


def check_counted_contains_term(entry: Entry) -> None:
    """The counted thing includes the entry's word ("3 more players", "200 people")."""
    found = _read(entry)
    assert any(_contains_word(q.unit, entry.term) for q in found), _explain(entry, found)


def check_counted_contains_plural(entry: Entry) -> None:
    """A sentence opened by the entry's word still counts the noun after the number."""
    found = _read(entry)
    assert any(q.unit is not None and q.unit.islower() for q in found), _explain(entry, found)


def check_linking_verb(entry: Entry) -> None:
    """The state the linking verb links is what happened to the counted thing."""
    found = [q for q in read_with_claims(entry) if q.counted is not None]
    assert any(q.predicate == entry.value for q in found), _explain(
        entry, found
    ) + f", predicates {[q.predicate for q in found]}"


def check_event_noun(entry: Entry) -> None:
    """The happening the noun names is what happened to the things counted in its "of" phrase."""
    found = [q for q in read_with_claims(entry) if q.counted is not None]
    assert any(q.predicate == entry.value for q in found), _explain(
        entry, found
    ) + f", predicates {[q.predicate for q in found]}"


def check_particle(entry: Entry) -> None:
    """The particle stays with the verb in the predicate."""
    found = read_with_claims(entry)
    assert any(q.predicate == entry.value for q in found), _explain(entry, found) + (
        f", predicates {[q.predicate for q in found]}"
    )


def check_no_predicate(entry: Entry) -> None:
    """The figure set in the verb's circumstances by the entry's preposition has no predicate, and the same
    sentence with "for" in the preposition's place (what the verb is for: among what it acts on) has one."""
    found = read_with_claims(entry)
    assert len(found) == 1 and found[0].predicate is None, _explain(entry, found)
    with_for = Entry(entry.term, re.sub(rf"\b{entry.term}\b", "for", entry.example, count=1), entry.value)
    assert [q.predicate is not None for q in read_with_claims(with_for)] == [True], _explain(with_for, found)


def check_verb_taking_with(entry: Entry) -> None:
    """The figure after the verb's "with" has the verb as its predicate."""
    from lemminflect import getLemma

    found = read_with_claims(entry)
    assert len(found) == 1 and found[0].predicate is not None, _explain(entry, found)
    assert getLemma(found[0].predicate.split()[0], upos="VERB")[0] == entry.term, (entry.term, found[0].predicate)


def read_with_claims(entry: Entry) -> list[Quantity]:
    from crosswire.annotate.quantities.grammar import add_claims

    return add_claims(entry.example, find_quantities(entry.example))


def first_figure(entry: Entry) -> Quantity:
    """The first figure of the entry's example, read with its claim; a failure when there is none."""
    found = read_with_claims(entry)
    assert found, _explain(entry, found)
    return min(found, key=lambda q: q.start)


def first_figure_of_kind(entry: Entry) -> Quantity:
    """The first figure of the entry's example, read with its claim, after checking that its unit is of the kind
    the entry names (``units.json`` kinds: the term of the stories lexicons that list unit kinds)."""
    from crosswire.annotate.quantities.units import UNIT_KINDS

    first = first_figure(entry)
    assert first.unit is not None and UNIT_KINDS.get(first.unit) == entry.term, _explain(entry, [first])
    return first


def check_unrealised(entry: Entry) -> None:
    """The example's first figure is read as not (yet) done."""
    first = first_figure(entry)
    assert first.happened is False, (_explain(entry, [first]), first.predicate, first.happened)


def check_describing_participle(entry: Entry) -> None:
    """The example's first figure takes the clause's verb as its predicate, not the participle after its noun."""
    first = first_figure(entry)
    assert first.predicate is not None and entry.term not in first.predicate.split(), (
        _explain(entry, [first]), first.predicate
    )
