"""The command layer: parses options, calls the domain modules, prints.

Only typer and the standard library are imported at start-up; each command
imports what it needs when it runs, so ``--help`` and light commands stay fast.
Errors are caught in exactly one place, :meth:`JournalGroup.invoke`.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer._click.core import Context
from typer.core import TyperGroup

from partsjournal import __version__
from partsjournal.cli import helptext
from partsjournal.cli.plain import prepare
from partsjournal.core import crypt, matching, paths, progress
from partsjournal.core.errors import JournalError
from partsjournal.render import terminal, ui
from partsjournal.render.text import visible, wrap

DISCLAIMER = (
    "partsjournal is a self-practice journal, not therapy, medical advice or a crisis service."
)

_debug = {"on": bool(os.environ.get("PARTSJOURNAL_DEBUG"))}

# Every command, in the order --help lists them: the module under
# partsjournal.commands that defines it, and the line the top-level --help shows
# (the first paragraph of its help; tests/test_cli_lazy.py keeps them equal).
# Building every Typer command costs ~20 ms at each start, so only the command
# being run is built; the top-level --help lists these lines instead.
COMMANDS: dict[str, tuple[str, str]] = {
    "exercise": (
        "exercise",
        "Run a guided exercise, one step at a time, and save it as a journal entry.",
    ),
    "note": (
        "note",
        "Save a one-line note of a moment that stirred a part (a trailhead), with no questions.",
    ),
    "integrate": (
        "integrate",
        "Check in with body, mind, emotions, spirit and the balance of work and play.",
    ),
    "practices": (
        "practices",
        "List the practices you chose in recent check-ins and how they went.",
    ),
    "session": (
        "session",
        "Record your sessions and see the entries before and after each one.",
    ),
    "parts": (
        "parts",
        "The parts you have met: list them, read one's story, add, edit, rename, merge, map.",
    ),
    "review": (
        "review",
        "Look back over a period: sessions, exercises, parts, activation, Self-energy, "
        "realms, practices and a few of your own words.",
    ),
    "entries": ("entries", "List entries: date, exercise, parts and first words, oldest first."),
    "show": ("entries", "Show one entry with every question and answer."),
    "edit": ("edit", "Open one entry in $EDITOR; it is checked before it is saved."),
    "export": (
        "entries",
        "Write the entries of a period, in order with phases and parts, for you to share "
        "with your therapist if you choose. Nothing is sent anywhere.",
    ),
    "drafts": ("drafts", "List paused exercises (drafts), or discard one."),
    "resume": ("drafts", "Continue a paused exercise from the step where it stopped."),
    "ground": (
        "care",
        "A few slow minutes to come back to here and now: feet, breath, where you are.",
    ),
    "config": (
        "care",
        "Show or change your settings: the people, therapist and crisis line on the card.",
    ),
    "encrypt": (
        "encryption",
        "Encrypt every journal file in the age format; new files are encrypted as they are saved.",
    ),
    "decrypt": (
        "encryption",
        "Write every journal file as plain text again and remove the journal's key.",
    ),
    "passphrase": (
        "encryption",
        "Change the passphrase that protects the journal's key; entries are not rewritten.",
    ),
}


def build_command(name: str) -> Any:
    """The real Typer command ``name``, built from its module."""
    import importlib

    import typer.main

    module = importlib.import_module(f"partsjournal.cli.{COMMANDS[name][0]}")
    holder = typer.Typer()
    module.register(holder)
    return helptext.polish(typer.main.get_group(holder).commands[name])


def ask_secret(question: str) -> str:
    """Ask for a passphrase through prompts.py, loaded only when a file needs it."""
    import importlib

    prompts = importlib.import_module("partsjournal.prompts")
    answer: str = prompts.ask_secret(question)
    if question == crypt.UNLOCK_QUESTION and terminal.current().stderr_tty:
        ui.say(crypt.UNLOCKING, to_stderr=True)  # the key is derived next: say so, not silence
    return answer


class JournalGroup(TyperGroup):
    """Turns every :class:`JournalError` into one sentence on stderr and its exit code.

    Anything unexpected becomes a short message too, unless ``--debug`` is given.
    Tracebacks are never shown with local variables, which could hold journal text.
    """

    _listing = False

    def list_commands(self, ctx: Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Context, cmd_name: str) -> Any:
        if cmd_name not in COMMANDS:
            return None
        if self._listing:  # the top-level --help needs only names and one line each
            from typer.core import TyperCommand

            return TyperCommand(name=cmd_name, help=COMMANDS[cmd_name][1])
        return build_command(cmd_name)

    def resolve_command(self, ctx: Context, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except typer.TyperException as exc:  # "No such command": suggest from our table
            hint = matching.did_you_mean(args[0], COMMANDS) if args else ""
            if hint and "Did you mean" not in exc.message:
                exc.message = f"{exc.message.rstrip('.')}.{hint}"
            raise

    def format_help(self, ctx: Context, formatter: Any) -> None:
        helptext.polish(self)
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        prepare(self.get_params(ctx))  # the root options need no pydantic either
        # error messages say "run the same command with --debug": accept it anywhere
        # before a lone "--" (after which everything is the person's own text)
        end = args.index("--") if "--" in args else len(args)
        if "--debug" in args[:end]:
            _debug["on"] = True
            args = [a for a in args[:end] if a != "--debug"] + args[end:]
        return super().parse_args(ctx, args)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Run, and print the framework's own usage errors in our style: one line
        on stderr naming the help to read, exit code 2 (instead of a boxed panel)."""
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except typer.TyperException as exc:  # Missing argument, No such option, ...
            if type(exc).__name__ != "NoArgsIsHelpError":  # that one has printed the help
                message = " ".join(exc.format_message().split())
                ctx = getattr(exc, "ctx", None)
                if ctx is not None:
                    end = "" if message.endswith((".", "?", "!")) else "."
                    message += f"{end} See '{ctx.command_path} --help'."
                typer.echo(_fitted(f"partsjournal: {message}"), err=True)
            sys.exit(exc.exit_code)
        except typer.Abort:
            typer.echo("partsjournal: stopped.", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        crypt.begin_command(ask_secret)  # an encrypted journal is unlocked once per command
        try:
            super().invoke(ctx)
            return None  # a command's return value is never an exit code
        except JournalError as exc:
            if _debug["on"]:
                raise
            typer.echo(_fitted(f"partsjournal: {visible(exc.message)}"), err=True)
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except BrokenPipeError:
            # the reader went away (`partsjournal entries | head`): stop quietly
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(1) from None
        except KeyboardInterrupt as exc:
            # Ctrl-C: 130; a closed terminal (SIGHUP) 129 and SIGTERM 143, after the
            # exercise saved its draft; the terminal may be gone, so say nothing then
            signum = getattr(exc, "signum", None)
            if signum is None:
                typer.echo("partsjournal: stopped.", err=True)
            raise typer.Exit(128 + (signum or 2)) from None
        except OSError as exc:  # a folder or file the system would not let us use
            if _debug["on"]:
                raise
            typer.echo(_fitted(f"partsjournal: {visible(os_error_sentence(exc))}"), err=True)
            raise typer.Exit(1) from None
        except Exception as exc:
            if _debug["on"]:
                raise
            typer.echo(
                _fitted(
                    f"partsjournal: something went wrong inside partsjournal "
                    f"({type(exc).__name__}); your saved entries are untouched. "
                    "Run the same command with --debug for details."
                ),
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
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    plain: Annotated[
        bool,
        typer.Option(
            "--plain",
            help="Plain text: ASCII only, no boxes, colour or progress bars (for screen "
            f"readers; also ${terminal.PLAIN_VAR}=1; on its own for TERM=dumb).",
        ),
    ] = False,
) -> None:
    paths.set_home(home)
    term = ui.begin(plain=plain)
    progress.bar = _progress if term.shows_progress() else None
    if debug:
        _debug["on"] = True


def _progress(items: Any, description: str) -> Any:
    """A progress bar on the terminal while the index is rebuilt."""
    return ui.track(items, description)


def _fitted(message: str) -> str:
    """An error for a terminal, broken between words to fit it (never inside a
    command or a path); for a pipe or a file, one line, unless COLUMNS is set."""
    term = terminal.current()
    if not term.fits_lines(stderr=True):
        return message
    return wrap(message, term.width)


def os_error_sentence(exc: OSError) -> str:
    """One sentence for a file or folder the system would not let partsjournal use.

    Every write is atomic (see core/store), so a failed one has changed nothing.
    """
    where = exc.filename or "a file in your journal"
    if isinstance(exc, PermissionError):
        return (
            f"partsjournal is not allowed to use {where}; make sure it and the folders above "
            f"it are yours and readable and writable (ls -ld '{where}' shows who owns it)."
        )
    if isinstance(exc, NotADirectoryError):
        return (
            f"Part of the path {where} is a file where partsjournal needs a folder; "
            "move that file aside and run the command again."
        )
    if isinstance(exc, IsADirectoryError):
        return f"{where} is a folder where partsjournal needs a file; move it aside and try again."
    if exc.errno == errno.ENOSPC:
        return f"There is no space left to write {where}; nothing was changed. Free some space."
    if exc.errno == errno.EROFS:
        return f"{where} is on a read-only disk; nothing was changed. Choose another --home."
    reason = exc.strerror or type(exc).__name__
    return f"Could not use {where} ({reason}); nothing was changed. Check it and try again."


def main() -> None:
    """Console-script entry point."""
    if "--debug" in sys.argv[1:]:
        _debug["on"] = True
    app()
