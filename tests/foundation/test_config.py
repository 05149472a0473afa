"""Pipeline configuration: defaults, TOML, and errors that name the bad key."""

from __future__ import annotations

from pathlib import Path

import pytest

from thresher.errors import ConfigError
from thresher.filters.basic import DropEmpty
from thresher.io.writers import Compression, OutputFormat
from thresher.pipeline.config import load_config, parse_config


def test_default_pipeline_turns_html_into_text_and_drops_empty() -> None:
    names = [s.name for s in load_config(None).steps]
    assert names[-1] == "drop_empty"
    assert "extract" in names or "html_to_text" in names


def test_toml_file_sets_steps_and_sections(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(
        '[reader]\ntext_field = "body"\n[output]\nformat = "parquet"\ncompression = "zstd"\n'
        '[run]\nworkers = 3\n[[steps]]\nname = "html_to_text"\n'
        '[[steps]]\nname = "drop_empty"\nmin_chars = 20\n'
    )
    config = load_config(path)
    assert config.reader.text_field == "body"
    assert config.output.format is OutputFormat.PARQUET and config.output.compression is Compression.ZSTD
    assert config.run.workers == 3
    steps = config.build_steps()
    assert [s.name for s in steps] == ["html_to_text", "drop_empty"]
    assert isinstance(steps[1], DropEmpty) and steps[1].min_chars == 20


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"stepz": []}, "unknown section 'stepz'"),
        ({"steps": [{"name": "no_such_step"}]}, "unknown step 'no_such_step'"),
        ({"steps": [{"min_chars": 3}]}, "steps[0].name is missing"),
        (
            {"steps": [{"name": "drop_empty", "min_char": 3}]},
            "steps[0] (drop_empty): unknown key 'min_char'",
        ),
        (
            {"steps": [{"name": "drop_empty", "min_chars": "3"}]},
            "steps[0] (drop_empty).min_chars: expected int",
        ),
        ({"steps": [{"name": "drop_empty", "min_chars": -1}]}, "min_chars must be >= 0"),
        ({"output": {"format": "csv"}}, "output.format: 'csv' is not one of jsonl, parquet"),
        ({"run": {"workers": 0}}, "run.workers must be >= 1"),
        ({"run": {"workers": "all"}}, "run.workers: expected int"),
        ({"reader": {"text_field": ""}}, "reader.text_field must not be empty"),
    ],
)
def test_errors_name_the_bad_key(data: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as error:
        parse_config(data)
    assert message in str(error.value)


def test_invalid_toml_and_missing_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[[steps]\nname=")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(broken)
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.toml")
