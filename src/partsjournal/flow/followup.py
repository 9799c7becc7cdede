"""Asking how the practices chosen at the last check-in went (``partsjournal practices``)."""

from __future__ import annotations

from datetime import datetime

from partsjournal.flow import integration, runner
from partsjournal.views import practices as practice_log
from partsjournal.views.practices import Practice


def ask(pending: list[Practice], created: datetime, answers: str | None) -> None:
    """Ask about each practice in ``pending`` (from ``answers`` or in the terminal) and save
    the answers as a follow-up entry dated ``created``."""
    runner.run_exercise(
        practice_log.CHECK,
        at=created.isoformat(),
        future=True,  # the date was checked when it was read
        answers=answers,
        exercise=integration.check_exercise(pending),
    )
