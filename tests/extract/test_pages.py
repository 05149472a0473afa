"""Hand-written pages for the structures that break extractors: must / must-not checks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from thresher.extract import Extraction, extract

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"

# page -> (snippets the text must contain, snippets it must not contain)
CASES: dict[str, tuple[list[str], list[str]]] = {
    "article_sidebar": (
        [
            "voted seven to two on Tuesday night",
            "How the park will be paid for",
            "publish a yearly report on maintenance costs",
        ],
        [
            "Most read",
            "Bakery on Main Street",
            "All rights reserved",
            "Opinion",
            "By Maria Delgado",
            "seen from the railway bridge",
        ],
    ),
    "forum": (
        [
            "smells sharply of nail polish remover",
            "That smell means the yeast is hungry",
            "the extra feeding worked",
        ],
        ["Register", "Similar threads", "Best flour for rye", "Forum index"],
    ),
    "table_heavy": (
        [
            "Harbor Cell 10",
            "Northwind Pack",
            "94%",
            "Round-trip efficiency",
            "households with electric heating",
        ],
        ["Share on Facebook", "Guides"],
    ),
    "comments": (
        ["the skin cracks in rings", "a layer of straw mulch helps even more"],
        ["cherry tomatoes to splitting", "Leave a reply", "Post comment"],
    ),
    "cookie_banner": (
        ["sleeper train will again connect", "Tickets go on sale next month"],
        ["We use cookies", "Accept all", "Manage settings"],
    ),
    "span_list": (
        ["Two merino shirts", "A light rain jacket", "Blister plasters", "A paper map"],
        ["Trail Diary", "Gear"],
    ),
    "aside_accordion": (
        [
            "renew a passport entirely online",
            "the old passport stays valid",
            "between eight and twelve working days",
            "children under sixteen",
        ],
        ["Accessibility", "Services"],
    ),
    "markdown_features": (
        [
            "csv.reader(f)",
            "Use DictReader for named columns",
            "Explicit is better than implicit",
            "DictReader",
        ],
        ["Docs", "FAQ"],
    ),
    "german": (
        ["vier neue Radwege durch die Innenstadt", "dreißig Parkplätze", "zwei neue Parkhäuser am Stadtrand"],
        ["Wir verwenden Cookies", "Stadtfest mit Rekordbesuch", "Endlich!", "Impressum", "Startseite"],
    ),
}


def _extract(name: str, **options: Any) -> Extraction:
    return extract((PAGES / f"{name}.html").read_bytes(), **options)


@pytest.mark.parametrize("name", sorted(CASES))
def test_page_keeps_content_and_drops_boilerplate(name: str) -> None:
    must, must_not = CASES[name]
    text = _extract(name).text
    for snippet in must:
        assert snippet in text, f"{name}: missing {snippet!r}"
    for snippet in must_not:
        assert snippet not in text, f"{name}: kept boilerplate {snippet!r}"


def test_comments_are_excluded_by_default_and_extractable() -> None:
    assert _extract("comments").comments is None
    comments = _extract("comments", include_comments=True).comments or ""
    assert "cherry tomatoes to splitting" in comments
    assert "Picking them just before they are fully ripe" in comments
    assert "the skin cracks in rings" not in comments
    assert "Leave a reply" not in comments


def test_german_comments_are_found_by_their_german_name() -> None:
    comments = _extract("german", include_comments=True).comments or ""
    assert "Endlich!" in comments


def test_markdown_carries_structure() -> None:
    md = _extract("markdown_features").markdown
    assert "## A first example" in md
    assert "### Things to remember" in md
    assert '```\nimport csv\nwith open("data.csv", newline="") as f:' in md
    assert "    for row in csv.reader(f):" in md
    assert '1. Open the file with `newline=""`' in md
    assert "- Use DictReader for named columns.\n- Use the sniffer for unknown dialects." in md
    assert "> Explicit is better than implicit" in md
    assert "| Function | Returns |\n| --- | --- |\n| reader | lists |" in md
    assert "`csv` module" in md


def test_plain_text_has_no_markdown_marks() -> None:
    text = _extract("markdown_features").text
    assert "`" not in text and "```" not in text and "##" not in text
    assert "\x01" not in text and "\x02" not in text


def test_precision_and_recall_modes_order_by_length() -> None:
    for name in [*CASES, "listing"]:
        precise = len(_extract(name, mode="precision").text)
        recall = len(_extract(name, mode="recall").text)
        assert precise <= recall, name


def test_listing_page_has_no_main_content_unless_asked() -> None:
    assert _extract("listing").text == ""
    assert _extract("listing").skipped == "listing_page"
    for options in ({"mode": "recall"}, {"listings": "keep"}):
        text = _extract("listing", **options).text
        for snippet in ["thin asparagus spears", "frozen peas", "buttery oat crumble"]:
            assert snippet in text
        for snippet in ["Next page", "Newsletter", "About"]:
            assert snippet not in text


def test_captions_only_when_asked() -> None:
    text = _extract("article_sidebar", include_captions=True).text
    assert "The old freight yard seen from the railway bridge in March." in text
    assert "voted seven to two" in text
