"""``partsjournal parts``: the parts you have met, their stories and how they relate."""

from __future__ import annotations

from typing import Annotated

import typer

from partsjournal.core import parts
from partsjournal.flow import editing
from partsjournal.render import parts as render_parts
from partsjournal.render import ui
from partsjournal.views import partlog, partmap

parts_app = typer.Typer(
    help="The parts you have met: list them, read one's story, edit, rename, merge, map.",
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
    met = partlog.meetings(index, warn=ui.warn) if live else {}
    render_parts.print_list(live, met)


@parts_app.command("show")
def show(
    name: Annotated[str, typer.Argument(help="The part's name or one of its aliases.")],
) -> None:
    """Show one part's record and a time line of every entry it appears in.

    Example: partsjournal parts show "The Critic"
    """
    part = parts.resolve(name)
    index = parts.everything(warn=ui.warn)
    if parts.in_circle(part.id, index):
        part = index[part.id] = parts.undo_merge(part)
        ui.say(f"{part.name} was merged in a circle; it is its own part again.", to_stderr=True)
    meetings = partlog.meetings(index, warn=ui.warn).get(part.id, [])
    render_parts.print_part(part, index, meetings)


@parts_app.command("edit")
def edit(
    name: Annotated[str, typer.Argument(help="The part's name or one of its aliases.")],
    role: Annotated[
        str | None,
        typer.Option(help="manager, firefighter, exile, unsure, or your own words."),
    ] = None,
    body: Annotated[str | None, typer.Option(help="Where you feel it in your body.")] = None,
    image: Annotated[str | None, typer.Option(help="How it looks to you.")] = None,
    fears: Annotated[str | None, typer.Option(help="What it is afraid of.")] = None,
    needs: Annotated[str | None, typer.Option(help="What it needs.")] = None,
    current_role: Annotated[
        str | None, typer.Option("--current-role", help="The job it does now.")
    ] = None,
    new_role: Annotated[
        str | None, typer.Option("--new-role", help="A new role it has taken on.")
    ] = None,
    alias: Annotated[
        list[str] | None, typer.Option("--alias", help="Another name for it (repeatable).")
    ] = None,
    protects: Annotated[
        list[str] | None,
        typer.Option("--protects", help="A part it protects (repeatable)."),
    ] = None,
    notes: Annotated[str | None, typer.Option(help="Your own notes about it.")] = None,
) -> None:
    """Change what you know about a part, with options or in your editor.

    With no options, the part's file opens in $EDITOR; a broken edit is refused
    and the part stays as it was.

    Example: partsjournal parts edit "The Critic" --role manager --protects "Little One"
    """
    part = parts.resolve(name)
    fields = {
        "role": role,
        "body": body,
        "image": image,
        "fears": fears,
        "needs": needs,
        "current_role": current_role,
        "new_role": new_role,
        "notes": notes,
    }
    if all(v is None for v in fields.values()) and not alias and not protects:
        edited = editing.edit_part(part)
        ui.say("No changes." if edited is None else f"Saved {edited.name}.")
        return
    others = [parts.resolve(other) for other in protects or []]

    def apply(fresh: parts.Part) -> None:
        for key, value in fields.items():
            if value is not None:
                setattr(fresh, key, value.strip())
        if alias:
            parts.add_aliases(fresh, alias)
        parts.add_protects(fresh, others)

    saved = parts.update(part.id, apply)
    ui.say(f"Saved {saved.name}.")


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


@parts_app.command("map")
def parts_map() -> None:
    """Draw your parts as a tree, with the Self at the root.

    Each protector has the parts it protects beneath it; parts with no known
    relation are listed apart.

    Say who protects whom with: partsjournal parts edit NAME --protects OTHER
    """
    render_parts.print_map(*partmap.protection_map(parts.everything(warn=ui.warn)))
