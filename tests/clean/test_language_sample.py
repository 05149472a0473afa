"""The page's language: a short sample first, the whole sample when fastText is unsure."""

from __future__ import annotations

import pytest

import thresher.langid
from thresher.clean import clean_text
from thresher.langid.model import LanguageGuess

GERMAN = (
    "Die Stadtverwaltung hat am Dienstag angekündigt, dass die Brücke über den Fluss im "
    "kommenden Frühjahr für drei Monate gesperrt wird, weil die Fahrbahn erneuert werden muss.\n"
    "Pendler sollen in dieser Zeit auf die Busse ausweichen, die dann alle zehn Minuten fahren.\n"
)


def test_a_clear_page_is_read_from_the_start_of_its_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    real = thresher.langid.detect_language

    def spy(text: str) -> LanguageGuess:
        asked.append(text)
        return real(text)

    monkeypatch.setattr(thresher.langid, "detect_language", spy)
    result = clean_text(GERMAN)
    assert result.metadata["language"] == "de"
    assert len(asked) == 1 and len(asked[0]) == 100  # sure of itself on 100 characters


def test_an_unsure_answer_asks_again_with_the_whole_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def unsure_at_first(text: str) -> LanguageGuess:
        asked.append(text)
        return LanguageGuess("fr", 0.5) if len(asked) == 1 else LanguageGuess("de", 0.9)

    monkeypatch.setattr(thresher.langid, "detect_language", unsure_at_first)
    result = clean_text(GERMAN)
    assert result.metadata["language"] == "de"  # the second, whole-sample answer
    whole = " ".join(sorted(GERMAN.strip().split("\n"), key=len, reverse=True))
    assert asked == [whole[:100], whole]  # the longest lines first, then all of them


def test_a_declared_language_asks_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(text: str) -> LanguageGuess:
        raise AssertionError("fastText must not run when the language is given")

    monkeypatch.setattr(thresher.langid, "detect_language", never)
    assert clean_text(GERMAN, lang="de").metadata["language"] == "de"
