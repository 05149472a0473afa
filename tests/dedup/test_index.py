"""The persistent index: incremental runs, and damaged or foreign directories."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from tests.dedup.helpers import dedup, words
from thresher.dedup.config import DedupConfig, MinHashConfig
from thresher.dedup.index import DedupIndex
from thresher.dedup.runner import serial_map
from thresher.document import Document
from thresher.errors import ConfigError, InputError

CONFIG = DedupConfig(partitions=4)


def _text(seed: int) -> str:
    return " ".join(words(seed))


def _first_crawl() -> list[Document]:
    return [
        Document(id="a0", text=_text(100), url="http://a.org/0"),
        Document(id="a1", text=_text(101), url="http://a.org/1"),
        Document(id="a1-copy", text=_text(101)),
    ]


def _index_first_crawl(tmp_path: Path) -> DedupIndex:
    index = DedupIndex.open(tmp_path / "index", CONFIG)
    verdicts, plan = dedup(_first_crawl(), tmp_path / "run1", CONFIG, index=index)
    assert verdicts["a1-copy"] == ("exact_duplicate", "a1")
    index.add_run(plan.workdir, plan.shards, serial_map)
    return index


def test_second_crawl_is_deduplicated_against_the_first(tmp_path: Path) -> None:
    _index_first_crawl(tmp_path)
    index = DedupIndex.open(tmp_path / "index", CONFIG)
    assert index.documents == 2  # the dropped copy is not indexed
    near = words(100)
    near[10] = "edited"
    second = [
        Document(id="b0", text=" ".join(near)),
        Document(id="b1", text=_text(101).upper()),
        Document(id="b2", text="new page", url="https://www.a.org/0/"),
        Document(id="b3", text=_text(102)),
        Document(id="b3-copy", text=_text(102)),
    ]
    verdicts, plan = dedup(second, tmp_path / "run2", CONFIG, index=index, shards=2)
    assert verdicts == {
        "b0": ("near_duplicate", "a0"),
        "b1": ("exact_duplicate", "a1"),
        "b2": ("url_duplicate", "a0"),
        "b3": {"dedup_cluster": "b3", "dedup_cluster_size": 2},
        "b3-copy": ("exact_duplicate", "b3"),
    }
    assert plan.index_documents == 2
    index.add_run(plan.workdir, plan.shards, serial_map)
    reopened = DedupIndex.open(tmp_path / "index", CONFIG)
    assert reopened.run_numbers == (1, 2)
    assert reopened.documents == 3
    third, _ = dedup([Document(id="c0", text=_text(102))], tmp_path / "run3", CONFIG, index=reopened)
    assert third == {"c0": ("exact_duplicate", "b3")}


def test_new_directory_starts_an_empty_index(tmp_path: Path) -> None:
    index = DedupIndex.open(tmp_path / "fresh", CONFIG)
    assert index.runs == []
    assert not (tmp_path / "fresh").exists()


def test_foreign_directory_is_refused(tmp_path: Path) -> None:
    foreign = tmp_path / "photos"
    foreign.mkdir()
    (foreign / "holiday.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(InputError, match="not a thresher dedup index"):
        DedupIndex.open(foreign, CONFIG)
    (foreign / "manifest.json").write_bytes(b'{"format": "something-else"}')
    with pytest.raises(InputError, match="another format"):
        DedupIndex.open(foreign, CONFIG)


def test_a_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "index"
    path.write_text("x")
    with pytest.raises(InputError, match="is a file"):
        DedupIndex.open(path, CONFIG)


def test_corrupted_manifest_is_refused(tmp_path: Path) -> None:
    _index_first_crawl(tmp_path)
    manifest = tmp_path / "index" / "manifest.json"
    manifest.write_bytes(manifest.read_bytes()[:40])
    with pytest.raises(InputError, match="unreadable"):
        DedupIndex.open(tmp_path / "index", CONFIG)


def test_other_version_and_settings_are_refused(tmp_path: Path) -> None:
    _index_first_crawl(tmp_path)
    manifest = tmp_path / "index" / "manifest.json"
    data = orjson.loads(manifest.read_bytes())
    with pytest.raises(ConfigError, match="num_perm"):
        DedupIndex.open(tmp_path / "index", DedupConfig(partitions=4, minhash=MinHashConfig(num_perm=64)))
    with pytest.raises(ConfigError, match="partitions"):
        DedupIndex.open(tmp_path / "index", DedupConfig(partitions=8))
    manifest.write_bytes(orjson.dumps({**data, "version": 99}))
    with pytest.raises(InputError, match="version 99"):
        DedupIndex.open(tmp_path / "index", CONFIG)


def test_missing_or_damaged_files_are_refused(tmp_path: Path) -> None:
    _index_first_crawl(tmp_path)
    bucket = tmp_path / "index" / "runs" / "r0001" / "buckets" / "p0002.npy"
    bucket.write_bytes(b"garbage")
    index = DedupIndex.open(tmp_path / "index", CONFIG)
    with pytest.raises(InputError, match="cannot read dedup file"):
        dedup([Document(id="x", text=_text(5))], tmp_path / "run2", CONFIG, index=index)
    bucket.unlink()
    with pytest.raises(InputError, match="damaged"):
        DedupIndex.open(tmp_path / "index", CONFIG)


def test_truncated_signatures_are_refused(tmp_path: Path) -> None:
    _index_first_crawl(tmp_path)
    sigs = tmp_path / "index" / "runs" / "r0001" / "shards" / "s00000" / "sigs.u32"
    sigs.write_bytes(sigs.read_bytes()[:100])
    with pytest.raises(InputError, match="truncated"):
        DedupIndex.open(tmp_path / "index", CONFIG)


def test_new_document_bridging_two_indexed_ones_never_drops_an_indexed_one(tmp_path: Path) -> None:
    a = words(300)
    c = list(a)
    for position in (20, 80, 140, 200, 260):
        c[position] = f"c{position}"
    b = list(c)
    for position in (50, 110, 170, 230, 290):
        b[position] = f"b{position}"
    index = DedupIndex.open(tmp_path / "index", CONFIG)
    first = [Document(id="A", text=" ".join(a)), Document(id="B", text=" ".join(b))]
    verdicts, plan = dedup(first, tmp_path / "run1", CONFIG, index=index)
    assert verdicts == {"A": {}, "B": {}}  # Jaccard(A, B) is about 0.7
    index.add_run(plan.workdir, plan.shards, serial_map)
    second = [
        Document(id="D", text=_text(400)),
        Document(id="E", text=_text(401)),
        Document(id="C", text=" ".join(c)),  # about 0.84 to both A and B
    ]
    verdicts, _ = dedup(second, tmp_path / "run2", CONFIG, index=DedupIndex.open(tmp_path / "index", CONFIG))
    assert verdicts == {"D": {}, "E": {}, "C": ("near_duplicate", "A")}


def test_runs_adding_at_the_same_time_are_refused(tmp_path: Path) -> None:
    _index_first_crawl(tmp_path)
    one = DedupIndex.open(tmp_path / "index", CONFIG)
    two = DedupIndex.open(tmp_path / "index", CONFIG)
    _, plan_one = dedup([Document(id="x1", text=_text(500))], tmp_path / "one", CONFIG, index=one)
    _, plan_two = dedup([Document(id="x2", text=_text(500))], tmp_path / "two", CONFIG, index=two)
    (tmp_path / "index" / ".lock").write_text("")
    with pytest.raises(InputError, match="being updated by another run"):
        one.add_run(plan_one.workdir, plan_one.shards, serial_map)
    (tmp_path / "index" / ".lock").unlink()
    assert one.add_run(plan_one.workdir, plan_one.shards, serial_map) == 2
    with pytest.raises(InputError, match="gained a run"):
        two.add_run(plan_two.workdir, plan_two.shards, serial_map)
    assert DedupIndex.open(tmp_path / "index", CONFIG).run_numbers == (1, 2)
    assert not (tmp_path / "index" / ".lock").exists()
