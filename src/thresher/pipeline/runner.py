"""Running a pipeline over one shard: read, apply steps, write, count.

:func:`run_shard` is the unit of work every engine schedules. It is a top-level
function of picklable arguments, it writes only its own shard's files (under
temporary names, renamed when complete), and it writes the completion marker
last, so a shard either counts as done with all its files or is redone. Files go
to the run's output directory, local or behind an fsspec URL.
"""

from __future__ import annotations

import dataclasses
import logging
import pickle
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any

import orjson
from upath import UPath

from thresher.document import Document, Drop, Failure
from thresher.io.compression import open_binary
from thresher.io.readers import ReaderOptions, Skip, read_input
from thresher.io.sources import Shard
from thresher.io.storage import PathOrUrl, write_atomic
from thresher.io.writers import (
    Compression,
    JsonlWriter,
    OutputFormat,
    RecordWriter,
    document_record,
    open_writer,
    reject_record,
)
from thresher.pipeline.corpus import CorpusStep, Gatherer, ShardPlace
from thresher.pipeline.layout import RunLayout
from thresher.stats.counters import RunStats, StepStats
from thresher.step import DocStep

logger = logging.getLogger(__name__)

READ_STEP = "read"
WRITE_STEP = "write"
STAGE_READ_STEP = "read_intermediate"
_PROGRESS_EVERY = 200
# Documents the steps see together (DocStep.apply_batch): at most this many, and no more
# once their text reaches _BATCH_CHARS (a batch of huge pages stays small in memory).
_BATCH_DOCS = 256
_BATCH_CHARS = 8_000_000


@dataclass(frozen=True, slots=True)
class ShardTask:
    """Everything a worker needs to process one shard."""

    shard: Shard
    steps: tuple[DocStep, ...]
    reader: ReaderOptions
    layout: RunLayout
    output_format: OutputFormat
    compression: Compression
    write_rejects: bool
    max_document_chars: int | None
    fingerprint: str
    segment: int = 0
    final: bool = True
    gather: CorpusStep | None = None

    @property
    def first(self) -> bool:
        return self.segment == 0

    def data_path(self) -> UPath:
        shard_id = self.shard.id
        return self.layout.data(shard_id) if self.final else self.layout.stage_data(self.segment, shard_id)

    def stats_path(self) -> UPath:
        shard_id = self.shard.id
        return self.layout.stats(shard_id) if self.final else self.layout.stage_stats(self.segment, shard_id)

    def marker_path(self) -> UPath:
        shard_id = self.shard.id
        return (
            self.layout.marker(shard_id) if self.final else self.layout.stage_marker(self.segment, shard_id)
        )

    def rejects_path(self) -> UPath:
        name = self.shard.id if self.first else f"{self.shard.id}.{self.segment:02d}"
        return self.layout.rejects(name)


@dataclass(frozen=True, slots=True)
class ShardResult:
    shard_id: str
    stats: RunStats
    partial: Any = None


Progress = Callable[[int, int], None]  # (documents, bytes) done since the last call


def _position(doc_source: str) -> int | None:
    _, at, offset = doc_source.rpartition("@")
    return int(offset) if at and offset.isdigit() else None


def _unique_names(steps: tuple[DocStep, ...]) -> list[str]:
    names: list[str] = []
    for step in steps:
        name = step.name
        suffix = 2
        while name in names:
            name = f"{step.name}#{suffix}"
            suffix += 1
        names.append(name)
    return names


class _ShardRun:
    """The state of one shard's run (kept out of the steps, which stay pure)."""

    def __init__(self, task: ShardTask, writer: RecordWriter, rejects: RecordWriter | None) -> None:
        self.task = task
        self.writer = writer
        self.rejects = rejects
        self.stats = RunStats(shards=1)
        self.read = self.stats.step(READ_STEP)
        self.names = _unique_names(task.steps)
        self.gatherer: Gatherer | None = None
        self.step_stats: list[StepStats] = [self.stats.step(n) for n in self.names]
        self.write = self.stats.step(WRITE_STEP)
        self.pending: list[Document] = []
        self.pending_chars = 0

    def reject(
        self, doc_id: str, step: str, reason: str, detail: str, doc: Document | None, source: str
    ) -> None:
        if self.rejects is not None:
            self.rejects.write(reject_record(doc_id, step, reason, detail, doc, source))

    def take(self, item: Document | Failure | Skip) -> None:
        if not self.task.first:  # read and counted by an earlier segment
            if isinstance(item, Document):
                self.process(item)
            elif isinstance(item, Failure):
                self.stats.step(STAGE_READ_STEP).errored[item.reason] += 1
                self.reject(item.id, STAGE_READ_STEP, item.reason, item.detail, None, item.source)
            return
        if isinstance(item, Skip):
            self.read.skipped[item.reason] += 1
            return
        self.stats.documents_in += 1
        self.read.seen += 1
        if isinstance(item, Failure):
            self.read.errored[item.reason] += 1
            self.reject(item.id, READ_STEP, item.reason, item.detail, item.document, item.source)
            return
        limit = self.task.max_document_chars
        if limit is not None and item.size() > limit:
            self.read.dropped["too_large"] += 1
            self.reject(item.id, READ_STEP, "too_large", f"{item.size()} > {limit} chars", item, item.source)
            return
        self.read.kept += 1
        self.read.chars_out += item.size()
        self.process(item)

    def process(self, doc: Document) -> None:
        """Queue a document for the steps; they run on a batch of them at a time."""
        self.pending.append(doc)
        self.pending_chars += doc.size()
        if len(self.pending) >= _BATCH_DOCS or self.pending_chars >= _BATCH_CHARS:
            self.flush()

    def flush(self) -> None:
        """Run every step on the queued documents (each step on all of them, then the
        next step on those it kept) and emit the survivors, in order."""
        docs, self.pending, self.pending_chars = self.pending, [], 0
        for step, name, stats in zip(self.task.steps, self.names, self.step_stats, strict=True):
            if not docs:
                return
            for doc in docs:
                stats.seen += 1
                stats.chars_in += doc.size()
            started = time.perf_counter()
            results = self.apply_batch(step, name, docs)
            stats.seconds += time.perf_counter() - started
            kept: list[Document] = []
            for doc, result in zip(docs, results, strict=True):
                if isinstance(result, Exception):  # a bad page must never crash the run: count it
                    reason = f"exception:{type(result).__name__}"
                    stats.errored[reason] += 1
                    logger.warning("step %s failed on %s: %r", name, doc.id, result)
                    self.reject(doc.id, name, reason, str(result)[:500], doc, doc.source)
                elif isinstance(result, Drop):
                    stats.dropped[result.reason] += 1
                    self.reject(doc.id, name, result.reason, result.detail, doc, doc.source)
                else:
                    stats.kept += 1
                    stats.chars_out += result.size()
                    kept.append(result)
            docs = kept
        for doc in docs:
            self.emit(doc)

    @staticmethod
    def apply_batch(step: DocStep, name: str, docs: list[Document]) -> list[Document | Drop | Exception]:
        """``step.apply_batch(docs)``; when that fails as a whole (raises, or answers for
        another number of documents), ``step.apply`` on each document instead."""
        try:
            results = step.apply_batch(docs)
            if len(results) == len(docs):
                return results
            problem = f"{len(results)} results for {len(docs)} documents"
        except Exception as exc:  # a bug in the step's batch path must not lose the batch
            problem = repr(exc)
        logger.warning("step %s failed on a batch (%s): applying it to each document", name, problem)
        return DocStep.apply_batch(step, docs)

    def emit(self, doc: Document) -> None:
        if not self.task.final:
            self.writer.write(intermediate_record(doc))
            if self.gatherer is not None:
                self.gatherer.add(doc)
            return
        self.write.seen += 1
        if doc.html is not None:
            self.write.dropped["unextracted_html"] += 1
            self.reject(
                doc.id,
                WRITE_STEP,
                "unextracted_html",
                "no step turned the HTML into text",
                doc,
                doc.source,
            )
            return
        started = time.perf_counter()
        self.writer.write(document_record(doc))
        self.write.seconds += time.perf_counter() - started
        self.write.kept += 1
        self.write.chars_out += len(doc.text)
        self.stats.kept += 1


def intermediate_record(doc: Document) -> dict[str, Any]:
    """A document between two segments, with everything a later step may need."""
    return {
        "id": doc.id,
        "text": doc.text,
        "url": doc.url,
        "html": doc.html,
        "source": doc.source,
        "meta": doc.meta,
    }


def read_intermediate(path: PathOrUrl) -> Iterator[Document | Failure]:
    """The documents a segment handed to the next one, in order."""
    with open_binary(path) as handle:
        for number, line in enumerate(handle, start=1):
            try:
                record = orjson.loads(line)
                yield Document(**record)
            except (orjson.JSONDecodeError, TypeError) as exc:
                where = f"{path}:{number}"
                yield Failure(where, "unreadable_intermediate", str(exc), where)


def _items(task: ShardTask, progress: Progress | None) -> Iterator[Document | Failure | Skip]:
    if not task.first:
        path = task.layout.stage_data(task.segment - 1, task.shard.id)
        count = 0
        for doc in read_intermediate(path):
            yield doc
            count += 1
        if progress is not None:
            progress(count, task.shard.size)
        return
    for source in task.shard.inputs:
        done_bytes = 0
        documents = 0  # read since the last report (skipped records are not documents)
        for item in read_input(source, task.reader):
            yield item
            if isinstance(item, Skip):
                continue
            documents += 1
            if progress is not None and documents == _PROGRESS_EVERY:
                position = _position(item.source)
                step_bytes = max(0, (position or done_bytes) - done_bytes)
                done_bytes += step_bytes
                progress(documents, step_bytes)
                documents = 0
        if progress is not None:
            progress(documents, max(0, source.size - done_bytes))


def run_shard(task: ShardTask, progress: Progress | None = None) -> ShardResult:
    """Process one shard end to end and write its data, rejects, stats and marker."""
    shard_id = task.shard.id
    started = time.perf_counter()
    bound = tuple(s.for_shard(task.shard.index) if isinstance(s, CorpusStep) else s for s in task.steps)
    task = dataclasses.replace(task, steps=bound)
    for step in task.steps:
        step.setup()
    with ExitStack() as stack:
        if task.final:
            writer = open_writer(task.data_path(), task.output_format, task.compression)
        else:
            writer = JsonlWriter(task.data_path(), Compression.ZSTD)
        stack.callback(writer.abort)
        rejects = JsonlWriter(task.rejects_path(), Compression.GZIP) if task.write_rejects else None
        if rejects is not None:
            stack.callback(rejects.abort)
        run = _ShardRun(task, writer, rejects)
        if task.gather is not None:
            place = ShardPlace(
                shard_id, task.shard.index, task.layout.stage_work(task.segment), task.data_path()
            )
            run.gatherer = task.gather.gatherer(place)
        for item in _items(task, progress):
            run.take(item)
        run.flush()
        stack.pop_all()
    writer.commit()
    if rejects is not None:
        rejects.commit()
    if task.first:
        run.stats.bytes_in = task.shard.size
        spent = sum(s.seconds for s in run.stats.steps.values())
        run.read.seconds = max(0.0, time.perf_counter() - started - spent)
    else:
        del run.stats.steps[READ_STEP]
        run.stats.shards = 0  # the shard was counted by its first segment
    if not task.final:
        del run.stats.steps[WRITE_STEP]
    partial = run.gatherer.result() if run.gatherer is not None else None
    if task.gather is not None:
        write_atomic(task.layout.stage_partial(task.segment, shard_id), pickle.dumps(partial))
    write_atomic(task.stats_path(), orjson.dumps(run.stats.to_json(), option=orjson.OPT_INDENT_2))
    write_atomic(task.marker_path(), task.fingerprint.encode())
    return ShardResult(shard_id, run.stats, partial)
