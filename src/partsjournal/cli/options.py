"""Options shared by several commands (one definition each): those of the commands that write
entries, and how many entries a listing shows."""

from __future__ import annotations

from typing import Annotated

import typer

from partsjournal.core.errors import UsageError

AtOption = Annotated[
    str | None,
    typer.Option(
        "--at", metavar="DATE", help="Date the entry for an earlier moment: YYYY-MM-DD [HH:MM]."
    ),
]
FutureOption = Annotated[
    bool,
    typer.Option("--future", help="Allow an --at date more than a day ahead (on purpose)."),
]
AnswersOption = Annotated[
    str | None,
    typer.Option(
        "--answers",
        metavar="FILE",
        help="Run without prompts: a TOML file of step id = answer ('-' reads stdin).",
    ),
]
SessionOption = Annotated[
    str | None,
    typer.Option("--session", help="Link the entry to this session (its number or id)."),
]
BeforeOption = Annotated[
    bool, typer.Option("--before", help="The entry prepares for a coming session.")
]
AfterOption = Annotated[
    bool, typer.Option("--after", help="The entry integrates a session that has happened.")
]

LATEST = 20  # entries a listing shows when neither --all nor -n is given

NumberOption = Annotated[
    int | None,
    typer.Option("--number", "-n", metavar="N", help="Show N entries (default {latest})."),
]
AllOption = Annotated[bool, typer.Option("--all", help="Show every entry.")]


def how_many(number: int | None, all_: bool, *, every: bool = False) -> int | None:
    """How many entries a listing shows: ``-n N``, every one with ``--all`` (None), else
    :data:`LATEST` (every one when ``every``, as JSON gives them)."""
    if all_ and number is not None:
        raise UsageError("Pass either --all or -n N, not both.")
    if number is not None and number < 1:
        raise UsageError(f"-n needs a number of entries from 1 up, not {number}.")
    if all_:
        return None
    if number is not None:
        return number
    return None if every else LATEST
