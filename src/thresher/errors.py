"""Exceptions raised by thresher.

::

    ThresherError
     ├── ConfigError   a pipeline configuration or option is invalid
     ├── InputError    an input path cannot be read as any supported format
     ├── StepError     a step failed in a way that is not about one document
     └── EngineError   an engine could not run (workers died, cluster unreachable)

A bad *document* is never an exception that escapes a run: it becomes a counted
:class:`~thresher.document.Drop` or an errored record with a reason.
"""

from __future__ import annotations


class ThresherError(Exception):
    """Base class of every error thresher raises on purpose."""


class ConfigError(ThresherError):
    """A configuration value, key or option is invalid; the message names it."""


class InputError(ThresherError):
    """An input path is missing or cannot be read as a supported format."""


class StepError(ThresherError):
    """A step could not be set up or run (not a per-document failure)."""


class EngineError(ThresherError):
    """An engine could not run the pipeline."""
