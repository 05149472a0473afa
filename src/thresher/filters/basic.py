"""Filters every pipeline needs whatever its quality rules."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from thresher.document import Document, Drop
from thresher.errors import ConfigError
from thresher.step import DocStep


class BasicDropReason(StrEnum):
    EMPTY = "empty_text"
    TOO_SHORT = "too_short"


@dataclass
class DropEmpty(DocStep):
    """Drop documents whose text is empty or shorter than ``min_chars`` after stripping."""

    name = "drop_empty"
    min_chars: int = 1

    def __post_init__(self) -> None:
        if self.min_chars < 0:
            raise ConfigError("drop_empty.min_chars must be >= 0")

    def apply(self, doc: Document) -> Document | Drop:
        length = len(doc.text.strip())
        if length == 0:
            return Drop(BasicDropReason.EMPTY)
        if length < self.min_chars:
            return Drop(BasicDropReason.TOO_SHORT, f"{length} < {self.min_chars} characters")
        return doc
