"""A brief's items on the screen, before the person chooses what to leave out."""

from __future__ import annotations

from partsjournal.core import messages as msg
from partsjournal.render import brief_words as w
from partsjournal.render import ui
from partsjournal.views.brief import SECTIONS, Item


def print_items(items: list[Item], left_out: set[str]) -> None:
    """Every item under its section's heading, with the key ``--exclude`` takes."""
    from rich.text import Text

    if not items:
        ui.say(w.EMPTY)
        return
    ui.say(msg.BRIEF_ALL_LISTED)
    for key, heading in SECTIONS:
        inside = [i for i in items if i.section == key]
        if not inside:
            continue
        ui.out().print()
        ui.show(Text(f"{heading} ({key})", style="bold"))
        for item in inside:
            mark = f" ({w.NOT_SEEN_MARK})" if item.safety else ""
            gone = " [left out]" if item.key in left_out else ""
            ui.say(f"  {item.key}: {w.item_text(item)}{mark}{gone}")


def print_left_out(items: list[Item]) -> None:
    if not items:
        ui.say(msg.BRIEF_NOTHING_LEFT_OUT)
        return
    ui.say(msg.BRIEF_LEFT_OUT + ", ".join(i.key for i in items) + ".")
