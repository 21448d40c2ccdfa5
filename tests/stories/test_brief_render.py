"""How the brief shows a fact's value: what the articles assert, never a vague amount's lower bound alone.

Every figure here is written for these tests.
"""

from __future__ import annotations

import pytest

from crosswire.model import Brief, Fact, FactMention, FactStatus
from crosswire.stories.brief_render import brief_to_dict, brief_to_markdown, shown_value


def _fact(text: str, value: float, qualifier: str | None = None, status: FactStatus = "single") -> Fact:
    mention = FactMention("a1", text, value, qualifier, 10, 10 + len(text))
    return Fact("quantity", "people evacuated", value, status, (mention,))


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "shown"),
    [
        ("hundreds of residents", 100, None, "hundreds (200–1,000)"),
        ("dozens of boats", 12, None, "dozens (24–120)"),
        ("several hundred residents", 300, None, "several hundred (300–900)"),  # read as written, not doubled
        ("tens of thousands of fishermen", 10_000, None, "tens of thousands (20,000–100,000)"),
        ("5-10 people", 5, None, "5–10"),
        ("40 people", 40, "more than", "more than 40"),
        ("40 people", 40, None, "40"),
        ("a third of the harvest", 1 / 3, "roughly", "roughly 0.333"),  # never a float's sixteen digits
        ("$190 billion", 190_000_000_000.0, "about", "about 190,000,000,000"),
        ("$5,967.34", 5967.34, None, "5,967.34"),
    ],
)
def test_a_value_is_shown_as_asserted(text: str, value: float, qualifier: str | None, shown: str) -> None:
    fact = _fact(text, value, qualifier)
    assert shown_value(fact, fact.mentions[0]) == shown


def test_the_json_keeps_the_number_and_adds_the_range_and_the_shown_value() -> None:
    as_json = brief_to_dict(Brief("s", "Flood", (), (_fact("hundreds of residents", 100),), (), ()))
    (fact,) = as_json["facts"]
    assert (fact["value"], fact["shown"]) == (100, "hundreds (200–1,000)")
    (mention,) = fact["mentions"]
    assert (mention["value"], mention["value_max"], mention["shown"]) == (100, 1000, "hundreds (200–1,000)")


def test_a_discrepancy_table_shows_the_vague_amount_in_words() -> None:
    vague, exact = _fact("hundreds of residents", 100, status="conflict"), _fact("40 residents", 40)
    conflict = Fact("quantity", "residents evacuated", 100, "conflict", vague.mentions + exact.mentions)
    markdown = brief_to_markdown(Brief("s", "Flood", (), (conflict,), (), ()))
    rows = markdown[markdown.index("## Discrepancies") :]
    assert "| hundreds (200–1,000) |" in rows
    assert "| 100 |" not in rows
    assert "| 40 |" in rows


def test_a_range_read_from_the_whole_sentence_is_shown_whole() -> None:
    # The cited words are "8%" of "between 8% and 15.5%": the range comes from the sentence's reading.
    mention = FactMention("a1", "8%", 8, None, 10, 12, value_max=15.5)
    fact = Fact("quantity", "percent returned", 8, "single", (mention,))
    assert shown_value(fact, mention) == "8–15.5"


@pytest.mark.parametrize(
    ("unit", "shown"),
    [("USD", "about $40,000,000"), ("INR", "about ₹40,000,000"), ("CHF", "about CHF 40,000,000"),
     ("%", "about 40,000,000%"), ("km", "about 40,000,000 kilometres"), ("hour", "about 40,000,000"),
     (None, "about 40,000,000")],
)  # fmt: skip
def test_a_figure_is_shown_with_its_unit_unless_the_label_says_it(unit: str | None, shown: str) -> None:
    # "raised 40 million": dollars, not a bare 40,000,000; hours and counts are in the label ("hours flown").
    mention = FactMention("a1", "40 million", 40_000_000, "about", 0, 10)
    fact = Fact("quantity", "money raised", 40_000_000, "single", (mention,), unit=unit)
    assert shown_value(fact, mention) == shown
