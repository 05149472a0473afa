"""Unicode repair: what it fixes, what it leaves alone, and that it is idempotent."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.document import Document
from thresher.errors import ConfigError
from thresher.normalize import NormalizeUnicode, normalize_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CafÃ© dÃ©jÃ  vu", "Café déjà vu"),
        ("e\u0301te\u0301", "\u00e9t\u00e9"),
        ("a\u00a0\u2003b\t\tc", "a b c"),
        ("line one   \n\n\n\nline two", "line one\n\nline two"),
        ("x\r\ny\rz", "x\ny\nz"),
        ("nul\x00 and bell\x07 gone", "nul and bell gone"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("x\ud83d\ude00y", "x\U0001f600y"),
        ("lone\udc80surrogate", "lone\ufffdsurrogate"),
        ("  padded  ", "padded"),
    ],
)
def test_repairs(text: str, expected: str) -> None:
    assert normalize_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "“Curly quotes” stay, as do ﬁ ligatures and ｗｉｄｅ letters.",
        "中文，标点。日本語の文章です。",
        "می\u200cخواهم",  # Persian needs the zero-width non-joiner
        "👩\u200d💻 emoji sequence",
    ],
)
def test_meaningful_characters_are_kept(text: str) -> None:
    assert normalize_text(text) == text


def test_step_marks_changed_documents() -> None:
    doc = Document(id="t", text="CafÃ©")
    assert NormalizeUnicode().apply(doc) is doc
    assert doc.text == "Café"
    assert doc.meta["unicode_changed"] is True
    clean = Document(id="u", text="clean")
    NormalizeUnicode().apply(clean)
    assert "unicode_changed" not in clean.meta


def test_form_is_checked() -> None:
    with pytest.raises(ConfigError, match="form"):
        NormalizeUnicode(form="NFX")  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=80))
def test_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_output_is_nfc_without_controls(text: str) -> None:
    out = normalize_text(text)
    assert unicodedata.is_normalized("NFC", out)
    assert not any(unicodedata.category(c) == "Cc" and c not in "\n" for c in out)


def test_html_is_repaired_but_keeps_its_white_space() -> None:
    html = "<p>CafÃ©\n   <b>x</b></p>"
    doc = Document(id="h", html=html)
    NormalizeUnicode().apply(doc)
    assert doc.html == "<p>Café\n   <b>x</b></p>"
    assert doc.text == ""
    assert doc.meta["unicode_changed"] is True


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.sampled_from(["NFC", "NFKC", None]))
def test_idempotent_without_white_space_rules(text: str, form: str | None) -> None:
    once = normalize_text(text, form=form, whitespace=False)  # type: ignore[arg-type]
    assert normalize_text(once, form=form, whitespace=False) == once  # type: ignore[arg-type]
