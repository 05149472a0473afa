"""Opening inputs by name: local paths or fsspec URLs (``s3://``, ``gs://``...), plain or compressed."""

from __future__ import annotations

import gzip
import io
from pathlib import Path
from typing import IO, cast


def is_url(name: str | Path) -> bool:
    """True for ``scheme://...`` names, which are opened through fsspec."""
    return "://" in str(name)


def open_raw(path: str | Path) -> IO[bytes]:
    """Open ``path`` (a local path or an fsspec URL) for reading bytes as stored, seekable."""
    name = str(path)
    if is_url(name):
        import fsspec

        return cast(IO[bytes], fsspec.open(name, "rb").open())
    return Path(name).open("rb")


def open_binary(path: str | Path) -> IO[bytes]:
    """Open ``path`` for reading bytes, decompressing ``.gz`` and ``.zst`` transparently."""
    name = str(path)
    if is_url(name):
        import fsspec

        return cast(IO[bytes], fsspec.open(name, "rb", compression="infer").open())
    if name.endswith(".gz"):
        return cast(IO[bytes], gzip.open(name, "rb"))
    if name.endswith(".zst"):
        import zstandard

        raw = Path(name).open("rb")  # noqa: SIM115 - closed with the returned reader
        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw, closefd=True))
    return Path(name).open("rb")


# Errors a truncated or corrupt compressed stream raises while it is being read.
STREAM_ERRORS: tuple[type[Exception], ...] = (EOFError, OSError, gzip.BadGzipFile)
