"""Finding inputs (files, directories, globs, ``-``) and grouping them into shards."""

from __future__ import annotations

import glob
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from thresher.errors import InputError
from thresher.io.compression import is_url

STDIN = "-"


class InputKind(StrEnum):
    WARC = "warc"
    HTML = "html"
    JSONL = "jsonl"
    PARQUET = "parquet"
    TEXT = "text"
    STDIN = "stdin"


_SUFFIXES: tuple[tuple[str, InputKind], ...] = (
    (".warc.gz", InputKind.WARC),
    (".warc.zst", InputKind.WARC),
    (".warc.lz4", InputKind.WARC),
    (".warc", InputKind.WARC),
    (".arc.gz", InputKind.WARC),
    (".html.gz", InputKind.HTML),
    (".html", InputKind.HTML),
    (".htm", InputKind.HTML),
    (".xhtml", InputKind.HTML),
    (".jsonl.gz", InputKind.JSONL),
    (".jsonl.zst", InputKind.JSONL),
    (".jsonl", InputKind.JSONL),
    (".ndjson", InputKind.JSONL),
    (".json.gz", InputKind.JSONL),
    (".parquet", InputKind.PARQUET),
    (".txt", InputKind.TEXT),
    (".text", InputKind.TEXT),
    (".txt.gz", InputKind.TEXT),
)
_GLOB_CHARS = set("*?[")


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input: a path (or ``-``), its kind and its size in bytes (0 for stdin)."""

    path: str
    kind: InputKind
    size: int

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "kind": str(self.kind), "size": self.size}


@dataclass(frozen=True, slots=True)
class Shard:
    """A unit of work: one or more inputs processed together, in order, by one worker."""

    index: int
    inputs: tuple[InputFile, ...]

    @property
    def id(self) -> str:
        return f"{self.index:05d}"

    @property
    def size(self) -> int:
        return sum(i.size for i in self.inputs)


def kind_from_name(path: str) -> InputKind | None:
    """The input kind a file name implies, or None when the suffix is not known."""
    lower = path.lower()
    for suffix, kind in _SUFFIXES:
        if lower.endswith(suffix):
            return kind
    return None


def _sniff(path: Path) -> InputKind:
    with path.open("rb") as handle:
        head = handle.read(512)
    if head.startswith(b"WARC/") or (head.startswith(b"\x1f\x8b") and b"WARC" in path.name.upper().encode()):
        return InputKind.WARC
    if head.startswith(b"PAR1"):
        return InputKind.PARQUET
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return InputKind.HTML
    if stripped.startswith(b"{"):
        return InputKind.JSONL
    return InputKind.TEXT


def _from_file(path: Path, explicit: bool) -> InputFile | None:
    kind = kind_from_name(path.name)
    if kind is None:
        if not explicit:
            return None  # unknown files inside a directory are not inputs
        kind = _sniff(path)
    return InputFile(str(path), kind, path.stat().st_size)


def _expand_url(spec: str) -> list[InputFile]:
    """Inputs behind an fsspec URL: a file, a folder (recursively) or a glob."""
    import fsspec

    try:
        fs, path = fsspec.core.url_to_fs(spec)
        if _GLOB_CHARS & set(path):
            names = sorted(str(n) for n in fs.glob(path) if fs.isfile(n))
        elif fs.isdir(path):
            names = sorted(str(n) for n in fs.find(path))
        elif fs.isfile(path):
            names = [path]
        else:
            raise InputError(f"input not found: {spec}")
    except (ImportError, ValueError, OSError) as exc:
        raise InputError(f"cannot read {spec}: {exc}") from exc
    explicit = len(names) == 1 and names[0] == path
    found = []
    for name in names:
        kind = kind_from_name(name) or (InputKind.TEXT if explicit else None)
        if kind is not None and not name.rsplit("/", 1)[-1].startswith("."):
            found.append(InputFile(fs.unstrip_protocol(name), kind, int(fs.size(name) or 0)))
    return found


def _expand(spec: str) -> list[InputFile]:
    if spec == STDIN:
        return [InputFile(STDIN, InputKind.STDIN, 0)]
    if is_url(spec):
        return _expand_url(spec)
    if _GLOB_CHARS & set(spec) and not Path(spec).exists():
        # a user's pattern, maybe absolute: Path.glob takes only relative ones
        matches = sorted(glob.glob(spec, recursive=True))  # noqa: PTH207
        if not matches:
            raise InputError(f"no input matches {spec!r}")
        found = [_from_file(Path(m), explicit=False) for m in matches if Path(m).is_file()]
        return [f for f in found if f is not None]
    path = Path(spec)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        found = [_from_file(p, explicit=False) for p in files]
        return [f for f in found if f is not None]
    if path.is_file():
        found_file = _from_file(path, explicit=True)
        return [found_file] if found_file else []
    raise InputError(f"input not found: {spec}")


def discover_inputs(specs: list[str] | tuple[str, ...]) -> list[InputFile]:
    """Expand paths, directories and globs into input files, in a deterministic order.

    Raises InputError when a spec matches nothing; duplicates are read once.
    """
    seen: set[str] = set()
    inputs: list[InputFile] = []
    for spec in specs:
        expanded = _expand(spec)
        if not expanded:
            raise InputError(f"no readable input in {spec!r}")
        for item in expanded:
            if item.path not in seen:
                seen.add(item.path)
                inputs.append(item)
    return inputs


_SMALL_FILE_KINDS = {InputKind.HTML, InputKind.TEXT}


def plan_shards(
    inputs: list[InputFile], files_per_shard: int = 1000, bytes_per_shard: int = 256 << 20
) -> list[Shard]:
    """Group inputs into shards: one per container file, batches of small page files.

    The plan depends only on the inputs and the two limits, never on the number of
    workers, so shard ids (and output file names) are the same for every run.
    """
    shards: list[Shard] = []
    batch: list[InputFile] = []
    batch_bytes = 0

    def flush() -> None:
        nonlocal batch, batch_bytes
        if batch:
            shards.append(Shard(len(shards), tuple(batch)))
            batch, batch_bytes = [], 0

    for item in inputs:
        if item.kind not in _SMALL_FILE_KINDS:
            flush()
            shards.append(Shard(len(shards), (item,)))
            continue
        if len(batch) >= files_per_shard or batch_bytes + item.size > bytes_per_shard:
            flush()
        batch.append(item)
        batch_bytes += item.size
    flush()
    return shards
