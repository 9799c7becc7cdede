"""``partsjournal session add|list|show``: sessions and the entries around them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from partsjournal.core.entry import Entry
    from partsjournal.core.sessions import Session

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
    ics: Annotated[
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
    from partsjournal.core import dates, sessions
    from partsjournal.render import ui

    when = dates.parse_date(day, option="DATE")
    target = sessions.ics_target(ics, when) if ics is not None else None
    created = dates.now()
    session = sessions.add(when, kind=kind, label=label, created=created)
    console = ui.out()
    console.print(
        f"[bold]Added {session.name}[/] ({session.kind}) on {when:%A} {when.day} {when:%B %Y}, "
        f"id [bold]{session.id}[/].",
        soft_wrap=True,
    )
    if target is not None:
        sessions.write_ics(target, session, created)
        days = ", ".join(str(n) for n in sessions.CHECK_IN_DAYS)
        console.print(
            f"Calendar check-ins (days {days} after) written to {target}; "
            "import it into any calendar.",
            soft_wrap=True,
        )


@sub.command("list")
def list_() -> None:
    """List your sessions with how many entries prepare for and integrate each."""
    from rich.markup import escape
    from rich.table import Table

    from partsjournal.core import entry, sessions
    from partsjournal.render import ui

    found = sessions.load_all(warn=ui.warn)
    if not found:
        ui.out().print("No sessions yet. Add one with: partsjournal session add DATE")
        return
    arcs = sessions.arcs(found, entry.load_range(warn=ui.warn))
    table = Table(title="Sessions", title_justify="left")
    table.add_column("#", justify="right", style="bold")
    table.add_column("date")
    table.add_column("kind")
    table.add_column("label")
    table.add_column("before", justify="right")
    table.add_column("after", justify="right")
    table.add_column("id", style="dim")
    for s in found:
        arc = arcs[s.id]
        table.add_row(
            str(s.number),
            f"{s.date:%a} {s.date.isoformat()}",
            escape(s.kind),
            escape(s.label),
            str(len(arc.before)),
            str(len(arc.after)),
            s.id,
        )
    ui.out().print(table)
    ui.out().print("See one session's story with: partsjournal session show NUMBER")


@sub.command("show")
def show(
    ref: Annotated[str, typer.Argument(metavar="ID", help="The session's number, id or date.")],
) -> None:
    """Show a session's arc: preparation entries, the session, then integration entries."""
    from rich.markup import escape
    from rich.table import Table

    from partsjournal.core import entry, sessions
    from partsjournal.render import ui

    found = sessions.load_all(warn=ui.warn)
    session = sessions.find(ref, found)
    arc = sessions.arcs(found, entry.load_range(warn=ui.warn))[session.id]
    title = f"{session.name.capitalize()}: {session.kind}, {session.date:%A} {session.date}"
    if session.label:
        title += f", {session.label}"
    table = Table(title=escape(title), title_justify="left")
    table.add_column("date", no_wrap=True)
    table.add_column("when", no_wrap=True)
    table.add_column("entry")
    table.add_column("first words")
    for item in arc.before:
        _row(table, item, session, "before")
    table.add_row(
        session.date.isoformat(),
        f"[bold]{session.name}[/]",
        f"[bold]{escape(session.kind)} session[/]",
        escape(session.label),
        style="cyan",
    )
    for item in arc.after:
        _row(table, item, session, "after")
    ui.out().print(table)
    if not arc.before and not arc.after:
        ui.out().print(
            "No entries around this session yet. Try: partsjournal exercise prepare, "
            "or partsjournal integrate."
        )


def _row(table: object, item: Entry, session: Session, phase: str) -> None:
    from rich.markup import escape
    from rich.table import Table

    from partsjournal.core import sessions

    assert isinstance(table, Table)
    table.add_row(
        item.day.isoformat(),
        sessions.describe(item.day, session, phase),
        escape(item.title),
        escape(sessions.first_words(item)),
    )
