"""The command layer: parses options, calls the domain modules, prints.

The root group is plain Click, and only Click and the standard library are imported at
start-up; each command is built from its module when it runs (:mod:`partsjournal.cli.lazy`),
so ``--help`` and the reading commands stay fast. Errors are caught in exactly one place,
:meth:`JournalGroup.invoke`, and usage errors are printed in one place, :meth:`JournalGroup.main`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from partsjournal import __version__
from partsjournal.cli.lazy import LazyGroup, TyperCommand, command_from
from partsjournal.core import crypt, matching, paths, progress
from partsjournal.core import messages as msg
from partsjournal.core.errors import JournalError
from partsjournal.flow import asking
from partsjournal.render import terminal, ui
from partsjournal.render.text import sentence, wrap

if TYPE_CHECKING:
    from partsjournal.flow.engine import Asker


_debug = {"on": bool(os.environ.get("PARTSJOURNAL_DEBUG"))}

# Every command, in the order --help lists them: the module under
# partsjournal.cli that defines it, and the line the top-level --help shows
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
    "measure": (
        "measure",
        "Questionnaires your clinic asks (PHQ-9, GAD-7): set them up, take them, see results.",
    ),
    "brief": (
        "brief",
        "Gather a brief for your therapist: safety record, notes, parts, promises, measures, "
        "practices and flare-ups; you see each item and leave out what you want before it is "
        "written.",
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
    "completion": (
        "completion",
        "Print the script that completes partsjournal's commands, exercise names, part names "
        "and session numbers in your shell (bash, zsh or fish).",
    ),
}


def build_command(name: str) -> Any:
    """The real command ``name``: a Click command, or the Typer command itself."""
    made = command_from(COMMANDS[name][0], name)
    return made.target() if isinstance(made, TyperCommand) else made


def ask_secret(question: str) -> str:
    """Ask for a passphrase through prompts/, loaded only when a file needs it."""
    import importlib

    prompts = importlib.import_module("partsjournal.prompts")
    answer: str = prompts.ask_secret(question)
    if question == msg.PASSPHRASE_ASK and terminal.current().stderr_tty:
        ui.say(msg.UNLOCKING, to_stderr=True)  # the key is derived next (scrypt): not silence
    return answer


def asker_at_terminal() -> Asker:
    """The asker for a person at a terminal (prompts/), loaded only when one is asked."""
    import importlib

    prompts = importlib.import_module("partsjournal.prompts")
    made: Asker = prompts.InteractiveAsker()
    return made


class JournalGroup(LazyGroup):
    """Turns every :class:`JournalError` into one sentence on stderr and its exit code.

    Anything unexpected becomes a short message too, unless ``--debug`` is given.
    Tracebacks are never shown with local variables, which could hold journal text.
    """

    order = tuple(COMMANDS)
    lazy = COMMANDS

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:  # "No such command": suggest from our table
            hint = matching.did_you_mean(args[0], COMMANDS) if args else ""
            if hint and "Did you mean" not in exc.message:
                raise click.UsageError(f"{exc.message.rstrip('.')}.{hint}", ctx=exc.ctx) from None
            raise

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        args = as_typed(args)
        # error messages say "run the same command with --debug": accept it anywhere
        # before a lone "--" (after which everything is the person's own text)
        end = args.index("--") if "--" in args else len(args)
        if "--debug" in args[:end]:
            _debug["on"] = True
            args = [a for a in args[:end] if a != "--debug"] + args[end:]
        return super().parse_args(ctx, args)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Run, and print the framework's own usage errors in our style: one line
        on stderr naming the help to read, exit code 2."""
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except click.exceptions.NoArgsIsHelpError as exc:  # the help, on stdout
            click.echo(exc.format_message())
            sys.exit(exc.exit_code)
        except click.ClickException as exc:  # Missing argument, No such option, ...
            message = " ".join(exc.format_message().split())
            ctx = getattr(exc, "ctx", None)
            if ctx is not None:
                end = "" if message.endswith((".", "?", "!")) else "."
                message += msg.SEE_HELP.format(end=end, command=ctx.command_path)
            click.echo(_fitted(msg.ERROR_LINE.format(sentence=sentence(message))), err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo(msg.ERROR_LINE.format(sentence=msg.STOPPED), err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        crypt.begin_command(ask_secret)  # an encrypted journal is unlocked once per command
        asking.use(asker_at_terminal)  # flow/ asks a terminal through prompts, never imports it
        try:
            super().invoke(ctx)
            _link_waiting_notes()
            return None  # a command's return value is never an exit code
        except JournalError as exc:
            if _debug["on"]:
                raise
            click.echo(_fitted(msg.ERROR_LINE.format(sentence=sentence(exc.message))), err=True)
            raise click.exceptions.Exit(exc.exit_code) from None
        except (click.exceptions.Exit, click.Abort, click.ClickException):
            raise
        except BrokenPipeError:
            # the reader went away (`partsjournal entries | head`): stop quietly
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise click.exceptions.Exit(1) from None
        except KeyboardInterrupt as exc:
            # Ctrl-C: 130; a closed terminal (SIGHUP) 129 and SIGTERM 143, after the
            # exercise saved its draft; the terminal may be gone, so say nothing then
            signum = getattr(exc, "signum", None)
            if signum is None:
                click.echo(msg.ERROR_LINE.format(sentence=msg.STOPPED), err=True)
            raise click.exceptions.Exit(128 + (signum or 2)) from None
        except OSError as exc:  # a folder or file the system would not let us use
            if _debug["on"]:
                raise
            said = sentence(os_error_sentence(exc))
            click.echo(_fitted(msg.ERROR_LINE.format(sentence=said)), err=True)
            raise click.exceptions.Exit(1) from None
        except Exception as exc:
            if _debug["on"]:
                raise
            said = msg.UNEXPECTED.format(kind=type(exc).__name__)
            click.echo(_fitted(msg.ERROR_LINE.format(sentence=said)), err=True)
            raise click.exceptions.Exit(1) from None


def _version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(msg.VERSION.format(version=__version__))
        ctx.exit()


@click.group(
    cls=JournalGroup,
    name="partsjournal",
    help=(
        "A private journal for Internal Family Systems (IFS) parts work: guided exercises, "
        "session preparation and integration, and a weekly look back. Everything stays in "
        "plain TOML files on this computer.\n\n" + msg.DISCLAIMER
    ),
    epilog="Start with: partsjournal exercise primer",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--home",
    type=click.Path(path_type=Path),  # core/paths says what is wrong with it
    metavar="FOLDER",
    help="Journal folder (default: $PARTSJOURNAL_HOME, else your user data folder).",
)
@click.option("--debug", is_flag=True, help="Show full error details (tracebacks).")
@click.option(
    "--version",
    "-V",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_version,
    help="Show the version.",
)
@click.option(
    "--plain",
    is_flag=True,
    help="Plain text: ASCII only, no boxes, colour or progress bars (for screen readers; "
    f"also {terminal.PLAIN_VAR}=1; on its own for TERM=dumb).",
)
def app(home: Path | None, debug: bool, plain: bool) -> None:
    paths.set_home(home)
    term = ui.begin(plain=plain)
    progress.bar = _progress if term.shows_progress() else None
    if debug:
        _debug["on"] = True


def _progress(items: Any, description: str) -> Any:
    """A progress bar on the terminal while the index is rebuilt."""
    return ui.track(items, description)


def _link_waiting_notes() -> None:
    """Notes saved while the journal's key was not at hand get their parts linked at the
    end of the first command that has it (flow/notes loads only when there are some)."""
    if not crypt.unlocked() or not paths.waiting_dir().is_dir():
        return
    import importlib

    notes = importlib.import_module("partsjournal.flow.notes")
    try:
        notes.link_waiting()
    except JournalError as exc:  # caught here: the notes are saved; linking is tried later
        ui.warn(msg.NOTE_LINK_LATER.format(reason=exc.message))


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
    where = exc.filename or msg.OS_SOME_FILE
    if isinstance(exc, PermissionError):
        return msg.OS_NOT_ALLOWED.format(where=where)
    if isinstance(exc, NotADirectoryError):
        return msg.OS_FILE_FOR_FOLDER.format(where=where)
    if isinstance(exc, IsADirectoryError):
        return msg.OS_FOLDER_FOR_FILE.format(where=where)
    if exc.errno == errno.ENOSPC:
        return msg.OS_NO_SPACE.format(where=where)
    if exc.errno == errno.EROFS:
        return msg.OS_READ_ONLY.format(where=where)
    reason = exc.strerror or type(exc).__name__
    return msg.OS_COULD_NOT_USE.format(where=where, reason=reason)


# Options whose value names a file: kept as the system gave it, for the system to find.
PATH_OPTIONS = ("--home", "--answers", "--output", "-o", "--ics")


def as_typed(args: list[str]) -> list[str]:
    """The arguments as the person typed them, whatever the locale says.

    Under the C or POSIX locale with Python's UTF-8 mode off (``LC_ALL=C PYTHONUTF8=0``)
    the words of ``note "Zoë"`` arrive with stand-ins (surrogates) for the bytes the
    locale could not read, which no file can hold: they are read as UTF-8 again, as
    every file is. Values of :data:`PATH_OPTIONS` stay as they came, since the system
    finds files by those very bytes; text that is not UTF-8 stays too (saving it is
    then refused with a sentence, never written half).
    """
    typed: list[str] = []
    a_path = False
    for arg in args:
        name = arg.split("=", 1)[0]
        stand_ins = any("\udc80" <= c <= "\udcff" for c in arg)
        if stand_ins and not a_path and name not in PATH_OPTIONS:
            with contextlib.suppress(UnicodeDecodeError):
                arg = os.fsencode(arg).decode("utf-8")
        typed.append(arg)
        a_path = arg in PATH_OPTIONS
    return typed


def main() -> None:
    """Console-script entry point."""
    if "--debug" in sys.argv[1:]:
        _debug["on"] = True
    app(prog_name="partsjournal")
