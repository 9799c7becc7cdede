"""``partsjournal practices``: the practices chosen in recent check-ins and how they went.

Listing needs only the practice log. Asking how a practice went needs the exercise engine
and its models (pydantic, about a tenth of a second to import), which a listing must not pay
for at every start; so :mod:`partsjournal.flow.followup` is imported only when something is
to be asked, the way ``cli/lazy`` and ``cli/root`` import a command only when it runs.
"""

from __future__ import annotations

import importlib
from datetime import timedelta

import click

from partsjournal.cli import options
from partsjournal.core import dates, reading
from partsjournal.core import messages as msg
from partsjournal.core.errors import UsageError
from partsjournal.render import practices as render_practices
from partsjournal.render import ui
from partsjournal.render.text import one_or_many, plural
from partsjournal.views import practices as practice_log


@click.command("practices")
@click.option(
    "--weeks", type=int, default=8, metavar="NUMBER",
    help="How far back to list, in weeks (1 or more).",
)  # fmt: skip
@options.entry_time
@options.answers
@click.option("--number", "-n", type=int, metavar="N", help="Show N entries (default {latest}).")
@click.option("--all", "all_", is_flag=True, help="Show every entry.")
@reading.each_file_once  # a save reads each file once
def practices(
    weeks: int,
    at: str | None,
    future: bool,
    answers: str | None,
    number: int | None,
    all_: bool,
) -> None:
    """List the practices you chose in recent check-ins and how they went.

    Shows the latest {latest} of those weeks (--all for every one, -n N for N). If your last
    check-in's practices have not been followed up yet, asks how each went (did it,
    partly, not yet) and saves the answers.
    """
    if weeks < 1:
        raise UsageError(msg.NUMBER_FROM_ONE.format(option="--weeks", what="weeks", given=weeks))
    limit = options.how_many(number, all_)
    created = dates.entry_time(at, future=future)
    found = practice_log.history(created.date() - timedelta(weeks=weeks), warn=ui.warn)
    shown = found[-limit:] if limit is not None else found
    with ui.paged():
        render_practices.print_list(shown, weeks, more=len(found) - len(shown))
    source, waiting = practice_log.pending(created)
    pending = practice_log.due(source, waiting, created)
    if not pending:
        if waiting:
            ui.say(msg.PRACTICES_CHOSEN_TODAY)
        elif answers is not None:
            ui.say(msg.PRACTICES_NOTHING_WAITING)
        return
    if answers is None and not ui.can_prompt():
        ui.say(
            msg.PRACTICES_WAITING.format(
                practices=plural(len(pending), "practice"),
                are=one_or_many(len(pending), "is", "are"),
            )
        )
        return
    importlib.import_module("partsjournal.flow.followup").ask(pending, created, answers)


COMMANDS = {"practices": practices}
