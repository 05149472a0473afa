"""Bad input never crashes a step: each answers a Document or a Drop with a named reason."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.document import Document, Drop
from thresher.filters import (
    C4QualityFilter,
    FineWebQualityFilter,
    GopherQualityFilter,
    GopherRepetitionFilter,
)
from thresher.filters.c4 import C4Reason
from thresher.filters.fineweb import FineWebReason
from thresher.filters.gopher import GopherQualityReason
from thresher.filters.repetition import GopherRepetitionReason
from thresher.langid import LanguageId
from thresher.normalize import NormalizeUnicode
from thresher.pii import RedactPii
from thresher.step import DocStep

KNOWN_REASONS = {
    str(member)
    for enum in (C4Reason, FineWebReason, GopherQualityReason, GopherRepetitionReason)
    for member in enum
}

BAD_TEXTS = {
    "empty": "",
    "white space": " \n\t\n ",
    "punctuation": "!!! ... ??? --- ;;; ,,, ((( ))) " * 20,
    "emoji": "😀🎉🔥 👍🏽 🇩🇪 👩\u200d💻 " * 40,
    "mixed scripts": "Hello мир 世界 مرحبا שלום नमस्ते 안녕하세요 γειά σου. " * 20,
    "surrogates": "broken \udc80 text \ud83d and more words here. " * 20,
    "control characters": "a\x00b\x07c\x1bd\x7f \u200b\ufeff " * 50,
    "one long word": "x" * 5000,
}


def _steps() -> list[DocStep]:
    return [
        GopherRepetitionFilter(),
        GopherQualityFilter(),
        C4QualityFilter(),
        FineWebQualityFilter(),
        GopherQualityFilter(language="zh"),
        C4QualityFilter(language="ja"),
        RedactPii(),
        NormalizeUnicode(),
        LanguageId(),
    ]


def _check(step: DocStep, text: str) -> None:
    answer = step.apply(Document(id="bad", text=text))
    if isinstance(answer, Drop):
        assert answer.reason in KNOWN_REASONS
    else:
        assert isinstance(answer, Document)


@pytest.mark.parametrize("label", sorted(BAD_TEXTS))
def test_bad_text_gets_an_answer(label: str) -> None:
    for step in _steps():
        _check(step, BAD_TEXTS[label])


@pytest.mark.parametrize(
    "make",
    [
        lambda: "word " * 2_000_000,  # one 10 MB line of words
        lambda: "ab.Cd-ef," * 1_150_000,  # one 10 MB word full of infixes
    ],
)
def test_ten_megabyte_line(make: Callable[[], str]) -> None:
    text = make()
    assert len(text) >= 10_000_000
    for step in _steps():
        _check(step, text)


def test_empty_text_reasons() -> None:
    empty = Document(id="e", text="")
    assert GopherRepetitionFilter().apply(empty) == Drop("gopher_empty")
    assert FineWebQualityFilter().apply(empty) == Drop("fineweb_empty")
    gopher = GopherQualityFilter().apply(empty)
    assert isinstance(gopher, Drop) and gopher.reason == "gopher_short_doc"
    c4 = C4QualityFilter().apply(empty)
    assert isinstance(c4, Drop) and c4.reason == "c4_too_few_sentences"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["en", "de", "zh", "ko", "xx"]))
def test_no_step_raises_on_any_text(text: str, language: str) -> None:
    for step in _steps():
        answer = step.apply(Document(id="h", text=text, meta={"language": language}))
        assert isinstance(answer, Document | Drop)
