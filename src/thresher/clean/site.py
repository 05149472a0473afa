"""Site-level template lines: a line on many pages of one site is not article.

Pass 1 builds a :class:`SiteLineTable`: for every registered domain, how many of its
pages were counted and, for each line hash (xxh64 of the whitespace-normalised
line), on how many distinct pages the line occurs. Tables built on different
shards :meth:`~SiteLineTable.merge` into one (associative and commutative while
no site reaches ``max_lines_per_site``; past that the rarest lines are pruned, as
in lossy counting). Pass 2 gives the table to :func:`~thresher.clean.clean_text`
(``site_table=``), which drops lines found on a large share of the site's pages
as ``site_repeated``.
"""

from __future__ import annotations

import ipaddress
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import orjson
import xxhash
import zstandard

from thresher.document import Document
from thresher.errors import ConfigError, InputError
from thresher.io.storage import PathOrUrl, read_bytes, storage_path, write_atomic

_FORMAT = "thresher.site_lines/1"
_SECOND_LEVEL = frozenset(
    ["co", "com", "net", "org", "gov", "edu", "ac", "or", "ne", "go", "gob", "nic", "mil"]
)
_MAX_LINE_CHARS = 2000


def registered_domain(url_or_host: str | None) -> str | None:
    """The registered domain of a URL or host (``news.bbc.co.uk`` -> ``bbc.co.uk``).

    Offline and approximate: a two-letter country code under a generic second level
    (``co``, ``com``, ``org``, ``ac``...) keeps three labels, everything else two.
    IP addresses are returned as they are; ``None`` when there is no host.
    """
    if not url_or_host:
        return None
    try:
        host = urlsplit(url_or_host).hostname if "/" in url_or_host else url_or_host
    except ValueError:  # "http://[abc/...": not a URL that can be read
        return None
    if not host:
        return None
    host = host.strip(".").lower()
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return host
    labels = host.split(".")
    if len(labels) <= 2:
        return host
    keep = 3 if len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def line_key(line: str) -> int:
    """The hash under which a line is counted (whitespace-normalised, case kept)."""
    return xxhash.xxh64_intdigest(" ".join(line.split()).encode("utf-8", "surrogatepass"))


@dataclass
class SiteLineTable:
    """Per-site counts of the pages each line occurs on.

    Attributes:
        max_lines_per_site: bound on the line hashes kept per site (memory bound).
    """

    max_lines_per_site: int = 200_000
    _pages: Counter[str] = field(default_factory=Counter)
    _lines: dict[str, Counter[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.max_lines_per_site < 1:
            raise ConfigError("site_table.max_lines_per_site must be >= 1")

    def add_page(self, url: str | None, text: str) -> bool:
        """Count one page's distinct lines under its site; False when it has no site."""
        site = registered_domain(url)
        if site is None:
            return False
        keys = {line_key(line) for line in text.splitlines() if 0 < len(line) <= _MAX_LINE_CHARS}
        keys.discard(line_key(""))
        self._pages[site] += 1
        counts = self._lines.setdefault(site, Counter())
        counts.update(keys)
        self._prune(site)
        return True

    def add_pages(self, pages: Iterable[tuple[str | None, str]]) -> None:
        """Count many ``(url, text)`` pages."""
        for url, text in pages:
            self.add_page(url, text)

    def pages(self, site: str | None) -> int:
        """Pages counted for a registered domain."""
        return self._pages.get(site, 0) if site else 0

    def line_pages(self, site: str | None, line: str) -> int:
        """On how many counted pages of ``site`` the line occurs."""
        counts = self._lines.get(site or "")
        return counts.get(line_key(line), 0) if counts else 0

    def sites(self) -> list[str]:
        """The registered domains in the table, most pages first."""
        return [site for site, _ in self._pages.most_common()]

    def merge(self, other: SiteLineTable) -> SiteLineTable:
        """A new table counting the pages of both."""
        out = SiteLineTable(max_lines_per_site=min(self.max_lines_per_site, other.max_lines_per_site))
        for table in (self, other):
            out._pages.update(table._pages)
            for site, counts in table._lines.items():
                out._lines.setdefault(site, Counter()).update(counts)
        for site in out._lines:
            out._prune(site)
        return out

    def template_only(self, min_share: float, min_pages: int) -> SiteLineTable:
        """The same page counts, with only the lines that are template by the site rule.

        A line is kept when it is on at least ``min_pages`` pages and on at least
        ``min_share`` of its site's pages (:class:`thresher.clean.decide.SiteRule`):
        cleaning with the smaller table decides every line as with the whole one, and
        it is what each worker loads for the cleaning pass.
        """
        out = SiteLineTable(max_lines_per_site=self.max_lines_per_site)
        out._pages.update(self._pages)
        for site, counts in self._lines.items():
            floor = max(min_pages, min_share * self._pages[site])
            kept = Counter({key: seen for key, seen in counts.items() if seen >= floor})
            if kept:
                out._lines[site] = kept
        return out

    def split(self, parts: int) -> list[SiteLineTable]:
        """Partition by site (hash of the registered domain): the shuffle by key.

        Partition ``i`` of every shard's table merges independently of the others;
        the merged partitions hold disjoint sites and merge into the whole table.
        """
        if parts < 1:
            raise ConfigError("site_table parts must be >= 1")
        out = [SiteLineTable(max_lines_per_site=self.max_lines_per_site) for _ in range(parts)]
        for site, counts in self._lines.items():
            part = out[xxhash.xxh64_intdigest(site.encode("utf-8")) % parts]
            part._pages[site] = self._pages[site]
            part._lines[site] = Counter(counts)
        return out

    def _prune(self, site: str) -> None:
        counts = self._lines[site]
        if len(counts) <= self.max_lines_per_site:
            return
        keep = counts.most_common(self.max_lines_per_site // 2)
        self._lines[site] = Counter(dict(keep))

    def write(self, path: PathOrUrl) -> None:
        """Write the table to a file, local or an fsspec URL (see :meth:`to_bytes`)."""
        write_atomic(storage_path(path), self.to_bytes())

    @classmethod
    def read(cls, path: PathOrUrl) -> SiteLineTable:
        """Read a table written by :meth:`write`."""
        return cls.from_bytes(read_bytes(storage_path(path)))

    def to_bytes(self) -> bytes:
        """Serialise (zstd-compressed JSON)."""
        body = {
            "format": _FORMAT,
            "max_lines_per_site": self.max_lines_per_site,
            "sites": {
                site: {"pages": self._pages[site], "lines": [list(kv) for kv in c.items()]}
                for site, c in self._lines.items()
            },
        }
        return zstandard.ZstdCompressor(level=3).compress(orjson.dumps(body))

    @classmethod
    def from_bytes(cls, data: bytes) -> SiteLineTable:
        """Read what :meth:`to_bytes` wrote; InputError on anything else."""
        try:
            body = orjson.loads(zstandard.ZstdDecompressor().decompress(data))
        except (zstandard.ZstdError, orjson.JSONDecodeError) as exc:
            raise InputError("not a site line table") from exc
        if not isinstance(body, dict) or body.get("format") != _FORMAT:
            raise InputError("not a site line table (unknown format)")
        table = cls(max_lines_per_site=int(body["max_lines_per_site"]))
        for site, entry in body["sites"].items():
            table._pages[site] = int(entry["pages"])
            table._lines[site] = Counter({int(k): int(v) for k, v in entry["lines"]})
        return table


def count_documents(docs: Iterable[Document], max_lines_per_site: int = 200_000) -> SiteLineTable:
    """Pass 1 over one shard: a table of the text documents' lines per site."""
    table = SiteLineTable(max_lines_per_site=max_lines_per_site)
    for doc in docs:
        if not doc.is_html and doc.text:
            table.add_page(doc.url, doc.text)
    return table


def merge_table_files(paths: Iterable[PathOrUrl]) -> SiteLineTable:
    """Reduce: one table from the files written by the shards (or partitions)."""
    merged: SiteLineTable | None = None
    for path in paths:
        table = SiteLineTable.read(path)
        merged = table if merged is None else merged.merge(table)
    return merged if merged is not None else SiteLineTable()
