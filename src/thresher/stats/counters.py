"""Counters kept while a pipeline runs.

Every count is kept per step. A :class:`RunStats` is the ordered set of step stats of
one shard or of a whole run; :meth:`RunStats.merge` is associative and
``RunStats()`` is its identity, so shards can be merged in any grouping. The JSON
form is fixed and versioned (``STATS_VERSION``).

The accounting law every run satisfies, and tests check::

    documents_in == kept + sum(dropped.values()) + sum(errored.values())
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

STATS_VERSION = 1


def _plain(counts: Counter[str]) -> dict[str, int]:
    """Counts keyed by plain ``str`` (reasons may be StrEnum members), sorted by key."""
    return {str(key): int(value) for key, value in sorted(counts.items()) if value}


@dataclass(slots=True)
class Summary:
    """Count, mean, variance (Welford / Chan), min and max of a numeric signal."""

    count: int = 0
    mean: float = 0.0
    m2: float = 0.0
    minimum: float = math.inf
    maximum: float = -math.inf

    def add(self, value: float) -> None:
        self.count += 1
        delta = value - self.mean
        self.mean += delta / self.count
        self.m2 += delta * (value - self.mean)
        self.minimum = min(self.minimum, value)
        self.maximum = max(self.maximum, value)

    def merge(self, other: Summary) -> Summary:
        if other.count == 0:
            return Summary(self.count, self.mean, self.m2, self.minimum, self.maximum)
        if self.count == 0:
            return Summary(other.count, other.mean, other.m2, other.minimum, other.maximum)
        count = self.count + other.count
        delta = other.mean - self.mean
        mean = self.mean + delta * other.count / count
        m2 = self.m2 + other.m2 + delta * delta * self.count * other.count / count
        return Summary(count, mean, m2, min(self.minimum, other.minimum), max(self.maximum, other.maximum))

    @property
    def variance(self) -> float:
        return self.m2 / self.count if self.count else 0.0

    def to_json(self) -> dict[str, Any]:
        if not self.count:
            return {"count": 0}
        return {
            "count": self.count,
            "mean": self.mean,
            "std": math.sqrt(self.variance),
            "min": self.minimum,
            "max": self.maximum,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Summary:
        count = int(data.get("count", 0))
        if not count:
            return cls()
        std = float(data["std"])
        return cls(count, float(data["mean"]), std * std * count, data["min"], data["max"])


@dataclass(slots=True)
class StepStats:
    """What one step saw and did."""

    seen: int = 0
    kept: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    errored: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)  # records that are not documents
    counters: Counter[str] = field(default_factory=Counter)  # step-specific counts
    chars_in: int = 0
    chars_out: int = 0
    seconds: float = 0.0
    summaries: dict[str, Summary] = field(default_factory=dict)

    def summary(self, name: str) -> Summary:
        """The named running summary, created on first use."""
        found = self.summaries.get(name)
        if found is None:
            found = self.summaries[name] = Summary()
        return found

    def merge(self, other: StepStats) -> StepStats:
        names = self.summaries.keys() | other.summaries.keys()
        return StepStats(
            seen=self.seen + other.seen,
            kept=self.kept + other.kept,
            dropped=self.dropped + other.dropped,
            errored=self.errored + other.errored,
            skipped=self.skipped + other.skipped,
            counters=self.counters + other.counters,
            chars_in=self.chars_in + other.chars_in,
            chars_out=self.chars_out + other.chars_out,
            seconds=self.seconds + other.seconds,
            summaries={
                n: self.summaries.get(n, Summary()).merge(other.summaries.get(n, Summary()))
                for n in sorted(names)
            },
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "seen": self.seen,
            "kept": self.kept,
            "dropped": _plain(self.dropped),
            "errored": _plain(self.errored),
            "skipped": _plain(self.skipped),
            "counters": _plain(self.counters),
            "chars_in": self.chars_in,
            "chars_out": self.chars_out,
            "seconds": round(self.seconds, 6),
            "summaries": {k: v.to_json() for k, v in sorted(self.summaries.items())},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StepStats:
        return cls(
            seen=int(data["seen"]),
            kept=int(data["kept"]),
            dropped=Counter(data.get("dropped", {})),
            errored=Counter(data.get("errored", {})),
            skipped=Counter(data.get("skipped", {})),
            counters=Counter(data.get("counters", {})),
            chars_in=int(data.get("chars_in", 0)),
            chars_out=int(data.get("chars_out", 0)),
            seconds=float(data.get("seconds", 0.0)),
            summaries={k: Summary.from_json(v) for k, v in data.get("summaries", {}).items()},
        )


@dataclass(slots=True)
class RunStats:
    """Stats of every step of a shard or run, in pipeline order, with the run totals."""

    steps: dict[str, StepStats] = field(default_factory=dict)
    documents_in: int = 0
    kept: int = 0
    bytes_in: int = 0
    shards: int = 0

    def step(self, name: str) -> StepStats:
        """The stats of the named step, created on first use (order of first use is kept)."""
        found = self.steps.get(name)
        if found is None:
            found = self.steps[name] = StepStats()
        return found

    @property
    def dropped(self) -> Counter[str]:
        """Dropped documents by ``step:reason`` over all steps."""
        return Counter({f"{name}:{r}": n for name, s in self.steps.items() for r, n in s.dropped.items()})

    @property
    def errored(self) -> Counter[str]:
        """Errored documents by ``step:reason`` over all steps."""
        return Counter({f"{name}:{r}": n for name, s in self.steps.items() for r, n in s.errored.items()})

    def is_balanced(self) -> bool:
        """documents in == kept + dropped + errored."""
        total = self.kept + sum(self.dropped.values()) + sum(self.errored.values())
        return self.documents_in == total

    def merge(self, other: RunStats) -> RunStats:
        names = list(self.steps) + [n for n in other.steps if n not in self.steps]
        return RunStats(
            steps={n: self.steps.get(n, StepStats()).merge(other.steps.get(n, StepStats())) for n in names},
            documents_in=self.documents_in + other.documents_in,
            kept=self.kept + other.kept,
            bytes_in=self.bytes_in + other.bytes_in,
            shards=self.shards + other.shards,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "version": STATS_VERSION,
            "shards": self.shards,
            "documents_in": self.documents_in,
            "kept": self.kept,
            "dropped": _plain(self.dropped),
            "errored": _plain(self.errored),
            "bytes_in": self.bytes_in,
            "steps": {name: s.to_json() for name, s in self.steps.items()},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RunStats:
        version = data.get("version")
        if version != STATS_VERSION:
            raise ValueError(f"stats version {version!r} is not {STATS_VERSION}")
        return cls(
            steps={k: StepStats.from_json(v) for k, v in data["steps"].items()},
            documents_in=int(data["documents_in"]),
            kept=int(data["kept"]),
            bytes_in=int(data.get("bytes_in", 0)),
            shards=int(data.get("shards", 0)),
        )
