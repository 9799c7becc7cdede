"""Sub-commands built only when they run, like the top-level commands in ``root``.

A command that asks before it changes something (``parts merge``, ``session
remove``) needs :mod:`partsjournal.prompts`, which brings the exercise models
with it; the reading commands of the same group (``parts``, ``session list``)
must not pay for that at every start. A group lists such commands by name and
one line of help, and imports their module only when one of them is run.
"""

from __future__ import annotations

import importlib
from typing import Any, ClassVar

from typer._click.core import Context
from typer.core import TyperCommand, TyperGroup

from partsjournal.cli import helptext


class LazyGroup(TyperGroup):
    """``lazy`` maps a sub-command to (its module under ``partsjournal.cli``, the one
    line its group's --help shows); the module's ``register(app)`` defines it."""

    lazy: ClassVar[dict[str, tuple[str, str]]] = {}
    order: ClassVar[tuple[str, ...]] = ()  # how --help lists them (others after, as defined)
    _listing = False

    def list_commands(self, ctx: Context) -> list[str]:
        names = [*super().list_commands(ctx), *self.lazy]
        return sorted(names, key=lambda n: self.order.index(n) if n in self.order else 99)

    def get_command(self, ctx: Context, cmd_name: str) -> Any:
        if cmd_name not in self.lazy:
            return super().get_command(ctx, cmd_name)
        module_name, short = self.lazy[cmd_name]
        if self._listing:
            return TyperCommand(name=cmd_name, help=short)
        import typer
        import typer.main

        holder = typer.Typer()
        importlib.import_module(f"partsjournal.cli.{module_name}").register(holder)
        return helptext.polish(typer.main.get_group(holder).commands[cmd_name])

    def format_help(self, ctx: Context, formatter: Any) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False
