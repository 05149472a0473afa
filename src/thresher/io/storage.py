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

Files are written under a temporary name and moved into place when complete. On an
object store the move is a server-side copy; a completion marker, written last, is
what makes a shard count as done.
"""

from __future__ import annotations

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


def make_dirs(path: UPath) -> None:
    """Create directory ``path`` and its parents (object stores have no directories: no-op)."""
    if is_local(path):
        path.mkdir(parents=True, exist_ok=True)
    else:
        path.fs.makedirs(path.path, exist_ok=True)


def temp_sibling(path: UPath) -> UPath:
    """Where ``path`` is written before it is complete."""
    return path.with_name(path.name + ".tmp")


def move_into_place(temp: UPath, target: UPath) -> None:
    """Move a finished temporary file to its final name (replacing what was there)."""
    if is_local(temp):
        temp.replace(target)
    else:
        temp.fs.mv(temp.path, target.path)


def write_atomic(path: UPath, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file: readers see all of it or nothing."""
    make_dirs(path.parent)
    temp = temp_sibling(path)
    temp.write_bytes(data)
    move_into_place(temp, path)


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
        with path.open("rb") as handle:
            return np.load(handle, allow_pickle=False)
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


def read_spans(path: UPath, spans: list[tuple[int, int]], what: str = "file") -> list[bytes]:
    """The bytes ``[start, stop)`` of each span of file ``path``; InputError if it is short."""
    out = []
    with path.open("rb") as handle:
        local_fd = handle.fileno() if is_local(path) else None
        for start, stop in spans:
            if local_fd is not None:
                data = os.pread(local_fd, stop - start, start)
            else:
                handle.seek(start)
                data = handle.read(stop - start)
            if len(data) != stop - start:
                raise InputError(f"{what} {path} is truncated")
            out.append(data)
    return out
