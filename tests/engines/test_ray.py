"""The Ray engine: same output as the local engine, retries of killed workers, resumable runs."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from upath import UPath

from tests import s3
from tests.engines import steps as misbehaving_steps
from tests.foundation.helpers import build_warc, run_records, three_shard_crawl, thresher_cli
from thresher.engines import LocalEngine
from thresher.errors import EngineError
from thresher.filters.basic import DropEmpty
from thresher.pipeline.config import PipelineConfig, RunOptions, StepSpec, load_config
from thresher.pipeline.run import run_pipeline

ray = pytest.importorskip("ray")

from thresher.engines.ray import RayEngine, _check_reachable  # noqa: E402 - only with ray installed


@pytest.fixture(scope="module")
def s3_bucket() -> Iterator[str | None]:
    """An S3 server started before Ray, so Ray's workers inherit its address (None: no moto)."""
    if not s3.available():
        yield None
        return
    with s3.moto_s3() as bucket:
        yield bucket


@pytest.fixture(scope="module")
def ray_engine(s3_bucket: str | None) -> Iterator[RayEngine]:
    ray.cloudpickle.register_pickle_by_value(misbehaving_steps)
    engine = RayEngine(num_cpus=2)
    engine.connect()
    yield engine
    ray.shutdown()


def _records(out: Path | UPath) -> list[dict[str, object]]:
    records = run_records(out)
    return sorted(records, key=lambda r: str(r["id"]))


def _counts(out: Path | UPath) -> dict[str, object]:
    stats = orjson.loads((out / "stats.json").read_bytes())
    return {k: stats[k] for k in ("documents_in", "kept", "dropped", "errored", "shards")}


def test_same_records_and_stats_as_the_local_engine(
    shared_data: Path, tmp_path: Path, ray_engine: RayEngine
) -> None:
    warcs = []
    with gzip.open(shared_data / "extraction" / "scrapinghub.jsonl.gz", "rb") as handle:
        pages = [orjson.loads(line) for line in handle][:120]
    for part in range(4):
        path = tmp_path / f"part-{part}.warc.gz"
        chunk = pages[part::4]
        build_warc(
            path,
            [(p["url"] or f"https://x.example/{p['id']}", p["html"].encode(), "text/html") for p in chunk],
        )
        warcs.append(str(path))
    config = load_config(None)
    local = run_pipeline(warcs, tmp_path / "local", config, engine=LocalEngine(1))
    remote = run_pipeline(warcs, tmp_path / "ray", config, engine=ray_engine)
    assert local.ok and remote.ok
    assert _records(tmp_path / "local") == _records(tmp_path / "ray")
    assert _counts(tmp_path / "local") == _counts(tmp_path / "ray")
    assert remote.stats.documents_in == 120 and remote.stats.is_balanced()


def test_ray_workers_write_every_pass_to_object_storage(
    tmp_path: Path, ray_engine: RayEngine, s3_bucket: str | None
) -> None:
    """Workers that share only a bucket: data, markers and the dedup and site passes go through S3."""
    if s3_bucket is None:
        pytest.skip(s3.SKIP_REASON)
    inputs = three_shard_crawl(tmp_path / "in")
    config = load_config(None)
    local = run_pipeline(inputs, tmp_path / "local", config, engine=LocalEngine(1))
    url = f"{s3_bucket}/ray-run"
    remote = run_pipeline(inputs, url, config, engine=ray_engine)
    assert local.ok and remote.ok and remote.passes == 3
    assert _records(UPath(url)) == _records(tmp_path / "local")
    assert _counts(UPath(url)) == _counts(tmp_path / "local")
    again = run_pipeline(inputs, url, config, engine=ray_engine)
    assert again.ok and again.resumed == 3 * 3


def _text_corpus(root: Path, marker: str) -> list[str]:
    for shard in range(4):
        folder = root / f"s{shard}"
        folder.mkdir(parents=True)
        for i in range(5):
            text = f"document {i} of shard {shard}" + (f" {marker}" if shard == 2 and i == 3 else "")
            (folder / f"{i}.txt").write_text(text)
    return [str(root / f"s{shard}") for shard in range(4)]


_CONFIG = PipelineConfig(steps=(StepSpec("drop_empty"),), run=RunOptions(files_per_shard=5))


def test_a_killed_worker_is_retried_without_losing_or_duplicating(
    tmp_path: Path, ray_engine: RayEngine
) -> None:
    inputs = _text_corpus(tmp_path / "in", "KILL")
    flag = tmp_path / "killed.flag"
    steps = [DropEmpty(), misbehaving_steps.KillWorkerOnce(flag=str(flag))]
    report = run_pipeline(inputs, tmp_path / "out", _CONFIG, engine=ray_engine, steps=steps)
    assert flag.exists(), "the worker was never killed"
    assert report.ok
    ids = [r["id"] for r in _records(tmp_path / "out")]
    assert len(ids) == 20 and len(set(ids)) == 20
    assert report.stats.documents_in == 20 and report.stats.kept == 20


def test_a_failing_shard_is_reported_and_a_rerun_retries_only_it(
    tmp_path: Path, ray_engine: RayEngine
) -> None:
    inputs = _text_corpus(tmp_path / "in", "POISON")
    fixed = tmp_path / "fixed.flag"
    steps = [misbehaving_steps.KillWorkerUntilFixed(fixed=str(fixed))]
    first = run_pipeline(inputs, tmp_path / "out", _CONFIG, engine=ray_engine, steps=steps)
    assert not first.ok
    assert list(first.failed) == ["00002"]  # Ray gave up on it after its retries
    assert first.stats.shards == 3 and first.stats.kept == 15  # the healthy shards finished
    fixed.write_text("fixed")
    second = run_pipeline(inputs, tmp_path / "out", _CONFIG, engine=ray_engine, steps=steps)
    assert second.ok and second.resumed == 3
    assert second.stats.documents_in == 20 and second.stats.kept == 20


def test_unreachable_cluster_is_one_line_exit_2(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("some text")
    result = thresher_cli(
        "run", str(text), "-o", str(tmp_path / "out"), "--engine", "ray", "--address", "127.0.0.1:9"
    )
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    assert "cannot reach the Ray cluster at 127.0.0.1:9" in stderr
    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1


def test_malformed_address_is_rejected() -> None:
    with pytest.raises(EngineError, match="not of the form host:port"):
        _check_reachable("nonsense")
