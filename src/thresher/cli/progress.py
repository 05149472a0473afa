"""A tqdm progress bar for runs: MB read, documents, MB/s and ETA."""

from __future__ import annotations

import sys
from typing import Never

from tqdm import tqdm


class TqdmProgress:
    """Implements :class:`thresher.pipeline.run.ProgressReporter` with one tqdm bar."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.documents = 0
        self.failed = 0
        self._bar: tqdm[Never] | None = None

    def start(self, total_bytes: int, shards: int, resumed: int, stage: str = "") -> None:
        self.documents = 0
        if not self.enabled:
            return
        description = f"{shards - resumed} shard(s)" + (f", {resumed} resumed" if resumed else "")
        if stage:
            description = f"{stage}: {description}"
        self._bar = tqdm(
            total=total_bytes or None,
            unit="B",
            unit_scale=True,
            unit_divisor=1024,
            desc=description,
            file=sys.stderr,
            dynamic_ncols=True,
            mininterval=0.5,
        )

    def advance(self, documents: int, size: int) -> None:
        self.documents += documents
        if self._bar is not None:
            self._bar.update(size)
            self._bar.set_postfix(docs=self.documents, refresh=False)

    def shard_done(self, shard_id: str, ok: bool) -> None:
        if not ok:
            self.failed += 1
            if self._bar is not None:
                self._bar.set_postfix(docs=self.documents, failed_shards=self.failed, refresh=False)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
