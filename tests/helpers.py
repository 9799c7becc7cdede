"""Helpers shared by the test modules: the one place each is defined.

A test module imports helpers from here (or from the other helper modules: ``askers``,
``crypt_helpers``, ``journal_fixtures``, ``pty_helpers``), never from another test module;
``test_architecture.py`` checks both.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from partsjournal.core import dates

# "today" in every test unless it is marked ``@pytest.mark.now(...)``: Monday 23 November
# 2026, evening, UTC+1 (the suite's time zone, Europe/Paris, in winter)
TODAY = datetime(2026, 11, 23, 20, 0, tzinfo=timezone(timedelta(hours=1)))


def freeze_today(monkeypatch: pytest.MonkeyPatch, when: datetime = TODAY) -> None:
    """Make ``when`` the time partsjournal takes as now, in process and in every program
    the test starts from here on (the clock fixture does this for every test)."""
    monkeypatch.setenv(dates.NOW_VAR, when.isoformat())
