"""Near-duplicate detection: MinHash signatures over word shingles, LSH for candidates.

A wire story reprinted by ten outlets differs by a header, a footer or a
trimmed last paragraph.  Jaccard similarity of the whole shingle sets drops
fast when one side grows, so a candidate also counts as a copy when most of
the shorter text is contained in the longer one.  Containment is estimated
from the signatures and the shingle-set sizes, which is why a signature
carries the size of its set.

The first article seen is the original; callers feed articles in
publication order.  A copy of a copy points at the first original.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

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


def _decode(blob: bytes) -> tuple[LeanMinHash, int]:
    (size,) = _SIZE_HEADER.unpack_from(blob)
    values = np.frombuffer(blob[_SIZE_HEADER.size :], dtype=np.uint32)
    return LeanMinHash(seed=1, hashvalues=values, scheme=SCHEME), size


def containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Estimated share of the smaller set inside the larger, from Jaccard and sizes."""
    if min(size_a, size_b) == 0:
        return 0.0
    intersection = jaccard * (size_a + size_b) / (1.0 + jaccard)
    return min(1.0, intersection / min(size_a, size_b))


class DuplicateIndex:
    """Incremental near-duplicate index; persist it as (article id, signature) pairs."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
        self._sketches: dict[str, tuple[LeanMinHash, int]] = {}
        self._original_of: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._sketches)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._sketches

    @staticmethod
    def signature(text: str) -> bytes:
        """A compact, storable signature of ``text``."""
        shingles = shingle_set(text)
        return _encode(_minhash(shingles), len(shingles))

    @classmethod
    def restore(cls, items: Iterable[tuple[str, bytes]]) -> DuplicateIndex:
        """Rebuild an index from stored signatures, in the order they were first added."""
        index = cls()
        for article_id, blob in items:
            index.add_signature(article_id, blob)
        return index

    def add(self, article_id: str, text: str) -> DuplicateMatch | None:
        """Index an article; return the earlier article it copies, if any.

        Adding an id a second time is a no-op that reports the same verdict.
        """
        if article_id in self._sketches:
            original = self._original_of.get(article_id)
            return DuplicateMatch(original, 1.0) if original else None
        shingles = shingle_set(text)
        # Very short texts are indexed (so a later longer copy can still find
        # them) but never judged a copy themselves: too little evidence.
        judge = len(words(text)) >= MIN_WORDS
        return self._insert(article_id, _minhash(shingles), len(shingles), judge=judge)

    def original_of(self, article_id: str) -> str | None:
        return self._original_of.get(article_id)

    def duplicates(self) -> dict[str, str]:
        """Every known copy → its original."""
        return dict(self._original_of)

    def add_signature(self, article_id: str, blob: bytes) -> DuplicateMatch | None:
        """Index an article by its stored :meth:`signature` (no re-hashing of
        the text); return the earlier article it copies, if any."""
        if article_id in self._sketches:
            original = self._original_of.get(article_id)
            return DuplicateMatch(original, 1.0) if original else None
        sketch, size = _decode(blob)
        return self._insert(article_id, sketch, size, judge=size >= MIN_WORDS - SHINGLE_WORDS + 1)

    def _insert(self, article_id: str, sketch: MinHash, size: int, judge: bool) -> DuplicateMatch | None:
        match = self._best_match(sketch, size) if judge and size else None
        lean = sketch if isinstance(sketch, LeanMinHash) else LeanMinHash(sketch)
        self._sketches[article_id] = (lean, size)
        if size:
            self._lsh.insert(article_id, lean)
        if match is not None:
            self._original_of[article_id] = match.original
        return match

    def _best_match(self, sketch: MinHash, size: int) -> DuplicateMatch | None:
        best: DuplicateMatch | None = None
        for candidate in self._lsh.query(sketch):
            other, other_size = self._sketches[candidate]
            jaccard = sketch.jaccard(other)
            contained = containment(jaccard, size, other_size)
            if jaccard < COPY_JACCARD and contained < COPY_CONTAINMENT:
                continue
            similarity = max(jaccard, contained)
            original = self._original_of.get(candidate, candidate)
            if best is None or similarity > best.similarity:
                best = DuplicateMatch(original, similarity)
        return best
