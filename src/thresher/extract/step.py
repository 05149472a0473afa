"""The ``extract`` pipeline step: HTML documents become main text plus metadata."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar, Literal

from thresher.document import METADATA_KEYS, Document, Drop
from thresher.errors import ConfigError
from thresher.extract.api import ExtractOptions, Mode, extract_with
from thresher.step import DocStep


class ExtractDrop(StrEnum):
    """Why the extract step drops a document."""

    NO_MAIN_CONTENT = "no_main_content"
    OVERSIZE = "oversize"


@dataclass
class Extract(DocStep):
    """Replace ``doc.html`` by its main content (text or Markdown) and merge metadata.

    Documents without HTML (text inputs) pass unchanged. Metadata goes into
    ``doc.meta`` under ``title``, ``authors``, ``published``, ``updated``,
    ``site_name``, ``canonical_url``, ``description``, ``language``,
    ``source_attribution`` and ``dateline`` (a key the page does not give is left
    as it was). ``language`` is the declared ``<html lang>``; with
    ``detect_language`` an undeclared language is detected from the text.
    """

    name: ClassVar[str] = "extract"
    output: Literal["text", "markdown"] = "text"
    mode: Mode = "balanced"
    include_comments: bool = False
    include_captions: bool = False
    max_chars: int | None = 8_000_000
    oversize: Literal["truncate", "refuse"] = "truncate"
    time_budget: float | None = 2.0
    detect_language: bool = False
    listings: Literal["drop", "keep"] | None = None  # None: keep in recall mode, else drop

    def __post_init__(self) -> None:
        if self.output not in ("text", "markdown"):
            raise ConfigError(f"output: expected text or markdown, got {self.output!r}")
        self._options = ExtractOptions(
            mode=self.mode, include_comments=self.include_comments,
            include_captions=self.include_captions,
            detect_language=self.detect_language, max_chars=self.max_chars,
            oversize=self.oversize, time_budget=self.time_budget, listings=self.listings,
        )  # fmt: skip

    def apply(self, doc: Document) -> Document | Drop:
        if doc.html is None:
            return doc
        result = extract_with(doc.html, doc.url, self._options)
        if result.skipped == "oversize":
            return Drop(ExtractDrop.OVERSIZE, str(result.metadata.get("skipped_detail", "")))
        if result.skipped == "listing_page":
            return Drop(ExtractDrop.NO_MAIN_CONTENT, "listing page (teasers of other pages)")
        text = result.markdown if self.output == "markdown" else result.text
        if not text.strip():
            return Drop(ExtractDrop.NO_MAIN_CONTENT, f"{len(doc.html)} characters of HTML")
        doc.text = text
        doc.html = None
        for key in METADATA_KEYS:
            value = result.metadata.get(key)
            if value:
                doc.meta[key] = value
        if result.comments:
            doc.meta["comments"] = result.comments
        if result.warnings:
            doc.meta["extract_warnings"] = list(result.warnings)
        return doc
