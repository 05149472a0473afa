"""Names that a pipeline configuration may use for its steps.

Each entry maps a step name to ``"module:Class"``; the module is imported only when a
configuration names the step, so ``import thresher`` stays light.
"""

from __future__ import annotations

import importlib

from thresher.errors import ConfigError
from thresher.step import DocStep

STEP_CLASSES: dict[str, str] = {
    "clean": "thresher.clean.step:Clean",
    "site_clean": "thresher.clean.corpus:SiteClean",
    "dedup": "thresher.dedup.corpus:Deduplicate",
    "extract": "thresher.extract.step:Extract",
    "html_to_text": "thresher.html.visible_text:HtmlToText",
    "drop_empty": "thresher.filters.basic:DropEmpty",
    "langid": "thresher.langid.step:LanguageId",
    "gopher_quality": "thresher.filters.gopher:GopherQualityFilter",
    "gopher_repetition": "thresher.filters.repetition:GopherRepetitionFilter",
    "c4_quality": "thresher.filters.c4:C4QualityFilter",
    "fineweb_quality": "thresher.filters.fineweb:FineWebQualityFilter",
    "pii": "thresher.pii.step:RedactPii",
    "unicode": "thresher.normalize.step:NormalizeUnicode",
}


def step_class(name: str) -> type[DocStep]:
    """The DocStep class registered under ``name``; ConfigError if there is none."""
    target = STEP_CLASSES.get(name)
    if target is None:
        known = ", ".join(sorted(STEP_CLASSES))
        raise ConfigError(f"unknown step {name!r} (known steps: {known})")
    module_name, _, class_name = target.partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    if not (isinstance(cls, type) and issubclass(cls, DocStep)):
        raise ConfigError(f"step {name!r} does not name a DocStep")
    return cls
