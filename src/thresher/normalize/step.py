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

    Sets ``doc.meta["unicode_changed"] = True`` when the text changed. Never drops.
    """

    name = "unicode"
    form: NormalForm | None = "NFC"
    mojibake: bool = True
    whitespace: bool = True

    def __post_init__(self) -> None:
        if self.form is not None and self.form not in _FORMS:
            raise ConfigError(f"unicode.form must be one of {_FORMS} or None (got {self.form!r})")

    def apply(self, doc: Document) -> Document | Drop:
        fixed = normalize_text(doc.text, form=self.form, mojibake=self.mojibake,
                               whitespace=self.whitespace)
        if fixed != doc.text:
            doc.text = fixed
            doc.meta["unicode_changed"] = True
        return doc
