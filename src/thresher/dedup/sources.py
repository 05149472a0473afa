"""What the dedup stages read: a shard of documents, from files or from memory.

A source is picklable and yields the same documents in the same order each time it
is read: the signature stage and the filter stage read it once each. Records that
are not documents (:class:`~thresher.document.Failure`, ``Skip``) are passed on
by the filter stage untouched and take no row.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from thresher.document import Document, Failure
from thresher.io import ReaderOptions, Shard, read_input
from thresher.io.readers import Skip

Item = Document | Failure | Skip


class ShardSource(Protocol):
    """A numbered shard of documents."""

    @property
    def index(self) -> int: ...

    def items(self) -> Iterator[Item]: ...


@dataclass(frozen=True, slots=True)
class FileShard:
    """A shard of input files read with :func:`thresher.io.read_input`."""

    shard: Shard
    options: ReaderOptions = field(default_factory=ReaderOptions)

    @property
    def index(self) -> int:
        return self.shard.index

    def items(self) -> Iterator[Item]:
        for source in self.shard.inputs:
            yield from read_input(source, self.options)


@dataclass(frozen=True, slots=True)
class MemoryShard:
    """A shard of documents held in memory (tests, pipelines that already have them)."""

    index: int
    documents: tuple[Document, ...]

    def items(self) -> Iterator[Item]:
        yield from self.documents
