"""Texts written for the filter tests."""

from __future__ import annotations

import pytest

PROSE_SENTENCES = [
    "The river runs past the old mill and through the quiet town before it reaches the sea.",
    "Farmers bring their vegetables to the market on Saturday mornings to sell them fresh.",
    "Children learn to swim in the lake during the long and warm days of the summer.",
    "A new bridge was built last year to replace the one that had been damaged by floods.",
    "Visitors often stop at the bakery that has been run by the same family for decades.",
    "In the evening the lights of the harbour reflect on the water like scattered coins.",
    "The library opens early so that students have a calm place to work before classes.",
    "Local musicians play in the square when the weather is good enough to stay outside.",
]


@pytest.fixture
def prose() -> str:
    """Eight distinct English sentences, one per line: passes every default rule."""
    return "\n".join(PROSE_SENTENCES)
