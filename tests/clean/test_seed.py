"""The seed page (read from the shared data folder, never copied into the repository)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from thresher.clean import Cleaned, clean_text
from thresher.document import METADATA_KEYS


@pytest.fixture(scope="module")
def seed(shared_data: Path) -> tuple[Cleaned, dict[str, Any]]:
    folder = shared_data / "seed"
    expect = json.loads((folder / "arabtoday-russia-iran.expect.json").read_text("utf-8"))
    text = (folder / expect["file"]).read_text("utf-8")
    return clean_text(text), expect


def test_every_body_paragraph_kept_whole(seed: tuple[Cleaned, dict[str, Any]]) -> None:
    result, expect = seed
    kept = result.text.split("\n")
    missing = [line[:60] for line in expect["must_keep_lines"] if line not in kept]
    assert missing == []


def test_no_boilerplate_left(seed: tuple[Cleaned, dict[str, Any]]) -> None:
    result, expect = seed
    left = [s for s in expect["must_drop_substrings"] if s in result.text]
    assert left == []


def test_metadata_recovered(seed: tuple[Cleaned, dict[str, Any]]) -> None:
    result, expect = seed
    for key, value in expect["metadata"].items():
        assert result.metadata.get(key) == value, key


def test_only_documented_metadata_keys(seed: tuple[Cleaned, dict[str, Any]]) -> None:
    allowed = set(METADATA_KEYS)
    assert set(seed[0].metadata) <= allowed
