"""Helpers shared by the test modules: the one place each is defined.

A test module imports helpers from here (or from the other helper modules: ``askers``,
``crypt_helpers``, ``journal_fixtures``, ``pty_helpers``), never from another test module;
``test_architecture.py`` checks both.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

import pytest

from partsjournal.core import dates

if TYPE_CHECKING:
    from partsjournal.render.terminal import Terminal

# "today" in every test unless it is marked ``@pytest.mark.now(...)``: Monday 23 November
# 2026, evening, UTC+1 (the suite's time zone, Europe/Paris, in winter)
TODAY = datetime(2026, 11, 23, 20, 0, tzinfo=timezone(timedelta(hours=1)))


def freeze_today(monkeypatch: pytest.MonkeyPatch, when: datetime = TODAY) -> None:
    """Make ``when`` the time partsjournal takes as now, in process and in every program
    the test starts from here on (the clock fixture does this for every test)."""
    monkeypatch.setenv(dates.NOW_VAR, when.isoformat())


def fake_terminal(monkeypatch: pytest.MonkeyPatch, **answers: Any) -> Terminal:
    """Make every command of this test see a terminal with these answers (``stdout_tty=True``,
    ``width=60``, ``plain=True``...; the rest as for a pipe), as httpie's tests pass a
    ``MockEnvironment``; the real one is measured again after the test."""
    from partsjournal.render import terminal, ui

    fake = terminal.Terminal(**answers)
    monkeypatch.setitem(terminal._current, "fake", fake)
    monkeypatch.setitem(terminal._current, "terminal", fake)
    ui.out.cache_clear()
    ui.err.cache_clear()
    return fake
