"""``partsjournal session plan``: the plan for a session's day, shown again or printed.

Built only when it runs (see :mod:`partsjournal.cli.lazy`): its words are read and
checked with the exercise models, which ``session list`` and ``show`` must not load.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from partsjournal.core import dates, sessions
from partsjournal.core import messages as msg
from partsjournal.core.errors import UsageError
from partsjournal.flow import session_plan
from partsjournal.render import output, ui
from partsjournal.render import plan as render_plan
from partsjournal.views import plan as plans


def register(app: typer.Typer) -> None:
    app.command("plan")(plan)


def plan(
    ref: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]", help="The session's number, id or date (default: the next one)."
        ),
    ] = None,
    format: Annotated[
        str | None,
        typer.Option("--format", help="rich (default) or markdown.", metavar="FORMAT"),
    ] = None,
    output_file: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file instead of the screen."),
    ] = None,
) -> None:
    """Show the plan for a session's day, made when you prepared.

    Your intention, what your parts asked for and were promised, the checklist for the day
    and what grounds you; for the next session unless you name one.

    Example: partsjournal session plan 2 --format markdown --output plan.md
    """
    fmt = output.choose_format(format, output_file, render_plan.FORMATS, default="rich")
    found = sessions.load_all(warn=ui.warn)
    if not found:
        raise UsageError(msg.NO_SESSIONS_YET)
    session = plans.chosen_session(ref, found, dates.now())
    page = plans.for_session(session)
    if fmt == "markdown" or output_file is not None:
        output.emit(render_plan.markdown(page, session_plan.words()), output_file)
        return
    words = session_plan.words()
    with ui.paged():
        render_plan.show(page, words)
