"""Text-only cleaning: the article back out of a page's full text, line by line.

>>> from thresher.clean import clean_text
>>> result = clean_text(page_text)            # doctest: +SKIP
>>> result.text, result.metadata["title"]     # doctest: +SKIP
"""

from thresher.clean.api import Cleaned, CleanedLine, CleanOptions, clean_text
from thresher.clean.reasons import CleanDropReason, LineReason
from thresher.clean.site import SiteLineTable, registered_domain

__all__ = [
    "CleanDropReason",
    "CleanOptions",
    "Cleaned",
    "CleanedLine",
    "LineReason",
    "SiteLineTable",
    "clean_text",
    "registered_domain",
]
