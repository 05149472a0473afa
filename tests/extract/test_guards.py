"""Guards: deep nesting, huge pages, empty and garbage input, options."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.document import Document, Drop
from thresher.errors import ConfigError
from thresher.extract import Skipped, extract
from thresher.extract.step import Extract, ExtractDrop

ARTICLE = "<p>" + "A sentence of the article, with commas, and enough words to count. " * 5 + "</p>"


def test_hundred_thousand_nested_divs_are_flattened() -> None:
    html = "<html><body>" + "<div>" * 100_000 + ARTICLE + "</div>" * 100_000 + "</body></html>"
    result = extract(html)
    assert "flattened" in result.warnings
    assert "A sentence of the article" in result.text


def test_deep_inline_nesting_does_not_overflow_the_stack() -> None:
    html = "<html><body>" + "<span>" * 5000 + ARTICLE + "</span>" * 5000 + "</body></html>"
    assert "A sentence of the article" in extract(html).text


def test_oversize_page_is_truncated_or_refused() -> None:
    html = "<html><body>" + ARTICLE * 50 + "</body></html>"
    truncated = extract(html, max_chars=2000)
    assert "truncated" in truncated.warnings
    refused = extract(html, max_chars=2000, oversize="refuse")
    assert refused.skipped == Skipped.OVERSIZE and refused.text == ""


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        b"",
        b"\xff\xfe\x00garbage\x00",
        "<<<>>>",
        "<html>",
        "plain text without tags",
        "<body><script>x()</script></body>",
    ],
)
def test_empty_and_garbage_input_never_raise(html: str | bytes) -> None:
    result = extract(html)
    assert isinstance(result.text, str)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises(html: str) -> None:
    result = extract(html)
    assert isinstance(result.markdown, str)


def test_bytes_are_decoded_by_declared_charset() -> None:
    html = (
        "<html><head><meta charset='windows-1252'></head><body>"
        + ARTICLE.replace("article", "Straße und Café")
        + "</body></html>"
    )
    assert "Straße und Café" in extract(html.encode("cp1252")).text


def test_invalid_options_raise_config_error() -> None:
    with pytest.raises(ConfigError, match="mode"):
        extract("<p>x</p>", mode="fast")
    with pytest.raises(ConfigError, match="max_chars"):
        extract("<p>x</p>", max_chars=0)
    with pytest.raises(ConfigError):
        extract("<p>x</p>", no_such_option=True)
    with pytest.raises(ConfigError, match="output"):
        Extract(output="pdf")  # type: ignore[arg-type]


def test_step_extracts_and_merges_metadata() -> None:
    html = (
        "<html lang='fr'><head><title>Le titre | Le Site</title>"
        "<meta property='og:site_name' content='Le Site'></head><body><article>"
        + ARTICLE
        + "</article></body></html>"
    )
    doc = Extract().apply(Document(id="1", html=html, meta={"source_kind": "warc"}))
    assert isinstance(doc, Document)
    assert doc.html is None and "A sentence of the article" in doc.text
    assert doc.meta["title"] == "Le titre" and doc.meta["site_name"] == "Le Site"
    assert doc.meta["language"] == "fr" and doc.meta["source_kind"] == "warc"


def test_step_markdown_output() -> None:
    html = "<html><body><article><h2>Part one</h2>" + ARTICLE + "</article></body></html>"
    doc = Extract(output="markdown").apply(Document(id="1", html=html))
    assert isinstance(doc, Document) and doc.text.startswith("## Part one")


def test_step_drops_pages_without_main_content() -> None:
    html = "<html><body><nav><a href='/'>Home</a></nav><footer>(c) 2024</footer></body></html>"
    answer = Extract().apply(Document(id="1", html=html))
    assert isinstance(answer, Drop) and answer.reason == ExtractDrop.NO_MAIN_CONTENT


def test_step_passes_text_documents_unchanged() -> None:
    doc = Document(id="1", text="already text")
    assert Extract().apply(doc) is doc and doc.text == "already text"


def test_step_is_registered() -> None:
    from thresher.pipeline.registry import step_class

    assert step_class("extract") is Extract


def test_step_drops_listing_pages() -> None:
    teaser = "<div class='item'><h2><a href='/x'>Headline</a></h2><p>{}</p></div>"
    body = "".join(
        teaser.format(f"Story number {n} starts here, with a few words, and more.") for n in range(4)
    )
    html = f"<html><body><div class='list'>{body}</div></body></html>"
    answer = Extract().apply(Document(id="1", html=html))
    assert isinstance(answer, Drop) and answer.reason == ExtractDrop.NO_MAIN_CONTENT
    kept = Extract(listings="keep").apply(Document(id="1", html=html))
    assert isinstance(kept, Document) and "Story number 3" in kept.text


def test_json_ld_article_body_overrules_a_wrong_choice() -> None:
    from selectolax.lexbor import LexborHTMLParser

    from thresher.extract.dom import build_page
    from thresher.extract.scoring import subtree_stats
    from thresher.extract.structured import body_words, check_against_body

    story = "The harbour bridge reopens on Monday after two years of repairs to its cables. "
    promo = "Subscribe today and read every story on all your devices for one low price. "
    html = f"<body><div><p>{story * 3}</p><p>{story * 4}</p></div><div><p>{promo * 3}</p></div></body>"
    page = build_page(LexborHTMLParser(html).body)
    words = body_words({"body": story * 8})
    assert words is not None
    wrong = [b for b in page.blocks if b.text.startswith("Subscribe")]
    dead = subtree_stats(page).dead
    fixed = check_against_body(page, wrong, words, dead)
    assert [b.text[:20] for b in fixed] == [story[:20], story[:20]]
    right = [b for b in page.blocks if b.text.startswith("The harbour")]
    assert check_against_body(page, right, words, dead) is right


def test_pages_with_too_many_elements_fall_back_to_visible_text() -> None:
    html = "<html><body><nav>Menu</nav>" + ARTICLE * 3 + "<script>var x;</script></body></html>"
    result = extract(html, max_elements=5)
    assert "too_many_elements" in result.warnings
    assert "A sentence of the article" in result.text and "var x" not in result.text
    assert result.markdown.startswith("Menu")


TAGS = st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<a href=x>", "</a>", "<li>", "<ul>",
                        "<table><tr><td>", "</td>", "<pre>", "<code>", "<br>", "<nav>", "<script>",
                        "<!--", "-->", "<h2>", "<article>", "text, words. ", "Mehr Text "])  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(st.lists(TAGS, max_size=60).map("".join))
def test_tag_soup_never_raises_in_any_mode(html: str) -> None:
    for mode in ("precision", "balanced", "recall"):
        result = extract(html, mode=mode, include_comments=True)
        assert isinstance(result.text, str) and isinstance(result.markdown, str)
    assert isinstance(Extract().apply(Document(id="h", html=html)), Document | Drop)
