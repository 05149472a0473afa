"""Scoring and printing for ``benchmarks/dedup.py compare``, and its datatrove runner.

Found pairs are scored against the brute-force pairs; removed documents against the
true clusters (connected components of the brute-force pairs), whichever member a tool
keeps. datatrove runs in its own venv through ``_datatrove_dedup.py``.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path
from typing import Any

Pair = tuple[int, int]
HELPER = Path(__file__).with_name("_datatrove_dedup.py")


def _score(found: set[Pair], truth: dict[Pair, float]) -> dict[str, float]:
    hits = sum(pair in found for pair in truth)
    return {
        "found": len(found),
        "precision": hits / len(found) if found else 1.0,
        "recall": hits / len(truth) if truth else 1.0,
    }


def _components(pairs: set[Pair]) -> list[list[int]]:
    """Connected components (sorted) of the graph of ``pairs``."""
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[root(a)] = root(b)
    groups: dict[int, list[int]] = {}
    for node in sorted(parent):
        groups.setdefault(root(node), []).append(node)
    return list(groups.values())


def _score_removed(removed: set[int], truth: dict[Pair, float]) -> dict[str, float]:
    """Removed documents against the true clusters, whichever member a tool keeps.

    Precision: share of removed documents with a true partner. Recall: per true
    cluster C, min(removed in C, |C| - 1), over the sum of |C| - 1.
    """
    clusters = _components(set(truth))
    partnered = {d for c in clusters for d in c}
    right = sum(min(len(removed.intersection(c)), len(c) - 1) for c in clusters)
    ideal = sum(len(c) - 1 for c in clusters)
    return {
        "removed": len(removed),
        "precision": len(removed & partnered) / len(removed) if removed else 1.0,
        "recall": right / ideal if ideal else 1.0,
        "whole_cluster_removed": sum(set(c) <= removed for c in clusters),
    }


def run_datatrove(texts: list[str], python: str, bands: int, rows: int) -> dict[str, Any]:
    """datatrove's MinHash stages in its own venv; stage timings, removed ids, pairs."""
    with tempfile.TemporaryDirectory(prefix="dedup-datatrove-") as tmp:
        source, target = Path(tmp) / "in.jsonl", Path(tmp) / "out.json"
        with source.open("w", encoding="utf-8") as handle:
            handle.writelines(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts))
        command = [python, str(HELPER), str(source), str(target), str(bands), str(rows)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"datatrove helper failed:\n{done.stderr[-3000:]}")
        result: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    return result


def print_row(name: str, result: dict[str, Any], truth: dict[Pair, float]) -> None:
    score = _score({(a, b) for a, b in result["found"]}, truth)
    held = f"{result['held_mb']:>8.0f}" if "held_mb" in result else f"{'-':>8}"
    print(
        f"{name:<11} {result['signature_docs_per_s_cpu']:>14.0f}"
        f" {result['signature_docs_per_s_wall']:>7.0f} {result['lsh_and_verify_s']:>6.1f}"
        f" {held} {score['found']:>6.0f} {score['precision']:>9.4f} {score['recall']:>7.4f}"
    )


def datatrove_row(raw: dict[str, Any], truth: dict[Pair, float]) -> dict[str, Any]:
    """Print datatrove's row and stage times; its result in the shape of the others."""
    docs, sec = raw["documents"], raw["seconds"]
    result = {
        "signature_docs_per_s_cpu": docs / sec["signatures"][0],
        "signature_docs_per_s_wall": docs / sec["signatures"][1],
        "lsh_and_verify_s": sec["buckets"][0] + sec["clusters"][0],
        "found": raw["pairs"],
        "removed": {int(i) for i in raw["removed"]},
        "all_stages_docs_per_s_cpu": docs / sum(cpu for cpu, _ in sec.values()),
    }
    print_row("datatrove", result, truth)
    stages = ", ".join(f"{name} {cpu:.1f}" for name, (cpu, _) in sec.items())
    print(
        f"{'':<11} {raw['config']}; found = pairs sharing a bucket (no verification)\n"
        f"{'':<11} CPU s per stage: {stages}; all four stages"
        f" {result['all_stages_docs_per_s_cpu']:.0f} docs/s; {raw['kept']} kept"
    )
    return result


def print_removed(results: dict[str, dict[str, Any]], truth: dict[Pair, float]) -> None:
    print("\nremoved documents (true clusters = components of the brute-force pairs)")
    print(f"{'tool':<11} {'removed':>8} {'precision':>9} {'recall':>7} {'whole cluster gone':>19}")
    for name, result in results.items():
        removed = result.get("removed")
        if removed is None:
            pairs = {(a, b) for a, b in result["found"]}
            removed = {d for c in _components(pairs) for d in c[1:]}
        score = _score_removed(removed, truth)
        print(
            f"{name:<11} {score['removed']:>8.0f} {score['precision']:>9.4f} {score['recall']:>7.4f}"
            f" {score['whole_cluster_removed']:>19.0f}"
        )
    if "datatrove" in results:
        ours, theirs = results["thresher"], results["datatrove"]
        print(
            "thresher / datatrove: signatures"
            f" {ours['signature_docs_per_s_cpu'] / theirs['signature_docs_per_s_cpu']:.0f} x (CPU),"
            f" whole plan {ours['staged_plan_docs_per_s'] / theirs['all_stages_docs_per_s_cpu']:.0f} x"
            " (thresher wall, one process; datatrove CPU, four stages)"
        )
