"""How library errors reach the terminal: one line, exit code 2, no traceback."""

from __future__ import annotations

import click

EXIT_BAD_INPUT = 2
EXIT_RUN_FAILED = 1


class CommandError(click.ClickException):
    """A one-line error for the user; exit code 2 unless told otherwise."""

    def __init__(self, message: str, exit_code: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.exit_code = exit_code
