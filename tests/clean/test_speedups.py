"""The compiled labelling loop (``_speedups.c``) gives what the Python loop gives.

``classify.label_lines_python`` is the reference: every field of every line's features,
kind and reason must be the same, with the same types, on the development pages, on
rewritten copies of them in other scripts, and on generated lines that aim at the edges
(Latin-1 and wide punctuation, controls, scripts without spaces, 80- and 2,000-character
bounds, end punctuation inside quotes).
"""

from __future__ import annotations

import re
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.clean import classify, features, stopwords, vocab
from thresher.clean.classify import Thresholds
from thresher.clean.reasons import LineReason
from thresher.evaluate.cleaning import TextPage

pytestmark = pytest.mark.skipif(
    not classify.compiled(), reason="the C extension thresher.clean._speedups is not built"
)

TH = Thresholds()


def _both(lines: list[str], lang: str, th: Thresholds = TH) -> tuple[list[object], list[object]]:
    classify.clear_memo(th)
    compiled = classify.label_lines(lines, lang, th)
    classify.clear_memo(th)
    python = classify.label_lines_python(lines, lang, th)
    classify.clear_memo(th)
    return list(compiled), list(python)


def _assert_same(lines: list[str], lang: str, th: Thresholds = TH) -> None:
    compiled, python = _both(lines, lang, th)
    assert len(compiled) == len(python) == len(lines)
    for line, got, want in zip(lines, compiled, python, strict=True):
        assert got == want, line
        if want is not None:
            assert isinstance(got, tuple) and isinstance(want, tuple)
            assert type(got[0]) is type(want[0])
            assert [type(v) for v in got[0]] == [type(v) for v in want[0]], line


_EDGE_LINES = [
    "Home",
    "Share on Facebook",
    "The committee met on Tuesday and agreed to publish the report before the summer recess.",
    "Posted on March 4, 2022 by Jane Doe",
    "© 2024 Example Media. All rights reserved.",
    "Name *",
    "He said: “We will not stop here.”",
    "It ended (as expected).",
    "Wait for it...",
    "<?php echo $title; ?>",
    "<?php echo $title ?>",
    "#include <stdio.h>",
    "# include the notes, please",
    "x = compute(total, rate)",
    "if (a && b) return",
    '"Yes!" ',
    "“”",
    "Größere Städte wie München und Köln melden höhere Mieten als im Vorjahr, sagte sie.",
    "Она сказала, что решение будет принято на следующей неделе после обсуждения.",
    "政府は来週、新しい経済対策を発表する予定だと関係者が明らかにした。",
    "İstanbul'da yeni bir müze açıldı ve ziyaretçiler uzun kuyruklar oluşturdu.",
    "for (int i = 0; i < n; i++) {",
    "total = compute(a, b)",
    "let total = 0",
    "a\x01b\x02c\x03d\x04e\x05f\x06g\x07h\x08i\x0ej\x0fk\x10l",
    "\ud800 lone surrogate in a line of text that goes on",
    "x" * 81,
    "word " * 400,
    ("Ein langer Absatz mit vielen Wörtern, der über die Grenze geht. " * 40).strip(),
    ("A long paragraph — with dashes – and “quotes” that goes on and on. " * 40).strip(),
    "ab 54,90 €",
    "Lesen Sie auch: Die Stadt baut neue Radwege",
    "42 Kommentare",
    "Foto: dpa",
    "1 von 12",
    "Lesedauer: 3 Min.",
    "µ ª º ² ³ ¹ ß ÿ Ø",
    "_under_score_ words_",
    "12:30",
    "abcdefghij\x01klmnopqrs",  # 20 characters, one control: exactly 5 %, not garbage
    "abcdefghij\x01\x02lmnopqrs",  # two controls: garbage
    "абвгдежзий\x01клмнопрс",  # the same beyond Latin-1: exactly 5 %, not garbage
    "абвгдежзий\x01\x02лмнопрс",  # two controls: garbage
    "абвгдежзий\ufffdклмнопрс",  # a replacement character counts as a control
    "абвгдежзий\ufffd\ufffdлмнопрс",
    "абвгдежзий\x01" * 2 + "клмнопрстуфхцчшщыэюя" * 2,  # 62 characters: 2 controls, 3 %
    "абвгдежзий\x01" * 4 + "клмнопрстуфхцчшщ",  # 60 characters: 4 controls, 7 %
    "Straße İstanbul Ötüken Ǆemal ǅ ﬁne ΐ",  # lower-casing that changes length or case pairs
    "ab cd ef gh ij .........",  # as many word characters as others, and more
    "ab cd ef gh ij ..........",
    "Bild 2: Blick in die neue Halle, in der ab Herbst bis zu zweihundert Menschen an den "
    "Anlagen arbeiten sollen. Quelle: Beispielwerke GmbH",
    "Abb. 3: Aufbau der Anlage",
    "Figure 12 - The water level over the last thirty years, measured at the harbour gauge.",
]


def test_written_edge_lines_label_the_same() -> None:
    for lang in ("en", "de", "ja", "und"):
        _assert_same(_EDGE_LINES, lang)


def test_a_ten_megabyte_line_labels_the_same() -> None:
    _assert_same(["Lorem ipsum dolor sit amet, consectetur. " * 250_000], "en")


def test_memo_is_shared_and_keyed_by_language() -> None:
    lines = ["Home", "News", "Home"]
    classify.clear_memo(TH)
    first = classify.label_lines(lines, "en", TH)
    assert first[0] is first[2]  # the second "Home" came from the memo
    again = classify.label_lines(["Home"], "en", TH)
    assert again[0] is first[0]
    german = classify.label_lines(["Home"], "de", TH)
    assert german[0] is not first[0] and german[0] == classify.label_lines_python(["Home"], "de", TH)[0]
    assert classify.label_lines(["Home"], "en", TH)[0] is first[0]  # each language its own memo
    classify.clear_memo(TH)


def test_a_place_held_in_the_memo_is_labelled() -> None:
    """None in a memo (the place the compiled loop holds while it labels a new line, left
    there if labelling failed) means "not labelled yet", on both paths."""
    for label_lines in (classify.label_lines, classify.label_lines_python):
        classify.clear_memo(TH)
        classify._memo(TH, "en")["Home"] = None
        (label,) = label_lines(["Home"], "en", TH)
        assert label is not None and label[2] is LineReason.NAVIGATION
        assert classify._memo(TH, "en")["Home"] == label
    classify.clear_memo(TH)


def test_the_memos_are_emptied_when_together_full() -> None:
    """All languages' memos together hold at most _CACHE_LINES lines at a page's start."""
    classify.clear_memo(TH)
    memos = classify._memos(TH)
    memos["en"] = {f"line {i}": None for i in range(classify._CACHE_LINES - 1)}
    memos["de"] = {"Zeile": None}
    memo = classify._memo(TH, "fr")
    assert memo == {} and list(memos) == ["fr"]
    classify.clear_memo(TH)


def test_other_thresholds_label_the_same() -> None:
    strict = Thresholds(good_words=15.0, good_stop_ratio=0.3, near_words=8.0, prose_words=30.0)
    _assert_same(_EDGE_LINES, "en", strict)


def test_a_line_that_is_not_text_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        classify.label_lines(["Home", 3], "en", TH)  # type: ignore[list-item]


_ALPHABET = st.sampled_from(
    [
        *"aeinrstAEINRST",
        *"äöüßéèçñÄÖÜÉ",
        *"0123456789",
        *" ,.;:!?()\"'*|/-_",
        *"\u2019\u201c\u201d\u2013\u2014\u2026\u00a0\u00a9\u00b2\u00b5",
        *"\x01\x1c\x1f\x7f\x85",
        *"жЖяЯ中文かな",
        "İ",
        "…",
        "。",
        "」",
    ]
)
_VOCABULARY = vocab.NAV_WORDS | vocab.SOCIAL_WORDS | vocab.COMMENT_WORDS
_WORDS = st.sampled_from(
    [
        *sorted({word for phrase in _VOCABULARY for word in phrase.split()}),
        *["the", "of", "and", "die", "der", "und", "report", "Market", "Tuesday"],
    ]
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(_ALPHABET, min_size=1, max_size=120),
            st.lists(_WORDS, min_size=1, max_size=30).map(" ".join),
        ),
        min_size=1,
        max_size=8,
    ),
    st.sampled_from(["en", "de", "ja", "zh", "ru", "und"]),
)
def test_generated_lines_label_the_same(lines: list[str], lang: str) -> None:
    _assert_same([line.strip() for line in lines], lang)


@settings(max_examples=60, deadline=None)
@given(st.text(_ALPHABET, min_size=1, max_size=40), st.integers(1900, 2100))
def test_lines_around_the_sample_bound_label_the_same(chunk: str, size: int) -> None:
    line = (chunk * (size // len(chunk) + 1))[:size].strip() or "x"
    _assert_same([line, line + "." * 3, line + "!”"], "en")


def test_every_development_line_labels_the_same(textclean_pages: list[TextPage]) -> None:
    from thresher.clean.api import page_language

    accented = str.maketrans("aouesAOUE'-", "äöüéßÄÖÜÉ\u2019\u2013")
    long_word = re.compile(r"\w{5,}")
    for page in textclean_pages:
        lines = [line.strip() for line in page.text.splitlines()]
        lang = page_language(lines)
        _assert_same(lines, lang)
        _assert_same([long_word.sub(lambda m: m[0].translate(accented), line) for line in lines], lang)
        _assert_same([line.upper() for line in lines], lang)


def test_stop_word_languages_read_per_character_label_the_same() -> None:
    lines = [
        "政府は来週、新しい経済対策を発表する予定だと関係者が明らかにした。",
        "ホーム",
        "ニュース 2024年3月4日",
    ]
    assert "ja" in stopwords.CHAR_LANGUAGES
    _assert_same(lines, "ja")


def test_character_ranges_are_those_of_the_patterns() -> None:
    """The compiled loop reads scripts without spaces and control characters as ranges;
    they are the characters the patterns of features.py match, all of them."""
    for ranges, pattern in (
        (features.NOSPACE_RANGES, features._NOSPACE),
        (features.BAD_CHAR_RANGES, features._BAD_CHARS),
    ):
        pairs = list(zip(ranges[::2], ranges[1::2], strict=True))
        for code in range(0x110000):
            char = chr(code)
            in_ranges = any(first <= char <= last for first, last in pairs)
            assert in_ranges == (pattern.match(char) is not None), hex(code)


def _latin1_stop_words(lang: str) -> list[str]:
    return sorted(w for w in stopwords.stop_words(lang) if all(ord(ch) < 256 for ch in w))


@pytest.mark.parametrize(
    "lang", [lang for lang in [*sorted(stopwords._COMPACT), "tr", "id", "und"] if _latin1_stop_words(lang)]
)
def test_every_stop_word_is_found_by_the_compiled_table(lang: str) -> None:
    """The C loop looks Latin-1 tokens up in classify.stop_table, not in the frozenset:
    each stop word alone, all of them on one line, and near misses of each (one letter
    more, one less, upper case) count as the set says."""
    words = _latin1_stop_words(lang)
    lines = [*words, " ".join(words)]
    lines += [f"{w}x" for w in words] + [w[:-1] for w in words if len(w) > 1] + [w.upper() for w in words]
    _assert_same(lines, lang)
    labels = classify.label_lines(words, lang, TH)
    assert all(x is not None and x[0].stop_ratio == 1.0 for x in labels)


def test_a_malformed_stop_table_is_a_value_error() -> None:
    from typing import Any

    from thresher.clean import _speedups

    context = classify.speedup_context(TH)
    stops = stopwords.stop_words("en")
    good, words = classify.stop_table("en")
    full = struct.pack("=4I", 0, 1, 1, 0) + b"a"  # one slot, not empty: a lookup would not end
    beyond = struct.pack("=7I", 1, 1, 9, 0, 0, 0, 0) + b"a"  # a word past the end of the words
    no_word = struct.pack("=7I", 1, 1, 1, 5, 0, 0, 0) + b"a"  # an index past the words' tuple
    bad_tables: list[Any] = [
        (b"", ()),
        (good[:8], words),
        (struct.pack("=4I", 3, 0, 0, 0), ()),
        (full, ("a",)),
        (beyond, ("a",)),
        (no_word, ("a",)),
        (struct.pack("=7I", 1, 1, 1, 0, 0, 0, 0) + b"a", ("ab",)),  # a word of another length
        good,
        (good, list(words)),
        "not a table",
    ]
    for bad in bad_tables:
        with pytest.raises((ValueError, TypeError), match="stop table"):
            _speedups.label_lines(["Home"], {}, stops, bad, False, context)
    (label,) = _speedups.label_lines(["the"], {}, stops, (good, words), False, context)
    assert label[0].stop_ratio == 1.0
    assert label[0].low_words[0] is words[words.index("the")]  # the stop word's own str


def _assert_same_context_rows(
    labelled: list[classify.Label | None], templated: set[int], code: set[int]
) -> None:
    from thresher.clean import decide

    speedups = classify.compiled_module()
    compiled = speedups.context_rows(labelled, templated, code, decide._context_constants())
    python = decide._context_rows_python(labelled, templated, code)
    assert compiled == python
    assert [type(v) for v in compiled] == [type(v) for v in python]
    assert [type(v) for v in compiled[3]] == [type(v) for v in python[3]]  # the word counts


def test_every_development_page_takes_the_same_context_rows(textclean_pages: list[TextPage]) -> None:
    """decide._context_rows_python is the reference of _speedups.context_rows: the same
    kinds, reasons, rows, repeats, keys... on every page, also with site template rows and
    code blocks, which the pages alone seldom have."""
    from thresher.clean import decide
    from thresher.clean.api import page_language

    for page in textclean_pages:
        lines = [line.strip() for line in page.text.splitlines()]
        labelled = classify.label_lines(lines, page_language(lines), TH)
        relabelled, code = decide._lists_and_code(labelled)
        _assert_same_context_rows(relabelled, set(), code)
        filled = [i for i, x in enumerate(labelled) if x is not None]
        _assert_same_context_rows(labelled, set(filled[::7]), set(filled[::5]))


def test_context_rows_on_written_lines() -> None:
    """Repeats (short lines, not in code), echoes (a paragraph again more than ten rows
    on), barriers, stamps, table-of-contents keys, template rows."""
    from thresher.clean import decide

    paragraph = "The committee met on Tuesday and agreed to publish the report before the summer."
    lines = ["Contents", "Our view", "Read more", "Our view", "", paragraph, "Comments"]
    lines += ["Posted on March 4, 2022"]
    lines += ["x = 1;"] * 3 + [f"Line {n} of filler text here." for n in range(12)] + [paragraph, "Our view"]
    labelled = classify.label_lines(lines, "en", TH)
    for templated, code in ((set(), set()), ({1}, {8, 9, 10}), ({0, 5, 24}, set(range(30)))):
        _assert_same_context_rows(labelled, templated, code)
    found = classify.compiled_module().context_rows(labelled, set(), set(), decide._context_constants())
    kinds, reasons, rows, _, barriers, _, stamps, _, repeats, toc = found
    assert (1, 3) in repeats and (1, 24) in repeats  # "Our view" again, twice
    assert kinds[23] is classify.Kind.ECHO  # the paragraph eighteen rows on
    assert stamps == [7] and toc is True and 4 not in rows and reasons[4] is LineReason.EMPTY
    assert [rows[b] for b in barriers] == [6]  # "Comments"


def test_context_rows_rejects_what_is_not_a_label() -> None:
    from thresher.clean import decide

    speedups = classify.compiled_module()
    with pytest.raises(TypeError):
        speedups.context_rows([("not", "a label")], set(), set(), decide._context_constants())
    with pytest.raises(TypeError):
        speedups.context_rows([], [], set(), decide._context_constants())


def test_every_development_page_takes_the_same_row_candidates(textclean_pages: list[TextPage]) -> None:
    """decide._row_candidates_python is the reference of _speedups.row_candidates."""
    from thresher.clean import decide
    from thresher.clean.api import page_language

    speedups = classify.compiled_module()
    written = ["1. First step", "١٢ numbered", "Pos\tPlayer", "A | B | C", "A|B", " | ", "x = 1;", "2019"]
    for lines in [[line.strip() for line in page.text.splitlines()] for page in textclean_pages] + [written]:
        labelled = classify.label_lines(lines, page_language(lines), TH)
        compiled = speedups.row_candidates(labelled, classify.Kind.CODE)
        assert compiled == decide._row_candidates_python(labelled)
    labelled = classify.label_lines(written, "en", TH)
    numbered, code, table = speedups.row_candidates(labelled, classify.Kind.CODE)
    assert numbered == [0, 1, 7] and code == [6] and table == [2, 3, 5]
    with pytest.raises(TypeError):
        speedups.row_candidates([("not", "a label")], classify.Kind.CODE)


def test_every_development_page_takes_the_same_weights_and_reasons(textclean_pages: list[TextPage]) -> None:
    """decide._weights_python and decide._final_reasons_python are the references of
    _speedups.weights and _speedups.final_reasons: the same on every page's rows, with the
    default and the lenient thresholds, and with runs over the page's start, middle, end."""
    from thresher.clean import decide
    from thresher.clean.api import page_language

    speedups = classify.compiled_module()
    lenient = decide._lenient(TH)
    for page in textclean_pages:
        lines = [line.strip() for line in page.text.splitlines()]
        labelled, code = decide._lists_and_code(classify.label_lines(lines, page_language(lines), TH))
        found = decide._context_pass(labelled, None, code)
        kinds = [found.kinds[i] for i in found.rows]
        reasons = [found.reasons[i] for i in found.rows]
        for th in (TH, lenient):
            compiled = speedups.weights(kinds, reasons, found.row_words, decide._weight_params(th))
            python = decide._weights_python(kinds, reasons, found.row_words, th)
            assert compiled == python and all(type(w) is float for w in compiled)
        n = len(found.kinds)
        for runs in ([], [(0, n)], [(n // 4, n // 2), (n // 2 + 1, n)], [(0, 1), (n - 1, n + 5)]):
            assert speedups.final_reasons(
                found.kinds, found.reasons, runs, decide._FINAL_OUTSIDE, decide._FINAL_INSIDE
            ) == decide._final_reasons_python(found.kinds, found.reasons, runs)


def test_weights_and_final_reasons_reject_lists_of_other_lengths() -> None:
    from thresher.clean import decide

    speedups = classify.compiled_module()
    outside, inside, good = decide._FINAL_OUTSIDE, decide._FINAL_INSIDE, classify.Kind.GOOD
    with pytest.raises(ValueError):
        speedups.weights([good], [], [12.0], decide._weight_params(TH))
    with pytest.raises(ValueError):
        speedups.final_reasons([good], [], [], outside, inside)
    with pytest.raises(TypeError):
        speedups.final_reasons([good], [None], [(0,)], outside, inside)
