"""Parquet reading with pyarrow, in record batches."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from thresher.document import Failure
from thresher.io.compression import open_raw
from thresher.io.readers import Item, ReaderOptions, ReadError, mapping_to_document

_BATCH_ROWS = 1024


def read_parquet(path: str, opts: ReaderOptions) -> Iterator[Item]:
    """Yield one item per row; a file without a text or html column is one counted failure."""
    with open_raw(path) as handle:
        yield from _read_rows(handle, path, opts)


def _read_rows(handle: IO[bytes], path: str, opts: ReaderOptions) -> Iterator[Item]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(handle)
    except (pa.ArrowException, OSError) as exc:
        yield Failure(path, ReadError.UNREADABLE_PARQUET, str(exc), path)
        return
    names = set(parquet.schema_arrow.names)
    if opts.text_field not in names and opts.html_field not in names:
        detail = f"no column {opts.text_field!r} or {opts.html_field!r} (columns: {', '.join(sorted(names))})"
        yield Failure(path, ReadError.MISSING_COLUMN, detail, path)
        return
    wanted = [
        c for c in (opts.id_field, opts.url_field, opts.text_field, opts.html_field, "metadata") if c in names
    ]
    row = 0
    try:
        for batch in parquet.iter_batches(batch_size=_BATCH_ROWS, columns=wanted):
            for record in batch.to_pylist():
                yield mapping_to_document(record, f"{path}:{row}", opts)
                row += 1
    except (pa.ArrowException, OSError) as exc:
        yield Failure(f"{path}:{row}", ReadError.UNREADABLE_PARQUET, str(exc), path)
