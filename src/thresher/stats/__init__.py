"""Per-step and per-run counters, mergeable across shards."""

from thresher.stats.counters import RunStats, StepStats, Summary

__all__ = ["RunStats", "StepStats", "Summary"]
