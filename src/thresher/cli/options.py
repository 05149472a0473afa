"""Option groups that several commands share, declared once."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

from thresher.dedup.config import Verify

F = TypeVar("F", bound=Callable[..., object])


def minhash_options(command: F) -> F:
    """``--threshold --num-perm --bands --rows --ngram --verify``: the MinHash-LSH settings."""
    options = [
        click.option(
            "--threshold",
            default=0.8,
            show_default=True,
            type=click.FloatRange(0, 1, min_open=True, max_open=True),
            help="Jaccard similarity of near duplicates.",
        ),
        click.option(
            "--num-perm",
            default=128,
            show_default=True,
            type=click.IntRange(min=1),
            help="MinHash permutations.",
        ),
        click.option(
            "--bands", type=click.IntRange(min=1), help="LSH bands (default: chosen for the threshold)."
        ),
        click.option("--rows", type=click.IntRange(min=1), help="Rows per band (with --bands)."),
        click.option(
            "--ngram", default=5, show_default=True, type=click.IntRange(min=1), help="Words per shingle."
        ),
        click.option(
            "--verify",
            type=click.Choice([v.value for v in Verify]),
            default="exact",
            show_default=True,
            help="How candidate pairs are checked.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command
