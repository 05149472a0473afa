"""The ``unicode`` step: :func:`~thresher.normalize.unicode.normalize_text` on ``doc.text``."""

from __future__ import annotations

from dataclasses import dataclass

from thresher.document import Document, Drop
from thresher.errors import ConfigError
from thresher.normalize.unicode import NormalForm, normalize_text
from thresher.step import DocStep

_FORMS = ("NFC", "NFKC", "NFD", "NFKD")


@dataclass
class NormalizeUnicode(DocStep):
    """Repair mojibake, normalise to ``form``, drop control characters, tidy white space.

    Works on ``doc.text``, and on ``doc.html`` while a page still holds HTML (there without
    touching white space, which the extractor reads), so it can run before or after
    extraction. Sets ``doc.meta["unicode_changed"] = True`` when anything changed. Never
    drops.
    """

    name = "unicode"
    form: NormalForm | None = "NFC"
    mojibake: bool = True
    whitespace: bool = True

    def __post_init__(self) -> None:
        if self.form is not None and self.form not in _FORMS:
            raise ConfigError(f"unicode.form must be one of {_FORMS} or None (got {self.form!r})")

    def apply(self, doc: Document) -> Document | Drop:
        changed = False
        if doc.html is not None:
            html = normalize_text(doc.html, form=self.form, mojibake=self.mojibake, whitespace=False)
            changed = html != doc.html
            doc.html = html
        if doc.text:
            fixed = normalize_text(
                doc.text, form=self.form, mojibake=self.mojibake, whitespace=self.whitespace
            )
            changed = changed or fixed != doc.text
            doc.text = fixed
        if changed:
            doc.meta["unicode_changed"] = True
        return doc
