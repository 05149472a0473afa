"""The shingle metric of the Scrapinghub/Zyte Article Extraction Benchmark (AEB).

Tokens are the matches of ``\\w+`` (Unicode, case kept); shingles are the 4-grams of
those tokens (a text of fewer than 4 tokens gives one shorter shingle). Shingles
are matched as multisets, giving tp, fp and fn per page, normalised to sum to 1.
Corpus precision is the mean page precision over pages with a non-empty prediction,
recall the mean page recall over all pages, and F1 = 2PR/(P+R) of the two means.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")
SHINGLE_SIZE = 4


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Multiset of token n-grams of ``text`` (AEB rules)."""
    tokens = _TOKEN.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


@dataclass(frozen=True, slots=True)
class PageScore:
    """Precision and recall of one prediction; precision is None for an empty prediction."""

    precision: float | None
    recall: float

    @property
    def f1(self) -> float:
        p = self.precision or 0.0
        return 2 * p * self.recall / (p + self.recall) if p + self.recall else 0.0


def score_page(prediction: str, truth: str) -> PageScore:
    """Score one page's predicted text against its ground truth."""
    pred = shingles(prediction)
    gold = shingles(truth)
    if not pred:
        return PageScore(precision=None, recall=0.0 if gold else 1.0)
    tp = sum((pred & gold).values())
    fp = sum(pred.values()) - tp
    fn = sum(gold.values()) - tp
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return PageScore(precision=precision, recall=recall)


@dataclass(frozen=True, slots=True)
class CorpusScore:
    """AEB corpus score: means of page precision and recall, F1 of the means."""

    precision: float
    recall: float
    pages: int
    empty_predictions: int

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_corpus(pages: Iterable[PageScore]) -> CorpusScore:
    """Aggregate page scores the AEB way."""
    page_list = list(pages)
    precisions = [p.precision for p in page_list if p.precision is not None]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(p.recall for p in page_list) / len(page_list) if page_list else 0.0
    return CorpusScore(
        precision=precision,
        recall=recall,
        pages=len(page_list),
        empty_predictions=len(page_list) - len(precisions),
    )
