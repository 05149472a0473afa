"""Opening plain, gzip and zstd files by name."""

from __future__ import annotations

import gzip
import io
from pathlib import Path
from typing import IO, cast


def open_binary(path: str | Path) -> IO[bytes]:
    """Open ``path`` for reading bytes, decompressing ``.gz`` and ``.zst`` transparently."""
    name = str(path)
    if name.endswith(".gz"):
        return cast(IO[bytes], gzip.open(name, "rb"))
    if name.endswith(".zst"):
        import zstandard

        raw = Path(name).open("rb")  # noqa: SIM115 - closed with the returned reader
        reader = zstandard.ZstdDecompressor().stream_reader(raw, closefd=True)
        return io.BufferedReader(reader)
    return Path(name).open("rb")


# Errors a truncated or corrupt compressed stream raises while it is being read.
STREAM_ERRORS: tuple[type[Exception], ...] = (EOFError, OSError, gzip.BadGzipFile)
