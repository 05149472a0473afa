"""Page metadata: title, authors, dates, site name, canonical URL, description, language.

Sources, strongest first: JSON-LD (``Article`` and its kin), ``<meta>`` (Open Graph,
``article:``, Dublin Core, Twitter, parse.ly), ``<link rel=canonical>``, ``<time>``,
``<html lang>``, then the page's visible text (byline, source attribution, dateline).
Keys are the same for extraction and text cleaning: ``title``, ``authors``,
``published``, ``updated``, ``site_name``, ``canonical_url``, ``description``,
``language``, ``source_attribution``, ``dateline``.
"""

from __future__ import annotations

import re
from typing import Any

from thresher.extract.dates import iso_date
from thresher.extract.jsonld import article_data

_TITLE_KEYS = ("dc:title", "dcterm:title", "og:title", "title", "twitter:title", "parsely-title")
_AUTHOR_KEYS = (
    "author",
    "article:author",
    "dc:creator",
    "dcterm:creator",
    "parsely-author",
    "sailthru.author",
    "byl",
)
_PUBLISHED_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "dc:date",
    "dcterms.created",
    "dc.date.issued",
    "parsely-pub-date",
    "sailthru.date",
)
_UPDATED_KEYS = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "last-modified",
)
_SITE_KEYS = ("og:site_name", "application-name", "twitter:site")
_DESCRIPTION_KEYS = ("description", "og:description", "twitter:description", "dc:description")
_SEPARATORS = re.compile(r"\s+[|\-–—:»·•/\\]{1,2}\s+")
_BY = re.compile(r"^\s*(?:by|von|par|por|di|door|av|af|przez)\s*[:]?\s+", re.IGNORECASE)
_BYLINE_TAIL = re.compile(r"\s+[-|–—·•]\s+|\s*@|\s+\S*\d")
_URLISH = re.compile(r"^(?:https?:)?//|^www\.")


def page_metadata(tree: Any, url: str | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """The page's metadata, and the JSON-LD article data the extractor can vote with."""
    metas = _meta_values(tree)
    structured = article_data(tree)
    site = _first(structured.get("site_name"), *(metas.get(k) for k in _SITE_KEYS))
    if site and site.startswith("@"):
        site = None
    node = tree.css_first("title")
    html_title = node.text(strip=True) if node is not None else None
    title = _first(_jsonld_title(structured, html_title), *(metas.get(k) for k in _TITLE_KEYS), html_title)
    meta: dict[str, Any] = {
        "title": _strip_site(title, site, url) if title else None,
        "authors": _authors(structured, metas, tree),
        "published": iso_date(
            _first(structured.get("published"), *(metas.get(k) for k in _PUBLISHED_KEYS), _time_element(tree))
        ),
        "updated": iso_date(_first(structured.get("updated"), *(metas.get(k) for k in _UPDATED_KEYS))),
        "site_name": site,
        "canonical_url": _canonical(tree, metas, url),
        "description": _first(*(metas.get(k) for k in _DESCRIPTION_KEYS), structured.get("description")),
        "language": _language(tree, metas),
        "source_attribution": None,
        "dateline": None,
    }
    return meta, structured


def _jsonld_title(structured: dict[str, Any], html_title: str | None) -> str | None:
    """JSON-LD ``headline`` or ``name``: when they differ, the one closer to ``<title>``."""
    headline, name = structured.get("headline"), structured.get("name")
    if not isinstance(headline, str) or not isinstance(name, str) or headline == name:
        return _first(headline, name)
    if not html_title:
        return name
    title_words = re.findall(r"\w+", html_title.casefold())

    def covered(text: str) -> int:  # how many of the <title>'s words the candidate holds
        words = set(re.findall(r"\w+", text.casefold()))
        return sum(w in words for w in title_words)

    return headline if covered(headline) > covered(name) else name


def _first(*values: Any) -> str | None:
    for value in values:
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def _meta_values(tree: Any) -> dict[str, str]:
    values: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        content = attrs.get("content")
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        if not content or not key:
            continue
        for part in key.lower().split():
            values.setdefault(part.strip(), content)
    return values


def _strip_site(title: str, site: str | None, url: str | None) -> str:
    """Drop a " | Site name" part (either end) when it names the site or is short."""
    parts = _SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    host = _host(url)
    site_key = _squash(site) if site else None

    def names_site(part: str) -> bool:
        key = _squash(part)
        if not key:
            return True
        if site_key and (key in site_key or site_key in key):
            return True
        return bool(host) and (key in host or host.split(".")[0] == key)

    while len(parts) > 1 and names_site(parts[-1]):
        parts.pop()
    if len(parts) == 2 and len(parts[1].split()) <= 2 < len(parts[0].split()) + 1:
        parts.pop()  # "Headline | Brand": a one- or two-word tail names the site
    while len(parts) > 1 and names_site(parts[0]):
        parts.pop(0)
    if len(parts) == len(_SEPARATORS.split(title)):
        return title
    kept = re.escape(parts[0]) + ".*" + re.escape(parts[-1])
    match = re.search(kept, title)
    return match.group(0).strip() if match else " ".join(parts)


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def _host(url: str | None) -> str:
    if not url:
        return ""
    match = re.match(r"^[a-z]+://(?:www\.)?([^/:?#]+)", url, re.IGNORECASE)
    return _squash(match.group(1).replace(".", " ")) if match else ""


def _authors(structured: dict[str, Any], metas: dict[str, str], tree: Any) -> list[str]:
    names = structured.get("authors") or []
    if not names:
        raw = _first(*(metas.get(k) for k in _AUTHOR_KEYS))
        if raw and not _URLISH.search(raw):
            names = [raw]
    if not names:
        node = tree.css_first('[rel="author"], [itemprop="author"], .byline, .author')
        text = node.text(separator=" ", strip=True) if node is not None else ""
        text = _BYLINE_TAIL.split(text, maxsplit=1)[0]
        if 0 < len(text) <= 80:
            names = [text]
    cleaned = [_BY.sub("", " ".join(n.split())).strip(" ,") for n in names]
    return list(dict.fromkeys(n for n in cleaned if n and not _URLISH.search(n)))


def _time_element(tree: Any) -> str | None:
    node = tree.css_first("time[datetime]")
    return node.attributes.get("datetime") if node is not None else None


def _canonical(tree: Any, metas: dict[str, str], url: str | None) -> str | None:
    node = tree.css_first('link[rel="canonical"]')
    href = node.attributes.get("href") if node is not None else None
    if href and href.startswith("/") and url:
        match = re.match(r"^[a-z]+://[^/]+", url, re.IGNORECASE)
        href = match.group(0) + href if match else href
    return _first(href, metas.get("og:url"), url)


def _language(tree: Any, metas: dict[str, str]) -> str | None:
    root = tree.css_first("html")
    lang = root.attributes.get("lang") or root.attributes.get("xml:lang") if root else None
    return _first(lang, metas.get("content-language"), metas.get("language"))
