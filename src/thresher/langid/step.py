"""The ``langid`` step: fastText ``lid.176`` language and score into the document's metadata.

``doc.meta["language"]`` gets the detected ISO 639 code and ``doc.meta["language_score"]``
the model's probability. A language already declared in ``meta["language"]`` (a JSONL
field, an HTML ``lang`` attribute) is not lost:

* ``declared="detected"`` (default): the detected code goes to ``language``; the declared
  one moves to ``declared_language`` when it names another language;
* ``declared="trust"``: the declared code stays in ``language``, the detected one goes to
  ``detected_language`` (with its score in ``language_score``).

With ``languages`` set, documents of other languages are dropped (``language_not_allowed``);
with ``min_score`` above 0, documents whose detected language scores lower are dropped
(``language_score_too_low``), which also catches empty and symbol-only text.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from thresher.document import Document, Drop
from thresher.errors import ConfigError
from thresher.langid.model import LanguageGuess, shared_model
from thresher.step import DocStep

DeclaredPolicy = Literal["detected", "trust"]


class LanguageDropReason(StrEnum):
    NOT_ALLOWED = "language_not_allowed"
    SCORE_TOO_LOW = "language_score_too_low"


def base_code(code: str) -> str:
    """``pt-BR`` -> ``pt``, ``zh_Hans`` -> ``zh``, ``EN`` -> ``en``."""
    return code.strip().lower().replace("_", "-").split("-")[0]


@dataclass
class LanguageId(DocStep):
    """Detect the language of ``doc.text``; optionally keep only some languages."""

    name = "langid"
    languages: list[str] | None = None
    min_score: float = 0.0
    declared: DeclaredPolicy = "detected"

    def __post_init__(self) -> None:
        if not 0.0 <= self.min_score <= 1.0:
            raise ConfigError(f"langid.min_score must be between 0 and 1 (got {self.min_score!r})")
        if self.declared not in ("detected", "trust"):
            raise ConfigError(f"langid.declared must be 'detected' or 'trust' (got {self.declared!r})")
        if self.languages is not None:
            if isinstance(self.languages, str) or not all(isinstance(x, str) for x in self.languages):
                raise ConfigError("langid.languages must be a list of language codes")
            self.languages = [base_code(code) for code in self.languages]

    def setup(self) -> None:
        shared_model()

    def apply(self, doc: Document) -> Document | Drop:
        guess = shared_model().predict(doc.text, k=1)[0]
        language = self._annotate(doc, guess)
        if self.languages is not None and language not in self.languages:
            return Drop(LanguageDropReason.NOT_ALLOWED, f"{language} not in {self.languages}")
        trusted_declared = self.declared == "trust" and language != guess.language
        if not trusted_declared and guess.score < self.min_score:
            return Drop(
                LanguageDropReason.SCORE_TOO_LOW,
                f"{guess.language} {guess.score:.3f} < {self.min_score}",
            )
        return doc

    def _annotate(self, doc: Document, guess: LanguageGuess) -> str:
        """Write the metadata; return the language the document is judged by."""
        meta = doc.meta
        declared = meta.get("language")
        declared_code = base_code(declared) if isinstance(declared, str) and declared else None
        meta["language_score"] = round(guess.score, 4)
        if self.declared == "trust" and declared_code:
            meta["language"] = declared_code
            meta["detected_language"] = guess.language
            return declared_code
        meta["language"] = guess.language
        if declared_code and declared_code != guess.language:
            meta["declared_language"] = declared
        return guess.language
