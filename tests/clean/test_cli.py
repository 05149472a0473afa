"""``thresher clean`` and ``thresher eval clean``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.clean.pages import EN, EN_BODY
from thresher.cli.main import cli


def test_clean_prints_the_article(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(EN.text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["clean", str(page)])
    assert result.exit_code == 0, result.output
    assert result.output.rstrip("\n").split("\n") == [EN.title, *EN_BODY]
    dropped = CliRunner().invoke(cli, ["clean", "--drop-title", str(page)])
    assert dropped.output.rstrip("\n").split("\n") == EN_BODY


def test_clean_explain_shows_every_line_with_its_reason() -> None:
    result = CliRunner().invoke(cli, ["clean", "--explain", "-"], input=EN.text)
    assert result.exit_code == 0, result.output
    assert "- form             Name *" in result.output
    assert "+ in_article       Budget and timeline" in result.output
    assert "# title: Old ferry terminal to become a public library" in result.output


def test_clean_json() -> None:
    result = CliRunner().invoke(cli, ["clean", "--format", "json", "--explain", "-"], input=EN.text)
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["metadata"]["title"] == EN.title
    assert record["dropped_lines"]["form"] >= 2
    assert len(record["lines"]) == len(EN.lines)


def test_clean_missing_file_is_a_clean_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["clean", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "input not found" in result.output


def test_eval_clean_reports_baselines_in_the_same_run(shared_data: Path, tmp_path: Path) -> None:
    data = shared_data / "textclean" / "dev.jsonl.gz"
    if not data.is_file():
        pytest.skip("textclean data absent")
    out = tmp_path / "pages.jsonl"
    args = ["eval", "clean", "--data", str(data), "--limit", "20", "--per-page", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    for name in ("thresher", "thresher+site", "identity", "c4_lines"):
        assert f"\n{name} " in result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 20
    assert set(rows[0]) >= {"id", "subset", "thresher", "identity", "c4_lines"}


def test_eval_clean_can_drop_the_headline(shared_data: Path, tmp_path: Path) -> None:
    data = shared_data / "textclean" / "dev.jsonl.gz"
    if not data.is_file():
        pytest.skip("textclean data absent")
    scores = {}
    for flag in ("--keep-title", "--drop-title"):
        out = tmp_path / f"{flag}.jsonl"
        args = ["eval", "clean", "--data", str(data), "--limit", "20", "--no-site", "--per-page", str(out)]
        result = CliRunner().invoke(cli, [*args, flag])
        assert result.exit_code == 0, result.output
        scores[flag] = [json.loads(line)["thresher"] for line in out.read_text().splitlines()]
    # scrapinghub's gold has no headline: dropping it raises precision on some page
    kept, dropped = scores["--keep-title"], scores["--drop-title"]
    assert any(d["p"] > k["p"] for k, d in zip(kept, dropped, strict=True))
