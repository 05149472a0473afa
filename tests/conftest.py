"""Shared fixtures: where the shared evaluation data lives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]


def shared_data_path() -> Path:
    """``../shared/data`` beside the repository, or ``$THRESHER_SHARED_DATA``."""
    override = os.environ.get("THRESHER_SHARED_DATA")
    return Path(override) if override else REPO_ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The shared data folder; tests that need it are skipped when it is absent."""
    path = shared_data_path()
    if not path.is_dir():
        pytest.skip(f"shared data not found at {path}")
    return path
