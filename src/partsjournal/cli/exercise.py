"""``partsjournal exercise``: list the exercises, or run one."""

from __future__ import annotations

from typing import Annotated

import typer

from partsjournal.cli import integrate as integrate_command
from partsjournal.cli.typer_options import (
    AfterOption,
    AnswersOption,
    AtOption,
    BeforeOption,
    FutureOption,
    SessionOption,
)
from partsjournal.core import dates, sessions
from partsjournal.flow import exercises, notes, promises, runner
from partsjournal.render import screens, ui


def register(app: typer.Typer) -> None:
    app.command("exercise")(exercise)


def exercise(
    name: Annotated[
        str | None, typer.Argument(help="The exercise to run; leave out to list them all.")
    ] = None,
    part: Annotated[
        str | None,
        typer.Option("--part", help="The part you are working with (skips the naming step)."),
    ] = None,
    at: AtOption = None,
    future: FutureOption = False,
    answers: AnswersOption = None,
    session: SessionOption = None,
    before: BeforeOption = False,
    after: AfterOption = False,
    from_note: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="NOTE_ID",
            help="Start from a note saved with 'partsjournal note': its words fill the situation.",
        ),
    ] = None,
) -> None:
    """Run a guided exercise, one step at a time, and save it as a journal entry.

    With no NAME, list the exercises. You can pause at any prompt with Ctrl-C.

    Example: partsjournal exercise protector --from 2026-11-20T2115
    """
    if name is None:
        found = exercises.load_all(warn=ui.warn)
        with ui.paged():
            screens.exercise_list(found)
        return
    phase = sessions.phase_from_flags(before, after)
    if name == "integrate":  # needs its follow-up steps and phase choice: same as the command
        integrate_command.integrate(
            before=before, after=after, session=session, at=at, future=future, answers=answers
        )
        return
    linked, _ = sessions.link(
        dates.entry_time(at, future=future).date(), explicit=session, phase=phase
    )
    situation = None
    if from_note is not None:
        situation, noted_part = notes.trailhead(from_note)
        part = part if part is not None else noted_part
    runner.run_exercise(
        name,
        part=part,
        at=at,
        future=future,
        answers=answers,
        session=session,
        phase=phase,
        situation=situation,
        exercise=promises.exercise_for(name, linked),
    )
