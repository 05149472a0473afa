"""Reading the one file (or standard input) that single-page commands work on."""

from __future__ import annotations

import sys
from pathlib import Path

from thresher.cli.errors import CommandError

MAX_SINGLE_INPUT_BYTES = 256 * 1024 * 1024


def read_source(source: str, max_bytes: int = MAX_SINGLE_INPUT_BYTES) -> bytes:
    """The bytes of ``source`` (a path, or ``-`` for stdin); CommandError when missing or too large."""
    if source == "-":
        return sys.stdin.buffer.read()
    path = Path(source)
    if not path.is_file():
        raise CommandError(f"input not found: {source}")
    if path.stat().st_size > max_bytes:
        raise CommandError(f"{source}: larger than {max_bytes} bytes")
    return path.read_bytes()
