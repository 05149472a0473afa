"""``site_clean``: the ``clean`` step with site-level template lines, as a corpus step.

Pass 1 (in each shard): every document's lines are counted per registered domain
into a :class:`SiteLineTable`, split by site into ``partitions`` files. Between the
passes the engine reduces each partition (a shuffle by site key: ``engine.map`` over
partitions, so it runs on the local and the Ray engine alike) and the reduced
partitions, disjoint by site, are joined into one table that keeps the page counts of
every site but only its template lines (the others cannot change a decision), so the
table each worker loads stays small. Pass 2 is ``clean`` with that table: lines found
on a large share of a site's pages go as ``site_repeated``.
A site seen on one page only gets no site-level decision (the table says so).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from upath import UPath

from thresher.clean.site import SiteLineTable, merge_table_files
from thresher.clean.step import Clean
from thresher.document import Document
from thresher.engines.base import Engine
from thresher.errors import ConfigError
from thresher.pipeline.corpus import CorpusStep, Gatherer, ShardPlace


@dataclass
class _SiteGatherer:
    """Counts one shard's lines per site; writes one file per site partition."""

    workdir: UPath
    shard_id: str
    partitions: int
    max_lines_per_site: int
    table: SiteLineTable = field(init=False)

    def __post_init__(self) -> None:
        self.table = SiteLineTable(max_lines_per_site=self.max_lines_per_site)

    def add(self, doc: Document) -> None:
        if doc.html is None:
            self.table.add_page(doc.url, doc.text)

    def result(self) -> Any:
        paths = []
        for index, part in enumerate(self.table.split(self.partitions)):
            path = self.workdir / "map" / f"{self.shard_id}-{index:03d}.table"
            part.write(path)
            paths.append(str(path))
        return paths


@dataclass(frozen=True, slots=True)
class _ReduceTask:
    sources: list[str]
    target: str
    min_share: float
    min_pages: int


def _reduce_partition(task: _ReduceTask) -> str:
    """Merge one partition's files from every shard; keep only its template lines."""
    merged = merge_table_files(task.sources)
    merged.template_only(task.min_share, task.min_pages).write(task.target)
    return task.target


@dataclass
class SiteClean(Clean, CorpusStep):
    """``clean`` plus site-level template removal learnt from the whole corpus.

    Attributes (besides those of ``clean``):
        partitions: site partitions of the shuffle between the passes.
        max_lines_per_site: memory bound of the line counts kept per site.
    """

    name = "site_clean"
    partitions: int = 8
    max_lines_per_site: int = 200_000

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.partitions < 1:
            raise ConfigError("site_clean.partitions must be >= 1")
        if self.max_lines_per_site < 1:
            raise ConfigError("site_clean.max_lines_per_site must be >= 1")

    def gatherer(self, shard: ShardPlace) -> Gatherer:
        return _SiteGatherer(shard.workdir, shard.shard_id, self.partitions, self.max_lines_per_site)

    def combine(self, partials: list[Any], workdir: UPath, engine: Engine) -> Any:
        reduced = workdir / "reduced"
        tasks = [
            _ReduceTask(
                [paths[p] for paths in partials],
                str(reduced / f"{p:03d}.table"),
                self.site_min_share,
                self.site_min_pages,
            )
            for p in range(self.partitions)
        ]
        parts = engine.map(_reduce_partition, tasks)
        table_path = workdir / "site_lines.table"
        merge_table_files(parts).write(table_path)
        return str(table_path)

    def with_state(self, state: Any) -> CorpusStep:
        return dataclasses.replace(self, site_table=str(state))
