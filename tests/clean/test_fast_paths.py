"""The fast paths of line features give what the plain regexes give."""

from __future__ import annotations

import importlib
import itertools
import re
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from thresher.clean import classify, dates, features, vocab
from thresher.clean.features import is_stamp, line_features

# the regex parser (no stubs): enumerates what a finite pattern matches
re_parser: Any = importlib.import_module("re._parser")
re_constants: Any = importlib.import_module("re._constants")

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
    # Turkish "İ" is lower-cased to a plain "i" (not "i" and a combining dot)
    assert list(feat.low_words) == _WORD.findall(text.replace("\u0130", "i").lower())
    assert feat.has_digit == (re.search(r"\d", text[:300]) is not None)
    word_chars = sum(map(len, feat.low_words))
    bad = len(_BAD.findall(text)) > len(text) * 0.05
    expected_garbage = len(text) >= 20 and (word_chars < len(text) * 0.5 or bad)
    assert feat.garbage == expected_garbage


def test_latin1_line_with_wide_punctuation_is_tokenised_like_the_regex() -> None:
    text = "Die Stra\u00dfe \u201eM\u00fcller\u201c \u2013 \u00c4rger f\u00fcr 3\u20ac\u2026 \u00b5g\u00b2"
    feat = line_features(text, frozenset({"die"}), per_char=False)
    assert list(feat.low_words) == _WORD.findall(text.lower())
    assert list(feat.low_words[:4]) == ["die", "stra\u00dfe", "m\u00fcller", "\u00e4rger"]
    assert feat.has_digit
    assert feat.stop_ratio == 1 / len(feat.low_words)


def test_long_line_with_curly_quotes_is_tokenised_like_the_regex() -> None:
    text = "He said \u201cwe\u2019ll see\u201d \u2014 and left at 10:30\u00a0pm. " * 4
    feat = line_features(text, frozenset({"he", "and"}), per_char=False)
    assert list(feat.low_words[:6]) == ["he", "said", "we", "ll", "see", "and"]
    assert feat.has_digit
    assert not feat.garbage


# --- Latin-1 lines: cheap tests stand in for case-insensitive patterns -------------

_LATIN1_TEXT_CHARS = [chr(c) for c in range(256)] + list(features.WIDE_PUNCTUATION)


def _language(pattern: re.Pattern[str]) -> list[str]:
    """Every string a finite pattern matches (digits as 0, white space as one blank,
    unbounded repeats at most once)."""
    return _sequence(re_parser.parse(pattern.pattern, pattern.flags))


def _sequence(items: Any) -> list[str]:
    out = [""]
    for op, arg in items:
        out = [a + b for a in out for b in _alternatives(op, arg)]
    return out


def _alternatives(op: Any, arg: Any) -> list[str]:
    categories = {re_constants.CATEGORY_DIGIT: "0", re_constants.CATEGORY_SPACE: " "}
    if op is re_constants.LITERAL:
        return [chr(arg)]
    if op is re_constants.AT:
        return [""]
    if op is re_constants.CATEGORY:
        return [categories[arg]]
    if op is re_constants.SUBPATTERN:
        return _sequence(arg[3])
    if op is re_constants.BRANCH:
        return [s for branch in arg[1] for s in _sequence(branch)]
    if op is re_constants.IN:
        return [chr(a) if o is re_constants.LITERAL else categories[a] for o, a in arg]
    assert op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT), op
    low, high, sub = arg
    high = low + 1 if high == re_constants.MAXREPEAT else high
    base = _sequence(sub)
    return ["".join(p) for n in range(low, high + 1) for p in itertools.product(base, repeat=n)]


def _letter_runs(strings: list[str]) -> set[str]:
    return {run for s in strings for run in re.findall(r"[^\W\d_]{2,}", s.lower())}


def test_stamp_vocabulary_is_every_letter_run_the_stamp_patterns_remove() -> None:
    assert _letter_runs(_language(vocab.MONTHS)) == vocab.MONTH_WORDS
    removable = set()
    for pattern in (vocab.TIME, vocab.DATE_NUM, vocab.MONTHS, vocab.STAMP_WORDS):
        removable |= _letter_runs(_language(pattern))
    assert removable == vocab.STAMP_REMOVABLE


def test_a_month_name_is_a_whole_token() -> None:
    """features._lacks_date_and_time looks for a month name among the line's tokens: every
    alternative of MONTHS is letters alone (a dot may follow), so a match is a token."""
    for name in _language(vocab.MONTHS):
        assert re.fullmatch(r"[^\W\d_]+\.?", name), name
        assert name.rstrip(".") in vocab.MONTH_WORDS


def test_update_words_name_every_latin1_update_phrase() -> None:
    for phrase in _language(dates._UPDATED):
        if phrase.isascii() or len(phrase.encode("latin-1", "ignore")) == len(phrase):
            assert not dates.UPDATE_WORDS.isdisjoint(re.findall(r"\w+", phrase)), phrase


def test_lower_casing_is_case_insensitive_matching_on_latin1_lines() -> None:
    """Every letter of the patterns matches a Latin-1 (or wide punctuation) character
    without case exactly when it is that character lower-cased."""
    for pattern in (vocab.FOOTER, vocab.MONTHS, vocab.STAMP_WORDS, vocab.TIME, dates._UPDATED):
        assert pattern.pattern == pattern.pattern.lower()
        letters = {c for c in pattern.pattern if c.isalpha()}
        for char in _LATIN1_TEXT_CHARS:
            for letter in letters:
                insensitive = re.fullmatch(re.escape(letter), char, re.IGNORECASE) is not None
                assert insensitive == (char.lower() == letter), (char, letter)
    assert vocab.FOOTER_LOWER.pattern == vocab.FOOTER.pattern


_STAMP_PARTS = st.sampled_from(
    [
        *sorted(vocab.STAMP_REMOVABLE),
        "Updated",
        "MAY",
        "März",
        "10:15",
        "3:07pm",
        "2019-03-04",
        "4.3.2019",
        "12",
        "Obama",
        "Müller",
        "Jane Doe",
        "By",
        "von",
        "x",
        "3may",
        "x\u00b2",
        "\u00b2\u00b3",
        "1\u00aa",
        "a_b",
        "|",
        "\u00b7",
        "\u2022",
        ",",
        ".",
        "-",
        "\u2013",
        "\u00a0",
        "/",
        ":",
        "(5)",
        "7.2",
        "04/03",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_STAMP_PARTS, min_size=1, max_size=8), st.sampled_from([" ", "", ", "]))
def test_latin1_stamp_test_agrees_with_the_patterns(parts: list[str], glue: str) -> None:
    text = glue.join(parts).strip() or "x"
    expected = is_stamp(text)
    assert is_stamp(text, latin1=True) == expected
    feat = line_features(text, frozenset(), False)
    if feat.latin1:  # the tokens' shortcut gives what the letter runs give
        assert is_stamp(text, True, feat.low_words) == expected


def _has_case(text: str) -> bool:
    return text.upper() != text.lower()


def test_every_footer_phrase_with_case_needs_a_letter_with_case() -> None:
    """classify._footer_phrase_in searches a line without a letter that has case for the
    phrases without one only: every other phrase matches nothing but strings with such a
    letter."""
    assert vocab.FOOTER.pattern == "|".join(vocab.FOOTER_PHRASES)
    for phrase in vocab.FOOTER_PHRASES:
        if _has_case(phrase):
            strings = _language(re.compile(phrase, re.IGNORECASE))
            assert strings and all(_has_case(s) for s in strings), phrase
        else:
            assert phrase in vocab.FOOTER_UNCASED.pattern.split("|")


def test_no_character_without_case_matches_a_letter_with_case_ignoring_case() -> None:
    """Every code point whose upper and lower case are the same matches none of the
    footer phrases' letters with case, ignoring case (so on such a line ignoring case
    changes nothing)."""
    letters = sorted({c for phrase in vocab.FOOTER_PHRASES for c in phrase if _has_case(c)})
    uncased = "".join(
        chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000 and not _has_case(chr(cp))
    )
    assert len(uncased) > 900_000 and "版" in uncased and "a" not in uncased
    assert re.search(f"[{re.escape(''.join(letters))}]", uncased, re.IGNORECASE) is None


_FOOTER_PARTS = ["privacy", "Policy", "COOKIES", "we", "use", "©", "(c)", "2019", "Impressum", "é"]
_FOOTER_PARTS += ["版权所有", "著作権", "隐私政策", "新闻", "ニュース", "。", "Все права защищены"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_FOOTER_PARTS), min_size=1, max_size=6), st.sampled_from([" ", ""]))
def test_footer_test_agrees_with_the_pattern_ignoring_case(parts: list[str], glue: str) -> None:
    """classify._footer_phrase_in takes three ways (the lower-cased Latin-1 line, the
    phrases without case on a line without case, the whole pattern): each says what the
    pattern ignoring case says."""
    text = glue.join(parts)
    feat = line_features(text, frozenset(), False)
    expected = vocab.FOOTER.search(text) is not None
    assert classify._footer_phrase_in(text, feat.latin1) == expected
    if feat.latin1:
        assert (vocab.FOOTER_LOWER.search(text.lower()) is not None) == expected


def test_signing_words_are_those_of_the_signature_pattern() -> None:
    found = re.search(r"\(\?i:([^)]*)\)", vocab.STAMP_SIGNATURE.pattern)
    assert found is not None
    assert set(found.group(1).split("|")) == vocab.SIGNING_WORDS


_ALL_VOCAB_WORDS = sorted(
    {
        word
        for phrases in (
            vocab.NAV_WORDS,
            vocab.NAV_PHRASES,
            vocab.SOCIAL_WORDS,
            vocab.MEDIA_STARTS,
            vocab.MEDIA_LINES,
            vocab.FORM_LABELS,
            vocab.FOOTER_TRIGGERS,
            vocab.COMMENT_VERBS,
            vocab.COMMENT_WORDS,
            vocab.RELATED_HEADINGS,
            vocab.READ_ALSO,
            vocab.PICTURE_AGENCY_MARKS,
            vocab.READING_WORDS,
        )
        for phrase in phrases
        for word in phrase.split()
    }
)
_VOCAB_WORDS = [word for word in _ALL_VOCAB_WORDS if all(ord(ch) < 256 for ch in word)]
_SHORT_LINE_PARTS = st.sampled_from([*_VOCAB_WORDS, "Market", "river", "the", "of", ":", "-", "|", "?", "."])
_ANY_SCRIPT_PARTS = st.sampled_from(
    [*_ALL_VOCAB_WORDS, "Новости", "города", "Ελλάδα", "Łódź", "żółw", "张三说", "版权所有", "新闻", ":"]
)


def _assert_triggers_speak_for_the_rules(parts: list[str], title: bool, glue: str = " ") -> None:
    """A short line that first_label sends to no boilerplate check has no boilerplate
    reason (and the compiled test says what the Python one says)."""
    text = glue.join(parts).strip()
    text = text.title() if title else text
    if not text:
        return
    feat = line_features(text, frozenset({"the", "of"}), per_char=False)
    args = (text, feat.low_words, feat.has_digit, feat.nospace, feat.latin1)
    needs = classify._needs_boilerplate_checks(*args)
    if not needs:
        reason = classify._boilerplate_reason(*args)
        assert reason is None, (text, reason)
    speedups = classify.compiled_module()
    if speedups is not None:
        context = classify.speedup_context(classify.Thresholds())
        assert speedups.needs_boilerplate_checks(*args, context) == needs, text


@settings(max_examples=1000, deadline=None)
@given(st.lists(_SHORT_LINE_PARTS, min_size=1, max_size=10), st.booleans())
def test_short_lines_without_trigger_words_have_no_boilerplate_reason(parts: list[str], title: bool) -> None:
    """The trigger test of first_label stands for every check of _boilerplate_reason."""
    _assert_triggers_speak_for_the_rules(parts, title)


# Pieces of the lines the checks that need a digit look for: gallery counters, prices,
# reading times, files, stamps (and their near misses).
_DIGIT_LINE_PARTS = st.sampled_from(
    sorted(
        vocab.words(
            """0 3 12 2019 54,90 1.299 12.- 10:30 3/12 4/5 / : - . * | · € $ £ ₽ ₺ $149.99 54,90€
            90eur 3von10 eur EUR Euro euros kr fr. zł CHF usd ab AB: from nur UVP statt dès od
            von of de z bei at en w Bild Foto Photo slide image min Min. read Lesedauer minutes
            PDF KB MB jpg Jan March Mai 2pm am Uhr Updated by Jane Doe Posted on the Market river"""
        )
    )
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_DIGIT_LINE_PARTS, min_size=1, max_size=8), st.booleans(), st.sampled_from([" ", ""]))
def test_digit_lines_the_checks_pass_by_have_no_boilerplate_reason(
    parts: list[str], title: bool, glue: str
) -> None:
    """_digit_checks_may_match stands for the gallery, price, reading time, file and
    stamp checks: a line it lets pass has no reason (glued parts make mixed tokens)."""
    _assert_triggers_speak_for_the_rules(parts, title, glue)


def test_the_compiled_test_agrees_on_every_triple_of_parts() -> None:
    """Every line of three of these parts (both ways of joining them) gets the same
    answer from the compiled test as from the Python one, and no reason when the
    answer is no."""
    parts = sorted(vocab.words("3 10:30 4/5 54,90 € kr ab of z Bild min PDF Jan by Market Updated · |"))
    for a, b, c in itertools.product(parts, repeat=3):
        _assert_triggers_speak_for_the_rules([a, b, c], False)
        _assert_triggers_speak_for_the_rules([a, b, c], False, glue="")
    # tokens of digits that are not decimal ("²"), of letters that are ("ª"), mixed
    for line in ("Market river 10:30 ²", "Market river 4/5/6 x²", "10:30 Market river ª", "12 river x²"):
        _assert_triggers_speak_for_the_rules(line.split(), False)


def test_every_gallery_counter_is_let_through() -> None:
    """Every line GALLERY_COUNTER matches (as the pattern's finite language spells it,
    in three cases) takes the digit checks."""
    for line in _language(vocab.GALLERY_COUNTER):
        for text in {line, line.upper(), line.title()}:
            feat = line_features(text, frozenset(), per_char=False)
            if feat.latin1 and vocab.GALLERY_COUNTER.match(text):
                assert classify._digit_checks_may_match(text, feat.low_words), text


def test_line_starts_and_words_are_those_of_the_patterns() -> None:
    """GALLERY_STARTS, GALLERY_WORDS, PRICE_STARTS, CURRENCY_WORDS and CURRENCY_SIGNS
    are read off the patterns they stand for."""
    counter = r"\^\(\?:\(\?:([^()]*)\)\\s\+\)\?\\d\{1,3\}\\s\*\(\?:([^()]*)\)"
    gallery = re.match(counter, vocab.GALLERY_COUNTER.pattern)
    assert gallery is not None
    assert set(gallery.group(1).split("|")) == set(vocab.GALLERY_STARTS)
    assert set(gallery.group(2).split("|")) == vocab.GALLERY_WORDS | {"/"}
    price = vocab.PRICE_LINE.pattern
    before = re.match(r"\^\(\?:\(\?:([^()]*)\)", price)
    signs_first = re.search(r"\(\?:\[([^]]*)\]\|([^()]*)\)\\s\?\\d", price)
    after = re.search(r"\\s\?\(\?:([^()]*)\)\)\\\*\?", price)
    assert before is not None and signs_first is not None and after is not None
    assert set(vocab.PRICE_STARTS) == {
        *before.group(1).split("|"),
        *signs_first.group(1).replace("\\", ""),
        *signs_first.group(2).split("|"),
    }
    unescaped = after.group(1).replace("\\.?", "").replace("\\.", "").replace("\\", "")
    currencies = unescaped.split("|")
    assert {c for c in currencies if c.isalpha()} == vocab.CURRENCY_WORDS
    assert {c for c in currencies if not c.isalpha()} == set(vocab.CURRENCY_SIGNS)


def _assert_checked(text: str, must_match: bool = True) -> bool:
    """A line with a boilerplate reason is sent to the checks (Python and compiled);
    ``must_match``: the line has one. True when it has."""
    feat = line_features(text, frozenset({"the", "of"}), per_char=False)
    args = (text, feat.low_words, feat.has_digit, feat.nospace, feat.latin1)
    if classify._boilerplate_reason(*args) is None:
        assert not must_match, text
        return False
    assert classify._needs_boilerplate_checks(*args), text
    speedups = classify.compiled_module()
    if speedups is not None:
        context = classify.speedup_context(classify.Thresholds())
        assert speedups.needs_boilerplate_checks(*args, context), text
    return True


# The lines the comments in vocab.py give as examples of what the checks of lines with
# a digit find (and a few more).
_DIGIT_BOILERPLATE = [
    "Bild 1 von 8",
    "3 of 12",
    "Photo 2/10",
    "00:00 / 03:12",
    "Lesedauer: 3 Min.",
    "5 min read",
    "Temps de lecture : 4 minutes",
    "Reading time 6 minutes",
    "ab 54,90 €",
    "61,99 € bei Velomarkt",
    "$149.99 at Amazon",
    "UVP: 299 Euro",
    "299 kr",
    "19.99EUR",
    "Download (JPG, 4,8 MB)",
    "Satzung.pdf (245 KB)",
    "Bekanntmachung als PDF-Datei, 1,2 MB",
    "Posted on March 4, 2022 by Jane Doe",
    "Updated 10:30 am",
    "4. Mai 2023",
    "Video 1 Min",
    "Audio 2:31 Min.",
]


def test_every_written_digit_boilerplate_line_is_checked() -> None:
    for text in _DIGIT_BOILERPLATE:
        _assert_checked(text)


def test_every_heading_phrase_and_link_label_is_checked() -> None:
    """Whole-line headings and labels, navigation phrases inside short lines, and "Read
    also"-style labels before ":" or " | " all reach their checks."""
    lines = [key.capitalize() for key in vocab.RELATED_HEADINGS | vocab.FORM_LABELS | vocab.MEDIA_LINES]
    lines += [f"{w} {p}" for p in vocab.NAV_PHRASES for w in ("see", "Now")]
    lines += [f"{p.capitalize()} today" for p in vocab.NAV_PHRASES]
    labels = vocab.READ_ALSO | vocab.RELATED_HEADINGS
    lines += [f"{label}{sep}The mayor answers" for label in labels for sep in (": ", " | ")]
    matched = sum(_assert_checked(text, must_match=False) for text in lines)
    assert matched > len(lines) // 2


def test_phrases_and_headings_are_words_joined_by_one_blank() -> None:
    """The first-and-second-word and first-and-last-word tests read phrases and headings
    as words joined by one blank, as the checks join a line's words."""
    for phrase in vocab.NAV_PHRASES | vocab.RELATED_HEADINGS | vocab.FORM_LABELS | vocab.MEDIA_LINES:
        assert " ".join(phrase.split()) == phrase, phrase


def test_a_chinese_comment_header_is_a_line_without_spaces() -> None:
    """A line ending in "说" ("says") is read as a script without spaces, which the trigger
    test does not speak for: the comment header check stays."""
    for ending in classify._SAID_ENDINGS:
        assert line_features(f"Zhang Wei {ending}:", frozenset(), False).nospace


@settings(max_examples=1000, deadline=None)
@given(st.lists(_ANY_SCRIPT_PARTS, min_size=1, max_size=10), st.booleans())
def test_lines_of_any_script_without_triggers_have_no_reason(parts: list[str], title: bool) -> None:
    """The same trigger test stands for every check on lines beyond Latin-1 too, but for
    those of scripts without spaces (footers are looked for on all of them)."""
    _assert_triggers_speak_for_the_rules(parts, title)


def test_by_words_are_whole_tokens_that_the_byline_prefix_holds() -> None:
    """may_name_author stands for the byline patterns only while every "By" word is one
    ``\\w+`` token shorter than the 14 characters ``_byline`` reads."""
    from thresher.clean import metadata

    for word in metadata._BY_WORDS:
        assert re.fullmatch(r"\w+", word) and len(word) < 14, word


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["By", "von:", "Par", "—By", "Text:", "Anna", "Müller", "and", "the", ":", "·"]),
        min_size=1,
        max_size=6,
    )
)
def test_lines_that_cannot_name_an_author_are_no_bylines(parts: list[str]) -> None:
    from thresher.clean import metadata

    text = " ".join(parts)
    feat = line_features(text, frozenset(), per_char=False)
    if not metadata.may_name_author(feat):
        assert not metadata.is_byline(text) and not metadata.is_name_byline(text), text


_URL_PARTS = st.sampled_from(
    [
        "http://",
        "https://",
        "HTTP://",
        "ftp://",
        "//",
        "a.example",
        "[::1]",
        "[abc",
        "]",
        "/",
        "?",
        "#",
        "x=1",
        "news",
        "2019",
        "-",
        " ",
        "\t",
        "\n",
        "%20",
        "é",
        "\x01",
        ":8080",
        "@",
        ".",
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_URL_PARTS, min_size=1, max_size=10))
@example(["http://", "a.example", "]", "/", "news"])
@example(["https://", "[abc", "/", "news"])
@example(["http://", "a.example", "?", "x=1", "#", "/"])
@example(["http://", "a.example", "\t", "/", "news"])
def test_url_path_is_the_path_urlsplit_reads(parts: list[str]) -> None:
    """metadata.url_path cuts a plain URL where urlsplit does, and says None where
    urlsplit raises."""
    from urllib.parse import urlsplit

    from thresher.clean import metadata

    url = "".join(parts)
    try:
        expected: str | None = urlsplit(url).path
    except ValueError:
        expected = None
    assert metadata.url_path(url) == expected, url


def test_every_heading_is_found_as_a_line_spells_it() -> None:
    """The whole-line headings are compared with a line's words joined by blanks, so a
    heading written with an apostrophe ("Don't miss", "Editor's picks") is found too."""
    from thresher.clean.reasons import LineReason

    for heading in ("Don't miss", "Editor's Picks", "DON'T MISS"):
        feat = line_features(heading, frozenset(), per_char=False)
        args = (heading, feat.low_words, feat.has_digit, feat.nospace, feat.latin1)
        assert classify._boilerplate_reason(*args) is LineReason.RELATED_HEADING, heading
    keys = vocab.RELATED_HEADINGS | vocab.FORM_LABELS | vocab.MEDIA_LINES
    for key in keys:
        assert " ".join(re.findall(r"\w+", key)) in keys, key
