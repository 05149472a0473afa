"""Document filters: each answers a Document with the Document or a Drop naming the rule.

The quality filters carry datatrove's names, parameters and default thresholds::

    from thresher.filters import GopherQualityFilter
    answer = GopherQualityFilter(min_doc_words=100).apply(doc)   # Document or Drop
"""

from thresher.filters.c4 import C4QualityFilter
from thresher.filters.fineweb import FineWebQualityFilter
from thresher.filters.gopher import GopherQualityFilter
from thresher.filters.repetition import GopherRepetitionFilter
from thresher.step import DocStep

__all__ = [
    "C4QualityFilter",
    "FineWebQualityFilter",
    "GopherQualityFilter",
    "GopherRepetitionFilter",
    "fineweb_filters",
]


def fineweb_filters(language: str = "en") -> dict[str, DocStep]:
    """FineWeb's four quality filters in its order, by step name, with datatrove's defaults."""
    return {
        "gopher_repetition": GopherRepetitionFilter(language=language),
        "gopher_quality": GopherQualityFilter(language=language),
        "c4_quality": C4QualityFilter(language=language),
        "fineweb_quality": FineWebQualityFilter(language=language),
    }
