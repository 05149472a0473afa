"""Scoring text cleaners on full-page text (``textclean`` records, AEB shingle metric).

Records are gzip JSON Lines with ``id``, ``subset``, ``url``, ``site``, ``full_text`` and
``ground_truth_text``. Every system runs over every page in the same run: thresher's
cleaner, thresher with a site table counted over the same pages (two passes), and
the two baselines: identity (the full text as it is) and C4's line rules.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thresher.evaluate.metrics import CorpusScore, score_corpus, score_page
from thresher.evaluate.records import SystemRun, labelled_records, subset_of

Cleaner = Callable[[str, str | None], str]
PassCleaner = Callable[[list["TextPage"]], list[str]]  # every page's cleaned text, in order


@dataclass(frozen=True, slots=True)
class TextPage:
    """One labelled page of full text."""

    id: str
    subset: str
    url: str | None
    site: str | None
    text: str
    truth: str


CleanerRun = SystemRun  # a cleaner's scored run


def read_text_pages(paths: Iterable[Path], limit: int | None = None) -> list[TextPage]:
    """Pages from gzip (or plain) JSON Lines files, at most ``limit`` per file."""
    return [
        TextPage(
            id=str(rec["id"]),
            subset=subset_of(rec, path),
            url=rec.get("url"),
            site=rec.get("site"),
            text=rec.get("full_text") or "",
            truth=rec.get("ground_truth_text") or "",
        )
        for path, rec in labelled_records(paths, limit)
    ]


def run_cleaner(name: str, cleaner: Cleaner, pages: list[TextPage]) -> CleanerRun:
    """Run ``cleaner`` on every page, then score each page (see :func:`run_pass`)."""
    return run_pass(name, lambda batch: [cleaner(page.text, page.url) for page in batch], pages)


def run_pass(name: str, clean_all: PassCleaner, pages: list[TextPage]) -> CleanerRun:
    """Clean every page with ``clean_all``, then score each page.

    The pages are cleaned one after the other, as over a crawl, and that pass is timed
    in CPU time; scoring comes after it (scored between pages, every cleaner would also
    pay for the scorer's memory traffic pushing its own data out of the CPU caches)."""
    run = CleanerRun(name)
    started = time.process_time()
    texts = clean_all(pages)
    run.seconds = time.process_time() - started
    for page, text in zip(pages, texts, strict=True):
        run.scores[page.id] = score_page(text, page.truth)
    return run


def group_ids(pages: list[TextPage], by_site: bool = False) -> dict[str, list[str]]:
    """Page ids by group: ``all`` and each subset (or each site)."""
    out: dict[str, list[str]] = {"all": [p.id for p in pages]}
    for p in pages:
        key = (p.site or "(no site)") if by_site else p.subset
        out.setdefault(key, []).append(p.id)
    return out


def group_scores(run: CleanerRun, groups: dict[str, list[str]]) -> dict[str, CorpusScore]:
    """The AEB corpus score of ``run`` on each group."""
    return {g: score_corpus(run.scores[i] for i in ids) for g, ids in groups.items()}


def per_page_rows(pages: list[TextPage], runs: list[CleanerRun]) -> Iterator[dict[str, Any]]:
    """One JSON-able row per page with every cleaner's precision, recall and F1."""
    for page in pages:
        row: dict[str, Any] = {"id": page.id, "subset": page.subset, "site": page.site}
        for run in runs:
            s = run.scores[page.id]
            row[run.name] = {"p": s.precision, "r": s.recall, "f1": round(s.f1, 4)}
        yield row


def identity(text: str, url: str | None) -> str:
    """The identity baseline: the full text as it is."""
    return text


_C4_BRACKETS = re.compile(r"\[\d+\]|\[edit\]|\[citation needed\]", re.IGNORECASE)
_C4_BAD = re.compile(
    r"javascript|lorem ipsum|\{|terms of use|privacy policy|cookie policy|uses cookies|"
    r"use of cookies|use cookies",
    re.IGNORECASE,
)
_C4_END = (".", "?", "!", '"')


def c4_lines(text: str, url: str | None) -> str:
    """C4's line rules (Raffel et al. 2020), page-level rules left out."""
    kept: list[str] = []
    for raw in text.splitlines():
        line = _C4_BRACKETS.sub("", raw).strip()
        words = line.split()
        if len(words) < 5 or not line.endswith(_C4_END) or line.endswith("..."):
            continue
        if any(len(w) > 1000 for w in words) or _C4_BAD.search(line):
            continue
        kept.append(line)
    return "\n".join(kept)


def thresher_cleaner(**options: Any) -> Cleaner:
    """thresher's text cleaner as ``text, url -> text``.

    The language model and the stop-word lists are loaded here, before any page is
    timed: loading them is a once-per-process cost (a step's setup), not a per-page one.
    """
    from thresher.clean.api import CleanOptions, clean_with, load_resources

    opts = CleanOptions(**options)
    load_resources()

    def run(text: str, url: str | None) -> str:
        return clean_with(text, url, opts).text

    return run


def thresher_pass(**options: Any) -> PassCleaner:
    """thresher's text cleaner over a list of pages, as the pipeline runs it
    (:func:`~thresher.clean.api.clean_many`: languages detected a batch at a time);
    resources loaded as by :func:`thresher_cleaner`."""
    from thresher.clean.api import CleanOptions, clean_many, load_resources

    opts = CleanOptions(**options)
    load_resources()

    def run(pages: list[TextPage]) -> list[str]:
        return [result.text for result in clean_many(((p.text, p.url) for p in pages), opts)]

    return run


def site_table_for(pages: list[TextPage]) -> Any:
    """Pass 1: the site line table counted over ``pages`` (a SiteLineTable)."""
    from thresher.clean.site import SiteLineTable

    table = SiteLineTable()
    table.add_pages((page.url, page.text) for page in pages)
    return table


def standard_runs(pages: list[TextPage], site: bool = True, keep_title: bool = True) -> list[CleanerRun]:
    """thresher (with and without the site table), identity and C4, on the same pages
    (``keep_title``: thresher's option, the headline in the text or not)."""
    runs = [
        run_pass("thresher", thresher_pass(keep_title=keep_title), pages),
        run_cleaner("identity", identity, pages),
        run_cleaner("c4_lines", c4_lines, pages),
    ]
    if site:
        started = time.process_time()
        table = site_table_for(pages)
        count_seconds = time.process_time() - started
        run = run_pass("thresher+site", thresher_pass(site_table=table, keep_title=keep_title), pages)
        run.seconds += count_seconds
        runs.insert(1, run)
    return runs
