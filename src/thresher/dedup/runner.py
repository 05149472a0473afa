"""Running every stage of a deduplication, over any engine's ``map``.

Each cross-shard stage is a picklable top-level function mapped over items (shards
or partitions) by ``map_fn(fn, items) -> list`` — the builtin serial map by
default, ``Engine.map`` of the local or Ray engine otherwise::

    signature_stage   over shards      -> shards/, buckets/
    candidate_stage   over partitions  -> edges/
    cluster_stage     once             -> plan/
    filter_stage      over shards      -> kept records and drop lists   (or apply_plan)
    DedupIndex.add_run                 -> a new run in the index (optional)

The result depends neither on the number of workers nor on the number of shards,
as long as the shards are numbered in input order.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from thresher.dedup.candidates import CandidateResult, CandidateTask, candidate_stage
from thresher.dedup.clusters import ClusterResult, ClusterTask, cluster_stage
from thresher.dedup.config import DedupConfig
from thresher.dedup.index import DedupIndex, index_settings
from thresher.dedup.layout import SHARD_MASK
from thresher.dedup.signature import SignatureResult, SignatureTask, signature_stage
from thresher.dedup.sources import ShardSource
from thresher.errors import ConfigError
from thresher.io.storage import PathOrUrl, make_dirs, storage_path, write_atomic

log = logging.getLogger(__name__)

MapFn = Callable[[Callable[[Any], Any], Sequence[Any]], list[Any]]


def serial_map(fn: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
    """The default ``map_fn``: one item after the other, in this process."""
    return [fn(item) for item in items]


@dataclass(frozen=True, slots=True)
class DedupPlan:
    """The outcome of the planning stages: what every shard must drop."""

    workdir: str
    shards: tuple[int, ...]
    documents: int
    without_words: int
    clusters: ClusterResult
    candidates: int
    rejected_candidates: int
    index_documents: int = 0
    stats: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The plan's counts as JSON-ready data."""
        return {
            "documents": self.documents,
            "without_words": self.without_words,
            "dropped": dict(sorted(self.clusters.dropped.items())),
            "dropped_total": sum(self.clusters.dropped.values()),
            "clusters": self.clusters.clusters,
            "largest_cluster": self.clusters.largest,
            "candidate_pairs": self.candidates,
            "rejected_candidates": self.rejected_candidates,
            "index_documents": self.index_documents,
        }


def plan_dedup(
    sources: Sequence[ShardSource],
    workdir: PathOrUrl,
    config: DedupConfig | None = None,
    index: DedupIndex | None = None,
    map_fn: MapFn = serial_map,
) -> DedupPlan:
    """Run the signature, candidate and cluster stages; returns the plan."""
    cfg = config or DedupConfig()
    shards = tuple(source.index for source in sources)
    if len(set(shards)) != len(shards):
        raise ConfigError("shard indices must be distinct")
    if shards and not 0 <= min(shards) <= max(shards) <= SHARD_MASK:
        raise ConfigError(f"shard indices must be in [0, {SHARD_MASK}] (refs keep 16 bits of shard)")
    if index is not None and index.settings != index_settings(cfg):
        raise ConfigError("the index was opened with other settings than this run's")
    root = storage_path(workdir)
    make_dirs(root)
    signed: list[SignatureResult] = map_fn(
        signature_stage, [SignatureTask(source, str(root), cfg) for source in sources]
    )
    index_root = str(index.root) if index is not None and index.runs else None
    runs = index.run_numbers if index is not None else ()
    tasks = [CandidateTask(p, str(root), shards, cfg, index_root, runs) for p in range(cfg.partitions)]
    found: list[CandidateResult] = map_fn(candidate_stage, tasks)
    (clusters,) = map_fn(cluster_stage, [ClusterTask(str(root), shards, cfg, index_root)])
    plan = DedupPlan(
        workdir=str(root),
        shards=shards,
        documents=sum(r.documents for r in signed),
        without_words=sum(r.without_words for r in signed),
        clusters=clusters,
        candidates=sum(r.edges for r in found),
        rejected_candidates=sum(r.rejected for r in found),
        index_documents=index.documents if index is not None else 0,
    )
    write_atomic(root / "plan" / "summary.json", orjson.dumps(plan.to_json(), option=orjson.OPT_INDENT_2))
    return plan
