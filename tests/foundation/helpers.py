"""Helpers for building test inputs (WARCs written with fastwarc's record writer)."""

from __future__ import annotations

import gzip
import io
import subprocess
import sys
import uuid
from collections.abc import Iterable
from pathlib import Path

import orjson
from fastwarc.warc import WarcRecord, WarcRecordType


def build_warc(path: Path, pages: Iterable[tuple[str, bytes, str]], gz: bool = True) -> int:
    """Write (url, body, content_type) pages as WARC response records; returns the count."""
    count = 0
    with path.open("wb") as handle:
        for url, body, content_type in pages:
            http = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
            record = WarcRecord()
            record.init_headers(
                record_type=WarcRecordType.response, record_urn=f"uuid:{uuid.uuid4()}".encode()
            )
            record.headers["WARC-Target-URI"] = url
            record.headers["Content-Type"] = "application/http; msgtype=response"
            record.set_bytes_content(http.encode() + body)
            buffer = io.BytesIO()
            record.write(buffer, checksum_data=True)
            handle.write(gzip.compress(buffer.getvalue(), mtime=0) if gz else buffer.getvalue())
            count += 1
    return count


def page(title: str, paragraphs: int = 3) -> str:
    body = "".join(
        f"<p>{title}: paragraph {i} of a page written for the tests.</p>" for i in range(paragraphs)
    )
    return f"<html><head><title>{title}</title></head><body><nav>Home | News</nav>{body}</body></html>"


def read_jsonl_gz(path: Path) -> list[dict[str, object]]:
    with gzip.open(path, "rb") as handle:
        return [orjson.loads(line) for line in handle if line.strip()]


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
