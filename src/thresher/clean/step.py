"""The ``clean`` pipeline step: :func:`~thresher.clean.clean_text` on each document."""

from __future__ import annotations

from dataclasses import dataclass, field

from thresher.clean.api import CleanOptions, clean_with
from thresher.clean.reasons import CleanDropReason
from thresher.clean.site import SiteLineTable
from thresher.document import Document, Drop
from thresher.errors import ConfigError, StepError
from thresher.io.storage import storage_path
from thresher.step import DocStep


@dataclass
class Clean(DocStep):
    """Remove boilerplate lines from ``doc.text``; documents still holding HTML pass.

    Metadata found is merged into ``doc.meta`` without overwriting keys already set
    (by extraction, say); the dropped lines per reason go to ``doc.meta["clean"]``.
    A document left with no line is dropped as ``all_boilerplate``.

    Attributes:
        lang: declared language (detected per document when None).
        keep_title: keep the headline line and the standfirst under it at the top of
            the text (default).
        site_table: path or fsspec URL of a :class:`SiteLineTable` written by the counting pass.
        site_min_share / site_min_pages: when a line counts as site template.
    """

    name = "clean"
    lang: str | None = None
    keep_title: bool = True
    site_table: str | None = None
    site_min_share: float = 0.3
    site_min_pages: int = 2
    _options: CleanOptions | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self._options = CleanOptions(
            lang=self.lang,
            keep_title=self.keep_title,
            site_min_share=self.site_min_share,
            site_min_pages=self.site_min_pages,
        )
        if self.site_table is not None and not storage_path(self.site_table).is_file():
            raise ConfigError(f"clean.site_table: no such file {self.site_table!r}")

    def setup(self) -> None:
        """Load the site table, when one is configured."""
        if self.site_table is None or self._options is None:
            return
        try:
            table = SiteLineTable.read(self.site_table)
        except OSError as exc:
            raise StepError(f"clean: cannot read site table {self.site_table}") from exc
        opts = self._options
        self._options = CleanOptions(
            lang=opts.lang,
            keep_title=opts.keep_title,
            site_table=table,
            site_min_share=opts.site_min_share,
            site_min_pages=opts.site_min_pages,
        )

    def apply(self, doc: Document) -> Document | Drop:
        if doc.is_html:
            return doc
        if self._options is None:  # pragma: no cover - set in __post_init__
            raise StepError("clean step used before initialisation")
        if self.site_table is not None and self._options.site_table is None:
            self.setup()
        result = clean_with(doc.text, doc.url, self._options)
        counts = result.drop_counts()
        info: dict[str, object] = {"dropped_lines": counts}
        if result.site_note is not None:
            info["site"] = result.site_note
        if not result.text.strip():
            detail = ", ".join(f"{k}={v}" for k, v in counts.items()) or "empty text"
            return Drop(CleanDropReason.ALL_BOILERPLATE, detail)
        doc.text = result.text
        for key, value in result.metadata.items():
            doc.meta.setdefault(key, value)
        doc.meta["clean"] = info
        return doc
