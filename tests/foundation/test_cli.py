"""The command line: a run end to end, and one-line errors with exit code 2."""

from __future__ import annotations

import gzip
from pathlib import Path

import orjson
import pytest

from tests.foundation.helpers import read_jsonl_gz, run_records, thresher_cli


def test_bad_flag_missing_input_and_bad_config_are_one_line_exit_2(tmp_path: Path) -> None:
    bad_config = tmp_path / "bad.toml"
    bad_config.write_text('[[steps]]\nname = "drop_empty"\nmin_chars = "many"\n')
    unknown_key = tmp_path / "unknown.toml"
    unknown_key.write_text("[output]\nfromat = 'jsonl'\n")
    text = tmp_path / "a.txt"
    text.write_text("some text")
    cases = {
        ("run", str(text), "-o", str(tmp_path / "o1"), "--bogus"): "--bogus",
        ("run", str(tmp_path / "missing.warc.gz"), "-o", str(tmp_path / "o2")): "input not found",
        (
            "run",
            str(text),
            "-o",
            str(tmp_path / "o3"),
            "--config",
            str(bad_config),
        ): "steps[0] (drop_empty).min_chars",
        (
            "run",
            str(text),
            "-o",
            str(tmp_path / "o4"),
            "--config",
            str(unknown_key),
        ): "output.fromat",
        ("run", str(text), "-o", str(tmp_path / "o5"), "--workers", "0"): "--workers",
    }
    for args, expected in cases.items():
        result = thresher_cli(*args)
        stderr = result.stderr.decode()
        assert result.returncode == 2, (args, stderr)
        assert expected in stderr, (args, stderr)
        assert "Traceback" not in stderr
        assert len([line for line in stderr.splitlines() if line.startswith("Error")]) == 1


def test_seed_page_gives_one_record_and_stats(shared_data: Path, tmp_path: Path) -> None:
    seed = shared_data / "seed" / "arabtoday-russia-iran.txt"
    result = thresher_cli("run", str(seed), "-o", str(tmp_path / "out"), "-q")
    assert result.returncode == 0, result.stderr.decode()
    records = run_records(tmp_path / "out")
    assert len(records) == 1
    assert str(records[0]["id"]).endswith("arabtoday-russia-iran.txt")
    assert set(records[0]) >= {"id", "text", "url", "metadata"}
    stats = orjson.loads((tmp_path / "out" / "stats.json").read_bytes())
    assert stats["documents_in"] == 1 and stats["kept"] == 1
    assert "stats.json" in result.stdout.decode()


def test_stdin_document(tmp_path: Path) -> None:
    html = b"<html><body><nav>Menu</nav><p>A page that arrives on standard input.</p></body></html>"
    config = tmp_path / "visible.toml"
    config.write_text('[[steps]]\nname = "html_to_text"\n')
    result = thresher_cli("run", "-", "-o", str(tmp_path / "out"), "-q", "--config", str(config), stdin=html)
    assert result.returncode == 0, result.stderr.decode()
    records = read_jsonl_gz(next((tmp_path / "out" / "data").glob("*.jsonl.gz")))
    assert "standard input" in str(records[0]["text"])


@pytest.mark.parametrize("fmt", ["txt", "json"])
def test_extract_command_prints_one_page(tmp_path: Path, fmt: str) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Notes on rivers</title></head><body>"
        "<p>Rivers carry water from the hills to the sea, shaping valleys on the way.</p>"
        "</body></html>"
    )
    result = thresher_cli("extract", str(page), "--format", fmt)
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    if fmt == "json":
        data = orjson.loads(out)
        assert "Rivers carry water" in data["text"]
    else:
        assert "Rivers carry water" in out


def test_sample_crawl_quick_start(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.warc.gz"
    assert thresher_cli("sample-crawl", str(crawl)).returncode == 0
    result = thresher_cli("run", str(crawl), "-o", str(tmp_path / "out"), "-q", "--workers", "2")
    assert result.returncode == 0, result.stderr.decode()
    stats = orjson.loads((tmp_path / "out" / "stats.json").read_bytes())
    assert stats["documents_in"] == 12
    assert stats["run"]["balanced"] is True
    skipped = stats["steps"]["read"]["skipped"]
    assert skipped["warc_request"] == 12 and skipped["non_html_content"] == 3
    assert stats["dropped"]["dedup:exact_duplicate"] == 1  # the republished story
    assert stats["kept"] == 8  # the eight articles; the three section fronts have no article
    with gzip.open(next((tmp_path / "out" / "data").glob("*.jsonl.gz")), "rb") as handle:
        texts = [orjson.loads(line)["text"] for line in handle]
    assert any("harbour bridge" in t for t in texts)
