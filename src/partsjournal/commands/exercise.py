"""``partsjournal exercise``: list the exercises, or run one."""

from __future__ import annotations

from typing import Annotated

import typer


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
    at: Annotated[
        str | None,
        typer.Option("--at", help="Date the entry for an earlier moment: YYYY-MM-DD [HH:MM]."),
    ] = None,
    answers: Annotated[
        str | None,
        typer.Option(
            "--answers",
            help="Run without prompts: a TOML file of step id = answer ('-' reads stdin).",
        ),
    ] = None,
    session: Annotated[
        str | None,
        typer.Option("--session", help="Link the entry to this session (its number or id)."),
    ] = None,
    before: Annotated[
        bool, typer.Option("--before", help="The entry prepares for a session.")
    ] = False,
    after: Annotated[bool, typer.Option("--after", help="The entry integrates a session.")] = False,
) -> None:
    """Run a guided exercise, one step at a time, and save it as a journal entry.

    With no NAME, list the exercises. You can pause at any prompt with Ctrl-C.

    Example: partsjournal exercise protector
    """
    from partsjournal import runner, sessions

    if name is None:
        runner.list_exercises()
        return
    phase = sessions.phase_from_flags(before, after)
    if name == "integrate":  # needs its follow-up steps and phase choice: same as the command
        from partsjournal.commands.integrate import integrate

        integrate(before=before, after=after, session=session, at=at, answers=answers)
        return
    runner.run_exercise(name, part=part, at=at, answers=answers, session=session, phase=phase)
