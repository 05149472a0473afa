"""A click group whose subcommands are imported only when they are run."""

from __future__ import annotations

import importlib
from typing import Any

import click

from thresher.cli.errors import CommandError
from thresher.errors import ThresherError


class LazyGroup(click.Group):
    """Subcommands given as ``{"name": "module:attribute"}``, imported on use."""

    def __init__(self, *args: Any, lazy_commands: dict[str, str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._lazy = dict(lazy_commands or {})

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ThresherError as exc:
            raise CommandError(str(exc)) from exc

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self._lazy])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = self._lazy.get(cmd_name)
        if target is None:
            return super().get_command(ctx, cmd_name)
        module_name, _, attribute = target.partition(":")
        command = getattr(importlib.import_module(module_name), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"{target} is not a click command")
        return command
