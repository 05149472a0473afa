"""What the evaluations share: reading labelled JSONL records, and one system's scored run."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from thresher.evaluate.metrics import PageScore
from thresher.io.compression import open_binary


def labelled_records(
    paths: Iterable[Path], limit: int | None = None
) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Each JSON record of JSON Lines files (plain, gzip or zstd) with its file, ``limit`` per file."""
    for path in paths:
        with open_binary(path) as handle:
            for n, line in enumerate(handle):
                if limit is not None and n >= limit:
                    break
                yield path, orjson.loads(line)


def subset_of(record: dict[str, Any], path: Path) -> str:
    """The record's subset, else its dataset, else the file's name."""
    return str(record.get("subset") or record.get("dataset") or path.stem)


@dataclass(slots=True)
class SystemRun:
    """One system's page scores, CPU seconds and crashes."""

    name: str
    scores: dict[str, PageScore] = field(default_factory=dict)
    seconds: float = 0.0
    errors: int = 0

    def pages_per_second(self) -> float:
        return len(self.scores) / self.seconds if self.seconds else 0.0
