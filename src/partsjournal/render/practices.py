"""The practices chosen in recent check-ins, and how they went (``partsjournal practices``)."""

from __future__ import annotations

from partsjournal.core import messages as msg
from partsjournal.core.vocabulary import realm_label
from partsjournal.render import ui
from partsjournal.render.text import literal, plural
from partsjournal.views.practices import Practice


def print_list(found: list[Practice], weeks: int, *, more: int = 0) -> None:
    """``found`` in a table; ``more`` earlier ones were left out (-n, --all)."""
    from rich.table import Table
    from rich.text import Text

    console = ui.out()
    if not found:
        ui.say(msg.NO_PRACTICES_CHOSEN.format(weeks=weeks))
        return
    table = Table(title="Practices", title_justify="left")
    table.add_column("chosen", no_wrap=True)
    table.add_column("realm")
    table.add_column("practice")
    table.add_column("how it went")
    table.add_column("note")
    for p in found:
        table.add_row(
            p.chosen.date().isoformat(),
            realm_label(p.realm),
            literal(p.text),
            literal(p.outcome) if p.outcome else Text("not asked yet", style="dim"),
            literal(p.note),
        )
    console.print(table)
    if more:
        ui.say(msg.PRACTICES_NOT_LISTED.format(earlier=plural(more, "earlier practice")))
