"""Reading the per-shard files of a run and of an index, by ref."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import orjson
from upath import UPath

from thresher.dedup.layout import DOC_DTYPE, load_array, shard_dir, split_refs
from thresher.errors import InputError
from thresher.io.storage import read_bytes, read_spans


def run_dir(index_root: UPath, run: int) -> UPath:
    """Directory of index run ``run``."""
    return index_root / "runs" / f"r{run:04d}"


class RefStore:
    """Signatures, document rows and ids of the documents named by refs.

    Signature rows and shingle sets are read with positioned reads (not memory
    maps), so a stage holds only the rows it asked for, whatever the file sizes.
    """

    def __init__(self, workdir: UPath, index_root: UPath | None, num_perm: int) -> None:
        self.workdir = workdir
        self.index_root = index_root
        self.num_perm = num_perm
        self._docs: dict[tuple[int, int], Any] = {}
        self._ids: dict[tuple[int, int], list[str]] = {}
        self._set_index: dict[tuple[int, int], npt.NDArray[np.int64]] = {}

    def _dir(self, run: int, shard: int) -> UPath:
        if run < 0:
            return shard_dir(self.workdir, shard)
        if self.index_root is None:
            raise InputError("a ref names an index document but no index is open")
        return shard_dir(run_dir(self.index_root, run), shard)

    def _set_offsets(self, run: int, shard: int) -> npt.NDArray[np.int64]:
        key = (run, shard)
        if key not in self._set_index:
            offsets: npt.NDArray[np.int64] = load_array(self._dir(run, shard) / "sets_idx.npy")
            self._set_index[key] = offsets
        return self._set_index[key]

    def gather_sets(self, refs: npt.NDArray[np.uint64]) -> list[npt.NDArray[np.uint32]]:
        """Shingle hashes (uint32, as written: not unique) of ``refs``, in order."""
        out: list[npt.NDArray[np.uint32]] = [np.empty(0, dtype=np.uint32)] * refs.size
        rows = split_refs(refs)[3]
        for run, shard, where in self._groups(refs):
            offsets = self._set_offsets(run, shard)
            spans = [(int(offsets[rows[i]]) * 4, int(offsets[rows[i] + 1]) * 4) for i in where]
            chunks = read_spans(self._dir(run, shard) / "sets.u32", spans, "dedup file")
            for i, chunk in zip(where.tolist(), chunks, strict=True):
                out[i] = np.frombuffer(chunk, dtype=np.uint32)
        return out

    def docs(self, run: int, shard: int) -> Any:
        key = (run, shard)
        if key not in self._docs:
            rows = load_array(self._dir(run, shard) / "docs.npy", mmap=True)
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
                ids = orjson.loads(read_bytes(path))
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
        width = 4 * self.num_perm
        for run, shard, where in self._groups(refs):
            spans = [(int(rows[i]) * width, (int(rows[i]) + 1) * width) for i in where]
            chunks = read_spans(self._dir(run, shard) / "sigs.u32", spans, "dedup file")
            out[where] = np.frombuffer(b"".join(chunks), dtype=np.uint32).reshape(-1, self.num_perm)
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
