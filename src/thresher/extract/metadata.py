"""Page metadata: title, authors, dates, site name, canonical URL, description, language."""

from __future__ import annotations

from typing import Any


def page_metadata(tree: Any, url: str | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """The page's metadata, and structured data (JSON-LD) the extractor can vote with."""
    title = tree.css_first("title")
    meta: dict[str, Any] = {"title": title.text(strip=True) if title is not None else None}
    return meta, {}
