"""Writers: kept documents as JSONL (gzip/zstd) or Parquet, rejects as JSONL.

Records load straight into Hugging Face ``datasets``: ``id``, ``text``, ``url`` and
``metadata`` (an object in JSONL; a JSON string in Parquet, whose columns need one
fixed type). Every file is written under a temporary name and renamed into place
on :meth:`commit`, so a killed run never leaves a half-written file under a final name.
Paths may be local or fsspec URLs (:mod:`thresher.io.storage`).
"""

from __future__ import annotations

import gzip
from abc import ABC, abstractmethod
from enum import StrEnum
from typing import Any, BinaryIO

import orjson
from upath import UPath

from thresher.document import Document
from thresher.io.storage import PathOrUrl, make_dirs, move_into_place, remove, storage_path, temp_sibling

_REJECT_TEXT_CHARS = 2000


class OutputFormat(StrEnum):
    JSONL = "jsonl"
    PARQUET = "parquet"


class Compression(StrEnum):
    GZIP = "gzip"
    ZSTD = "zstd"
    NONE = "none"


_JSONL_SUFFIX = {
    Compression.GZIP: ".jsonl.gz",
    Compression.ZSTD: ".jsonl.zst",
    Compression.NONE: ".jsonl",
}


def output_suffix(fmt: OutputFormat, compression: Compression) -> str:
    """File suffix for a format and compression (Parquet is always zstd inside)."""
    return ".parquet" if fmt is OutputFormat.PARQUET else _JSONL_SUFFIX[compression]


def document_record(doc: Document) -> dict[str, Any]:
    """The output record of a kept document."""
    meta = dict(doc.meta)
    if doc.source:
        meta.setdefault("source", doc.source)
    return {"id": doc.id, "text": doc.text, "url": doc.url, "metadata": meta}


def reject_record(
    doc_id: str, step: str, reason: str, detail: str, doc: Document | None, source: str
) -> dict[str, Any]:
    """The rejects record of a dropped or errored document (content cut to a preview)."""
    record: dict[str, Any] = {
        "id": doc_id,
        "step": step,
        "reason": reason,
        "detail": detail,
        "source": source,
        "url": doc.url if doc else None,
    }
    if doc is not None:
        content = doc.html if doc.html is not None else doc.text
        record["chars"] = len(content)
        record["preview"] = content[:_REJECT_TEXT_CHARS]
    return record


class RecordWriter(ABC):
    """Writes records to ``path`` via a temporary file; :meth:`commit` renames it into place."""

    def __init__(self, path: PathOrUrl) -> None:
        self.path: UPath = storage_path(path)
        self.temp_path = temp_sibling(self.path)
        self.count = 0
        make_dirs(self.path.parent)

    @abstractmethod
    def write(self, record: dict[str, Any]) -> None: ...

    @abstractmethod
    def _close(self) -> None: ...

    def commit(self) -> None:
        """Finish the file and move it to its final name."""
        self._close()
        move_into_place(self.temp_path, self.path)

    def abort(self) -> None:
        """Close and delete the temporary file."""
        try:
            self._close()
        finally:
            remove(self.temp_path)


class JsonlWriter(RecordWriter):
    """JSON Lines, optionally gzip (mtime 0, so files are byte-identical across runs) or zstd."""

    def __init__(self, path: PathOrUrl, compression: Compression = Compression.GZIP) -> None:
        super().__init__(path)
        raw: BinaryIO = self.temp_path.open("wb")
        self._raw = raw
        self._stream: Any
        if compression is Compression.GZIP:
            self._stream = gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=5)
        elif compression is Compression.ZSTD:
            import zstandard

            self._stream = zstandard.ZstdCompressor(level=6).stream_writer(raw, closefd=False)
        else:
            self._stream = raw
        self._pending: list[bytes] = []
        self._pending_bytes = 0
        self._closed = False

    def write(self, record: dict[str, Any]) -> None:
        try:
            line = orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE)
        except TypeError:  # a step put a non-string key in the metadata: write it as a string
            line = orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE | orjson.OPT_NON_STR_KEYS)
        self._pending.append(line)
        self._pending_bytes += len(line)
        self.count += 1
        if self._pending_bytes > 1 << 20:
            self._flush()

    def _flush(self) -> None:
        # one write per megabyte: per-record writes into a compressor cost more than the join
        if self._pending:
            self._stream.write(b"".join(self._pending))
            self._pending, self._pending_bytes = [], 0

    def _close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._flush()
        if self._stream is not self._raw:
            self._stream.close()
        self._raw.close()


class ParquetWriter(RecordWriter):
    """Parquet with zstd, in row groups; ``metadata`` is stored as a JSON string column."""

    _ROWS_PER_GROUP = 2000

    def __init__(self, path: PathOrUrl) -> None:
        super().__init__(path)
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._pa = pa
        self._schema = pa.schema(
            [
                ("id", pa.string()),
                ("text", pa.string()),
                ("url", pa.string()),
                ("metadata", pa.string()),
            ]
        )
        self._raw: BinaryIO = self.temp_path.open("wb")
        self._writer = pq.ParquetWriter(self._raw, self._schema, compression="zstd")
        self._rows: dict[str, list[Any]] = {name: [] for name in self._schema.names}
        self._closed = False

    def write(self, record: dict[str, Any]) -> None:
        self._rows["id"].append(record["id"])
        self._rows["text"].append(record["text"])
        self._rows["url"].append(record["url"])
        self._rows["metadata"].append(
            orjson.dumps(record["metadata"], option=orjson.OPT_NON_STR_KEYS).decode()
        )
        self.count += 1
        if len(self._rows["id"]) >= self._ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self._rows["id"]:
            table = self._pa.Table.from_pydict(self._rows, schema=self._schema)
            self._writer.write_table(table)
            self._rows = {name: [] for name in self._schema.names}

    def _close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self._flush()
            self._writer.close()
        finally:
            self._raw.close()


def open_writer(path: PathOrUrl, fmt: OutputFormat, compression: Compression) -> RecordWriter:
    """A writer for the given format."""
    if fmt is OutputFormat.PARQUET:
        return ParquetWriter(path)
    return JsonlWriter(path, compression)
