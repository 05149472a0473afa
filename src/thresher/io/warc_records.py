"""Writing WARC records with fastwarc: for the sample crawl, tests and benchmarks."""

from __future__ import annotations

import gzip
import io
import uuid
from collections.abc import Iterable
from pathlib import Path

from fastwarc.warc import WarcRecord, WarcRecordType

HTTP_RESPONSE = "application/http; msgtype=response"


def http_message(status: str, content_type: str, body: bytes) -> bytes:
    """An HTTP response (status line, headers, body) as bytes."""
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode("ascii") + body


def warc_record(
    record_type: WarcRecordType,
    url: str,
    payload: bytes,
    content_type: str,
    *,
    date: str | None = None,
    record_id: str | None = None,
    compress: bool = True,
) -> bytes:
    """One WARC record (gzip member when ``compress``), with digests.

    Without ``record_id`` a random UUID is used; pass a stable one for byte-identical files.
    """
    record = WarcRecord()
    record.init_headers(record_type=record_type, record_urn=f"uuid:{record_id or uuid.uuid4()}".encode())
    if date is not None:
        record.headers["WARC-Date"] = date
    if url:
        record.headers["WARC-Target-URI"] = url
    record.headers["Content-Type"] = content_type
    record.set_bytes_content(payload)
    buffer = io.BytesIO()
    record.write(buffer, checksum_data=True)
    return gzip.compress(buffer.getvalue(), mtime=0) if compress else buffer.getvalue()


def write_html_warc(
    path: str | Path, pages: Iterable[tuple[str, bytes, str]], *, compress: bool = True
) -> int:
    """Write ``(url, body, content_type)`` pages as HTTP response records; returns the count."""
    count = 0
    with Path(path).open("wb") as out:
        for url, body, content_type in pages:
            message = http_message("200 OK", content_type, body)
            out.write(warc_record(WarcRecordType.response, url, message, HTTP_RESPONSE, compress=compress))
            count += 1
    return count
