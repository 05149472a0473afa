"""From the chosen container to the list of blocks that make the main content."""

from __future__ import annotations

from dataclasses import dataclass

from thresher.extract.dom import Block, Page
from thresher.extract.scoring import CLEANABLE_TAGS, SENTENCE_END, Stats, children

SHORT_NEGATIVE_BLOCK = 200
EDGE_CHARS = 50
DIV_SIBLING_CHARS = 500


@dataclass(frozen=True, slots=True)
class Tuning:
    """Thresholds of one extraction mode (precision, balanced, recall)."""

    sibling_ratio: float = 0.2
    clean_density: float = 0.25  # link density above which a low-comma subtree is cut
    clean_density_positive: float = 0.5  # the same for subtrees named as content
    block_density: float | None = None  # link density above which one block is dropped
    trim_edges: bool = False  # drop short non-sentence lines (bylines, dates) at both ends


def joined_siblings(
    page: Page, stats: Stats, scores: dict[int, float], top: int, tuning: Tuning
) -> list[int]:
    """The top candidate and those of its siblings that look like more of the content."""
    if top == 0:
        return [0]
    parent = page.parents[top]
    best = scores.get(top, 0.0)
    threshold = max(10.0, best * tuning.sibling_ratio)
    chosen = []
    for sib in children(page, parent):
        if sib == top:
            chosen.append(sib)
            continue
        if stats.dead[sib]:
            continue
        if scores.get(sib, 0.0) >= threshold or _prose_sibling(page, stats, sib):
            chosen.append(sib)
    return chosen


def _prose_sibling(page: Page, stats: Stats, sib: int) -> bool:
    if page.tags[sib] not in ("p", "pre", "blockquote", "ul", "ol", "table"):
        return False
    text = stats.text[sib]
    if not text:
        return False
    density = stats.links[sib] / text
    if text > 80:
        return density < 0.25
    return density == 0 and text > 0 and _ends_sentence(page, sib)


def _ends_sentence(page: Page, element: int) -> bool:
    for block in page.blocks:
        if block.owner == element:
            return block.text.endswith(SENTENCE_END)
    return False


def cleaned_out(
    page: Page, stats: Stats, scores: dict[int, float], roots: list[int], tuning: Tuning
) -> list[bool]:
    """Elements inside the chosen roots that are boilerplate by name or link density."""
    out = list(stats.dead)
    tags, weights, parents = page.tags, page.weights, page.parents
    protected = _holders_of_strong_candidates(page, scores)
    for root in roots:
        for i in range(root + 1, page.ends[root] + 1):
            if out[parents[i]]:
                out[i] = True
                continue
            if tags[i] not in CLEANABLE_TAGS or out[i] or i in protected:
                continue
            text = stats.text[i]
            if weights[i] < 0 and weights[i] + scores.get(i, 0.0) < 0:
                out[i] = True
            elif text and stats.commas[i] < 10:
                density = stats.links[i] / text
                limit = tuning.clean_density_positive if weights[i] > 0 else tuning.clean_density
                out[i] = density > limit
    return out


def _holders_of_strong_candidates(page: Page, scores: dict[int, float]) -> set[int]:
    """Elements that hold a candidate scoring at least half the best: never cleaned out."""
    if not scores:
        return set()
    best = max(scores.values())
    held: set[int] = set()
    for node, score in scores.items():
        if score < 0.5 * best:
            continue
        while node >= 0 and node not in held:
            held.add(node)
            node = page.parents[node]
    return held


def kept_blocks(page: Page, roots: list[int], out: list[bool], tuning: Tuning) -> list[Block]:
    """Blocks under the chosen roots, minus cleaned subtrees and link-dense blocks."""
    kept: list[Block] = []
    spans = [(root, page.ends[root]) for root in roots]
    for block in page.blocks:
        owner = block.owner
        if out[owner] or not any(lo <= owner <= hi for lo, hi in spans):
            continue
        if tuning.block_density is not None and (block.link_chars > tuning.block_density * len(block.text)):
            continue
        if page.weights[owner] < 0 and len(block.text) < SHORT_NEGATIVE_BLOCK:
            continue  # a byline, credit or caption line named as such
        kept.append(block)
    return kept


def trimmed(blocks: list[Block]) -> list[Block]:
    """Without the short lines that are not sentences at the start and end (dates, bylines)."""
    start, end = 0, len(blocks)
    while start < end and _edge_noise(blocks[start]):
        start += 1
    while end > start and _edge_noise(blocks[end - 1]):
        end -= 1
    return blocks[start:end]


def _edge_noise(block: Block) -> bool:
    return len(block.text) < EDGE_CHARS and not block.text.endswith(SENTENCE_END)
