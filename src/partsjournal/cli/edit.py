"""``partsjournal edit``: changing one entry by hand in $EDITOR.

Kept apart from ``entries`` so listing entries never loads the editing flow
(which can ask to reopen a refused edit, and so loads the prompts).
"""

from __future__ import annotations

import click

from partsjournal.cli.completion import entry_refs
from partsjournal.core import entry
from partsjournal.core import messages as msg
from partsjournal.flow import editing, entry_text
from partsjournal.render import ui
from partsjournal.views import search


@click.command("edit")
@click.argument("entry_id", metavar="ID", shell_complete=entry_refs)
@click.option(
    "--raw", is_flag=True, help="Edit the entry's file itself (TOML), with its dates and ids."
)
def edit(entry_id: str, raw: bool) -> None:
    """Open one entry in $EDITOR; it is checked before it is saved.

    Your answers are shown as plain text under their questions; --raw opens the file
    itself. ID is the entry's id, or its start; last for the newest.

    An edit that no longer reads as an entry is refused and the original kept;
    what you typed is kept too, in a copy whose place is named.

    Example: partsjournal edit last (the newest entry)
    """
    path = search.find_entry(entry_id)
    edit_as = editing.edit_entry if raw else entry_text.edit_entry
    edited = edit_as(path, entry.load(path))
    if edited is None:
        ui.say(msg.ENTRY_NO_CHANGES)
    else:
        ui.say(msg.ENTRY_CHANGES_SAVED.format(id=edited.id))


COMMANDS = {"edit": edit}
