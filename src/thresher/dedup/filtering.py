"""Stage 4, per shard: apply the plan, keeping or dropping each document.

Kept documents that head a cluster get ``meta["dedup_cluster"]`` (the cluster id,
which is the kept document's id) and ``meta["dedup_cluster_size"]``; dropped ones
become a :class:`~thresher.document.Drop` whose reason is a
:class:`~thresher.dedup.config.DedupReason` and whose detail is the id of the
document kept in their place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import orjson

from thresher.dedup.layout import plan_path
from thresher.dedup.sources import Item, ShardSource
from thresher.document import Document, Drop, Failure
from thresher.io.storage import PathOrUrl, read_bytes, storage_path
from thresher.io.writers import Compression, JsonlWriter, OutputFormat, document_record, open_writer

CLUSTER_KEY = "dedup_cluster"
CLUSTER_SIZE_KEY = "dedup_cluster_size"


def apply_plan(source: ShardSource, workdir: PathOrUrl) -> Iterator[tuple[Item, Drop | None]]:
    """Each item of the shard with its Drop (``None`` when kept), in input order."""
    plan = orjson.loads(read_bytes(plan_path(storage_path(workdir), source.index)))
    drops: dict[int, tuple[str, str]] = {row: (reason, kept) for row, reason, kept in plan["drops"]}
    kept: dict[int, tuple[str, int]] = {row: (cluster, size) for row, cluster, size in plan["kept"]}
    row = 0
    for item in source.items():
        if not isinstance(item, Document):
            yield item, None
            continue
        if row in drops:
            reason, keeper = drops[row]
            yield item, Drop(reason, keeper)
        else:
            if row in kept:
                cluster, size = kept[row]
                item.meta[CLUSTER_KEY] = cluster
                item.meta[CLUSTER_SIZE_KEY] = size
            yield item, None
        row += 1


@dataclass(frozen=True, slots=True)
class FilterTask:
    """Input of :func:`filter_stage`: where one shard's kept and dropped records go."""

    source: ShardSource
    workdir: str
    output: str
    drops: str
    fmt: OutputFormat = OutputFormat.JSONL
    compression: Compression = Compression.GZIP


@dataclass(frozen=True, slots=True)
class FilterResult:
    """Counts of one shard's filtering."""

    shard: int
    kept: int
    dropped: dict[str, int]
    failed: int


def drop_record(doc: Document, drop: Drop) -> dict[str, Any]:
    """The drop-list record of a duplicate."""
    return {
        "id": doc.id,
        "reason": drop.reason,
        "duplicate_of": drop.detail,
        "url": doc.url,
        "source": doc.source,
        "chars": len(doc.text),
    }


def filter_stage(task: FilterTask) -> FilterResult:
    """Stage 4 for one shard: write its kept documents and its drop list."""
    kept_writer = open_writer(task.output, task.fmt, task.compression)
    drop_writer = JsonlWriter(task.drops, task.compression)
    dropped: Counter[str] = Counter()
    kept = failed = 0
    try:
        for item, drop in apply_plan(task.source, task.workdir):
            if not isinstance(item, Document):
                failed += isinstance(item, Failure)
                continue
            if drop is None:
                kept_writer.write(document_record(item))
                kept += 1
            else:
                drop_writer.write(drop_record(item, drop))
                dropped[drop.reason] += 1
    except Exception:
        kept_writer.abort()
        drop_writer.abort()
        raise
    kept_writer.commit()
    drop_writer.commit()
    return FilterResult(task.source.index, kept, dict(dropped), failed)
