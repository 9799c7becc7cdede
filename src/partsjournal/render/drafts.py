"""The list of paused exercises (``partsjournal drafts``)."""

from __future__ import annotations

from partsjournal.core import dates
from partsjournal.core import messages as msg
from partsjournal.core.drafts import Draft
from partsjournal.render import ui
from partsjournal.render.text import literal


def show_list(found: list[Draft]) -> None:
    """Print the drafts as a numbered table (the numbers work with resume and discard)."""
    from rich.table import Table

    console = ui.out()
    if not found:
        console.print("There are no paused exercises. Nothing is waiting for you.")
        return
    table = Table(title="Paused exercises", title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("exercise")
    table.add_column("part", overflow="fold")
    table.add_column("started", no_wrap=True)
    table.add_column("answered", justify="right", no_wrap=True)
    for n, d in enumerate(found, start=1):
        table.add_row(
            str(n),
            literal(d.title, one_line=True),
            literal(d.part_name or "", one_line=True),
            dates.stamp(d.created),
            str(d.answered),
        )
    console.print(table)
    ui.say(msg.DRAFTS_CONTINUE_HINT)
