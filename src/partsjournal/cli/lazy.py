"""Commands built only when they run, with Click's public API only.

Click documents this pattern ("Lazily Loading Subcommands"): a group lists its commands by name
and one line of help, and imports a command's module only when that command is run, so the
reading commands and ``--help`` do not pay for the modules of the others. The reading commands
are written in plain Click (fast, and their options need nothing more than ``str``, ``int`` and
paths). The commands that ask questions are written with Typer; each is run through
:class:`TyperCommand`, which hands it its arguments through ``typer.main.get_command``, Typer's
documented way to use a Typer app from Click.

A module of plain Click commands has ``COMMANDS``: a dict of name to ``click.Command``; a
module of Typer commands has ``register(app)``, which defines them on a ``typer.Typer``.
"""

from __future__ import annotations

import importlib
from typing import Any, ClassVar, Literal

import click

from partsjournal.cli import helptext
from partsjournal.render import terminal

LISTING = "partsjournal.listing"  # in ctx.meta while --help lists the commands

# the modules whose commands are written in plain Click (the rest use Typer)
CLICK_MODULES = frozenset(
    {"entries", "review", "practices", "edit", "parts", "session", "completion", "brief"}
)


def command_from(module_name: str, name: str) -> click.Command:
    """The command ``name`` that ``partsjournal.cli.<module_name>`` defines (a Typer module is
    imported only when its command runs)."""
    if module_name not in CLICK_MODULES:
        return TyperCommand(name, module_name)
    module = importlib.import_module(f"partsjournal.cli.{module_name}")
    made: dict[str, click.Command] = module.COMMANDS
    found: click.Command = helptext.polish(made[name])  # {latest} in its help, -h
    return found


def typer_command(module_name: str, name: str) -> Any:
    """The Typer command ``name`` as ``partsjournal.cli.<module_name>.register`` defines it."""
    import typer
    import typer.main

    # plain output: Typer's help without rich's boxes and colours
    markup: Literal["rich"] | None = None if terminal.current().plain else "rich"
    holder = typer.Typer(rich_markup_mode=markup, add_completion=False)
    importlib.import_module(f"partsjournal.cli.{module_name}").register(holder)
    made = typer.main.get_command(holder)
    found = made.commands[name] if hasattr(made, "commands") else made
    return helptext.polish(found)


class TyperCommand(click.Command):
    """A command written with Typer, run from a Click group: its arguments go to it untouched
    (a lone ``--`` too), and what it raises comes out as Click's own exceptions."""

    def __init__(self, name: str, module_name: str, short_help: str | None = None) -> None:
        super().__init__(name, help=short_help, add_help_option=False)
        self.module_name = module_name
        self._target: Any = None

    def target(self) -> Any:
        """The Typer command itself (built on first use)."""
        if self._target is None:
            self._target = typer_command(self.module_name, self.name or "")
        return self._target

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.args = list(args)  # every word is the Typer command's to parse
        return []

    def invoke(self, ctx: click.Context) -> Any:
        import typer

        target = self.target()
        try:
            with target.make_context(ctx.command_path, list(ctx.args)) as inner:
                return target.invoke(inner)
        except typer.Exit as exc:
            raise click.exceptions.Exit(exc.exit_code) from None
        except typer.Abort:
            raise click.Abort() from None
        except typer.TyperException as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":  # it has printed its help
                raise click.exceptions.Exit(0) from None
            if exc.exit_code == click.UsageError.exit_code:
                raise click.UsageError(exc.format_message(), ctx=ctx) from None
            raise click.ClickException(exc.format_message()) from None

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list[Any]:
        completion = importlib.import_module("partsjournal.cli.completion")  # only on <TAB>
        found: list[Any] = completion.for_typer_command(self, ctx, incomplete)
        return found


class LazyGroup(click.Group):
    """``lazy`` maps a command to (its module under ``partsjournal.cli``, the one line its
    group's --help shows); ``order`` is how --help lists them (others after, as defined)."""

    lazy: ClassVar[dict[str, tuple[str, str]]] = {}
    order: ClassVar[tuple[str, ...]] = ()

    def list_commands(self, ctx: click.Context) -> list[str]:
        names = [*super().list_commands(ctx), *(n for n in self.lazy if n not in self.commands)]
        return sorted(names, key=lambda n: self.order.index(n) if n in self.order else 99)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands or cmd_name not in self.lazy:
            return super().get_command(ctx, cmd_name)
        module_name, short = self.lazy[cmd_name]
        if ctx.meta.get(LISTING):  # --help needs only the name and the line
            return click.Command(cmd_name, short_help=short, help=short)
        return command_from(module_name, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        ctx.meta[LISTING] = True
        try:
            super().format_commands(ctx, formatter)
        finally:
            ctx.meta[LISTING] = False
