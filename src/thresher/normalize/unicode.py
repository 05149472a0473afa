"""Unicode repair: mojibake, surrogates, control characters, normal form, white space.

:func:`normalize_text` is idempotent: applying it to its own output changes nothing (a
hypothesis property test checks it). Steps, in order:

1. lone UTF-16 surrogates (from badly decoded JSON) become U+FFFD; paired ones are joined;
   ``\\r\\n`` and ``\\r`` become ``\\n``;
2. ftfy repairs mojibake (``Ã©`` -> ``é``), C1 controls and terminal escapes, and applies the
   normal form (NFC by default); curly quotes, full-width characters and ligatures are left
   as they are (they carry meaning in CJK and typeset text);
3. control and format characters are removed except tab, newline, ZWJ and ZWNJ (needed by
   Persian, Indic scripts and emoji) and emoji tag characters; zero-width spaces, BOMs, soft
   hyphens and bidirectional marks are dropped;
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
# What ftfy can fix: a UTF-8 lead byte read as Latin-1/cp1252 followed by a continuation
# byte read the same way (Ã©, â€™...), C1 controls, terminal escapes. Text without any of
# these is left to the cheaper steps (ftfy costs ~10 ms on a 6,000-character page).
_FTFY_TRIGGER = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122]|[\x80-\x9f\x1b]"
)
_BLANK_LINES = re.compile(r"\n{3,}")
# Unicode 14 control (Cc) and format (Cf) characters, except tab, newline, ZWNJ and ZWJ
# (Persian, Indic scripts, emoji) and the tag characters of emoji flag sequences.
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891"
    "\u08e2\u180e\u200b\u200e-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
    "\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001]"
)
_MAX_ROUNDS = 3


def _fix_surrogates(text: str) -> str:
    if not _SURROGATES.search(text):
        return text
    joined = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return _SURROGATES.sub("\ufffd", joined)


def _drop_controls(text: str) -> str:
    return _CONTROLS.sub("", text) if _CONTROLS.search(text) else text


def _fix_whitespace(text: str) -> str:
    text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
    if "\n\n\n" in text:
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def _one_round(text: str, form: NormalForm | None, mojibake: bool, whitespace: bool) -> str:
    text = _fix_surrogates(text).replace("\r\n", "\n").replace("\r", "\n")
    if mojibake and not text.isascii() and _FTFY_TRIGGER.search(text):
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
