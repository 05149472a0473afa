"""Putting the signals together: container vote, block density, structured data."""

from __future__ import annotations

from typing import Any

from thresher.extract.dom import Block, Page
from thresher.extract.scoring import candidate_scores, subtree_stats, top_candidate
from thresher.extract.select import Tuning, cleaned_out, joined_siblings, kept_blocks


def choose_blocks(page: Page, tuning: Tuning, structured: dict[str, Any],
                  everything: bool = False) -> list[Block]:
    """The blocks of the page's main content, in document order."""
    stats = subtree_stats(page)
    if everything:
        return [b for b in page.blocks if not stats.dead[b.owner]]
    scores = candidate_scores(page, stats)
    top = top_candidate(page, stats, scores)
    roots = joined_siblings(page, stats, scores, top, tuning)
    out = cleaned_out(page, stats, roots, tuning)
    return kept_blocks(page, roots, out, tuning)


def comment_blocks(page: Page, main: list[Block]) -> list[Block]:
    """Blocks inside user-comment sections that are not part of the main content."""
    inside = [False] * len(page.tags)
    for i in range(1, len(page.tags)):
        inside[i] = inside[page.parents[i]] or page.comment[i]
    chosen = {id(b) for b in main}
    return [b for b in page.blocks if inside[b.owner] and id(b) not in chosen
            and b.link_chars * 2 < len(b.text)]
