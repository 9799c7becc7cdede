"""``partsjournal integrate``: the realm check-in (it starts by asking how the practices
chosen last time went; ``partsjournal practices`` lists them)."""

from __future__ import annotations

from typing import Annotated

import typer

from partsjournal.cli.typer_options import (
    AfterOption,
    AnswersOption,
    AtOption,
    BeforeOption,
    FutureOption,
    SessionOption,
)
from partsjournal.core import dates, reading, sessions
from partsjournal.core import messages as msg
from partsjournal.core import vocabulary as vocab
from partsjournal.flow import integration, runner
from partsjournal.render import ui
from partsjournal.views import practices as practice_log


def register(app: typer.Typer) -> None:
    app.command("integrate")(integrate)


@reading.each_file_once  # a save reads each file once
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
    created = dates.entry_time(at, future=future)
    linked, phase = sessions.link(
        created.date(), explicit=session, phase=phase, clock=created.time()
    )
    if phase is None:
        # the arc's own reach says whether a session is near: on days 61-120 after one,
        # the 90-day look back speaks of it, so nothing here may say there is none
        if sessions.arc_day(created, None, None) is None:
            ui.say(
                msg.INTEGRATE_NO_SESSION.format(
                    ahead=sessions.BEFORE_WINDOW_DAYS, back=sessions.ARC_REACH_DAYS
                )
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
        starting=integration.starting_text(pending),
    )
    if saved is not None and source is not None:
        changes = practice_log.rating_changes(source, saved)
        if changes:
            shown = ", ".join(f"{vocab.realm_label(r)} {a} → {b}" for r, a, b in changes)
            ui.say(
                msg.INTEGRATE_SINCE_CHECK_IN.format(day=dates.short_day(source.day), shown=shown)
            )
