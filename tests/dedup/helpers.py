"""Running a whole deduplication in tests."""

from __future__ import annotations

from pathlib import Path

from thresher.dedup.config import DedupConfig
from thresher.dedup.filtering import apply_plan
from thresher.dedup.index import DedupIndex
from thresher.dedup.runner import DedupPlan, plan_dedup
from thresher.dedup.sources import MemoryShard
from thresher.document import Document, Drop

Verdicts = dict[str, tuple[str, str] | dict[str, object]]


def split(docs: list[Document], shards: int) -> list[MemoryShard]:
    """``docs`` in ``shards`` contiguous shards, in order."""
    size = -(-len(docs) // shards)
    return [MemoryShard(i, tuple(docs[i * size : (i + 1) * size])) for i in range(shards)]


def dedup(
    docs: list[Document],
    workdir: Path,
    config: DedupConfig | None = None,
    shards: int = 1,
    index: DedupIndex | None = None,
) -> tuple[Verdicts, DedupPlan]:
    """Each document's verdict: ``(reason, kept id)`` if dropped, else its dedup meta."""
    sources = split(docs, shards)
    plan = plan_dedup(sources, workdir, config or DedupConfig(partitions=4), index=index)
    verdicts: Verdicts = {}
    for source in sources:
        for item, drop in apply_plan(source, workdir):
            assert isinstance(item, Document)
            if isinstance(drop, Drop):
                verdicts[item.id] = (drop.reason, drop.detail)
            else:
                verdicts[item.id] = {k: v for k, v in item.meta.items() if k.startswith("dedup")}
    return verdicts, plan


def words(seed: int, count: int = 300) -> list[str]:
    """A reproducible list of made-up words (distinct texts for distinct seeds)."""
    state = seed * 7919 + 17
    out = []
    for _ in range(count):
        state = (state * 1103515245 + 12345) % (1 << 31)
        out.append(f"w{state % 20011}")
    return out
