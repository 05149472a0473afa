"""A persistent, embedded index of the documents kept by earlier runs.

An index is a directory (no server): ``manifest.json`` names its format, version,
the MinHash and partition settings it was built with and its runs; each run holds
the kept documents' signatures, exact hashes, priorities and ids, and their bucket
keys sorted per partition, in the same layout as a run's work directory::

    manifest.json
    runs/r0001/shards/s00000/{sigs.u32,docs.npy,ids.json}
    runs/r0001/buckets/p0000.npy

A later run reads the index's bucket files beside its own, so its documents that
duplicate an indexed one are dropped (naming the indexed id) without the earlier
crawl being read again; then the run's own kept documents are added as a new run.
The manifest is replaced atomically after a run's files are complete.

The index may live on shared storage behind an fsspec URL, as a run's output can.
Its lock file is then only advisory (object stores have no exclusive create): do
not add two runs to one index at the same time.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt
import orjson
from upath import UPath

from thresher.dedup.config import DedupConfig
from thresher.dedup.layout import (
    BUCKET_DTYPE,
    INDEX_FLAG,
    RUN_MASK,
    bucket_path,
    load_array,
    plan_path,
    shard_dir,
    split_refs,
)
from thresher.dedup.store import run_dir
from thresher.errors import ConfigError, InputError
from thresher.io.storage import (
    PathOrUrl,
    is_local,
    make_dirs,
    read_bytes,
    remove,
    remove_tree,
    save_array,
    storage_path,
    write_atomic,
)

FORMAT = "thresher-dedup-index"
VERSION = 1
MANIFEST = "manifest.json"
LOCK = ".lock"

T = TypeVar("T")
R = TypeVar("R")
MapFn = Callable[[Callable[[T], R], Sequence[T]], list[R]]


def index_settings(config: DedupConfig) -> dict[str, Any]:
    """The settings an index must share with every run that uses it."""
    bands, rows = config.minhash.band_shape
    return {
        "ngram": config.minhash.ngram,
        "num_perm": config.minhash.num_perm,
        "bands": bands,
        "rows": rows,
        "seed": config.minhash.seed,
        "partitions": config.partitions,
        "verify": str(config.minhash.verify),
    }


def _read_manifest(root: UPath) -> dict[str, Any]:
    path = root / MANIFEST
    if not path.is_file():
        raise InputError(
            f"{root} is not a thresher dedup index (no {MANIFEST}); "
            "give an empty or new directory to start one"
        )
    try:
        manifest = orjson.loads(read_bytes(path))
    except (orjson.JSONDecodeError, OSError) as exc:
        raise InputError(f"dedup index {root}: {MANIFEST} is unreadable ({exc})") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise InputError(f"{root} is not a thresher dedup index ({MANIFEST} has another format)")
    if manifest.get("version") != VERSION:
        raise InputError(
            f"dedup index {root} has format version {manifest.get('version')!r}; "
            f"this thresher reads version {VERSION}"
        )
    if not isinstance(manifest.get("runs"), list) or not isinstance(manifest.get("settings"), dict):
        raise InputError(f"dedup index {root}: {MANIFEST} lacks 'runs' or 'settings'")
    return manifest


@dataclass(slots=True)
class DedupIndex:
    """An opened index directory."""

    root: UPath
    settings: dict[str, Any]
    runs: list[dict[str, Any]]

    @classmethod
    def open(cls, root: PathOrUrl, config: DedupConfig) -> DedupIndex:
        """Open the index at ``root`` (a new one when missing or empty).

        InputError when the directory holds something else or is damaged;
        ConfigError when it was built with other MinHash or partition settings.
        """
        path = storage_path(root)
        settings = index_settings(config)
        if path.exists() and not path.is_dir():
            raise InputError(f"dedup index {path} is a file, not a directory")
        if not path.exists() or not any(p.name != LOCK for p in path.iterdir()):
            return cls(path, settings, [])
        manifest = _read_manifest(path)
        for key, value in settings.items():
            if manifest["settings"].get(key) != value:
                raise ConfigError(
                    f"dedup index {path} was built with {key}={manifest['settings'].get(key)!r}, "
                    f"this run uses {key}={value!r}"
                )
        index = cls(path, settings, list(manifest["runs"]))
        index.check()
        return index

    @property
    def run_numbers(self) -> tuple[int, ...]:
        return tuple(int(run["run"]) for run in self.runs)

    @property
    def documents(self) -> int:
        return sum(int(run["documents"]) for run in self.runs)

    def check(self) -> None:
        """InputError naming the first file of a listed run that is missing."""
        for run in self.runs:
            directory = run_dir(self.root, int(run["run"]))
            partitions = range(self.settings["partitions"])
            needed = [directory / "buckets" / f"p{p:04d}.npy" for p in partitions]
            for shard in run["shards"]:
                files = ("sigs.u32", "docs.npy", "ids.json", "sets.u32", "sets_idx.npy")
                needed += [shard_dir(directory, shard) / name for name in files]
            for path in needed:
                if not path.is_file():
                    raise InputError(f"dedup index {self.root} is damaged: {path} is missing")
            for shard in run["shards"]:
                self._check_sizes(shard_dir(directory, shard))

    def _check_sizes(self, directory: UPath) -> None:
        """InputError when a shard's files disagree on its number of documents."""
        rows = load_array(directory / "docs.npy").shape[0]
        offsets = load_array(directory / "sets_idx.npy")
        sig_bytes = (directory / "sigs.u32").stat().st_size
        set_bytes = (directory / "sets.u32").stat().st_size
        if sig_bytes != rows * self.settings["num_perm"] * 4 or (
            offsets.size == rows + 1 and set_bytes != int(offsets[-1]) * 4
        ):
            raise InputError(f"dedup index {self.root} is damaged: {directory} has truncated files")

    def add_run(self, workdir: PathOrUrl, shards: Sequence[int], map_fn: MapFn[Any, Any]) -> int:
        """Add the kept documents of the run in ``workdir``; returns the new run number.

        One run adds at a time (a lock file); InputError if another run holds the
        lock, or added a run since this one opened the index (this run was not
        deduplicated against it: run it again).
        """
        make_dirs(self.root)
        lock = self.root / LOCK
        try:
            _take_lock(lock)
        except FileExistsError:
            raise InputError(
                f"dedup index {self.root} is being updated by another run ({lock} exists; "
                "remove it if no run is active)"
            ) from None
        try:
            if (self.root / MANIFEST).exists() and _read_manifest(self.root)["runs"] != self.runs:
                raise InputError(
                    f"dedup index {self.root} gained a run since this run opened it; "
                    "run again to deduplicate against it too"
                )
            return self._add_run(workdir, shards, map_fn)
        finally:
            remove(lock)

    def _add_run(self, workdir: PathOrUrl, shards: Sequence[int], map_fn: MapFn[Any, Any]) -> int:
        number = max(self.run_numbers, default=0) + 1
        if number > RUN_MASK:
            raise ConfigError(f"dedup index {self.root} is full ({RUN_MASK} runs); start a new one")
        directory = run_dir(self.root, number)
        remove_tree(directory)  # left over from an interrupted add
        width = self.settings["num_perm"]
        shard_tasks = [_ShardCopy(str(workdir), str(directory), s, width) for s in shards]
        counts = map_fn(copy_shard_to_index, shard_tasks)
        parts = [
            _PartitionCopy(str(workdir), str(directory), p, tuple(shards), number)
            for p in range(self.settings["partitions"])
        ]
        map_fn(copy_partition_to_index, parts)
        self.runs.append({"run": number, "shards": list(shards), "documents": int(sum(counts))})
        self._write_manifest()
        return number

    def _write_manifest(self) -> None:
        manifest = {"format": FORMAT, "version": VERSION, "settings": self.settings, "runs": self.runs}
        write_atomic(self.root / MANIFEST, orjson.dumps(manifest, option=orjson.OPT_INDENT_2))


def _take_lock(lock: UPath) -> None:
    """Create ``lock``; FileExistsError if it exists (atomic only on a local file system)."""
    if is_local(lock):
        os.close(os.open(str(lock), os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        return
    if lock.exists():
        raise FileExistsError(str(lock))
    lock.write_bytes(b"")


@dataclass(frozen=True, slots=True)
class _ShardCopy:
    workdir: str
    target: str
    shard: int
    num_perm: int


@dataclass(frozen=True, slots=True)
class _PartitionCopy:
    workdir: str
    target: str
    partition: int
    shards: tuple[int, ...]
    run: int


def copy_shard_to_index(task: _ShardCopy) -> int:
    """Copy the kept rows of one shard into an index run; returns how many."""
    source = shard_dir(storage_path(task.workdir), task.shard)
    target = shard_dir(storage_path(task.target), task.shard)
    docs = load_array(source / "docs.npy")
    plan = orjson.loads(read_bytes(plan_path(storage_path(task.workdir), task.shard)))
    kept = np.ones(docs.size, dtype=bool)
    kept[[row for row, _, _ in plan["drops"]]] = False
    save_array(source / "index_rows.npy", np.where(kept, np.cumsum(kept) - 1, -1))
    save_array(target / "docs.npy", docs[kept])
    ids = orjson.loads(read_bytes(source / "ids.json"))
    write_atomic(target / "ids.json", orjson.dumps([i for i, k in zip(ids, kept, strict=True) if k]))
    sigs = _read_u32(source / "sigs.u32").reshape(docs.size, task.num_perm)
    write_atomic(target / "sigs.u32", sigs[kept].tobytes())
    _copy_sets(source, target, kept)
    return int(kept.sum())


def _read_u32(path: UPath) -> npt.NDArray[np.uint32]:
    return np.frombuffer(read_bytes(path), dtype=np.uint32)


def _copy_sets(source: UPath, target: UPath, kept: npt.NDArray[np.bool_]) -> None:
    offsets = load_array(source / "sets_idx.npy")
    values = _read_u32(source / "sets.u32")
    if offsets.size != kept.size + 1:  # no sets were kept (verify is not exact)
        save_array(target / "sets_idx.npy", offsets)
        write_atomic(target / "sets.u32", values.tobytes())
        return
    sizes = np.diff(offsets)
    save_array(target / "sets_idx.npy", np.concatenate(([0], np.cumsum(sizes[kept]))))
    write_atomic(target / "sets.u32", values[np.repeat(kept, sizes)].tobytes())


def copy_partition_to_index(task: _PartitionCopy) -> int:
    """Write one partition's keys of the kept documents into an index run."""
    root = storage_path(task.workdir)
    parts = [load_array(bucket_path(root, task.partition, shard)) for shard in task.shards]
    records = np.concatenate(parts) if parts else np.empty(0, dtype=BUCKET_DTYPE)
    _, _, shard, row = split_refs(records["ref"])
    new_row = np.full(records.size, -1, dtype=np.int64)
    for s in np.unique(shard).tolist():
        where = shard == s
        new_row[where] = load_array(shard_dir(root, s) / "index_rows.npy")[row[where]]
    records = records[new_row >= 0]
    new_row = new_row[new_row >= 0]
    flag = np.uint64(INDEX_FLAG | task.run << 48)
    records["ref"] = flag | (records["ref"] & np.uint64(0xFFFF << 32)) | new_row.astype(np.uint64)
    records = records[np.lexsort((records["ref"], records["kind"], records["key"]))]
    save_array(storage_path(task.target) / "buckets" / f"p{task.partition:04d}.npy", records)
    return int(records.size)
