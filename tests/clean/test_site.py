"""Site-level template lines: the table, its laws, and what pass 2 does with it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.clean.pages import EN_BODY
from thresher.clean import LineReason, SiteLineTable, clean_text, registered_domain
from thresher.clean.site import count_documents, merge_table_files
from thresher.document import Document
from thresher.errors import ConfigError, InputError
from thresher.evaluate.cleaning import TextPage


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://news.bbc.co.uk/a/b", "bbc.co.uk"),
        ("http://tv.msnbc.com/2013/04/x", "msnbc.com"),
        ("https://www.example.com.au/", "example.com.au"),
        ("washingtonpost.com", "washingtonpost.com"),
        ("http://192.168.1.20:8080/page", "192.168.1.20"),
        ("https://blog.example.de", "example.de"),
        (None, None),
        ("", None),
    ],
)
def test_registered_domain(url: str | None, domain: str | None) -> None:
    assert registered_domain(url) == domain


def _site_pages(n: int) -> list[tuple[str, str]]:
    template = ["Example Weekly", "Our newsletter for gardeners who read", "About the editors"]
    pages = []
    for i in range(n):
        story = f"Story number {i} is about planting trees in the {i}th district of the town."
        pages.append((f"https://www.example.org/{i}", "\n".join([*template, story])))
    return pages


def test_table_counts_distinct_pages_per_line() -> None:
    table = SiteLineTable()
    for url, text in _site_pages(4):
        table.add_page(url, text + "\nAbout the editors")  # twice on a page counts once
    assert table.pages("example.org") == 4
    assert table.line_pages("example.org", "About the editors") == 4
    assert table.line_pages("example.org", "Story number 1 is about") == 0
    assert table.line_pages("other.org", "About the editors") == 0
    assert table.sites() == ["example.org"]


def test_page_without_url_is_not_counted() -> None:
    table = SiteLineTable()
    assert table.add_page(None, "Home") is False
    assert table.sites() == []


def _table(pages: list[tuple[str, str]]) -> SiteLineTable:
    table = SiteLineTable()
    table.add_pages(pages)
    return table


_page = st.tuples(
    st.sampled_from(["https://a.org/x", "https://b.net/y", "https://www.a.org/z"]),
    st.lists(st.sampled_from(["Home", "News", "Story", "About", "Contact"]), max_size=5).map("\n".join),
)


@given(st.lists(_page, max_size=6), st.lists(_page, max_size=6), st.lists(_page, max_size=6))
def test_merge_is_associative_and_equals_one_pass(
    a: list[tuple[str, str]], b: list[tuple[str, str]], c: list[tuple[str, str]]
) -> None:
    ta, tb, tc = _table(a), _table(b), _table(c)
    left = ta.merge(tb).merge(tc)
    right = ta.merge(tb.merge(tc))
    whole = _table(a + b + c)
    assert _same(left, right)
    assert _same(left, whole)


def _same(x: SiteLineTable, y: SiteLineTable) -> bool:
    lines = ["Home", "News", "Story", "About", "Contact"]
    sites = set(x.sites()) | set(y.sites())
    return all(
        x.pages(s) == y.pages(s) and all(x.line_pages(s, t) == y.line_pages(s, t) for t in lines)
        for s in sites
    )


def test_bytes_round_trip() -> None:
    table = _table(_site_pages(5))
    back = SiteLineTable.from_bytes(table.to_bytes())
    assert back.pages("example.org") == 5
    assert back.line_pages("example.org", "Example Weekly") == 5


def test_bad_bytes_are_an_input_error() -> None:
    with pytest.raises(InputError):
        SiteLineTable.from_bytes(b"not a table")


def test_bounded_memory_keeps_the_most_frequent_lines() -> None:
    table = SiteLineTable(max_lines_per_site=10)
    for i in range(30):
        table.add_page("https://x.org/", f"Template line\nunique line {i}")
    assert table.line_pages("x.org", "Template line") == 30
    with pytest.raises(ConfigError):
        SiteLineTable(max_lines_per_site=0)


def test_site_repeated_lines_are_dropped_in_pass_two() -> None:
    pages = _site_pages(6)
    table = _table(pages)
    url, text = pages[0]
    page = text + "\n" + "\n".join(EN_BODY)
    without = clean_text(page, url=url)
    with_table = clean_text(page, url=url, site_table=table)
    reasons = {line.text: line.reason for line in with_table.lines}
    assert reasons["Our newsletter for gardeners who read"] is LineReason.SITE_REPEATED
    assert reasons["Example Weekly"] is LineReason.SITE_REPEATED
    assert "about the editors" not in with_table.text.lower()
    for line in EN_BODY:
        assert line in with_table.text.split("\n")
    assert with_table.site_note is not None and "6 pages" in with_table.site_note
    assert without.site_note is None


def test_single_page_site_does_nothing_and_says_so() -> None:
    pages = _site_pages(1)
    table = _table(pages)
    url, text = pages[0]
    page = text + "\n" + "\n".join(EN_BODY)
    with_table = clean_text(page, url=url, site_table=table)
    assert with_table.lines == clean_text(page, url=url).lines
    assert with_table.site_note is not None
    assert "1 page(s)" in with_table.site_note and "skipped" in with_table.site_note


def test_shuffle_by_site_then_merge_equals_one_table(tmp_path: Path) -> None:
    shard_a = [("https://a.org/1", "Home\nStory a1"), ("https://b.net/1", "Menu\nStory b1")]
    shard_b = [("https://a.org/2", "Home\nStory a2"), ("https://c.com/1", "Menu\nStory c1")]
    parts = 3
    files: dict[int, list[Path]] = {i: [] for i in range(parts)}
    for n, shard in enumerate((shard_a, shard_b)):
        for i, part in enumerate(_table(shard).split(parts)):
            path = tmp_path / f"shard{n}-part{i}.bin"
            part.write(path)
            files[i].append(path)
    reduced = [merge_table_files(files[i]) for i in range(parts)]
    whole = reduced[0].merge(reduced[1]).merge(reduced[2])
    assert _same(whole, _table(shard_a + shard_b))
    assert sorted(whole.sites()) == ["a.org", "b.net", "c.com"]
    assert whole.line_pages("a.org", "Home") == 2


def test_count_documents_skips_html() -> None:
    docs = [
        Document(id="1", text="Home\nA story", url="https://a.org/1"),
        Document(id="2", html="<p>Home</p>", url="https://a.org/2"),
    ]
    table = count_documents(docs)
    assert table.pages("a.org") == 1
    assert merge_table_files([]).sites() == []


def test_same_article_under_two_urls_keeps_its_prose() -> None:
    page = "\n".join(["Example Weekly", *EN_BODY, "About the editors"])
    pages = [("https://example.org/a", page), ("https://example.org/b?ref=x", page)]
    table = _table(pages)
    result = clean_text(page, url=pages[0][0], site_table=table)
    for line in EN_BODY:
        assert line in result.text.split("\n")
    assert "Example Weekly" not in result.text.split("\n")[1:]


def test_template_only_table_keeps_page_counts_and_only_template_lines() -> None:
    table = _table([*_site_pages(6), ("https://other.net/1", "Lonely menu\nOne story")])
    small = table.template_only(min_share=0.3, min_pages=2)
    assert small.pages("example.org") == 6 and small.pages("other.net") == 1
    assert small.line_pages("example.org", "Example Weekly") == 6
    assert small.line_pages("example.org", "Story number 1 is about planting trees in the 1th district") == 0
    assert small.line_pages("other.net", "Lonely menu") == 0


@pytest.mark.slow
def test_template_only_table_decides_every_line_as_the_whole_table(textclean_pages: list[TextPage]) -> None:
    """What the site_clean pass loads in each worker changes no decision (310 dev pages)."""
    from thresher.evaluate.cleaning import site_table_for

    pages = textclean_pages
    whole = site_table_for(pages)
    small = whole.template_only(min_share=0.3, min_pages=2)
    assert len(small.to_bytes()) < len(whole.to_bytes()) / 3
    for page in pages:
        full = clean_text(page.text, url=page.url, site_table=whole)
        pruned = clean_text(page.text, url=page.url, site_table=small)
        assert (pruned.text, pruned.lines) == (full.text, full.lines), page.id
