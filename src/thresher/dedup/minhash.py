"""Vectorised MinHash signatures and LSH band keys.

Shingles are ``ngram`` consecutive words (a text with fewer words is one shingle);
each shingle hash ``x`` (32 bits of a 64-bit mixed hash) goes through ``num_perm``
permutations ``x -> a_k * x mod 2**32`` (odd ``a_k``: each a bijection of the 32-bit
space, so each signature value is the minimum of uniformly random values), and the
signature keeps the minimum per permutation. All texts of a batch are processed
together, in chunks of shingles that fit the CPU cache.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from thresher.dedup.config import MinHashConfig
from thresher.dedup.tokens import U64, WordHashes, encode_texts, exact_hashes, hash_words, mix64

U32 = npt.NDArray[np.uint32]
EMPTY_VALUE = np.uint32(0xFFFFFFFF)
_COMBINE = np.uint64(0x9E3779B97F4A7C15)
_BATCH_BYTES = 1 << 18
_CHUNK = 8192  # shingles per permutation block (128 x 8192 x 4 bytes = 4 MB)


@dataclass(frozen=True, slots=True)
class Sketches:
    """What the signature stage computes for a batch of texts.

    ``signatures`` is ``(n, num_perm)`` uint32; ``exact`` is the ``(n, 2)`` xxh3-128
    of the normalised text; ``words`` counts the words of each text (a text with no
    word has an all-``0xFFFFFFFF`` signature and never becomes a near duplicate).
    With ``sets=True``, ``sets`` holds each text's 32-bit shingle hashes (in text
    order, repeats included: whoever compares two sets makes them unique), one text
    after the other, and ``set_sizes`` how many each text has.
    """

    signatures: U32
    exact: U64
    words: npt.NDArray[np.int64]
    sets: U32 | None = None
    set_sizes: npt.NDArray[np.int64] | None = None


def shingle_hashes(words: WordHashes, ngram: int) -> tuple[U64, npt.NDArray[np.int64]]:
    """Hashes of every text's shingles and the text index of each shingle, in order."""
    counts = words.counts()
    hashes = words.hashes
    owner = np.repeat(np.arange(counts.size, dtype=np.int64), counts)
    m = hashes.size - ngram + 1
    if m > 0:
        acc = hashes[:m].copy()
        for j in range(1, ngram):
            acc *= _COMBINE
            acc ^= hashes[j : j + m]
        keep = np.flatnonzero(owner[:m] == owner[ngram - 1 :])
        shingles, docs = acc[keep], owner[keep]
    else:
        shingles, docs = np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int64)
    short = np.flatnonzero((counts > 0) & (counts < ngram))
    if short.size:
        extra = np.empty(short.size, dtype=np.uint64)
        combine = int(_COMBINE)
        for i, doc in enumerate(short.tolist()):
            span = hashes[words.starts[doc] : words.starts[doc + 1]].tolist()
            value = span[0]
            for word in span[1:]:
                value = ((value * combine) & 0xFFFFFFFFFFFFFFFF) ^ word
            extra[i] = value
        docs = np.concatenate((docs, short))
        order = np.argsort(docs, kind="stable")
        shingles, docs = np.concatenate((shingles, extra))[order], docs[order]
    return mix64(shingles), docs


@dataclass(frozen=True, slots=True)
class MinHasher:
    """Computes signatures and band keys for one :class:`MinHashConfig`."""

    config: MinHashConfig = field(default_factory=MinHashConfig)
    _a: U32 = field(init=False, repr=False)

    def __post_init__(self) -> None:
        rng = np.random.default_rng(self.config.seed)
        size = self.config.num_perm
        object.__setattr__(self, "_a", rng.integers(0, 2**32, size=size, dtype=np.uint32) | np.uint32(1))

    def sketch(self, texts: Sequence[str], sets: bool = False) -> Sketches:
        """Signatures, exact hashes and word counts of ``texts``.

        Texts are processed in batches of about 256 KB so that temporaries stay
        in the CPU cache; a huge text is processed alone, in pieces.
        """
        parts: list[Sketches] = []
        encoded = encode_texts(texts)
        lo = 0
        while lo < len(encoded):
            hi, size = lo, 0
            while hi < len(encoded) and (hi == lo or size + len(encoded[hi]) <= _BATCH_BYTES):
                size += len(encoded[hi]) + 1
                hi += 1
            parts.append(self._sketch_batch(encoded[lo:hi], sets))
            lo = hi
        if not parts:
            return self._sketch_batch([], sets)
        return Sketches(
            signatures=np.concatenate([p.signatures for p in parts]),
            exact=np.concatenate([p.exact for p in parts]),
            words=np.concatenate([p.words for p in parts]),
            sets=np.concatenate([p.sets for p in parts if p.sets is not None]) if sets else None,
            set_sizes=(
                np.concatenate([p.set_sizes for p in parts if p.set_sizes is not None]) if sets else None
            ),
        )

    def _sketch_batch(self, encoded: Sequence[bytes], sets: bool) -> Sketches:
        words = hash_words(encoded)
        shingles, docs = shingle_hashes(words, self.config.ngram)
        x = (shingles >> np.uint64(32)).astype(np.uint32)
        sizes = np.bincount(docs, minlength=len(encoded)).astype(np.int64) if sets else None
        return Sketches(
            signatures=self._signatures(x, docs, len(encoded)),
            exact=exact_hashes(words),
            words=words.counts(),
            sets=x if sets else None,
            set_sizes=sizes,
        )

    def signatures(self, texts: Sequence[str]) -> U32:
        """The ``(len(texts), num_perm)`` MinHash signatures of ``texts``."""
        return self.sketch(texts).signatures

    def _signatures(self, x: U32, docs: npt.NDArray[np.int64], n: int) -> U32:
        sig = np.full((n, self.config.num_perm), EMPTY_VALUE, dtype=np.uint32)
        a = self._a[:, None]
        block = np.empty((self.config.num_perm, _CHUNK), dtype=np.uint32)
        for lo in range(0, x.size, _CHUNK):
            xs, ds = x[lo : lo + _CHUNK], docs[lo : lo + _CHUNK]
            out = block[:, : xs.size]
            np.multiply(a, xs[None, :], out=out)
            seg = np.flatnonzero(np.concatenate(([True], ds[1:] != ds[:-1])))
            mins = np.minimum.reduceat(out, seg, axis=1).T
            owners = ds[seg]
            sig[owners] = np.minimum(sig[owners], mins)
        return sig

    def band_keys(self, signatures: U32) -> U64:
        """``(n, bands)`` 64-bit keys, one per band; equal keys mean equal bands."""
        bands, rows = self.config.band_shape
        n = signatures.shape[0]
        view = signatures[:, : bands * rows].reshape(n, bands, rows).astype(np.uint64)
        salt = np.uint64(self.config.seed) * _COMBINE
        keys = np.broadcast_to(np.arange(bands, dtype=np.uint64) + salt, (n, bands)).copy()
        for j in range(rows):
            keys *= _COMBINE
            keys ^= view[:, :, j]
            keys = mix64(keys)
        return keys


def estimate_jaccard(left: U32, right: U32) -> npt.NDArray[np.float64]:
    """Fraction of equal signature values, row by row (the MinHash estimate)."""
    return np.asarray((left == right).mean(axis=-1), dtype=np.float64)
