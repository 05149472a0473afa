"""Accuracy gate over the shared text-cleaning data (AEB shingle F1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from thresher.evaluate.cleaning import (
    c4_lines,
    group_ids,
    group_scores,
    read_text_pages,
    run_cleaner,
    thresher_cleaner,
)

# Floors just under what thresher reaches on dev.jsonl.gz (see BENCHMARKS.md).
FLOOR_ALL = 0.915


@pytest.mark.slow
def test_textclean_gate(shared_data: Path) -> None:
    path = shared_data / "textclean" / "dev.jsonl.gz"
    if not path.is_file():
        pytest.skip("textclean data absent")
    pages = read_text_pages([path])
    groups = group_ids(pages)
    ours = group_scores(run_cleaner("thresher", thresher_cleaner(), pages), groups)
    c4 = group_scores(run_cleaner("c4", c4_lines, pages), groups)
    assert ours["all"].f1 >= FLOOR_ALL
    for subset in groups:
        assert ours[subset].f1 > c4[subset].f1, subset


@pytest.mark.slow
def test_site_table_does_not_hurt(shared_data: Path) -> None:
    from thresher.evaluate.cleaning import site_table_for

    path = shared_data / "textclean" / "dev.jsonl.gz"
    if not path.is_file():
        pytest.skip("textclean data absent")
    pages = read_text_pages([path])
    groups = group_ids(pages)
    plain = group_scores(run_cleaner("t", thresher_cleaner(), pages), groups)
    table = site_table_for(pages)
    sited = group_scores(run_cleaner("s", thresher_cleaner(site_table=table), pages), groups)
    assert sited["all"].f1 > plain["all"].f1 + 0.003
    for subset in groups:
        assert sited[subset].f1 >= plain[subset].f1 - 0.005, subset
