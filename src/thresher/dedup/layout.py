"""Where the stages of a deduplication run keep their files, and what the files hold.

A run's work directory::

    shards/s00000/sigs.u32    MinHash signatures, rows of ``num_perm`` uint32
    shards/s00000/sets.u32    32-bit shingle hashes of every document, one after the other
    shards/s00000/sets_idx.npy  where each document's shingles start (``n + 1`` offsets)
    shards/s00000/docs.npy    DOC_DTYPE row per document (exact hash, priorities, length)
    shards/s00000/ids.json    document ids, in row order
    buckets/p0000/s00000.npy  BUCKET_DTYPE records of the shard's keys in partition 0, sorted
    edges/p0000.npy           EDGE_DTYPE candidate pairs found in partition 0
    plan/s00000.json          the shard's verdicts: dropped rows, kept cluster members
    plan/summary.json         counts of the cluster stage

A document is named by a 64-bit *ref*: ``shard << 32 | row`` for documents of this
run, and ``INDEX_FLAG | run << 48 | shard << 32 | row`` for documents of an index.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

import numpy as np
import numpy.typing as npt
from upath import UPath

from thresher.io import storage

INDEX_FLAG = 1 << 63
ROW_MASK = (1 << 32) - 1
SHARD_MASK = (1 << 16) - 1
RUN_MASK = (1 << 15) - 1

BUCKET_DTYPE = np.dtype([("key", "<u8"), ("ref", "<u8"), ("kind", "u1")])
EDGE_DTYPE = np.dtype([("a", "<u8"), ("b", "<u8"), ("kind", "u1")])
DOC_DTYPE = np.dtype(
    [
        ("exact_hi", "<u8"),
        ("exact_lo", "<u8"),
        ("prio", "<f8"),
        ("url_prio", "<f8"),
        ("length", "<i8"),
        ("words", "<i8"),
    ]
)


class KeyKind(IntEnum):
    """What a bucket key hashes: the exact text, the URL, or one LSH band."""

    EXACT = 0
    URL = 1
    BAND = 2


def make_ref(shard: int, row: int, run: int | None = None) -> int:
    """The ref of row ``row`` of shard ``shard`` (of index run ``run`` if given)."""
    ref = (shard & SHARD_MASK) << 32 | row
    return ref if run is None else INDEX_FLAG | (run & RUN_MASK) << 48 | ref


def split_refs(
    refs: npt.NDArray[np.uint64],
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """``(is_index, run, shard, row)`` of each ref."""
    is_index = (refs >> np.uint64(63)).astype(bool)
    run = ((refs >> np.uint64(48)) & np.uint64(RUN_MASK)).astype(np.int64)
    shard = ((refs >> np.uint64(32)) & np.uint64(SHARD_MASK)).astype(np.int64)
    row = (refs & np.uint64(ROW_MASK)).astype(np.int64)
    return is_index, run, shard, row


def partition_of(keys: npt.NDArray[np.uint64], partitions: int) -> npt.NDArray[np.int64]:
    """The partition of each key (its high bits, spread over ``partitions``)."""
    return ((keys >> np.uint64(32)) % np.uint64(partitions)).astype(np.int64)


def shard_dir(root: UPath, shard: int) -> UPath:
    return root / "shards" / f"s{shard:05d}"


def bucket_path(root: UPath, partition: int, shard: int) -> UPath:
    return root / "buckets" / f"p{partition:04d}" / f"s{shard:05d}.npy"


def edge_path(root: UPath, partition: int) -> UPath:
    return root / "edges" / f"p{partition:04d}.npy"


def plan_path(root: UPath, shard: int) -> UPath:
    return root / "plan" / f"s{shard:05d}.json"


def load_array(path: UPath, mmap: bool = False) -> Any:
    """``np.load`` of a stage file (local or a URL), InputError when it is missing or damaged."""
    return storage.load_array(path, mmap, "dedup file")
