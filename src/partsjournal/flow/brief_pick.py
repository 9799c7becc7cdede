"""Before a brief is written the person sees every item and leaves out what they want.

In a terminal: the whole list is shown, then one list of choices that writes the brief,
leaves an item or a section out, or puts one back, until the person chooses to write
(or stops: then nothing is written). Scripts name what to leave out with ``--exclude``.
"""

from __future__ import annotations

from partsjournal.core import messages as msg
from partsjournal.core.answers import shorten
from partsjournal.flow.engine import Asker, Paused
from partsjournal.render import brief_screen, brief_words
from partsjournal.views.brief import SECTIONS, Brief, leave_out

LABEL = 70  # characters of an item shown in the list of choices


def choose(brief: Brief, asker: Asker) -> Brief | None:
    """Let the person leave items out (and put them back); None when they stop."""
    everything = brief.items + brief.left_out
    out = {i.key for i in brief.left_out}
    brief_screen.print_items(everything, out)
    while True:
        labels: dict[str, tuple[frozenset[str], bool]] = {}
        for item in everything:
            leaving = item.key not in out
            said = shorten(brief_words.item_text(item), LABEL)
            choice = (msg.BRIEF_LEAVE_OUT_ITEM if leaving else msg.BRIEF_PUT_BACK_ITEM).format(
                key=item.key, item=said
            )
            labels[choice] = (frozenset({item.key}), leaving)
        for key, heading in SECTIONS:
            inside = frozenset(i.key for i in everything if i.section == key)
            if len(inside) > 1 and not inside <= out:
                labels[msg.BRIEF_LEAVE_OUT_SECTION.format(section=heading.lower(), key=key)] = (
                    inside,
                    True,
                )
        try:
            picked = asker.select(msg.BRIEF_LEAVE_OUT_ASK, [msg.BRIEF_WRITE_CHOICE, *labels])
        except Paused:
            return None
        if picked == msg.BRIEF_WRITE_CHOICE:
            return leave_out(brief, out)
        keys, leaving = labels[picked]
        out = out | keys if leaving else out - keys
        brief_screen.print_left_out([i for i in everything if i.key in out])
