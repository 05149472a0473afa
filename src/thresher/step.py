"""The step contract.

Two kinds of step make a pipeline:

* :class:`DocStep` — pure, per document: ``apply(doc) -> Document | Drop``.
  Extraction, cleaning, language ID and quality filters are DocSteps. A DocStep
  is only configuration (a dataclass) so it pickles cheaply to workers; heavy
  resources are loaded in :meth:`DocStep.setup`, once per process.
* :class:`StreamStep` — sees the whole stream of a shard: ``run(docs, ctx)``.
  Used for steps that need more than one document at a time.

Statistics never live on a step: the runner keeps them in a
:class:`~thresher.stats.counters.RunStats` that belongs to the shard.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from thresher.document import Document, Drop


class DocStep(ABC):
    """A pure per-document step.

    Subclasses are dataclasses whose fields are the step's parameters; they set
    ``name`` (the key used in pipeline configs and statistics) and implement
    :meth:`apply`.
    """

    name: ClassVar[str] = "step"

    def setup(self) -> None:  # noqa: B027 - optional hook, empty by design
        """Load resources (models, tables) once per process before the first apply."""

    @abstractmethod
    def apply(self, doc: Document) -> Document | Drop:
        """Return the document, changed as the step does, or a Drop with its reason."""

    def apply_batch(self, docs: list[Document]) -> list[Document | Drop | Exception]:
        """:meth:`apply` on each of a few documents, in order; an exception a document
        raised takes its place in the list (the runner counts it as that document's
        error). The runner hands a step its documents this way, a few hundred at a
        time: a step that works faster on several documents at once overrides this."""
        out: list[Document | Drop | Exception] = []
        for doc in docs:
            try:
                out.append(self.apply(doc))
            except Exception as exc:  # a bad page must never crash the run: the runner counts it
                out.append(exc)
        return out


@dataclass(frozen=True, slots=True)
class ShardContext:
    """What a streaming step may know about the shard it runs on."""

    shard_id: str
    shard_index: int
    shard_count: int


class StreamStep(ABC):
    """A step that consumes and yields the stream of one shard's documents."""

    name: ClassVar[str] = "stream_step"

    @abstractmethod
    def run(self, docs: Iterable[Document], ctx: ShardContext) -> Iterator[Document]:
        """Yield the documents that go on, in order."""
