"""Helpers for building test inputs and running the command line."""

from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import orjson
from upath import UPath

from thresher.io.warc_records import write_html_warc
from thresher.sample import write_sample_crawl


def build_warc(path: Path, pages: Iterable[tuple[str, bytes, str]], gz: bool = True) -> int:
    """Write (url, body, content_type) pages as WARC response records; returns the count."""
    return write_html_warc(path, pages, compress=gz)


def page(title: str, paragraphs: int = 3) -> str:
    body = "".join(
        f"<p>{title}: paragraph {i} of a page written for the tests.</p>" for i in range(paragraphs)
    )
    return f"<html><head><title>{title}</title></head><body><nav>Home | News</nav>{body}</body></html>"


def read_jsonl_gz(path: Path | UPath) -> list[dict[str, object]]:
    """The records of a .jsonl.gz file, local or behind an fsspec URL."""
    with path.open("rb") as raw, gzip.GzipFile(fileobj=raw) as handle:
        return [orjson.loads(line) for line in handle if line.strip()]


def run_records(outdir: Path | UPath, folder: str = "data") -> list[dict[str, object]]:
    """Every record a run wrote to ``outdir/folder`` (``data`` or ``rejects``), shard by shard."""
    paths: list[Path | UPath] = sorted((outdir / folder).glob("*.jsonl.gz"), key=str)
    return [r for p in paths for r in read_jsonl_gz(p)]


def thresher_cli(
    *args: str, cwd: Path | None = None, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run the real ``thresher`` command line in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "thresher", *args],
        capture_output=True,
        cwd=cwd,
        input=stdin,
        timeout=300,
        check=False,
    )


def three_shard_crawl(folder: Path) -> list[str]:
    """Three WARC shards: the sample crawl, an exact copy of it, and pages of a third site.

    With the default pipeline this runs in three passes (site_clean, dedup) and the
    copy is deduplicated across shards.
    """
    folder.mkdir(parents=True)
    first = folder / "part-0.warc.gz"
    write_sample_crawl(first)
    shutil.copy(first, folder / "part-1.warc.gz")
    build_warc(
        folder / "part-2.warc.gz",
        [(f"https://third.example/{i}", page(f"Third {i}", 6).encode(), "text/html") for i in range(4)],
    )
    return [str(folder / f"part-{i}.warc.gz") for i in range(3)]
