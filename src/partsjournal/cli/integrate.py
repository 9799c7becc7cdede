"""``partsjournal integrate`` and ``partsjournal practices``: the realm check-in
and the follow-up on the small practices chosen in it."""

from __future__ import annotations

from typing import Annotated

import typer

from partsjournal.cli.options import (
    AfterOption,
    AnswersOption,
    AtOption,
    BeforeOption,
    SessionOption,
)


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
    answers: AnswersOption = None,
) -> None:
    """Check in with body, mind, emotions, spirit and the balance of work and play.

    For each: how it feels now (0-10), a few questions that fit before or after
    a session, and one small practice to try. Starts by asking how last time's
    practices went.

    Example: partsjournal integrate --after --realm body --realm emotion
    """
    from partsjournal.core import sessions
    from partsjournal.flow import integration, runner
    from partsjournal.render import ui
    from partsjournal.views import practices

    phase = sessions.phase_from_flags(before, after)
    realms = integration.check_realms(realm or [])
    created = runner.entry_time(at)
    linked, phase = sessions.link(created.date(), explicit=session, phase=phase)
    if phase is None:
        ui.out().print(
            "No session is within 14 days ahead or 60 days back, so these are the "
            "integration questions. To prepare for a session instead, add it with "
            "'partsjournal session add DATE' or pass --before.",
            soft_wrap=True,
        )
        phase = "after"
    source, pending = practices.pending(created)
    exercise = integration.integrate_exercise(realms, pending)
    saved = runner.run_exercise(
        practices.INTEGRATE,
        at=created.isoformat(),
        answers=answers,
        session=linked.id if linked else None,
        phase=phase,
        exercise=exercise,
    )
    if saved is not None and source is not None:
        changes = practices.rating_changes(source, saved)
        if changes:
            words = integration.template()
            shown = ", ".join(f"{words.label(r)} {a} → {b}" for r, a, b in changes)
            ui.out().print(f"Since your check-in of {source.day}: {shown}.")


def practices(
    weeks: Annotated[
        int, typer.Option("--weeks", min=1, help="How far back to list, in weeks.")
    ] = 8,
    at: AtOption = None,
    answers: AnswersOption = None,
) -> None:
    """List the practices you chose in recent check-ins and how they went.

    If your last check-in's practices have not been followed up yet, asks how
    each went (did it, partly, not yet) and saves the answers.
    """
    from datetime import timedelta

    from rich.markup import escape
    from rich.table import Table

    from partsjournal.core import dates
    from partsjournal.render import ui
    from partsjournal.views import practices as practice_log

    created = dates.parse_datetime(at) if at else dates.now()
    found = practice_log.history(created.date() - timedelta(weeks=weeks), warn=ui.warn)
    console = ui.out()
    if found:
        table = Table(title="Practices", title_justify="left")
        table.add_column("chosen")
        table.add_column("realm")
        table.add_column("practice")
        table.add_column("how it went")
        table.add_column("note")
        for p in found:
            table.add_row(
                p.chosen.date().isoformat(),
                p.realm,
                escape(p.text),
                p.outcome or "[dim]not asked yet[/]",
                escape(p.note),
            )
        console.print(table)
    else:
        console.print(
            f"No practices chosen in the last {weeks} weeks. Choose some with: "
            "partsjournal integrate"
        )
    _, pending = practice_log.pending(created)
    if not pending:
        if answers is not None:
            console.print("Nothing is waiting for a follow-up, so nothing was saved.")
        return
    from partsjournal import prompts
    from partsjournal.flow import integration, runner

    if answers is None and not prompts.can_prompt():
        console.print(
            f"{len(pending)} practice(s) from your last check-in are waiting for a follow-up; "
            "run this in a terminal, or pass --answers FILE, to say how they went.",
            soft_wrap=True,
        )
        return
    runner.run_exercise(
        practice_log.CHECK,
        at=created.isoformat(),
        answers=answers,
        exercise=integration.check_exercise(pending),
    )
