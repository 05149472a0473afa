"""``extract()``: a page's main content, as text and Markdown, with its metadata."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

from thresher.errors import ConfigError
from thresher.extract.dom import Block, Page, build_page
from thresher.extract.render import render_markdown, render_text
from thresher.extract.selection import Tuning
from thresher.extract.textmeta import dateline, source_attribution
from thresher.extract.vote import choose_blocks, comment_blocks
from thresher.html.encoding import decode_html_bytes
from thresher.html.guard import flatten_deep_nesting

logger = logging.getLogger(__name__)

Mode = Literal["precision", "balanced", "recall"]
Oversize = Literal["truncate", "refuse"]
Listings = Literal["drop", "keep"]
_TUNINGS: dict[str, Tuning] = {
    "precision": Tuning(sibling_ratio=0.3, clean_density=0.15, clean_density_positive=0.4,
                        block_density=0.33, trim_edges=True),
    "balanced": Tuning(),
    "recall": Tuning(sibling_ratio=0.1, clean_density=0.35, clean_density_positive=0.6),
}  # fmt: skip
DEFAULT_MAX_CHARS = 8_000_000


class Skipped(StrEnum):
    """Why an extraction came back empty on purpose."""

    OVERSIZE = "oversize"
    EMPTY_INPUT = "empty_input"
    TIME_BUDGET = "time_budget"
    LISTING = "listing_page"


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """Options of :func:`extract`; invalid values raise :class:`ConfigError`."""

    mode: Mode = "balanced"
    include_comments: bool = False
    include_captions: bool = False
    detect_language: bool = False  # fill ``language`` from the text when the page declares none
    with_metadata: bool = True
    max_chars: int | None = DEFAULT_MAX_CHARS
    oversize: Oversize = "truncate"
    time_budget: float | None = 2.0  # seconds of CPU after parsing before a cheap fallback
    max_elements: int | None = 300_000  # more tags than this: all visible text, unscored
    listings: Listings | None = None  # None: "keep" in recall mode, else "drop"

    def __post_init__(self) -> None:
        if self.mode not in _TUNINGS:
            raise ConfigError(f"mode: expected precision, balanced or recall, got {self.mode!r}")
        if self.oversize not in ("truncate", "refuse"):
            raise ConfigError(f"oversize: expected truncate or refuse, got {self.oversize!r}")
        if self.max_chars is not None and self.max_chars <= 0:
            raise ConfigError(f"max_chars: must be positive or None, got {self.max_chars!r}")
        if self.listings is None:
            object.__setattr__(self, "listings", "keep" if self.mode == "recall" else "drop")
        elif self.listings not in ("drop", "keep"):
            raise ConfigError(f"listings: expected drop or keep, got {self.listings!r}")
        if self.max_elements is not None and self.max_elements <= 0:
            raise ConfigError(f"max_elements: must be positive or None, got {self.max_elements!r}")
        if self.time_budget is not None and self.time_budget <= 0:
            raise ConfigError(f"time_budget: must be positive or None, got {self.time_budget!r}")


@dataclass(frozen=True, slots=True)
class Extraction:
    """The main content of one page.

    ``text`` is plain text (one block per line); ``markdown`` keeps headings, lists,
    tables, code and quotes; ``comments`` is the text of user comments when asked for
    (``None`` otherwise); ``skipped`` names why nothing was extracted on purpose;
    ``warnings`` lists guards that changed the input (``"truncated"``, ``"flattened"``).
    """

    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    comments: str | None = None
    skipped: str | None = None
    warnings: tuple[str, ...] = ()
    blocks: tuple[Block, ...] = field(default=(), repr=False)

    @property
    def markdown(self) -> str:
        """The main content as Markdown."""
        return render_markdown(list(self.blocks))


def extract(html: str | bytes, url: str | None = None, **options: Any) -> Extraction:
    """Extract the main content and metadata of one page.

    ``html`` may be bytes (decoded by HTTP charset when ``http_charset`` is given,
    then BOM, ``<meta>``, detection). ``options`` are the fields of
    :class:`ExtractOptions` (``mode``, ``include_comments``, ``include_captions``,
    ``detect_language``, ``with_metadata``,
    ``max_chars``, ``oversize``, ``time_budget``, ``max_elements``, ``listings``) plus
    ``http_charset``.
    """
    http_charset = options.pop("http_charset", None)
    try:
        opts = ExtractOptions(**options)
    except TypeError as exc:
        raise ConfigError(f"extract(): {exc}") from exc
    if isinstance(html, bytes | bytearray):
        html = decode_html_bytes(bytes(html), http_charset).text
    return extract_with(html, url, opts)


def extract_with(html: str, url: str | None, opts: ExtractOptions) -> Extraction:
    """:func:`extract` with options already validated (the step's fast path)."""
    from selectolax.lexbor import LexborHTMLParser

    warnings: list[str] = []
    if opts.max_chars is not None and len(html) > opts.max_chars:
        if opts.oversize == "refuse":
            detail = f"{len(html)} characters > max_chars {opts.max_chars}"
            return Extraction("", {"skipped_detail": detail}, skipped=Skipped.OVERSIZE)
        html = html[: opts.max_chars]
        warnings.append("truncated")
    if not html.strip():
        return Extraction("", {}, skipped=Skipped.EMPTY_INPUT, warnings=tuple(warnings))
    started = time.thread_time()  # this thread's CPU: other threads (Ray's, say) do not count
    html, flattened = flatten_deep_nesting(html)
    if flattened:
        warnings.append("flattened")
    tree = LexborHTMLParser(html)
    metadata: dict[str, Any] = {}
    structured: dict[str, Any] = {}
    if opts.with_metadata:
        from thresher.extract.metadata import page_metadata

        metadata, structured = page_metadata(tree, url)
    body = tree.body
    if body is None:
        return Extraction("", metadata, warnings=tuple(warnings))
    if opts.max_elements is not None and html.count("<") > opts.max_elements:
        logger.warning("page with more than %d tags: keeping all visible text", opts.max_elements)
        warnings.append("too_many_elements")
        return _visible_text(body, metadata, warnings)
    page = build_page(body, captions=opts.include_captions, keep_chrome=opts.include_comments)
    over = opts.time_budget is not None and time.thread_time() - started > opts.time_budget
    if over:
        logger.warning("extraction over its time budget; keeping all visible text")
        warnings.append(Skipped.TIME_BUDGET.value)
    blocks = choose_blocks(
        page, _TUNINGS[opts.mode], structured, everything=over, drop_listings=opts.listings == "drop"
    )
    if blocks is None:
        return Extraction("", metadata, skipped=Skipped.LISTING, warnings=tuple(warnings))
    return _finish(page, blocks, metadata, opts, warnings)


def _finish(
    page: Page, blocks: list[Block], metadata: dict[str, Any], opts: ExtractOptions, warnings: list[str]
) -> Extraction:
    comments = None
    if opts.include_comments:
        comments = render_text(comment_blocks(page, blocks))
    title = metadata.get("title")
    kept = _drop_title_heading(blocks, title if isinstance(title, str) else None)
    text = render_text(kept)
    if opts.with_metadata:
        metadata["source_attribution"] = source_attribution(text)
        metadata["dateline"] = dateline(text)
        if opts.detect_language and not metadata.get("language") and text:
            from thresher.langid.model import detect_language

            metadata["language"] = detect_language(text).language
    return Extraction(text, metadata, comments, None, tuple(warnings), tuple(kept))


def _visible_text(body: Any, metadata: dict[str, Any], warnings: list[str]) -> Extraction:
    """The guard's cheap answer: every visible line, from Lexbor's own text serialiser."""
    for node in body.css("script, style, noscript, template"):
        node.decompose()
    lines = [" ".join(line.split()) for line in body.text(separator="\n").split("\n")]
    blocks = tuple(Block(0, "p", text=line) for line in lines if line)
    text = "\n".join(b.text for b in blocks)
    return Extraction(text, metadata, None, None, tuple(warnings), blocks)


def _drop_title_heading(blocks: list[Block], title: str | None) -> list[Block]:
    """The headline belongs to the metadata: drop a leading heading equal to the title."""
    if not blocks or not title:
        return blocks
    for i, block in enumerate(blocks[:3]):
        if block.kind in ("h1", "h2") and _same_words(block.text, title):
            return blocks[:i] + blocks[i + 1 :]
    return blocks


def _same_words(a: str, b: str) -> bool:
    wa, wb = a.casefold().split(), b.casefold().split()
    return bool(wa) and (wa == wb or (len(wa) >= 3 and " ".join(wa) in " ".join(wb)))
