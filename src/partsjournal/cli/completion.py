"""Shell completion: commands and options through Click, and the values people type most:
exercise names, part names and session numbers.

Fast: exercise names come from the folder listings (``core/exercise_files``, without the
exercise models), session numbers from the sessions folder's listing, part names from the parts
folder. Completion never asks for anything: in an encrypted journal that is locked, part names
are simply not offered. Any problem offers nothing rather than printing into the shell.

Install it with ``eval "$(partsjournal completion bash)"`` (or zsh, fish) in the shell's start-up
file; Click's documented ``_PARTSJOURNAL_COMPLETE`` variable does the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click
from click.shell_completion import CompletionItem

from partsjournal.core import crypt, exercise_files, parts, sessions

Values = Callable[[str], list[CompletionItem]]
SHELLS = ("bash", "zsh", "fish")


def _quietly(find: Values, incomplete: str) -> list[CompletionItem]:
    crypt.never_ask()  # a locked journal offers nothing; completion never prompts
    try:
        return find(incomplete)
    except Exception:  # a broken or locked file: no suggestions, never a traceback
        return []


def _exercises(incomplete: str) -> list[CompletionItem]:
    return [CompletionItem(n) for n in exercise_files.names() if n.startswith(incomplete)]


def _parts(incomplete: str) -> list[CompletionItem]:
    folded = incomplete.casefold()
    return [
        CompletionItem(p.name, help=p.role or None)
        for p in sorted(parts.load_all(), key=lambda p: p.name.casefold())
        if p.name.casefold().startswith(folded)
    ]


def _sessions(incomplete: str) -> list[CompletionItem]:
    return [
        CompletionItem(str(n), help=day.isoformat())
        for n, day in enumerate(sessions.dates(), start=1)
        if str(n).startswith(incomplete)
    ]


def _entries(incomplete: str) -> list[CompletionItem]:
    return (
        [CompletionItem("last", help="the newest entry")] if "last".startswith(incomplete) else []
    )


def exercise_names(ctx: Any, param: Any, incomplete: str) -> list[CompletionItem]:
    return _quietly(_exercises, incomplete)


def part_names(ctx: Any, param: Any, incomplete: str) -> list[CompletionItem]:
    return _quietly(_parts, incomplete)


def session_numbers(ctx: Any, param: Any, incomplete: str) -> list[CompletionItem]:
    return _quietly(_sessions, incomplete)


def entry_refs(ctx: Any, param: Any, incomplete: str) -> list[CompletionItem]:
    return _quietly(_entries, incomplete)


# The values of the Typer commands' arguments (by position) and options, by command path.
TYPER_VALUES: dict[tuple[str, ...], dict[str | int, Values]] = {
    ("exercise",): {0: _exercises, "--part": _parts, "--session": _sessions},
    ("note",): {"--part": _parts},
    ("integrate",): {"--session": _sessions},
    ("parts", "edit"): {0: _parts, "--protects": _parts},
    ("parts", "merge"): {0: _parts, 1: _parts},
    ("parts", "unmerge"): {0: _parts},
    ("session", "edit"): {0: _sessions},
    ("session", "remove"): {0: _sessions},
}


def for_typer_command(command: Any, ctx: click.Context, incomplete: str) -> list[CompletionItem]:
    """Completion inside a Typer command run from Click (``cli/lazy.TyperCommand``): the
    words typed so far are its ``ctx.args``."""
    values = TYPER_VALUES.get(tuple(ctx.command_path.split()[1:]), {})
    typed = list(ctx.args)
    if typed and typed[-1] in values:  # the value of an option
        return _quietly(values[typed[-1]], incomplete)
    if incomplete.startswith("-"):
        return _options(command, incomplete)
    taking = {o for o in values if isinstance(o, str)}
    position = sum(
        1
        for i, word in enumerate(typed)
        if not word.startswith("-") and not (i and typed[i - 1] in taking)
    )
    find = values.get(position)
    return _quietly(find, incomplete) if find is not None else []


def _options(command: Any, incomplete: str) -> list[CompletionItem]:
    try:
        params = command.target().params
    except Exception:
        return []
    names = sorted({o for p in params for o in (*p.opts, *p.secondary_opts) if o.startswith("-")})
    return [CompletionItem(o) for o in names if o.startswith(incomplete)]


@click.command("completion")
@click.argument("shell", type=click.Choice(SHELLS), metavar="SHELL")
def completion(shell: str) -> None:
    """Print the script that completes partsjournal's commands, exercise names, part names
    and session numbers in your shell (bash, zsh or fish).

    Example: add eval "$(partsjournal completion bash)" to ~/.bashrc
    """
    from click.shell_completion import get_completion_class

    root = click.get_current_context().find_root().command
    made = get_completion_class(shell)
    assert made is not None
    click.echo(made(root, {}, "partsjournal", "_PARTSJOURNAL_COMPLETE").source())


COMMANDS = {"completion": completion}
