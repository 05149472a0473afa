"""How library errors reach the terminal: one line, exit code 2, no traceback."""

from __future__ import annotations

import click

EXIT_BAD_INPUT = 2
EXIT_RUN_FAILED = 1


class CommandError(click.ClickException):
    """A one-line error for the user about what they asked for (exit code 2)."""

    exit_code = EXIT_BAD_INPUT


class RunFailed(click.ClickException):
    """The run went through but some of its work failed (exit code 1)."""

    exit_code = EXIT_RUN_FAILED
