"""The ``clean`` pipeline step: :func:`~thresher.clean.clean_text` on each document."""

from __future__ import annotations

from dataclasses import dataclass, field

from thresher.clean.api import CleanOptions, clean_lines, load_resources, page_language, split_lines
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
        """Load the language model, the stop-word lists and the site table (when one is
        configured)."""
        load_resources()
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
        opts = self._ready_options()
        raw = split_lines(doc.text)
        return self._finish(doc, raw, opts.lang or page_language(raw), opts)

    def apply_batch(self, docs: list[Document]) -> list[Document | Drop | Exception]:
        """:meth:`apply` on each document, the languages of all of them detected first
        (one after the other, fastText's model stays in the CPU caches: see
        :func:`~thresher.clean.api.clean_many`)."""
        opts = self._ready_options()
        prepared: list[tuple[list[str], str] | Exception | None] = []
        for doc in docs:
            if doc.is_html:
                prepared.append(None)
                continue
            try:
                raw = split_lines(doc.text)
                prepared.append((raw, opts.lang or page_language(raw)))
            except Exception as exc:  # counted by the runner as this document's error
                prepared.append(exc)
        out: list[Document | Drop | Exception] = []
        for doc, ready in zip(docs, prepared, strict=True):
            if ready is None or isinstance(ready, Exception):
                out.append(doc if ready is None else ready)
                continue
            try:
                out.append(self._finish(doc, *ready, opts))
            except Exception as exc:  # counted by the runner as this document's error
                out.append(exc)
        return out

    def _ready_options(self) -> CleanOptions:
        if self._options is None:  # pragma: no cover - set in __post_init__
            raise StepError("clean step used before initialisation")
        if self.site_table is not None and self._options.site_table is None:
            self.setup()
        return self._options

    def _finish(self, doc: Document, raw: list[str], lang: str, opts: CleanOptions) -> Document | Drop:
        """The document cleaned, its lines and language known."""
        result = clean_lines(raw, doc.url, opts, lang)
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
