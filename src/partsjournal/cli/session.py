"""``partsjournal session add|list|show``: sessions and the entries around them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from partsjournal.core import dates, entry, sessions
from partsjournal.core.errors import JournalError
from partsjournal.render import ics, ui
from partsjournal.render import sessions as render_sessions
from partsjournal.views import arcs

sub = typer.Typer(
    help="Record your sessions and see the entries before and after each one.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(sub, name="session")


@sub.command("add")
def add(
    day: Annotated[str, typer.Argument(metavar="DATE", help="The session's date: YYYY-MM-DD.")],
    kind: Annotated[
        str, typer.Option("--kind", help="What kind of session (free text).")
    ] = "ketamine",
    label: Annotated[str, typer.Option("--label", help="A few words of your own about it.")] = "",
    ics_file: Annotated[
        Path | None,
        typer.Option(
            "--ics",
            help="Also write a calendar file with check-ins 1, 7 and 30 days after.",
            dir_okay=True,
        ),
    ] = None,
) -> None:
    """Record a session (ketamine or any other), so entries can be placed before or after it.

    Example: partsjournal session add 2026-11-19 --label "first session" --ics checkins.ics
    """
    when = dates.parse_date(day, option="DATE")
    target = ics.ics_target(ics_file, when) if ics_file is not None else None
    created = dates.now()
    session = sessions.add(when, kind=kind, label=label, created=created)
    if target is not None:
        try:
            ics.write_ics(target, session, created)
        except OSError as exc:  # all or nothing: the session goes too
            sessions.session_path(session.id).unlink(missing_ok=True)
            raise JournalError(
                f"Could not write the calendar file {target} ({exc.strerror or exc}), so the "
                "session was not recorded either; choose another --ics path and run it again."
            ) from None
    ui.say(
        f"Added {session.name} ({session.kind}) on {when:%A} {when.day} {when:%B %Y}, "
        f"id {session.id}."
    )
    if target is not None:
        days = ", ".join(str(n) for n in ics.CHECK_IN_DAYS)
        ui.say(
            f"Calendar check-ins (days {days} after) written to {target}; "
            "import it into any calendar."
        )


@sub.command("list")
def list_() -> None:
    """List your sessions with how many entries prepare for and integrate each."""
    found = sessions.load_all(warn=ui.warn)
    if not found:
        ui.say("No sessions yet. Add one with: partsjournal session add DATE")
        return
    render_sessions.print_list(found, arcs.arcs(found, entry.load_range(warn=ui.warn)))


@sub.command("show")
def show(
    ref: Annotated[str, typer.Argument(metavar="ID", help="The session's number, id or date.")],
) -> None:
    """Show a session's arc: preparation entries, the session, then integration entries."""
    found = sessions.load_all(warn=ui.warn)
    session = sessions.find(ref, found)
    render_sessions.print_arc(arcs.arcs(found, entry.load_range(warn=ui.warn))[session.id])
