"""Accuracy gate over the shared extraction data (skips when the data is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from thresher.evaluate.extraction import evaluate, read_pages, thresher_extractor

# Floors just under what thresher reaches (see BENCHMARKS.md); a regression fails CI.
FLOORS = {"all": 0.962, "scrapinghub": 0.962, "wceb/readability": 0.967, "wceb/cleanportaleval": 0.951}


@pytest.mark.slow
def test_aeb_f1_floor(shared_data: Path) -> None:
    files = [shared_data / "extraction" / f for f in ("scrapinghub.jsonl.gz", "wceb.jsonl.gz")]
    if not all(f.is_file() for f in files):
        pytest.skip("extraction data absent")
    report, _ = evaluate(read_pages(files), [("thresher", thresher_extractor())])
    scores = report.scores["thresher"]
    for group, floor in FLOORS.items():
        assert scores[group].f1 >= floor, f"{group}: F1 {scores[group].f1:.4f} < {floor}"
