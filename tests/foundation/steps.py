"""Steps used only by the tests."""

from __future__ import annotations

from dataclasses import dataclass

from thresher.document import Document, Drop
from thresher.step import DocStep


@dataclass
class ExplodeOnMarker(DocStep):
    """Raises on documents containing EXPLODE: stands for any bug in a step."""

    name = "explode_on_marker"

    def apply(self, doc: Document) -> Document | Drop:
        if "EXPLODE" in doc.text:
            raise RuntimeError("step bug")
        return doc
