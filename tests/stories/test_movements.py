"""A figure is a change, a level, or neither, by the words around it (``stories/movements.py``)."""

from __future__ import annotations

import pytest

from crosswire.annotate.quantities import find_quantities
from crosswire.stories.movements import movement


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        ("Shares in Velmar fell 5% to $40 on Monday.", "5%", "change"),
        ("Shares in Velmar fell 5% to $40 on Monday.", "$40", "level"),
        ("The Velmar index closed at 6,210 points.", "6,210 points", "level"),
        ("The port reported a fall of 12% in cargo.", "12%", "change"),
        ("Rents rose by under 2% last year.", "2%", "change"),
        ("Up to 70% of the calls were cut off.", "70%", None),
        ("Rents rose up to 70% in some districts.", "70%", None),
        ("He paid $40 for a ticket.", "$40", None),
        ("The fare fell, and the ferry carried 40 people to Carrow.", "40 people", None),
    ],
)
def test_movement_reads_the_words_around_the_figure(sentence: str, figure: str, expected: str | None) -> None:
    quantity = next(q for q in find_quantities(sentence) if q.text == figure)
    assert movement(sentence, quantity.start, quantity.end, quantity.change) == expected
