"""Guards that keep pathological HTML from costing seconds.

The Lexbor parser behind selectolax slows down with nesting depth times the number
of block tags (each block tag scans the stack of open elements): a page of 100,000
nested ``<div>`` takes minutes, while deep nesting of inline tags alone parses fast.
So before parsing, a page whose block tags could nest deeper than ``max_depth`` has
the tags beyond that depth removed; their text is kept.

The check costs almost nothing on ordinary pages: a page with fewer than
``_SCAN_ABOVE_BLOCK_TAGS`` block tags cannot cost more than a few milliseconds to
parse however it nests, and is returned after one counting pass.
"""

from __future__ import annotations

import re
from itertools import accumulate

_BLOCK = (
    "div|section|article|ul|ol|dl|blockquote|nav|aside|header|footer|main|form|"
    "fieldset|figure|figcaption|center|details|summary|table|menu|dir|address|hgroup|"
    "h[1-6]|pre|listing|dialog|search"
)
_BLOCK_START = re.compile(rf"<(?:{_BLOCK})", re.IGNORECASE)
_BLOCK_TAG = re.compile(rf"<(/?)(?:{_BLOCK})(?=[\s/>])[^>]*?(/?)>", re.IGNORECASE)
_SCAN_ABOVE_BLOCK_TAGS = 3000
DEFAULT_MAX_DEPTH = 500


def max_nesting_depth(html: str) -> int:
    """An upper bound of how deep the page's block elements nest (unclosed ones stay open)."""
    steps = [0 if selfclose else (-1 if close else 1) for close, selfclose in _BLOCK_TAG.findall(html)]
    return max(accumulate(steps), default=0)


def flatten_deep_nesting(html: str, max_depth: int = DEFAULT_MAX_DEPTH) -> tuple[str, bool]:
    """Return ``html`` with block tags deeper than ``max_depth`` removed, and whether it changed."""
    if html.count("<") <= _SCAN_ABOVE_BLOCK_TAGS:
        return html, False
    if len(_BLOCK_START.findall(html)) <= _SCAN_ABOVE_BLOCK_TAGS:
        return html, False
    if max_nesting_depth(html) <= max_depth:
        return html, False
    depth = 0

    def _keep_or_drop(match: re.Match[str]) -> str:
        nonlocal depth
        closing, selfclosing = match.group(1), match.group(2)
        if selfclosing:
            return match.group(0) if depth < max_depth else ""
        if closing:
            depth -= 1
            return match.group(0) if depth < max_depth else ""
        depth += 1
        return match.group(0) if depth <= max_depth else ""

    return _BLOCK_TAG.sub(_keep_or_drop, html), True
