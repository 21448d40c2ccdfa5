"""Near-duplicate detection: MinHash signatures over word shingles, LSH for candidates.

A wire story reprinted by ten outlets differs by a header, a footer or a
trimmed last paragraph.  Jaccard similarity of the whole shingle sets drops
fast when one side grows, so a candidate also counts as a copy when most of
the shorter text is contained in the longer one.  Containment is estimated
from the signatures and the shingle-set sizes, which is why a signature
carries the size of its set.

The first article seen is the original; callers feed articles in
publication order.  A copy of a copy points at the first original.

The index holds every article of the store, so its size per article is what
counts: signatures sit in one numpy array and each LSH band is one 64-bit
key in one dict (about 5 KB per article; datasketch's ``MinHashLSH``
with its ``LeanMinHash`` objects took about 12 KB).  The bands are those
datasketch chooses for the candidate threshold, so the candidates are the
same.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

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


class _Bands:
    """LSH buckets: articles (by row) whose signatures agree on all the values of some band.

    A band's values are folded into one 64-bit key (a sum of the values times
    odd multipliers, one per position, so equal values in two bands give two
    keys); a chance collision only adds a candidate, which is then checked.
    """

    def __init__(self, bands: int, rows: int) -> None:
        self.width = bands * rows
        self._shape = (bands, rows)
        multipliers = np.random.default_rng(SHINGLE_WORDS).integers(1, 2**63, size=self.width, dtype=np.uint64)
        self._multipliers = (multipliers | np.uint64(1)).reshape(self._shape)
        #: key → the row of the one article in the bucket, or the rows of several.
        self._buckets: dict[int, int | list[int]] = {}

    def keys(self, values: np.ndarray) -> list[int]:
        folded = values[: self.width].astype(np.uint64).reshape(self._shape) * self._multipliers
        return [int(key) for key in folded.sum(axis=1, dtype=np.uint64)]

    def add(self, row: int, keys: list[int]) -> None:
        for key in keys:
            held = self._buckets.setdefault(key, row)
            if held is row:
                continue
            if isinstance(held, list):
                held.append(row)
            else:
                self._buckets[key] = [held, row]

    def rows(self, keys: list[int]) -> set[int]:
        found: set[int] = set()
        for key in keys:
            held = self._buckets.get(key)
            if isinstance(held, list):
                found.update(held)
            elif held is not None:
                found.add(held)
        return found


#: The bands datasketch chooses for the candidate threshold (it weighs false positives and negatives).
_LSH = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
BANDS, ROWS_PER_BAND = _LSH.b, _LSH.r


class DuplicateIndex:
    """Incremental near-duplicate index; persist it as (article id, signature) pairs."""

    def __init__(self) -> None:
        self._bands = _Bands(BANDS, ROWS_PER_BAND)
        #: Signatures by row, rows in the order articles were added (grown by doubling).
        self._values = np.zeros((1024, NUM_PERM), dtype=np.uint32)
        self._sizes: list[int] = []
        self._row_of: dict[str, int] = {}
        self._ids: list[str] = []
        self._original_of: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._row_of

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
        if article_id in self._row_of:
            return self._known(article_id)
        shingles = shingle_set(text)
        # Very short texts are indexed (so a later longer copy can still find
        # them) but never judged a copy themselves: too little evidence.
        judge = len(words(text)) >= MIN_WORDS
        values = np.asarray(_minhash(shingles).hashvalues, dtype=np.uint32)
        return self._insert(article_id, values, len(shingles), judge=judge)

    def original_of(self, article_id: str) -> str | None:
        return self._original_of.get(article_id)

    def duplicates(self) -> dict[str, str]:
        """Every known copy → its original."""
        return dict(self._original_of)

    def add_signature(self, article_id: str, blob: bytes) -> DuplicateMatch | None:
        """Index an article by its stored :meth:`signature` (no re-hashing of
        the text); return the earlier article it copies, if any."""
        if article_id in self._row_of:
            return self._known(article_id)
        values, size = _decode(blob)
        return self._insert(article_id, values, size, judge=size >= MIN_WORDS - SHINGLE_WORDS + 1)

    def _known(self, article_id: str) -> DuplicateMatch | None:
        original = self._original_of.get(article_id)
        return DuplicateMatch(original, 1.0) if original else None

    def _insert(self, article_id: str, values: np.ndarray, size: int, judge: bool) -> DuplicateMatch | None:
        keys = self._bands.keys(values)
        match = self._best_match(values, size, keys) if judge and size else None
        row = len(self._ids)
        if row == len(self._values):
            self._values = np.concatenate([self._values, np.zeros_like(self._values)])
        self._values[row] = values
        self._sizes.append(size)
        self._ids.append(article_id)
        self._row_of[article_id] = row
        if size:
            self._bands.add(row, keys)
        if match is not None:
            self._original_of[article_id] = match.original
        return match

    def _best_match(self, values: np.ndarray, size: int, keys: list[int]) -> DuplicateMatch | None:
        rows = sorted(self._bands.rows(keys))
        if not rows:
            return None
        # The share of equal minimum hashes estimates Jaccard similarity (as datasketch's MinHash.jaccard).
        agreeing = np.count_nonzero(self._values[rows] == values, axis=1) / NUM_PERM
        best: DuplicateMatch | None = None
        for row, jaccard in zip(rows, agreeing.tolist(), strict=True):
            contained = containment(jaccard, size, self._sizes[row])
            if jaccard < COPY_JACCARD and contained < COPY_CONTAINMENT:
                continue
            similarity = max(jaccard, contained)
            candidate = self._ids[row]
            original = self._original_of.get(candidate, candidate)
            if best is None or similarity > best.similarity:
                best = DuplicateMatch(original, similarity)
        return best
