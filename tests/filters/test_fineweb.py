"""FineWebQualityFilter: datatrove's four rules."""

from __future__ import annotations

from thresher.document import Document, Drop
from thresher.filters import FineWebQualityFilter


def _doc(text: str) -> Document:
    return Document(id="t", text=text)


def test_prose_passes(prose: str) -> None:
    doc = _doc(prose)
    assert FineWebQualityFilter().apply(doc) is doc


def test_blank_text_is_empty() -> None:
    answer = FineWebQualityFilter().apply(_doc(" \n \n"))
    assert isinstance(answer, Drop) and answer.reason == "fineweb_empty"


def test_lines_without_end_punctuation(prose: str) -> None:
    text = "\n".join(line.rstrip(".") for line in prose.splitlines())
    answer = FineWebQualityFilter().apply(_doc(text))
    assert isinstance(answer, Drop) and answer.reason == "fineweb_line_punct_ratio"


def test_short_lines(prose: str) -> None:
    text = prose + "\n" + "\n".join(f"Item number {n}." for n in range(20))
    answer = FineWebQualityFilter().apply(_doc(text))
    assert isinstance(answer, Drop) and answer.reason == "fineweb_short_line_ratio"


def test_duplicated_lines(prose: str) -> None:
    text = prose + "\n" + prose.splitlines()[0]
    answer = FineWebQualityFilter().apply(_doc(text))
    assert isinstance(answer, Drop) and answer.reason == "fineweb_char_dup_ratio"


def test_list_ratio() -> None:
    # 10 lines of 6 words (over 30 characters each) joined by 3 line breaks: 27 / 60 > 0.3
    lines = [f"Entry {word * 3} has a value recorded." for word in "abcdefghij"]
    text = "\n\n\n".join(lines)
    answer = FineWebQualityFilter().apply(_doc(text))
    assert isinstance(answer, Drop) and answer.reason == "fineweb_list_ratio"


def test_signals(prose: str) -> None:
    doc = _doc(prose)
    FineWebQualityFilter(signals=True).apply(doc)
    assert doc.meta["signals"]["fineweb_line_punct_ratio"] == 1.0
    assert doc.meta["signals"]["fineweb_char_dup_ratio"] == 0.0
