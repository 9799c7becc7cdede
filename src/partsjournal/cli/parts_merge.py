"""``partsjournal parts merge`` and ``parts unmerge``: two names for one part, and back.

Kept apart from the other ``parts`` commands because merging asks first, and the
prompts are not needed by the listing (see :mod:`partsjournal.cli.lazy`).
"""

from __future__ import annotations

from typing import Annotated

import typer

from partsjournal import prompts
from partsjournal.core import messages as msg
from partsjournal.core import part_merges, parts
from partsjournal.render import ui


def register(app: typer.Typer) -> None:
    app.command("merge")(merge)
    app.command("unmerge")(unmerge_command)


def merge(
    source: Annotated[str, typer.Argument(metavar="A", help="The part to fold in.")],
    target: Annotated[str, typer.Argument(metavar="B", help="The part that lives on.")],
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Merge without asking (for scripts).")
    ] = False,
) -> None:
    """Fold part A into part B when they are one part; nothing is lost (asks first).

    B takes A's name as an alias, whom A protects, and anything B had not noted
    yet. Entries that named A count for B from now on. 'parts unmerge A' undoes it.

    Example: partsjournal parts merge "critic" "The Critic"
    """
    a = parts.resolve(source)
    b = parts.resolve(target)
    if a.id == b.id:
        part_merges.merge(a, b)  # says they are already one part
    if not prompts.ask_first(
        msg.PARTS_MERGE_ASK.format(source=a.name, target=b.name),
        yes=yes,
        without_terminal=msg.WITHOUT_TERMINAL_YES.format(what="merge parts"),
    ):
        ui.say(msg.NOTHING_MERGED)
        return
    part_merges.merge(a, b)
    ui.say(msg.PARTS_MERGED.format(source=a.name, target=b.name))


def unmerge_command(
    name: Annotated[str, typer.Argument(help="The name of the part that was merged away.")],
) -> None:
    """Undo a merge: both parts as they were before it, each with its own entries.

    Example: partsjournal parts unmerge "critic"
    """
    source, target, exact = part_merges.unmerge(part_merges.find_merged(name))
    if target is None:
        ui.say(msg.PART_OWN_AGAIN.format(name=source.name))
    elif exact:
        ui.say(msg.PARTS_UNMERGED.format(source=source.name, target=target.name))
    else:
        ui.say(msg.PARTS_UNMERGED_OLD.format(source=source.name, target=target.name))
