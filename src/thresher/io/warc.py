"""WARC and WARC.gz reading with fastwarc.

Response and resource records with an HTML content type become documents;
every other record is a counted :class:`Skip`. A record whose header is broken
is counted as a failure and reading resumes after it (fastwarc's quirks mode
resynchronises on the next record); a truncated record at the end of a cut
file is counted as a failure.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastwarc.warc import ArchiveIterator, WarcRecordType

from thresher.document import Document, Failure
from thresher.io.compression import open_raw
from thresher.io.readers import Item, ReaderOptions, ReadError, Skip, decode_or_fail

_HTML_TYPES = {"text/html", "application/xhtml+xml", "application/xml", "text/xml"}
_DOC_TYPES = (WarcRecordType.response, WarcRecordType.resource)


def read_warc(path: str, opts: ReaderOptions) -> Iterator[Item]:
    """Yield the items of one WARC file; malformed stretches are counted, not fatal.

    When fastwarc cannot parse a record, the stretch is counted as one
    ``warc_invalid_record`` failure and reading resumes at the next place where a
    record (or, in a .warc.gz, a gzip member) starts.
    """
    marker = _GZIP_MAGIC if _is_gzip(path) else _WARC_MAGIC
    done: set[int] = set()
    start = 0
    reported_at = -1
    while True:
        try:
            yield from _iterate(path, opts, start, done)
            return
        except OSError as exc:
            last = max(done, default=start)
            if last != reported_at:
                reported_at = last
                where = f"{path}@{last}"
                yield Failure(where, ReadError.WARC_INVALID_RECORD, str(exc), where)
            next_start = _next_record_start(path, marker, max(start, last) + 1)
            if next_start is None:
                return
            start = next_start


_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."
_SCAN_CHUNK = 1 << 20


def _is_gzip(path: str) -> bool:
    with open_raw(path) as handle:
        return handle.read(2) == _GZIP_MAGIC[:2]


def _next_record_start(path: str, marker: bytes, after: int) -> int | None:
    """Offset of the next ``marker`` at or after ``after``, or None at the end of the file."""
    with open_raw(path) as handle:
        handle.seek(after)
        position = after
        tail = b""
        while chunk := handle.read(_SCAN_CHUNK):
            data = tail + chunk
            found = data.find(marker)
            if found >= 0:
                return position - len(tail) + found
            tail = data[-(len(marker) - 1) :]
            position += len(chunk)
    return None


def _iterate(path: str, opts: ReaderOptions, start: int, done: set[int]) -> Iterator[Item]:
    with open_raw(path) as handle:
        handle.seek(start)
        for record in ArchiveIterator(handle, parse_http=False):
            offset = start + int(record.stream_pos)
            if offset in done:
                continue
            done.add(offset)
            yield _record_item(record, path, offset, opts)


def _record_item(record: Any, path: str, offset: int, opts: ReaderOptions) -> Item:
    where = f"{path}@{offset}"
    if not record.record_id or not record.headers.get("WARC-Type"):
        return Failure(
            where,
            ReadError.WARC_INVALID_RECORD,
            "record without WARC-Type or WARC-Record-ID",
            where,
        )
    if record.record_type not in _DOC_TYPES:
        return Skip(f"warc_{record.headers.get('WARC-Type') or 'unknown'}".lower())
    record_id = str(record.record_id).strip("<>")
    url = record.headers.get("WARC-Target-URI") or None
    is_response = record.record_type == WarcRecordType.response
    if is_response:
        record.parse_http()
        if record.http_headers is None:
            if record.content_length:
                detail = "response record without an HTTP message (Content-Type is not application/http)"
                return Failure(record_id, ReadError.WARC_NOT_HTTP, detail, where)
            return Failure(
                record_id, ReadError.WARC_TRUNCATED_RECORD, "record cut before its HTTP headers", where
            )
        status = int(record.http_headers.status_code or 0)
        if not 200 <= status < 300:
            return Skip(f"http_status_{status // 100}xx")
        content_type = record.http_content_type
        charset = record.http_charset
    else:
        content_type = (record.headers.get("Content-Type") or "").split(";")[0].strip() or None
        charset = None
    body = record.reader.read()
    if content_type and content_type.lower() not in _HTML_TYPES:
        return Skip("non_html_content")
    if record.content_length and not body and is_response:
        return Failure(record_id, ReadError.WARC_TRUNCATED_RECORD, "empty payload", where)
    decoded = decode_or_fail(body, record_id, where, opts, charset)
    if isinstance(decoded, Failure):
        return decoded
    meta: dict[str, Any] = {"encoding": decoded.encoding}
    date = record.headers.get("WARC-Date")
    if date:
        meta["warc_date"] = date
    return Document(id=record_id, url=url, html=decoded.text, source=where, meta=meta)
