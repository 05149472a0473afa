"""Unicode repair: mojibake, surrogates, control characters, normal form, white space.

:func:`normalize_text` is idempotent: applying it to its own output changes nothing (a
hypothesis property test checks it). Steps, in order:

1. lone UTF-16 surrogates (from badly decoded JSON) become U+FFFD; paired ones are joined;
   ``\\r\\n`` and ``\\r`` become ``\\n``;
2. ftfy repairs mojibake (``Ã©`` -> ``é``), C1 controls and terminal escapes, and applies the
   normal form (NFC by default); curly quotes, full-width characters and ligatures are left
   as they are (they carry meaning in CJK and typeset text);
3. control and format characters of the Basic Multilingual Plane are removed except tab,
   newline, ZWJ and ZWNJ (needed by Persian, Indic scripts and emoji): zero-width spaces,
   BOMs, soft hyphens and bidirectional marks go;
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
# Where ftfy has work: a UTF-8 lead byte read as Latin-1/cp1252 followed by a continuation
# byte read the same way (Ã©, â€™...), C1 controls, terminal escapes. Other text skips
# ftfy (about 10 ms on a 6,000-character page).
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122]"
)
_C1_OR_ESCAPE = re.compile("[\x80-\x9f\x1b]")
_BLANK_LINES = re.compile(r"\n{3,}")
# Control (Cc) and format (Cf) characters of the Basic Multilingual Plane, except tab,
# newline, ZWNJ and ZWJ (Persian, Indic scripts, emoji). The few astral format characters
# (Egyptian hieroglyph joiners, emoji tags...) are kept: looking for them costs more than
# the rest of the step.
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891"
    "\u08e2\u180e\u200b\u200e-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
    "\ufff9-\ufffb]"
)
_MAX_ROUNDS = 3


def _fix_surrogates(text: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        joined = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        return _SURROGATES.sub("\ufffd", joined)
    return text


def _needs_ftfy(text: str, has_controls: bool) -> bool:
    if _MOJIBAKE.search(text):
        return True
    return has_controls and _C1_OR_ESCAPE.search(text) is not None


def _fix_whitespace(text: str) -> str:
    text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
    if "\n\n\n" in text:
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def _one_round(text: str, form: NormalForm | None, mojibake: bool, whitespace: bool) -> str:
    ascii_only = text.isascii()
    if not ascii_only:
        text = _fix_surrogates(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    has_controls = _CONTROLS.search(text) is not None
    if mojibake and not ascii_only and _needs_ftfy(text, has_controls):
        text = ftfy.fix_text(
            text,
            unescape_html=False,
            fix_character_width=False,
            uncurl_quotes=False,
            fix_latin_ligatures=False,
            normalization=None,
            explain=False,
        )
        has_controls = _CONTROLS.search(text) is not None
    if form is not None and not ascii_only:
        text = unicodedata.normalize(form, text)
    if has_controls:
        text = _CONTROLS.sub("", text)
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
