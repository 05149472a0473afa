"""Run datatrove's four MinHash dedup stages over a JSONL file (benchmark helper, own venv).

Usage: ``python _datatrove_dedup.py IN.jsonl OUT.json BANDS ROWS``. Runs in the separate
environment where datatrove 0.10.1 is installed; ``benchmarks/dedup.py`` calls it.

Stages, each a ``LocalPipelineExecutor`` with one worker (one core, in this process):
``MinhashDedupSignature`` (1 task), ``MinhashDedupBuckets`` (one task per band, as datatrove
requires), ``MinhashDedupCluster`` (1 task) and ``MinhashDedupFilter`` (1 task, kept documents
and an exclusion writer for the removed ones). ``MinhashConfig``: 5-gram shingles,
``BANDS`` buckets x ``ROWS`` hashes per bucket, 64-bit xxhash; word tokenizer: datatrove's
English one (``spacy.blank("en")``, no model download). Writes the CPU and wall seconds of each stage,
the removed document ids, and the candidate pairs: every pair of documents that share a
bucket (datatrove writes each bucket's equal signatures as a chain of pairs; the chain is
expanded here into all its pairs). One input file and one task, so datatrove's document
index in those pairs is the line number of the input.
"""

from __future__ import annotations

import json
import struct
import sys
import tempfile
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.dedup.minhash import (
    MinhashConfig,
    MinhashDedupBuckets,
    MinhashDedupCluster,
    MinhashDedupFilter,
    MinhashDedupSignature,
)
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter
from datatrove.utils.hashing import HashConfig

Pair = tuple[int, int]


def _cpu_run(pipeline: list[Any], tasks: int, logs: Path) -> list[float]:
    """CPU and wall seconds of one stage run in this process (one worker)."""
    cpu, wall = time.process_time(), time.perf_counter()
    LocalPipelineExecutor(pipeline=pipeline, tasks=tasks, workers=1, logging_dir=str(logs)).run()
    return [time.process_time() - cpu, time.perf_counter() - wall]


def _groups(links: list[Pair]) -> list[list[int]]:
    """Connected components of the graph of ``links``."""
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for first, second in links:
        parent[root(first)] = root(second)
    groups: dict[int, list[int]] = defaultdict(list)
    for node in sorted(parent):
        groups[root(node)].append(node)
    return list(groups.values())


def _bucket_pairs(dups: Path) -> set[Pair]:
    """All pairs of documents sharing a bucket, from the ``.dups`` chains of every bucket."""
    found: set[Pair] = set()
    for path in sorted(dups.glob("*.dups")):
        links = [(a, b) for _, a, _, b in struct.iter_unpack("<4I", path.read_bytes())]
        for members in _groups(links):
            found.update(combinations(members, 2))
    return found


def _ids(folder: Path) -> list[str]:
    ids: list[str] = []
    for path in sorted(folder.glob("*.jsonl*")):
        with path.open(encoding="utf-8") as handle:
            ids.extend(json.loads(line)["id"] for line in handle)
    return ids


def run(in_path: Path, bands: int, rows: int, work: Path) -> dict[str, Any]:
    config = MinhashConfig(
        n_grams=5, num_buckets=bands, hashes_per_bucket=rows, hash_config=HashConfig(precision=64)
    )
    data = work / "data"
    data.mkdir()
    (data / "docs.jsonl").write_bytes(in_path.read_bytes())
    sigs, buckets, clusters = work / "signatures", work / "buckets", work / "clusters"
    signature = MinhashDedupSignature(output_folder=str(sigs), config=config)
    signature.word_tokenizer.word_tokenize("Load spaCy before timing.")
    seconds = {
        "signatures": _cpu_run([JsonlReader(str(data)), signature], 1, work / "logs1"),
        "buckets": _cpu_run(
            [MinhashDedupBuckets(input_folder=str(sigs), output_folder=str(buckets), config=config)],
            bands,
            work / "logs2",
        ),
        "clusters": _cpu_run(
            [MinhashDedupCluster(input_folder=str(buckets), output_folder=str(clusters), config=config)],
            1,
            work / "logs3",
        ),
        "filter": _cpu_run(
            [
                JsonlReader(str(data)),
                MinhashDedupFilter(
                    input_folder=str(clusters),
                    exclusion_writer=JsonlWriter(str(work / "removed"), compression=None),
                ),
                JsonlWriter(str(work / "kept"), compression=None),
            ],
            1,
            work / "logs4",
        ),
    }
    with in_path.open(encoding="utf-8") as handle:
        order = [json.loads(line)["id"] for line in handle]
    return {
        "documents": len(order),
        "seconds": seconds,
        "removed": _ids(work / "removed"),
        "kept": len(_ids(work / "kept")),
        "pairs": sorted(_bucket_pairs(buckets)),
        "config": str(config),
    }


def main(in_path: str, out_path: str, bands: str, rows: str) -> None:
    with tempfile.TemporaryDirectory(prefix="datatrove-dedup-") as tmp:
        result = run(Path(in_path), int(bands), int(rows), Path(tmp))
    Path(out_path).write_text(json.dumps(result), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:5])
