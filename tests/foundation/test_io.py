"""Readers and writers: every input kind, mixed inputs, deterministic shard files."""

from __future__ import annotations

import codecs
import gzip
from pathlib import Path

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import zstandard

from tests.foundation.helpers import build_warc, page, read_jsonl_gz, run_records
from thresher.engines import LocalEngine
from thresher.errors import InputError
from thresher.html.encoding import decode_html_bytes
from thresher.io.sources import InputKind, discover_inputs, plan_shards
from thresher.pipeline.config import parse_config
from thresher.pipeline.run import run_pipeline


def _mixed_inputs(root: Path) -> list[Path]:
    warc = root / "c.warc.gz"
    build_warc(
        warc,
        [(f"https://w.example/{i}", page(f"W{i}").encode(), "text/html; charset=utf-8") for i in range(3)],
    )
    html_dir = root / "pages"
    html_dir.mkdir()
    for i in range(2):
        (html_dir / f"p{i}.html").write_text(page(f"H{i}"))
    (html_dir / "notes.md").write_text("not an input kind")  # ignored inside a directory
    jsonl = root / "docs.jsonl.zst"
    lines = b"".join(orjson.dumps({"id": f"j{i}", "text": f"JSON text {i}"}) + b"\n" for i in range(2))
    jsonl.write_bytes(zstandard.ZstdCompressor().compress(lines))
    parquet = root / "docs.parquet"
    pq.write_table(pa.table({"id": ["q1"], "url": ["https://q.example/"], "html": [page("Q1")]}), parquet)
    text = root / "plain.txt"
    text.write_text("A plain text document.")
    return [warc, html_dir, jsonl, parquet, text]


def test_mixed_inputs_in_one_run(tmp_path: Path) -> None:
    inputs = _mixed_inputs(tmp_path)
    files = discover_inputs([str(p) for p in inputs])
    assert [f.kind for f in files] == [
        InputKind.WARC, InputKind.HTML, InputKind.HTML, InputKind.JSONL, InputKind.PARQUET, InputKind.TEXT
    ]  # fmt: skip
    config = parse_config({"steps": [{"name": "html_to_text"}, {"name": "drop_empty"}]})
    report = run_pipeline([str(p) for p in inputs], tmp_path / "out", config, engine=LocalEngine(2))
    assert report.ok and report.stats.is_balanced()
    assert report.stats.kept == 9
    records = run_records(tmp_path / "out")
    assert {r["id"] for r in records} >= {
        "j0",
        "j1",
        "q1",
        str(tmp_path / "pages" / "p0.html"),
        str(tmp_path / "plain.txt"),
    }
    assert any(r["url"] == "https://w.example/0" for r in records)


def test_shard_plan_does_not_depend_on_workers(tmp_path: Path) -> None:
    inputs = _mixed_inputs(tmp_path)
    files = discover_inputs([str(p) for p in inputs])
    plan = plan_shards(files, files_per_shard=1)
    assert [s.id for s in plan] == [f"{i:05d}" for i in range(len(files))]
    assert len(plan_shards(files)) == 5  # the two HTML files share a shard


def test_same_output_with_one_or_two_workers(tmp_path: Path) -> None:
    inputs = [str(p) for p in _mixed_inputs(tmp_path)]
    config = parse_config({"steps": [{"name": "html_to_text"}]})
    run_pipeline(inputs, tmp_path / "one", config, engine=LocalEngine(1))
    run_pipeline(inputs, tmp_path / "two", config, engine=LocalEngine(2))
    one = {p.name: p.read_bytes() for p in (tmp_path / "one" / "data").iterdir()}
    two = {p.name: p.read_bytes() for p in (tmp_path / "two" / "data").iterdir()}
    assert one == two


def test_parquet_output_loads_with_pyarrow(tmp_path: Path) -> None:
    inputs = [str(p) for p in _mixed_inputs(tmp_path)]
    config = parse_config({"output": {"format": "parquet"}, "steps": [{"name": "html_to_text"}]})
    run_pipeline(inputs, tmp_path / "out", config, engine=LocalEngine(1))
    tables = [pq.read_table(p) for p in sorted((tmp_path / "out" / "data").glob("*.parquet"))]
    assert all(t.column_names == ["id", "text", "url", "metadata"] for t in tables)
    assert sum(t.num_rows for t in tables) == 9
    assert isinstance(orjson.loads(tables[0].column("metadata")[0].as_py()), dict)


def test_output_loads_into_hugging_face_datasets(tmp_path: Path) -> None:
    datasets = pytest.importorskip("datasets")
    inputs = [str(p) for p in _mixed_inputs(tmp_path)]
    config = parse_config({"steps": [{"name": "html_to_text"}]})
    run_pipeline(inputs, tmp_path / "out", config, engine=LocalEngine(1))
    files = sorted(str(p) for p in (tmp_path / "out" / "data").glob("*.jsonl.gz"))
    dataset = datasets.load_dataset("json", data_files=files, split="train", cache_dir=str(tmp_path / "hf"))
    assert dataset.num_rows == 9
    assert {"id", "text", "url", "metadata"} <= set(dataset.column_names)


def test_missing_inputs_raise_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="input not found"):
        discover_inputs([str(tmp_path / "nope.warc.gz")])
    with pytest.raises(InputError, match="no input matches"):
        discover_inputs([str(tmp_path / "*.warc.gz")])


@pytest.mark.parametrize(
    ("data", "charset", "method", "expected"),
    [
        ("<p>Grüße</p>".encode("cp1252"), "windows-1252", "header", "Grüße"),
        (codecs.BOM_UTF8 + "<p>Grüße</p>".encode(), None, "bom", "Grüße"),
        ('<meta charset="iso-8859-2"><p>Łódź</p>'.encode("iso-8859-2"), None, "meta", "Łódź"),
        ("<p>Grüße aus Köln</p>".encode(), None, "utf-8", "Grüße aus Köln"),
        (
            "<p>Всем привет, это длинный русский текст для проверки.</p>".encode("cp1251"),
            None,
            "detected",
            "привет",
        ),
    ],
)
def test_decoding_order(data: bytes, charset: str | None, method: str, expected: str) -> None:
    decoded = decode_html_bytes(data, charset)
    assert decoded.method == method
    assert expected in decoded.text


def test_gzip_output_is_byte_identical_across_runs(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("same text every time")
    config = parse_config({"steps": [{"name": "drop_empty"}]})
    run_pipeline([str(text)], tmp_path / "r1", config)
    run_pipeline([str(text)], tmp_path / "r2", config)
    first = next((tmp_path / "r1" / "data").glob("*.gz")).read_bytes()
    assert first == next((tmp_path / "r2" / "data").glob("*.gz")).read_bytes()
    assert gzip.decompress(first).count(b"\n") == 1


def test_parquet_output_reads_back_with_its_metadata(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("A text that goes through twice.")
    parquet = parse_config({"output": {"format": "parquet"}, "steps": [{"name": "drop_empty"}]})
    run_pipeline([str(text)], tmp_path / "first", parquet)
    again = parse_config({"steps": [{"name": "drop_empty"}]})
    run_pipeline(
        [str(p) for p in (tmp_path / "first" / "data").glob("*.parquet")], tmp_path / "second", again
    )
    records = read_jsonl_gz(next((tmp_path / "second" / "data").glob("*.jsonl.gz")))
    assert records[0]["metadata"]["encoding"] == "utf-8"  # type: ignore[index]
