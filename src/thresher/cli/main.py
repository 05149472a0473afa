"""Entry point of the ``thresher`` command."""

from __future__ import annotations

import click

from thresher.cli.lazy import LazyGroup

# Subcommands live in their own modules (one per concern) and load on use, so
# ``thresher --help`` stays fast and a missing optional extra only affects its command.
_COMMANDS = {
    "run": "thresher.cli.run_cmd:command",
    "extract": "thresher.cli.extract_cmd:command",
    "clean": "thresher.cli.clean_cmd:command",
    "dedup": "thresher.cli.dedup_cmd:command",
    "sample-crawl": "thresher.cli.sample_cmd:command",
}
_EVAL_COMMANDS = {
    "extract": "thresher.cli.eval_extract:command",
    "clean": "thresher.cli.eval_clean:command",
    "dedup": "thresher.cli.eval_dedup:command",
}


@click.group(cls=LazyGroup, lazy_commands=_COMMANDS)
@click.version_option(package_name="thresher")
def cli() -> None:
    """thresher: raw web crawl in, clean deduplicated text corpus out."""


@cli.group(cls=LazyGroup, lazy_commands=_EVAL_COMMANDS, name="eval")
def eval_group() -> None:
    """Measure thresher (and peers) against labelled data."""


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="thresher")


if __name__ == "__main__":
    main()
