"""Metadata on hand-written pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from thresher.document import METADATA_KEYS
from thresher.extract import extract
from thresher.extract.dates import iso_date
from thresher.extract.textmeta import dateline, source_attribution

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"


def _meta(name: str, url: str | None = None) -> dict[str, object]:
    return extract((PAGES / f"{name}.html").read_bytes(), url=url).metadata


def test_news_article_metadata() -> None:
    meta = _meta("article_sidebar", url="https://ledger.example.org/news/riverside-park?ref=x")
    assert meta["title"] == "City Council Approves New Riverside Park"
    assert meta["authors"] == ["Maria Delgado", "Tom Okafor"]
    assert meta["published"] == "2024-05-14T09:30:00-04:00"
    assert meta["updated"] == "2024-05-15T11:00:00-04:00"
    assert meta["site_name"] == "The Millbrook Ledger"
    assert meta["canonical_url"] == "https://ledger.example.org/news/riverside-park"
    assert meta["description"] == "The council voted 7-2 to turn the old freight yard into a public park."
    assert meta["language"] == "en-US"
    assert meta["source_attribution"] == "AP"
    assert meta["dateline"] == "MILLBROOK"


def test_german_metadata() -> None:
    meta = _meta("german")
    assert meta["title"] == "Neue Radwege für die Innenstadt"
    assert meta["authors"] == ["Katrin Vogel"]
    assert meta["published"] == "2024-09-03"
    assert meta["site_name"] == "Stadtanzeiger Lindenau"
    assert meta["language"] == "de"
    assert meta["source_attribution"] == "dpa"
    assert meta["dateline"] == "LINDENAU"


def test_every_key_is_present() -> None:
    keys = set(METADATA_KEYS)
    assert keys <= set(_meta("listing"))


def test_title_keeps_separators_that_are_part_of_the_headline() -> None:
    assert _meta("aside_accordion")["title"] == "Renewing a passport: what changed this year"


def test_dates_become_iso_8601() -> None:
    assert iso_date("2019-04-28 06:01:07") == "2019-04-28T06:01:07"
    assert iso_date("2018-06-12T23:00:00.000Z") == "2018-06-12T23:00:00+00:00"
    assert iso_date("March 11, 2015") == "2015-03-11T00:00:00"
    assert iso_date("2015/04/30") == "2015-04-30"
    assert iso_date("not a date") is None
    assert iso_date(None) is None


def test_attribution_and_dateline_from_text() -> None:
    assert source_attribution("NEW YORK (Reuters) - Stocks fell on Monday.") == "Reuters"
    assert source_attribution("Text of the story.\nSource: Statistics Office") == "Statistics Office"
    assert source_attribution("A story that names nobody.") is None
    assert dateline("NEW YORK, Nov. 18 (Reuters) - Stocks fell") == "NEW YORK, Nov. 18"
    assert dateline("The cat - a story") is None


def test_language_is_detected_when_not_declared() -> None:
    pytest.importorskip("fasttext")
    html = (PAGES / "german.html").read_text(encoding="utf-8").replace('<html lang="de">', "<html>")
    assert extract(html).metadata["language"] is None
    assert extract(html, detect_language=True).metadata["language"] == "de"
    declared = extract((PAGES / "german.html").read_bytes(), detect_language=True)
    assert declared.metadata["language"] == "de"
