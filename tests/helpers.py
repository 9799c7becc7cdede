"""Helpers shared by the test modules: the one place each is defined.

A test module imports helpers from here (or from the other helper modules: ``askers``,
``crypt_helpers``, ``journal_fixtures``, ``pty_helpers``), never from another test module;
``test_architecture.py`` checks both.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from partsjournal.core import dates

# "today" in every test unless it is marked ``@pytest.mark.now(...)``: Monday 23 November
# 2026, evening, UTC+1 (the suite's time zone, Europe/Paris, in winter)
TODAY = datetime(2026, 11, 23, 20, 0, tzinfo=timezone(timedelta(hours=1)))


def freeze_today(monkeypatch: pytest.MonkeyPatch, when: datetime = TODAY) -> None:
    """Make ``when`` the time partsjournal takes as now, in process and in every program
    the test starts from here on (the clock fixture does this for every test)."""
    monkeypatch.setenv(dates.NOW_VAR, when.isoformat())


# --- a small exercise for the care tests -----------------------------------------------

DIALOGUE_STEPS: list[dict[str, object]] = [
    {"id": "level", "kind": "scale", "role": "activation-before", "text": "How stirred up?"},
    {"id": "part", "kind": "part", "role": "part", "text": "Which part is here?"},
    {"id": "feelings", "kind": "text", "role": "part-feelings", "text": "How does {part} feel?"},
    {"id": "fears", "kind": "text", "role": "part-fears", "text": "What does {part} fear?"},
    {"id": "deeper", "kind": "text", "text": "What is underneath?"},
    {"id": "thanks", "kind": "guide", "text": "Thank {part} for talking with you."},
    {"id": "after", "kind": "scale", "role": "activation-after", "text": "And now?"},
    {"id": "closing", "kind": "guide", "text": "Thank {part}. It moves at its own pace."},
]
DIALOGUE_CLOSING = "It moves at its own pace."


def write_dialogue(home: Path, **extra: object) -> str:
    """A small dialogue with a gentle close (``close_from``), and a three-step grounding
    pause (``feet``, ``distress``, ``safe``) in place of the shipped one; returns its name."""
    from tests.pty_helpers import write_exercise, write_tiny_grounding

    write_tiny_grounding(home)
    write_exercise(home, "dialogue", DIALOGUE_STEPS, close_from="thanks", **extra)
    return "dialogue"


def flat_screen(text: str) -> str:
    """What a screen says, as one line: panel borders and line breaks taken out, so a
    sentence can be found however the panel wrapped it."""
    for border in "│╭╮╰╯─":
        text = text.replace(border, " ")
    return " ".join(text.split())
