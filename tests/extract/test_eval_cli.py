"""``thresher eval extract`` on a tiny labelled file written by the test."""

from __future__ import annotations

import gzip
import pickle
from pathlib import Path

import orjson
from click.testing import CliRunner

from thresher.cli.eval_extract import command
from thresher.extract.step import Extract

STORY = "The ferry timetable changes on Monday, with two extra crossings in the evening. " * 4


def _write_pages(path: Path) -> None:
    records = [
        {"id": "a", "dataset": "toy", "subset": "news", "url": None,
         "html": f"<html><body><nav><a href='/'>Home</a></nav><article><p>{STORY}</p></article>"
                 "<footer>Contact us</footer></body></html>",
         "ground_truth_text": STORY},
        {"id": "b", "dataset": "toy", "subset": "blog", "url": "https://example.org/b",
         "html": f"<html><body><div class='post'><p>{STORY}</p><p>{STORY}</p></div></body></html>",
         "ground_truth_text": STORY + "\n" + STORY},
    ]  # fmt: skip
    with gzip.open(path, "wb") as handle:
        for record in records:
            handle.write(orjson.dumps(record) + b"\n")


def test_eval_extract_reports_groups_and_writes_per_page_scores(tmp_path: Path) -> None:
    data, per_page, summary = tmp_path / "pages.jsonl.gz", tmp_path / "pp.jsonl", tmp_path / "s.json"
    _write_pages(data)
    args = ["--data", str(data), "--per-page", str(per_page), "--json", str(summary)]
    result = CliRunner().invoke(command, args)
    assert result.exit_code == 0, result.output
    assert "toy/news" in result.output and "toy/blog" in result.output
    rows = [orjson.loads(line) for line in per_page.read_bytes().splitlines()]
    assert [row["id"] for row in rows] == ["a", "b"]
    assert all(row["thresher"]["f1"] == 1.0 for row in rows)
    report = orjson.loads(summary.read_bytes())
    assert report["scores"]["thresher"]["all"]["f1"] == 1.0


def test_unknown_peer_is_a_usage_error(tmp_path: Path) -> None:
    data = tmp_path / "pages.jsonl.gz"
    _write_pages(data)
    result = CliRunner().invoke(command, ["--data", str(data), "--peers", "nonesuch"])
    assert result.exit_code == 2 and "nonesuch" in result.output


def test_step_pickles_with_its_options() -> None:
    step = pickle.loads(pickle.dumps(Extract(output="markdown", mode="precision")))
    assert step.output == "markdown" and step.mode == "precision"
