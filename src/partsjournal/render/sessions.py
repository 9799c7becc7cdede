"""Sessions on screen: the list with entry counts, and one session's arc."""

from __future__ import annotations

from partsjournal.core.answers import first_words
from partsjournal.core.entry import Entry
from partsjournal.core.indexrows import Row
from partsjournal.core.sessions import Session, describe
from partsjournal.render import ui
from partsjournal.render.text import literal
from partsjournal.views.arcs import Arc


def print_list(found: list[Session], arcs: dict[str, Arc[Row]]) -> None:
    from rich.table import Table

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
            literal(s.kind, one_line=True),
            literal(s.label, one_line=True),
            str(len(arc.before)),
            str(len(arc.after)),
            literal(s.id, one_line=True),
        )
    ui.out().print(table)
    ui.out().print("See one session's story with: partsjournal session show NUMBER")


def print_arc(arc: Arc[Entry]) -> None:
    from rich.table import Table
    from rich.text import Text

    session = arc.session
    title = f"{session.name.capitalize()}: {session.kind}, {session.date:%A} {session.date}"
    if session.label:
        title += f", {session.label}"
    table = Table(title=literal(title, one_line=True), title_justify="left")
    table.add_column("date", no_wrap=True)
    table.add_column("when", no_wrap=True)
    table.add_column("entry")
    table.add_column("first words")
    for item in arc.before:
        _row(table, item, session, "before")
    table.add_row(
        session.date.isoformat(),
        Text(session.name, style="bold"),
        literal(f"{session.kind} session", "bold", one_line=True),
        literal(session.label, one_line=True),
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
    from rich.table import Table

    assert isinstance(table, Table)
    table.add_row(
        item.day.isoformat(),
        describe(item.day, session, phase),
        literal(item.title, one_line=True),
        literal(first_words(item.answers), one_line=True),
    )
