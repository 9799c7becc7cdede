"""The command layer: parses options, calls the domain modules, prints.

Only typer and the standard library are imported at start-up; each command
imports what it needs when it runs, so ``--help`` and light commands stay fast.
Errors are caught in exactly one place, :meth:`JournalGroup.invoke`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer._click.core import Context
from typer.core import TyperGroup

from partsjournal import __version__
from partsjournal.errors import JournalError

DISCLAIMER = (
    "partsjournal is a self-practice journal, not therapy, medical advice or a crisis service."
)

_debug = {"on": bool(os.environ.get("PARTSJOURNAL_DEBUG"))}


class JournalGroup(TyperGroup):
    """Turns every :class:`JournalError` into one sentence on stderr and its exit code.

    Anything unexpected becomes a short message too, unless ``--debug`` is given.
    Tracebacks are never shown with local variables, which could hold journal text.
    """

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        from partsjournal.commands._plain import prepare

        prepare(self.get_params(ctx))  # the root options need no pydantic either
        return super().parse_args(ctx, args)

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except JournalError as exc:
            if _debug["on"]:
                raise
            typer.echo(f"partsjournal: {exc.message}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except KeyboardInterrupt:
            typer.echo("partsjournal: stopped.", err=True)
            raise typer.Exit(130) from None
        except Exception as exc:
            if _debug["on"]:
                raise
            typer.echo(
                f"partsjournal: something went wrong inside partsjournal ({type(exc).__name__}); "
                "your saved entries are untouched. Run the same command with --debug for details.",
                err=True,
            )
            raise typer.Exit(1) from None


app = typer.Typer(
    cls=JournalGroup,
    name="partsjournal",
    help=(
        "A private journal for Internal Family Systems (IFS) parts work: guided exercises, "
        "session preparation and integration, and a weekly look back. Everything stays in "
        "plain TOML files on this computer.\n\n" + DISCLAIMER
    ),
    epilog="Start with: partsjournal exercise protector",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"partsjournal {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    home: Annotated[
        Path | None,
        typer.Option(
            "--home",
            help="Journal folder (default: $PARTSJOURNAL_HOME, else your user data folder).",
            file_okay=False,
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show full error details (tracebacks).")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    from partsjournal import paths

    paths.set_home(home)
    if debug:
        _debug["on"] = True


def _register() -> None:
    from partsjournal.commands import (
        care,
        drafts,
        entries,
        exercise,
        integrate,
        parts,
        review,
        session,
    )

    for module in (exercise, integrate, session, parts, review, entries, drafts, care):
        module.register(app)


_register()


def main() -> None:
    """Console-script entry point."""
    if "--debug" in sys.argv[1:]:
        _debug["on"] = True
    app()
