"""Corpus steps: per-document decisions that need statistics of the whole corpus first.

Site-level boilerplate removal must know which lines recur across a site's pages;
near-duplicate removal must know every document's signature. Such a step is a
:class:`CorpusStep`. The run splits the pipeline at each corpus step into segments:

1. the shards run the steps before it, write their documents to an intermediate
   file, and feed each surviving document to the step's :class:`Gatherer`, whose
   picklable partial result comes back with the shard;
2. :meth:`CorpusStep.combine` turns all partials into the step's state, using the
   engine for any shuffle by key (``engine.map`` over partition files);
3. the next segment starts from the intermediate files with
   :meth:`CorpusStep.with_state`'s copy of the step, whose ``apply`` now decides.

Each segment's shards write completion markers, so a rerun resumes mid-pipeline.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, Protocol

from upath import UPath

from thresher.document import Document
from thresher.engines.base import Engine
from thresher.step import DocStep


@dataclass(frozen=True, slots=True)
class ShardPlace:
    """Where a gatherer works: its shard, a scratch folder, and the shard's documents file.

    Both are local paths or fsspec URLs, like the run's output directory (see
    :mod:`thresher.io.storage`): write with their ``open``, never with ``Path(str(...))``.
    ``documents`` is the intermediate file that holds, once the shard is finished,
    every document the gatherer was given, in the same order (read it back with
    :func:`thresher.pipeline.runner.read_intermediate`).
    """

    shard_id: str
    shard_index: int
    workdir: UPath
    documents: UPath


class Gatherer(Protocol):
    """Pass-1 accumulator of one shard."""

    def add(self, doc: Document) -> None: ...

    def result(self) -> Any:
        """The shard's partial result: picklable and small (or a path to a file it wrote)."""
        ...


class CorpusStep(DocStep, ABC):
    """A DocStep that decides with a state gathered over the corpus in an earlier pass."""

    @abstractmethod
    def gatherer(self, shard: ShardPlace) -> Gatherer:
        """A fresh accumulator for one shard."""

    @abstractmethod
    def combine(self, partials: list[Any], workdir: UPath, engine: Engine) -> Any:
        """The corpus-wide state from every shard's partial (in shard order).

        ``workdir`` is on the run's storage (local or a URL), which every worker reaches;
        the state must be picklable and small: a path (as a string) to files there is.
        """

    @abstractmethod
    def with_state(self, state: Any) -> CorpusStep:
        """A copy of this step that applies with ``state`` (loaded in ``setup``)."""

    def for_shard(self, shard_index: int) -> DocStep:
        """The step with state as one shard applies it (before ``setup``).

        A state split per shard (deduplication's decisions) lets each worker load only
        its shard's part; by default every shard applies the same step.
        """
        return self


def split_segments(steps: tuple[DocStep, ...]) -> list[tuple[tuple[DocStep, ...], CorpusStep | None]]:
    """Steps up to each corpus step, with the corpus step that ends the segment (None at the end).

    A corpus step starts the segment after the one it ends: ``[a, b, C, d]`` becomes
    ``[((a, b), C), ((C', d), None)]`` where ``C'`` is C with its state, set by the run.
    """
    segments: list[tuple[tuple[DocStep, ...], CorpusStep | None]] = []
    current: list[DocStep] = []
    for step in steps:
        if isinstance(step, CorpusStep):
            segments.append((tuple(current), step))
            current = [step]
        else:
            current.append(step)
    segments.append((tuple(current), None))
    return segments
