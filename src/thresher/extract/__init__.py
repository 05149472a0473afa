"""Main-content extraction: from a page's HTML to its article text, Markdown and metadata.

>>> from thresher.extract import extract
>>> result = extract("<html><body><article><p>Hello, world. " * 3 + "</p></article></body></html>")
>>> result.text.startswith("Hello")
True
"""

from __future__ import annotations

from thresher.extract.api import Extraction, ExtractOptions, Skipped, extract

__all__ = ["ExtractOptions", "Extraction", "Skipped", "extract"]
