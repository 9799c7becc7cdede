"""Sessions on screen: the list with entry counts, and one session's arc."""

from __future__ import annotations

from typing import TYPE_CHECKING

from partsjournal.core import dates
from partsjournal.core import messages as msg
from partsjournal.core.answers import first_words
from partsjournal.core.entry import Entry
from partsjournal.core.index_rows import Row
from partsjournal.core.sessions import Session, describe
from partsjournal.render import care_lines, ui
from partsjournal.render.text import literal, plural
from partsjournal.views import care_summary
from partsjournal.views.arcs import Arc, Note, Stage
from partsjournal.views.care_summary import CareNote

if TYPE_CHECKING:
    from rich.text import Text


def print_list(found: list[Session], arcs: dict[str, Arc[Row]]) -> None:
    from rich.table import Table

    # dates and counts are never cut; kind and label wrap between words. The id
    # is shown only when there is room: the number works wherever the id does.
    with_id = ui.out().width >= 80
    table = Table(title="Sessions", title_justify="left")
    table.add_column("#", justify="right", style="bold", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("kind", overflow="fold")
    table.add_column("label", overflow="fold")
    table.add_column("before", justify="right", no_wrap=True)
    table.add_column("after", justify="right", no_wrap=True)
    if with_id:
        table.add_column("id", style="dim", no_wrap=True)
    for s in found:
        arc = arcs[s.id]
        row: list[Text | str] = [
            str(s.number),
            s.date.isoformat(),
            literal(s.kind, one_line=True),
            literal(s.label, one_line=True),
            str(len(arc.before)),
            str(len(arc.after)),
        ]
        table.add_row(*row, *([literal(s.id, one_line=True)] if with_id else []))
    ui.out().print(table)
    ui.say(msg.SESSIONS_SHOW_HINT)


def print_arc(arc: Arc[Entry], stages: list[Stage] | None = None, *, more: int = 0) -> None:
    from rich.table import Table
    from rich.text import Text

    session = arc.session
    title = f"{session.name.capitalize()}: {session.kind}, {dates.day_text(session.date)}"
    if session.label:
        title += f", {session.label}"
    table = Table(title=literal(title, one_line=True), title_justify="left")
    table.add_column("date", no_wrap=True)
    table.add_column("when", no_wrap=True)
    table.add_column("entry", overflow="fold")
    # on a narrow screen the first words give way, so titles and dates stay whole
    words = ui.out().width >= 80
    if words:
        table.add_column("first words")
    for item in arc.before:
        _row(table, item, session, "before", words)
    cells: list[Text | str] = [
        session.date.isoformat(),
        Text(session.name, style="bold"),
        literal(f"{session.kind} session", "bold", one_line=True),
        literal(session.label, one_line=True),
    ]
    table.add_row(*cells[: 4 if words else 3], style="cyan")
    for item in arc.after:
        _row(table, item, session, "after", words)
    ui.out().print(table)
    if more:
        ui.say(
            msg.SESSION_ENTRIES_NOT_LISTED.format(
                later=plural(more, "later entry", "later entries"), number=session.number
            )
        )
    if not arc.before and not arc.after:
        ui.say(msg.NO_ENTRIES_AROUND_SESSION)
    _stages(stages or [])
    _notes(f"For your therapist, to bring to {session.name}:", arc.bring)
    _notes("For your therapist, to bring next time:", arc.bring_next)
    _care(care_summary.notable([*arc.before, *arc.after]))


def _care(notes: list[CareNote]) -> None:
    """What care noticed in the entries listed, kept for the therapist."""
    if not notes:
        return
    from rich.text import Text

    ui.out().print(Text(care_lines.SESSION_TITLE, style="bold"))
    for note in notes:
        ui.out().print(literal("• " + care_lines.summary(note)))


def _stages(stages: list[Stage]) -> None:
    """The integration arc: each stage, its days, and the entries written then."""
    if not stages:
        return
    from rich.text import Text

    ui.out().print(Text("Integration arc:", style="bold"))
    for stage in stages:
        line = Text(f"• {stage.label} ({dates.short_day(stage.first)}", style="")
        line.append(f" to {dates.short_day(stage.last)}): " if stage.last != stage.first else "): ")
        line.append(stage.about)
        titles = ", ".join(sorted({e.title for e in stage.entries}))
        count = len(stage.entries)
        line.append(" — ")
        if count:
            line.append(f"{plural(count, 'entry', 'entries')}: ")
            line.append_text(literal(titles, one_line=True))
        else:
            line.append("nothing yet", style="dim")
        ui.out().print(line)


def _notes(title: str, notes: list[Note]) -> None:
    if not notes:
        return
    from rich.text import Text

    ui.out().print(Text(title, style="bold"))
    for note in notes:
        line = Text(f"• {dates.short_day(note.entry.day)}: ")
        if note.part:
            line.append_text(literal(f"({note.part}) ", one_line=True))
        line.append_text(literal(note.text, one_line=True))
        ui.out().print(line)


def _row(table: object, item: Entry, session: Session, phase: str, words: bool) -> None:
    from rich.table import Table

    assert isinstance(table, Table)
    cells: list[Text | str] = [
        item.day.isoformat(),
        describe(item.created, session, phase),
        literal(item.title, one_line=True),
    ]
    if words:
        cells.append(literal(first_words(item.answers), one_line=True))
    table.add_row(*cells)
