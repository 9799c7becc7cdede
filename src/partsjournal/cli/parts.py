"""``partsjournal parts``: the parts you have met, their stories and how they relate."""

from __future__ import annotations

import importlib
from typing import Annotated, Any

import typer
import typer.main

from partsjournal.cli.plain import PlainCommand, PlainGroup
from partsjournal.core import parts, sessions
from partsjournal.core.errors import UsageError
from partsjournal.render import parts as render_parts
from partsjournal.render import ui
from partsjournal.views import partlog, partmap


class PartsGroup(PlainGroup):
    """The ``parts`` commands; ``edit`` is built only when it is run (or listed in
    ``--help``): it needs the editor flow, whose imports the reading commands
    (``parts``, ``parts show``) should not pay for."""

    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        at = names.index("show") + 1 if "show" in names else len(names)
        return [*names[:at], "edit", *names[at:]]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name != "edit":
            return super().get_command(ctx, cmd_name)
        holder = typer.Typer()
        importlib.import_module("partsjournal.cli.parts_edit").register(holder)
        return typer.main.get_group(holder).commands["edit"]


parts_app = typer.Typer(
    cls=PartsGroup,
    help="The parts you have met: list them, read one's story, edit, rename, merge, map.",
    invoke_without_command=True,
    no_args_is_help=False,
    rich_markup_mode="rich",
)


LATEST = 20  # entries in a part's time line when no --all or -n is given


def register(app: typer.Typer) -> None:
    app.add_typer(parts_app, name="parts")


@parts_app.callback()
def parts_list(ctx: typer.Context) -> None:
    """List every part you have met.

    Shows each part's role, how often and when you last met it, and a few words
    of what it needs.

    Example: partsjournal parts
    """
    if ctx.invoked_subcommand is not None:
        return
    index = parts.everything(warn=ui.warn)
    live = sorted(
        (p for p in index.values() if parts.live_id(p.id, index) == p.id),
        key=lambda p: p.name.casefold(),
    )
    met = partlog.counts(index, warn=ui.warn) if live else {}
    render_parts.print_list(live, met)


@parts_app.command("show", cls=PlainCommand)
def show(
    name: Annotated[str, typer.Argument(help="The part's name or one of its aliases.")],
    number: Annotated[
        int | None,
        typer.Option("--number", "-n", metavar="N", help="The latest N entries (default 20)."),
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="Every entry in the time line.")] = False,
) -> None:
    """Show one part's record and a time line of the entries it appears in.

    The time line shows the latest 20 entries; --all shows every one, -n N the latest N.

    Example: partsjournal parts show "The Critic"
    """
    if all_ and number is not None:
        raise UsageError("Pass either --all or -n N, not both.")
    if number is not None and number < 1:
        raise UsageError(f"-n needs a number of entries from 1 up, not {number}.")
    part = parts.resolve(name)
    index = parts.everything(warn=ui.warn)
    if parts.in_circle(part.id, index):
        part = index[part.id] = parts.undo_merge(part)
        ui.say(f"{part.name} was merged in a circle; it is its own part again.", to_stderr=True)
    latest = None if all_ else number or LATEST
    meetings, total = partlog.meetings(part.id, index, latest=latest, warn=ui.warn)
    names = {s.id: s.name for s in sessions.load_all(warn=ui.warn)} if meetings else {}
    with ui.paged(20 + 4 * len(meetings)):  # a long time line goes through the pager
        render_parts.print_part(part, index, meetings, names, total=total)


@parts_app.command("rename")
def rename(
    old: Annotated[str, typer.Argument(help="The part's current name or an alias.")],
    new: Annotated[str, typer.Argument(help="Its new name.")],
) -> None:
    """Give a part a new name; the old one still finds it.

    The old name is kept as an alias and every entry stays attached.

    Example: partsjournal parts rename "The Critic" "The Inner Coach"
    """
    part = parts.resolve(old)
    before = part.name
    renamed = parts.rename(part, new)
    ui.say(f"Renamed {before} to {renamed.name}; '{before}' still finds it.")


@parts_app.command("merge")
def merge(
    source: Annotated[str, typer.Argument(help="The part to fold in.")],
    target: Annotated[str, typer.Argument(help="The part that lives on.")],
) -> None:
    """Fold part A into part B when they are one part; nothing is lost.

    B takes A's name as an alias, whom A protects, and anything B had not noted
    yet. Entries that named A count for B from now on.

    Example: partsjournal parts merge "critic" "The Critic"
    """
    a = parts.resolve(source)
    b = parts.resolve(target)
    parts.merge(a, b)
    ui.say(f"Merged {a.name} into {b.name}; entries that named {a.name} now count for {b.name}.")


@parts_app.command("map", cls=PlainCommand)
def parts_map() -> None:
    """Draw your parts as a tree, with the Self at the root.

    Each protector has the parts it protects beneath it; parts with no known
    relation are listed apart.

    Say who protects whom with: partsjournal parts edit NAME --protects OTHER
    """
    render_parts.print_map(*partmap.protection_map(parts.everything(warn=ui.warn)))
