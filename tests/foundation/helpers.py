"""Helpers for building test inputs and running the command line."""

from __future__ import annotations

import gzip
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import orjson

from thresher.io.warc_records import write_html_warc


def build_warc(path: Path, pages: Iterable[tuple[str, bytes, str]], gz: bool = True) -> int:
    """Write (url, body, content_type) pages as WARC response records; returns the count."""
    return write_html_warc(path, pages, compress=gz)


def page(title: str, paragraphs: int = 3) -> str:
    body = "".join(
        f"<p>{title}: paragraph {i} of a page written for the tests.</p>" for i in range(paragraphs)
    )
    return f"<html><head><title>{title}</title></head><body><nav>Home | News</nav>{body}</body></html>"


def read_jsonl_gz(path: Path) -> list[dict[str, object]]:
    with gzip.open(path, "rb") as handle:
        return [orjson.loads(line) for line in handle if line.strip()]


def run_records(outdir: Path, folder: str = "data") -> list[dict[str, object]]:
    """Every record a run wrote to ``outdir/folder`` (``data`` or ``rejects``), shard by shard."""
    return [r for p in sorted((outdir / folder).glob("*.jsonl.gz")) for r in read_jsonl_gz(p)]


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
