"""Deduplication: exact (normalised text), near (MinHash-LSH) and URL duplicates.

Runs as explicit stages across shards (see :mod:`thresher.dedup.runner`), with an
optional persistent index (:class:`DedupIndex`) so later crawls are deduplicated
against what earlier runs kept.
"""

from thresher.dedup.config import (
    DedupConfig,
    DedupReason,
    KeepRule,
    MinHashConfig,
    Verify,
    candidate_probability,
    choose_bands_rows,
)
from thresher.dedup.filtering import apply_plan
from thresher.dedup.index import DedupIndex
from thresher.dedup.minhash import MinHasher
from thresher.dedup.runner import DedupPlan, plan_dedup, serial_map
from thresher.dedup.sources import FileShard, MemoryShard
from thresher.dedup.urls import normalize_url

__all__ = [
    "DedupConfig",
    "DedupIndex",
    "DedupPlan",
    "DedupReason",
    "FileShard",
    "KeepRule",
    "MemoryShard",
    "MinHashConfig",
    "MinHasher",
    "Verify",
    "apply_plan",
    "candidate_probability",
    "choose_bands_rows",
    "normalize_url",
    "plan_dedup",
    "serial_map",
]
