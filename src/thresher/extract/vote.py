"""Putting the signals together: container vote, block density, structured data."""

from __future__ import annotations

import dataclasses
from typing import Any

from thresher.extract.dom import Block, Page
from thresher.extract.scoring import (
    SENTENCE_END,
    Stats,
    candidate_scores,
    is_listing,
    subtree_stats,
    top_candidate,
)
from thresher.extract.selection import Tuning, cleaned_out, joined_siblings, kept_blocks, trimmed
from thresher.extract.structured import body_words, check_against_body

WIDEN_MIN = 200
RETRY_BELOW = 500
WIDEN_LEVELS = 2
WIDEN_LINKS = 0.25
COUSIN_LEVELS = 1
COUSIN_CHARS = 100


def choose_blocks(
    page: Page,
    tuning: Tuning,
    structured: dict[str, Any],
    everything: bool = False,
    drop_listings: bool = False,
) -> list[Block] | None:
    """The blocks of the page's main content, in document order; None for a listing page.

    Like Readability, a result shorter than ``RETRY_BELOW`` characters is retried with
    class/id names trusted less (first not pruning by name, then not weighting), and
    the first long enough result (else the longest) wins.
    """
    stats = subtree_stats(page, by_name=True)
    if everything:
        return [b for b in page.blocks if not stats.dead[b.owner]]
    scores = candidate_scores(page, stats)
    if drop_listings and is_listing(page, stats, scores):
        return None
    best: list[Block] = []
    best_chars = -1
    dead = stats.dead
    for by_name, weighted in ((True, True), (False, True), (False, False)):
        if not by_name:
            stats = subtree_stats(page, by_name=False)
            scores = candidate_scores(page, stats)
        blocks = _attempt(page, tuning, stats, scores, weighted)
        chars = sum(len(b.text) for b in blocks)
        if chars >= RETRY_BELOW:
            best = blocks
            break
        if chars > best_chars:
            best, best_chars = blocks, chars
    words = body_words(structured)
    if words is not None:
        best = check_against_body(page, best, words, dead)
    return trimmed(best) if tuning.trim_edges else best


def _attempt(
    page: Page, tuning: Tuning, stats: Stats, scores: dict[int, float], weighted: bool
) -> list[Block]:
    if not weighted:
        page = dataclasses.replace(page, weights=[0] * len(page.weights))
        scores = candidate_scores(page, stats)
    top = top_candidate(page, stats, scores)
    top = _widen(page, stats, top)
    roots = joined_siblings(page, stats, scores, top, tuning)
    out = cleaned_out(page, stats, scores, roots, tuning)
    kept = kept_blocks(page, roots, out, tuning)
    return _with_cousins(page, stats, scores, roots, kept, tuning)


def _with_cousins(
    page: Page, stats: Stats, scores: dict[int, float], roots: list[int], kept: list[Block], tuning: Tuning
) -> list[Block]:
    """Add prose blocks a few levels around the chosen content (split article bodies)."""
    area = roots[0]
    for _ in range(COUSIN_LEVELS):
        if area <= 0:
            break
        area = page.parents[area]
    if area <= 0:
        return kept
    out = cleaned_out(page, stats, scores, [area], tuning)
    chosen = {id(b) for b in kept}
    lo, hi = area, page.ends[area]
    return [
        block
        for block in page.blocks
        if id(block) in chosen or (lo <= block.owner <= hi and not out[block.owner] and _prose(block))
    ]


def _prose(block: Block) -> bool:
    length = len(block.text)
    return (
        length >= COUSIN_CHARS
        and block.link_chars < 0.1 * length
        and block.kind[0] != "h"
        and block.text.endswith(SENTENCE_END)
    )


def comment_blocks(page: Page, main: list[Block]) -> list[Block]:
    """Blocks inside user-comment sections that are not part of the main content."""
    inside = [False] * len(page.tags)
    in_form = [False] * len(page.tags)
    for i in range(1, len(page.tags)):
        inside[i] = inside[page.parents[i]] or page.comment[i]
        in_form[i] = in_form[page.parents[i]] or page.tags[i] == "form"
    for i, form in enumerate(in_form):
        inside[i] = inside[i] and not form  # the reply form is not a comment
    chosen = {id(b) for b in main}
    return [
        b for b in page.blocks if inside[b.owner] and id(b) not in chosen and b.link_chars * 2 < len(b.text)
    ]


def good_text(page: Page, stats: Stats) -> list[int]:
    """Characters of prose blocks (long, few links, not boilerplate) in each subtree."""
    good = [0] * len(page.tags)
    for block in page.blocks:
        length = len(block.text)
        if length >= 60 and block.link_chars < 0.2 * length and not stats.dead[block.owner]:
            good[block.owner] += length
    for i in range(len(page.tags) - 1, 0, -1):
        good[page.parents[i]] += good[i]
    return good


def _widen(page: Page, stats: Stats, top: int) -> int:
    """The highest of the next ``WIDEN_LEVELS`` ancestors that adds prose and few links.

    An ancestor qualifies when what it holds beyond ``top`` has at least ``WIDEN_MIN``
    characters of prose blocks and a link density of at most ``WIDEN_LINKS`` (a thread
    of posts, an article whose paragraphs sit in several wrappers).
    """
    if top <= 0:
        return top
    good = good_text(page, stats)
    chosen = node = top
    for _ in range(WIDEN_LEVELS):
        node = page.parents[node]
        if node <= 0:
            break
        extra_text = stats.text[node] - stats.text[top]
        extra_links = stats.links[node] - stats.links[top]
        if good[node] - good[top] >= WIDEN_MIN and extra_links <= WIDEN_LINKS * extra_text:
            chosen = node
    return chosen
