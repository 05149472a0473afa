"""Metadata found in an article's own text: source attribution and dateline.

* Source attribution: a news agency in parentheses near the start ("WASHINGTON (AP) —",
  "(Reuters) -") or a closing "Source: X" line ("Quelle:", "Fuente:", "Source :").
* Dateline: the place (and date) that opens a news story before a dash:
  "NEW YORK, Nov. 18 (Reuters) —", "BERLIN (dpa) -".
"""

from __future__ import annotations

import re

_AGENCY = re.compile(
    r"\((AP|Reuters|AFP|dpa|DPA|UPI|Bloomberg|CNN|ANSA|EFE|APA|KNA|epd|SDA|Xinhua|TASS|PTI|"
    r"IANS|CP|AAP|PA|Kyodo|Yonhap|[A-Z]{2,6})\)"
)
_SOURCE_LINE = re.compile(
    r"^(?:Source|Sources|Quelle|Quellen|Fuente|Fonte|Bron|Źródło|Источник)\s*:\s*(.{2,80})$",
    re.IGNORECASE | re.MULTILINE,
)
_DATELINE = re.compile(
    r"^\s*([A-ZÀ-ÞŁŚŻ][A-ZÀ-ÞŁŚŻ.'\- ]{1,40}[A-ZÀ-ÞŁŚŻ.]"
    r"(?:,\s*[A-Za-zÀ-ÿ.]+(?:\s+[A-Za-zÀ-ÿ.]+){0,2}(?:\s+\d{1,2}(?:,\s*\d{4})?)?)?)"
    r"\s*(?:\([^)]{1,30}\))?\s*[—–-]{1,2}\s"
)
_HEAD_CHARS = 300


def source_attribution(text: str) -> str | None:
    """The agency or source the text names, if any."""
    head = text[:_HEAD_CHARS]
    match = _AGENCY.search(head)
    if match and (match.start() < 80 or head[match.end() :].lstrip()[:1] in ("—", "–", "-")):
        return match.group(1)
    lines = text[-_HEAD_CHARS * 2 :]
    found = _SOURCE_LINE.findall(lines)
    return found[-1].strip() if found else None


def dateline(text: str) -> str | None:
    """The dateline that opens the text ("BERLIN", "NEW YORK, Nov. 18"), if any."""
    match = _DATELINE.match(text[:_HEAD_CHARS])
    if not match:
        return None
    place = match.group(1).strip(" ,")
    return place if any(c.isalpha() for c in place) else None
