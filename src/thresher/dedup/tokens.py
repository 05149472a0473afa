"""Vectorised word tokenisation and hashing of many texts at once.

Texts are UTF-8 encoded and joined into one byte array, then lower-cased there
(ASCII, Latin-1 and basic Cyrillic capitals; ``str.lower`` costs more than all the
rest for non-ASCII text). Word bytes are
ASCII letters and digits and every non-ASCII byte, except the UTF-8 sequences of
common punctuation (Latin-1 punctuation U+00A0-U+00BF, General Punctuation
U+2000-U+207F, CJK punctuation U+3000-U+303F), which separate words like ASCII
punctuation and white space do. This works for any language written with spaces.

Each word gets a 64-bit hash from its length, its first 24 and its last 8 bytes
(all bytes of words up to 32 bytes), read as integers straight from the byte array
and mixed with the murmur3 finaliser: no Python object is made per word.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import xxhash

U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]

_K = np.uint64(0x100000001B3)
_MIX1 = np.uint64(0xFF51AFD7ED558CCD)
_MIX2 = np.uint64(0xC4CEB9FE1A85EC53)
_S33 = np.uint64(33)
_MAX_PIECE = 1 << 18  # bytes tokenised in one go: temporaries stay in the CPU cache
_PAD = b"\x00" * 16


def mix64(values: U64) -> U64:
    """The murmur3 64-bit finaliser, applied in place and returned."""
    values ^= values >> _S33
    values *= _MIX1
    values ^= values >> _S33
    values *= _MIX2
    values ^= values >> _S33
    return values


def _fold_and_mask(arr: npt.NDArray[np.uint8]) -> npt.NDArray[np.bool_]:
    """Lower-case ``arr`` in place; True where a byte belongs to a word.

    Folds ASCII, Latin-1 (U+00C0-U+00DE) and basic Cyrillic (U+0410-U+042F)
    capitals. ``arr`` ends with zero padding.
    """
    arr += ((arr - np.uint8(65)) < 26).view(np.uint8) << np.uint8(5)
    mask = (arr - np.uint8(97)) < 26
    mask |= (arr - np.uint8(48)) < 10
    mask |= arr >= 0x80
    lead = np.flatnonzero(arr[:-2] >= 0xC2)  # every lead byte of a multi-byte character
    if lead.size == 0:
        return mask
    first, second = arr[lead], arr[lead + 1]
    latin = (first == 0xC3) & (second >= 0x80) & (second <= 0x9E) & (second != 0x97)
    cyrillic_low = (first == 0xD0) & (second >= 0x90) & (second <= 0x9F)
    arr[lead[latin | cyrillic_low] + 1] += np.uint8(0x20)
    cyrillic_high = lead[(first == 0xD0) & (second >= 0xA0) & (second <= 0xAF)]
    arr[cyrillic_high] = 0xD1
    arr[cyrillic_high + 1] -= np.uint8(0x20)
    latin_punct = lead[(first == 0xC2) & (second >= 0xA0) & (second <= 0xBF)]
    mask[latin_punct] = False
    mask[latin_punct + 1] = False
    wide_punct = lead[
        ((first == 0xE2) & ((second == 0x80) | (second == 0x81))) | ((first == 0xE3) & (second == 0x80))
    ]
    for offset in (0, 1, 2):
        mask[wide_punct + offset] = False
    return mask


@dataclass(frozen=True, slots=True)
class WordHashes:
    """Hashes of the words of a batch of texts: ``hashes[starts[i]:starts[i+1]]``."""

    hashes: U64
    starts: I64

    def counts(self) -> I64:
        """Number of words of each text."""
        return np.diff(self.starts)


def _window(words8: U64, at: I64, length: U64) -> U64:
    """The first ``min(length, 8)`` bytes at each offset ``at``, little-endian."""
    values = words8[at]
    drop = np.uint64(64) - np.minimum(length, np.uint64(8)) * np.uint64(8)
    values <<= drop
    values >>= drop
    return values


def _hash_piece(buf: bytes) -> tuple[U64, I64]:
    """Word hashes of one byte buffer and the byte offset where each word starts."""
    arr = np.frombuffer(buf + _PAD, dtype=np.uint8).copy()
    mask = _fold_and_mask(arr)
    # every 8-byte window, one per byte offset (an unaligned, overlapping view)
    words8: U64 = np.ndarray(shape=(len(buf) + 8,), dtype="<u8", buffer=arr, strides=(1,))
    mask[len(buf) :] = False
    edges = np.flatnonzero(mask[1:] != mask[:-1]) + 1
    if mask[0]:
        edges = np.concatenate(([0], edges))
    begins, ends = edges[0::2], edges[1::2]
    length = (ends - begins).astype(np.uint64)
    acc = mix64(_window(words8, begins, length) ^ (length * _K))
    for k in (1, 2):
        longer = np.flatnonzero(length > np.uint64(8 * k))
        if longer.size == 0:
            break
        part = _window(words8, begins[longer] + 8 * k, length[longer] - np.uint64(8 * k))
        acc[longer] = mix64(acc[longer] ^ part)
    longest = np.flatnonzero(length > np.uint64(24))
    if longest.size:
        tail = _window(words8, ends[longest] - 8, np.full(longest.size, 8, dtype=np.uint64))
        acc[longest] = mix64(acc[longest] ^ tail ^ _K)
    return acc, begins


def _pieces(encoded: bytes) -> list[bytes]:
    """``encoded`` cut at spaces into pieces of at most ``_MAX_PIECE`` bytes."""
    pieces: list[bytes] = []
    start = 0
    while len(encoded) - start > _MAX_PIECE:
        cut = encoded.rfind(b" ", start + 1, start + _MAX_PIECE)
        if cut <= start:
            cut = start + _MAX_PIECE
        pieces.append(encoded[start:cut])
        start = cut
    pieces.append(encoded[start:])
    return pieces


def encode_texts(texts: Sequence[str]) -> list[bytes]:
    """UTF-8 bytes of each text (lone surrogates replaced); case is folded later."""
    return [text.encode("utf-8", "replace") for text in texts]


def hash_words(encoded: Sequence[bytes]) -> WordHashes:
    """Word hashes of a batch of encoded texts (see :func:`encode_texts`)."""
    counts = np.zeros(len(encoded), dtype=np.int64)
    parts: list[U64] = []
    batch: list[bytes] = []
    owners: list[int] = []

    def flush() -> None:
        words, begins = _hash_piece(b" ".join(batch))
        bounds = np.zeros(len(batch) + 1, dtype=np.int64)
        np.cumsum([len(piece) + 1 for piece in batch], out=bounds[1:])
        per_piece = np.diff(np.searchsorted(begins, bounds))
        np.add.at(counts, np.asarray(owners, dtype=np.int64), per_piece)
        parts.append(words)
        batch.clear()
        owners.clear()

    size = 0
    for index, data in enumerate(encoded):
        for piece in _pieces(data) if len(data) > _MAX_PIECE else (data,):
            if batch and size + len(piece) > _MAX_PIECE:
                flush()
                size = 0
            batch.append(piece)
            owners.append(index)
            size += len(piece) + 1
    if batch:
        flush()
    hashes = np.concatenate(parts) if parts else np.empty(0, dtype=np.uint64)
    starts = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum(counts, out=starts[1:])
    return WordHashes(hashes=hashes, starts=starts)


def exact_hashes(words: WordHashes) -> U64:
    """xxh3-128 of each text's word sequence, as an ``(n, 2)`` uint64 array.

    Two texts get the same value when they have the same words in the same order
    after lower-casing and dropping punctuation and white space.
    """
    out = np.empty((len(words.starts) - 1, 2), dtype=np.uint64)
    view = words.hashes.view(np.uint8)
    for i in range(len(out)):
        a, b = int(words.starts[i]) * 8, int(words.starts[i + 1]) * 8
        digest = xxhash.xxh3_128_intdigest(view[a:b].tobytes())
        out[i, 0] = digest >> 64
        out[i, 1] = digest & 0xFFFFFFFFFFFFFFFF
    return out
