"""The narrow interface every engine implements.

An engine maps a picklable top-level function over items (shards, or partitions of
a cross-shard stage) and returns one outcome per item, in item order. A failed item
does not stop the others. Progress flows back as ``(documents, bytes)`` increments.
Cross-shard stages (dedup buckets, site-level line counts) are written as a
sequence of such maps over partition files, which is how the shuffle by key runs
on every engine.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from thresher.errors import EngineError

T = TypeVar("T")
R = TypeVar("R")

Emit = Callable[[int, int], None]
"""What a task calls to report progress: (documents, bytes) done since its last call."""

ProgressSink = Callable[[int, int], None]
"""What the engine's caller receives: the same increments, from every task."""


@dataclass(frozen=True, slots=True)
class TaskFailed:
    """An item whose function raised: the error and its traceback, as text."""

    error: str
    traceback: str


@dataclass(frozen=True, slots=True)
class Outcome(Generic[R]):
    """The result of one item, or how it failed."""

    value: R | None = None
    failure: TaskFailed | None = None

    @property
    def ok(self) -> bool:
        return self.failure is None


class Engine(ABC):
    """Runs ``fn(item, emit)`` for every item and collects the outcomes."""

    @abstractmethod
    def map_outcomes(
        self,
        fn: Callable[[T, Emit], R],
        items: Sequence[T],
        progress: ProgressSink | None = None,
        on_done: Callable[[int, Outcome[R]], None] | None = None,
    ) -> list[Outcome[R]]:
        """One outcome per item, in item order; ``on_done(index, outcome)`` as each finishes."""

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
        """Results of ``fn`` over items; EngineError (after all ran) if any failed."""
        outcomes = self.map_outcomes(_WithoutProgress(fn), items)
        failures = [(i, o.failure) for i, o in enumerate(outcomes) if o.failure is not None]
        if failures:
            index, failure = failures[0]
            raise EngineError(
                f"{len(failures)} of {len(items)} tasks failed; first (item {index}): {failure.error}"
            )
        return [o.value for o in outcomes]  # type: ignore[misc]


@dataclass(frozen=True, slots=True)
class _WithoutProgress(Generic[T, R]):
    fn: Callable[[T], R]

    def __call__(self, item: T, emit: Emit) -> R:
        return self.fn(item)
