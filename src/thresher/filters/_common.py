"""Helpers shared by the quality filters: language resolution, signals, threshold checks."""

from __future__ import annotations

import unicodedata
from typing import Any

from thresher.document import Document
from thresher.errors import ConfigError
from thresher.filters.languages import ENGLISH, LanguageProfile, profile_for

SIGNALS_KEY = "signals"


def resolve_profile(doc: Document, configured: str | None) -> LanguageProfile:
    """The configured language, else the document's detected one, else English."""
    if configured:
        return profile_for(configured)
    detected = doc.meta.get("language")
    return profile_for(detected) if isinstance(detected, str) and detected else profile_for(ENGLISH)


def store_signals(doc: Document, values: dict[str, Any]) -> None:
    """Merge ``values`` into ``doc.meta["signals"]`` (created on first use)."""
    signals = doc.meta.get(SIGNALS_KEY)
    if not isinstance(signals, dict):
        signals = {}
        doc.meta[SIGNALS_KEY] = signals
    signals.update(values)


def is_symbol_word(word: str) -> bool:
    """True when ``word`` has no letter, digit or mark: punctuation, symbols, emoji only."""
    if word[:1].isalnum():
        return False
    return not any(char.isalnum() or unicodedata.category(char)[0] == "M" for char in word)


def check_ratio(step: str, key: str, value: float | None) -> None:
    """ConfigError unless ``value`` is None or a number in [0, 1]."""
    if value is not None and not 0 <= value <= 1:
        raise ConfigError(f"{step}.{key} must be between 0 and 1 (got {value!r})")


def check_non_negative(step: str, key: str, value: float | None) -> None:
    """ConfigError unless ``value`` is None or >= 0."""
    if value is not None and value < 0:
        raise ConfigError(f"{step}.{key} must be >= 0 (got {value!r})")
