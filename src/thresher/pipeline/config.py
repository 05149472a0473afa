"""Pipeline configuration: TOML file, then dataclasses, then command-line overrides.

A configuration file looks like::

    [reader]                 # field names for JSONL / Parquet inputs
    text_field = "text"

    [output]
    format = "jsonl"         # jsonl | parquet
    compression = "gzip"     # gzip | zstd | none (JSONL only)
    rejects = true

    [run]
    workers = 4

    [[steps]]                # in order; omit to run the default pipeline
    name = "extract"
    [[steps]]
    name = "clean"

Every key is checked: an unknown key or a bad value raises ConfigError naming it
(``steps[1].min_words: expected int, got str``).
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thresher.errors import ConfigError
from thresher.io.readers import ReaderOptions
from thresher.io.writers import Compression, OutputFormat
from thresher.pipeline.registry import STEP_CLASSES, step_class
from thresher.step import DocStep

# The default pipeline, in order; steps whose module is not installed yet are skipped.
DEFAULT_STEPS: tuple[str, ...] = (
    "extract",
    "unicode",  # after extraction: repairing the whole HTML would cost ten times more
    "site_clean",
    "langid",
    "gopher_repetition",
    "gopher_quality",
    "c4_quality",
    "fineweb_quality",
    "dedup",
    "pii",
)
# Used for HTML when the main-content extractor is not available.
FALLBACK_HTML_STEP = "html_to_text"


@dataclass(frozen=True, slots=True)
class StepSpec:
    """A step named in a configuration, with its parameters."""

    name: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class OutputOptions:
    format: OutputFormat = OutputFormat.JSONL
    compression: Compression = Compression.GZIP
    rejects: bool = True


@dataclass(frozen=True, slots=True)
class RunOptions:
    workers: int | None = None  # None: all cores
    files_per_shard: int = 1000
    max_document_chars: int | None = 20_000_000

    def __post_init__(self) -> None:
        if self.workers is not None and self.workers < 1:
            raise ConfigError("run.workers must be >= 1")
        if self.files_per_shard < 1:
            raise ConfigError("run.files_per_shard must be >= 1")
        if self.max_document_chars is not None and self.max_document_chars < 1:
            raise ConfigError("run.max_document_chars must be >= 1 (omit it for no limit)")

    def worker_count(self) -> int:
        return self.workers or os.cpu_count() or 1


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    """Everything a run needs besides its inputs and output directory."""

    steps: tuple[StepSpec, ...]
    reader: ReaderOptions = field(default_factory=ReaderOptions)
    output: OutputOptions = field(default_factory=OutputOptions)
    run: RunOptions = field(default_factory=RunOptions)

    def build_steps(self) -> list[DocStep]:
        """Instantiate (and so validate) every step."""
        return [build_step(spec, index) for index, spec in enumerate(self.steps)]

    def to_json(self) -> dict[str, Any]:
        return {
            "steps": [{"name": s.name, **s.params} for s in self.steps],
            "reader": dataclasses.asdict(self.reader),
            "output": {k: str(v) for k, v in dataclasses.asdict(self.output).items()},
            "run": {
                "files_per_shard": self.run.files_per_shard,
                "max_document_chars": self.run.max_document_chars,
            },
        }


def _step_available(name: str) -> bool:
    target = STEP_CLASSES.get(name)
    if target is None:
        return False
    import importlib.util

    try:
        return importlib.util.find_spec(target.partition(":")[0]) is not None
    except ModuleNotFoundError:  # its parent package is not installed either
        return False


def default_steps() -> tuple[StepSpec, ...]:
    """The default pipeline with the steps this installation has."""
    names = [n for n in DEFAULT_STEPS if _step_available(n)]
    if "extract" not in names:
        names.insert(0, FALLBACK_HTML_STEP)
    names.append("drop_empty")
    return tuple(StepSpec(n) for n in names)


def build_step(spec: StepSpec, index: int) -> DocStep:
    """Instantiate one step, turning every wrong key or value into a ConfigError."""
    where = f"steps[{index}] ({spec.name})"
    cls = step_class(spec.name)
    fields: dict[str, dataclasses.Field[Any]] = (
        {f.name: f for f in dataclasses.fields(cls) if f.init} if dataclasses.is_dataclass(cls) else {}
    )
    for key, value in spec.params.items():
        if key not in fields:
            known = ", ".join(sorted(fields)) or "none"
            raise ConfigError(f"{where}: unknown key {key!r} (known keys: {known})")
        _check_type(f"{where}.{key}", value, cls, key)
    try:
        return cls(**spec.params)
    except ConfigError as exc:
        raise ConfigError(f"{where}: {exc}") from exc
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: {exc}") from exc


def _check_type(where: str, value: Any, cls: type, key: str) -> None:
    hints = typing.get_type_hints(cls)
    expected = hints.get(key)
    if expected is None or _matches(value, expected):
        return
    raise ConfigError(f"{where}: expected {_type_name(expected)}, got {type(value).__name__} {value!r}")


def _matches(value: Any, expected: Any) -> bool:
    origin = typing.get_origin(expected)
    if expected is Any:
        return True
    if origin in (typing.Union, types.UnionType):
        return any(_matches(value, arg) for arg in typing.get_args(expected))
    if origin is typing.Literal:
        return value in typing.get_args(expected)
    if expected is type(None):
        return value is None
    if origin in (list, tuple, frozenset, set):
        args = [a for a in typing.get_args(expected) if a is not Ellipsis]
        return (
            isinstance(value, list | tuple) and all(any(_matches(v, a) for a in args) for v in value)
            if args
            else isinstance(value, list | tuple)
        )
    if origin is dict:
        return isinstance(value, dict)
    if expected is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(expected, type):
        if issubclass(expected, str) and isinstance(value, str):
            return True
        return isinstance(value, expected)
    return True


def _type_name(expected: Any) -> str:
    return getattr(expected, "__name__", None) or str(expected).replace("typing.", "")


_SECTIONS = {"reader", "output", "run", "steps"}


def _section(data: dict[str, Any], name: str, cls: type) -> Any:
    raw = data.get(name, {})
    if not isinstance(raw, dict):
        raise ConfigError(f"[{name}] must be a table")
    known = {f.name for f in dataclasses.fields(cls)}
    for key in raw:
        if key not in known:
            raise ConfigError(f"{name}.{key}: unknown key (known keys: {', '.join(sorted(known))})")
    values = dict(raw)
    try:
        if cls is OutputOptions:
            if "format" in values:
                values["format"] = _enum(OutputFormat, values["format"], "output.format")
            if "compression" in values:
                values["compression"] = _enum(Compression, values["compression"], "output.compression")
        for key, value in values.items():
            if not isinstance(value, OutputFormat | Compression):
                _check_type(f"{name}.{key}", value, cls, key)
        return cls(**values)
    except TypeError as exc:
        raise ConfigError(f"[{name}]: {exc}") from exc


def _enum(enum: type[OutputFormat] | type[Compression], value: Any, where: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        choices = ", ".join(e.value for e in enum)
        raise ConfigError(f"{where}: {value!r} is not one of {choices}") from None


def parse_config(data: dict[str, Any]) -> PipelineConfig:
    """A PipelineConfig from parsed TOML (or any mapping of the same shape)."""
    for key in data:
        if key not in _SECTIONS:
            raise ConfigError(f"unknown section {key!r} (known: {', '.join(sorted(_SECTIONS))})")
    steps_raw = data.get("steps")
    if steps_raw is None:
        steps = default_steps()
    else:
        if not isinstance(steps_raw, list) or not steps_raw:
            raise ConfigError("steps must be a non-empty array of tables ([[steps]])")
        steps = tuple(_step_spec(raw, i) for i, raw in enumerate(steps_raw))
    config = PipelineConfig(
        steps=steps,
        reader=_section(data, "reader", ReaderOptions),
        output=_section(data, "output", OutputOptions),
        run=_section(data, "run", RunOptions),
    )
    config.build_steps()  # validate every step now, not in a worker
    return config


def _step_spec(raw: Any, index: int) -> StepSpec:
    if not isinstance(raw, dict):
        raise ConfigError(f"steps[{index}] must be a table")
    name = raw.get("name")
    if not isinstance(name, str):
        raise ConfigError(f"steps[{index}].name is missing (every step needs a name)")
    return StepSpec(name, {k: v for k, v in raw.items() if k != "name"})


def load_config(path: str | Path | None) -> PipelineConfig:
    """Read and validate a TOML configuration; None gives the default pipeline."""
    if path is None:
        return parse_config({})
    try:
        with Path(path).open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    try:
        return parse_config(data)
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from exc
