"""Where a run's files go inside its output directory.

::

    OUTDIR/run.json               what was run: inputs, shard plan, configuration
    OUTDIR/data/<shard>.jsonl.gz  kept documents (or .jsonl.zst / .jsonl / .parquet)
    OUTDIR/rejects/<shard>.jsonl.gz  dropped and errored documents with step and reason
    OUTDIR/stats/<shard>.json     per-shard statistics
    OUTDIR/done/<shard>           completion marker: the shard is skipped on rerun
    OUTDIR/stats.json             merged statistics of the whole run
    OUTDIR/report.html            the same as a page to read, with examples of rejects
    OUTDIR/stages/<k>/...         segments before a corpus step: intermediate documents
                                  (data/), their stats, partial results and markers, and
                                  the corpus step's combined state

``OUTDIR`` is a local directory or an fsspec URL (see :mod:`thresher.io.storage`).
"""

from __future__ import annotations

from dataclasses import dataclass

from upath import UPath


@dataclass(frozen=True, slots=True)
class RunLayout:
    root: UPath
    data_suffix: str

    @property
    def manifest(self) -> UPath:
        return self.root / "run.json"

    @property
    def summary(self) -> UPath:
        return self.root / "stats.json"

    @property
    def report(self) -> UPath:
        return self.root / "report.html"

    def data(self, shard_id: str) -> UPath:
        return self.root / "data" / f"{shard_id}{self.data_suffix}"

    def rejects(self, shard_id: str) -> UPath:
        return self.root / "rejects" / f"{shard_id}.jsonl.gz"

    def stats(self, shard_id: str) -> UPath:
        return self.root / "stats" / f"{shard_id}.json"

    def marker(self, shard_id: str) -> UPath:
        return self.root / "done" / shard_id

    def stage_dir(self, segment: int) -> UPath:
        return self.root / "stages" / f"{segment:02d}"

    def stage_data(self, segment: int, shard_id: str) -> UPath:
        return self.stage_dir(segment) / "data" / f"{shard_id}.jsonl.zst"

    def stage_stats(self, segment: int, shard_id: str) -> UPath:
        return self.stage_dir(segment) / "stats" / f"{shard_id}.json"

    def stage_marker(self, segment: int, shard_id: str) -> UPath:
        return self.stage_dir(segment) / "done" / shard_id

    def stage_partial(self, segment: int, shard_id: str) -> UPath:
        return self.stage_dir(segment) / "partials" / f"{shard_id}.pickle"

    def stage_state(self, segment: int) -> UPath:
        return self.stage_dir(segment) / "state.pickle"

    def stage_work(self, segment: int) -> UPath:
        return self.stage_dir(segment) / "work"
