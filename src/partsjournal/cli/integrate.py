"""``partsjournal integrate`` and ``partsjournal practices``: the realm check-in
and the follow-up on the small practices chosen in it."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

import typer

from partsjournal import prompts
from partsjournal.cli.options import (
    AfterOption,
    AnswersOption,
    AtOption,
    BeforeOption,
    FutureOption,
    SessionOption,
)
from partsjournal.core import sessions
from partsjournal.core import vocabulary as vocab
from partsjournal.flow import integration, runner
from partsjournal.render import practices as render_practices
from partsjournal.render import ui
from partsjournal.render.text import plural
from partsjournal.views import practices as practice_log


def register(app: typer.Typer) -> None:
    app.command("integrate")(integrate)
    app.command("practices")(practices)


def integrate(
    realm: Annotated[
        list[str] | None,
        typer.Option(
            "--realm",
            help="Only this realm: body, mind, emotion, spirit or balance (repeat for more).",
        ),
    ] = None,
    before: BeforeOption = False,
    after: AfterOption = False,
    session: SessionOption = None,
    at: AtOption = None,
    future: FutureOption = False,
    answers: AnswersOption = None,
) -> None:
    """Check in with body, mind, emotions, spirit and the balance of work and play.

    For each: how it feels now (0-10), a few questions that fit before or after
    a session, and one small practice to try. Starts by asking how last time's
    practices went.

    Example: partsjournal integrate --after --realm body --realm emotion
    """
    phase = sessions.phase_from_flags(before, after)
    realms = integration.check_realms(realm or [])
    created = runner.entry_time(at, future=future)
    linked, phase = sessions.link(created.date(), explicit=session, phase=phase)
    if phase is None:
        ui.say(
            "No session is within 14 days ahead or 60 days back, so these are the "
            "integration questions. To prepare for a session instead, add it with "
            "'partsjournal session add DATE' or pass --before."
        )
        phase = "after"
    source, pending = practice_log.pending(created)
    exercise = integration.integrate_exercise(realms, pending)
    saved = runner.run_exercise(
        practice_log.INTEGRATE,
        at=created.isoformat(),
        future=True,  # checked above
        answers=answers,
        session=linked.id if linked else None,
        phase=phase,
        exercise=exercise,
    )
    if saved is not None and source is not None:
        changes = practice_log.rating_changes(source, saved)
        if changes:
            shown = ", ".join(f"{vocab.realm_label(r)} {a} → {b}" for r, a, b in changes)
            ui.say(f"Since your check-in of {source.day}: {shown}.")


def practices(
    weeks: Annotated[
        int, typer.Option("--weeks", min=1, help="How far back to list, in weeks (1 or more).")
    ] = 8,
    at: AtOption = None,
    future: FutureOption = False,
    answers: AnswersOption = None,
) -> None:
    """List the practices you chose in recent check-ins and how they went.

    If your last check-in's practices have not been followed up yet, asks how
    each went (did it, partly, not yet) and saves the answers.
    """
    created = runner.entry_time(at, future=future)
    found = practice_log.history(created.date() - timedelta(weeks=weeks), warn=ui.warn)
    render_practices.print_list(found, weeks)
    source, waiting = practice_log.pending(created)
    pending = practice_log.due(source, waiting, created)
    if not pending:
        if waiting:
            ui.say(
                "You chose these practices today; from tomorrow you can say how they went, "
                "with: partsjournal practices"
            )
        elif answers is not None:
            ui.say("Nothing is waiting for a follow-up, so nothing was saved.")
        return
    if answers is None and not prompts.can_prompt():
        ui.say(
            f"{plural(len(pending), 'practice')} from your last check-in "
            f"{'is' if len(pending) == 1 else 'are'} waiting for a follow-up; "
            "run this in a terminal, or pass --answers FILE, to say how they went."
        )
        return
    runner.run_exercise(
        practice_log.CHECK,
        at=created.isoformat(),
        future=True,  # checked above
        answers=answers,
        exercise=integration.check_exercise(pending),
    )
