"""``partsjournal parts``: the parts you have met, their stories and how they relate."""

from __future__ import annotations

from typing import Annotated, ClassVar

import typer

from partsjournal.cli import options
from partsjournal.cli.lazy import LazyGroup
from partsjournal.cli.plain import PlainCommand, PlainGroup
from partsjournal.core import parts, sessions
from partsjournal.core.errors import UsageError
from partsjournal.render import parts as render_parts
from partsjournal.render import ui
from partsjournal.views import partlog, partmap


class PartsGroup(LazyGroup, PlainGroup):
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


parts_app = typer.Typer(
    cls=PartsGroup,
    help="The parts you have met: list them, read one's story, add, edit, rename, merge, map.",
    invoke_without_command=True,
    no_args_is_help=False,
    rich_markup_mode="rich",
)


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
    with ui.paged():
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
    latest = options.how_many(number, all_)
    part = parts.resolve(name)
    index = parts.everything(warn=ui.warn)
    if parts.in_circle(part.id, index):
        part = index[part.id] = parts.undo_merge(part)
        ui.say(f"{part.name} was merged in a circle; it is its own part again.", to_stderr=True)
    meetings, total = partlog.meetings(part.id, index, latest=latest, warn=ui.warn)
    met_in = {m.entry.session for m in meetings if m.entry.session}
    names = {s.id: s.name for s in sessions.with_ids(met_in, warn=ui.warn)} if met_in else {}
    with ui.paged():  # a long time line goes through the pager
        render_parts.print_part(part, index, meetings, names, total=total)


@parts_app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="The part's name, as you call it.")],
    role: Annotated[
        str | None,
        typer.Option(help="manager, firefighter, exile, unsure, or your own words."),
    ] = None,
    protects: Annotated[
        list[str] | None,
        typer.Option("--protects", help="A part it protects (repeatable)."),
    ] = None,
    alias: Annotated[
        list[str] | None, typer.Option("--alias", help="Another name for it (repeatable).")
    ] = None,
) -> None:
    """Record a part no exercise has named yet, so you can describe it and relate others to it.

    Example: partsjournal parts add "Little One" --role exile
    """
    clean = name.strip()
    if not clean:
        raise UsageError('The part needs a name, for example "Little One".')
    protected = [parts.resolve(other, to_add=True) for other in protects or []]
    with parts.registry_lock():  # no other run creates the same part meanwhile
        known = parts.find(clean)
        if known is not None:
            raise UsageError(
                f"There is already a part called {known.name}; "
                f'change it with: partsjournal parts edit "{known.name}"'
            )
        for other in alias or []:
            taken = parts.find(other)
            if taken is not None:
                raise UsageError(
                    f"'{other.strip()}' is already a name of {taken.name}; choose another."
                )
        part = parts.create(clean)

    def describe(fresh: parts.Part) -> None:
        fresh.role = (role or "").strip()
        parts.add_aliases(fresh, alias or [])
        parts.add_protects(fresh, protected)

    part = parts.update(part.id, describe)
    ui.say(f'Added {part.name}. See it with: partsjournal parts show "{part.name}"')


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


@parts_app.command("map")
def parts_map() -> None:
    """Draw your parts as a tree, with the Self at the root.

    Each protector has the parts it protects beneath it; parts with no known
    relation are listed apart.

    Say who protects whom with: partsjournal parts edit NAME --protects OTHER
    """
    found = partmap.protection_map(parts.everything(warn=ui.warn))
    with ui.paged():
        render_parts.print_map(*found)
