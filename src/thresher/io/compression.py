"""Opening inputs by name: local paths or fsspec URLs (``s3://``, ``gs://``...), plain or compressed."""

from __future__ import annotations

import gzip
import io
from pathlib import Path
from typing import IO, cast

from upath import UPath

from thresher.io.storage import PathOrUrl


def is_url(name: PathOrUrl) -> bool:
    """True for ``scheme://...`` names, which are opened through fsspec."""
    return "://" in str(name)


def open_raw(path: PathOrUrl) -> IO[bytes]:
    """Open ``path`` (a local path or an fsspec URL) for reading bytes as stored, seekable."""
    if isinstance(path, UPath) and not isinstance(path, Path):
        return cast(IO[bytes], path.open("rb"))
    name = str(path)
    if is_url(name):
        import fsspec

        return cast(IO[bytes], fsspec.open(name, "rb").open())
    return Path(name).open("rb")


def open_binary(path: PathOrUrl) -> IO[bytes]:
    """Open ``path`` for reading bytes, decompressing ``.gz`` and ``.zst`` transparently."""
    name = str(path)
    if name.endswith(".zst"):
        import zstandard

        raw = open_raw(path)  # closed with the returned reader
        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw, closefd=True))
    if isinstance(path, UPath) and not isinstance(path, Path):  # keeps the path's fsspec options
        return cast(IO[bytes], path.fs.open(path.path, "rb", compression="infer"))
    if is_url(name):
        import fsspec

        return cast(IO[bytes], fsspec.open(name, "rb", compression="infer").open())
    if name.endswith(".gz"):
        return cast(IO[bytes], gzip.open(name, "rb"))
    return Path(name).open("rb")


# Errors a truncated or corrupt compressed stream raises while it is being read.
STREAM_ERRORS: tuple[type[Exception], ...] = (EOFError, OSError, gzip.BadGzipFile)
