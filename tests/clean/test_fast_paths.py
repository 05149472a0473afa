"""The fast paths of line features give what the plain regexes give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.clean.features import line_features

_ALPHABET = st.sampled_from(
    [
        *"abcXYZ019_ .,;:!?-'\"()\t\x01\x7f",
        "\u2019",
        "\u201c",
        "\u2014",
        "\u00a0",
        "\u00e9",
        "\u00c4",
        "\u00df",
        "\u00b2",
        "\u00b5",
        "\u00aa",
        "\u0085",
        "\u20ac",
        "\u0130",
        "\u4e2d",
        "\ufffd",
    ]
)
_WORD = re.compile(r"\w+")
_BAD = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, min_size=1, max_size=400))
def test_tokens_digits_and_garbage_match_the_regexes(text: str) -> None:
    text = text.strip() or "x"
    feat = line_features(text, frozenset({"abc"}), per_char=False)
    assert feat.low_words == _WORD.findall(text.lower())
    assert feat.has_digit == (re.search(r"\d", text[:300]) is not None)
    word_chars = sum(map(len, feat.low_words))
    bad = len(_BAD.findall(text)) > len(text) * 0.05
    expected_garbage = len(text) >= 20 and (word_chars < len(text) * 0.5 or bad)
    assert feat.garbage == expected_garbage


def test_latin1_line_with_wide_punctuation_is_tokenised_like_the_regex() -> None:
    text = "Die Stra\u00dfe \u201eM\u00fcller\u201c \u2013 \u00c4rger f\u00fcr 3\u20ac\u2026 \u00b5g\u00b2"
    feat = line_features(text, frozenset({"die"}), per_char=False)
    assert feat.low_words == _WORD.findall(text.lower())
    assert feat.low_words[:4] == ["die", "stra\u00dfe", "m\u00fcller", "\u00e4rger"]
    assert feat.has_digit
    assert feat.stop_ratio == 1 / len(feat.low_words)


def test_long_line_with_curly_quotes_is_tokenised_like_the_regex() -> None:
    text = "He said \u201cwe\u2019ll see\u201d \u2014 and left at 10:30\u00a0pm. " * 4
    feat = line_features(text, frozenset({"he", "and"}), per_char=False)
    assert feat.low_words[:6] == ["he", "said", "we", "ll", "see", "and"]
    assert feat.has_digit
    assert not feat.garbage
