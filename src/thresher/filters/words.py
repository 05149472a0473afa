"""Fast English word and sentence splitting that agrees with spaCy's rules where filters need it.

The Gopher, C4 and FineWeb rules count *words* and *sentences*. datatrove counts them with
spaCy's blank English pipeline (tokenizer + sentencizer), which costs most of its time. This
module reproduces the decisions that matter for those counts with plain Python:

* text is cut at white space; a chunk made only of letters is one word (the common case),
  except apostrophe-less contractions (``dont`` -> ``do`` ``nt``, ``cannot`` -> ``can`` ``not``);
* other chunks lose leading punctuation (quotes, brackets, currency, symbols) and trailing
  punctuation (``.`` after a lowercase letter or digit, ``,;:!?)]}``, quotes, ``'s``, units
  after a number such as ``5km``) one piece at a time, then split inside at hyphens between
  letters, ``/`` ``:`` ``=`` between letters, ``.`` between a lowercase and an uppercase
  letter, ``,`` between letters and ``...``;
* abbreviations (``Mr.``, ``e.g.``, ``U.S.``, month and state abbreviations), contractions
  (``don't`` -> ``do`` ``n't``), URLs and e-mail addresses are kept as spaCy keeps them.

:func:`count_sentences` then applies the sentencizer's rule: a sentence ends at a token that
is a sentence-final mark and the next token that is not punctuation starts a new one.

Measured agreement with spaCy 3.8 on the whitespace chunks of the development texts is in
``BENCHMARKS.md``; disagreements left are rare forms (emoticons, ``c'mon``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

from thresher.filters import _english_data as data

_URL = re.compile(
    r"(?:[\w+.\-]{2,}://)?(?:\S+(?::\S*)?@)?"
    r"(?:(?:[^\W_](?:[\w-]{0,62})?)?[^\W_]\.)+"
    r"[a-z\u00df-\u00f6\u00f8-\u00ff\u0101-\u017f\u0430-\u044f]{2,63}"
    r"(?::\d{2,5})?(?:[/?#]\S*)?",
)
MAX_SPLIT_CHARS = 1000  # longer chunks (base64, minified code) stay one word
_HYPHENS = ("---", "--", "——", "-", "–", "—", "~")


def _is_symbol(char: str) -> bool:
    """Other-symbol characters (icons, emoji, ©, °) split off wherever they stand."""
    return unicodedata.category(char) == "So"


def _is_lower(char: str) -> bool:
    """Lowercase, or a letter of a script without case (Hangul, Han, Arabic...)."""
    return char.islower() or (char.isalpha() and not char.isupper())


def _is_currency(char: str) -> bool:
    return unicodedata.category(char) == "Sc"


@functools.lru_cache(maxsize=1 << 16)
def split_chunk(chunk: str) -> tuple[str, ...]:
    """The words of one white-space-free chunk (cached: chunks repeat a lot)."""
    special = data.SPECIAL_CASES.get(chunk)
    if special is not None:
        return special
    if chunk.isalpha() or len(chunk) > MAX_SPLIT_CHARS:
        return (chunk,)
    prefixes: list[str] = []
    suffixes: list[str] = []
    rest = _strip_affixes(chunk, prefixes, suffixes)
    tokens = prefixes
    if rest:
        special = data.SPECIAL_CASES.get(rest)
        if special is not None:
            tokens.extend(special)
        elif _URL.fullmatch(rest):
            tokens.append(rest)
        else:
            tokens.extend(_split_infixes(rest))
    tokens.extend(reversed(suffixes))
    return _merge_specials(tokens)


def _merge_specials(tokens: list[str]) -> tuple[str, ...]:
    """Join neighbours that together form a kept special case (``)`` + ``:`` -> ``):``)."""
    if len(tokens) < 2:
        return tuple(tokens)
    merged: list[str] = []
    for token in tokens:
        if merged and data.SPECIAL_CASES.get(merged[-1] + token) == (merged[-1] + token,):
            merged[-1] += token
        else:
            merged.append(token)
    return tuple(merged)


def _strip_affixes(text: str, prefixes: list[str], suffixes: list[str]) -> str:
    """Peel prefixes and suffixes off ``text`` as spaCy's tokenizer loop does."""
    last = -1
    specials = data.SPECIAL_CASES
    while text and len(text) != last:
        if text in specials:
            break
        last = len(text)
        pre = _prefix_length(text)
        if pre and text[pre:] in specials:
            prefixes.append(text[:pre])
            return text[pre:]
        suf = _suffix_length(text[pre:])
        if suf and text[:-suf] in specials:
            suffixes.append(text[-suf:])
            return text[:-suf]
        if pre and suf and pre + suf <= len(text):
            prefixes.append(text[:pre])
            suffixes.append(text[-suf:])
            text = text[pre:-suf]
        elif pre:
            prefixes.append(text[:pre])
            text = text[pre:]
        elif suf:
            suffixes.append(text[-suf:])
            text = text[:-suf]
    return text


def _prefix_length(text: str) -> int:
    first = text[0]
    if first == ".":
        dots = len(text) - len(text.lstrip("."))
        return dots if dots > 1 else 0
    if text.startswith(("''", "’’")):
        return 2
    if first in data.PREFIX_CHARS or _is_symbol(first) or _is_currency(first):
        return 1
    if first == "+":
        return 0 if len(text) > 1 and text[1].isdigit() else 1
    for currency in data.MULTI_CHAR_CURRENCIES:
        if text.startswith(currency):
            return len(currency)
    return 0


def _suffix_length(text: str) -> int:
    """Length of the longest suffix rule that matches (spaCy takes the leftmost match)."""
    if not text:
        return 0
    best = 0
    last = text[-1]
    if last in data.SUFFIX_CHARS or _is_symbol(last):
        best = 1
    if last == ".":
        best = max(best, _period_suffix(text))
    elif len(text) > 1 and text[-2].isdigit() and (last == "+" or _is_currency(last)):
        best = max(best, 1)
    if text.endswith(("'s", "'S", "’s", "’S", "''", "’’")):
        best = max(best, 2)
    return max(best, _unit_suffix(text))


def _period_suffix(text: str) -> int:
    dots = len(text) - len(text.rstrip("."))
    if dots > 1:
        return dots
    if len(text) < 2:
        return 0
    before = text[-2]
    if before.isdigit() or _is_lower(before) or before in data.PERIOD_AFTER:
        return 1
    if before.isupper() and len(text) > 2 and text[-3].isupper():
        return 1
    if len(text) > 2 and text[-3] == "°" and before in "FfCcKk":
        return 1
    return 0


def _unit_suffix(text: str) -> int:
    for unit in data.UNITS_BY_LENGTH:
        if len(text) > len(unit) and text.endswith(unit) and text[-len(unit) - 1].isdigit():
            return len(unit)
    return 0


def _split_infixes(text: str) -> list[str]:
    """Cut ``text`` at the infix rules; an infix at position 0 never splits."""
    if text.isalnum():
        return [text]
    pieces: list[str] = []
    start = 0
    index = 1
    length = len(text)
    while index < length:
        width = _infix_at(text, index)
        if width:
            if index != start:
                pieces.append(text[start:index])
            pieces.append(text[index : index + width])
            start = index + width
            index = start if start > index else index + 1
            continue
        index += 1
    if start < length:
        pieces.append(text[start:])
    return pieces or [text]


def _infix_at(text: str, index: int) -> int:
    """Width of an infix match starting at ``index`` (0 when none)."""
    char = text[index]
    before = text[index - 1]
    after = text[index + 1] if index + 1 < len(text) else ""
    if char == "." and after == ".":
        return len(text[index:]) - len(text[index:].lstrip("."))
    if char == "…" or _is_symbol(char):
        return 1
    if before.isdigit() and char in "+-*^" and (after.isdigit() or after == "-"):
        return 1
    if not after:
        return 0
    if char == ".":
        lower_before = _is_lower(before) or before in data.QUOTES
        return 1 if lower_before and (after.isupper() or after in data.QUOTES) else 0
    if char == ",":
        return 1 if before.isalpha() and after.isalpha() else 0
    if before.isalpha() or before.isdigit():
        for hyphen in _HYPHENS:
            if text.startswith(hyphen, index):
                tail = index + len(hyphen)
                return len(hyphen) if tail < len(text) and text[tail].isalpha() else 0
        if char in ":<>=/" and after.isalpha():
            return 1
    return 0


def english_words(text: str) -> list[str]:
    """The words (spaCy-style tokens, punctuation included) of ``text``."""
    words: list[str] = []
    extend = words.extend
    append = words.append
    for chunk in text.split():
        if (chunk.isalpha() and chunk not in data.SPECIAL_CASES) or len(chunk) > MAX_SPLIT_CHARS:
            append(chunk)
        else:
            extend(split_chunk(chunk))
    return words


def _is_punct(token: str) -> bool:
    return all(unicodedata.category(char).startswith("P") for char in token)


def count_sentences(tokens: Sequence[str]) -> int:
    """Sentences in a token sequence by the sentencizer rule (0 for no tokens)."""
    if not tokens:
        return 0
    count = 1
    seen_end = False
    for token in tokens:
        is_end = token in data.SENTENCE_ENDS
        if seen_end and not is_end and not _is_punct(token):
            count += 1
            seen_end = False
        elif is_end:
            seen_end = True
    return count
