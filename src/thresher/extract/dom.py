"""One walk over the Lexbor DOM that turns a page into blocks and an element table.

A *block* is the text of one block-level element (paragraph, heading, list item,
table cell, ...) up to its next block-level child: the unit that scoring keeps or
drops. The *element table* holds every element in document order with its parent,
the range of its descendants and the class/id semantics, so that scoring can sum
block statistics over any subtree without touching the DOM again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from thresher.extract.semantics import WEIGHT, name_semantics

_SKIP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "iframe", "object", "embed",
        "canvas", "button", "select", "input", "textarea", "option", "head", "title",
        "meta", "link", "math", "video", "audio", "picture", "source", "map", "dialog",
        "img", "area", "track", "param",
    }
)  # fmt: skip
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd",
        "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "table", "tr", "td", "th",
        "thead", "tbody", "tfoot", "caption", "figure", "figcaption", "header", "footer",
        "nav", "aside", "form", "fieldset", "address", "details", "summary", "center",
        "hr", "body", "html", "hgroup", "menu", "legend", "label", "noembed", "font-block",
    }
)  # fmt: skip
# Tags never walked: always boilerplate, and often a fifth of a page's nodes.
_CHROME_TAGS = frozenset({"nav", "footer", "menu", "header"})
# Tags whose whole subtree is boilerplate unless it holds most of the page's text.
_BOILERPLATE_TAGS = frozenset({"nav", "footer", "aside", "form", "menu", "header", "figcaption"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Inline tags that carry nothing the scoring needs: walked through without a table entry.
_PLAIN_INLINE = frozenset(
    {
        "span", "b", "i", "em", "strong", "u", "small", "big", "font", "sup", "sub", "abbr",
        "cite", "time", "mark", "q", "s", "strike", "del", "ins", "bdi", "bdo", "dfn", "var",
        "wbr", "nobr", "data", "acronym", "label", "p-inline",
    }
)  # fmt: skip
_INLINE_SPECIAL = frozenset({"a", "code", "kbd", "samp", "tt"})
MAX_WALK_DEPTH = 150  # three Python frames per level stay far below the recursion limit
SLUG_DASHES = 3
BY_NAME, BY_TAG = 1, 2  # why an element is boilerplate (tag is the stronger evidence)


@dataclass(slots=True)
class Block:
    """Text of one block-level element (up to its next block-level child)."""

    owner: int  # index of the element that holds the block
    kind: str  # tag of the owner ("p", "h2", "li", "td", "pre", ...)
    parts: list[str] = field(default_factory=list)
    link_chars: int = 0
    quote: bool = False  # inside <blockquote>
    code: bool = False  # inside <pre>
    list_depth: int = 0
    ordered: bool = False
    row: int = -1  # table row element index for cells, else -1
    text: str = ""
    commas: int = 0


@dataclass(slots=True)
class Page:
    """Blocks and element table of one parsed page."""

    tags: list[str] = field(default_factory=list)
    parents: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)  # last descendant element index
    weights: list[int] = field(default_factory=list)  # class/id weight
    boiler: list[int] = field(default_factory=list)  # 0, or BY_NAME / BY_TAG boilerplate
    comment: list[bool] = field(default_factory=list)  # names a user-comment section
    blocks: list[Block] = field(default_factory=list)


@dataclass(slots=True)
class _Walker:
    page: Page
    stack: list[Block] = field(default_factory=list)
    names: dict[str, tuple[int, bool, bool]] = field(default_factory=dict)
    boiler_tags: frozenset[str] = _BOILERPLATE_TAGS
    unwalked: frozenset[str] = frozenset()
    in_link: int = 0
    in_pre: int = 0
    in_quote: int = 0
    list_depth: int = 0
    ordered: list[bool] = field(default_factory=list)
    row: int = -1

    def open_block(self, owner: int, kind: str) -> None:
        ordered = self.ordered[-1] if self.ordered else False
        row = self.row if kind in ("td", "th") else -1
        quote, code = self.in_quote > 0, self.in_pre > 0
        self.stack.append(Block(owner, kind, [], 0, quote, code, self.list_depth, ordered, row))

    def add_text(self, text: str) -> None:
        """Append inline text to the innermost block (registered on its first text)."""
        block = self.stack[-1]
        parts = block.parts
        if not parts:
            if text.isspace():
                return
            self.page.blocks.append(block)
        parts.append(text)
        if self.in_link:
            block.link_chars += len(text.strip())

    def close_block(self) -> None:
        """Close the innermost block; later inline text of its parent is a new block."""
        self.stack.pop()
        parent = self.stack[-1]
        if parent.parts:
            self.stack[-1] = Block(
                parent.owner, parent.kind, [], 0, parent.quote, parent.code,
                parent.list_depth, parent.ordered, parent.row,
            )  # fmt: skip

    def semantics(self, cls: str | None, ident: str | None) -> tuple[int, bool, bool]:
        """Weight, boilerplate and comment flags of class and id (cached per page)."""
        a = self._names(cls) if cls else _NO_NAMES
        if not ident or ident.count("-") >= SLUG_DASHES:
            return a  # "sharing-with-a-single-developer" is a heading's slug, not a role
        b = self._names(ident)
        if a is _NO_NAMES:
            return b
        return (max(-WEIGHT, min(WEIGHT, a[0] + b[0])), a[1] or b[1], a[2] or b[2])

    def _names(self, names: str) -> tuple[int, bool, bool]:
        known = self.names.get(names)
        if known is None:
            known = name_semantics(names.lower())
            self.names[names] = known
        return known


def _walk(walker: _Walker, node: Any, parent: int, depth: int) -> None:
    stack, blocks = walker.stack, walker.page.blocks
    child = node.child
    while child is not None:
        tag = child.tag
        if tag == "-text":  # walker.add_text, inlined: the hottest path of the walk
            text = child.text_content
            if text:
                block = stack[-1]
                parts = block.parts
                if parts or not text.isspace():
                    if not parts:
                        blocks.append(block)
                    parts.append(text)
                    if walker.in_link:
                        block.link_chars += len(text.strip())
        elif tag == "br":
            walker.add_text("\n")
        elif tag in _PLAIN_INLINE:
            if depth < MAX_WALK_DEPTH:
                _walk(walker, child, parent, depth + 1)
            else:
                walker.add_text(child.text(deep=True))
        elif tag[0] != "-" and tag not in _SKIP_TAGS and tag not in walker.unwalked:
            _element(walker, child, tag, parent, depth)
        child = child.next


_NO_NAMES = (0, False, False)
# Hidden panels of accordions and tabs hold content a reader unfolds: keep them.
_FOLDED = re.compile(r"accordion|collaps|panel|tab|expand|toggle|faq|answer|more", re.IGNORECASE)


def _is_hidden(attrs: dict[str, str | None]) -> bool:
    if "hidden" in attrs:
        return True
    style = attrs.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _element(walker: _Walker, node: Any, tag: str, parent: int, depth: int) -> None:
    attrs = node.attributes
    if attrs:
        cls = attrs.get("class")
        hideable = "hidden" in attrs or "style" in attrs
        if hideable and _is_hidden(attrs) and not (cls and _FOLDED.search(cls)):
            return
        weight, boiler, comment = walker.semantics(cls, attrs.get("id"))
    else:
        weight, boiler, comment = _NO_NAMES
    page = walker.page
    index = len(page.tags)
    page.tags.append(tag)
    page.parents.append(parent)
    page.ends.append(index)
    page.weights.append(weight)
    page.boiler.append(BY_TAG if tag in walker.boiler_tags else BY_NAME if boiler else 0)
    page.comment.append(comment)
    if tag in _BLOCK_TAGS:
        _block_element(walker, node, tag, index, depth)
    elif tag in _INLINE_SPECIAL:
        _inline_element(walker, node, tag, index, depth)
    elif depth < MAX_WALK_DEPTH:
        _walk(walker, node, index, depth + 1)
    else:
        walker.add_text(node.text(deep=True))
    page.ends[index] = len(page.tags) - 1


def _block_element(walker: _Walker, node: Any, tag: str, index: int, depth: int) -> None:
    walker.in_pre += tag == "pre"
    walker.in_quote += tag == "blockquote"
    listing = tag in ("ul", "ol")
    if listing:
        walker.list_depth += 1
        walker.ordered.append(tag == "ol")
    saved_row = walker.row
    if tag == "tr":
        walker.row = index
    walker.open_block(index, tag)
    if depth < MAX_WALK_DEPTH:
        _walk(walker, node, index, depth + 1)
    else:
        walker.add_text(node.text(deep=True))
    walker.row = saved_row
    if listing:
        walker.list_depth -= 1
        walker.ordered.pop()
    walker.in_pre -= tag == "pre"
    walker.in_quote -= tag == "blockquote"
    walker.close_block()


def _inline_element(walker: _Walker, node: Any, tag: str, index: int, depth: int) -> None:
    link = tag == "a"
    walker.in_link += link
    current = walker.stack[-1]
    start = len(current.parts)
    if depth < MAX_WALK_DEPTH:
        _walk(walker, node, index, depth + 1)
    else:
        walker.add_text(node.text(deep=True))
    walker.in_link -= link
    if not link and not walker.in_pre and walker.stack[-1] is current:
        _wrap_code(current, start)


def _wrap_code(block: Block, start: int) -> None:
    """Mark inline code (parts from ``start``) with sentinels that Markdown turns into backticks."""
    code = "".join(block.parts[start:]).strip()
    if code and "\n" not in code:
        block.parts[start:] = [f"\x01{code}\x02"]


def build_page(body: Any, captions: bool = False, keep_chrome: bool = False) -> Page:
    """Walk ``body`` (a Lexbor node) into a :class:`Page` with finished block texts.

    Image captions (``<figcaption>``) count as boilerplate unless ``captions``. Page
    chrome (``<nav>``, ``<header>``, ``<footer>``, ``<menu>``) is never content: not walked
    unless ``keep_chrome`` (for comment extraction, which may sit in a footer).
    """
    page = Page()
    walker = _Walker(page)
    if captions:
        walker.boiler_tags = _BOILERPLATE_TAGS - {"figcaption"}
    if not keep_chrome:
        walker.unwalked = _CHROME_TAGS
    page.tags.append("body")
    page.parents.append(-1)
    page.ends.append(0)
    page.weights.append(0)
    page.boiler.append(0)
    page.comment.append(False)
    walker.open_block(0, "body")
    walker.stack.append(walker.stack[0])  # a sentinel so close_block always has a parent
    _walk(walker, body, 0, 1)
    page.ends[0] = len(page.tags) - 1
    kept = []
    for block in page.blocks:
        raw = "".join(block.parts)
        text = raw.strip("\n ") if block.code else _normalise(raw)
        if text:
            block.text = text
            block.parts = []
            block.commas = text.count(",") + text.count("，") + text.count("、") + text.count("،")
            kept.append(block)
    page.blocks = kept
    return page


def _normalise(raw: str) -> str:
    if "\n" not in raw:
        return " ".join(raw.split())
    lines = (" ".join(line.split()) for line in raw.split("\n"))
    return "\n".join(line for line in lines if line)
