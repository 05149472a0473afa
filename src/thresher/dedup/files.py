"""Deduplicating files: JSONL (plain, gzip, zstd) or Parquet in, the same format out.

``OUTDIR/data/<shard>.<ext>`` holds the kept records, ``OUTDIR/drops/<shard>.jsonl.gz``
the drop list (id, reason, the id it duplicates, url, source), ``OUTDIR/stats.json``
the counts and settings. The stage files live in ``OUTDIR/_work`` during the run.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import orjson
from upath import UPath

from thresher.dedup.config import DedupConfig
from thresher.dedup.filtering import FilterResult, FilterTask, filter_stage
from thresher.dedup.index import DedupIndex
from thresher.dedup.runner import DedupPlan, MapFn, plan_dedup, serial_map
from thresher.dedup.sources import FileShard
from thresher.errors import InputError
from thresher.io import InputKind, ReaderOptions, discover_inputs, plan_shards
from thresher.io.storage import PathOrUrl, remove_tree, storage_path, write_atomic
from thresher.io.writers import Compression, OutputFormat, output_suffix

_ACCEPTED = {InputKind.JSONL, InputKind.PARQUET, InputKind.TEXT}
_DROP_SUFFIX = {Compression.GZIP: ".gz", Compression.ZSTD: ".zst", Compression.NONE: ""}


@dataclass(frozen=True, slots=True)
class FileOptions:
    """How inputs are read and outputs written."""

    reader: ReaderOptions = field(default_factory=ReaderOptions)
    fmt: OutputFormat | None = None
    compression: Compression | None = None
    keep_work: bool = False


@dataclass(frozen=True, slots=True)
class DedupReport:
    """What a file deduplication did."""

    outdir: UPath
    plan: DedupPlan
    kept: int
    dropped: dict[str, int]
    errored: int
    seconds: float
    index_run: int | None = None
    stats: dict[str, Any] = field(default_factory=dict)


def _output_format(
    kinds: set[InputKind], paths: Sequence[str], opts: FileOptions
) -> tuple[OutputFormat, Compression]:
    fmt = opts.fmt or (OutputFormat.PARQUET if kinds == {InputKind.PARQUET} else OutputFormat.JSONL)
    if opts.compression is not None:
        return fmt, opts.compression
    if all(p.endswith(".zst") for p in paths):
        return fmt, Compression.ZSTD
    if all(not p.endswith((".gz", ".zst")) for p in paths):
        return fmt, Compression.NONE
    return fmt, Compression.GZIP


def _filter_tasks(
    sources: Sequence[FileShard],
    work: UPath,
    root: UPath,
    fmt: OutputFormat,
    compression: Compression,
) -> list[FilterTask]:
    suffix = output_suffix(fmt, compression)
    drops_compression = compression if fmt is OutputFormat.JSONL else Compression.GZIP
    return [
        FilterTask(
            source,
            str(work),
            str(root / "data" / f"{source.shard.id}{suffix}"),
            str(root / "drops" / f"{source.shard.id}.jsonl{_DROP_SUFFIX[drops_compression]}"),
            fmt,
            drops_compression,
        )
        for source in sources
    ]


def dedup_files(
    inputs: Sequence[str],
    outdir: PathOrUrl,
    config: DedupConfig | None = None,
    index_dir: PathOrUrl | None = None,
    map_fn: MapFn = serial_map,
    options: FileOptions | None = None,
) -> DedupReport:
    """Deduplicate ``inputs`` into ``outdir`` (and against / into the index if given)."""
    cfg, opts = config or DedupConfig(), options or FileOptions()
    start = time.perf_counter()
    found = discover_inputs(list(inputs))
    kinds = {item.kind for item in found}
    if not found or not kinds <= _ACCEPTED:
        bad = ", ".join(sorted(str(k) for k in kinds - _ACCEPTED)) or "nothing"
        raise InputError(f"dedup reads JSONL, Parquet or text files; found {bad}")
    index = DedupIndex.open(index_dir, cfg) if index_dir is not None else None
    root = storage_path(outdir)
    work = root / "_work"
    remove_tree(work)
    sources = [FileShard(shard, opts.reader) for shard in plan_shards(found)]
    plan = plan_dedup(sources, work, cfg, index, map_fn)
    fmt, compression = _output_format(kinds, [item.path for item in found], opts)
    filtered: list[FilterResult] = map_fn(filter_stage, _filter_tasks(sources, work, root, fmt, compression))
    run = index.add_run(work, plan.shards, map_fn) if index is not None else None
    if not opts.keep_work:
        remove_tree(work)
    dropped: Counter[str] = Counter()
    for result in filtered:
        dropped.update(result.dropped)
    report = DedupReport(
        outdir=root,
        plan=plan,
        kept=sum(r.kept for r in filtered),
        dropped=dict(sorted(dropped.items())),
        errored=sum(r.failed for r in filtered),
        seconds=time.perf_counter() - start,
        index_run=run,
    )
    _write_stats(report, cfg)
    return report


def _write_stats(report: DedupReport, config: DedupConfig) -> None:
    bands, rows = config.minhash.band_shape
    settings = asdict(config)
    settings["minhash"].update(bands=bands, rows=rows)
    stats = {
        "version": 1,
        **report.plan.to_json(),
        "kept": report.kept,
        "dropped": report.dropped,
        "errored": report.errored,
        "seconds": round(report.seconds, 3),
        "index_run": report.index_run,
        "settings": settings,
    }
    write_atomic(
        report.outdir / "stats.json",
        orjson.dumps(stats, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS),
    )
