"""Fixtures of the text-cleaning tests: the shared development pages, read once."""

from __future__ import annotations

from pathlib import Path

import pytest

from thresher.evaluate.cleaning import TextPage, read_text_pages


@pytest.fixture(scope="session")
def textclean_pages(shared_data: Path) -> list[TextPage]:
    """The 310 pages of ``textclean/dev.jsonl.gz`` (skipped when the file is absent)."""
    path = shared_data / "textclean" / "dev.jsonl.gz"
    if not path.is_file():
        pytest.skip("textclean data absent")
    return read_text_pages([path])
