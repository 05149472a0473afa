"""Where a run writes: a local directory, or shared storage behind an fsspec URL.

Workers of a cluster do not share a disk, so a run's output directory (its data,
rejects, statistics, completion markers and the intermediate files between passes)
can be an fsspec URL such as ``s3://bucket/run`` or ``gs://bucket/run``; the matching
fsspec implementation (``s3fs``, ``gcsfs``...) comes with thresher's ``s3`` / ``gcs``
extras. Paths are :class:`upath.UPath` objects: a local path is a real
:class:`pathlib.Path` (fast paths such as memory maps and atomic renames stay), a URL
goes through its fsspec file system. Credentials and endpoints come from fsspec's usual
configuration (environment variables such as ``FSSPEC_S3_ENDPOINT_URL``, or the
provider's own, such as ``AWS_PROFILE``).

Files are written under a temporary name and moved into place when complete, except
on object stores (S3, GCS, Azure Blob): an object appears only once its upload is
complete, and a rename there would be a copy, so files are written in place. A file
whose writing fails is deleted; a completion marker, written last, is what makes a
shard count as done, so a shard killed mid-write is redone on the next run.
"""

from __future__ import annotations

import bisect
import io
import os
import pathlib
import shutil
from typing import Any, cast

from upath import UPath

from thresher.errors import ConfigError, InputError

PathOrUrl = str | os.PathLike[str] | UPath
"""A local path or an fsspec URL, as users and configurations give them."""


_EXTRA_OF_PROTOCOL = {"s3": "s3", "s3a": "s3", "gs": "gcs", "gcs": "gcs", "az": "azure", "abfs": "azure"}


def storage_path(name: PathOrUrl) -> UPath:
    """The path named by ``name``: a local path, or a URL opened through fsspec.

    ConfigError (naming the extra to install) when no fsspec file system serves the URL.
    """
    if isinstance(name, UPath):
        path = name
    else:
        try:
            path = UPath(name)
        except ValueError as exc:  # a scheme no fsspec implementation knows
            raise ConfigError(f"cannot use {name}: {exc}") from exc
    if not is_local(path):
        try:
            path.fs  # noqa: B018 - creates (and caches) the file system: fails early when missing
        except (ImportError, ValueError) as exc:
            extra = _EXTRA_OF_PROTOCOL.get(path.protocol)
            hint = f"; pip install 'thresher[{extra}]'" if extra else ""
            raise ConfigError(f"cannot use {name}: {exc}{hint}") from exc
    return path


def is_local(path: UPath) -> bool:
    """True for paths on this machine's file system (plain :mod:`pathlib` semantics)."""
    return isinstance(path, pathlib.Path)


def _local(path: UPath) -> pathlib.Path:
    return cast(pathlib.Path, path)


# Stores of whole objects: no directories, uploads visible only when complete, no rename.
_OBJECT_STORES = frozenset({"s3", "s3a", "gs", "gcs", "az", "abfs", "abfss", "adl", "memory"})


def is_object_store(path: UPath) -> bool:
    """True for object stores (written in place, no directories to create)."""
    return not is_local(path) and path.protocol in _OBJECT_STORES


def make_dirs(path: UPath) -> None:
    """Create directory ``path`` and its parents (object stores have none: nothing to do)."""
    if is_local(path):
        path.mkdir(parents=True, exist_ok=True)
    elif not is_object_store(path):
        path.fs.makedirs(path.path, exist_ok=True)


def temp_sibling(path: UPath) -> UPath:
    """Where ``path`` is written before it is complete (itself on an object store)."""
    return path if is_object_store(path) else path.with_name(path.name + ".tmp")


def move_into_place(temp: UPath, target: UPath) -> None:
    """Move a finished temporary file to its final name (replacing what was there)."""
    if is_local(temp):
        temp.replace(target)
    elif temp != target:
        temp.fs.mv(temp.path, target.path)


def write_atomic(path: UPath, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see all of it or nothing."""
    if is_object_store(path):
        path.fs.pipe_file(path.path, data)  # one request: the object appears complete
        return
    make_dirs(path.parent)
    temp = temp_sibling(path)
    temp.write_bytes(data)
    move_into_place(temp, path)


def read_bytes(path: UPath) -> bytes:
    """The whole file (one request on object storage, where opening a file costs two)."""
    if is_local(path):
        return path.read_bytes()
    data = path.fs.cat_file(path.path)
    return bytes(data)


def remove(path: UPath) -> None:
    """Delete file ``path`` if it exists."""
    if is_local(path):
        path.unlink(missing_ok=True)
    elif path.exists():
        path.fs.rm(path.path)


def remove_tree(path: UPath) -> None:
    """Delete directory ``path`` and everything in it, if it exists."""
    if is_local(path):
        shutil.rmtree(_local(path), ignore_errors=True)
    elif path.exists():
        path.fs.rm(path.path, recursive=True)


def save_array(path: UPath, array: Any) -> None:
    """``np.save`` to a local path or a URL."""
    import numpy as np  # only the dedup stages store arrays: keep ``import thresher`` light

    make_dirs(path.parent)
    if is_local(path):
        np.save(_local(path), array)
        return
    with path.open("wb") as handle:
        np.save(handle, array)


def load_array(path: UPath, mmap: bool = False, what: str = "file") -> Any:
    """``np.load`` of a stage file (memory-mapped when local and asked), InputError if unreadable."""
    import numpy as np

    try:
        if is_local(path):
            return np.load(_local(path), mmap_mode="r" if mmap else None, allow_pickle=False)
        return np.load(io.BytesIO(read_bytes(path)), allow_pickle=False)
    except (OSError, ValueError, EOFError) as exc:
        raise InputError(f"cannot read {what} {path}: {exc}") from exc


def read_many(paths: list[UPath]) -> dict[str, bytes]:
    """The contents of those of ``paths`` that exist, by ``str(path)``.

    On object storage the files are fetched concurrently (fsspec's ``cat`` of a list):
    a run checking the markers of 100,000 shards makes no 100,000 sequential requests.
    """
    found: dict[str, bytes] = {}
    remote: dict[str, list[UPath]] = {}
    for path in paths:
        if is_local(path):
            try:
                found[str(path)] = path.read_bytes()
            except FileNotFoundError:
                continue
        else:
            remote.setdefault(f"{path.protocol}:{id(path.fs)}", []).append(path)
    for group in remote.values():
        fs = group[0].fs
        by_key = {fs._strip_protocol(p.path): p for p in group}
        fetched = fs.cat(list(by_key), on_error="omit")
        for key, data in fetched.items():
            asked = by_key.get(fs._strip_protocol(key))
            if asked is not None:
                found[str(asked)] = data
    return found


_SPAN_GAP = 1 << 20  # spans closer than this are fetched in one range request


def read_spans(path: UPath, spans: list[tuple[int, int]], what: str = "file") -> list[bytes]:
    """The bytes ``[start, stop)`` of each span of file ``path``; InputError if it is short.

    Positioned reads locally; on remote storage, nearby spans are merged into few range
    requests, fetched concurrently.
    """
    if is_local(path):
        out = []
        with path.open("rb") as handle:
            fd = handle.fileno()
            for start, stop in spans:
                out.append(os.pread(fd, stop - start, start))
    else:
        out = _remote_spans(path, spans)
    for data, (start, stop) in zip(out, spans, strict=True):
        if len(data) != stop - start:
            raise InputError(f"{what} {path} is truncated")
    return out


def _remote_spans(path: UPath, spans: list[tuple[int, int]]) -> list[bytes]:
    merged: list[list[int]] = []
    for start, stop in sorted(spans):
        if merged and start <= merged[-1][1] + _SPAN_GAP:
            merged[-1][1] = max(merged[-1][1], stop)
        else:
            merged.append([start, stop])
    if not merged:
        return []
    blocks = path.fs.cat_ranges([path.path] * len(merged), [m[0] for m in merged], [m[1] for m in merged])
    starts = [m[0] for m in merged]
    out = []
    for start, stop in spans:
        at = bisect.bisect_right(starts, start) - 1
        block, offset = blocks[at], starts[at]
        out.append(bytes(block[start - offset : stop - offset]))
    return out
