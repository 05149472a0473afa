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
from thresher.io.readers import Item, ReaderOptions, ReadError, Skip, decode_or_fail

_HTML_TYPES = {"text/html", "application/xhtml+xml", "application/xml", "text/xml"}
_DOC_TYPES = (WarcRecordType.response, WarcRecordType.resource)


def read_warc(path: str, opts: ReaderOptions) -> Iterator[Item]:
    """Yield the items of one WARC file; malformed stretches are counted, not fatal."""
    done_offsets: set[int] = set()
    try:
        yield from _iterate(path, opts, done_offsets, quirks=False)
        return
    except OSError as exc:
        offset = max(done_offsets, default=0)
        yield Failure(f"{path}@after:{offset}", ReadError.WARC_INVALID_RECORD, str(exc), path)
    try:
        yield from _iterate(path, opts, done_offsets, quirks=True)
    except OSError as exc:
        yield Failure(f"{path}@quirks", ReadError.WARC_INVALID_RECORD, str(exc), path)


def _iterate(path: str, opts: ReaderOptions, done: set[int], *, quirks: bool) -> Iterator[Item]:
    with open(path, "rb") as handle:  # noqa: PTH123 - fastwarc wants a plain file object
        records = ArchiveIterator(handle, parse_http=False, quirks_mode=quirks)
        for record in records:
            offset = int(record.stream_pos)
            if offset in done:
                continue
            done.add(offset)
            yield _record_item(record, path, opts)


def _record_item(record: Any, path: str, opts: ReaderOptions) -> Item:
    if record.record_type not in _DOC_TYPES:
        return Skip(f"warc_{record.headers.get('WARC-Type') or 'unknown'}".lower())
    record_id = str(record.record_id or "").strip("<>") or f"{path}@{record.stream_pos}"
    url = record.headers.get("WARC-Target-URI") or None
    where = f"{path}@{record.stream_pos}"
    is_response = record.record_type == WarcRecordType.response
    if is_response:
        record.parse_http()
        if record.http_headers is None:
            return Failure(record_id, ReadError.WARC_TRUNCATED_RECORD, "no HTTP headers", where)
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
