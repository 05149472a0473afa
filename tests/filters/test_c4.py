"""C4QualityFilter: line removals counted by reason, document drops named."""

from __future__ import annotations

from thresher.document import Document, Drop
from thresher.filters import C4QualityFilter
from thresher.filters.c4 import LINE_REMOVALS_KEY


def _doc(text: str, **meta: object) -> Document:
    return Document(id="t", text=text, meta=dict(meta))


def test_boilerplate_lines_are_removed_and_counted(prose: str) -> None:
    text = "\n".join(
        [
            "Home | About | Contact",
            prose,
            "Please enable JavaScript to view the comments.",
            "This site uses cookies to improve your experience.",
            "Too short.",
            "A famous note[1] about rivers and their towns.",
        ]
    )
    doc = _doc(text)
    answer = C4QualityFilter().apply(doc)
    assert answer is doc
    assert doc.text.splitlines()[0] == prose.splitlines()[0]
    assert doc.text.splitlines()[-1] == "A famous note about rivers and their towns."
    assert doc.meta[LINE_REMOVALS_KEY] == {
        "no_terminal_punct": 1,
        "javascript": 1,
        "policy": 1,
        "too_few_words": 1,
    }


def test_too_few_sentences() -> None:
    answer = C4QualityFilter().apply(_doc("One good sentence is here.\nAnd another one here."))
    assert isinstance(answer, Drop) and answer.reason == "c4_too_few_sentences"


def test_sentences_are_counted_inside_lines() -> None:
    line = "First point made. Second point made. Third point made. Fourth one. Fifth one."
    doc = _doc(line)
    assert C4QualityFilter().apply(doc) is doc


def test_lorem_ipsum_and_curly_bracket_drop_the_page(prose: str) -> None:
    lorem = C4QualityFilter().apply(_doc(prose + "\nLorem ipsum dolor sit amet, consectetur."))
    assert isinstance(lorem, Drop) and lorem.reason == "c4_lorem_ipsum"
    code = C4QualityFilter().apply(_doc(prose + "\nThe function returns {x: 1} to the caller."))
    assert isinstance(code, Drop) and code.reason == "c4_curly_bracket"


def test_disabled_rules(prose: str) -> None:
    text = prose + "\nThe function returns {x: 1} to the caller."
    doc = _doc(text)
    assert C4QualityFilter(filter_curly_bracket=False, min_num_sentences=-1).apply(doc) is doc


def test_chinese_lines_end_with_full_width_marks() -> None:
    sentence = "我们今天在公园里散步，看到了很多美丽的花。"
    doc = _doc("\n".join([sentence] * 6), language="zh")
    assert C4QualityFilter().apply(doc) is doc
    english = C4QualityFilter(language="en").apply(_doc("\n".join([sentence] * 6)))
    assert isinstance(english, Drop) and english.reason == "c4_too_few_sentences"


def test_sentence_mode_joins_kept_sentences_with_spaces(prose: str) -> None:
    text = prose.replace("\n", " ") + " Menu Home About"
    doc = _doc(text)
    assert C4QualityFilter(split_paragraph=False).apply(doc) is doc
    assert "\n" not in doc.text
    assert doc.text.endswith("stay outside.")
    assert doc.meta[LINE_REMOVALS_KEY] == {"no_terminal_punct": 1}
