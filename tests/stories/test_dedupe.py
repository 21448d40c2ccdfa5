"""Near-duplicate detection and its persistence round trip."""

from __future__ import annotations

import numpy as np
from datasketch import MinHashLSH
from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.stories.dedupe import BANDS, CANDIDATE_THRESHOLD, NUM_PERM, ROWS_PER_BAND, DuplicateIndex, band_keys

ORIGINAL = (
    "The river burst its banks late on Tuesday, flooding some two hundred homes in the lower town. "
    "The mayor opened the school gym as a shelter, and rescue crews worked through the night to reach "
    "families cut off on the far side of the old stone bridge, which engineers have now closed."
)
OTHER = (
    "The city council approved a new budget for road repairs on Monday after a long debate about potholes, "
    "the price of asphalt and the contractor chosen last spring for the northern districts near the harbour."
)


def test_copy_with_added_header_and_footer_is_caught() -> None:
    index = DuplicateIndex()
    assert index.add("original", ORIGINAL) is None
    reprint = "From our partners at the Valley Wire\n" + ORIGINAL + "\nCopyright 2024 Valley Wire. All rights reserved."
    match = index.add("reprint", reprint)
    assert match is not None
    assert match.original == "original"
    assert 0.5 <= match.similarity <= 1.0


def test_trimmed_copy_is_caught() -> None:
    index = DuplicateIndex()
    index.add("original", ORIGINAL + " " + OTHER)
    match = index.add("trimmed", ORIGINAL)
    assert match is not None and match.original == "original"


def test_different_article_is_not_a_copy() -> None:
    index = DuplicateIndex()
    index.add("original", ORIGINAL)
    assert index.add("other", OTHER) is None


def test_copy_of_a_copy_points_at_the_first_original() -> None:
    index = DuplicateIndex()
    index.add("a", ORIGINAL)
    index.add("b", "Breaking: " + ORIGINAL)
    match = index.add("c", ORIGINAL + " Updated at noon.")
    assert match is not None and match.original == "a"


def test_restored_index_gives_the_same_verdicts() -> None:
    texts = {"a": ORIGINAL, "b": OTHER, "c": "Update: " + ORIGINAL}
    live = DuplicateIndex()
    for key, text in texts.items():
        live.add(key, text)
    restored = DuplicateIndex.restore((key, DuplicateIndex.signature(text)) for key, text in texts.items())
    for key in texts:
        assert restored.original_of(key) == live.original_of(key) == ("a" if key == "c" else None)
    later = restored.add("d", ORIGINAL + " More to follow.")
    assert later is not None and later.original == "a"


_VOCABULARY = ("alpha", "beta", "gamma", "delta", "river", "town", "mayor", "bridge", "night", "crews")
_words = st.lists(st.sampled_from(_VOCABULARY), min_size=0)


@settings(max_examples=50, deadline=None)
@given(_words)
def test_signature_round_trip_keeps_similarity(words: list[str]) -> None:
    text = " ".join(words)
    index = DuplicateIndex.restore([("x", DuplicateIndex.signature(text))])
    assert index.keeper.get("x") is not None
    assert DuplicateIndex.signature(text) == DuplicateIndex.signature(text)


def test_the_pinned_bands_are_those_datasketch_chooses() -> None:
    lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    assert (lsh.b, lsh.r) == (BANDS, ROWS_PER_BAND)


def test_band_keys_are_stable_and_tell_bands_apart() -> None:
    """Keys are stored: the same values give the same keys in every process, and equal values
    in two bands give two keys."""
    values = np.arange(NUM_PERM, dtype=np.uint32)
    keys = band_keys(values)
    assert len(keys) == BANDS and keys == band_keys(values.copy())
    assert all(-(2**63) <= key < 2**63 for key in keys)
    same_in_every_band = np.ones(NUM_PERM, dtype=np.uint32)
    assert len(set(band_keys(same_in_every_band))) == BANDS
