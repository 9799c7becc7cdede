"""Options shared by several commands (one definition each): how many entries a listing shows,
and the Click options of the reading commands. The Typer commands that write entries take
theirs from :mod:`partsjournal.cli.typer_options`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from partsjournal.core import messages as msg
from partsjournal.core.errors import UsageError

F = TypeVar("F", bound=Callable[..., Any])

LATEST = 20  # entries a listing shows when neither --all nor -n is given


def how_many(number: int | None, all_: bool, *, every: bool = False) -> int | None:
    """How many entries a listing shows: ``-n N``, every one with ``--all`` (None), else
    :data:`LATEST` (every one when ``every``, as JSON gives them)."""
    if all_ and number is not None:
        raise UsageError(msg.ALL_OR_N)
    if number is not None and number < 1:
        raise UsageError(msg.NUMBER_FROM_ONE.format(option="-n", what="entries", given=number))
    if all_:
        return None
    if number is not None:
        return number
    return None if every else LATEST


def entry_time(function: F) -> F:
    """``--at`` and ``--future``, for a command that dates what it saves."""
    function = click.option(
        "--future", is_flag=True, help="Allow an --at date more than a day ahead (on purpose)."
    )(function)
    return click.option(
        "--at", metavar="DATE", help="Date the entry for an earlier moment: YYYY-MM-DD [HH:MM]."
    )(function)


def answers(function: F) -> F:
    """``--answers FILE``: no prompts."""
    return click.option(
        "--answers",
        metavar="FILE",
        help="Run without prompts: a TOML file of step id = answer ('-' reads stdin).",
    )(function)
