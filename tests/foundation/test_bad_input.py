"""Bad input is counted under a named reason, kept in the rejects, and never stops a run."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from tests.foundation.helpers import build_warc, page, read_jsonl_gz, run_records
from thresher.engines import LocalEngine
from thresher.pipeline.config import PipelineConfig, StepSpec, parse_config
from thresher.pipeline.run import RunReport, run_pipeline


def _config() -> PipelineConfig:
    return parse_config({"steps": [{"name": "html_to_text"}, {"name": "drop_empty"}]})


def _run(inputs: list[Path], out: Path, config: PipelineConfig | None = None) -> RunReport:
    report = run_pipeline([str(p) for p in inputs], out, config or _config(), engine=LocalEngine(1))
    assert report.ok, report.failed
    assert report.stats.is_balanced(), report.stats.to_json()
    return report


def _rejects(out: Path) -> list[dict[str, object]]:
    return run_records(out, "rejects")


def test_truncated_warc_gz_counts_the_cut_record(tmp_path: Path) -> None:
    full = tmp_path / "full.warc.gz"
    build_warc(
        full,
        [(f"https://a.example/{i}", page(f"Page {i}").encode(), "text/html") for i in range(6)],
    )
    data = full.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.75)])
    report = _run([cut], tmp_path / "out")
    read = report.stats.steps["read"]
    assert sum(read.errored.values()) >= 1
    assert report.stats.kept >= 3
    assert {r["step"] for r in _rejects(tmp_path / "out")} == {"read"}


def test_random_bytes_record_is_counted_and_reading_resumes(tmp_path: Path) -> None:
    first = tmp_path / "a.warc"
    second = tmp_path / "b.warc"
    build_warc(
        first,
        [(f"https://a.example/{i}", page(f"A{i}").encode(), "text/html") for i in range(3)],
        gz=False,
    )
    build_warc(
        second,
        [(f"https://b.example/{i}", page(f"B{i}").encode(), "text/html") for i in range(3)],
        gz=False,
    )
    headed = tmp_path / "headed.warc"  # a record header line followed by random bytes
    headed.write_bytes(
        first.read_bytes() + b"WARC/1.0\r\n" + os.urandom(4000) + b"\r\n\r\n" + second.read_bytes()
    )
    bare = tmp_path / "bare.warc"  # random bytes where a record should start
    bare.write_bytes(first.read_bytes() + os.urandom(4000) + second.read_bytes())
    report = _run([headed, bare], tmp_path / "out")
    assert report.stats.steps["read"].errored["warc_invalid_record"] == 2
    assert report.stats.kept == 12  # every real page survives the garbage between them


def test_undecodable_charset_and_binary_are_named(tmp_path: Path) -> None:
    pages_dir = tmp_path / "pages"
    pages_dir.mkdir()
    (pages_dir / "klingon.html").write_bytes(
        b'<html><head><meta charset="x-klingon"></head><body>'
        b"<p>caf\xe9 cr\xe8me br\xfbl\xe9e is on the menu today</p></body></html>"
    )
    (pages_dir / "binary.html").write_bytes(b"\x00\x01\x02" * 2000)
    (pages_dir / "garbage.html").write_bytes(bytes(range(128, 256)) * 50)
    report = _run([pages_dir], tmp_path / "out")
    errored = report.stats.steps["read"].errored
    assert errored["binary_content"] == 1
    # the unknown label is skipped and the page still decodes (cp1252 / detection)
    records = read_jsonl_gz(next((tmp_path / "out" / "data").glob("*.jsonl.gz")))
    assert any("crème" in str(r["text"]) for r in records)
    assert report.stats.documents_in == 3


def test_fifty_megabyte_page_is_dropped_as_too_large(tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    big.write_bytes(b"<html><body>" + b"<p>filler text for a huge page</p>" * 1_500_000 + b"</body></html>")
    assert big.stat().st_size > 50_000_000
    report = _run([big], tmp_path / "out")
    assert report.stats.steps["read"].dropped["too_large"] == 1
    rejects = _rejects(tmp_path / "out")
    assert rejects[0]["reason"] == "too_large"
    assert len(str(rejects[0]["preview"])) <= 2000  # the rejects file stays small


def test_page_nested_100000_divs_deep_goes_through(tmp_path: Path) -> None:
    deep = tmp_path / "deep.html"
    deep.write_text("<html><body>" + "<div>" * 100_000 + "deep text" + "</div>" * 100_000 + "</body></html>")
    report = _run([deep], tmp_path / "out")
    assert report.stats.kept == 1
    records = read_jsonl_gz(next((tmp_path / "out" / "data").glob("*.jsonl.gz")))
    assert records[0]["text"] == "deep text"


def test_empty_files_are_counted(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "empty.jsonl").write_bytes(b"")
    report = _run(
        [tmp_path / "empty.html", tmp_path / "empty.txt", tmp_path / "empty.jsonl"],
        tmp_path / "out",
    )
    assert report.stats.documents_in == 2  # an empty JSONL file holds no document
    assert report.stats.kept == 0
    assert sum(report.stats.dropped.values()) == 2
    assert {r["reason"] for r in _rejects(tmp_path / "out")} <= {"no_visible_text", "empty_text"}


def test_jsonl_line_that_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    lines = [
        orjson.dumps({"id": "a", "text": "A fine document with words."}),
        b"{this is not json",
        orjson.dumps(["a", "list"]),
        orjson.dumps({"id": "c", "body": "no text field"}),
        orjson.dumps({"id": "d", "html": "<p>An html document with words.</p>"}),
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    report = _run([path], tmp_path / "out")
    errored = report.stats.steps["read"].errored
    assert errored == {"invalid_json": 1, "not_an_object": 1, "missing_field": 1}
    assert report.stats.kept == 2
    assert {r["id"] for r in _rejects(tmp_path / "out")} == {f"{path}:2", f"{path}:3", "c"}


def test_truncated_jsonl_gz(tmp_path: Path) -> None:
    payload = b"".join(
        orjson.dumps({"id": str(i), "text": f"document {i} " * 50}) + b"\n" for i in range(200)
    )
    data = gzip.compress(payload)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    report = _run([path], tmp_path / "out")
    assert report.stats.steps["read"].errored["truncated_input"] == 1
    assert 0 < report.stats.kept < 200


def test_parquet_without_the_named_column(tmp_path: Path) -> None:
    good = tmp_path / "good.parquet"
    pq.write_table(pa.table({"id": ["x", "y"], "content": ["one text here", "another one"]}), good)
    config = parse_config({"reader": {"text_field": "content"}, "steps": [{"name": "drop_empty"}]})
    bad = tmp_path / "bad.parquet"
    pq.write_table(pa.table({"id": ["z"], "body": ["wrong column"]}), bad)
    report = _run([good, bad], tmp_path / "out", config)
    assert report.stats.steps["read"].errored["missing_column"] == 1
    assert report.stats.kept == 2
    rejects = _rejects(tmp_path / "out")
    assert "content" in str(rejects[0]["detail"]) and "body" in str(rejects[0]["detail"])


def test_a_step_that_raises_is_counted_not_fatal(tmp_path: Path) -> None:
    from tests.foundation.steps import ExplodeOnMarker

    texts = tmp_path / "t"
    texts.mkdir()
    (texts / "ok.txt").write_text("a perfectly fine text")
    (texts / "boom.txt").write_text("this one says EXPLODE")
    config = PipelineConfig(steps=(StepSpec("drop_empty"),))
    steps = (ExplodeOnMarker(),)
    report = run_pipeline([str(texts)], tmp_path / "out", config, engine=LocalEngine(1), steps=steps)
    assert report.stats.errored == {"explode_on_marker:exception:RuntimeError": 1}
    assert report.stats.kept == 1
    assert report.stats.is_balanced()
