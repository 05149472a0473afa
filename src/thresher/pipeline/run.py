"""A whole run: plan shards, skip finished ones, run the rest on an engine, merge stats."""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import orjson
import xxhash

from thresher.engines.base import Engine, Outcome
from thresher.engines.local import LocalEngine
from thresher.errors import ConfigError
from thresher.io.sources import InputKind, Shard, discover_inputs, plan_shards
from thresher.io.writers import output_suffix
from thresher.pipeline.config import PipelineConfig
from thresher.pipeline.layout import RunLayout
from thresher.pipeline.runner import ShardResult, ShardTask, run_shard
from thresher.stats.counters import RunStats
from thresher.step import DocStep

logger = logging.getLogger(__name__)
MANIFEST_VERSION = 1


class ProgressReporter(Protocol):
    """What a run tells its caller while it goes (the CLI draws a progress bar)."""

    def start(self, total_bytes: int, shards: int, resumed: int) -> None: ...
    def advance(self, documents: int, size: int) -> None: ...
    def shard_done(self, shard_id: str, ok: bool) -> None: ...
    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class RunReport:
    """What a run did: merged stats, which shards were resumed, which failed and why."""

    outdir: Path
    stats: RunStats
    shards: int
    resumed: int
    failed: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed


def _manifest(shards: list[Shard], config: PipelineConfig, steps: Sequence[DocStep]) -> dict[str, object]:
    return {
        "version": MANIFEST_VERSION,
        "shards": [[i.to_json() for i in s.inputs] for s in shards],
        "config": config.to_json(),
        "steps": [repr(step) for step in steps],
    }


def _prepare(layout: RunLayout, manifest: dict[str, object], overwrite: bool) -> str:
    """Check (or write) the run manifest; return the run's fingerprint."""
    encoded = orjson.dumps(manifest, option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2)
    fingerprint = xxhash.xxh3_64_hexdigest(encoded)
    if layout.manifest.exists() and layout.manifest.read_bytes() != encoded:
        if not overwrite:
            raise ConfigError(
                f"{layout.root} holds the output of a different run (other inputs or "
                "configuration); choose another output directory or pass --overwrite"
            )
        for name in ("data", "rejects", "stats", "done"):
            shutil.rmtree(layout.root / name, ignore_errors=True)
    layout.root.mkdir(parents=True, exist_ok=True)
    layout.manifest.write_bytes(encoded)
    return fingerprint


def _finished(layout: RunLayout, shard: Shard, fingerprint: str) -> RunStats | None:
    marker = layout.marker(shard.id)
    if not marker.exists() or marker.read_text() != fingerprint:
        return None
    try:
        return RunStats.from_json(orjson.loads(layout.stats(shard.id).read_bytes()))
    except (OSError, ValueError, KeyError):
        return None  # marker without readable stats: redo the shard


def run_pipeline(
    inputs: Sequence[str],
    outdir: str | Path,
    config: PipelineConfig,
    *,
    engine: Engine | None = None,
    progress: ProgressReporter | None = None,
    overwrite: bool = False,
    steps: Sequence[DocStep] | None = None,
) -> RunReport:
    """Run ``config`` over ``inputs`` into ``outdir``; finished shards of an earlier run are kept.

    ``steps``, when given, replaces the configuration's steps (for Python users who
    build their steps as objects). Shards finished by an earlier run of the same
    inputs and configuration are not run again.
    """
    started = time.perf_counter()
    files = discover_inputs(list(inputs))
    shards = plan_shards(files, files_per_shard=config.run.files_per_shard)
    layout = RunLayout(Path(outdir), output_suffix(config.output.format, config.output.compression))
    doc_steps = tuple(steps) if steps is not None else tuple(config.build_steps())
    fingerprint = _prepare(layout, _manifest(shards, config, doc_steps), overwrite)
    stats_by_shard: dict[int, RunStats] = {}
    pending: list[Shard] = []
    for shard in shards:
        previous = _finished(layout, shard, fingerprint)
        if previous is None:
            pending.append(shard)
        else:
            stats_by_shard[shard.index] = previous
    if engine is None or any(i.kind is InputKind.STDIN for i in files):
        engine = LocalEngine(1) if engine is None or isinstance(engine, LocalEngine) else engine
    tasks = [
        ShardTask(
            shard=s,
            steps=doc_steps,
            reader=config.reader,
            layout=layout,
            output_format=config.output.format,
            compression=config.output.compression,
            write_rejects=config.output.rejects,
            max_document_chars=config.run.max_document_chars,
            fingerprint=fingerprint,
        )
        for s in pending
    ]
    if progress is not None:
        progress.start(sum(s.size for s in pending), len(shards), len(shards) - len(pending))
    failed: dict[str, str] = {}

    def on_done(index: int, outcome: Outcome[ShardResult]) -> None:
        shard = pending[index]
        if outcome.value is not None:
            stats_by_shard[shard.index] = outcome.value.stats
        elif outcome.failure is not None:
            failed[shard.id] = outcome.failure.error
            logger.error(
                "shard %s failed: %s\n%s",
                shard.id,
                outcome.failure.error,
                outcome.failure.traceback,
            )
        if progress is not None:
            progress.shard_done(shard.id, outcome.ok)

    try:
        engine.map_outcomes(run_shard, tasks, progress.advance if progress else None, on_done)
    finally:
        if progress is not None:
            progress.close()
    merged = RunStats()
    for index in sorted(stats_by_shard):
        merged = merged.merge(stats_by_shard[index])
    report = RunReport(
        layout.root,
        merged,
        len(shards),
        len(shards) - len(pending),
        failed,
        time.perf_counter() - started,
    )
    _write_summary(layout, report)
    return report


def _write_summary(layout: RunLayout, report: RunReport) -> None:
    summary = report.stats.to_json()
    summary["run"] = {
        "shards": report.shards,
        "resumed_shards": report.resumed,
        "failed_shards": report.failed,
        "seconds": round(report.seconds, 3),
        "balanced": report.stats.is_balanced(),
    }
    layout.summary.write_bytes(orjson.dumps(summary, option=orjson.OPT_INDENT_2))
