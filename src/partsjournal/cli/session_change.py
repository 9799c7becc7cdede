"""``partsjournal session add|edit|remove``: recording sessions and correcting them.

Kept apart from ``session list`` and ``session show`` because these may ask first,
and the prompts are not needed to read (see :mod:`partsjournal.cli.lazy`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from partsjournal import prompts
from partsjournal.core import dates, session_edits, sessions
from partsjournal.core import messages as msg
from partsjournal.core.errors import JournalError, UsageError
from partsjournal.core.sessions import Session
from partsjournal.core.wording import plural
from partsjournal.render import ics, ui
from partsjournal.views import arcs, search

YesOption = Annotated[
    bool, typer.Option("--yes", "-y", help="Go ahead without asking (for scripts).")
]
RefArgument = Annotated[str, typer.Argument(metavar="ID", help="The session's number, id or date.")]


def register(app: typer.Typer) -> None:
    app.command("add")(add)
    app.command("edit")(edit)
    app.command("remove")(remove)


def _when(session: Session) -> str:
    return dates.day_text(session.date)


def _another_on_the_same_day(when_day: date, yes: bool, *, ignore: str = "") -> bool:
    """True to go on; asks first when a session is already recorded on that day."""
    there = [s for s in sessions.load_all(warn=ui.warn) if s.date == when_day and s.id != ignore]
    if not there:
        return True
    first = there[0]
    about = f" ({first.label})" if first.label else ""
    return prompts.ask_first(
        msg.SESSION_SAME_DAY_ASK.format(
            session=first.name.capitalize(), about=about, when=_when(first)
        ),
        yes=yes,
        without_terminal=(
            msg.SESSION_SAME_DAY_YES.format(session=first.name.capitalize(), day=first.date)
        ),
    )


def add(
    day: Annotated[str, typer.Argument(metavar="DATE", help="The session's date: YYYY-MM-DD.")],
    kind: Annotated[
        str, typer.Option("--kind", help="What kind of session (free text).")
    ] = "ketamine",
    label: Annotated[str, typer.Option("--label", help="A few words of your own about it.")] = "",
    starts: Annotated[
        str | None,
        typer.Option(
            "--time",
            metavar="HH:MM",
            help="When it starts; until then, the day reads as the day your session is coming.",
        ),
    ] = None,
    ics_file: Annotated[
        Path | None,
        typer.Option(
            "--ics",
            help="Also write a calendar file with check-ins 1, 7, 30 and 90 days after.",
            dir_okay=True,
        ),
    ] = None,
    yes: YesOption = False,
) -> None:
    """Record a session (ketamine or any other), so entries can be placed before or after it.

    If a session is already recorded on that day, asks first (--yes for scripts).

    Example: partsjournal session add 2026-11-19 --time 14:00 --label "first session"
    """
    when = dates.parse_date(day, option="DATE")
    at = dates.parse_time(starts) if starts is not None else None
    target = ics.ics_target(ics_file, when) if ics_file is not None else None
    if not _another_on_the_same_day(when, yes):
        ui.say(msg.NOTHING_ADDED)
        return
    created = dates.now()
    session = sessions.add(when, kind=kind, label=label, created=created, starts=at)
    if target is not None:
        try:
            ics.write_ics(target, session, created)
        except OSError as exc:  # all or nothing: the session goes too
            sessions.session_path(session.id).unlink(missing_ok=True)
            raise JournalError(
                msg.CALENDAR_UNWRITABLE.format(target=target, reason=exc.strerror or exc)
            ) from None
    clock = f" at {dates.clock_text(at)}" if at is not None else ""
    ui.say(
        msg.SESSION_ADDED.format(
            name=session.name,
            kind=session.kind,
            day=dates.day_text(when),
            clock=clock,
            id=session.id,
        )
    )
    if target is not None:
        days = ", ".join(str(n) for n in ics.CHECK_IN_DAYS)
        ui.say(msg.CALENDAR_WRITTEN.format(days=days, target=target))


def edit(
    ref: RefArgument,
    day: Annotated[
        str | None, typer.Option("--date", metavar="DATE", help="Its correct date.")
    ] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="What kind of session.")] = None,
    label: Annotated[
        str | None, typer.Option("--label", help="Your words about it ('' clears them).")
    ] = None,
    starts: Annotated[
        str | None,
        typer.Option("--time", metavar="HH:MM", help="When it starts ('' clears it)."),
    ] = None,
    yes: YesOption = False,
) -> None:
    """Correct a session's date, time, kind or label; linked entries stay linked.

    Example: partsjournal session edit 1 --date 2026-11-20 --time 14:00
    """
    session = sessions.find(ref, sessions.load_all(warn=ui.warn))
    if day is None and kind is None and label is None and starts is None:
        raise UsageError(msg.SESSION_EDIT_WHAT.format(number=session.number, date=session.date))
    at = dates.parse_time(starts) if starts else None
    followed = 0
    if kind is not None or label is not None or starts is not None:
        session = session_edits.relabel(
            session, kind=kind, label=label, starts=at, clear_time=starts == ""
        )
    if day is not None:
        when = dates.parse_date(day, option="--date")
        if when != session.date:
            if not _another_on_the_same_day(when, yes, ignore=session.id):
                ui.say(msg.DATE_NOT_CHANGED)
                return
            session, followed = session_edits.move(session, when, now=dates.now())
    linked = f"; {followed} linked entries follow it" if followed else ""
    ui.say(
        msg.SESSION_SAVED.format(
            name=session.name, kind=session.kind, when=_when(session), linked=linked
        )
    )


def remove(ref: RefArgument, yes: YesOption = False) -> None:
    """Remove a recorded session (asks first); your entries are all kept.

    Example: partsjournal session remove 2
    """
    found = sessions.load_all(warn=ui.warn)
    session = sessions.find(ref, found)
    every = search.history(warn=ui.warn)
    arc = arcs.read(arcs.arcs(found, every.rows)[session.id], every.load)
    linked = [*arc.before, *arc.after]
    count = msg.ENTRIES_LINKED.format(entries=plural(len(linked), "entry is", "entries are"))
    if not prompts.ask_first(
        msg.SESSION_REMOVE_ASK.format(name=session.name, when=_when(session), entries=count),
        yes=yes,
        without_terminal=msg.WITHOUT_TERMINAL_YES.format(what="remove a session"),
    ):
        ui.say(msg.NOTHING_REMOVED)
        return
    session_edits.remove(session)
    rest = sessions.load_all(warn=ui.warn)
    moved = sum(1 for e in linked if sessions.placement(e, rest)[0] is not None)
    lost = len(linked) - moved
    ui.say(msg.SESSION_REMOVED.format(name=session.name, date=session.date))
    if linked:
        ui.say(
            msg.SESSION_ENTRIES_UNLINKED.format(entries=plural(lost, "entry is", "entries are"))
            + (
                msg.SESSION_ENTRIES_MOVED.format(entries=plural(moved, "now belongs", "now belong"))
                if moved
                else ""
            )
            + "."
        )
