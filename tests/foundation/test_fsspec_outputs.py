"""Outputs behind fsspec URLs: a run writes, resumes and reports on shared storage as locally.

Cluster workers share no disk, so everything a run writes (data, rejects, stats,
markers, the intermediate passes of site-level cleaning and deduplication) must go
through the output URL. The in-memory file system checks it in one process; an S3
server (moto) checks it with worker processes that share nothing but the bucket.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import fsspec
import orjson
import pytest
from upath import UPath

from tests import s3
from tests.foundation.helpers import run_records, three_shard_crawl, thresher_cli
from thresher.dedup.files import dedup_files
from thresher.engines import LocalEngine
from thresher.errors import ConfigError
from thresher.io.storage import read_many, storage_path
from thresher.pipeline.config import load_config, parse_config
from thresher.pipeline.run import run_pipeline


def _sorted(records: list[dict[str, object]]) -> list[dict[str, object]]:
    return sorted(records, key=lambda r: (str(r["id"]), str(r.get("step"))))


def _counts(root: Path | UPath) -> dict[str, object]:
    stats = orjson.loads((root / "stats.json").read_bytes())
    return {k: stats[k] for k in ("documents_in", "kept", "dropped", "errored", "shards", "steps")}


def _without_seconds(counts: dict[str, object]) -> dict[str, object]:
    steps = counts["steps"]
    assert isinstance(steps, dict)
    cleaned = {name: {k: v for k, v in step.items() if k != "seconds"} for name, step in steps.items()}
    return {**counts, "steps": cleaned}


@pytest.fixture
def memory_root() -> Iterator[str]:
    yield "memory://runs/out"
    fs = fsspec.filesystem("memory")
    if fs.exists("/runs"):
        fs.rm("/runs", recursive=True)


def test_a_run_into_a_url_matches_a_local_run_and_resumes(tmp_path: Path, memory_root: str) -> None:
    inputs = three_shard_crawl(tmp_path / "in")
    config = load_config(None)  # the default pipeline: three passes (site_clean, dedup)
    local = run_pipeline(inputs, tmp_path / "local", config, engine=LocalEngine(1))
    remote = run_pipeline(inputs, memory_root, config, engine=LocalEngine(1))
    assert local.ok and remote.ok and remote.passes == 3
    assert remote.stats.is_balanced()
    duplicates = remote.stats.dropped["dedup:url_duplicate"] + remote.stats.dropped["dedup:exact_duplicate"]
    assert duplicates >= 8, "the copied shard is deduplicated across shards"
    root = UPath(memory_root)
    assert _sorted(run_records(root)) == _sorted(run_records(tmp_path / "local"))
    assert _sorted(run_records(root, "rejects")) == _sorted(run_records(tmp_path / "local", "rejects"))
    assert _without_seconds(_counts(root)) == _without_seconds(_counts(tmp_path / "local"))
    for name in ("run.json", "report.html", "done/00000", "stages/00/state.pickle", "stages/01/done/00002"):
        assert (root / name).exists(), name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "local"], "nothing written beside"

    again = run_pipeline(inputs, memory_root, config, engine=LocalEngine(1))
    assert again.ok and again.resumed == 3 * 3  # every shard of every pass was finished
    assert _sorted(run_records(root)) == _sorted(run_records(tmp_path / "local"))


def test_overwrite_clears_a_url_output_of_another_run(tmp_path: Path, memory_root: str) -> None:
    inputs = three_shard_crawl(tmp_path / "in")
    run_pipeline(inputs, memory_root, load_config(None), engine=LocalEngine(1))
    other = parse_config({"steps": [{"name": "html_to_text"}]})
    with pytest.raises(ConfigError, match="different run"):
        run_pipeline(inputs, memory_root, other, engine=LocalEngine(1))
    report = run_pipeline(inputs, memory_root, other, engine=LocalEngine(1), overwrite=True)
    assert report.ok and report.resumed == 0
    assert not (UPath(memory_root) / "stages").exists()
    assert len(run_records(UPath(memory_root))) == report.stats.kept


def test_an_unknown_storage_scheme_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="nosuchfs"):
        storage_path("nosuchfs://bucket/run")


def test_cli_unknown_storage_scheme_is_one_line_exit_2(tmp_path: Path) -> None:
    inputs = three_shard_crawl(tmp_path / "in")
    result = thresher_cli("run", *inputs, "-o", "nosuchfs://bucket/run", "-q")
    assert result.returncode == 2
    message = result.stderr.decode().strip()
    assert "nosuchfs" in message and len(message.splitlines()) == 1 and "Traceback" not in message


@pytest.mark.skipif(not s3.available(), reason=s3.SKIP_REASON)
def test_cli_run_on_s3_with_worker_processes_matches_local(tmp_path: Path) -> None:
    inputs = three_shard_crawl(tmp_path / "in")
    local = thresher_cli("run", *inputs, "-o", str(tmp_path / "local"), "-q", "--workers", "2")
    assert local.returncode == 0, local.stderr.decode()
    with s3.moto_s3() as bucket:
        url = f"{bucket}/crawl-run"
        first = thresher_cli("run", *inputs, "-o", url, "-q", "--workers", "2")
        assert first.returncode == 0, first.stderr.decode()
        assert f"output: {url}/data" in first.stdout.decode()
        root = UPath(url)
        assert _sorted(run_records(root)) == _sorted(run_records(tmp_path / "local"))
        assert _without_seconds(_counts(root)) == _without_seconds(_counts(tmp_path / "local"))
        again = thresher_cli("run", *inputs, "-o", url, "-q", "--workers", "2")
        assert again.returncode == 0
        assert "resumed 9 of 9 shard passes" in again.stdout.decode()


def test_dedup_files_writes_output_and_index_to_urls(tmp_path: Path, memory_root: str) -> None:
    texts = [f"Story {i} about the harbour, the ferry and the tides of the northern coast." for i in range(5)]
    docs = [{"id": f"d{i}", "text": text} for i, text in enumerate(texts)]
    docs.append({"id": "copy", "text": texts[2]})
    source = tmp_path / "docs.jsonl"
    source.write_bytes(b"".join(orjson.dumps(d) + b"\n" for d in docs))
    first = dedup_files([str(source)], f"{memory_root}/first", index_dir=f"{memory_root}/index")
    assert first.kept == 5 and first.dropped == {"exact_duplicate": 1} and first.index_run == 1
    kept = [orjson.loads(line) for line in (UPath(memory_root) / "first" / "data" / "00000.jsonl").open("rb")]
    assert sorted(r["id"] for r in kept) == ["d0", "d1", "d2", "d3", "d4"]
    # a second crawl is deduplicated against the index on the same storage
    again = dedup_files([str(source)], f"{memory_root}/second", index_dir=f"{memory_root}/index")
    assert again.kept == 0 and again.index_run == 2


def test_read_many_returns_the_files_that_exist(tmp_path: Path, memory_root: str) -> None:
    remote = UPath(memory_root)
    (remote / "a").write_bytes(b"1")
    (remote / "sub" / "b").write_bytes(b"2")
    (tmp_path / "c").write_bytes(b"3")
    paths = [
        remote / "a",
        remote / "sub" / "b",
        remote / "missing",
        UPath(tmp_path / "c"),
        UPath(tmp_path / "x"),
    ]
    assert read_many(paths) == {str(paths[0]): b"1", str(paths[1]): b"2", str(paths[3]): b"3"}


def test_a_file_url_output_goes_through_temporary_names_and_matches(tmp_path: Path) -> None:
    """``file://`` is fsspec's local file system: files are renamed into place, none left over."""
    inputs = three_shard_crawl(tmp_path / "in")
    config = load_config(None)
    run_pipeline(inputs, tmp_path / "local", config, engine=LocalEngine(1))
    url = f"file://{tmp_path / 'via-url'}"
    report = run_pipeline(inputs, url, config, engine=LocalEngine(1))
    assert report.ok and report.passes == 3
    assert _sorted(run_records(UPath(url))) == _sorted(run_records(tmp_path / "local"))
    written = sorted(p.relative_to(tmp_path / "via-url") for p in (tmp_path / "via-url").rglob("*"))
    assert written and not [p for p in written if p.name.endswith(".tmp")]
    assert written == sorted(p.relative_to(tmp_path / "local") for p in (tmp_path / "local").rglob("*"))
