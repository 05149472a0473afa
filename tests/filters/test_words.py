"""The word splitter agrees with spaCy's English tokenizer on the forms the rules count."""

from __future__ import annotations

import pytest

from thresher.filters.words import count_sentences, english_words, split_chunk


@pytest.mark.parametrize(
    ("chunk", "expected"),
    [
        ("said.", ("said", ".")),
        ("2011.", ("2011", ".")),
        ("don't", ("do", "n't")),
        ("can’t", ("ca", "n’t")),
        ("dont", ("do", "nt")),
        ("cannot", ("can", "not")),
        ("it's", ("it", "'s")),
        ("I'm", ("I", "'m")),
        ("Zealand's", ("Zealand", "'s")),
        ("(and", ("(", "and")),
        ("2010).", ("2010", ")", ".")),
        ("“The", ("“", "The")),
        ("Mr.", ("Mr.",)),
        ("e.g.,", ("e.g.", ",")),
        ("U.S.", ("U.S.",)),
        ("USA.", ("USA", ".")),
        ("well-known", ("well", "-", "known")),
        ("5-10", ("5", "-", "10")),
        ("a-5", ("a-5",)),
        ("5km", ("5", "km")),
        ("3.5%", ("3.5", "%")),
        ("$5", ("$", "5")),
        ("10am", ("10", "am")),
        ("hello...world", ("hello", "...", "world")),
        ("text.Another", ("text", ".", "Another")),
        ("and/or", ("and/or",)),
        ("abc/def", ("abc", "/", "def")),
        ("www.example.com/page", ("www.example.com/page",)),
        ("user@example.org.", ("user@example.org", ".")),
        ("====", ("=", "=", "=", "=")),
        ("----", ("----",)),
        ("©2019", ("©", "2019")),
        ("5°C", ("5", "°", "C")),
        ("있다.", ("있다", ".")),
        (":)", (":)",)),
    ],
)
def test_split_chunk_matches_spacy_forms(chunk: str, expected: tuple[str, ...]) -> None:
    assert split_chunk(chunk) == expected


def test_english_words_splits_on_any_white_space() -> None:
    assert english_words("One two,\tthree\n\nfour.") == ["One", "two", ",", "three", "four", "."]


def test_english_words_of_empty_text() -> None:
    assert english_words("") == []
    assert english_words(" \n\t ") == []


@pytest.mark.parametrize(
    ("line", "sentences"),
    [
        ("One sentence here.", 1),
        ("First one. Second one! Third one?", 3),
        ('He said "stop." Then left.', 2),
        ("Mr. Smith went to Washington.", 1),
        ("Wait... what", 1),
        ("No end mark", 1),
    ],
)
def test_count_sentences(line: str, sentences: int) -> None:
    assert count_sentences(english_words(line)) == sentences


def test_count_sentences_of_nothing() -> None:
    assert count_sentences([]) == 0
