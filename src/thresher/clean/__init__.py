"""Text-only cleaning: the article back out of a page's full text, line by line.

>>> from thresher.clean import clean_text
>>> result = clean_text(page_text)            # doctest: +SKIP
>>> result.text, result.metadata["title"]     # doctest: +SKIP
"""

from thresher.clean import native

native.check_fresh()  # before a compiled module built from another source is imported

# the guard runs first: these imports would load a stale compiled module
from thresher.clean.api import Cleaned, CleanedLine, CleanOptions, clean_many, clean_text  # noqa: E402
from thresher.clean.reasons import CleanDropReason, LineReason  # noqa: E402
from thresher.clean.site import SiteLineTable, registered_domain  # noqa: E402

__all__ = [
    "CleanDropReason",
    "CleanOptions",
    "Cleaned",
    "CleanedLine",
    "LineReason",
    "SiteLineTable",
    "clean_many",
    "clean_text",
    "registered_domain",
]
