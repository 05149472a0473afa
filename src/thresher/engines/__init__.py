"""Engines run a function over many items: in this process, on all cores, or on Ray."""

from thresher.engines.base import Engine, Outcome, ProgressSink, TaskFailed
from thresher.engines.local import LocalEngine

__all__ = ["Engine", "LocalEngine", "Outcome", "ProgressSink", "TaskFailed"]
