"""Reading the per-shard files of a run and of an index, by ref."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import orjson

from thresher.dedup.layout import DOC_DTYPE, load_array, shard_dir, split_refs
from thresher.errors import InputError


def run_dir(index_root: Path, run: int) -> Path:
    """Directory of index run ``run``."""
    return index_root / "runs" / f"r{run:04d}"


class RefStore:
    """Signatures, document rows and ids of the documents named by refs.

    Files are memory-mapped on first use, so gathering a few rows of a large
    shard reads only those rows.
    """

    def __init__(self, workdir: Path, index_root: Path | None, num_perm: int) -> None:
        self.workdir = workdir
        self.index_root = index_root
        self.num_perm = num_perm
        self._sigs: dict[tuple[int, int], npt.NDArray[np.uint32]] = {}
        self._docs: dict[tuple[int, int], Any] = {}
        self._ids: dict[tuple[int, int], list[str]] = {}
        self._sets: dict[tuple[int, int], tuple[npt.NDArray[np.uint32], npt.NDArray[np.int64]]] = {}

    def _dir(self, run: int, shard: int) -> Path:
        if run < 0:
            return shard_dir(self.workdir, shard)
        if self.index_root is None:
            raise InputError("a ref names an index document but no index is open")
        return shard_dir(run_dir(self.index_root, run), shard)

    def sigs(self, run: int, shard: int) -> npt.NDArray[np.uint32]:
        key = (run, shard)
        if key not in self._sigs:
            path = self._dir(run, shard) / "sigs.u32"
            size = path.stat().st_size // (4 * self.num_perm)
            if size == 0:
                self._sigs[key] = np.empty((0, self.num_perm), dtype=np.uint32)
            else:
                self._sigs[key] = np.memmap(
                    path, dtype=np.uint32, mode="r", shape=(size, self.num_perm)
                )
        return self._sigs[key]

    def sets(self, run: int, shard: int) -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.int64]]:
        """The shard's concatenated shingle sets and their offsets (``n + 1``)."""
        key = (run, shard)
        if key not in self._sets:
            directory = self._dir(run, shard)
            offsets = load_array(directory / "sets_idx.npy")
            values: npt.NDArray[np.uint32] = (
                np.memmap(directory / "sets.u32", dtype=np.uint32, mode="r")
                if offsets[-1] > 0
                else np.empty(0, dtype=np.uint32)
            )
            self._sets[key] = (values, offsets)
        return self._sets[key]

    def gather_sets(self, refs: npt.NDArray[np.uint64]) -> list[npt.NDArray[np.uint32]]:
        """Shingle sets (sorted unique uint32) of ``refs``, in order."""
        out: list[npt.NDArray[np.uint32]] = [np.empty(0, dtype=np.uint32)] * refs.size
        rows = split_refs(refs)[3]
        for run, shard, where in self._groups(refs):
            values, offsets = self.sets(run, shard)
            for i in where.tolist():
                out[i] = np.asarray(values[offsets[rows[i]] : offsets[rows[i] + 1]])
        return out

    def docs(self, run: int, shard: int) -> Any:
        key = (run, shard)
        if key not in self._docs:
            try:
                rows = np.load(self._dir(run, shard) / "docs.npy", mmap_mode="r")
            except (OSError, ValueError, EOFError) as exc:
                raise InputError(f"cannot read dedup file in {self._dir(run, shard)}: {exc}") from exc
            if rows.dtype != DOC_DTYPE:
                raise InputError(f"unexpected document table in {self._dir(run, shard)}")
            self._docs[key] = rows
        return self._docs[key]

    def ids(self, run: int, shard: int) -> list[str]:
        key = (run, shard)
        if key not in self._ids:
            self._ids.clear()  # one shard's ids at a time keeps memory bounded
            path = self._dir(run, shard) / "ids.json"
            try:
                ids = orjson.loads(path.read_bytes())
            except (OSError, orjson.JSONDecodeError) as exc:
                raise InputError(f"cannot read dedup file {path}: {exc}") from exc
            if not isinstance(ids, list):
                raise InputError(f"dedup file {path} does not hold a list of ids")
            self._ids[key] = ids
        return self._ids[key]

    def _groups(self, refs: npt.NDArray[np.uint64]) -> list[tuple[int, int, npt.NDArray[np.int64]]]:
        is_index, run, shard, _ = split_refs(refs)
        run = np.where(is_index, run, -1)
        combined = run * 65536 + shard
        out = []
        for value in np.unique(combined):
            out.append((int(value // 65536), int(value % 65536), np.flatnonzero(combined == value)))
        return out

    def gather_sigs(self, refs: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint32]:
        """Signature rows of ``refs``, in order."""
        out = np.empty((refs.size, self.num_perm), dtype=np.uint32)
        rows = split_refs(refs)[3]
        for run, shard, where in self._groups(refs):
            out[where] = self.sigs(run, shard)[rows[where]]
        return out

    def gather_docs(self, refs: npt.NDArray[np.uint64]) -> Any:
        """Document rows (DOC_DTYPE) of ``refs``, in order."""
        out = np.empty(refs.size, dtype=DOC_DTYPE)
        rows = split_refs(refs)[3]
        for run, shard, where in self._groups(refs):
            out[where] = self.docs(run, shard)[rows[where]]
        return out

    def gather_ids(self, refs: npt.NDArray[np.uint64]) -> list[str]:
        """Document ids of ``refs``, in order."""
        out = [""] * refs.size
        rows = split_refs(refs)[3]
        for run, shard, where in self._groups(refs):
            ids = self.ids(run, shard)
            for i in where:
                out[i] = ids[rows[i]]
        return out
