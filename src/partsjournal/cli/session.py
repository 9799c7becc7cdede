"""``partsjournal session list|show``: sessions and the entries around them (``add``,
``edit`` and ``remove`` are in :mod:`partsjournal.cli.session_change`)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import typer

from partsjournal.cli.lazy import LazyGroup
from partsjournal.core import entry, sessions
from partsjournal.render import sessions as render_sessions
from partsjournal.render import ui
from partsjournal.views import arcs


class SessionGroup(LazyGroup):
    order = ("add", "list", "show", "edit", "remove")
    lazy: ClassVar[dict[str, tuple[str, str]]] = {  # they may ask first: built when run
        "add": (
            "session_change",
            "Record a session (ketamine or any other), so entries can be placed before or "
            "after it.",
        ),
        "edit": (
            "session_change",
            "Correct a session's date, kind or label; linked entries stay linked.",
        ),
        "remove": (
            "session_change",
            "Remove a recorded session (asks first); your entries are all kept.",
        ),
    }


sub = typer.Typer(
    cls=SessionGroup,
    help="Record your sessions and see the entries before and after each one.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(sub, name="session")


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
    everything = entry.load_range(warn=ui.warn)
    arc = arcs.with_notes(arcs.arcs(found, everything)[session.id], found, everything)
    render_sessions.print_arc(arc, arcs.stages(session, found, everything))
