"""Near-duplicate detection: MinHash signatures over word shingles, LSH for candidates.

A wire story reprinted by ten outlets differs by a header, a footer or a
trimmed last paragraph.  Jaccard similarity of the whole shingle sets drops
fast when one side grows, so a candidate also counts as a copy when most of
the shorter text is contained in the longer one.  Containment is estimated
from the signatures and the shingle-set sizes, which is why a signature
carries the size of its set.

The first article seen is the original; callers feed articles in
publication order.  A copy of a copy points at the first original.

Each LSH band of a signature is folded into one 64-bit key; articles
sharing a key with a new one are its candidates.  The bands are those
datasketch's ``MinHashLSH`` chooses for the candidate threshold.  Where the
keys and signatures are kept is the index's ``keeper``: in memory
(``MemoryCopies``, about 5 KB per article, for evaluations and tests), or in
the store (the engine's), so that the index of a store of millions of
articles costs no memory and no start-up time.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from datasketch import MinHash

from crosswire.stories.text import words

SHINGLE_WORDS = 5
NUM_PERM = 128
#: Pinned so stored signatures stay comparable across datasketch releases.
SCHEME = "affine32"
#: LSH retrieval threshold; lower than the verdict thresholds so that
#: contained copies (low Jaccard, high containment) still come back as candidates.
CANDIDATE_THRESHOLD = 0.3
COPY_JACCARD = 0.5
COPY_CONTAINMENT = 0.8
#: Texts shorter than this many words are too short to call a copy with confidence.
MIN_WORDS = 12

_SIZE_HEADER = struct.Struct("<Q")


@dataclass(frozen=True, slots=True)
class DuplicateMatch:
    """The article this one copies, and how similar they are (0..1)."""

    original: str
    similarity: float


def shingle_set(text: str) -> set[bytes]:
    tokens = words(text)
    if len(tokens) < SHINGLE_WORDS:
        return {" ".join(tokens).encode()} if tokens else set()
    return {" ".join(tokens[i : i + SHINGLE_WORDS]).encode() for i in range(len(tokens) - SHINGLE_WORDS + 1)}


def _minhash(shingles: set[bytes]) -> MinHash:
    sketch = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    sketch.update_batch(list(shingles))
    return sketch


def _encode(sketch: MinHash, size: int) -> bytes:
    return _SIZE_HEADER.pack(size) + np.asarray(sketch.hashvalues, dtype=np.uint32).tobytes()


def _decode(blob: bytes) -> tuple[np.ndarray, int]:
    (size,) = _SIZE_HEADER.unpack_from(blob)
    return np.frombuffer(blob[_SIZE_HEADER.size :], dtype=np.uint32), size


def containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Estimated share of the smaller set inside the larger, from Jaccard and sizes."""
    if min(size_a, size_b) == 0:
        return 0.0
    intersection = jaccard * (size_a + size_b) / (1.0 + jaccard)
    return min(1.0, intersection / min(size_a, size_b))


@dataclass(frozen=True, slots=True)
class Indexed:
    """An article in the index: its signature values, shingle-set size, and the original it copies."""

    article_id: str
    values: np.ndarray
    size: int
    original: str | None = None


class CopyKeeper(Protocol):
    """Where an index keeps its articles and their band keys."""

    def get(self, article_id: str) -> Indexed | None: ...

    def sharing(self, keys: list[int]) -> list[Indexed]:
        """The articles with any of these band keys, in the order they were added."""
        ...

    def add(self, article: Indexed, keys: list[int]) -> None:
        """Keep an article under its band keys (none for an empty text: found by id only)."""
        ...


#: The bands datasketch's MinHashLSH chooses for CANDIDATE_THRESHOLD and NUM_PERM (it weighs false positives
#: and negatives; tests/stories/test_dedupe.py checks they still agree).  Pinned, like the multipliers below,
#: because the keys are stored: other bands would find none of the stored articles.
BANDS, ROWS_PER_BAND = 37, 3
#: One odd 64-bit multiplier per position of the banded values, from a hash of the position: the same on
#: every machine and with every library version.
_MULTIPLIERS = np.array(
    [
        int.from_bytes(hashlib.sha256(f"copy band position {position}".encode()).digest()[:8], "little") | 1
        for position in range(BANDS * ROWS_PER_BAND)
    ],
    dtype=np.uint64,
).reshape(BANDS, ROWS_PER_BAND)
#: Names how band keys are made; a store whose keys were made otherwise files its articles again.
COPY_KEY_SCHEME = f"{BANDS}x{ROWS_PER_BAND}-sha256-1"


def band_keys(values: np.ndarray) -> list[int]:
    """The signature's LSH bands, each folded into one signed 64-bit key (storable as SQL BIGINT).

    A band's values times odd multipliers, one per position (so equal values in
    two bands give two keys), summed modulo 2**64: a chance collision only adds
    a candidate, which is then checked.
    """
    folded = values[: BANDS * ROWS_PER_BAND].astype(np.uint64).reshape(BANDS, ROWS_PER_BAND) * _MULTIPLIERS
    return [int(key) for key in folded.sum(axis=1, dtype=np.uint64).view(np.int64)]


class MemoryCopies:
    """A keeper in memory: signatures by row in one numpy array, each band key in one dict."""

    def __init__(self) -> None:
        #: Rows in the order articles were added (the array grows by doubling).
        self._values = np.zeros((1024, NUM_PERM), dtype=np.uint32)
        self._articles: list[Indexed] = []
        self._row_of: dict[str, int] = {}
        #: key → the row of the one article holding it, or the rows of several.
        self._buckets: dict[int, int | list[int]] = {}

    def __len__(self) -> int:
        return len(self._articles)

    def get(self, article_id: str) -> Indexed | None:
        row = self._row_of.get(article_id)
        return None if row is None else self._articles[row]

    def sharing(self, keys: list[int]) -> list[Indexed]:
        rows: set[int] = set()
        for key in keys:
            held = self._buckets.get(key)
            if isinstance(held, list):
                rows.update(held)
            elif held is not None:
                rows.add(held)
        return [self._articles[row] for row in sorted(rows)]

    def add(self, article: Indexed, keys: list[int]) -> None:
        row = len(self._articles)
        if row == len(self._values):
            self._values = np.concatenate([self._values, np.zeros_like(self._values)])
        self._values[row] = article.values
        # The row's view of the array, not the caller's: one copy of each signature.
        self._articles.append(Indexed(article.article_id, self._values[row], article.size, article.original))
        self._row_of[article.article_id] = row
        for key in keys:
            held = self._buckets.setdefault(key, row)
            if held is row:
                continue
            if isinstance(held, list):
                held.append(row)
            else:
                self._buckets[key] = [held, row]


class DuplicateIndex:
    """Incremental near-duplicate index; persist it as (article id, signature) pairs."""

    def __init__(self, keeper: CopyKeeper | None = None) -> None:
        self.keeper: CopyKeeper = keeper if keeper is not None else MemoryCopies()

    @staticmethod
    def signature(text: str) -> bytes:
        """A compact, storable signature of ``text``."""
        shingles = shingle_set(text)
        return _encode(_minhash(shingles), len(shingles))

    @classmethod
    def restore(cls, items: Iterable[tuple[str, bytes]], keeper: CopyKeeper | None = None) -> DuplicateIndex:
        """Rebuild an index from stored signatures, in the order they were first added."""
        index = cls(keeper)
        for article_id, blob in items:
            index.add_signature(article_id, blob)
        return index

    def add(self, article_id: str, text: str) -> DuplicateMatch | None:
        """Index an article; return the earlier article it copies, if any.

        Adding an id a second time is a no-op that reports the same verdict.
        """
        known = self.keeper.get(article_id)
        if known is not None:
            return _verdict(known)
        shingles = shingle_set(text)
        # Very short texts are indexed (so a later longer copy can still find
        # them) but never judged a copy themselves: too little evidence.
        judge = len(words(text)) >= MIN_WORDS
        values = np.asarray(_minhash(shingles).hashvalues, dtype=np.uint32)
        return self._insert(article_id, values, len(shingles), judge=judge)

    def original_of(self, article_id: str) -> str | None:
        known = self.keeper.get(article_id)
        return known.original if known is not None else None

    def add_signature(self, article_id: str, blob: bytes) -> DuplicateMatch | None:
        """Index an article by its stored :meth:`signature` (no re-hashing of
        the text); return the earlier article it copies, if any."""
        known = self.keeper.get(article_id)
        if known is not None:
            return _verdict(known)
        values, size = _decode(blob)
        return self._insert(article_id, values, size, judge=size >= MIN_WORDS - SHINGLE_WORDS + 1)

    def file_again(self, items: Iterable[tuple[str, bytes]]) -> None:
        """File stored signatures under their band keys again, without judging them (for a keeper that
        lost its keys or never had them); the keeper has the articles' originals."""
        for article_id, blob in items:
            values, size = _decode(blob)
            self.keeper.add(Indexed(article_id, values, size), band_keys(values) if size else [])

    def _insert(self, article_id: str, values: np.ndarray, size: int, judge: bool) -> DuplicateMatch | None:
        keys = band_keys(values) if size else []
        match = self._best_match(values, size, keys) if judge else None
        self.keeper.add(Indexed(article_id, values, size, match.original if match else None), keys)
        return match

    def _best_match(self, values: np.ndarray, size: int, keys: list[int]) -> DuplicateMatch | None:
        candidates = self.keeper.sharing(keys)
        if not candidates:
            return None
        # The share of equal minimum hashes estimates Jaccard similarity (as datasketch's MinHash.jaccard).
        agreeing = np.count_nonzero(np.stack([c.values for c in candidates]) == values, axis=1) / NUM_PERM
        best: DuplicateMatch | None = None
        for candidate, jaccard in zip(candidates, agreeing.tolist(), strict=True):
            contained = containment(jaccard, size, candidate.size)
            if jaccard < COPY_JACCARD and contained < COPY_CONTAINMENT:
                continue
            similarity = max(jaccard, contained)
            original = candidate.original or candidate.article_id
            if best is None or similarity > best.similarity:
                best = DuplicateMatch(original, similarity)
        return best


def decode_signature(blob: bytes) -> tuple[np.ndarray, int]:
    """The values and the shingle-set size a stored :meth:`DuplicateIndex.signature` holds."""
    return _decode(blob)


def _verdict(known: Indexed) -> DuplicateMatch | None:
    return DuplicateMatch(known.original, 1.0) if known.original else None
