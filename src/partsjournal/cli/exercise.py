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
from partsjournal.core import dates, layout, reading, sessions, shipped
from partsjournal.flow import exercises, known_parts, notes, runner
from partsjournal.render import screens, ui

PRIMER = "primer"  # five minutes on parts, Self, blending, stopping, what this is not


def register(app: typer.Typer) -> None:
    app.command("exercise")(exercise)


@reading.each_file_once  # a save reads each file once
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
    if name is None:  # the primer first: it is where a new journal starts
        found = exercises.load_all(warn=ui.warn)
        with ui.paged():
            screens.exercise_list(sorted(found, key=lambda ex: ex.name != PRIMER))
        return
    phase = sessions.phase_from_flags(before, after)
    if name == "integrate":  # needs its follow-up steps and phase choice: same as the command
        integrate_command.integrate(
            before=before, after=after, session=session, at=at, future=future, answers=answers
        )
        return
    created = dates.entry_time(at, future=future)
    linked, _ = sessions.link(created.date(), explicit=session, phase=phase, clock=created.time())
    situation = None
    if from_note is not None:
        situation, noted_part = notes.trailhead(from_note)
        part = part if part is not None else noted_part
    if name != PRIMER and answers is None and ui.can_prompt() and layout.first_year() is None:
        ui.say(shipped.words("first-steps")["primer_first"])
    runner.run_exercise(
        name,
        part=part,
        at=at,
        future=future,
        answers=answers,
        session=session,
        phase=phase,
        situation=situation,
        exercise=known_parts.exercise_for(name, linked),
    )
