"""Steps used only by the tests."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from upath import UPath

from thresher.document import Document, Drop
from thresher.engines.base import Engine
from thresher.pipeline.corpus import CorpusStep, Gatherer, ShardPlace
from thresher.step import DocStep


@dataclass
class ExplodeOnMarker(DocStep):
    """Raises on documents containing EXPLODE: stands for any bug in a step."""

    name = "explode_on_marker"

    def apply(self, doc: Document) -> Document | Drop:
        if "EXPLODE" in doc.text:
            raise RuntimeError("step bug")
        return doc


@dataclass
class RepeatedTextGatherer:
    """Counts each text of one shard."""

    counts: Counter[str] = field(default_factory=Counter)

    def add(self, doc: Document) -> None:
        self.counts[doc.text] += 1

    def result(self) -> Any:
        return self.counts


@dataclass
class DropCorpusRepeats(CorpusStep):
    """Drops every document whose text occurs more than once in the whole corpus."""

    name = "drop_corpus_repeats"
    repeated: frozenset[str] | None = None

    def gatherer(self, shard: ShardPlace) -> Gatherer:
        return RepeatedTextGatherer()

    def combine(self, partials: list[Any], workdir: UPath, engine: Engine) -> Any:
        total: Counter[str] = Counter()
        for partial in partials:
            total.update(partial)
        return frozenset(text for text, count in total.items() if count > 1)

    def with_state(self, state: Any) -> CorpusStep:
        return DropCorpusRepeats(repeated=state)

    def apply(self, doc: Document) -> Document | Drop:
        if self.repeated is None:
            raise RuntimeError("applied before its corpus state was combined")
        return Drop("repeated_in_corpus") if doc.text in self.repeated else doc
