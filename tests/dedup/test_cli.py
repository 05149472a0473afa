"""``thresher dedup`` and ``thresher eval dedup`` from the command line."""

from __future__ import annotations

import gzip
from pathlib import Path

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
from click.testing import CliRunner

from tests.dedup.helpers import words
from thresher.cli.main import cli


def _records() -> list[dict[str, object]]:
    records: list[dict[str, object]] = [
        {"id": f"r{i}", "text": " ".join(words(200 + i)), "url": f"http://p.org/{i}"} for i in range(6)
    ]
    near = words(201)
    near[5] = "different"
    records += [
        {"id": "copy-of-r0", "text": str(records[0]["text"]).upper()},
        {"id": "near-r1", "text": " ".join(near)},
        {"id": "url-r2", "text": "another text", "url": "https://www.p.org/2"},
    ]
    return records


def _write_jsonl_gz(path: Path, records: list[dict[str, object]], junk: bool = False) -> None:
    with gzip.open(path, "wb") as handle:
        for record in records:
            handle.write(orjson.dumps(record) + b"\n")
        if junk:
            handle.write(b"{not json\n")


def _read_jsonl_gz(path: Path) -> list[dict[str, object]]:
    with gzip.open(path, "rb") as handle:
        return [orjson.loads(line) for line in handle]


def test_dedup_jsonl(tmp_path: Path) -> None:
    records = _records()
    _write_jsonl_gz(tmp_path / "a.jsonl.gz", records[:4])
    _write_jsonl_gz(tmp_path / "b.jsonl.gz", records[4:], junk=True)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["dedup", str(tmp_path / "a.jsonl.gz"), str(tmp_path / "b.jsonl.gz"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    kept = _read_jsonl_gz(out / "data" / "00000.jsonl.gz") + _read_jsonl_gz(out / "data" / "00001.jsonl.gz")
    assert [r["id"] for r in kept] == [f"r{i}" for i in range(6)]
    assert kept[0]["metadata"]["dedup_cluster"] == "r0"  # type: ignore[index]
    assert kept[0]["metadata"]["dedup_cluster_size"] == 2  # type: ignore[index]
    drops = {
        d["id"]: (d["reason"], d["duplicate_of"]) for d in _read_jsonl_gz(out / "drops" / "00001.jsonl.gz")
    }
    assert drops == {
        "copy-of-r0": ("exact_duplicate", "r0"),
        "near-r1": ("near_duplicate", "r1"),
        "url-r2": ("url_duplicate", "r2"),
    }
    stats = orjson.loads((out / "stats.json").read_bytes())
    assert stats["documents"] == 9
    assert stats["kept"] == 6
    assert stats["errored"] == 1
    assert stats["dropped"] == {"exact_duplicate": 1, "near_duplicate": 1, "url_duplicate": 1}
    assert not (out / "_work").exists()


def test_dedup_parquet_in_parquet_out(tmp_path: Path) -> None:
    records = _records()
    table = pa.Table.from_pylist([{"id": r["id"], "text": r["text"], "url": r.get("url")} for r in records])
    pq.write_table(table, tmp_path / "in.parquet")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["dedup", str(tmp_path / "in.parquet"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    kept = pq.read_table(out / "data" / "00000.parquet").to_pylist()
    assert [r["id"] for r in kept] == [f"r{i}" for i in range(6)]


def test_dedup_with_index_across_runs(tmp_path: Path) -> None:
    records = _records()
    _write_jsonl_gz(tmp_path / "first.jsonl.gz", records[:6])
    _write_jsonl_gz(tmp_path / "second.jsonl.gz", [*records[6:], {"id": "fresh", "text": "brand new"}])
    index = tmp_path / "index"
    runner = CliRunner()
    first = runner.invoke(
        cli, ["dedup", str(tmp_path / "first.jsonl.gz"), "-o", str(tmp_path / "o1"), "--index", str(index)]
    )
    assert first.exit_code == 0, first.output
    second = runner.invoke(
        cli, ["dedup", str(tmp_path / "second.jsonl.gz"), "-o", str(tmp_path / "o2"), "--index", str(index)]
    )
    assert second.exit_code == 0, second.output
    kept = _read_jsonl_gz(tmp_path / "o2" / "data" / "00000.jsonl.gz")
    assert [r["id"] for r in kept] == ["fresh"]
    drops = {d["id"]: d["duplicate_of"] for d in _read_jsonl_gz(tmp_path / "o2" / "drops" / "00000.jsonl.gz")}
    assert drops == {"copy-of-r0": "r0", "near-r1": "r1", "url-r2": "r2"}


def test_foreign_index_is_a_clear_error(tmp_path: Path) -> None:
    _write_jsonl_gz(tmp_path / "a.jsonl.gz", _records())
    foreign = tmp_path / "not-an-index"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("hello")
    result = CliRunner().invoke(
        cli, ["dedup", str(tmp_path / "a.jsonl.gz"), "-o", str(tmp_path / "o"), "--index", str(foreign)]
    )
    assert result.exit_code == 2
    assert "not a thresher dedup index" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_eval_dedup_synthetic(tmp_path: Path) -> None:
    out = tmp_path / "eval.json"
    result = CliRunner().invoke(cli, ["eval", "dedup", "--synthetic", "400", "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "precision" in result.output
    (evaluation,) = orjson.loads(out.read_bytes())
    assert evaluation["true_pairs"] > 10
    assert evaluation["precision"] >= 0.95
    assert evaluation["recall"] >= 0.95


def test_eval_dedup_on_files(tmp_path: Path) -> None:
    _write_jsonl_gz(tmp_path / "a.jsonl.gz", _records())
    result = CliRunner().invoke(cli, ["eval", "dedup", str(tmp_path / "a.jsonl.gz"), "--sample", "50"])
    assert result.exit_code == 0, result.output
    assert "9 documents, 2 pairs with Jaccard >= 0.8" in result.output


def test_eval_dedup_needs_data() -> None:
    result = CliRunner().invoke(cli, ["eval", "dedup"])
    assert result.exit_code == 2
    assert "--synthetic" in result.output


def test_html_input_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>hello</p></body></html>")
    result = CliRunner().invoke(cli, ["dedup", str(page), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "dedup reads JSONL, Parquet or text files; found html" in result.output


def test_missing_input_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["dedup", str(tmp_path / "nothing.jsonl"), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "nothing.jsonl" in result.output
