"""Normalising the date strings pages publish to ISO 8601."""

from __future__ import annotations

import re
from datetime import datetime

_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:\D|$)")
_SLASHED = re.compile(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})")
_FORMATS = (
    "%a, %d %b %Y %H:%M:%S %z",
    "%a, %d %b %Y %H:%M:%S %Z",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%m/%d/%Y",
)


def iso_date(value: str | None) -> str | None:
    """``value`` as ISO 8601 (``YYYY-MM-DD`` or a full timestamp), or None if unreadable.

    Time zones are kept as written, never converted.
    """
    if not value:
        return None
    value = value.strip()
    if _DATE_ONLY.match(value):
        return _ymd(*value.split("-"))
    text = value.replace("Z", "+00:00") if value.endswith("Z") else value
    try:
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        pass
    for pattern in (_ISO_PREFIX, _SLASHED, _COMPACT):
        match = pattern.match(value)
        if match:
            return _ymd(*match.groups())
    for fmt in _FORMATS:
        try:
            return datetime.strptime(value, fmt).isoformat()
        except ValueError:
            continue
    return None


def _ymd(year: str, month: str, day: str) -> str | None:
    y, m, d = int(year), int(month), int(day)
    if 1 <= m <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None
