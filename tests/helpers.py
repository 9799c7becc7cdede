"""Helpers shared by the test modules: the one place each is defined.

A test module imports helpers from here (or from the other helper modules: ``askers``,
``crypt_helpers``, ``journal_fixtures``, ``pty_helpers``), never from another test module;
``test_architecture.py`` checks both.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import typer

from partsjournal.cli import root
from partsjournal.core import dates

# "today" in every test unless it is marked ``@pytest.mark.now(...)``: Monday 23 November
# 2026, evening, UTC+1 (the suite's time zone, Europe/Paris, in winter)
TODAY = datetime(2026, 11, 23, 20, 0, tzinfo=timezone(timedelta(hours=1)))


def freeze_today(monkeypatch: pytest.MonkeyPatch, when: datetime = TODAY) -> None:
    """Make ``when`` the time partsjournal takes as now, in process and in every program
    the test starts from here on (the clock fixture does this for every test)."""
    monkeypatch.setenv(dates.NOW_VAR, when.isoformat())


def command_options() -> Iterator[tuple[str, Any, Any]]:
    """(command as typed, its parameter, the parameter's Python type) for every option and
    argument of every command, sub-commands included: for tables that must name every
    command taking a file, a date, ... so a new one cannot be left out."""

    def walk(command: Any, typed: str) -> Iterator[tuple[str, Any, Any]]:
        if hasattr(command, "list_commands"):
            ctx = typer.Context(command)
            for name in command.list_commands(ctx):
                yield from walk(command.get_command(ctx, name), f"{typed} {name}")
            return
        hints = typing.get_type_hints(command.callback)
        for param in command.params:
            yield typed, param, hints[param.name]

    for name in root.COMMANDS:
        yield from walk(root.build_command(name), name)


def takes_path(annotation: Any) -> bool:
    """True for a parameter typed ``Path`` or ``Path | None``."""
    return annotation is Path or Path in typing.get_args(annotation)
