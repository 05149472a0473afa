"""Near-duplicate detection: thresher against datasketch and datatrove on the same data, in one run.

``compare`` (default) generates a corpus with injected near duplicates
(:mod:`thresher.dedup.synthetic`, about 4.9 KB per document), finds every pair with
Jaccard >= 0.8 on 5-word shingles exactly (brute force with prefix filtering), then
runs, each in a fresh process (so peak memory is its own):

* thresher: vectorised MinHash signatures (128 permutations), LSH bands and exact
  verification of candidates; then the whole staged ``plan_dedup`` over 4 shards;
* datasketch: ``MinHash`` (128 permutations, ``update_batch`` of the same 5-word
  shingles) and ``MinHashLSH(threshold=0.8)`` insert + query;
* datatrove (with ``--datatrove-python``, its own venv, ``_datatrove_dedup.py``): its four
  MinHash stages on one core, 5-grams, ``--dt-bands`` x ``--dt-rows`` hashes (16 x 8).

Pairs are scored against the brute force; so are the removed documents (datatrove's
own removals; for the others, all but the first document of each cluster of found pairs).

``scale`` runs the staged deduplication (signatures, buckets, candidates,
clusters, filter pass) over N generated documents in shards on the local engine,
and reports the time of each stage and the peak memory of driver and workers.

    python benchmarks/dedup.py compare [--docs 20000] [--datatrove-python PY]
    python benchmarks/dedup.py speed [--docs 5000]
    python benchmarks/dedup.py scale --docs 1000000 [--shards 32] [--workers 2]
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

# a sibling module: importable when this file runs as a script (benchmarks/ is sys.path[0])
from _dedup_report import (  # type: ignore[import-not-found]
    datatrove_row,
    print_removed,
    print_row,
    run_datatrove,
)
from thresher.dedup.config import DedupConfig, MinHashConfig, Verify
from thresher.dedup.evaluate import exact_similar_pairs, lsh_pairs, shingle_sets
from thresher.dedup.filtering import apply_plan
from thresher.dedup.minhash import MinHasher
from thresher.dedup.runner import plan_dedup
from thresher.dedup.sources import MemoryShard
from thresher.dedup.synthetic import synthetic_corpus
from thresher.dedup.tokens import mix64
from thresher.document import Document

Pair = tuple[int, int]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_mb() -> float:
    """Resident memory now (Linux)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 2**20


def _in_child(fn: Callable[..., Any], *args: Any) -> Any:
    """Run ``fn(*args)`` in a fresh process; its result."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(fn, args)


def run_thresher(docs: int, seed: int) -> dict[str, Any]:
    texts = synthetic_corpus(docs, seed=seed).texts
    base = _rss_mb()
    config = MinHashConfig()
    hasher = MinHasher(config)
    hasher.sketch(texts[:10])
    cpu, wall = time.process_time(), time.perf_counter()
    signatures = hasher.signatures(texts)
    sig_cpu, sig_wall = time.process_time() - cpu, time.perf_counter() - wall
    start = time.perf_counter()
    found = lsh_pairs(signatures, hasher, Verify.EXACT, shingle_sets(texts, config.ngram))
    lsh_wall = time.perf_counter() - start
    held = _rss_mb() - base
    with tempfile.TemporaryDirectory() as work:
        size = -(-docs // 4)
        shards = [
            MemoryShard(
                i,
                tuple(Document(id=str(j), text=texts[j]) for j in range(i * size, min(docs, (i + 1) * size))),
            )
            for i in range(4)
        ]
        start = time.perf_counter()
        plan = plan_dedup(shards, work, DedupConfig(url=False))
        plan_wall = time.perf_counter() - start
    return {
        "signature_docs_per_s_cpu": docs / sig_cpu,
        "signature_docs_per_s_wall": docs / sig_wall,
        "lsh_and_verify_s": lsh_wall,
        "staged_plan_docs_per_s": docs / plan_wall,
        "staged_dropped": sum(plan.clusters.dropped.values()),
        "held_mb": held,
        "found": sorted(found),
    }


def _ds_shingles(text: str, ngram: int = 5) -> list[bytes]:
    words = text.lower().split()
    if len(words) < ngram:
        return [" ".join(words).encode()]
    return [" ".join(words[i : i + ngram]).encode() for i in range(len(words) - ngram + 1)]


def run_datasketch(docs: int, seed: int) -> dict[str, Any]:
    from datasketch import MinHash, MinHashLSH

    texts = synthetic_corpus(docs, seed=seed).texts
    base = _rss_mb()
    cpu, wall = time.process_time(), time.perf_counter()
    hashes = []
    for text in texts:
        minhash = MinHash(num_perm=128)
        minhash.update_batch(_ds_shingles(text))
        hashes.append(minhash)
    sig_cpu, sig_wall = time.process_time() - cpu, time.perf_counter() - wall
    start = time.perf_counter()
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    for i, minhash in enumerate(hashes):
        lsh.insert(i, minhash)
    found: set[Pair] = set()
    for i, minhash in enumerate(hashes):
        for j in lsh.query(minhash):
            if j != i:
                found.add((min(i, j), max(i, j)))
    return {
        "signature_docs_per_s_cpu": docs / sig_cpu,
        "signature_docs_per_s_wall": docs / sig_wall,
        "lsh_and_verify_s": time.perf_counter() - start,
        "held_mb": _rss_mb() - base,
        "found": sorted(found),
    }


def speed(docs: int, seed: int) -> None:
    """Signature throughput alone: best of three, process CPU time and wall time."""
    texts = synthetic_corpus(docs, seed=seed).texts
    _speed(texts, "")
    ascii_only = str.maketrans("äöüßéè", "aousee")
    _speed([text.translate(ascii_only) for text in texts], ", ASCII")


def _speed(texts: list[str], label: str) -> None:
    docs = len(texts)
    for name, config in ((f"exact sets{label}", True), (f"signatures only{label}", False)):
        hasher = MinHasher(MinHashConfig())
        hasher.sketch(texts[:10], sets=config)
        best_cpu = best_wall = float("inf")
        for _ in range(3):
            cpu, wall = time.process_time(), time.perf_counter()
            hasher.sketch(texts, sets=config)
            best_cpu = min(best_cpu, time.process_time() - cpu)
            best_wall = min(best_wall, time.perf_counter() - wall)
        print(
            f"{name:<23} {docs / best_cpu:8.0f} docs/s (CPU)  {docs / best_wall:8.0f} docs/s (wall)"
            f"  {sum(map(len, texts)) / docs:.0f} chars/doc, 128 permutations, 5-word shingles"
        )


def compare(docs: int, seed: int, datatrove: str | None = None, bands: int = 16, rows: int = 8) -> None:
    texts = synthetic_corpus(docs, seed=seed).texts
    start = time.perf_counter()
    truth = exact_similar_pairs(shingle_sets(texts, 5), 0.8)
    print(
        f"{docs} documents, {sum(map(len, texts)) / docs:.0f} chars each on average; "
        f"{len(truth)} pairs with Jaccard >= 0.8 (brute force, {time.perf_counter() - start:.1f} s)"
    )
    header = (
        f"{'tool':<11} {'sig docs/s cpu':>14} {'wall':>7} {'LSH s':>6} {'held MB':>8}"
        f" {'found':>6} {'precision':>9} {'recall':>7}"
    )
    print(header)
    print("-" * len(header))
    results: dict[str, dict[str, Any]] = {}
    for name, fn in (("thresher", run_thresher), ("datasketch", run_datasketch)):
        result = results[name] = _in_child(fn, docs, seed)
        print_row(name, result, truth)
        if "staged_plan_docs_per_s" in result:
            print(
                f"{'':<11} whole staged plan (4 shards, 1 process):"
                f" {result['staged_plan_docs_per_s']:.0f} docs/s,"
                f" {result['staged_dropped']} documents dropped"
            )
    if datatrove is None:
        print("datatrove: skipped (pass --datatrove-python to compare with it)")
    else:
        results["datatrove"] = datatrove_row(run_datatrove(texts, datatrove, bands, rows), truth)
    print_removed(results, truth)


# ---- scale: a fast generator of sentence-level near duplicates ----

_POOL = 200_000


@lru_cache(maxsize=1)
def _sentences(seed: int) -> list[str]:
    rng = np.random.default_rng(seed)
    letters = np.array(list("abcdefghijklmnopqrstuvwxyzäöü"))
    words = [
        "".join(letters[rng.integers(0, len(letters), size=int(n))]) for n in rng.integers(2, 11, 40_000)
    ]
    weights = 1.0 / np.arange(1, len(words) + 1) ** 1.05
    picks = rng.choice(len(words), size=_POOL * 14, p=weights / weights.sum()).tolist()
    return [" ".join(words[w] for w in picks[i * 14 : (i + 1) * 14]) + "." for i in range(_POOL)]


def _h(*parts: npt.NDArray[np.uint64] | int) -> npt.NDArray[np.uint64]:
    """A 64-bit hash of the parts, element-wise (arrays broadcast)."""
    shape = np.broadcast_shapes(*(np.shape(p) for p in parts))
    acc = np.zeros(shape, dtype=np.uint64).reshape(-1)
    for part in parts:
        acc *= np.uint64(0x9E3779B97F4A7C15)
        acc += np.broadcast_to(np.asarray(part, dtype=np.uint64), shape).reshape(-1)
        acc = mix64(acc)
    return acc.reshape(shape)


def _shard_sentences(
    start: int, stop: int, seed: int, share: float
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.int64]]:
    """Sentence ids of documents ``start..stop-1`` and where each document's begin.

    One in five documents (``share``) copies an earlier base document, anywhere
    before it, replacing up to a quarter of its sentences.
    """
    docs = np.arange(start, stop, dtype=np.uint64)
    unit = 2.0**-64

    def is_copy(d: npt.NDArray[np.uint64]) -> npt.NDArray[np.bool_]:
        return (d > 10) & (_h(seed, d, 3).astype(np.float64) * unit < share)

    copy = is_copy(docs)
    base = docs.copy()
    chase = copy.copy()
    while chase.any():
        base[chase] = _h(seed, base[chase], 4) % base[chase]
        chase[chase] = is_copy(base[chase])
    lengths = (30 + _h(seed, base, 1) % np.uint64(26)).astype(np.int64)
    offsets = np.zeros(docs.size + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    owner = np.repeat(np.arange(docs.size), lengths)
    k = (np.arange(offsets[-1]) - offsets[owner]).astype(np.uint64)
    ids = _h(seed, base[owner], 2, k) % np.uint64(_POOL)
    rate = np.where(copy, _h(seed, docs, 5).astype(np.float64) * unit * 0.25, 0.0)
    edit = _h(seed, docs[owner], 6, k).astype(np.float64) * unit < rate[owner]
    ids[edit] = _h(seed, docs[owner][edit], 7, k[edit]) % np.uint64(_POOL)
    return ids, offsets


@dataclass(frozen=True, slots=True)
class ScaleShard:
    """Documents ``start`` to ``stop - 1`` of the sentence-level corpus."""

    index: int
    start: int
    stop: int
    seed: int = 0
    share: float = 0.2

    def items(self) -> Iterator[Document]:
        pool = _sentences(self.seed)
        step = 10_000
        for lo in range(self.start, self.stop, step):
            hi = min(self.stop, lo + step)
            ids, offsets = _shard_sentences(lo, hi, self.seed, self.share)
            flat = ids.tolist()
            for j in range(hi - lo):
                text = " ".join([pool[x] for x in flat[offsets[j] : offsets[j + 1]]])
                yield Document(id=f"s{lo + j}", text=text)


def _count_kept(task: tuple[ScaleShard, str]) -> tuple[int, int, float]:
    kept = dropped = 0
    for _, drop in apply_plan(*task):
        kept += drop is None
        dropped += drop is not None
    return kept, dropped, _peak_mb()


def scale(docs: int, shards: int, workers: int, partitions: int, workdir: Path | None) -> None:
    from thresher.engines.local import LocalEngine

    engine = LocalEngine(workers)
    size = -(-docs // shards)
    sources = [ScaleShard(i, i * size, min(docs, (i + 1) * size)) for i in range(shards)]
    root = Path(workdir or tempfile.mkdtemp(prefix="dedup-scale-"))
    config = DedupConfig(url=False, partitions=partitions)
    times: dict[str, float] = {}

    def timed(name: str) -> Callable[[Callable[[Any], Any], Any], list[Any]]:
        def run(fn: Callable[[Any], Any], items: Any) -> list[Any]:
            start = time.perf_counter()
            out = engine.map(fn, items)
            times[name] = times.get(name, 0.0) + time.perf_counter() - start
            return out

        return run

    names = iter(["signatures", "candidates", "clusters"])
    start = time.perf_counter()
    plan = plan_dedup(sources, root, config, map_fn=lambda fn, items: timed(next(names))(fn, items))
    t = time.perf_counter()
    counted = engine.map(_count_kept, [(s, str(root)) for s in sources])
    times["filter pass"] = time.perf_counter() - t
    total = time.perf_counter() - start
    disk = sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) / 2**30
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"{docs} documents in {shards} shards, {workers} workers, {partitions} partitions: {total:.0f} s "
        f"({docs / total:.0f} docs/s end to end)"
    )
    for name, seconds in times.items():
        print(f"  {name:<12} {seconds:8.1f} s")
    print(
        f"  kept {sum(k for k, _, _ in counted)}, dropped {sum(d for _, d, _ in counted)} "
        f"{plan.clusters.dropped}; clusters {plan.clusters.clusters}, largest {plan.clusters.largest}"
    )
    print(
        f"  peak RSS: driver {_peak_mb():.0f} MB, largest worker {children:.0f} MB; stage files {disk:.2f} GB"
    )
    if workdir is None:
        shutil.rmtree(root, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("mode", nargs="?", choices=["compare", "scale", "speed"], default="compare")
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--shards", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partitions", type=int, default=32)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--datatrove-python", help="python of a venv with datatrove (compare)")
    parser.add_argument("--dt-bands", type=int, default=16, help="datatrove buckets (compare)")
    parser.add_argument("--dt-rows", type=int, default=8, help="datatrove hashes per bucket")
    args = parser.parse_args()
    if args.mode == "compare":
        compare(args.docs, args.seed, args.datatrove_python, args.dt_bands, args.dt_rows)
    elif args.mode == "speed":
        speed(args.docs, args.seed)
    else:
        scale(args.docs, args.shards, args.workers, args.partitions, args.workdir)


if __name__ == "__main__":
    main()
