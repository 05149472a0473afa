"""Inputs behind fsspec URLs: read like local files (here from fsspec's in-memory file system)."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import fsspec
import orjson
import pytest

from tests.foundation.helpers import page, run_records
from thresher.engines import LocalEngine
from thresher.errors import InputError
from thresher.io.sources import InputKind, discover_inputs
from thresher.io.warc_records import write_html_warc
from thresher.pipeline.config import parse_config
from thresher.pipeline.run import run_pipeline


@pytest.fixture
def memory_crawl(tmp_path: Path) -> Iterator[str]:
    fs = fsspec.filesystem("memory")
    warc = tmp_path / "local.warc.gz"
    write_html_warc(warc, [(f"https://m.example/{i}", page(f"M{i}").encode(), "text/html") for i in range(3)])
    fs.pipe("/crawl/part-0.warc.gz", warc.read_bytes())
    lines = b"".join(
        orjson.dumps({"id": f"j{i}", "text": f"A JSON document number {i}."}) + b"\n" for i in range(2)
    )
    fs.pipe("/crawl/docs.jsonl.gz", gzip.compress(lines))
    fs.pipe("/crawl/notes.md", b"not an input")
    yield "memory://crawl"
    fs.rm("/crawl", recursive=True)


def test_folder_and_glob_urls_are_discovered(memory_crawl: str) -> None:
    folder = discover_inputs([memory_crawl])
    assert [(f.path, f.kind) for f in folder] == [
        ("memory:///crawl/docs.jsonl.gz", InputKind.JSONL),
        ("memory:///crawl/part-0.warc.gz", InputKind.WARC),
    ]
    assert [f.path for f in discover_inputs([f"{memory_crawl}/*.warc.gz"])] == [
        "memory:///crawl/part-0.warc.gz"
    ]
    with pytest.raises(InputError, match="input not found"):
        discover_inputs(["memory://nowhere/x.warc.gz"])


def test_a_run_reads_url_inputs(memory_crawl: str, tmp_path: Path) -> None:
    config = parse_config({"steps": [{"name": "html_to_text"}, {"name": "drop_empty"}]})
    report = run_pipeline([memory_crawl], tmp_path / "out", config, engine=LocalEngine(1))
    assert report.ok and report.stats.is_balanced()
    assert report.stats.documents_in == 5 and report.stats.kept == 5
    records = run_records(tmp_path / "out")
    assert any("M1: paragraph" in str(r["text"]) for r in records)
