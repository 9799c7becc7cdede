"""``partsjournal parts``: the parts you have met, their stories and how they relate."""

from __future__ import annotations

from typing import ClassVar

import click

from partsjournal.cli import options
from partsjournal.cli.completion import part_names
from partsjournal.cli.lazy import LazyGroup
from partsjournal.core import messages as msg
from partsjournal.core import part_merges, parts, sessions
from partsjournal.core.errors import UsageError
from partsjournal.render import parts as render_parts
from partsjournal.render import ui
from partsjournal.views import partlog, partmap


class PartsGroup(LazyGroup):
    order = ("show", "add", "edit", "rename", "merge", "unmerge", "map")
    lazy: ClassVar[
        dict[str, tuple[str, str]]
    ] = {  # they may ask, so they need the prompts: built only when run
        "merge": (
            "parts_merge",
            "Fold part A into part B when they are one part; nothing is lost (asks first).",
        ),
        "unmerge": (
            "parts_merge",
            "Undo a merge: both parts as they were before it, each with its own entries.",
        ),
        "edit": (
            "parts_edit",
            "Change what you know about a part, with options or in your editor.",
        ),
    }


@click.group(
    "parts",
    cls=PartsGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.pass_context
def parts_list(ctx: click.Context) -> None:
    """The parts you have met: list them, read one's story, add, edit, rename, merge, map.

    With no command, lists every part you have met: each part's role, how often and when
    you last met it, and a few words of what it needs.

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
    with ui.paged():
        render_parts.print_list(live, met)
    for group in partlog.sharing_names(live):
        ui.warn(partlog.sharing_hint(group))


@parts_list.command("show", short_help="Show one part's record and the entries it appears in.")
@click.argument("name", shell_complete=part_names)
@click.option(
    "--number", "-n", type=int, metavar="N", help="The latest N entries (default {latest})."
)
@click.option("--all", "all_", is_flag=True, help="Every entry in the time line.")
def show(name: str, number: int | None, all_: bool) -> None:
    """Show one part's record and a time line of the entries it appears in.

    NAME is the part's name or one of its aliases.

    The time line shows the latest {latest} entries; --all shows every one, -n N the latest N.

    Example: partsjournal parts show "The Critic"
    """
    latest = options.how_many(number, all_)
    part = parts.resolve(name)
    index = parts.everything(warn=ui.warn)
    live = [p for p in index.values() if parts.live_id(p.id, index) == p.id]
    for group in partlog.sharing_names(live):
        if part.id in {p.id for p in group}:
            ui.warn(partlog.sharing_hint(group))
    if parts.in_circle(part.id, index):
        part = index[part.id] = part_merges.undo_merge(part)
        ui.say(msg.PART_CIRCLE_UNDONE.format(name=part.name), to_stderr=True)
    meetings, total = partlog.meetings(part.id, index, latest=latest, warn=ui.warn)
    met_in = {m.entry.session for m in meetings if m.entry.session}
    names = {s.id: s.name for s in sessions.with_ids(met_in, warn=ui.warn)} if met_in else {}
    with ui.paged():  # a long time line goes through the pager
        render_parts.print_part(part, index, meetings, names, total=total)


@parts_list.command("add", short_help="Record a part no exercise has named yet.")
@click.argument("name")
@click.option(
    "--role", metavar="TEXT", help="manager, firefighter, exile, unsure, or your own words."
)
@click.option("--protects", multiple=True, metavar="TEXT", help="A part it protects (repeatable).")
@click.option("--alias", multiple=True, metavar="TEXT", help="Another name for it (repeatable).")
def add(name: str, role: str | None, protects: tuple[str, ...], alias: tuple[str, ...]) -> None:
    """Record a part no exercise has named yet, so you can describe it and relate others to it.

    NAME is the part's name, as you call it.

    Example: partsjournal parts add "Little One" --role exile
    """
    clean = name.strip()
    if not clean:
        raise UsageError(msg.PART_NEEDS_NAME)
    protected = [parts.resolve(other, to_add=True) for other in protects or []]
    with parts.registry_lock():  # no other run creates the same part meanwhile
        known = parts.find(clean)
        if known is not None:
            raise UsageError(msg.PART_EXISTS.format(name=known.name))
        for other in alias or []:
            taken = parts.find(other)
            if taken is not None:
                raise UsageError(msg.NEW_ALIAS_TAKEN.format(name=other.strip(), other=taken.name))
        part = parts.create(clean)

    def describe(fresh: parts.Part) -> None:
        fresh.role = (role or "").strip()
        parts.add_aliases(fresh, list(alias))
        parts.add_protects(fresh, protected)

    part = parts.update(part.id, describe)
    ui.say(msg.PART_ADDED.format(name=part.name))


@parts_list.command("rename")
@click.argument("old", shell_complete=part_names)
@click.argument("new")
def rename(old: str, new: str) -> None:
    """Give a part a new name; the old one still finds it.

    OLD is the part's current name or an alias, NEW its new name.

    The old name is kept as an alias and every entry stays attached.

    Example: partsjournal parts rename "The Critic" "The Inner Coach"
    """
    part = parts.resolve(old)
    before = part.name
    renamed = parts.rename(part, new)
    ui.say(msg.PART_RENAMED.format(before=before, name=renamed.name))


@parts_list.command("map")
def parts_map() -> None:
    """Draw your parts as a tree, with the Self at the root.

    Each protector has the parts it protects beneath it; parts with no known
    relation are listed apart.

    Say who protects whom with: partsjournal parts edit NAME --protects OTHER
    """
    found = partmap.protection_map(parts.everything(warn=ui.warn))
    with ui.paged():
        render_parts.print_map(*found)


COMMANDS = {"parts": parts_list}
