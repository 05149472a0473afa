"""Bad input is data, not a crash."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.clean.pages import EN
from thresher.clean import CleanDropReason, LineReason, clean_text
from thresher.clean.step import Clean
from thresher.document import Document, Drop


def test_empty_text() -> None:
    result = clean_text("")
    assert result.text == ""
    assert result.lines == []
    assert result.metadata == {}


def test_blank_lines_only() -> None:
    result = clean_text("\n \n\t\r\n")
    assert result.text == ""
    assert all(line.reason is LineReason.EMPTY for line in result.lines)


def test_ten_megabyte_line() -> None:
    line = "The council said that it would be a good idea to build a library. " * 160_000
    assert len(line) > 10_000_000
    result = clean_text(line)
    assert result.text == line.strip()
    assert result.lines[0].reason is LineReason.CONTENT


def test_ten_megabyte_token_is_garbage() -> None:
    result = clean_text("x" * 10_000_000)
    assert result.text == ""
    assert result.lines[0].reason is LineReason.GARBAGE


def test_binary_garbage_decoded_as_text() -> None:
    rng = random.Random(5)
    data = bytes(rng.randrange(256) for _ in range(100_000))
    for text in (data.decode("latin-1"), data.decode("utf-8", "replace")):
        result = clean_text(text)
        assert len(result.text) < len(text) * 0.01
        assert all(line.kept == line.reason.kept for line in result.lines)


def test_all_boilerplate_page_is_dropped_with_a_reason() -> None:
    menu = "\n".join(["Home", "News", "Sign in", "Privacy policy", "© 2024 Example"])
    result = clean_text(menu)
    assert result.text == ""
    assert result.drop_counts()  # every line says why it went
    answer = Clean().apply(Document(id="menu", text=menu))
    assert isinstance(answer, Drop)
    assert answer.reason == CleanDropReason.ALL_BOILERPLATE
    assert "navigation" in answer.detail


def test_crlf_and_mixed_newlines_give_the_same_text() -> None:
    unix = clean_text(EN.text)
    crlf = clean_text(EN.text.replace("\n", "\r\n"))
    lines = EN.lines
    mixed_text = "".join(line + ("\r\n", "\n", "\r")[i % 3] for i, line in enumerate(lines))
    mixed = clean_text(mixed_text)
    assert crlf.text == unix.text
    assert mixed.text == unix.text
    assert "\r" not in mixed.text


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=30), st.sampled_from([None, "en", "de", "zh"]))
def test_never_raises_and_keeps_only_input_lines(lines: list[str], lang: str | None) -> None:
    text = "\n".join(lines)
    result = clean_text(text, lang=lang)
    kept = [line.text for line in result.lines if line.kept]
    assert result.text == "\n".join(kept)
    assert all(line.text == line.text.strip() for line in result.lines)
    assert all(line.kept == line.reason.kept for line in result.lines)
    answer = Clean(lang=lang).apply(Document(id="h", text=text))
    assert isinstance(answer, (Document, Drop))


@pytest.mark.parametrize("url", ["http://[abc/2019/11/a-long-story-slug", "https://[::1/x", "http://]/a-b-c"])
def test_a_url_that_cannot_be_read_is_as_no_url(url: str) -> None:
    """urlsplit raises on a broken IPv6 host: the page is cleaned as one without a URL
    (no slug, no site), with a site table too."""
    from thresher.clean.site import SiteLineTable, registered_domain

    assert registered_domain(url) is None
    expected = clean_text(EN.text)
    assert clean_text(EN.text, url=url).text == expected.text
    table = SiteLineTable()
    table.add_pages([(url, EN.text), ("https://example.org/a", EN.text)])
    assert clean_text(EN.text, url=url, site_table=table).text == expected.text
