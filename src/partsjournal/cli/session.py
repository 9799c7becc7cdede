"""``partsjournal session list|show``: sessions and the entries around them (``add``,
``edit`` and ``remove`` are in :mod:`partsjournal.cli.session_change`)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import typer

from partsjournal.cli import options
from partsjournal.cli.lazy import LazyGroup
from partsjournal.cli.plain import PlainCommand, PlainGroup
from partsjournal.core import sessions
from partsjournal.render import sessions as render_sessions
from partsjournal.render import ui
from partsjournal.views import arcs, search


class SessionGroup(LazyGroup, PlainGroup):
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


@sub.command("list", cls=PlainCommand)
def list_() -> None:
    """List your sessions with how many entries prepare for and integrate each."""
    found = sessions.load_all(warn=ui.warn)
    if not found:
        ui.say("No sessions yet. Add one with: partsjournal session add DATE")
        return
    counted = arcs.arcs(found, search.history(warn=ui.warn).rows)
    with ui.paged():
        render_sessions.print_list(found, counted)


@sub.command("show", cls=PlainCommand)
def show(
    ref: Annotated[str, typer.Argument(metavar="ID", help="The session's number, id or date.")],
    number: options.NumberOption = None,
    all_: options.AllOption = False,
) -> None:
    """Show a session's arc: preparation entries, the session, then integration entries.

    Lists the first 20 entries in time order (--all for every one, -n N for N); the
    integration arc below counts them all.
    """
    limit = options.how_many(number, all_)
    # the session and its neighbours: enough for its arc, its notes and its stages
    session, found = sessions.neighbourhood(ref, warn=ui.warn)
    every = search.history(warn=ui.warn)
    shown, more = arcs.first(arcs.arcs(found, every.rows)[session.id], limit)
    arc = arcs.read(shown, every.load)
    lo, hi = arcs.reach(session, found)
    near = list(
        every.entries(
            r for r in every.rows if (lo is None or r.day >= lo) and (hi is None or r.day <= hi)
        )
    )
    arc = arcs.with_notes(arc, found, near)
    stages = arcs.stages(session, every.rows)
    with ui.paged():
        render_sessions.print_arc(arc, stages, more=more)
