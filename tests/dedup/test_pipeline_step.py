"""``dedup`` as a step of ``thresher run``: duplicates across shards go, with the kept id."""

from __future__ import annotations

from pathlib import Path

import orjson

from tests.foundation.helpers import run_records
from thresher.engines import LocalEngine
from thresher.pipeline.config import parse_config
from thresher.pipeline.run import run_pipeline

_STORY = (
    "The regional rail company will run night trains between the two largest cities from March, "
    "with sleeping cars, a bistro wagon and space for twenty bicycles on every service, it said on Monday. "
)


def _corpus(root: Path) -> list[str]:
    root.mkdir(parents=True)
    shards = {
        "a.jsonl": [
            ("a1", _STORY * 3, "https://one.example/night-trains"),
            ("a2", "A different story " * 40, None),
        ],
        "b.jsonl": [
            ("b1", _STORY * 3, "https://two.example/copy"),  # exact copy on another site
            ("b2", (_STORY * 3).replace("Monday", "Tuesday"), None),  # near copy
            ("b3", "Yet another unrelated text about gardening and compost heaps " * 20, None),
        ],
    }
    for name, docs in shards.items():
        lines = [orjson.dumps({"id": i, "text": t, "url": u}) for i, t, u in docs]
        (root / name).write_bytes(b"\n".join(lines) + b"\n")
    return [str(root / n) for n in shards]


def test_duplicates_across_shards_name_the_kept_document(tmp_path: Path) -> None:
    inputs = _corpus(tmp_path / "in")
    config = parse_config({"steps": [{"name": "drop_empty"}, {"name": "dedup", "threshold": 0.7}]})
    for workers in (1, 2):
        out = tmp_path / f"out{workers}"
        report = run_pipeline(inputs, out, config, engine=LocalEngine(workers))
        assert report.ok and report.stats.is_balanced()
        kept = {str(r["id"]): r for r in run_records(out)}
        assert set(kept) == {"a1", "a2", "b3"}
        assert kept["a1"]["metadata"]["dedup_cluster_size"] == 3  # type: ignore[index]
        rejects = {str(r["id"]): r for r in run_records(out, "rejects")}
        assert rejects["b1"]["reason"] == "exact_duplicate" and rejects["b1"]["detail"] == "a1"
        assert rejects["b2"]["reason"] == "near_duplicate" and rejects["b2"]["detail"] == "a1"


def test_incremental_index_drops_what_an_earlier_run_kept(tmp_path: Path) -> None:
    inputs = _corpus(tmp_path / "in")
    index = tmp_path / "index"
    config = parse_config({"steps": [{"name": "dedup", "index": str(index), "threshold": 0.7}]})
    first = run_pipeline(inputs[:1], tmp_path / "run1", config, engine=LocalEngine(1))
    assert first.stats.kept == 2
    second = run_pipeline(inputs[1:], tmp_path / "run2", config, engine=LocalEngine(1))
    assert second.stats.kept == 1  # b1 and b2 duplicate a1 from the first run
    assert second.stats.dropped == {"dedup:exact_duplicate": 1, "dedup:near_duplicate": 1}


def test_each_shard_loads_only_its_own_decisions(tmp_path: Path) -> None:
    """Workers of the second pass hold one shard's decisions, not the corpus's."""
    import pickle

    inputs = _corpus(tmp_path / "in")
    config = parse_config({"steps": [{"name": "dedup", "threshold": 0.7}]})
    report = run_pipeline(inputs, tmp_path / "out", config, engine=LocalEngine(1))
    assert report.ok
    folder = tmp_path / "out" / "stages" / "00" / "work" / "decisions"
    per_shard = {p.name: pickle.loads(p.read_bytes()) for p in sorted(folder.iterdir())}
    assert sorted(per_shard) == ["s00000.pickle", "s00001.pickle"]
    drops_a, _ = per_shard["s00000.pickle"]
    drops_b, heads_b = per_shard["s00001.pickle"]
    assert drops_a == {} and len(drops_b) == 2 and heads_b == {}  # a1 (the kept head) is in shard a
