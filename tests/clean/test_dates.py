"""Dates in page text read as ISO 8601."""

from __future__ import annotations

import pytest

from thresher.clean.dates import is_update_stamp, parse_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("November 20, 2019", "2019-11-20"),
        ("5 April 2013 Last updated at 13:25 GMT", "2013-04-05T13:25"),
        ("10:44 AM on 04/06/2013", "2013-04-06T10:44"),
        ("Aktualisiert am 03.05.2022, 14:20 Uhr", "2022-05-03T14:20"),
        ("publié le 7 juillet 2020", "2020-07-07"),
        ("22 de janeiro de 2018 às 0:13", "2018-01-22T00:13"),
        ("2021年3月4日", "2021-03-04"),
        ("Publié le 7 juillet 2020 à 10h15", "2020-07-07T10:15"),
        ("2019-11-20T10:05", "2019-11-20T10:05"),
        ("Posted 3:15 pm, 31/12/2020", "2020-12-31T15:15"),
    ],
)
def test_readable_dates(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["Last Updated : GMT 06:49:16", "Home", "99/99/2020", ""])
def test_unreadable_dates(text: str) -> None:
    assert parse_date(text) is None


def test_update_stamps() -> None:
    assert is_update_stamp("Last Updated: May 2")
    assert is_update_stamp("Aktualisiert am 3. Mai")
    assert not is_update_stamp("Published May 2")
