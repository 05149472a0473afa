"""Scoring main-content extractors on the shared record format (AEB shingle metric).

Records are gzip JSON Lines with ``id``, ``dataset``, ``subset``, ``url``, ``html`` and
``ground_truth_text``. Each extractor runs over every page; its CPU time is summed per
page and the AEB corpus score is reported per dataset and subset and over all pages.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thresher.evaluate.metrics import CorpusScore, score_corpus, score_page
from thresher.evaluate.records import SystemRun, labelled_records, subset_of

logger = logging.getLogger(__name__)
Extractor = Callable[[str, str | None], str]


@dataclass(frozen=True, slots=True)
class Page:
    """One labelled page."""

    id: str
    dataset: str
    subset: str
    url: str | None
    html: str
    truth: str


def read_pages(paths: Iterable[Path], limit: int | None = None) -> list[Page]:
    """Pages from gzip (or plain) JSON Lines files, at most ``limit`` per file."""
    return [
        Page(
            str(rec["id"]),
            rec.get("dataset") or path.stem,
            subset_of(rec, path),
            rec.get("url"),
            rec["html"],
            rec.get("ground_truth_text") or "",
        )
        for path, rec in labelled_records(paths, limit)
    ]


def run_system(name: str, extractor: Extractor, pages: list[Page]) -> SystemRun:
    """Run ``extractor`` on every page, timing CPU; a crash counts as an empty prediction."""
    run = SystemRun(name)
    for page in pages:
        started = time.process_time()
        try:
            text = extractor(page.html, page.url)
        except Exception as exc:  # a peer's crash on one page is data, not a stop
            logger.warning("%s failed on %s: %s", name, page.id, exc)
            run.errors += 1
            text = ""
        run.seconds += time.process_time() - started
        run.scores[page.id] = score_page(text, page.truth)
    return run


def groups(pages: list[Page]) -> dict[str, list[str]]:
    """Page ids by group: ``all``, each dataset, and each ``dataset/subset``."""
    out: dict[str, list[str]] = {"all": [p.id for p in pages]}
    for p in pages:
        out.setdefault(p.dataset, []).append(p.id)
        if p.subset != p.dataset:
            out.setdefault(f"{p.dataset}/{p.subset}", []).append(p.id)
    return out


def group_scores(run: SystemRun, group_ids: dict[str, list[str]]) -> dict[str, CorpusScore]:
    """The AEB corpus score of ``run`` on each group."""
    return {g: score_corpus(run.scores[i] for i in ids) for g, ids in group_ids.items()}


def per_page_rows(pages: list[Page], runs: list[SystemRun]) -> Iterator[dict[str, Any]]:
    """One JSON-able row per page with every system's precision, recall and F1."""
    for page in pages:
        row: dict[str, Any] = {"id": page.id, "dataset": page.dataset, "subset": page.subset, "url": page.url}
        for run in runs:
            s = run.scores[page.id]
            row[run.name] = {"p": s.precision, "r": s.recall, "f1": round(s.f1, 4)}
        yield row


def thresher_extractor(mode: str = "balanced") -> Extractor:
    """thresher's extractor as ``html, url -> text``."""
    from thresher.extract.api import ExtractOptions, extract_with

    options = ExtractOptions(mode=mode)  # type: ignore[arg-type]

    def run(html: str, url: str | None) -> str:
        return extract_with(html, url, options).text

    return run


@dataclass(frozen=True, slots=True)
class Report:
    """Scores of every system on every group, speeds, and speed ratios against thresher."""

    groups: dict[str, int]  # group -> pages
    scores: dict[str, dict[str, CorpusScore]]  # system -> group -> score
    pages_per_second: dict[str, float]
    errors: dict[str, int]

    def speed_ratio(self, system: str, against: str = "thresher") -> float:
        """How many times faster ``against`` is than ``system`` (CPU time)."""
        mine = self.pages_per_second.get(against, 0.0)
        theirs = self.pages_per_second.get(system, 0.0)
        return mine / theirs if theirs else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "groups": self.groups,
            "pages_per_second": self.pages_per_second,
            "errors": self.errors,
            "scores": {
                system: {
                    g: {
                        "f1": s.f1,
                        "precision": s.precision,
                        "recall": s.recall,
                        "empty": s.empty_predictions,
                    }
                    for g, s in by_group.items()
                }
                for system, by_group in self.scores.items()
            },
        }


def evaluate(pages: list[Page], systems: list[tuple[str, Extractor]]) -> tuple[Report, list[SystemRun]]:
    """Run every system over ``pages`` (one after another, same process) and score them."""
    runs = [run_system(name, extractor, pages) for name, extractor in systems]
    ids = groups(pages)
    report = Report(
        groups={g: len(v) for g, v in ids.items()},
        scores={run.name: group_scores(run, ids) for run in runs},
        pages_per_second={run.name: run.pages_per_second() for run in runs},
        errors={run.name: run.errors for run in runs},
    )
    return report, runs
