"""GopherQualityFilter: datatrove's rules, reasons and defaults."""

from __future__ import annotations

import pytest

from thresher.document import Document, Drop
from thresher.errors import ConfigError
from thresher.filters import GopherQualityFilter
from thresher.filters.gopher import GopherQualityReason


def _doc(text: str, **meta: object) -> Document:
    return Document(id="t", text=text, meta=dict(meta))


def test_prose_passes(prose: str) -> None:
    doc = _doc(prose)
    assert GopherQualityFilter().apply(doc) is doc


def test_short_document_is_dropped() -> None:
    answer = GopherQualityFilter().apply(_doc("The cat sat on the mat and that was all."))
    assert isinstance(answer, Drop)
    assert answer.reason == GopherQualityReason.SHORT_DOC
    assert str(answer.reason) == "gopher_short_doc"


def test_thresholds_are_keyword_arguments(prose: str) -> None:
    answer = GopherQualityFilter(min_doc_words=500).apply(_doc(prose))
    assert isinstance(answer, Drop) and answer.reason == "gopher_short_doc"
    answer = GopherQualityFilter(min_doc_words=None).apply(_doc("the and of to be " * 3))
    assert not (isinstance(answer, Drop) and answer.reason == "gopher_short_doc")


def test_numbers_only_fail_the_alpha_rule() -> None:
    text = " ".join(str(n) for n in range(1000, 1100)) + " the and of with"
    answer = GopherQualityFilter().apply(_doc(text))
    assert isinstance(answer, Drop)
    assert answer.reason == "gopher_below_alpha_threshold"


def test_missing_stop_words(prose: str) -> None:
    text = prose.replace(" the ", " a ").replace(" and ", " or ").replace(" to ", " for ")
    text = text.replace(" of ", " in ").replace(" that ", " which ").replace("The ", "A ")
    answer = GopherQualityFilter().apply(_doc(text))
    assert isinstance(answer, Drop) and answer.reason == "gopher_enough_stop_words"


def test_bullet_lines(prose: str) -> None:
    text = "\n".join("- " + line for line in prose.splitlines())
    answer = GopherQualityFilter().apply(_doc(text))
    assert isinstance(answer, Drop) and answer.reason == "gopher_too_many_bullets"


def test_hashes(prose: str) -> None:
    answer = GopherQualityFilter().apply(_doc(prose + "\n" + "#tag " * 30))
    assert isinstance(answer, Drop) and answer.reason == "gopher_too_many_hashes"


def test_signals_are_written(prose: str) -> None:
    doc = _doc(prose)
    GopherQualityFilter(signals=True).apply(doc)
    signals = doc.meta["signals"]
    assert signals["gopher_n_non_symbol_words"] == len(prose.split())
    assert 3 < signals["gopher_avg_word_length"] < 6
    assert signals["gopher_stop_words"] >= 4


def test_german_page_is_not_dropped_for_english_stop_words() -> None:
    sentences = [
        "Der Fluss fließt an der alten Mühle vorbei und durch die ruhige Stadt zum Meer.",
        "Die Bauern bringen ihr Gemüse am Samstag auf den Markt, um es frisch zu verkaufen.",
        "Im Sommer lernen die Kinder in dem See zu schwimmen, wenn das Wasser warm ist.",
        "Eine neue Brücke wurde im letzten Jahr gebaut, weil die alte beschädigt war.",
        "Besucher halten oft bei der Bäckerei, die seit Jahrzehnten von einer Familie geführt wird.",
        "Am Abend spiegeln sich die Lichter des Hafens auf dem Wasser wie verstreute Münzen.",
    ]
    text = "\n".join(sentences)
    english = GopherQualityFilter(language="en").apply(_doc(text))
    assert isinstance(english, Drop) and english.reason == "gopher_enough_stop_words"
    doc = _doc(text, language="de")
    assert GopherQualityFilter().apply(doc) is doc


def test_chinese_page_is_counted_by_characters() -> None:
    sentence = "我们今天在公园里散步，看到了很多美丽的花和高大的树。这是一个非常安静的地方。"
    doc = _doc("\n".join([sentence] * 4), language="zh")
    assert GopherQualityFilter().apply(doc) is doc
    # one sentence: 35 characters (without ，。) count as 17.5 words, under the minimum of 50
    short = GopherQualityFilter().apply(_doc(sentence, language="zh"))
    assert isinstance(short, Drop) and short.reason == "gopher_short_doc"
    assert short.detail == "17.5 words < 50"


@pytest.mark.parametrize("key", ["max_bullet_lines_ratio", "max_non_alpha_words_ratio"])
def test_bad_ratio_is_a_config_error(key: str) -> None:
    with pytest.raises(ConfigError, match=key):
        GopherQualityFilter(**{key: 1.5})  # type: ignore[arg-type]


def test_punctuation_counts_against_letters_in_english_only() -> None:
    text = "Он сказал: «Да, да, да!» — и ушёл."
    # 15 tokens, 7 of them with letters; punctuation tokens only count for English
    english, russian = _doc(text), _doc(text)
    GopherQualityFilter(language="en", signals=True).apply(english)
    GopherQualityFilter(language="ru", signals=True).apply(russian)
    assert english.meta["signals"]["gopher_alpha_words_ratio"] == pytest.approx(7 / 15)
    assert russian.meta["signals"]["gopher_alpha_words_ratio"] == 1.0


def test_punctuation_rule_can_be_chosen() -> None:
    text = "Он сказал: «Да, да, да!» — и ушёл."
    doc = _doc(text)
    GopherQualityFilter(language="ru", punctuation_is_word=True, signals=True).apply(doc)
    assert doc.meta["signals"]["gopher_alpha_words_ratio"] == pytest.approx(7 / 15)


def test_korean_is_not_held_to_alphabetic_word_lengths() -> None:
    sentence = "우리는 오늘 공원에서 산책을 했고 많은 꽃과 나무를 보았다. 정말 조용한 곳이다."
    text = "\n".join([sentence] * 6)
    doc = _doc(text, language="ko")
    assert GopherQualityFilter().apply(doc) is doc
    as_english = GopherQualityFilter(language="en", min_stop_words=None).apply(_doc(text))
    assert isinstance(as_english, Drop) and as_english.reason == "gopher_below_avg_threshold"
