"""Unicode repair of document text (mojibake, normal form, controls, white space)."""

from thresher.normalize.step import NormalizeUnicode
from thresher.normalize.unicode import normalize_text

__all__ = ["NormalizeUnicode", "normalize_text"]
