"""Readers: every input kind becomes a stream of Documents.

A reader yields, in input order, a :class:`~thresher.document.Document` for each
readable record, a :class:`~thresher.document.Failure` for each record that cannot
be read (so it is counted, never lost), and a :class:`Skip` for records that are
not documents at all (WARC request records, images...).
"""

from __future__ import annotations

import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import BinaryIO

import orjson

from thresher.document import Document, Failure
from thresher.errors import ConfigError
from thresher.html.encoding import Decoded, decode_html_bytes
from thresher.io.compression import STREAM_ERRORS, open_binary
from thresher.io.sources import InputFile, InputKind


class ReadError(StrEnum):
    """Why a record could not be read."""

    INVALID_JSON = "invalid_json"
    NOT_AN_OBJECT = "not_an_object"
    MISSING_FIELD = "missing_field"
    MISSING_COLUMN = "missing_column"
    UNREADABLE_PARQUET = "unreadable_parquet"
    TRUNCATED_INPUT = "truncated_input"
    UNDECODABLE = "undecodable"
    BINARY_CONTENT = "binary_content"
    WARC_INVALID_RECORD = "warc_invalid_record"
    WARC_TRUNCATED_RECORD = "warc_truncated_record"
    WARC_NOT_HTTP = "warc_response_not_http"
    UNREADABLE_FILE = "unreadable_file"


_JSONL_ERRORS: tuple[type[Exception], ...] = (*STREAM_ERRORS, zlib.error)


@dataclass(frozen=True, slots=True)
class Skip:
    """A record that is not a document (counted under ``reason``, not in the doc totals)."""

    reason: str


Item = Document | Failure | Skip


@dataclass(frozen=True, slots=True)
class ReaderOptions:
    """Field names for JSONL/Parquet records and decoding limits."""

    text_field: str = "text"
    html_field: str = "html"
    id_field: str = "id"
    url_field: str = "url"
    max_replacement_ratio: float = 0.05

    def __post_init__(self) -> None:
        for key in ("text_field", "html_field", "id_field", "url_field"):
            if not getattr(self, key):
                raise ConfigError(f"reader.{key} must not be empty")
        if not 0.0 <= self.max_replacement_ratio <= 1.0:
            raise ConfigError("reader.max_replacement_ratio must be between 0 and 1")


def read_input(source: InputFile, options: ReaderOptions | None = None) -> Iterator[Item]:
    """Yield the items of one input file (or of stdin for ``-``)."""
    opts = options or ReaderOptions()
    if source.kind is InputKind.WARC:
        from thresher.io.warc import read_warc

        yield from read_warc(source.path, opts)
    elif source.kind is InputKind.JSONL:
        yield from _read_jsonl(source.path, opts)
    elif source.kind is InputKind.PARQUET:
        from thresher.io.parquet import read_parquet

        yield from read_parquet(source.path, opts)
    elif source.kind is InputKind.STDIN:
        yield page_from_bytes(stdin_stream().read(), "stdin", "-", opts, sniff=True)
    else:
        yield _read_page_file(source, opts)


def _read_page_file(source: InputFile, opts: ReaderOptions) -> Document | Failure:
    try:
        with open_binary(source.path) as handle:
            data = handle.read()
    except STREAM_ERRORS as exc:
        return Failure(source.path, ReadError.UNREADABLE_FILE, str(exc), source.path)
    as_html = source.kind is InputKind.HTML
    return page_from_bytes(data, source.path, source.path, opts, html=as_html)


def _looks_like_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<head", "<body", "<?xml")) or (
        head.startswith("<") and "</" in text[:20000].lower()
    )


def decode_or_fail(
    data: bytes, doc_id: str, source: str, opts: ReaderOptions, charset: str | None = None
) -> Decoded | Failure:
    """Decode page bytes, or a Failure when they are binary or mostly undecodable."""
    if b"\x00" in data and data.count(b"\x00") > max(8, len(data) // 100):
        return Failure(doc_id, ReadError.BINARY_CONTENT, "NUL bytes in content", source)
    decoded = decode_html_bytes(data, charset)
    if decoded.replacement_ratio > opts.max_replacement_ratio:
        detail = f"{decoded.replacement_ratio:.0%} undecodable as {decoded.encoding}"
        return Failure(doc_id, ReadError.UNDECODABLE, detail, source)
    return decoded


def page_from_bytes(
    data: bytes,
    doc_id: str,
    source: str,
    opts: ReaderOptions,
    *,
    html: bool = False,
    sniff: bool = False,
) -> Document | Failure:
    """A Document from one page's bytes: HTML or text, decoded with detection."""
    decoded = decode_or_fail(data, doc_id, source, opts)
    if isinstance(decoded, Failure):
        return decoded
    is_html = html or (sniff and _looks_like_html(decoded.text))
    meta = {"encoding": decoded.encoding}
    if is_html:
        return Document(id=doc_id, html=decoded.text, source=source, meta=meta)
    return Document(id=doc_id, text=decoded.text, source=source, meta=meta)


def _read_jsonl(path: str, opts: ReaderOptions) -> Iterator[Item]:
    line_no = 0
    try:
        with open_binary(path) as handle:
            for line_no, line in enumerate(handle, start=1):
                if line.strip():
                    yield record_to_document(line, f"{path}:{line_no}", opts)
    except _JSONL_ERRORS as exc:
        yield Failure(f"{path}:{line_no + 1}", ReadError.TRUNCATED_INPUT, str(exc), path)


def record_to_document(line: bytes, where: str, opts: ReaderOptions) -> Document | Failure:
    """A Document from one JSON object with the configured field names."""
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        return Failure(where, ReadError.INVALID_JSON, str(exc), where)
    if not isinstance(record, dict):
        return Failure(where, ReadError.NOT_AN_OBJECT, type(record).__name__, where)
    return mapping_to_document(record, where, opts)


def mapping_to_document(record: dict[str, object], where: str, opts: ReaderOptions) -> Document | Failure:
    """A Document from a JSONL object or Parquet row."""
    doc_id = record.get(opts.id_field)
    doc_id = str(doc_id) if doc_id not in (None, "") else where
    url = record.get(opts.url_field)
    url = url if isinstance(url, str) and url else None
    meta = record.get("metadata")
    if isinstance(meta, str | bytes) and meta:  # thresher's Parquet stores it as JSON text
        try:
            meta = orjson.loads(meta)
        except orjson.JSONDecodeError:
            meta = None
    meta_dict = dict(meta) if isinstance(meta, dict) else {}
    html = record.get(opts.html_field)
    if isinstance(html, str) and html:
        return Document(id=doc_id, html=html, url=url, source=where, meta=meta_dict)
    text = record.get(opts.text_field)
    if isinstance(text, str):
        return Document(id=doc_id, text=text, url=url, source=where, meta=meta_dict)
    detail = f"record has neither {opts.html_field!r} nor {opts.text_field!r} as a string"
    return Failure(doc_id, ReadError.MISSING_FIELD, detail, where)


def stdin_stream() -> BinaryIO:
    """The process's standard input as bytes (a seam for tests)."""
    return sys.stdin.buffer
