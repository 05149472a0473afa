"""Stage 3, once per run: clusters (union-find), keepers, and each shard's drop list.

URL duplicates are settled first: documents of one normalised URL form a group and
the ``url_keep`` rule picks one. The content pairs (exact and near) among the
remaining documents are then joined into clusters by union-find and the ``keep``
rule picks each cluster's keeper; index documents (kept by an earlier run) are
always the keepers of their clusters. Every dropped document names the document
finally kept in its place; every keeper of a cluster records its cluster id (the
keeper's id) and size.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
import orjson

from thresher.dedup.config import DedupConfig, DedupReason
from thresher.dedup.layout import EDGE_DTYPE, KeyKind, edge_path, load_array, plan_path, split_refs
from thresher.dedup.store import RefStore
from thresher.io.storage import storage_path, write_atomic

log = logging.getLogger(__name__)

U64 = npt.NDArray[np.uint64]


@dataclass(frozen=True, slots=True)
class ClusterTask:
    """Input of :func:`cluster_stage`."""

    workdir: str
    shards: tuple[int, ...]
    config: DedupConfig
    index_root: str | None = None


@dataclass(frozen=True, slots=True)
class ClusterResult:
    """Counts of the cluster stage."""

    dropped: dict[str, int] = field(default_factory=dict)
    clusters: int = 0
    largest: int = 0
    pairs: int = 0


def components(a: U64, b: U64) -> tuple[U64, npt.NDArray[np.int64]]:
    """Nodes of the graph with edges ``a[i] - b[i]`` and a component label per node."""
    nodes, inverse = np.unique(np.concatenate((a, b)), return_inverse=True)
    parent = list(range(nodes.size))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x, y in zip(inverse[: a.size].tolist(), inverse[a.size :].tolist(), strict=True):
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)
    labels = np.fromiter((find(i) for i in range(nodes.size)), dtype=np.int64, count=nodes.size)
    return nodes, labels


def choose_keepers(nodes: U64, labels: npt.NDArray[np.int64], prio: Any) -> U64:
    """The keeper of each node's component: index first, then highest ``prio``, then first."""
    is_index = split_refs(nodes)[0]
    order = np.lexsort((nodes, -np.asarray(prio, dtype=np.float64), ~is_index, labels))
    first = np.ones(order.size, dtype=bool)
    first[1:] = labels[order][1:] != labels[order][:-1]
    keeper_of_label = dict(zip(labels[order][first].tolist(), nodes[order][first].tolist(), strict=True))
    return np.array([keeper_of_label[label] for label in labels.tolist()], dtype=np.uint64)


def _load_edges(task: ClusterTask) -> Any:
    root = storage_path(task.workdir)
    parts = [load_array(edge_path(root, p)) for p in range(task.config.partitions)]
    return np.unique(np.concatenate(parts)) if parts else np.empty(0, dtype=EDGE_DTYPE)


def _settle(edges: Any, store: RefStore, field_name: str) -> tuple[U64, U64]:
    """``(dropped, keeper)`` refs of the components of ``edges`` under one rule."""
    if edges.size == 0:
        empty = np.empty(0, dtype=np.uint64)
        return empty, empty
    nodes, labels = components(edges["a"], edges["b"])
    is_index = split_refs(nodes)[0]
    prio = np.full(nodes.size, np.inf)
    prio[~is_index] = store.gather_docs(nodes[~is_index])[field_name]
    keepers = choose_keepers(nodes, labels, prio)
    dropped = (nodes != keepers) & ~is_index  # documents kept by an earlier run stay kept
    return nodes[dropped], keepers[dropped]


def cluster_stage(task: ClusterTask) -> ClusterResult:
    """Stage 3: settle every cluster and write ``plan/sNNNNN.json`` per shard."""
    cfg = task.config
    store = RefStore(
        storage_path(task.workdir),
        storage_path(task.index_root) if task.index_root else None,
        cfg.minhash.num_perm,
    )
    edges = _load_edges(task)
    is_url = edges["kind"] == int(KeyKind.URL)
    url_dropped, url_keeper = _settle(edges[is_url], store, "url_prio")
    content = edges[~is_url]
    gone = np.isin(content["a"], url_dropped) | np.isin(content["b"], url_dropped)
    content_dropped, content_keeper = _settle(content[~gone], store, "prio")
    final = dict(zip(content_dropped.tolist(), content_keeper.tolist(), strict=True))
    reasons = _content_reasons(content_dropped, content_keeper, store, cfg)
    for dropped, keeper in zip(url_dropped.tolist(), url_keeper.tolist(), strict=True):
        final[dropped] = final.get(keeper, keeper)
        reasons[dropped] = DedupReason.URL
    return _write_plans(task, store, final, reasons, int(edges.size))


def _content_reasons(dropped: U64, keeper: U64, store: RefStore, cfg: DedupConfig) -> dict[int, DedupReason]:
    if dropped.size == 0:
        return {}
    mine, theirs = store.gather_docs(dropped), store.gather_docs(keeper)
    same = (mine["exact_hi"] == theirs["exact_hi"]) & (mine["exact_lo"] == theirs["exact_lo"])
    near = DedupReason.NEAR if cfg.near else DedupReason.EXACT
    return {
        ref: (DedupReason.EXACT if exact else near)
        for ref, exact in zip(dropped.tolist(), same.tolist(), strict=True)
    }


def _write_plans(
    task: ClusterTask,
    store: RefStore,
    final: dict[int, int],
    reasons: dict[int, DedupReason],
    pairs: int,
) -> ClusterResult:
    dropped = np.array(sorted(final), dtype=np.uint64)
    keepers = np.array([final[d] for d in dropped.tolist()], dtype=np.uint64)
    sizes = Counter(keepers.tolist())
    unique_keepers = np.array(sorted(sizes), dtype=np.uint64)
    keeper_ids = dict(zip(unique_keepers.tolist(), store.gather_ids(unique_keepers), strict=True))
    # both arrays are sorted by ref, so each shard's documents are one slice
    _, _, shard_of, row_of = split_refs(dropped)
    k_is_index, _, kshard, krow = split_refs(unique_keepers)
    own = np.flatnonzero(~k_is_index)
    kshard, krow, own_keepers = kshard[own], krow[own], unique_keepers[own]
    for shard in task.shards:
        lo, hi = np.searchsorted(shard_of, [shard, shard + 1])
        drops = [
            [row, str(reasons[ref]), keeper_ids[keeper]]
            for row, ref, keeper in zip(
                row_of[lo:hi].tolist(), dropped[lo:hi].tolist(), keepers[lo:hi].tolist(), strict=True
            )
        ]
        klo, khi = np.searchsorted(kshard, [shard, shard + 1])
        kept = [
            [row, keeper_ids[ref], sizes[ref] + 1]
            for row, ref in zip(krow[klo:khi].tolist(), own_keepers[klo:khi].tolist(), strict=True)
        ]
        path = plan_path(storage_path(task.workdir), shard)
        write_atomic(path, orjson.dumps({"drops": drops, "kept": kept}))
    counts = Counter(str(reason) for ref, reason in reasons.items() if ref in final)
    largest = max(sizes.values(), default=0) + 1 if sizes else 0
    log.info("clusters: %d, dropped: %s", len(sizes), dict(counts))
    return ClusterResult(dropped=dict(counts), clusters=len(sizes), largest=largest, pairs=pairs)
