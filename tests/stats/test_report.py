"""The HTML report: every number of stats.json is there, rejected text is shown escaped."""

from __future__ import annotations

import re
from pathlib import Path

import orjson

from thresher.engines import LocalEngine
from thresher.pipeline.config import parse_config
from thresher.pipeline.run import run_pipeline


def test_report_shows_totals_reasons_and_escaped_examples(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "good.txt").write_text("A page with enough words to be kept by the pipeline.")
    (pages / "empty.txt").write_text("")
    (pages / "short.txt").write_text("<script>alert(1)</script>")
    config = parse_config({"steps": [{"name": "drop_empty", "min_chars": 30}]})
    report = run_pipeline([str(pages)], tmp_path / "out", config, engine=LocalEngine(1))
    page = (tmp_path / "out" / "report.html").read_text()
    summary = orjson.loads((tmp_path / "out" / "stats.json").read_bytes())
    assert report.stats.kept == 1
    assert "documents in = kept + dropped + errored: holds (3 = 1 + 2 + 0)" in page
    for reason, count in summary["dropped"].items():
        assert re.search(rf"{re.escape(reason)}</td><td>{count}</td>", page), reason
    assert "drop_empty:empty_text" in page and "drop_empty:too_short" in page
    assert "<script>alert(1)</script>" not in page  # rejected text is data, never markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
