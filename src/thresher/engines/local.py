"""The local engine: this process for one worker, a process pool for more.

Workers are started with ``spawn`` (safe with threads and native libraries) and
report progress through a manager queue that the driver drains while it waits.
"""

from __future__ import annotations

import multiprocessing
import queue
import traceback
import weakref
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from thresher.engines.base import Emit, Engine, Outcome, ProgressSink, TaskFailed
from thresher.errors import ConfigError

T = TypeVar("T")
R = TypeVar("R")

_POLL_SECONDS = 0.2


def _ignore(documents: int, size: int) -> None:
    return None


class _QueueEmit:
    """A picklable emit that forwards progress to the driver's queue."""

    def __init__(self, channel: Any) -> None:
        self.channel = channel

    def __call__(self, documents: int, size: int) -> None:
        self.channel.put((documents, size))


def _call(fn: Callable[[T, Emit], R], item: T, emit: Emit) -> Outcome[R]:
    try:
        return Outcome(value=fn(item, emit))
    except Exception as exc:  # the failure is reported, the other items go on
        return Outcome(failure=TaskFailed(f"{type(exc).__name__}: {exc}", traceback.format_exc()))


class LocalEngine(Engine):
    """Runs items in this process (``workers=1``) or on a pool of worker processes.

    The pool (and the manager process that carries progress) is started on the first
    map that needs it and kept for the next ones: a run maps several times (each pass,
    each cross-shard stage), and starting workers costs about a second each. It is
    shut down by :meth:`close`, on leaving a ``with`` block, or when the engine is
    garbage collected.
    """

    def __init__(self, workers: int = 1) -> None:
        if workers < 1:
            raise ConfigError("workers must be >= 1")
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None
        self._manager: Any = None
        self._channel: Any = None
        self._finalizer: weakref.finalize[Any, Any] | None = None

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker processes (a later map starts new ones)."""
        if self._finalizer is not None:
            self._finalizer()
        self._executor = self._manager = self._channel = self._finalizer = None

    def _started(self) -> tuple[ProcessPoolExecutor, Any]:
        if self._executor is None:
            context = multiprocessing.get_context("spawn")
            self._manager = context.Manager()
            self._channel = self._manager.Queue()
            self._executor = ProcessPoolExecutor(max_workers=self.workers, mp_context=context)
            self._finalizer = weakref.finalize(self, _shutdown, self._executor, self._manager)
        return self._executor, self._channel

    def map_outcomes(
        self,
        fn: Callable[[T, Emit], R],
        items: Sequence[T],
        progress: ProgressSink | None = None,
        on_done: Callable[[int, Outcome[R]], None] | None = None,
    ) -> list[Outcome[R]]:
        if self.workers == 1 or len(items) <= 1:
            return self._serial(fn, items, progress or _ignore, on_done)
        return self._on_pool(fn, items, progress, on_done)

    def _serial(
        self,
        fn: Callable[[T, Emit], R],
        items: Sequence[T],
        emit: Emit,
        on_done: Callable[[int, Outcome[R]], None] | None,
    ) -> list[Outcome[R]]:
        outcomes: list[Outcome[R]] = []
        for index, item in enumerate(items):
            outcome = _call(fn, item, emit)
            outcomes.append(outcome)
            if on_done is not None:
                on_done(index, outcome)
        return outcomes

    def _on_pool(
        self,
        fn: Callable[[T, Emit], R],
        items: Sequence[T],
        progress: ProgressSink | None,
        on_done: Callable[[int, Outcome[R]], None] | None,
    ) -> list[Outcome[R]]:
        pool, channel = self._started()
        results: dict[int, Outcome[R]] = {}
        emit: Emit = _QueueEmit(channel) if progress is not None else _ignore
        pending: dict[Future[Outcome[R]], int] = {
            pool.submit(_call, fn, item, emit): index for index, item in enumerate(items)
        }
        broken = False
        while pending:
            done, _ = wait(pending, timeout=_POLL_SECONDS, return_when=FIRST_COMPLETED)
            _drain(channel, progress)
            for future in done:
                index = pending.pop(future)
                results[index] = _outcome_of(future)
                broken = broken or isinstance(future.exception(), BrokenProcessPool)
                if on_done is not None:
                    on_done(index, results[index])
        _drain(channel, progress)
        if broken:  # a worker died: the pool cannot be used again
            self.close()
        return [results[i] for i in range(len(items))]


def _shutdown(pool: ProcessPoolExecutor, manager: Any) -> None:
    pool.shutdown(wait=True, cancel_futures=True)
    manager.shutdown()


def _outcome_of(future: Future[Outcome[R]]) -> Outcome[R]:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        return Outcome(failure=TaskFailed(f"worker process died: {exc}", ""))
    except Exception as exc:  # e.g. an unpicklable result
        return Outcome(failure=TaskFailed(f"{type(exc).__name__}: {exc}", traceback.format_exc()))


def _drain(channel: Any, progress: ProgressSink | None) -> None:
    if progress is None:
        return
    while True:
        try:
            documents, size = channel.get_nowait()
        except queue.Empty:
            return
        progress(documents, size)
