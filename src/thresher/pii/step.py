"""The ``pii`` step: replace e-mail addresses, phone numbers and IP addresses by placeholders."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from thresher.document import Document, Drop
from thresher.errors import ConfigError
from thresher.pii.patterns import PiiKind, find_pii
from thresher.step import DocStep

PII_KEY = "pii"


def _default_placeholders() -> dict[str, str]:
    return {kind.value: f"<{kind.value.upper()}>" for kind in PiiKind}


@dataclass
class RedactPii(DocStep):
    """Replace personal data in ``doc.text``; count replacements per kind in ``doc.meta["pii"]``.

    ``kinds`` chooses what to look for (``email``, ``phone``, ``ipv4``, ``ipv6``);
    ``placeholders`` maps a kind to its replacement text. Never drops a document.
    """

    name = "pii"
    kinds: list[str] = field(default_factory=lambda: [kind.value for kind in PiiKind])
    placeholders: dict[str, str] = field(default_factory=_default_placeholders)
    _kinds: frozenset[PiiKind] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        known = {kind.value for kind in PiiKind}
        unknown = [kind for kind in (*self.kinds, *self.placeholders) if kind not in known]
        if unknown:
            raise ConfigError(f"pii: unknown kind(s) {unknown}; known: {sorted(known)}")
        self.placeholders = {**_default_placeholders(), **self.placeholders}
        self._kinds = frozenset(kind for kind in PiiKind if kind.value in self.kinds)

    def apply(self, doc: Document) -> Document | Drop:
        text = doc.text
        spans = find_pii(text, self._kinds) if text else []
        counts: Counter[str] = Counter()
        if spans:
            pieces: list[str] = []
            last = 0
            for start, end, kind in spans:
                pieces.append(text[last:start])
                pieces.append(self.placeholders[kind.value])
                counts[kind.value] += 1
                last = end
            pieces.append(text[last:])
            doc.text = "".join(pieces)
        doc.meta[PII_KEY] = {kind.value: counts.get(kind.value, 0) for kind in PiiKind if kind in self._kinds}
        return doc
