"""GopherRepetitionFilter: duplicate lines, paragraphs and n-grams."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.document import Document, Drop
from thresher.errors import ConfigError
from thresher.filters import GopherRepetitionFilter
from thresher.filters.repetition import (
    _NGrams,
    duplicated_ngram_chars,
    find_duplicates,
    top_ngram_chars,
)


def _doc(text: str) -> Document:
    return Document(id="t", text=text)


def test_prose_passes(prose: str) -> None:
    doc = _doc(prose)
    assert GopherRepetitionFilter().apply(doc) is doc


def test_empty_text() -> None:
    answer = GopherRepetitionFilter().apply(_doc(""))
    assert isinstance(answer, Drop) and answer.reason == "gopher_empty"


def test_repeated_lines(prose: str) -> None:
    lines = prose.splitlines()
    text = "\n".join(lines[:3] + ["Read more"] * 4)
    answer = GopherRepetitionFilter().apply(_doc(text))
    assert isinstance(answer, Drop) and answer.reason == "gopher_dup_line_frac"


def test_repeated_paragraph_characters(prose: str) -> None:
    lines = prose.splitlines()
    text = "\n\n".join([*lines[:5], lines[0], lines[1]])
    answer = GopherRepetitionFilter().apply(_doc(text))
    assert isinstance(answer, Drop) and answer.reason == "gopher_dup_para_char_frac"


def test_repeated_phrase_inside_lines(prose: str) -> None:
    phrase = "buy cheap shoes online today "
    text = prose + "\n" + " ".join(phrase * 6 for _ in range(1))
    answer = GopherRepetitionFilter().apply(_doc(text))
    assert isinstance(answer, Drop)
    assert answer.reason in ("gopher_top_n_gram", "gopher_duplicated_n_grams")


def test_find_duplicates_counts_repeats_and_their_characters() -> None:
    assert find_duplicates(["ab", "c", "ab", "ab", "c"]) == (3, 5)


def test_top_ngram_is_most_frequent_times_its_length() -> None:
    words = ["a", "b", "a", "b", "a", "b", "c"]
    # "a b" occurs 3 times; joined with a space it is 3 characters long
    assert top_ngram_chars(_NGrams(words), 2) == 9


def test_top_ngram_ties_go_to_the_first_seen() -> None:
    words = ["xx", "yy", "z", "w"]
    # every bigram occurs once; the first one, "xx yy", is 5 characters
    assert top_ngram_chars(_NGrams(words), 2) == 5


def test_duplicated_ngrams_skip_past_each_repeat() -> None:
    words = ["a", "b", "c", "a", "b", "c", "a", "b"]
    # 2-grams: ab bc ca [ab: dup, +2, jump 2] ca? -> position 5 "ca" seen: +2, jump to 7
    assert duplicated_ngram_chars(_NGrams(words), 2) == 4


def test_signals_hold_every_fraction(prose: str) -> None:
    doc = _doc(prose)
    GopherRepetitionFilter(signals=True).apply(doc)
    signals = doc.meta["signals"]
    assert signals["gopher_dup_line_frac"] == 0
    assert {f"gopher_dup_{n}_gram_char_frac" for n in range(5, 11)} <= set(signals)


def test_ngram_sizes_must_increase() -> None:
    with pytest.raises(ConfigError, match="top_n_grams"):
        GopherRepetitionFilter(top_n_grams=((3, 0.2), (2, 0.2)))


def _reference_walk(words: list[str], n: int) -> int:
    """datatrove's walk written out plainly, on word tuples."""
    seen: set[tuple[str, ...]] = set()
    total = index = 0
    while index < len(words) - n + 1:
        gram = tuple(words[index : index + n])
        if gram in seen:
            total += sum(map(len, gram))
            index += n
        else:
            seen.add(gram)
            index += 1
    return total


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "b", "cc"]), max_size=60),
    st.integers(min_value=1, max_value=6),
)
def test_duplicated_ngrams_equal_the_plain_walk(words: list[str], n: int) -> None:
    assert duplicated_ngram_chars(_NGrams(words), n) == _reference_walk(words, n)


def test_configuration_lists_become_pairs(prose: str) -> None:
    step = GopherRepetitionFilter(top_n_grams=[[2, 0.2]], dup_n_grams=[[5, 0.15]])  # type: ignore[arg-type]
    assert step.top_n_grams == ((2, 0.2),)
    doc = _doc(prose)
    assert step.apply(doc) is doc
