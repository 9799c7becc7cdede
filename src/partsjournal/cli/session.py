"""``partsjournal session list|show``: sessions and the entries around them (``add``,
``edit`` and ``remove`` are in :mod:`partsjournal.cli.session_change`)."""

from __future__ import annotations

from typing import ClassVar

import click

from partsjournal.cli import options
from partsjournal.cli.completion import session_numbers
from partsjournal.cli.lazy import LazyGroup
from partsjournal.core import dates, sessions
from partsjournal.core import messages as msg
from partsjournal.render import charts, ui
from partsjournal.render import sessions as render_sessions
from partsjournal.views import arcs, course, search


class SessionGroup(LazyGroup):
    order = ("add", "list", "show", "plan", "edit", "remove")
    lazy: ClassVar[dict[str, tuple[str, str]]] = {  # they may ask first: built when run
        "add": (
            "session_change",
            "Record a session (ketamine or any other), so entries can be placed before or "
            "after it.",
        ),
        "edit": (
            "session_change",
            "Correct a session's date, time, kind or label; linked entries stay linked.",
        ),
        "remove": (
            "session_change",
            "Remove a recorded session (asks first); your entries are all kept.",
        ),
        "plan": (  # its words are read and checked with the exercise models
            "session_plan",
            "Show the plan for a session's day, made when you prepared.",
        ),
    }


@click.group(
    "session",
    cls=SessionGroup,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
def sub() -> None:
    """Record your sessions and see the entries before and after each one."""


@sub.command("list")
def list_() -> None:
    """List your sessions with how many entries prepare for and integrate each."""
    found = sessions.load_all(warn=ui.warn)
    if not found:
        ui.say(msg.NO_SESSIONS_YET)
        return
    counted = arcs.arcs(found, search.history(warn=ui.warn).rows)
    with ui.paged():
        render_sessions.print_list(found, counted)


@sub.command("show")
@click.argument("ref", metavar="ID", shell_complete=session_numbers)
@click.option("--number", "-n", type=int, metavar="N", help="Show N entries (default {latest}).")
@click.option("--all", "all_", is_flag=True, help="Show every entry.")
def show(ref: str, number: int | None, all_: bool) -> None:
    """Show a session's arc: preparation entries, the session, then integration entries.

    ID is the session's number, id or date.

    Lists the first {latest} entries in time order (--all for every one, -n N for N); the
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
    pictures = course.collect(session.date, until=dates.now().date(), history=every)
    with ui.paged():
        render_sessions.print_arc(arc, stages, more=more)
        charts.print_course(pictures)


COMMANDS = {"session": sub}
