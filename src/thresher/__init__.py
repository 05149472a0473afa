"""thresher: raw web crawl in, clean, deduplicated, quality-annotated text corpus out.

The main entry points::

    thresher.extract(html, url=None)                # one page: main text, Markdown, metadata
    thresher.clean_text(text, url=None)             # one page's full text: the article back
    thresher.run_pipeline(inputs, outdir, config)   # the whole pipeline over crawl files
    thresher.load_config(path)                      # a validated TOML pipeline config

(``thresher.extract`` is the function; the package of the same name is
``thresher.extract`` in ``sys.modules``, so ``from thresher.extract import ...`` works.)

Each pipeline step is a :class:`DocStep` answering a :class:`Document` with the
document or a :class:`Drop` that names why it leaves the corpus.
"""

from __future__ import annotations

from thresher.clean import Cleaned, clean_text
from thresher.document import Document, Drop, Failure
from thresher.errors import ConfigError, EngineError, InputError, StepError, ThresherError
from thresher.extract import Extraction, extract
from thresher.pipeline.config import PipelineConfig, load_config
from thresher.pipeline.run import RunReport, run_pipeline
from thresher.step import DocStep, StreamStep

__version__ = "0.1.0"

__all__ = [
    "Cleaned",
    "ConfigError",
    "DocStep",
    "Document",
    "Drop",
    "EngineError",
    "Extraction",
    "Failure",
    "InputError",
    "PipelineConfig",
    "RunReport",
    "StepError",
    "StreamStep",
    "ThresherError",
    "clean_text",
    "extract",
    "load_config",
    "run_pipeline",
]
