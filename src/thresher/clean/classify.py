"""Line decisions: a first label from the line alone, then the article run from context.

1. Every line gets a kind from its own features: ``GOOD`` (prose), ``NEAR`` (a
   sentence, but short), ``SHORT`` (a label, heading or menu item) or ``BAD`` (known
   boilerplate vocabulary: menu words, form labels, stamps, footers, social links).
2. Each line gets a weight: prose counts for its words, short and boilerplate lines
   count against. The run of lines with the largest total weight is the article
   (the maximum-sum segment): short lines inside it (subheadings, a dateline) stay,
   everything around it goes, except other runs of real prose strong enough on
   their own (a second article block after a large picture gallery, say).
"""

from __future__ import annotations

import functools
import os
import re
import struct
from dataclasses import dataclass, fields, replace
from enum import IntEnum
from typing import Any, Final

from thresher.clean import features, stopwords, vocab
from thresher.clean.features import LineFeatures, is_stamp, line_features
from thresher.clean.reasons import LineReason

try:
    from thresher.clean import _speedups
except ImportError:  # installed without a C compiler: the Python path does the same work
    _speedups = None  # type: ignore[assignment]
if os.environ.get("THRESHER_PURE_PYTHON"):
    _speedups = None  # type: ignore[assignment]

# Vocabulary the functions below read, bound once (compiled, a Final name is a C
# static; `vocab.X` would be two dictionary look-ups per use).
_COMMENT_HEADER: Final = vocab.COMMENT_HEADER
_COMMENT_SECTION: Final = vocab.COMMENT_SECTION
_FILE_DOWNLOAD: Final = vocab.FILE_DOWNLOAD
_FOOTER: Final = vocab.FOOTER
_FOOTER_LOWER: Final = vocab.FOOTER_LOWER
_FOOTER_UNCASED: Final = vocab.FOOTER_UNCASED
_FORM_LABELS: Final = vocab.FORM_LABELS
_GALLERY_COUNTER: Final = vocab.GALLERY_COUNTER
_MEDIA: Final = vocab.MEDIA
_MEDIA_DURATION: Final = vocab.MEDIA_DURATION
_MEDIA_LINES: Final = vocab.MEDIA_LINES
_NAV_PHRASES: Final = vocab.NAV_PHRASES
_PRICE_LINE: Final = vocab.PRICE_LINE
_READING_TIME: Final = vocab.READING_TIME
_READ_ALSO: Final = vocab.READ_ALSO
_RELATED_HEADINGS: Final = vocab.RELATED_HEADINGS


class Kind(IntEnum):
    GOOD = 0
    NEAR = 1
    SHORT = 2
    BAD = 3
    ECHO = 4
    """A paragraph already seen on the page: neither for nor against the article."""
    CODE = 5
    """A short line that reads as program code: a ``SHORT`` line, unless it is part of a
    block of code (then a short sentence)."""


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Numbers of the line classifier (fitted on the development data)."""

    good_words: float = 10.0
    good_stop_ratio: float = 0.15
    near_words: float = 5.0
    short_penalty: float = 8.0
    bad_penalty: float = 8.0
    near_weight: float = 0.6
    good_offset: float = 10.0
    prose_words: float = 20.0
    comment_penalty: float = 40.0
    secondary_share: float = 0.5
    clear_article: float = 100.0
    before_barrier: float = 40.0
    after_box: float = 20.0
    lenient_offset: float = 5.0
    lenient_short_penalty: float = 0.5

    def __reduce__(self) -> tuple[type[Thresholds], tuple[Any, ...]]:
        return (Thresholds, field_values(self))

    def lenient(self) -> Thresholds:
        """The weights for pages where no run stands out (feature lists, short notes)."""
        return replace(self, good_offset=self.lenient_offset, short_penalty=self.lenient_short_penalty)


def field_values(instance: Any) -> tuple[Any, ...]:
    """A dataclass's field values in order: what its ``__reduce__`` rebuilds it from. A
    frozen dataclass compiled by mypyc cannot be unpickled field by field (setting a
    field raises FrozenInstanceError), so the frozen ones pickle as a constructor call."""
    return tuple(getattr(instance, f.name) for f in fields(instance))


Label = tuple[LineFeatures, Kind, LineReason | None]
_CACHED_CHARS: Final = 80
_CACHE_LINES: Final = 1 << 15  # about 15 MB per process


def label_lines(lines: list[str], lang: str, th: Thresholds) -> list[Label | None]:
    """Features and first label of each stripped line (None for blank lines).

    Short lines (menus, labels, stamps) recur across the pages of a crawl, so their
    labels are memoised per process (a pure function of the line and language).
    The loop runs compiled when the C extension ``_speedups`` was built (it asks
    :func:`first_label` about every line a vocabulary rule could match), else
    :func:`label_lines_python` does the same; ``THRESHER_PURE_PYTHON=1`` forces the latter.
    """
    if _speedups is not None:
        return _speedups.label_lines(
            lines,
            _memo(th, lang),
            stopwords.stop_words(lang),
            stop_table(lang),
            lang in stopwords.CHAR_LANGUAGES,
            speedup_context(th),
        )
    return label_lines_python(lines, lang, th)


def compiled() -> bool:
    """True when the compiled labelling loop is in use."""
    return _speedups is not None


def compiled_module() -> Any:
    """The C extension ``_speedups`` when it is in use, else None."""
    return _speedups


def label_lines_python(lines: list[str], lang: str, th: Thresholds) -> list[Label | None]:
    """:func:`label_lines` in Python: the reference of the compiled loop."""
    memo = _memo(th, lang)
    get = memo.get
    stops = stopwords.stop_words(lang)
    per_char = lang in stopwords.CHAR_LANGUAGES
    out: list[Label | None] = []
    append = out.append
    for text in lines:
        if not text:
            append(None)
        elif len(text) > _CACHED_CHARS:
            feat = line_features(text, stops, per_char)
            append((feat, *first_label(feat, th)))
        elif (hit := get(text)) is not None:
            append(hit)
        else:
            feat = line_features(text, stops, per_char)
            label = (feat, *first_label(feat, th))
            if len(memo) >= _CACHE_LINES:
                memo.clear()
            memo[text] = label
            append(label)
    return out


@functools.cache
def _memos(th: Thresholds) -> dict[str, dict[str, Label | None]]:
    """The process's memos of short lines' labels, one per language."""
    return {}


def _memo(th: Thresholds, lang: str) -> dict[str, Label | None]:
    """The memo of ``lang``'s short lines (a line's label is a pure function of the line
    and its language; None: not labelled yet). All of them are emptied when together
    they hold _CACHE_LINES lines, and one that fills up on its own is emptied by the loop."""
    memos = _memos(th)
    if sum(len(memo) for memo in memos.values()) >= _CACHE_LINES:
        memos.clear()
    memo = memos.get(lang)
    if memo is None:
        memo = memos[lang] = {}
    return memo


@functools.cache
def stop_table(lang: str) -> tuple[bytes, tuple[str, ...]]:
    """The stop words of ``lang`` as the compiled loop looks a Latin-1 token up in them
    (``stop_word`` in _speedups.c): a hash table of their Latin-1 bytes (FNV-1a, open
    addressing; per slot the offset + 1 of the bytes, their length and the word's index),
    and the words themselves, which found tokens share. The words beyond Latin-1 are left
    out: no Latin-1 token equals them."""
    words = sorted(w for w in stopwords.stop_words(lang) if _in_latin1(w))
    slots = 64
    while slots < 2 * len(words):
        slots *= 2
    table = [(0, 0, 0)] * slots
    blob = bytearray()
    for index, word in enumerate(words):
        raw = word.encode("latin-1")
        i = _fnv1a(raw) & (slots - 1)
        while table[i][0]:
            i = (i + 1) & (slots - 1)
        table[i] = (len(blob) + 1, len(raw), index)
        blob += raw
    head = struct.pack(f"={1 + 3 * slots}I", slots - 1, *(n for slot in table for n in slot))
    return head + bytes(blob), tuple(words)


def _in_latin1(word: str) -> bool:
    return all(ord(ch) < 256 for ch in word)


def _fnv1a(data: bytes) -> int:
    h = 2166136261
    for byte in data:
        h = ((h ^ byte) * 16777619) & 0xFFFFFFFF
    return h


@functools.cache
def speedup_context(th: Thresholds) -> tuple[object, ...]:
    """What the compiled loop reads: tables, word sets, labels, callbacks, numbers."""
    return (
        features.LATIN1_WORDS,
        word_roles(),
        len(_ROLE_WORDS),
        _SHORT_LINE_WORDS,
        _NAV_LINE_WORDS,
        (_DIGIT_RULE_WORDS, _STAMP_CHARS, _GALLERY_STARTS, _PRICE_STARTS, _CURRENCY_SIGNS),
        _FOOTER_TRIGGERS,
        _CAPTION_WORDS,
        _CAPTION_LABELS,
        _GOOD,
        _NEAR,
        _SHORT,
        _CODE,
        _GARBAGE,
        LineFeatures,
        first_label_given,
        _is_code,
        th,
        float(th.good_words),
        float(th.good_stop_ratio),
        float(th.near_words),
        float(th.prose_words),
        _CACHED_CHARS,
        _CACHE_LINES,
        "".join(features.WIDE_PUNCTUATION),
        "".join(sorted(features.END_PUNCT)),
        features.CLOSERS,
        features.NOSPACE_RANGES,
        features.BAD_CHAR_RANGES,
        features.CHARS_PER_WORD,
    )


def clear_memo(th: Thresholds) -> None:
    """Empty the label memo of ``th`` and the stamp answers (benchmarks measure cold
    passes with it)."""
    _memos(th).clear()
    is_stamp.cache_clear()


def first_label(feat: LineFeatures, th: Thresholds) -> tuple[Kind, LineReason | None]:
    """The kind of a line from its own features, and a boilerplate reason when known.

    ``_speedups.c`` mirrors the steps that need no vocabulary rule (garbage, prose, short
    sentence, the first tests of :func:`_is_code`) and calls :func:`first_label_given`
    for every other line: a change here needs the same change there
    (tests/clean/test_speedups.py says so).
    """
    return first_label_given(feat, th, None)


def first_label_given(
    feat: LineFeatures, th: Thresholds, needs: bool | None
) -> tuple[Kind, LineReason | None]:
    """:func:`first_label` told the answer of :func:`_needs_boilerplate_checks` for the
    line when the caller knows it (the compiled loop does), else None."""
    text, low_words, words, stop_ratio, end_punct, has_digit, garbage, nospace, _, latin1 = feat
    if garbage:
        return _GARBAGE
    if words <= 14:
        # most short lines hold no word any boilerplate check starts from: a few set
        # tests stand for all of them (see _needs_boilerplate_checks)
        if needs is None:
            needs = _needs_boilerplate_checks(text, low_words, has_digit, nospace, latin1)
        if needs:
            reason = _boilerplate_reason(text, low_words, has_digit, nospace, latin1)
            if reason is not None:
                return _BAD_BY_REASON[reason]
    elif words <= 40 and not end_punct and is_footer(feat):
        return _FOOTER_LABEL
    # a caption ends in its credit: ")" or a name, not sentence punctuation
    if (
        (not end_punct or text[-1] == ")")
        and not _CAPTION_WORDS.isdisjoint(low_words)
        and _CAPTION_CREDIT(text, len(text) - 120) is not None
    ) or (has_digit and low_words and low_words[0] in _CAPTION_LABELS and _NUMBERED_CAPTION(text)):
        return _MEDIA_LABEL  # "Bild 2: Blick in die Halle.", "Abb. 3: ..."
    sentence = end_punct or words >= th.prose_words or text[-1] in ":;,"
    if words >= th.good_words and stop_ratio >= th.good_stop_ratio and sentence:
        return _GOOD
    if words >= th.near_words and end_punct and stop_ratio > 0:
        return _NEAR
    return _CODE if _is_code(feat) else _SHORT


# The labels first_label returns, made once: an enum member looked up on its class
# costs more than the rest of a short line's label (EnumType has __getattr__).
_GOOD: Final[tuple[Kind, LineReason | None]] = (Kind.GOOD, None)
_NEAR: Final[tuple[Kind, LineReason | None]] = (Kind.NEAR, None)
_SHORT: Final[tuple[Kind, LineReason | None]] = (Kind.SHORT, None)
_CODE: Final[tuple[Kind, LineReason | None]] = (Kind.CODE, None)
_BAD_BY_REASON: Final[dict[LineReason, tuple[Kind, LineReason | None]]] = {
    r: (Kind.BAD, r) for r in LineReason
}
_GARBAGE: Final = _BAD_BY_REASON[LineReason.GARBAGE]
_FOOTER_LABEL: Final = _BAD_BY_REASON[LineReason.FOOTER]
_MEDIA_LABEL: Final = _BAD_BY_REASON[LineReason.MEDIA]
_CAPTION_WORDS: Final = vocab.CAPTION_WORDS
_CAPTION_CREDIT: Final = vocab.CAPTION_CREDIT.search
_CAPTION_LABELS: Final = vocab.CAPTION_LABELS
_NUMBERED_CAPTION: Final = vocab.NUMBERED_CAPTION.match


_CODE_ENDS: Final = "{};"
_CALL: Final = re.compile(r"\w\([^()]*\)").search
_CODE_KEYWORDS: Final = vocab.words("var let const public private static")
_CODE_CHARS: Final = 200  # code lines are shorter


def _is_code(feat: LineFeatures) -> bool:
    """A line that reads as program code: it ends in "{", "}" or ";", starts with a
    closing bracket, or holds an operator, a call or a declaration (cheap tests first;
    ``_speedups.c`` runs those up to the line without "=", "(", "/", "&&" or "||")."""
    text = feat.text
    if len(text) > _CODE_CHARS:
        return False
    if text[-1] in _CODE_ENDS or text[0] in "})]":
        return True
    if len(text) - text.count(" ") == len(feat.key):
        return False  # words and blanks only
    if "=" in text:
        if "==" in text or "=>" in text or "!=" in text:
            return True
    elif "(" not in text and "&&" not in text and "||" not in text and "/" not in text:
        return text.startswith(("#include", "<?php"))
    if "&&" in text or "||" in text or text.startswith(("//", "/*", "#include", "<?php")):
        return True
    if "(" in text and _CALL(text) is not None:
        return True
    words = feat.low_words  # "let total = 0"
    return "=" in text and bool(words) and words[0] in _CODE_KEYWORDS and text.startswith(words[0])


def is_footer(feat: LineFeatures) -> bool:
    """Copyright, legal and cookie lines."""
    if "©" in feat.text or feat.nospace or not _FOOTER_TRIGGERS.isdisjoint(feat.low_words):
        return _footer_phrase_in(feat.text, feat.latin1)
    return False


def _footer_phrase_in(text: str, latin1: bool) -> bool:
    """The footer pattern matches (on the lower-cased line when that is the same)."""
    if latin1:
        return _FOOTER_LOWER.search(text.lower()) is not None
    if text.upper() == text.lower():
        # no letter with case (a line of CJK, say): only the phrases without one can
        # match, and without case (ten times faster than the whole pattern ignoring case)
        return _FOOTER_UNCASED.search(text) is not None
    return _FOOTER.search(text) is not None


_FOOTER_TRIGGERS: Final = vocab.FOOTER_TRIGGERS


def _boilerplate_reason(
    text: str, words: tuple[str, ...], has_digit: bool, nospace: bool, latin1: bool
) -> LineReason | None:
    """The boilerplate reason of a short line. Checks in order of priority; each
    looks up the line's words only when its first (or last) word allows a match."""
    footer_like = "©" in text or nospace or not _FOOTER_TRIGGERS.isdisjoint(words)
    if footer_like and _footer_phrase_in(text, latin1):
        return _R_FOOTER
    if not words:
        if text.endswith("*"):
            return _R_FORM
        if has_digit and is_stamp(text, latin1):
            return _R_STAMP
        return None
    first, last = words[0], words[-1]
    if (last in _COMMENT_VERBS or (not latin1 and last.endswith(_SAID_ENDINGS))) and (
        _COMMENT_HEADER.match(text)
    ):
        return _R_COMMENTS
    if first in _MEDIA_STARTS and _MEDIA.match(text) is not None:
        return _R_MEDIA
    if first in _LINK_LABEL_STARTS and (":" in text or " | " in text) and _links_another_story(text):
        return _R_RELATED_HEADLINE
    key = ""
    if not _COMMENT_WORDS.isdisjoint(words):
        key = " ".join(words)
        if _COMMENT_SECTION.match(key) is not None:
            return _R_COMMENTS
    if first in _HEADING_STARTS:
        key = key or " ".join(words)
        if key in _RELATED_HEADINGS:
            return _R_RELATED_HEADING
        if key in _FORM_LABELS:
            return _R_FORM
        if key in _MEDIA_LINES:
            return _R_MEDIA
    n = len(words)
    if n <= 4 and text.endswith("*"):
        return _R_FORM
    if has_digit and n <= _DIGIT_RULE_WORDS:
        if text[-1].isdigit() and _GALLERY_COUNTER.match(text) is not None:
            return _R_MEDIA
        if first in _MEDIA_STARTS and _MEDIA_DURATION.match(text) is not None:
            return _R_MEDIA  # "Video 1 Min", "Audio 2:31 Min."
        if not _READING_WORDS.isdisjoint(words) and _READING_TIME.match(text) is not None:
            return _R_STAMP
        if _PRICE_LINE.match(text) is not None:
            return _R_NAVIGATION  # a shop box: "ab 54,90 €", "61,99 € bei Velomarkt"
    if has_digit and not _FILE_TYPES.isdisjoint(words) and _FILE_DOWNLOAD.search(text) is not None:
        return _R_NAVIGATION  # a link to a file: "Bekanntmachung (PDF, 245 KB)"
    if has_digit and is_stamp(text, latin1, words):
        return _R_STAMP
    if n <= _NAV_LINE_WORDS and first in _NAV_WORDS and _NAV_WORDS.issuperset(words):
        return _R_NAVIGATION
    if n > _SHORT_LINE_WORDS:
        return None
    if not _AGENCY_MARKS.isdisjoint(words) and text[-1] not in ".!?":
        return _R_MEDIA
    if not _PHRASE_STARTS.isdisjoint(words) and _has_phrase(words, _NAV_PHRASES):
        return _R_NAVIGATION
    return _R_SOCIAL if first in _SOCIAL_WORDS and _SOCIAL_WORDS.issuperset(words) else None


_R_FOOTER: Final = LineReason.FOOTER
_R_FORM: Final = LineReason.FORM
_R_STAMP: Final = LineReason.STAMP
_R_COMMENTS: Final = LineReason.COMMENTS
_R_RELATED_HEADING: Final = LineReason.RELATED_HEADING
_R_NAVIGATION: Final = LineReason.NAVIGATION
_R_SOCIAL: Final = LineReason.SOCIAL
_R_MEDIA: Final = LineReason.MEDIA
_R_RELATED_HEADLINE: Final = LineReason.RELATED_HEADLINE
_COMMENT_VERBS: Final = vocab.COMMENT_VERBS
_COMMENT_WORDS: Final = vocab.COMMENT_WORDS
_NAV_WORDS: Final = vocab.NAV_WORDS
_SOCIAL_WORDS: Final = vocab.SOCIAL_WORDS
_MEDIA_STARTS: Final = vocab.MEDIA_STARTS
_READING_WORDS: Final = vocab.READING_WORDS
_FILE_TYPES: Final = vocab.FILE_TYPES
_AGENCY_MARKS: Final = vocab.PICTURE_AGENCY_MARKS
_PHRASE_STARTS: Final = vocab.PHRASE_STARTS
# First words of the whole-line headings and form labels.
_HEADING_STARTS: Final = frozenset(
    p.split(" ", 1)[0] for p in vocab.RELATED_HEADINGS | vocab.FORM_LABELS | vocab.MEDIA_LINES
)


def _links_another_story(text: str) -> bool:
    """ "Read also: <headline>", "Related: <headline>", "Lesen Sie auch: ...", "Lire aussi |
    <headline>"."""
    colon, bar = text.find(":"), text.find(" | ")
    label, _, rest = text.partition(":" if bar < 0 or 0 <= colon < bar else " | ")
    key = " ".join(label.lower().split())
    return bool(rest.strip()) and (key in _READ_ALSO or key in _RELATED_HEADINGS)


# First words of the labels of "Read also: <headline>" lines.
_LINK_LABEL_STARTS: Final = frozenset(p.split(" ", 1)[0] for p in vocab.READ_ALSO | vocab.RELATED_HEADINGS)
# Last words of the whole-line headings and form labels (first words: _HEADING_STARTS).
_HEADING_ENDS: Final = frozenset(
    p.rsplit(" ", 1)[-1] for p in vocab.RELATED_HEADINGS | vocab.FORM_LABELS | vocab.MEDIA_LINES
)
# Navigation phrases of one word, and the second words of the others.
_PHRASE_SINGLES: Final = frozenset(p for p in vocab.NAV_PHRASES if " " not in p)
_PHRASE_SECONDS: Final = frozenset(p.split(" ")[1] for p in vocab.NAV_PHRASES if " " in p)
_NAV_LINE_WORDS: Final = 5
_LAST_WORD_TRIGGERS: Final = _COMMENT_VERBS
_ANY_WORD_TRIGGERS: Final = _FOOTER_TRIGGERS | _COMMENT_WORDS
_SHORT_LINE_WORDS: Final = 8
_DIGIT_RULE_WORDS: Final = 6  # the gallery, duration, reading time and price checks
_STAMP_CHARS: Final = features.STAMP_CHARS
_GALLERY_STARTS: Final = vocab.GALLERY_STARTS
_GALLERY_WORDS: Final = vocab.GALLERY_WORDS
_PRICE_STARTS: Final = vocab.PRICE_STARTS
_CURRENCY_SIGNS: Final = vocab.CURRENCY_SIGNS
_CURRENCY_WORDS: Final = vocab.CURRENCY_WORDS


# Chinese "says" / "wrote": a commenter's header ends in it, glued to the name (a line of
# a script without spaces, which _may_be_boilerplate does not speak for).
_SAID_ENDINGS: Final = ("说", "說", "写道")


def _needs_boilerplate_checks(
    text: str, words: tuple[str, ...], has_digit: bool, nospace: bool, latin1: bool
) -> bool:
    """Whether a check of :func:`_boilerplate_reason` can match this short line; False
    for most short lines, which then take none (tests/clean/test_fast_paths.py).

    A line of words without "©", a final "*" or a script without spaces is matched by
    a check only from one of its words (:func:`_may_be_boilerplate`), and by a check
    that needs a digit only as :func:`_digit_checks_may_match` says (Latin-1 lines:
    the others take those checks)."""
    if not words or nospace or "©" in text or text[-1] == "*" or _may_be_boilerplate(text, words):
        return True
    return has_digit and (not latin1 or _digit_checks_may_match(text, words))


def _may_be_boilerplate(text: str, words: tuple[str, ...]) -> bool:
    """Whether a check of :func:`_boilerplate_reason` that starts from the line's words
    can match a line of these (non-empty) words (every check does, on a line without
    "©", a final "*" or a script without spaces, but for those that need a digit).

    Each test is the first step of a check: a media word first; a link label first and
    ":" or " | " in the line; a whole-line heading's first and last word; a line of
    navigation or share words only; a comment verb last; a footer or comment word
    anywhere; on a line of at most 8 words, a picture agency or the first two words of
    a navigation phrase."""
    first, n = words[0], len(words)
    return (
        first in _MEDIA_STARTS
        or (first in _LINK_LABEL_STARTS and (":" in text or " | " in text))
        or (first in _HEADING_STARTS and words[-1] in _HEADING_ENDS)
        or (first in _NAV_WORDS and n <= _NAV_LINE_WORDS and _NAV_WORDS.issuperset(words))
        or (first in _SOCIAL_WORDS and n <= _SHORT_LINE_WORDS and _SOCIAL_WORDS.issuperset(words))
        or words[-1] in _LAST_WORD_TRIGGERS
        or not _ANY_WORD_TRIGGERS.isdisjoint(words)
        or (n <= _SHORT_LINE_WORDS and (not _AGENCY_MARKS.isdisjoint(words) or _may_hold_phrase(words)))
    )


def _may_hold_phrase(words: tuple[str, ...]) -> bool:
    """A navigation phrase's first word, followed by its second (or one of one word)."""
    n = len(words)
    for i, word in enumerate(words):
        if word in _PHRASE_STARTS and (
            word in _PHRASE_SINGLES or (i + 1 < n and words[i + 1] in _PHRASE_SECONDS)
        ):
            return True
    return False


def _digit_checks_may_match(text: str, words: tuple[str, ...]) -> bool:
    """Whether a check of :func:`_boilerplate_reason` that needs a digit can match a
    Latin-1 line of these (non-empty) words: a gallery counter, a price, a reading time
    (checks of lines of at most 6 words), a file's type and size, a stamp.

    The line lower-cased reads as the patterns ignoring case read it (Latin-1). A token
    of letters and digits both ("3von10", "90eur") may hide a word the patterns look
    for; then the gallery and price tests say yes."""
    if len(words) <= _DIGIT_RULE_WORDS:
        low = text.lower()
        mixed = not all(word.isalpha() or word.isdecimal() for word in words)
        if (
            text[-1].isdigit()
            and (low[0].isdecimal() or low.startswith(_GALLERY_STARTS))
            and (mixed or "/" in text or ":" in text or not _GALLERY_WORDS.isdisjoint(words))
        ):
            return True
        if not _READING_WORDS.isdisjoint(words):
            return True
        if low.startswith(_PRICE_STARTS) or (
            low[0].isdecimal()
            and (
                mixed
                or not _CURRENCY_WORDS.isdisjoint(words)
                or any(sign in text for sign in _CURRENCY_SIGNS)
            )
        ):
            return True
    if not _FILE_TYPES.isdisjoint(words):
        return True
    return len(text) <= _STAMP_CHARS and not features.stamp_ruled_out(text, words)


def _has_phrase(words: tuple[str, ...], phrases: frozenset[str]) -> bool:
    if _PHRASE_STARTS.isdisjoint(words):
        return False
    n = len(words)
    for i, word in enumerate(words):
        if word not in _PHRASE_STARTS:
            continue
        for end in range(i + 1, min(n, i + 5) + 1):
            if " ".join(words[i:end]) in phrases:
                return True
    return False


def line_weight(kind: Kind, reason: LineReason | None, feat: LineFeatures, th: Thresholds) -> float:
    """How much a line speaks for (positive) or against (negative) being article."""
    if kind is Kind.GOOD:
        return max(feat.words - th.good_offset, 1.0)
    if kind is Kind.NEAR:
        return feat.words * th.near_weight
    if kind is Kind.SHORT or kind is Kind.CODE:
        return -th.short_penalty
    if kind is Kind.ECHO:
        return 0.0
    if reason is _R_COMMENTS or reason is _R_RELATED_HEADING:
        return -th.comment_penalty
    return -th.bad_penalty


def best_run(weights: list[float]) -> tuple[int, int, float]:
    """The maximum-sum segment ``[start, end)`` of ``weights`` and its sum."""
    best_start, best_end, best_total = 0, 0, 0.0
    start, total = 0, 0.0
    for i, w in enumerate(weights):
        if total <= 0:
            start, total = i, 0.0
        total += w
        if total > best_total:
            best_start, best_end, best_total = start, i + 1, total
    return best_start, best_end, best_total


def article_runs(
    weights: list[float], th: Thresholds, barriers: list[int] | None = None
) -> tuple[list[tuple[int, int]], float]:
    """The article's main run, plus other runs worth ``secondary_share`` of it, and the
    main run's score.

    A barrier is the start of a comment section or of a "related stories" block: the
    article comes before it when there is prose there, two lines at least (comment
    threads and story lists are often longer than the article), and no other run is
    taken after it.
    """
    start, end, score = best_run(weights)
    if score <= 0:
        return [], 0.0
    first = min(barriers or (), default=len(weights))
    if first < start:
        s, e, sc = best_run(weights[:first])
        # an article, not a teaser alone above a comment count in the page header
        if sc >= th.before_barrier and sum(w > 0 for w in weights[s:e]) >= 2:
            start, end, score = s, e, sc
    runs = [(start, end)]
    after = min((b for b in barriers or () if b >= end), default=len(weights))
    limit = score * th.secondary_share
    for lo, hi in ((0, start), (end, after)):
        s, e, sc = best_run(weights[lo:hi])
        if sc >= limit and sc > 0:
            runs.append((lo + s, lo + e))
    return sorted(runs), score


# The word sets of the trigger tests (_needs_boilerplate_checks), in the order of the
# role bits _speedups.c reads (its ROLE_ names).
_ROLE_WORDS: Final[tuple[frozenset[str], ...]] = (
    _MEDIA_STARTS,
    _LINK_LABEL_STARTS,
    _HEADING_STARTS,
    _HEADING_ENDS,
    _NAV_WORDS,
    _SOCIAL_WORDS,
    _LAST_WORD_TRIGGERS,
    _ANY_WORD_TRIGGERS,
    _AGENCY_MARKS,
    _PHRASE_STARTS,
    _PHRASE_SINGLES,
    _PHRASE_SECONDS,
    _GALLERY_WORDS,
    _CURRENCY_WORDS,
    _READING_WORDS,
    _FILE_TYPES,
    vocab.MONTH_WORDS,
    vocab.SIGNING_WORDS,
    vocab.STAMP_REMOVABLE,
    _CAPTION_WORDS,
    _CAPTION_LABELS,
)


@functools.cache
def word_roles() -> dict[str, int]:
    """Every word of the trigger tests' sets with the bits of the sets it is in (bit i:
    ``_ROLE_WORDS[i]``): the compiled loop looks a word up once, not in each set."""
    roles: dict[str, int] = {}
    for bit, words in enumerate(_ROLE_WORDS):
        for word in words:
            roles[word] = roles.get(word, 0) | 1 << bit
    return roles
