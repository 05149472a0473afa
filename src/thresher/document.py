"""The one record that travels through a pipeline, and the answers a step can give.

A :class:`Document` enters from a reader carrying HTML (``html``) or text (``text``),
and leaves through a writer carrying the cleaned ``text`` and its ``meta`` data.
A per-document step answers with the (possibly changed) document or with a
:class:`Drop` that names why the document leaves the corpus.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

METADATA_KEYS: tuple[str, ...] = (
    "title",
    "authors",
    "published",
    "updated",
    "site_name",
    "canonical_url",
    "description",
    "language",
    "source_attribution",
    "dateline",
)
"""The page metadata that extraction and text cleaning both fill in ``Document.meta``."""


@dataclass(slots=True, kw_only=True)
class Document:
    """One web page or text on its way through a pipeline.

    Attributes:
        id: stable identifier (WARC record id, JSONL id field, or path-derived).
        text: the document's text; empty until HTML has been extracted.
        url: the page's URL when known.
        html: decoded HTML while the page still needs extraction, else ``None``.
        source: where the document was read from (``path`` or ``path:offset``).
        meta: everything else: metadata found by steps, signals, provenance.
    """

    id: str
    text: str = ""
    url: str | None = None
    html: str | None = None
    source: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def is_html(self) -> bool:
        """True while the document still holds HTML that no step has extracted."""
        return self.html is not None

    def size(self) -> int:
        """Characters of content the document currently carries."""
        return len(self.html) if self.html is not None else len(self.text)


@dataclass(frozen=True, slots=True)
class Drop:
    """A step's answer when a document leaves the corpus.

    ``reason`` is a short machine-readable name owned by the step's module (a
    :class:`enum.StrEnum` member or plain string such as ``"gopher_short_doc"``);
    ``detail`` says what was measured, for people reading the rejects.
    """

    reason: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Failure:
    """A record that could not be read or processed at all (bad bytes, bad JSON...).

    Readers yield it in place of a document so the record is counted as errored,
    never silently lost. ``id`` is whatever identifies the record (path and line,
    WARC record id); ``document`` is attached when part of the record was readable.
    """

    id: str
    reason: str
    detail: str = ""
    source: str = ""
    document: Document | None = None
