"""Corpus steps run in segments: same result for any worker count, resumable, balanced."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.foundation.helpers import run_records
from tests.foundation.steps import DropCorpusRepeats
from thresher.engines import LocalEngine
from thresher.filters.basic import DropEmpty
from thresher.pipeline.config import PipelineConfig, RunOptions, StepSpec
from thresher.pipeline.run import RunReport, run_pipeline

_CONFIG = PipelineConfig(steps=(StepSpec("drop_empty"),), run=RunOptions(files_per_shard=2))


def _corpus(root: Path) -> list[str]:
    texts = {
        "a/1.txt": "shared story about the harbour",
        "a/2.txt": "only in a",
        "b/1.txt": "shared story about the harbour",
        "b/2.txt": "",
        "c/1.txt": "only in c",
        "c/2.txt": "another repeat",
        "c/3.txt": "another repeat",
    }
    for name, text in texts.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return [str(root / d) for d in ("a", "b", "c")]


def _run(inputs: list[str], out: Path, workers: int) -> RunReport:
    steps = [DropEmpty(), DropCorpusRepeats()]
    return run_pipeline(inputs, out, _CONFIG, engine=LocalEngine(workers), steps=steps)


def _kept(out: Path) -> list[str]:
    return sorted(str(r["text"]) for r in run_records(out))


def test_corpus_step_sees_every_shard(tmp_path: Path) -> None:
    inputs = _corpus(tmp_path / "in")
    report = _run(inputs, tmp_path / "one", workers=1)
    assert report.ok
    assert _kept(tmp_path / "one") == ["only in a", "only in c"]
    stats = report.stats
    assert stats.documents_in == 7 and stats.kept == 2
    assert stats.dropped == {"drop_empty:empty_text": 1, "drop_corpus_repeats:repeated_in_corpus": 4}
    assert stats.is_balanced()
    assert stats.shards == 4


def test_same_result_with_two_workers(tmp_path: Path) -> None:
    inputs = _corpus(tmp_path / "in")
    one = _run(inputs, tmp_path / "one", workers=1)
    two = _run(inputs, tmp_path / "two", workers=2)
    assert _kept(tmp_path / "one") == _kept(tmp_path / "two")
    assert one.stats.to_json()["dropped"] == two.stats.to_json()["dropped"]


def test_rerun_after_the_first_segment_resumes_from_the_saved_state(tmp_path: Path) -> None:
    inputs = _corpus(tmp_path / "in")
    out = tmp_path / "out"
    _run(inputs, out, workers=1)
    expected = _kept(out)
    # as if the run had died after the first segment: the final segment's files are gone
    for name in ("data", "done", "stats", "rejects"):
        shutil.rmtree(out / name)
    report = _run(inputs, out, workers=1)
    assert report.resumed == 4  # every shard's first pass was kept, the second redone
    assert report.passes == 2
    assert _kept(out) == expected
    assert report.stats.is_balanced()
