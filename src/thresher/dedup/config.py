"""Configuration of deduplication: which kinds run, MinHash shape, and the keep rules.

LSH banding with ``b`` bands of ``r`` rows makes a pair of Jaccard similarity ``s`` a
candidate with probability ``1 - (1 - s**r)**b`` (:func:`candidate_probability`);
:func:`choose_bands_rows` picks ``b, r`` for a threshold and a number of permutations.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum

from thresher.errors import ConfigError


class DedupReason(StrEnum):
    """Why a document left the corpus as a duplicate (``Drop.detail`` is the kept id)."""

    EXACT = "exact_duplicate"
    NEAR = "near_duplicate"
    URL = "url_duplicate"


class Verify(StrEnum):
    """How LSH candidate pairs are checked before they count as near duplicates.

    ``exact``: Jaccard similarity of the two shingle sets (kept on disk for this);
    ``signature``: the share of equal signature values (the MinHash estimate);
    ``none``: every pair sharing a band counts.
    """

    EXACT = "exact"
    SIGNATURE = "signature"
    NONE = "none"


class KeepRule(StrEnum):
    """Which document of a duplicate cluster is kept (ties: first seen)."""

    FIRST = "first"
    LONGEST = "longest"
    NEWEST = "newest"
    QUALITY = "quality"


def candidate_probability(similarity: float, bands: int, rows: int) -> float:
    """Probability that a pair of Jaccard ``similarity`` shares at least one band."""
    return 1.0 - (1.0 - similarity**rows) ** bands


def choose_bands_rows(threshold: float, num_perm: int, min_probability: float = 0.95) -> tuple[int, int]:
    """Bands and rows (``b * r <= num_perm``) for ``threshold``, recall first.

    The most rows (so the fewest dissimilar candidates) for which a pair at the
    threshold still becomes a candidate with probability ``>= min_probability``;
    candidates are verified afterwards, so a false candidate only costs time.
    """
    if not 0.0 < threshold < 1.0:
        raise ConfigError(f"threshold must be in (0, 1), got {threshold}")
    if num_perm < 1:
        raise ConfigError(f"num_perm must be >= 1, got {num_perm}")
    best = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if candidate_probability(threshold, bands, rows) >= min_probability:
            best = (bands, rows)
    return best


@dataclass(frozen=True, slots=True)
class MinHashConfig:
    """Shape of the MinHash signatures and LSH bands.

    ``bands``/``rows`` default to :func:`choose_bands_rows` for ``threshold``;
    candidate pairs count when their similarity, measured as ``verify`` says, is at
    least ``threshold``.
    """

    ngram: int = 5
    num_perm: int = 128
    threshold: float = 0.8
    bands: int | None = None
    rows: int | None = None
    seed: int = 1
    verify: Verify = Verify.EXACT

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "verify", Verify(self.verify))
        except ValueError:
            choices = ", ".join(mode.value for mode in Verify)
            raise ConfigError(f"verify must be one of {choices}, got {self.verify!r}") from None
        if not 1 <= self.ngram <= 64:
            raise ConfigError(f"ngram must be in [1, 64], got {self.ngram}")
        if not 1 <= self.num_perm <= 4096:
            raise ConfigError(f"num_perm must be in [1, 4096], got {self.num_perm}")
        if not 0.0 < self.threshold < 1.0:
            raise ConfigError(f"threshold must be in (0, 1), got {self.threshold}")
        if (self.bands is None) != (self.rows is None):
            raise ConfigError("bands and rows must be given together (or neither)")
        if self.bands is not None and self.rows is not None:
            if self.bands < 1 or self.rows < 1:
                raise ConfigError("bands and rows must be >= 1")
            if self.bands * self.rows > self.num_perm:
                raise ConfigError(
                    f"bands * rows = {self.bands * self.rows} exceeds num_perm = {self.num_perm}"
                )

    @property
    def band_shape(self) -> tuple[int, int]:
        """``(bands, rows)``, chosen for the threshold when not given."""
        if self.bands is not None and self.rows is not None:
            return self.bands, self.rows
        return choose_bands_rows(self.threshold, self.num_perm)


@dataclass(frozen=True, slots=True)
class DedupConfig:
    """What to deduplicate and how.

    ``keep`` decides within content clusters (exact and near duplicates),
    ``url_keep`` within documents of one normalised URL. ``date_field`` and
    ``score_field`` name the ``meta`` keys read by the ``newest`` and ``quality``
    rules. ``partitions`` is the number of bucket partitions of the shuffle.
    """

    exact: bool = True
    near: bool = True
    url: bool = True
    minhash: MinHashConfig = field(default_factory=MinHashConfig)
    keep: KeepRule = KeepRule.FIRST
    url_keep: KeepRule = KeepRule.NEWEST
    date_field: str = "date"
    score_field: str = "quality_score"
    partitions: int = 16

    def __post_init__(self) -> None:
        for key in ("keep", "url_keep"):
            value = getattr(self, key)
            try:
                object.__setattr__(self, key, KeepRule(value))
            except ValueError:
                choices = ", ".join(rule.value for rule in KeepRule)
                raise ConfigError(f"{key} must be one of {choices}, got {value!r}") from None
        if not 1 <= self.partitions <= 65536:
            raise ConfigError(f"partitions must be in [1, 65536], got {self.partitions}")
        if not (self.exact or self.near or self.url):
            raise ConfigError("at least one of exact, near, url must be enabled")


def expected_error(similarity: float, num_perm: int) -> float:
    """Standard deviation of the MinHash estimate of ``similarity``."""
    return math.sqrt(similarity * (1.0 - similarity) / num_perm)
