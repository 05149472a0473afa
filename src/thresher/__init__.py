"""thresher: raw web crawl in, clean, deduplicated, quality-annotated text corpus out.

The main entry points::

    thresher.run_pipeline(inputs, outdir, config)   # the whole pipeline over crawl files
    thresher.load_config(path)                      # a validated TOML pipeline config

Each pipeline step is a :class:`DocStep` answering a :class:`Document` with the
document or a :class:`Drop` that names why it leaves the corpus.
"""

from __future__ import annotations

from thresher.document import Document, Drop, Failure
from thresher.errors import ConfigError, EngineError, InputError, StepError, ThresherError
from thresher.pipeline.config import PipelineConfig, load_config
from thresher.pipeline.run import RunReport, run_pipeline
from thresher.step import DocStep, StreamStep

__version__ = "0.1.0"

__all__ = [
    "ConfigError",
    "DocStep",
    "Document",
    "Drop",
    "EngineError",
    "Failure",
    "InputError",
    "PipelineConfig",
    "RunReport",
    "StepError",
    "StreamStep",
    "ThresherError",
    "load_config",
    "run_pipeline",
]
