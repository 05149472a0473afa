"""Dates written in page text, read as ISO 8601 where they can be read."""

from __future__ import annotations

import re
from typing import Final

_MONTH_NAMES: Final[dict[str, int]] = {}
for _number, _names in enumerate(
    [
        "january jan januar janvier enero gennaio janeiro jänner "
        "januari stycznia styczeń styczen ledna leden января ocak",
        "february feb februar février fevrier febrero febbraio "
        "fevereiro februari lutego luty února únor февраля şubat",
        "march mar märz maerz mars marzo março maart marca marzec března březen марта mart",
        "april apr avril abril aprile kwietnia kwiecień kwiecien dubna duben апреля nisan",
        "may mai mayo maggio maio mei maja maj května květen мая mayıs",
        "june jun juni juin junio giugno junho czerwca czerwiec června červen июня haziran",
        "july jul juli juillet julio luglio julho lipca lipiec července červenec июля temmuz",
        "august aug août aout agosto augustus sierpnia sierpień sierpien srpna srpen августа ağustos augusti",
        "september sep sept septembre septiembre settembre "
        "setembro września wrzesień wrzesien září сентября eylül",
        "october oct oktober octobre octubre ottobre outubro "
        "października październik pazdziernik října říjen октября ekim",
        "november nov novembre noviembre novembro listopada listopad listopadu ноября kasım",
        "december dec dezember décembre decembre diciembre dicembre "
        "dezembro grudnia grudzień grudzien prosince prosinec декабря aralık",
    ],
    start=1,
):
    for _name in _names.split():
        _MONTH_NAMES[_name] = _number

_MONTH: Final = r"(?P<mon>[^\W\d_]{3,10})\.?"
_PATTERNS: Final = [
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    re.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"),
    re.compile(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b"),
    re.compile(
        rf"\b(?P<d>\d{{1,2}})(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?{_MONTH}\s+(?:de\s+)?(?P<y>\d{{4}})\b"
    ),
    re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})\b"),
]
_TIME: Final = re.compile(
    r"(?:\b|(?<=T))(?P<h>\d{1,2})(?::|h|\.(?=\d{2}\s*(?:uhr|h|gmt|bst|utc|cet|cest|mez|mesz)\b))"
    r"(?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ap>[ap])?\.?m?\b",
    re.I,
)
_UPDATED: Final = re.compile(
    r"\b(?:updated|modified|aktualisiert|geändert|mise? à jour|actualizado|actualización|"
    r"aggiornato|atualizado|bijgewerkt|обновлено|zaktualizowano|aktualizacja|aktualizováno|"
    r"uppdaterad|güncelleme|güncellendi)\b|更新",
    re.IGNORECASE,
)
# One word of each Latin-1 phrase of _UPDATED: a Latin-1 line without any of these
# words (as a whole token) is no "updated" stamp.
UPDATE_WORDS: Final = frozenset(
    [
        "updated",
        "modified",
        "aktualisiert",
        "geändert",
        "mis",
        "actualizado",
        "aggiornato",
        "atualizado",
        "bijgewerkt",
        "zaktualizowano",
        "mise",
        "actualización",
        "aktualizacja",
        "aktualizováno",
        "uppdaterad",
        "güncelleme",
        "güncellendi",
    ]
)


def parse_date(text: str, day_first: bool = False) -> str | None:
    """The first date in ``text`` as ``YYYY-MM-DD`` (with ``THH:MM`` when a time is next
    to it), or None when no date can be read.

    ``a/b/yyyy`` with both numbers up to 12 is read month first (American) unless
    ``day_first`` (most other languages); ``a.b.yyyy`` is always day first.
    """
    for pattern in _PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        ymd = _ymd(match, day_first)
        if ymd is None:
            continue
        year, month, day = ymd
        if not (1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
            continue
        return f"{year:04d}-{month:02d}-{day:02d}{_time(text)}"
    return None


def is_update_stamp(text: str) -> bool:
    """True when the stamp says "updated" (in one of several languages)."""
    return _UPDATED.search(text) is not None


def _ymd(match: re.Match[str], day_first: bool) -> tuple[int, int, int] | None:
    groups = match.groupdict()
    year = int(groups["y"])
    if "mon" in groups and groups["mon"] is not None:
        month = _MONTH_NAMES.get(groups["mon"].lower())
        if month is None:
            return None
        return year, month, int(groups["d"])
    if "a" in groups and groups["a"] is not None:
        first, second = int(groups["a"]), int(groups["b"])
        us_order = groups["sep"] == "/" and first <= 12 and not (day_first and second <= 12)
        if first > 12 or not us_order:
            return year, second, first
        return year, first, second
    return year, int(groups["m"]), int(groups["d"])


def _time(text: str) -> str:
    match = _TIME.search(text)
    if match is None:
        return ""
    hour, minute = int(match["h"]), int(match["mi"])
    if match["ap"]:
        hour = hour % 12 + (12 if match["ap"].lower() == "p" else 0)
    if hour > 23 or minute > 59:
        return ""
    return f"T{hour:02d}:{minute:02d}"
