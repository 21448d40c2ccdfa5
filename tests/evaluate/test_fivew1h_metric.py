"""The 5W1H scoring rule on hand-made phrases."""

from __future__ import annotations

import pytest

from crosswire.evaluate.fivew1h import token_f1


@pytest.mark.parametrize(
    ("answer", "gold", "expected"),
    [
        ("Donald Trump", "Donald Trump", 1.0),
        ("President Donald Trump", "Donald Trump", 0.8),
        ("at the White House", "White House", 2 * (2 / 4) * 1.0 / (2 / 4 + 1.0)),
        ("Croydon", "in a tunnel near Sandilands", 0.0),
        ("", "Croydon", 0.0),
    ],
)
def test_token_f1(answer: str, gold: str, expected: float) -> None:
    assert token_f1(answer, gold) == pytest.approx(expected)
