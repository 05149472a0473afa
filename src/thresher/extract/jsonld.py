"""Article data from JSON-LD (``Article``, ``NewsArticle``, ``BlogPosting``...)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import orjson

_ARTICLE_TYPES = (
    "article",
    "posting",
    "report",
    "webpage",
    "creativework",
    "review",
    "recipe",
    "howto",
    "qapage",
)


def article_data(tree: Any) -> dict[str, Any]:
    """headline, name, authors, published, updated, site_name, description, body from JSON-LD."""
    found: dict[str, Any] = {}
    for node in tree.css('script[type="application/ld+json"]'):
        raw = node.text(deep=True).strip()
        if raw.startswith("<![CDATA["):
            raw = raw.removeprefix("<![CDATA[").removesuffix("]]>").strip()
        try:
            data = orjson.loads(raw or "null")
        except orjson.JSONDecodeError:
            continue
        for obj in _objects(data, 0):
            if _is_article(obj):
                _merge(found, obj)
    return found


def _objects(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if graph is not None:
            yield from _objects(graph, depth + 1)


def _is_article(obj: dict[str, Any]) -> bool:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and any(t in k.lower() for t in _ARTICLE_TYPES) for k in kinds)


def _merge(found: dict[str, Any], obj: dict[str, Any]) -> None:
    strong = "article" in str(obj.get("@type", "")).lower() or "posting" in str(obj.get("@type"))
    fields = {
        "headline": obj.get("headline"),
        "name": obj.get("name"),
        "published": obj.get("datePublished") or obj.get("dateCreated"),
        "updated": obj.get("dateModified"),
        "description": obj.get("description"),
        "body": obj.get("articleBody"),
        "site_name": _name(obj.get("publisher")),
        "authors": _names(obj.get("author") or obj.get("creator")),
    }
    for key, value in fields.items():
        if value and isinstance(value, str | list) and (strong or key not in found):
            found[key] = value


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return value if isinstance(value, str) and value.strip() else None


def _names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = [_name(item) for item in items]
    return [n.strip() for n in names if n]
