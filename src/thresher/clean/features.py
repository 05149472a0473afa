"""Features of one line: length, words, function-word density, punctuation, stamps.

Everything here is computed once per line in a single pass and is cheap: cleaning
runs over whole crawls.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from thresher.clean import vocab

_WORD = re.compile(r"\w+")
# Scripts written without spaces: CJK ideographs, kana, Thai, Lao, Khmer, Myanmar.
_NOSPACE = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0eff"
    r"\u1000-\u109f\u1780-\u17ff]"
)
_END_PUNCT = frozenset(".!?。！？…؟।")
_CLOSERS = "\"”»'’)」』 "
_BAD_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_DIGIT = re.compile(r"\d")
_LONGEST_WORD = 1000
_SAMPLE_CHARS = 2_000
_KEYED_WORDS = 60
# ``\\w+`` tokens of a long ASCII line, lower case, by bytes.translate and split
# (about twice as fast as the regex there): word characters lower-cased, others blanked.
_ASCII_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_ASCII_WORDS = bytes(ord(chr(c).lower()) if chr(c) in _ASCII_WORD_CHARS else 32 for c in range(256))
_BYTES_TOKENS = 80
_DIGIT_CHARS = 300
_NOT_DIGITS = bytes(c for c in range(256) if not chr(c).isdigit() or c > 127)
_NOT_BAD = bytes(c for c in range(256) if c > 127 or not _BAD_CHARS.match(chr(c)))
# Non-word characters common in otherwise ASCII prose: quotes, dashes, spaces, signs.
_QUOTES_DASHES = "\u2019\u2018\u201c\u201d\u201e\u00ab\u00bb\u2013\u2014\u2026"
_SPACES_SIGNS = "\u00a0\u00b7\u2022\u00a9\u00ae\u2122"
_TYPOGRAPHIC = tuple(c for c in _QUOTES_DASHES + _SPACES_SIGNS if not re.match(r"\w", c))
_STAMP_LEFTOVER = re.compile(r"[^\W\d_]{2,}")
# Characters per word in scripts without spaces, so their lines weigh like others.
_CHARS_PER_WORD = 1.7


class LineFeatures(NamedTuple):
    """What the classifier knows about one line.

    ``low_words`` are the line's lower-cased ``\\w+`` tokens; ``words`` counts them, or
    estimates a word count from the characters of a script written without spaces.
    """

    text: str
    low_words: list[str]
    words: float
    stop_ratio: float
    end_punct: bool
    has_digit: bool
    garbage: bool
    nospace: bool = False
    key: str = ""
    """Letters and digits only, lower case (short lines): what a slug keeps of a headline."""

    @property
    def lower_only(self) -> bool:
        """True when the line has letters and none of them is upper case."""
        return self.text == self.text.lower() and self.text != self.text.upper()


def line_features(text: str, stops: frozenset[str], per_char: bool) -> LineFeatures:
    """Compute the features of one stripped, non-empty line.

    Lines longer than ``_SAMPLE_CHARS`` are measured on their start (a 10 MB line
    costs no more than a paragraph); ``words`` is scaled to the whole line.
    """
    scale = 1.0
    sample = text
    if len(text) > _SAMPLE_CHARS:
        sample = text[:_SAMPLE_CHARS]
        scale = len(text) / _SAMPLE_CHARS
    tokens, has_digit, may_be_bad, nospace = _scan(sample)
    n_tokens = len(tokens)
    key = "".join(tokens) if n_tokens <= _KEYED_WORDS else ""
    if has_digit is None:
        # digits are word characters: tokens made of letters alone mean no digit at all
        has_digit = not key.isalpha() and _DIGIT.search(sample, 0, _DIGIT_CHARS) is not None
    if nospace > min(len(sample), 4000) // 3:
        words = nospace / _CHARS_PER_WORD + sum(map(str.isascii, tokens))
        found = sum(map(stops.__contains__, sample[:4000])) if per_char else 0
        stop_ratio = min(found / max(nospace, 1) * _CHARS_PER_WORD, 1.0)
    else:
        words = float(n_tokens)
        stop_ratio = min(sum(map(stops.__contains__, tokens)) / n_tokens, 1.0) if n_tokens else 0.0
    last = text[-1]
    if last in _END_PUNCT:
        end_punct = last != "." or not text.endswith("...")
    else:
        end_punct = last in _CLOSERS and _ends_sentence(text)
    # positional construction: this runs for every line of a crawl
    return _FEATURES(
        (
            text,
            tokens,
            words * scale,
            stop_ratio,
            end_punct,
            has_digit,
            len(sample) >= 20 and _is_garbage(sample, tokens, may_be_bad),
            nospace > 0,
            key,
        )
    )


_FEATURES = LineFeatures._make


def _scan(sample: str) -> tuple[list[str], bool | None, bool, int]:
    """Lower-cased ``\\w+`` tokens, whether the first 300 characters hold a digit (None:
    not known yet),
    whether a control character may be there, and the count of characters of
    scripts without spaces. Long lines that are ASCII but for typographic
    punctuation take the bytes route (same results, a fraction of the time)."""
    ascii_text = _ascii_or_none(sample) if len(sample) > _BYTES_TOKENS else None
    if ascii_text is not None:
        raw = ascii_text.encode()
        word_bytes = raw.translate(_ASCII_WORDS)
        has_digit = bool(word_bytes[:_DIGIT_CHARS].translate(None, _NOT_DIGITS))
        return word_bytes.decode().split(), has_digit, bool(raw.translate(None, _NOT_BAD)), 0
    tokens = _WORD.findall(sample.lower())
    nospace = 0 if sample.isascii() else len(_NOSPACE.findall(sample, 0, 4000))
    return tokens, None, True, nospace


def _ascii_or_none(text: str) -> str | None:
    """``text`` with typographic punctuation (not word characters) blanked, when the
    rest is ASCII: its ``\\w+`` tokens are those of ``text``."""
    if text.isascii():
        return text
    for char in _TYPOGRAPHIC:
        if char in text:
            text = text.replace(char, " ")
    return text if text.isascii() else None


def _ends_sentence(text: str) -> bool:
    """Ends in sentence punctuation, perhaps inside quotes or brackets ("...", not)."""
    last = text[-1]
    if last in _END_PUNCT:
        return not text.endswith("...")
    if last in _CLOSERS:
        core = text.rstrip(_CLOSERS)
        return bool(core) and core[-1] in _END_PUNCT and not core.endswith("...")
    return False


def _is_garbage(text: str, tokens: list[str], may_be_bad: bool = True) -> bool:
    if len(text) < 20:
        return False
    if len(text) > _LONGEST_WORD and max(map(len, tokens), default=0) > _LONGEST_WORD:
        return True
    if sum(map(len, tokens)) * 2 < len(text):
        return True
    return (
        may_be_bad
        and _BAD_CHARS.search(text) is not None
        and (len(_BAD_CHARS.findall(text, 0, 2000)) > min(len(text), 2000) * 0.05)
    )


def is_stamp(text: str) -> bool:
    """A line that is only a date, a time or an "updated" stamp."""
    if len(text) > 80:
        return False
    if (
        vocab.TIME.search(text) is None
        and vocab.DATE_NUM.search(text) is None
        and (vocab.MONTHS.search(text) is None or _DIGIT.search(text) is None)
    ):
        return False  # neither a time nor a date
    rest = vocab.TIME.sub(" ", text)
    rest = vocab.DATE_NUM.sub(" ", rest)
    rest = vocab.MONTHS.sub(" ", rest)
    rest = vocab.STAMP_WORDS.sub(" ", rest)
    return len(_STAMP_LEFTOVER.findall(rest)) <= 1
