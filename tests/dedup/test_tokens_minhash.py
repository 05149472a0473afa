"""MinHash signatures: tokenisation, hashing laws, estimates against exact Jaccard."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.dedup import tokens
from thresher.dedup.config import MinHashConfig
from thresher.dedup.evaluate import jaccard, shingle_sets
from thresher.dedup.minhash import EMPTY_VALUE, MinHasher, estimate_jaccard
from thresher.dedup.tokens import encode_texts, hash_words


def _words(text: str) -> list[int]:
    hashes: list[int] = hash_words(encode_texts([text])).hashes.tolist()
    return hashes


def test_words_ignore_case_punctuation_and_spacing() -> None:
    assert _words("Hello, World!  It's   HERE.") == _words("hello world it s here")
    assert len(_words("Hello, World!")) == 2


def test_unicode_punctuation_separates_and_letters_fold() -> None:
    assert _words("«Über» — “Straße”…") == _words("über straße")
    assert _words("ПРИВЕТ мир") == _words("привет МИР")
    assert len(_words("Éléphant über Ärger")) == 3


def test_distinct_words_get_distinct_hashes() -> None:
    long_word = "abcdefghijklmnopqrstuvwxyz012345678"
    text = f"a ab abc abcdefgh abcdefghi {long_word}9 {long_word}8"
    hashes = _words(text)
    assert len(hashes) == 7
    assert len(set(hashes)) == 7


def test_long_text_cut_into_pieces_hashes_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    text = " ".join(f"word{i % 97}" for i in range(5000))
    whole = _words(text)
    monkeypatch.setattr(tokens, "_MAX_PIECE", 1000)
    assert _words(text) == whole
    batch = hash_words(encode_texts(["short one", text, "x"]))
    assert batch.counts().tolist() == [2, 5000, 1]


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300))
def test_identical_texts_collide_and_never_raise(text: str) -> None:
    hasher = MinHasher(MinHashConfig(num_perm=32))
    sketch = hasher.sketch([text, text, text.upper()])
    assert (sketch.signatures[0] == sketch.signatures[1]).all()
    assert (sketch.exact[0] == sketch.exact[1]).all()


def test_empty_and_one_word_documents() -> None:
    hasher = MinHasher()
    sketch = hasher.sketch(["", "   ...  ", "word", "Word!", "other"])
    assert sketch.words.tolist() == [0, 0, 1, 1, 1]
    assert (sketch.signatures[0] == EMPTY_VALUE).all()
    assert (sketch.signatures[2] == sketch.signatures[3]).all()
    assert (sketch.signatures[2] != EMPTY_VALUE).all()
    assert (sketch.signatures[2] != sketch.signatures[4]).any()


def test_estimate_tracks_exact_jaccard() -> None:
    rng = np.random.default_rng(3)
    vocab = [f"v{i}" for i in range(3000)]
    base = [" ".join(rng.choice(vocab, size=400).tolist()) for _ in range(60)]
    copies = []
    for i, text in enumerate(base):
        words = text.split()
        rate = (i % 6) * 0.02
        for j in np.flatnonzero(rng.random(len(words)) < rate).tolist():
            words[j] = "edit" + str(j)
        copies.append(" ".join(words))
    hasher = MinHasher(MinHashConfig(num_perm=256))
    sig = hasher.signatures(base + copies)
    sets = shingle_sets(base + copies, 5)
    exact = np.array([jaccard(sets[i], sets[60 + i]) for i in range(60)])
    estimate = estimate_jaccard(sig[:60], sig[60:])
    errors = estimate - exact
    # standard deviation of the estimate is at most 0.5 / sqrt(256) = 0.031
    assert abs(errors.mean()) < 0.015
    assert np.abs(errors).max() < 0.12
    assert exact.min() < 0.7 < 0.99 < exact.max() + 0.01


def test_band_keys_equal_only_for_equal_bands() -> None:
    hasher = MinHasher(MinHashConfig(bands=4, rows=8, num_perm=32))
    sig = np.arange(3 * 32, dtype=np.uint32).reshape(3, 32)
    sig[1] = sig[0]
    sig[2, :8] = sig[0, :8]
    keys = hasher.band_keys(sig)
    assert keys.shape == (3, 4)
    assert (keys[0] == keys[1]).all()
    assert keys[2, 0] == keys[0, 0]
    assert (keys[2, 1:] != keys[0, 1:]).all()
    assert len(set(keys[0].tolist())) == 4  # equal values in different bands do not collide


def test_fifty_megabyte_document() -> None:
    base = " ".join(f"token{i} filler{i % 31}" for i in range(9973))
    text = (base + " ") * (50_000_000 // len(base) + 1)
    assert len(text) > 50_000_000
    hasher = MinHasher()
    sketch = hasher.sketch(["token0 filler0 token1 filler1 token2 filler2", text])
    assert sketch.words[1] == text.count(" ")
    # the 50 MB text repeats ``base``: its shingles are those of base, plus the wrap-around
    small = hasher.sketch([base + " " + base])
    assert estimate_jaccard(sketch.signatures[1], small.signatures[0]) == 1.0
