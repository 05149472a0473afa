"""Every page of the shared extraction data goes through a WARC run and is accounted for."""

from __future__ import annotations

import gzip
from pathlib import Path

import orjson

from tests.foundation.helpers import build_warc, run_records
from thresher.engines import LocalEngine
from thresher.pipeline.config import load_config
from thresher.pipeline.run import run_pipeline


def test_extraction_pages_as_warc(shared_data: Path, tmp_path: Path) -> None:
    pages = []
    for name in ("scrapinghub.jsonl.gz", "wceb.jsonl.gz"):
        with gzip.open(shared_data / "extraction" / name, "rb") as handle:
            for line in handle:
                record = orjson.loads(line)
                url = record["url"] or f"https://readability.example/{record['id']}"
                pages.append((url, record["html"].encode("utf-8"), "text/html; charset=utf-8"))
    warc = tmp_path / "extraction.warc.gz"
    assert build_warc(warc, pages) == 310
    report = run_pipeline([str(warc)], tmp_path / "out", load_config(None), engine=LocalEngine(1))
    stats = report.stats
    assert report.ok
    assert stats.documents_in == 310
    assert stats.is_balanced()
    assert stats.kept > 0  # quality rules may drop some pages, each with a step and reason
    rejects = run_records(tmp_path / "out", "rejects")
    assert len(rejects) == 310 - stats.kept
    assert all(r["reason"] for r in rejects)
