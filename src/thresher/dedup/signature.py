"""Stage 1, per shard: signatures, exact and URL hashes, and band bucket files.

Each document of the shard gets a row: its MinHash signature (``sigs.u32``), its
exact hash and keep priorities (``docs.npy``) and its id (``ids.json``). Its keys
(one exact key, one URL key when it has a URL, one key per LSH band when it has
words) go to bucket files partitioned by key, each sorted by key and ref.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
import numpy.typing as npt
import orjson

from thresher.dedup.config import DedupConfig, KeepRule, Verify
from thresher.dedup.layout import (
    BUCKET_DTYPE,
    DOC_DTYPE,
    KeyKind,
    bucket_path,
    partition_of,
    shard_dir,
)
from thresher.dedup.minhash import MinHasher
from thresher.dedup.sources import ShardSource
from thresher.dedup.urls import url_key
from thresher.document import Document
from thresher.io.storage import make_dirs, save_array, storage_path, write_atomic

log = logging.getLogger(__name__)

_BATCH_DOCS = 2048
_BATCH_CHARS = 16 << 20
_URL_SALT = np.uint64(0x5BD1E9955BD1E995)


@dataclass(frozen=True, slots=True)
class SignatureTask:
    """Input of :func:`signature_stage` for one shard."""

    source: ShardSource
    workdir: str
    config: DedupConfig


@dataclass(frozen=True, slots=True)
class SignatureResult:
    """What :func:`signature_stage` saw in one shard."""

    shard: int
    documents: int
    without_words: int
    chars: int


def _timestamp(value: Any) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str) and value:
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
        except ValueError:
            return -math.inf
    return -math.inf


def _score(value: Any) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return -math.inf


def dedup_text(doc: Document) -> str:
    """The text a document is compared on: its text, or its HTML while it has no text."""
    return doc.html if not doc.text and doc.html is not None else doc.text


def priority(doc: Document, rule: KeepRule, config: DedupConfig) -> float:
    """The value the keep ``rule`` maximises (ties go to the first document)."""
    if rule is KeepRule.LONGEST:
        return float(len(dedup_text(doc)))
    if rule is KeepRule.NEWEST:
        return _timestamp(doc.meta.get(config.date_field))
    if rule is KeepRule.QUALITY:
        return _score(doc.meta.get(config.score_field))
    return 0.0


def _documents(source: ShardSource) -> Iterator[list[Document]]:
    batch: list[Document] = []
    chars = 0
    for item in source.items():
        if isinstance(item, Document):
            batch.append(item)
            chars += len(dedup_text(item))
            if len(batch) >= _BATCH_DOCS or chars >= _BATCH_CHARS:
                yield batch
                batch, chars = [], 0
    if batch:
        yield batch


def _records(keys: npt.NDArray[np.uint64], refs: npt.NDArray[np.uint64], kind: KeyKind) -> Any:
    out = np.empty(keys.size, dtype=BUCKET_DTYPE)
    out["key"], out["ref"], out["kind"] = keys, refs, int(kind)
    return out


class _ShardWriter:
    """Accumulates one shard's rows and keys, then writes its files."""

    def __init__(self, task: SignatureTask) -> None:
        self.task = task
        self.config = task.config
        self.hasher = MinHasher(task.config.minhash)
        self.root = storage_path(task.workdir)
        self.directory = shard_dir(self.root, task.source.index)
        make_dirs(self.directory)
        self.rows: list[Any] = []
        self.ids: list[str] = []
        self.keys: list[Any] = []
        self.set_sizes: list[npt.NDArray[np.int64]] = []
        self.chars = 0
        self.without_words = 0

    def add(self, docs: list[Document], files: tuple[Any, Any]) -> None:
        cfg = self.config
        exact_sets = cfg.minhash.verify is Verify.EXACT
        sketch = self.hasher.sketch([dedup_text(doc) for doc in docs], sets=exact_sets)
        files[0].write(sketch.signatures.tobytes())
        if sketch.sets is not None and sketch.set_sizes is not None:
            files[1].write(sketch.sets.tobytes())
            self.set_sizes.append(sketch.set_sizes)
        first = len(self.ids)
        refs = (np.uint64(self.task.source.index) << np.uint64(32)) + np.arange(
            first, first + len(docs), dtype=np.uint64
        )
        rows = np.empty(len(docs), dtype=DOC_DTYPE)
        rows["exact_hi"], rows["exact_lo"] = sketch.exact[:, 0], sketch.exact[:, 1]
        rows["prio"] = [priority(doc, cfg.keep, cfg) for doc in docs]
        rows["url_prio"] = [priority(doc, cfg.url_keep, cfg) for doc in docs]
        rows["length"] = [len(dedup_text(doc)) for doc in docs]
        rows["words"] = sketch.words
        self.rows.append(rows)
        self.ids.extend(doc.id for doc in docs)
        self.chars += int(rows["length"].sum())
        with_words = sketch.words > 0
        self.without_words += int((~with_words).sum())
        if cfg.exact or cfg.near:
            self.keys.append(_records(sketch.exact[:, 0].copy(), refs, KeyKind.EXACT))
        if cfg.url:
            self._add_urls(docs, refs)
        if cfg.near and with_words.any():
            bands = self.hasher.band_keys(sketch.signatures[with_words])
            band_refs = np.repeat(refs[with_words], bands.shape[1])
            self.keys.append(_records(bands.reshape(-1), band_refs, KeyKind.BAND))

    def _add_urls(self, docs: list[Document], refs: npt.NDArray[np.uint64]) -> None:
        found = [(i, url_key(doc.url)) for i, doc in enumerate(docs)]
        pairs = [(i, key) for i, key in found if key is not None]
        if pairs:
            index = np.array([i for i, _ in pairs], dtype=np.int64)
            keys = np.array([key for _, key in pairs], dtype=np.uint64) ^ _URL_SALT
            self.keys.append(_records(keys, refs[index], KeyKind.URL))

    def finish(self) -> SignatureResult:
        rows = np.concatenate(self.rows) if self.rows else np.empty(0, dtype=DOC_DTYPE)
        save_array(self.directory / "docs.npy", rows)
        write_atomic(self.directory / "ids.json", orjson.dumps(self.ids))
        sizes = np.concatenate(self.set_sizes) if self.set_sizes else np.zeros(0, np.int64)
        offsets = np.zeros(sizes.size + 1, dtype=np.int64)
        np.cumsum(sizes, out=offsets[1:])
        save_array(self.directory / "sets_idx.npy", offsets)
        records = np.concatenate(self.keys) if self.keys else np.empty(0, dtype=BUCKET_DTYPE)
        parts = partition_of(records["key"], self.config.partitions)
        for partition in range(self.config.partitions):
            chunk = records[parts == partition]
            chunk = chunk[np.lexsort((chunk["ref"], chunk["kind"], chunk["key"]))]
            path = bucket_path(self.root, partition, self.task.source.index)
            save_array(path, chunk)
        return SignatureResult(
            shard=self.task.source.index,
            documents=len(self.ids),
            without_words=self.without_words,
            chars=self.chars,
        )


def signature_stage(task: SignatureTask) -> SignatureResult:
    """Stage 1 for one shard: write its signature, document and bucket files."""
    writer = _ShardWriter(task)
    with (
        (writer.directory / "sigs.u32").open("wb") as sig_file,
        (writer.directory / "sets.u32").open("wb") as set_file,
    ):
        for docs in _documents(task.source):
            writer.add(docs, (sig_file, set_file))
    result = writer.finish()
    log.info("shard %d: %d documents signed", result.shard, result.documents)
    return result
