"""Choosing the main-content container and the blocks to keep (readability-like voting).

Every block of prose votes for the elements above it: fully for its parent, half for
the grandparent, a sixth for the next level (so the nearest common container of the
paragraphs wins). Class and id words add or subtract, link density discounts. The
winner moves up when rivals share an ancestor or its parent scores higher; then
``selection`` joins siblings and cuts boilerplate subtrees out of the chosen content.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from thresher.extract.dom import BY_NAME, BY_TAG, Page

ARTICLE_BASE = 5
WRAPPER_SHARE = 0.7
_TAG_BASE = {
    "div": 5, "article": ARTICLE_BASE, "main": ARTICLE_BASE, "section": 2, "pre": 3, "td": 3, "blockquote": 3,
    "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3,
    "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5,
}  # fmt: skip
CLEANABLE_TAGS = frozenset(
    {"div", "section", "ul", "ol", "dl", "table", "form", "aside", "header", "footer", "figure",
     "nav", "menu", "fieldset"}
)  # fmt: skip
SENTENCE_END = (".", "!", "?", "。", "！", "？", "…", ":", '"', "”", "»")
MIN_BLOCK_CHARS = 25
LENGTH_CAP = 3.0
RIVALS = 3
LISTING_RANKS, LISTING_RATIO, LISTING_MAX_CHARS, LISTING_SIBLINGS = 8, 0.6, 600, 3


@dataclass(slots=True)
class Stats:
    """Per-element sums over the blocks of each subtree."""

    text: list[int]
    links: list[int]
    commas: list[int]
    paragraphs: list[int]
    dead: list[bool] = field(default_factory=list)


def children(page: Page, node: int) -> list[int]:
    """The element children of ``node``, in document order."""
    parents = page.parents
    return [i for i in range(node + 1, page.ends[node] + 1) if parents[i] == node]


def subtree_stats(page: Page, by_name: bool = True) -> Stats:
    """Sum block lengths, link characters and commas over every element's subtree."""
    n = len(page.tags)
    text, links, commas, paragraphs = [0] * n, [0] * n, [0] * n, [0] * n
    for block in page.blocks:
        o = block.owner
        text[o] += len(block.text)
        links[o] += block.link_chars
        commas[o] += block.commas
        if block.kind == "p" or len(block.text) >= 80:
            paragraphs[o] += 1
    parents = page.parents
    for i in range(n - 1, 0, -1):
        p = parents[i]
        text[p] += text[i]
        links[p] += links[i]
        commas[p] += commas[i]
        paragraphs[p] += paragraphs[i]
    stats = Stats(text, links, commas, paragraphs)
    stats.dead = _dead_elements(page, stats, by_name)
    return stats


def _dead_elements(page: Page, stats: Stats, by_name: bool) -> list[bool]:
    """Boilerplate subtrees, except wrappers holding most of the page's text."""
    half = stats.text[0] * WRAPPER_SHARE
    dead = [False] * len(page.tags)
    level = BY_NAME if by_name else BY_TAG
    for i in range(1, len(page.tags)):
        if dead[page.parents[i]]:
            dead[i] = True
        elif page.boiler[i] >= level:
            wrapper = stats.text[i] >= half and (page.boiler[i] == BY_NAME or page.tags[i] == "form")
            dead[i] = not (wrapper or (page.tags[i] == "aside" and _prose_box(stats, i)))
    return dead


def _prose_box(stats: Stats, element: int) -> bool:
    """An aside that holds paragraphs and few links is part of the article (an info box)."""
    text = stats.text[element]
    return stats.paragraphs[element] > 0 and stats.links[element] < 0.1 * text


def candidate_scores(page: Page, stats: Stats) -> dict[int, float]:
    """Readability-style scores of the elements that hold prose, link density applied."""
    scores: dict[int, float] = {}
    parents, tags, weights = page.parents, page.tags, page.weights
    for block in page.blocks:
        length = len(block.text)
        if length < MIN_BLOCK_CHARS or stats.dead[block.owner] or block.kind[0] == "h":
            continue
        vote = 1.0 + block.commas + min(length / 100, LENGTH_CAP)
        if block.link_chars * 2 > length:
            continue
        node = parents[block.owner] if block.kind != "body" else -1
        for level in range(3):
            if node < 0:
                break
            if node not in scores:
                scores[node] = _TAG_BASE.get(tags[node], 0) + weights[node]
            scores[node] += vote / (1 if level == 0 else 2 if level == 1 else level * 3)
            node = parents[node]
    for node, score in scores.items():
        text = stats.text[node]
        density = stats.links[node] / text if text else 0.0
        scores[node] = score * (1.0 - min(density, 1.0))
    return scores


def top_candidate(page: Page, stats: Stats, scores: dict[int, float]) -> int:
    """The best-scoring container, moved up when its ancestors hold rival candidates."""
    if not scores:
        return 0
    ranked = sorted(scores, key=scores.__getitem__, reverse=True)
    top = ranked[0]
    best = scores[top]
    parents = page.parents
    rivals = [c for c in ranked[1:5] if scores[c] >= 0.75 * best]
    if len(rivals) >= RIVALS:
        node = parents[top]
        while node > 0:
            if sum(1 for c in rivals if node <= c <= page.ends[node]) >= RIVALS:
                top = node
                break
            node = parents[node]
    last = scores.get(top, best)
    node = parents[top]
    while node > 0:
        score = scores.get(node)
        if score is None:
            node = parents[node]
            continue
        if score < last / 3:
            break
        if score > last:
            top = node
            break
        last = score
        node = parents[node]
    while top > 0 and len(children(page, parents[top])) == 1:
        top = parents[top]
    return top


def is_listing(page: Page, stats: Stats, scores: dict[int, float]) -> bool:
    """A page of teasers: three or more sibling candidates score alike and none is long.

    An index page's text is a list of article starts, each a candidate of the same
    strength under one parent, while an article has one dominant container.
    """
    if not scores:
        return False
    ranked = sorted(scores, key=scores.__getitem__, reverse=True)[:LISTING_RANKS]
    best = scores[ranked[0]]
    if best <= 0:
        return False
    alike = [n for n in ranked if scores[n] >= LISTING_RATIO * best]
    short = [n for n in alike if stats.text[n] < LISTING_MAX_CHARS]
    parents = [page.parents[n] for n in short]
    lists = [p for p in set(parents) if parents.count(p) >= LISTING_SIBLINGS]
    if not lists:
        return False
    long = [n for n in alike if stats.text[n] >= LISTING_MAX_CHARS]
    # a long candidate is fine only as the container of the teasers
    return all(any(n <= p <= page.ends[n] for p in lists) for n in long)
