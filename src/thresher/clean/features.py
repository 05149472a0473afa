"""Features of one line: length, words, function-word density, punctuation, stamps.

Everything here is computed once per line in a single pass and is cheap: cleaning
runs over whole crawls.
"""

from __future__ import annotations

import functools
import re
from typing import Final, NamedTuple

from thresher.clean import vocab

# Vocabulary the functions below read, bound once (compiled, a Final name is a C
# static; `vocab.X` would be two dictionary look-ups per use).
_DATE_NUM: Final = vocab.DATE_NUM
_MONTHS: Final = vocab.MONTHS
_MONTHS_LOWER: Final = vocab.MONTHS_LOWER
_MONTH_WORDS: Final = vocab.MONTH_WORDS
_SIGNING_WORDS: Final = vocab.SIGNING_WORDS
_STAMP_REMOVABLE: Final = vocab.STAMP_REMOVABLE
_STAMP_SIGNATURE: Final = vocab.STAMP_SIGNATURE
_STAMP_WORDS: Final = vocab.STAMP_WORDS
_STAMP_WORDS_LOWER: Final = vocab.STAMP_WORDS_LOWER
_TIME: Final = vocab.TIME

_WORD: Final = re.compile(r"\w+")
# Scripts written without spaces: CJK ideographs, kana, Thai, Lao, Khmer, Myanmar.
_NOSPACE: Final = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0eff"
    r"\u1000-\u109f\u1780-\u17ff]"
)
END_PUNCT: Final = frozenset(".!?。！？…؟।")
CLOSERS: Final = "\"”»'’)」』 "
_BAD_CHARS: Final = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
# The characters of _NOSPACE and _BAD_CHARS as ranges (first, last, first, last...): what
# the compiled loop reads (tests/clean/test_speedups.py checks they are the same).
NOSPACE_RANGES: Final = "\u3040\u30ff\u3400\u4dbf\u4e00\u9fff\uf900\ufaff\u0e00\u0eff\u1000\u109f\u1780\u17ff"
BAD_CHAR_RANGES: Final = "\x00\x08\x0e\x1f\x7f\x9f\ufffd\ufffd"
_DIGIT: Final = re.compile(r"\d")
_LONGEST_WORD: Final = 1000
SAMPLE_CHARS: Final = 2_000
_KEYED_WORDS: Final = 60
_DIGIT_CHARS: Final = 300
# ``\\w+`` tokens of a Latin-1 line, lower case, by bytes.translate and split (a few
# times faster than the regex): word characters lower-cased (all stay in Latin-1),
# others blanked. Digits and control characters are read from the same bytes.
# Control characters become \x1c (white space to str.split, like the blank), so
# finding and counting them needs no second pass.
LATIN1_WORDS: Final = bytes(
    ord(chr(c).lower()) if re.match(r"\w", chr(c)) else 28 if _BAD_CHARS.match(chr(c)) else 32
    for c in range(256)
)
_NOT_DIGITS: Final = bytes(c for c in range(256) if not chr(c).isdigit() or c > 127)
# Punctuation and spaces beyond Latin-1 that are common in otherwise Latin-1 prose
# (quotes, dashes, ellipsis, bullets, signs): none is a word character.
WIDE_PUNCTUATION: Final = tuple(
    c
    for c in "\u2019\u2018\u201c\u201d\u201e\u201a\u2039\u203a\u2013\u2014\u2010\u2011\u2012"
    "\u2015\u2212\u2026\u2022\u2122\u20ac\u200b\u2032\u2033\u2009\u202f\u2002\u2003"
    if not re.match(r"\w", c)
)
# A character neither Latin-1 nor such punctuation (the line takes the regex route).
_BEYOND_LATIN1: Final = re.compile("[^\x00-\xff" + "".join(WIDE_PUNCTUATION) + "]")
_STAMP_LEFTOVER: Final = re.compile(r"[^\W\d_]{2,}")
# Characters per word in scripts without spaces, so their lines weigh like others.
CHARS_PER_WORD: Final = 1.7


class LineFeatures(NamedTuple):
    """What the classifier knows about one line.

    ``low_words`` are the line's lower-cased ``\\w+`` tokens; ``words`` counts them, or
    estimates a word count from the characters of a script written without spaces.
    """

    text: str
    low_words: tuple[str, ...]
    words: float
    stop_ratio: float
    end_punct: bool
    has_digit: bool
    garbage: bool
    nospace: bool = False
    key: str = ""
    """Letters and digits only, lower case (short lines): what a slug keeps of a headline."""
    latin1: bool = False
    """No character beyond Latin-1 but common punctuation: lower-casing the line is
    what case-insensitive patterns do, so cheaper tests can stand in for them."""

    @property
    def lower_only(self) -> bool:
        """True when the line has letters and none of them is upper case."""
        return self.text == self.text.lower() and self.text != self.text.upper()


def line_features(text: str, stops: frozenset[str], per_char: bool) -> LineFeatures:
    """Compute the features of one stripped, non-empty line.

    Lines longer than ``SAMPLE_CHARS`` are measured on their start (a 10 MB line
    costs no more than a paragraph); ``words`` is scaled to the whole line.
    """
    scale = 1.0
    sample = text
    if len(text) > SAMPLE_CHARS:
        sample = text[:SAMPLE_CHARS]
        scale = len(text) / SAMPLE_CHARS
    raw = sample.encode("latin-1", "ignore")
    if len(raw) != len(sample):
        blanked = _latin1_without_punctuation(sample)
        if blanked is None:
            return _features_by_regex(text, sample, scale, stops, per_char)
        raw = blanked
    # Latin-1 (most lines of the web): tokens, digits and control characters from
    # the bytes, the same as the regexes of _features_by_regex give
    word_bytes = raw.translate(LATIN1_WORDS)
    # a tuple: with strings and numbers only, the features are not tracked by the
    # garbage collector (the label memo holds tens of thousands of them)
    tokens = tuple(word_bytes.decode("latin-1").split())
    n_tokens = len(tokens)
    key = "".join(tokens) if n_tokens <= _KEYED_WORDS else ""
    # digits are word characters: a key of letters alone means no digit at all
    has_digit = not key.isalpha() and bool(word_bytes[:_DIGIT_CHARS].translate(None, _NOT_DIGITS))
    size = len(sample)
    garbage = False
    if size >= 20:
        # word characters are the bytes left standing; controls were marked
        word_chars = len(key) if key or not n_tokens else size - word_bytes.count(32) - word_bytes.count(28)
        garbage = (
            word_chars * 2 < size
            or (size > _LONGEST_WORD and max(map(len, tokens)) > _LONGEST_WORD)
            or (b"\x1c" in word_bytes and word_bytes.count(28) > size * 0.05)
        )
    last = text[-1]
    if last in END_PUNCT:
        end_punct = last != "." or not text.endswith("...")
    else:
        end_punct = last in CLOSERS and _ends_sentence(text)
    # stop words are tokens: the share is at most 1
    stop_ratio = sum(map(stops.__contains__, tokens)) / n_tokens if n_tokens else 0.0
    # tuple.__new__: the cheapest construction; this runs for every line of a crawl
    return _new_features(
        LineFeatures,
        (text, tokens, n_tokens * scale, stop_ratio, end_punct, has_digit, garbage, False, key, True),
    )


def _features_by_regex(
    text: str, sample: str, scale: float, stops: frozenset[str], per_char: bool
) -> LineFeatures:
    """:func:`line_features` of a line with characters beyond Latin-1."""
    # Turkish "İ" lower-cases to "i" and a combining dot, which splits the word
    low = (sample.replace("İ", "i") if "İ" in sample else sample).lower()
    tokens = tuple(_WORD.findall(low))
    nospace = 0 if sample.isascii() else len(_NOSPACE.findall(sample, 0, 4000))
    n_tokens = len(tokens)
    key = "".join(tokens) if n_tokens <= _KEYED_WORDS else ""
    has_digit = not key.isalpha() and _DIGIT.search(sample, 0, _DIGIT_CHARS) is not None
    if nospace > min(len(sample), 4000) // 3:
        words = nospace / CHARS_PER_WORD + sum(map(str.isascii, tokens))
        found = sum(map(stops.__contains__, sample[:4000])) if per_char else 0
        stop_ratio = min(found / max(nospace, 1) * CHARS_PER_WORD, 1.0)
    else:
        words = float(n_tokens)
        stop_ratio = min(sum(map(stops.__contains__, tokens)) / n_tokens, 1.0) if n_tokens else 0.0
    return _FEATURES(
        (
            text,
            tokens,
            words * scale,
            stop_ratio,
            _ends_in_punct(text),
            has_digit,
            len(sample) >= 20 and _is_garbage(sample, tokens),
            nospace > 0,
            key,
            False,
        )
    )


_FEATURES: Final = LineFeatures._make
_new_features = tuple.__new__


def _ends_in_punct(text: str) -> bool:
    last = text[-1]
    if last in END_PUNCT:
        return last != "." or not text.endswith("...")
    return last in CLOSERS and _ends_sentence(text)


def _latin1_without_punctuation(text: str) -> bytes | None:
    """``text`` as Latin-1 bytes, punctuation beyond Latin-1 blanked (it is no word
    character, so the ``\\w+`` tokens stay those of ``text``); None when other
    characters remain."""
    if _BEYOND_LATIN1.search(text) is not None:  # stops at the first such character
        return None
    for char in WIDE_PUNCTUATION:
        if char in text:
            text = text.replace(char, " ")
    raw = text.encode("latin-1", "ignore")
    return raw if len(raw) == len(text) else None


def _ends_sentence(text: str) -> bool:
    """Ends in sentence punctuation, perhaps inside quotes or brackets ("...", not)."""
    last = text[-1]
    if last in END_PUNCT:
        return not text.endswith("...")
    if last in CLOSERS:
        core = text.rstrip(CLOSERS)
        return bool(core) and core[-1] in END_PUNCT and not core.endswith("...")
    return False


def _is_garbage(text: str, tokens: tuple[str, ...]) -> bool:
    if len(text) < 20:
        return False
    if len(text) > _LONGEST_WORD and max(map(len, tokens), default=0) > _LONGEST_WORD:
        return True
    if sum(map(len, tokens)) * 2 < len(text):
        return True
    return _BAD_CHARS.search(text) is not None and (
        len(_BAD_CHARS.findall(text, 0, 2000)) > min(len(text), 2000) * 0.05
    )


STAMP_CHARS: Final = 80  # a stamp is a short line


@functools.lru_cache(maxsize=4096)
def is_stamp(text: str, latin1: bool = False, words: tuple[str, ...] | None = None) -> bool:
    """A line that is only a date, a time or an "updated" stamp, perhaps signed
    ("Posted on March 4, 2022 by Jane Doe").

    ``latin1`` says the line has no letter beyond Latin-1 (:attr:`LineFeatures.latin1`):
    then its letter runs tell before any pattern runs whether it can be a stamp (two
    runs that no stamp pattern takes out rule it out; no month name, no month match).
    ``words``, the line's tokens (:attr:`LineFeatures.low_words`), tell it sooner.
    (The answers are remembered: the labels and then the page's metadata ask about the
    same stamp lines.)
    """
    if len(text) > STAMP_CHARS:
        return False
    if latin1 and words is not None and stamp_ruled_out(text, words):
        return False
    if _is_signed_stamp(text, latin1):
        return True
    # "Published: Jan 18, 2023 · Modified: Feb 2, 2023 by Jane Doe"
    parts = line_parts(text)
    # (at least one part that is not empty: "|" alone is no stamp)
    return (
        len(parts) > 1
        and parts.count("") < len(parts)
        and all(_is_signed_stamp(part, latin1) for part in parts if part)
    )


def stamp_ruled_out(text: str, words: tuple[str, ...]) -> bool:
    """True when a Latin-1 line and its tokens show that it is no stamp, before any
    pattern runs (either test below; ``_speedups.c`` mirrors both)."""
    return _lacks_date_and_time(text, words) or _words_rule_out_stamp(text, words)


def _lacks_date_and_time(text: str, words: tuple[str, ...]) -> bool:
    """True when a Latin-1 line can hold no time, numeric date or month name, the one of
    which every stamp holds: a time has a ":" (``TIME``), a numeric date two of "./-"
    (``DATE_NUM``), and a month name is a whole token (``words``: every alternative of
    ``MONTHS`` is letters alone, in ``MONTH_WORDS``, and the line is cut into parts and
    signature only at non-word characters)."""
    return (
        ":" not in text
        and "年" not in text
        and text.count(".") + text.count("/") + text.count("-") < 2
        and _MONTH_WORDS.isdisjoint(words)
    )


def _words_rule_out_stamp(text: str, words: tuple[str, ...]) -> bool:
    """True when the tokens of a Latin-1 line show what :func:`_is_signed_stamp` would find
    from its letter runs: two or more that no stamp pattern removes and none a signature
    follows. Exact only when every token is letters alone (then it is one letter run) or
    decimal digits alone (no run), and the line is one part (no "|", "•", "·"): any
    other line is left to the patterns (False)."""
    loose = 0
    removable, signing = _STAMP_REMOVABLE, _SIGNING_WORDS
    for word in words:
        if word.isalpha():
            if word in signing:
                return False
            if len(word) > 1 and word not in removable:
                loose += 1
        elif not word.isdecimal():
            return False  # "3pm", "x²", "a_b": letter runs inside a token
    return loose > 1 and "|" not in text and "•" not in text and "·" not in text


_PARTS: Final = re.compile(r"\s*[|•·]\s*")


def line_parts(text: str) -> list[str]:
    """The parts of a line joined by "|", "•" or "·" ("By X · March 4, 2023"), or the
    line alone when it has no such separator."""
    return _PARTS.split(text) if ("|" in text or "•" in text or "·" in text) else [text]


def _is_signed_stamp(text: str, latin1: bool) -> bool:
    low = text.lower() if latin1 else None
    runs = _STAMP_LEFTOVER.findall(low) if low is not None else None
    if _is_bare_stamp(text, low, runs):
        return True
    if runs is not None and _SIGNING_WORDS.isdisjoint(runs):
        return False  # no signature can follow the date
    signed = signed_stamp_names(text)
    if signed is None:
        return False
    end = signed.start()
    if low is None:
        return _is_bare_stamp(text[:end], None, None)
    head = low[:end]
    return _is_bare_stamp(text[:end], head, _STAMP_LEFTOVER.findall(head))


def signed_stamp_names(text: str) -> re.Match[str] | None:
    """The "by Jane Doe" at the end of a line (its ``names`` group), if any."""
    return _STAMP_SIGNATURE.search(text)


def _is_bare_stamp(text: str, low: str | None, runs: list[str] | None) -> bool:
    """``low`` and ``runs``: the line lower-cased and its letter runs when it is Latin-1
    (then the patterns read ``low``, without case: the same matches, several times
    faster), else None."""
    subject, months, stamp_words = text, _MONTHS, _STAMP_WORDS
    month_possible = True
    if low is not None and runs is not None:
        if len([run for run in runs if run not in _STAMP_REMOVABLE]) > 1:
            return False
        month_possible = not _MONTH_WORDS.isdisjoint(runs)
        subject, months, stamp_words = low, _MONTHS_LOWER, _STAMP_WORDS_LOWER
    if (
        _TIME.search(subject) is None
        and _DATE_NUM.search(subject) is None
        and (not month_possible or months.search(subject) is None or _DIGIT.search(subject) is None)
    ):
        return False  # neither a time nor a date
    rest = _TIME.sub(" ", subject)
    rest = _DATE_NUM.sub(" ", rest)
    if month_possible:
        # (a month name is a whole letter run of the line: the time and date patterns
        # begin and end at word boundaries, so what they take out splits no run)
        rest = months.sub(" ", rest)
    rest = stamp_words.sub(" ", rest)
    return len(_STAMP_LEFTOVER.findall(rest)) <= 1
