"""All visible text of an HTML page, one block per line: what a WET export holds.

This is not main-content extraction: navigation, footers and comments stay. It is
the conversion for users who want a page's full text, and the input that the
text-only cleaner was designed for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from selectolax.lexbor import LexborHTMLParser, LexborNode

from thresher.document import Document, Drop
from thresher.errors import ConfigError
from thresher.html.guard import flatten_deep_nesting
from thresher.step import DocStep

_INVISIBLE = {
    "script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe",
    "object", "embed", "canvas", "select", "option", "textarea", "button",
}  # fmt: skip
_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "summary", "table", "td", "th", "tr", "ul", "html", "center", "menu", "legend",
}  # fmt: skip
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")


class VisibleTextDrop(StrEnum):
    NO_TEXT = "no_visible_text"
    TOO_LARGE = "page_too_large"


def _is_hidden(node: LexborNode) -> bool:
    attrs = node.attributes
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = (attrs.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def visible_text(html: str) -> str:
    """Every visible text node of ``html``, a line per block, blank lines removed."""
    html, _ = flatten_deep_nesting(html)
    tree = LexborHTMLParser(html)
    root = tree.root
    if root is None:
        return ""
    parts: list[str] = []
    stack: list[LexborNode | None] = [root]
    while stack:
        node = stack.pop()
        if node is None:  # end-of-block marker
            parts.append("\n")
            continue
        tag = node.tag
        if tag == "-text":
            parts.append(node.text_content or "")
            continue
        if tag in _INVISIBLE or tag == "-comment" or _is_hidden(node):
            continue
        if tag in _BLOCK:
            parts.append("\n")
            stack.append(None)
        children = list(node.iter(include_text=True))
        stack.extend(reversed(children))
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


@dataclass
class HtmlToText(DocStep):
    """Replace a page's HTML with all its visible text (no main-content extraction)."""

    name = "html_to_text"
    max_html_chars: int | None = 20_000_000

    def __post_init__(self) -> None:
        if self.max_html_chars is not None and self.max_html_chars <= 0:
            raise ConfigError("html_to_text.max_html_chars must be positive (omit it for no limit)")

    def apply(self, doc: Document) -> Document | Drop:
        if doc.html is None:
            return doc
        if self.max_html_chars is not None and len(doc.html) > self.max_html_chars:
            return Drop(VisibleTextDrop.TOO_LARGE, f"{len(doc.html)} > {self.max_html_chars} chars")
        text = visible_text(doc.html)
        doc.html = None
        if not text:
            return Drop(VisibleTextDrop.NO_TEXT)
        doc.text = text
        return doc
