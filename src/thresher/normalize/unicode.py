"""Unicode repair: mojibake, surrogates, control characters, normal form, white space.

:func:`normalize_text` is idempotent: applying it to its own output changes nothing (a
hypothesis property test checks it). Steps, in order:

1. lone UTF-16 surrogates (from badly decoded JSON) become U+FFFD; paired ones are joined;
   ``\\r\\n`` and ``\\r`` become ``\\n``;
2. ftfy repairs mojibake (``Ã©`` -> ``é``), C1 controls and terminal escapes, and applies the
   normal form (NFC by default); curly quotes, full-width characters and ligatures are left
   as they are (they carry meaning in CJK and typeset text);
3. control and format characters are removed except tab, newline, ZWJ and ZWNJ (needed by
   Persian, Indic scripts and emoji), and zero-width spaces and BOMs are dropped;
4. white space: every Unicode space becomes a plain space, runs collapse to one, lines lose
   leading and trailing spaces, more than two line breaks collapse to two, and the text is
   stripped.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

import ftfy

NormalForm = Literal["NFC", "NFKC", "NFD", "NFKD"]

_SURROGATES = re.compile(r"[\ud800-\udfff]")
_BLANK_LINES = re.compile(r"\n{3,}")
_KEEP_FORMAT = frozenset("\u200c\u200d")
_MAX_ROUNDS = 3


def _fix_surrogates(text: str) -> str:
    if not _SURROGATES.search(text):
        return text
    joined = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return _SURROGATES.sub("\ufffd", joined)


def _drop_controls(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(
        char
        for char in text
        if char in "\n\t"
        or char in _KEEP_FORMAT
        or unicodedata.category(char) not in ("Cc", "Cf")
    )


def _fix_whitespace(text: str) -> str:
    text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
    if "\n\n\n" in text:
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def _one_round(text: str, form: NormalForm | None, mojibake: bool, whitespace: bool) -> str:
    text = _fix_surrogates(text).replace("\r\n", "\n").replace("\r", "\n")
    if mojibake and not text.isascii():
        text = ftfy.fix_text(
            text,
            unescape_html=False,
            fix_character_width=False,
            uncurl_quotes=False,
            fix_latin_ligatures=False,
            normalization=None,
            explain=False,
        )
    if form is not None:
        text = unicodedata.normalize(form, text)
    text = _drop_controls(text)
    return _fix_whitespace(text) if whitespace else text


def normalize_text(
    text: str,
    *,
    form: NormalForm | None = "NFC",
    mojibake: bool = True,
    whitespace: bool = True,
) -> str:
    """The repaired text; repeated until nothing changes (at most three rounds)."""
    for _ in range(_MAX_ROUNDS):
        fixed = _one_round(text, form, mojibake, whitespace)
        if fixed == text:
            break
        text = fixed
    return text
