"""The JSON-LD ``articleBody`` as an independent vote on which blocks are the article.

Many news pages ship the article's text in JSON-LD. It is not trusted as the answer
(it is often truncated, or holds only the lead), but when the DOM-chosen blocks miss
most of its words, the DOM choice is likely wrong and the blocks whose words the
``articleBody`` holds are taken instead.
"""

from __future__ import annotations

import re
from typing import Any

from thresher.extract.dom import Block, Page

_WORD = re.compile(r"\w+")
MIN_BODY_CHARS = 500
COVERED_ENOUGH = 0.7  # share of the body's words the DOM choice must already hold
BLOCK_IN_BODY = 0.8  # share of a block's words found in the body to take the block


def body_words(structured: dict[str, Any]) -> set[str] | None:
    """Lower-cased words of a usable ``articleBody``, or None."""
    body = structured.get("body")
    if not isinstance(body, str) or len(body) < MIN_BODY_CHARS:
        return None
    return set(_WORD.findall(body.casefold()))


def check_against_body(page: Page, chosen: list[Block], words: set[str], dead: list[bool]) -> list[Block]:
    """``chosen`` if it covers the body's words, else the blocks the body vouches for."""
    found: set[str] = set()
    for block in chosen:
        found.update(_WORD.findall(block.text.casefold()))
    if len(found & words) >= COVERED_ENOUGH * len(words):
        return chosen
    vouched = [b for b in page.blocks if not dead[b.owner] and _in_body(b, words)]
    vouched_chars = sum(len(b.text) for b in vouched)
    return vouched if vouched_chars > sum(len(b.text) for b in chosen) else chosen


def _in_body(block: Block, words: set[str]) -> bool:
    tokens = _WORD.findall(block.text.casefold())
    if len(tokens) < 4:
        return False
    return sum(t in words for t in tokens) >= BLOCK_IN_BODY * len(tokens)
