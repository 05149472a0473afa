"""Stage 2, per partition: candidate pairs from the bucket files of every shard.

Records of one partition (from every shard of the run and every run of the index)
are sorted by key; documents sharing a key form a group, and each member is paired
with the group's first document (a star, so a group of ``k`` documents gives
``k - 1`` pairs, never ``k**2``). Exact and URL keys pair as they are. Band keys
pair only when the two documents are at least ``threshold`` similar; members that
fail against the first are grouped again among themselves, so a bucket holding two
clusters yields both.

Verification (``MinHashConfig.verify``) measures the exact Jaccard similarity of
the two shingle sets (``exact``, the default) or the share of equal signature
values (``signature``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from thresher.dedup.config import DedupConfig, Verify
from thresher.dedup.layout import (
    BUCKET_DTYPE,
    EDGE_DTYPE,
    INDEX_FLAG,
    KeyKind,
    bucket_path,
    edge_path,
    load_array,
)
from thresher.dedup.minhash import estimate_jaccard
from thresher.dedup.store import RefStore, run_dir
from thresher.io.storage import save_array, storage_path

log = logging.getLogger(__name__)

_MAX_ROUNDS = 32
_FLIP = np.uint64(INDEX_FLAG)


@dataclass(frozen=True, slots=True)
class CandidateTask:
    """Input of :func:`candidate_stage` for one partition."""

    partition: int
    workdir: str
    shards: tuple[int, ...]
    config: DedupConfig
    index_root: str | None = None
    index_runs: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class CandidateResult:
    """What :func:`candidate_stage` found in one partition."""

    partition: int
    records: int
    edges: int
    rejected: int


def _load(task: CandidateTask) -> Any:
    root = storage_path(task.workdir)
    parts = [load_array(bucket_path(root, task.partition, shard)) for shard in task.shards]
    if task.index_root is not None:
        for run in task.index_runs:
            path = run_dir(storage_path(task.index_root), run) / "buckets" / f"p{task.partition:04d}.npy"
            parts.append(load_array(path))
    records = np.concatenate(parts) if parts else np.empty(0, dtype=BUCKET_DTYPE)
    # index documents sort first in their group, then this run's in input order
    order = np.lexsort((records["ref"] ^ _FLIP, records["kind"], records["key"]))
    return records[order]


def _stars(records: Any) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Indices ``(center, member)`` pairing each group member with its group's first."""
    n = records.size
    if n < 2:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    key, kind = records["key"], records["kind"]
    new = np.ones(n, dtype=bool)
    new[1:] = (key[1:] != key[:-1]) | (kind[1:] != kind[:-1])
    starts = np.flatnonzero(new)
    group = np.cumsum(new) - 1
    center = starts[group]
    member = np.flatnonzero(~new)
    return center[member], member


def _both_index(refs_a: Any, refs_b: Any) -> npt.NDArray[np.bool_]:
    both: npt.NDArray[np.bool_] = ((refs_a & refs_b) >> np.uint64(63)).astype(bool)
    return both


def _edges(a: Any, b: Any, kind: Any) -> Any:
    out = np.empty(a.size, dtype=EDGE_DTYPE)
    out["a"], out["b"], out["kind"] = a, b, kind
    return out


def _sorted_unique(values: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint32]:
    """``np.unique`` by sort (numpy 2's hash-based unique is slower on small arrays)."""
    ordered = np.sort(values)
    keep = np.ones(ordered.size, dtype=bool)
    keep[1:] = ordered[1:] != ordered[:-1]
    return ordered[keep]


def _set_similarity(
    store: RefStore, left: npt.NDArray[np.uint64], right: npt.NDArray[np.uint64]
) -> npt.NDArray[np.float64]:
    """Exact Jaccard similarity of the shingle sets of each pair of refs."""
    refs, where = np.unique(np.concatenate((left, right)), return_inverse=True)
    sets = [_sorted_unique(raw) for raw in store.gather_sets(refs)]  # each document read once
    out = np.empty(left.size, dtype=np.float64)
    for i, (x, y) in enumerate(zip(where[: left.size].tolist(), where[left.size :].tolist(), strict=True)):
        a, b = sets[x], sets[y]
        common = np.intersect1d(a, b, assume_unique=True).size
        union = a.size + b.size - common
        out[i] = common / union if union else 1.0
    return out


def _similarity(
    store: RefStore, mode: Verify, left: npt.NDArray[np.uint64], right: npt.NDArray[np.uint64]
) -> npt.NDArray[np.float64]:
    if mode is Verify.EXACT:
        return _set_similarity(store, left, right)
    return estimate_jaccard(store.gather_sigs(left), store.gather_sigs(right))


def _verified_band_edges(records: Any, store: RefStore, mode: Verify, threshold: float) -> tuple[Any, int]:
    """Band pairs similar enough, regrouping the members that fail their first."""
    found: list[Any] = []
    rejected = 0
    pending = records
    for _ in range(_MAX_ROUNDS):
        center, member = _stars(pending)
        if member.size == 0:
            break
        ref_c, ref_m = pending["ref"][center], pending["ref"][member]
        similar = _similarity(store, mode, ref_c, ref_m) >= threshold
        both = _both_index(ref_c, ref_m)
        keep = similar & ~both
        found.append(_edges(ref_c[keep], ref_m[keep], int(KeyKind.BAND)))
        failed = member[~similar]
        rejected += int(failed.size)
        pending = pending[failed]
    return (np.concatenate(found) if found else np.empty(0, dtype=EDGE_DTYPE)), rejected


def candidate_stage(task: CandidateTask) -> CandidateResult:
    """Stage 2 for one partition: write its candidate pairs (``edges/pNNNN.npy``)."""
    records = _load(task)
    cfg = task.config
    center, member = _stars(records)
    ref_c, ref_m = records["ref"][center], records["ref"][member]
    kinds = records["kind"][member]
    plain = (kinds != int(KeyKind.BAND)) & ~_both_index(ref_c, ref_m)
    found = [_edges(ref_c[plain], ref_m[plain], kinds[plain])]
    rejected = 0
    bands = records[records["kind"] == int(KeyKind.BAND)]
    if bands.size:
        if cfg.minhash.verify is not Verify.NONE:
            store = RefStore(
                storage_path(task.workdir),
                storage_path(task.index_root) if task.index_root else None,
                cfg.minhash.num_perm,
            )
            band_edges, rejected = _verified_band_edges(
                bands, store, cfg.minhash.verify, cfg.minhash.threshold
            )
        else:
            c, m = _stars(bands)
            keep = ~_both_index(bands["ref"][c], bands["ref"][m])
            band_edges = _edges(bands["ref"][c][keep], bands["ref"][m][keep], int(KeyKind.BAND))
        found.append(band_edges)
    edges = np.unique(np.concatenate(found))
    path = edge_path(storage_path(task.workdir), task.partition)
    save_array(path, edges)
    log.info("partition %d: %d records, %d pairs", task.partition, records.size, edges.size)
    return CandidateResult(task.partition, int(records.size), int(edges.size), rejected)
