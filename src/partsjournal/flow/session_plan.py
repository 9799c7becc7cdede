"""The day of a session, in words from ``exercises/templates/session-day.toml``: the note
before a session later today, and the one-page plan that ``prepare`` ends with.

The plan itself is read by :mod:`partsjournal.views.plan` and drawn by
:mod:`partsjournal.render.plan`; ``partsjournal session plan`` shows it again.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from partsjournal.core.entry import Entry
from partsjournal.flow import exercises
from partsjournal.render import plan as render_plan
from partsjournal.views import plan as plans

TEMPLATE = "session-day.toml"

Words = Annotated[str, Field(min_length=1)]


class DayWords(BaseModel):
    """Every key is required and no other is allowed (see the template's comments)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    coming_today: Words
    title: Words
    when: Words
    when_at: Words
    intention: Words
    needs: Words
    promised: Words
    promise: Words
    session_no: Words
    day: Words
    support: Words
    planned: Words
    not_yet: Words
    unwritten: Words
    footer: Words
    nothing: Words
    again: Words
    labels: dict[str, Words]


@cache
def words() -> DayWords:
    return exercises.load_words(exercises.builtin_dir() / "templates" / TEMPLATE, DayWords)


def show_after(saved: Entry) -> None:
    """After a ``prepare`` entry is saved: its plan on one page (its session's, when it
    prepares for one, with every earlier preparation for that session)."""
    if saved.exercise != plans.PREPARE:
        return
    render_plan.show(plans.for_entry(saved), words())
