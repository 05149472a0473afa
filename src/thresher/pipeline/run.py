"""A whole run: plan shards, skip finished ones, run the rest on an engine, merge stats."""

from __future__ import annotations

import logging
import pickle
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import orjson
import xxhash
from upath import UPath

from thresher.engines.base import Engine, Outcome
from thresher.engines.local import LocalEngine
from thresher.errors import ConfigError
from thresher.io.compression import open_binary
from thresher.io.sources import InputKind, Shard, discover_inputs, plan_shards
from thresher.io.storage import (
    PathOrUrl,
    make_dirs,
    read_bytes,
    read_many,
    remove_tree,
    storage_path,
    write_atomic,
)
from thresher.io.writers import output_suffix
from thresher.pipeline.config import PipelineConfig
from thresher.pipeline.corpus import CorpusStep, split_segments
from thresher.pipeline.layout import RunLayout
from thresher.pipeline.runner import ShardResult, ShardTask, run_shard
from thresher.stats.counters import RunStats
from thresher.stats.report import render_report
from thresher.step import DocStep

logger = logging.getLogger(__name__)
MANIFEST_VERSION = 1


class ProgressReporter(Protocol):
    """What a run tells its caller while it goes (the CLI draws a progress bar)."""

    def start(self, total_bytes: int, shards: int, resumed: int, stage: str = "") -> None: ...
    def advance(self, documents: int, size: int) -> None: ...
    def shard_done(self, shard_id: str, ok: bool) -> None: ...
    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class RunReport:
    """What a run did: merged stats, how much was resumed, which shards failed and why.

    A pipeline with corpus steps runs in ``passes``; ``resumed`` counts the shard
    passes (one shard through one pass) that an earlier run had finished.
    """

    outdir: UPath
    stats: RunStats
    shards: int
    resumed: int
    failed: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    passes: int = 1

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
    if layout.manifest.exists() and read_bytes(layout.manifest) != encoded:
        if not overwrite:
            raise ConfigError(
                f"{layout.root} holds the output of a different run (other inputs or "
                "configuration); choose another output directory or pass --overwrite"
            )
        for name in ("data", "rejects", "stats", "done", "stages"):
            remove_tree(layout.root / name)
    make_dirs(layout.root)
    write_atomic(layout.manifest, encoded)
    return fingerprint


def _finished(tasks: list[ShardTask]) -> dict[int, tuple[RunStats, Any]]:
    """Stats (and partial result) of the shards an earlier run of the same fingerprint finished.

    Keyed by shard index. A marker without readable stats or partial means: redo the shard.
    Files are read in batches (concurrently on object storage).
    """
    markers = read_many([t.marker_path() for t in tasks])
    done = [t for t in tasks if markers.get(str(t.marker_path())) == t.fingerprint.encode()]
    wanted = [t.stats_path() for t in done]
    wanted += [t.layout.stage_partial(t.segment, t.shard.id) for t in done if t.gather is not None]
    contents = read_many(wanted)
    finished: dict[int, tuple[RunStats, Any]] = {}
    for task in done:
        try:
            stats = RunStats.from_json(orjson.loads(contents[str(task.stats_path())]))
            partial = None
            if task.gather is not None:
                partial = pickle.loads(contents[str(task.layout.stage_partial(task.segment, task.shard.id))])
        except (KeyError, ValueError, pickle.UnpicklingError, EOFError):
            continue
        finished[task.shard.index] = (stats, partial)
    return finished


@dataclass
class _Segments:
    """Runs the pipeline's segments in order over the same shards."""

    shards: list[Shard]
    engine: Engine
    progress: ProgressReporter | None
    stats: dict[tuple[int, int], RunStats] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    resumed: int = 0
    passes: int = 1

    def run(self, tasks: list[ShardTask]) -> list[Any]:
        """Run one segment's tasks (resuming finished ones); partial results in shard order."""
        partials: dict[int, Any] = {}
        pending: list[ShardTask] = []
        finished = _finished(tasks)
        for task in tasks:
            if task.shard.index not in finished:
                pending.append(task)
                continue
            stats, partial = finished[task.shard.index]
            self.stats[(task.segment, task.shard.index)] = stats
            if task.gather is not None:
                partials[task.shard.index] = partial
        self.resumed += len(tasks) - len(pending)
        if self.progress is not None:
            stage = f"pass {tasks[0].segment + 1}/{self.passes}" if tasks and self.passes > 1 else ""
            self.progress.start(
                sum(t.shard.size for t in pending), len(tasks), len(tasks) - len(pending), stage
            )

        def on_done(index: int, outcome: Outcome[ShardResult]) -> None:
            task = pending[index]
            if outcome.value is not None:
                self.stats[(task.segment, task.shard.index)] = outcome.value.stats
                partials[task.shard.index] = outcome.value.partial
            elif outcome.failure is not None:
                self.failed[task.shard.id] = outcome.failure.error
                logger.error(
                    "shard %s failed: %s\n%s", task.shard.id, outcome.failure.error, outcome.failure.traceback
                )
            if self.progress is not None:
                self.progress.shard_done(task.shard.id, outcome.ok)

        try:
            self.engine.map_outcomes(
                run_shard, pending, self.progress.advance if self.progress else None, on_done
            )
        finally:
            if self.progress is not None:
                self.progress.close()
        return [partials[t.shard.index] for t in tasks if t.shard.index in partials]

    def merged(self) -> RunStats:
        merged = RunStats()
        for key in sorted(self.stats):
            merged = merged.merge(self.stats[key])
        return merged


def _corpus_state(
    step: CorpusStep, partials: list[Any], layout: RunLayout, segment: int, engine: Engine, fingerprint: str
) -> Any:
    """Combine the partials into the step's state, or reuse the state an earlier run saved."""
    path = layout.stage_state(segment)
    if path.exists():
        saved_fingerprint, state = pickle.loads(read_bytes(path))
        if saved_fingerprint == fingerprint:
            return state
    state = step.combine(partials, layout.stage_work(segment), engine)
    write_atomic(path, pickle.dumps((fingerprint, state)))
    return state


def run_pipeline(
    inputs: Sequence[str],
    outdir: PathOrUrl,
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
    inputs and configuration are not run again. A pipeline with corpus steps (site-level
    cleaning, deduplication) runs in segments; see :mod:`thresher.pipeline.corpus`.
    """
    started = time.perf_counter()
    files = discover_inputs(list(inputs))
    shards = plan_shards(files, files_per_shard=config.run.files_per_shard)
    layout = RunLayout(storage_path(outdir), output_suffix(config.output.format, config.output.compression))
    doc_steps = tuple(steps) if steps is not None else tuple(config.build_steps())
    fingerprint = _prepare(layout, _manifest(shards, config, doc_steps), overwrite)
    if engine is None or any(i.kind is InputKind.STDIN for i in files):
        engine = LocalEngine(1) if engine is None or isinstance(engine, LocalEngine) else engine
    segments = split_segments(doc_steps)
    runner = _Segments(shards, engine, progress, passes=len(segments))
    carried: CorpusStep | None = None  # the corpus step with its state, first of the next segment
    for segment, (segment_steps, corpus_step) in enumerate(segments):
        if carried is not None:
            segment_steps = (carried, *segment_steps[1:])
        tasks = [
            ShardTask(
                shard=s,
                steps=segment_steps,
                reader=config.reader,
                layout=layout,
                output_format=config.output.format,
                compression=config.output.compression,
                write_rejects=config.output.rejects,
                max_document_chars=config.run.max_document_chars,
                fingerprint=fingerprint,
                segment=segment,
                final=corpus_step is None,
                gather=corpus_step,
            )
            for s in shards
        ]
        partials = runner.run(tasks)
        if runner.failed or corpus_step is None:
            break
        state = _corpus_state(corpus_step, partials, layout, segment, engine, fingerprint)
        carried = corpus_step.with_state(state)
    report = RunReport(
        layout.root,
        runner.merged(),
        len(shards),
        runner.resumed,
        runner.failed,
        time.perf_counter() - started,
        len(segments),
    )
    _write_summary(layout, report)
    return report


def _write_summary(layout: RunLayout, report: RunReport) -> None:
    summary = report.stats.to_json()
    summary["run"] = {
        "shards": report.shards,
        "passes": report.passes,
        "resumed_shard_passes": report.resumed,
        "failed_shards": report.failed,
        "seconds": round(report.seconds, 3),
        "balanced": report.stats.is_balanced(),
    }
    write_atomic(layout.summary, orjson.dumps(summary, option=orjson.OPT_INDENT_2))
    page = render_report(summary, _rejects_sample(layout), str(layout.root))
    write_atomic(layout.report, page.encode("utf-8"))


def _rejects_sample(layout: RunLayout, limit: int = 2000) -> Iterator[dict[str, Any]]:
    """The first rejects records of the run (enough for a few examples per reason)."""
    count = 0
    folder = layout.root / "rejects"
    if not folder.exists():
        return
    for path in sorted(folder.glob("*.jsonl.gz"), key=str):
        with open_binary(path) as handle:
            for line in handle:
                yield orjson.loads(line)
                count += 1
                if count >= limit:
                    return
