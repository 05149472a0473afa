"""Writing the sample crawl: three sites, news-like pages with real-looking boilerplate.

Every article page carries what breaks naive extraction: a cookie banner, a navigation
bar, a "related stories" list, a comment form and a footer that repeat across the
site's pages. Each site also has a section front (teasers only: no main content), and
one story is republished by another site (a duplicate for dedup to find). The WARC
also holds what a real crawl holds besides pages: a ``warcinfo`` record, request
records, image responses and redirects, which readers must skip and count.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from fastwarc.warc import WarcRecordType

from thresher.io.warc_records import HTTP_RESPONSE, http_message, warc_record
from thresher.sample.articles import (
    GARDEN_ARTICLES,
    RIVERTON_ARTICLES,
    TECHWIRE_ARTICLES,
    Article,
)

_CRAWL_DATE = "2026-07-01T12:00:00Z"


@dataclass(frozen=True, slots=True)
class Site:
    host: str
    name: str
    sections: tuple[str, ...]
    articles: tuple[Article, ...]
    footer: str


SITES = (
    Site(
        "www.riverton-herald.example",
        "Riverton Herald",
        ("Home", "Local", "Politics", "Business", "Sport", "Culture", "Weather"),
        RIVERTON_ARTICLES,
        "© 2026 Riverton Herald Media. All rights reserved. 12 Quay Street, Riverton.",
    ),
    Site(
        "techwire.example",
        "TechWire",
        ("News", "Reviews", "Science", "Energy", "Podcasts", "Newsletter"),
        TECHWIRE_ARTICLES,
        "TechWire is an independent publication. Impressum · Datenschutz · Contact the newsroom",
    ),
    Site(
        "blog.greenbalcony.example",
        "The Green Balcony",
        ("Start here", "Vegetables", "Flowers", "Tools", "About me"),
        GARDEN_ARTICLES,
        "The Green Balcony · Gardening notes from a fourth-floor flat · Powered by a static site",
    ),
)


def _nav(site: Site) -> str:
    links = "".join(f'<li><a href="/{s.lower().replace(" ", "-")}">{s}</a></li>' for s in site.sections)
    return f'<nav class="main-nav"><ul>{links}</ul></nav>'


def _related(site: Site, current: Article) -> str:
    items = "".join(
        f'<li><a href="/{a.slug}">{html.escape(a.title)}</a>'
        f' <span class="time">{a.published[:10]}</span></li>'
        for a in site.articles
        if a is not current
    )
    return f'<aside class="related"><h3>Related stories</h3><ul>{items}</ul></aside>'


_COMMENT_FORM = """
<section id="comments" class="comments">
  <h3>Leave a comment</h3>
  <form action="/comment" method="post">
    <label>Name *</label><input name="name">
    <label>E-mail *</label><input name="email">
    <label>Comment</label><textarea name="body"></textarea>
    <p class="hint">Comments are moderated. Please read our community rules before posting.</p>
    <button type="submit">Post comment</button>
  </form>
</section>"""

_COOKIE_BANNER = (
    '<div class="cookie-banner" id="consent"><p>We use cookies to improve your experience and to '
    "show personalised advertising. By continuing to browse you accept our cookie policy.</p>"
    "<button>Accept all</button><button>Settings</button></div>"
)


def render_page(site: Site, article: Article) -> str:
    """The full HTML of one article page of ``site``."""
    byline = f'<p class="byline">By <span class="author">{html.escape(article.author)}</span>'
    byline += f' · <time datetime="{article.published}">{article.published[:10]}</time></p>'
    paragraphs = list(article.paragraphs)
    if article.dateline:
        paragraphs[0] = f"{article.dateline} — {paragraphs[0]}"
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{article.lang}"><head><meta charset="utf-8">
<title>{html.escape(article.title)} | {site.name}</title>
<meta property="og:site_name" content="{site.name}">
<meta name="author" content="{html.escape(article.author)}">
<meta property="article:published_time" content="{article.published}">
<link rel="canonical" href="https://{site.host}/{article.slug}">
<style>.cookie-banner{{position:fixed}}</style><script>window.analytics = [];</script>
</head><body>
{_COOKIE_BANNER}
<header class="site-header"><a class="logo" href="/">{site.name}</a>{_nav(site)}
<form class="search" action="/search"><input name="q" placeholder="Search"></form></header>
<main><article class="story"><h1>{html.escape(article.title)}</h1>{byline}
<div class="story-body">{body}</div>
<div class="share">Share this article: Facebook · X · E-mail · Print</div>
</article>
{_related(site, article)}
{_COMMENT_FORM}
</main>
<footer class="site-footer"><p>{html.escape(site.footer)}</p>
<ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy</a></li>
<li><a href="/terms">Terms of use</a></li></ul></footer>
</body></html>"""


def _record(record_type: WarcRecordType, url: str, payload: bytes, content_type: str) -> bytes:
    stable_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{record_type}:{url}"))
    return warc_record(record_type, url, payload, content_type, date=_CRAWL_DATE, record_id=stable_id)


def render_listing(site: Site) -> str:
    """A section front: teasers linking to the site's articles, no article of its own."""
    teasers = "".join(
        f'<li><a href="/{a.slug}"><h3>{html.escape(a.title)}</h3></a><span>{a.published[:10]}</span></li>'
        for a in site.articles
    )
    return (
        f'<!DOCTYPE html><html lang="en"><head><title>Latest news | {site.name}</title></head><body>'
        f'{_nav(site)}<main><h1>Latest news</h1><ul class="teasers">{teasers}</ul></main>'
        f"<footer>{html.escape(site.footer)}</footer></body></html>"
    )


def _pages() -> Iterator[tuple[str, str]]:
    """(url, html) of every page: the articles, a section front per site, one syndicated copy."""
    for site in SITES:
        for article in site.articles:
            yield f"https://{site.host}/{article.slug}", render_page(site, article)
        yield f"https://{site.host}/latest", render_listing(site)
    # an agency-style republication: the same story on another site, under its own template
    yield (
        f"https://{SITES[1].host}/partner/{RIVERTON_ARTICLES[0].slug}",
        render_page(SITES[1], RIVERTON_ARTICLES[0]),
    )


def _records() -> Iterator[bytes]:
    info = b"software: thresher sample-crawl\r\nformat: WARC File Format 1.1\r\n"
    yield _record(WarcRecordType.warcinfo, "", info, "application/warc-fields")
    for url, page in _pages():
        path = "/" + url.split("/", 3)[3]
        host = url.split("/")[2]
        request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()
        yield _record(WarcRecordType.request, url, request, "application/http; msgtype=request")
        response = http_message("200 OK", "text/html; charset=utf-8", page.encode("utf-8"))
        yield _record(WarcRecordType.response, url, response, HTTP_RESPONSE)
    for site in SITES:
        logo = http_message("200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64))
        yield _record(
            WarcRecordType.response,
            f"https://{site.host}/logo.png",
            logo,
            HTTP_RESPONSE,
        )
        moved = http_message("301 Moved Permanently", "text/html", b"")
        yield _record(
            WarcRecordType.response,
            f"http://{site.host}/",
            moved,
            HTTP_RESPONSE,
        )


def write_sample_crawl(path: str | Path) -> int:
    """Write the sample crawl as a .warc.gz; returns the number of HTML pages in it."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as handle:
        for chunk in _records():
            handle.write(chunk)
    return sum(1 for _ in _pages())
