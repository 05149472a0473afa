"""The Ray engine: each item is a Ray task, on a local Ray instance or an existing cluster.

``pip install 'thresher[ray]'``. Without an address a local Ray instance is started
(as many CPUs as this machine, or ``num_cpus``); with one, the driver joins that
cluster. Tasks whose worker process dies are retried by Ray (``max_retries``); a task
whose function raises is not retried (the same input would fail the same way) and
comes back as a failed outcome, so the other items finish. Shard tasks write their
files under temporary names and rename them, so a retried task never duplicates
documents.
"""

from __future__ import annotations

import socket
import traceback
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from thresher.engines.base import Emit, Engine, Outcome, ProgressSink, TaskFailed
from thresher.engines.local import _call
from thresher.errors import EngineError

T = TypeVar("T")
R = TypeVar("R")

_POLL_SECONDS = 0.2
_CONNECT_TIMEOUT = 5.0


def _import_ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise EngineError("the Ray engine needs the ray extra: pip install 'thresher[ray]'") from exc
    return ray


def _check_reachable(address: str) -> None:
    """Fail fast, with one line, when a cluster address does not answer."""
    if address == "auto":
        return
    host_port = address.removeprefix("ray://")
    host, _, port = host_port.rpartition(":")
    if not host or not port.isdigit():
        raise EngineError(f"Ray address {address!r} is not of the form host:port")
    try:
        with socket.create_connection((host, int(port)), timeout=_CONNECT_TIMEOUT):
            pass
    except OSError as exc:
        raise EngineError(f"cannot reach the Ray cluster at {address}: {exc}") from exc


class _QueueEmit:
    """A picklable emit that sends progress to the driver through a Ray queue actor."""

    def __init__(self, queue: Any) -> None:
        self.queue = queue

    def __call__(self, documents: int, size: int) -> None:
        self.queue.put_nowait((documents, size))


def _ignore(documents: int, size: int) -> None:
    return None


class RayEngine(Engine):
    """Runs each item as a Ray task; progress flows back through a queue actor."""

    def __init__(self, address: str | None = None, num_cpus: int | None = None, max_retries: int = 3) -> None:
        self.address = address
        self.num_cpus = num_cpus
        self.max_retries = max_retries

    def connect(self) -> Any:
        """Join the cluster (or start a local instance) once; EngineError if that fails."""
        ray = _import_ray()
        if ray.is_initialized():
            return ray
        if self.address:
            _check_reachable(self.address)
        try:
            ray.init(
                address=self.address,
                num_cpus=None if self.address else self.num_cpus,
                include_dashboard=False,
                log_to_driver=False,
                configure_logging=False,
            )
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise EngineError(f"cannot start or join Ray ({self.address or 'local'}): {exc}") from exc
        return ray

    def map_outcomes(
        self,
        fn: Callable[[T, Emit], R],
        items: Sequence[T],
        progress: ProgressSink | None = None,
        on_done: Callable[[int, Outcome[R]], None] | None = None,
    ) -> list[Outcome[R]]:
        if not items:
            return []
        ray = self.connect()
        from ray.util.queue import Empty, Queue

        queue = Queue() if progress is not None else None
        emit: Emit = _QueueEmit(queue) if queue is not None else _ignore
        task = ray.remote(max_retries=self.max_retries, retry_exceptions=False)(_call)
        refs = {task.remote(fn, item, emit): index for index, item in enumerate(items)}
        results: dict[int, Outcome[R]] = {}
        pending = list(refs)
        while pending:
            done, pending = ray.wait(pending, num_returns=1, timeout=_POLL_SECONDS)
            self._drain(queue, progress, Empty)
            for ref in done:
                index = refs[ref]
                results[index] = self._outcome(ray, ref)
                if on_done is not None:
                    on_done(index, results[index])
        self._drain(queue, progress, Empty)
        if queue is not None:
            queue.shutdown()
        return [results[i] for i in range(len(items))]

    @staticmethod
    def _outcome(ray: Any, ref: Any) -> Outcome[Any]:
        try:
            outcome: Outcome[Any] = ray.get(ref)
            return outcome
        except Exception as exc:  # worker died more often than max_retries, or was lost
            return Outcome(failure=TaskFailed(f"{type(exc).__name__}: {exc}", traceback.format_exc()))

    @staticmethod
    def _drain(queue: Any, progress: ProgressSink | None, empty: type[Exception]) -> None:
        if queue is None or progress is None:
            return
        while True:
            try:
                documents, size = queue.get_nowait()
            except empty:
                return
            progress(documents, size)
