"""``dedup``: exact, near-duplicate (MinHash-LSH) and URL deduplication inside ``thresher run``.

A corpus step (see :mod:`thresher.pipeline.corpus`). While the shards run the steps
before it, each shard records which documents it handed on; between the passes the
dedup stages run over the shards' intermediate files through the engine
(signatures per shard, candidates per bucket partition, clusters once); the second
pass drops each duplicate with the id of the document kept in its place, and marks
the kept heads of clusters with the cluster id and size. With ``index`` set, the
corpus is also deduplicated against every earlier run in that index, and its kept
documents are added to it.
"""

from __future__ import annotations

import dataclasses
import pickle
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson
from upath import UPath

from thresher.dedup.config import DedupConfig, MinHashConfig
from thresher.dedup.filtering import CLUSTER_KEY, CLUSTER_SIZE_KEY
from thresher.dedup.index import DedupIndex
from thresher.dedup.layout import plan_path
from thresher.dedup.runner import plan_dedup
from thresher.dedup.sources import Item
from thresher.document import Document, Drop
from thresher.engines.base import Engine
from thresher.errors import ConfigError, StepError
from thresher.io.storage import read_bytes, storage_path, write_atomic
from thresher.pipeline.corpus import CorpusStep, Gatherer, ShardPlace
from thresher.pipeline.runner import read_intermediate
from thresher.step import DocStep


def _decisions_file(folder: UPath, shard_index: int) -> UPath:
    """One shard's decisions: what its worker loads for the second pass."""
    return folder / f"s{shard_index:05d}.pickle"


def _key(doc: Document) -> str:
    """What identifies a document across the two passes: where it was read from."""
    return doc.source or doc.id


@dataclass(frozen=True, slots=True)
class _IntermediateShard:
    """A shard's intermediate documents file, as a dedup source."""

    index: int
    path: str

    def items(self) -> Iterator[Item]:
        yield from read_intermediate(self.path)


@dataclass
class _KeyRecorder:
    place: ShardPlace
    keys: list[str] = field(default_factory=list)

    def add(self, doc: Document) -> None:
        self.keys.append(_key(doc))

    def result(self) -> Any:
        return (self.place.shard_index, str(self.place.documents), self.keys)


@dataclass
class Deduplicate(CorpusStep):
    """Drop exact, near and URL duplicates across the whole run (and an index of earlier runs).

    Parameter names follow ``thresher dedup``: ``threshold`` (Jaccard of ``ngram``-word
    shingles), ``num_perm``, ``bands``/``rows`` (chosen for the threshold when omitted),
    ``keep`` (first | longest | newest | quality), ``url_keep``, ``partitions`` of the
    shuffle, ``index`` (a directory: incremental deduplication across runs).
    """

    name = "dedup"
    exact: bool = True
    near: bool = True
    url: bool = True
    threshold: float = 0.8
    ngram: int = 5
    num_perm: int = 128
    bands: int | None = None
    rows: int | None = None
    keep: str = "first"
    url_keep: str = "newest"
    partitions: int = 16
    index: str | None = None
    decisions: str | None = None  # set for the second pass: the folder of decisions per shard
    shard: int | None = None  # set for the shard that applies the step
    _drops: dict[str, tuple[str, str]] | None = field(default=None, init=False, repr=False)
    _heads: dict[str, tuple[str, int]] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.config()  # validates every parameter now, with the names users wrote

    def config(self) -> DedupConfig:
        try:
            minhash = MinHashConfig(
                ngram=self.ngram,
                num_perm=self.num_perm,
                threshold=self.threshold,
                bands=self.bands,
                rows=self.rows,
            )
            return DedupConfig(
                exact=self.exact,
                near=self.near,
                url=self.url,
                minhash=minhash,
                keep=self.keep,  # type: ignore[arg-type]  # validated into KeepRule
                url_keep=self.url_keep,  # type: ignore[arg-type]
                partitions=self.partitions,
            )
        except ConfigError as exc:
            raise ConfigError(f"dedup: {exc}") from exc

    def gatherer(self, shard: ShardPlace) -> Gatherer:
        return _KeyRecorder(shard)

    def combine(self, partials: list[Any], workdir: UPath, engine: Engine) -> Any:
        cfg = self.config()
        sources = [_IntermediateShard(index, path) for index, path, _ in partials]
        index = DedupIndex.open(self.index, cfg) if self.index is not None else None
        plan = plan_dedup(sources, workdir, cfg, index, engine.map)
        folder = workdir / "decisions"
        for shard_index, _, keys in partials:
            decided = orjson.loads(read_bytes(plan_path(workdir, shard_index)))
            drops = {keys[row]: (reason, keeper) for row, reason, keeper in decided["drops"]}
            heads = {keys[row]: (cluster, size) for row, cluster, size in decided["kept"]}
            write_atomic(_decisions_file(folder, shard_index), pickle.dumps((drops, heads)))
        if index is not None:
            index.add_run(workdir, plan.shards, engine.map)
        return str(folder)

    def with_state(self, state: Any) -> CorpusStep:
        return dataclasses.replace(self, decisions=str(state))

    def for_shard(self, shard_index: int) -> DocStep:
        return dataclasses.replace(self, shard=shard_index)

    def setup(self) -> None:
        if self.decisions is None or self.shard is None:
            raise StepError("dedup applied before its corpus pass (run it through thresher run)")
        path = _decisions_file(storage_path(self.decisions), self.shard)
        self._drops, self._heads = pickle.loads(read_bytes(path))

    def apply(self, doc: Document) -> Document | Drop:
        if self._drops is None or self._heads is None:
            self.setup()
        assert self._drops is not None and self._heads is not None
        key = _key(doc)
        dropped = self._drops.get(key)
        if dropped is not None:
            reason, keeper = dropped
            return Drop(reason, keeper)
        head = self._heads.get(key)
        if head is not None:
            doc.meta[CLUSTER_KEY], doc.meta[CLUSTER_SIZE_KEY] = head
        return doc
