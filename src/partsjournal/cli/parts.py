"""``partsjournal parts``: the parts you have met, their stories and how they relate."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from partsjournal.core.parts import MapNode, Part

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
    from rich.markup import escape
    from rich.table import Table

    from partsjournal.core import parts
    from partsjournal.render import ui
    from partsjournal.views import partlog

    index = parts.everything()
    live = sorted(
        (p for p in index.values() if p.merged_into is None), key=lambda p: p.name.casefold()
    )
    if not live:
        ui.out().print(
            "No parts yet. A part is added when an exercise names one; "
            "start with: partsjournal exercise protector"
        )
        return
    met = partlog.meetings(index, warn=ui.warn)
    table = Table(title="Parts", title_justify="left")
    table.add_column("name", style="bold")
    table.add_column("role")
    table.add_column("times met", justify="right")
    table.add_column("last met")
    table.add_column("what it needs")
    for part in live:
        table.add_row(
            escape(part.name),
            escape(part.role),
            str(len(met.get(part.id, []))),
            part.last_met.isoformat() if part.last_met else "",
            escape(partlog.few_words(part.needs)),
        )
    ui.out().print(table)
    ui.out().print('See one part\'s story with: partsjournal parts show "NAME"')


@parts_app.command("show")
def show(
    name: Annotated[str, typer.Argument(help="The part's name or one of its aliases.")],
) -> None:
    """Show one part's record and a time line of every entry it appears in.

    Example: partsjournal parts show "The Critic"
    """
    from rich.markup import escape
    from rich.table import Table

    from partsjournal.core import parts
    from partsjournal.render import ui
    from partsjournal.views import partlog

    part = parts.resolve(name)
    index = parts.everything()
    console = ui.out()
    record = Table.grid(padding=(0, 2))
    record.add_column(style="dim")
    record.add_column()
    protected_by = [
        p.name
        for p in index.values()
        if p.merged_into is None
        and any(parts.live_id(x, index) == part.id for x in p.protects)
        and p.id != part.id
    ]
    rows = [
        ("also called", ", ".join(part.aliases)),
        ("role", part.role),
        ("felt in the body", part.body),
        ("image", part.image),
        ("its job", part.current_role),
        ("new role", part.new_role),
        ("fears", part.fears),
        ("needs", part.needs),
        ("protects", ", ".join(_names(part.protects, index))),
        ("protected by", ", ".join(sorted(protected_by))),
        ("first met", part.first_met.isoformat() if part.first_met else ""),
        ("last met", part.last_met.isoformat() if part.last_met else ""),
        ("notes", part.notes),
    ]
    for label, value in rows:
        if value:
            record.add_row(label, escape(value))
    console.print(f"[bold]{escape(part.name)}[/]")
    console.print(record)
    meetings = partlog.meetings(index, warn=ui.warn).get(part.id, [])
    console.print()
    if not meetings:
        console.print("No entries name this part yet.")
        return
    count = len(meetings)
    console.print(f"[bold]Time line[/] ({count} {'entry' if count == 1 else 'entries'})")
    for meeting in meetings:
        e = meeting.entry
        called = "" if meeting.name_used == part.name else f" (as {escape(meeting.name_used)})"
        console.print(f"\n[bold]{e.created:%Y-%m-%d %H:%M}[/]  {escape(e.title)}{called}")
        for answer in meeting.key_answers():
            label = (answer.role or answer.step).removeprefix("part-").replace("-", " ")
            console.print(f"  [dim]{label}:[/] {escape(str(answer.value))}", soft_wrap=True)
        console.print(f"  [dim]entry {e.id}[/]")


def _names(ids: list[str], index: dict[str, Part]) -> list[str]:
    from partsjournal.core import parts

    out = []
    for raw in ids:
        live = parts.live_id(raw, index)
        out.append(index[live].name if live else f"{raw} (no longer here)")
    return out


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
    from partsjournal.core import parts
    from partsjournal.render import ui

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
        _edit_in_editor(part)
        return
    for key, value in fields.items():
        if value is not None:
            setattr(part, key, value.strip())
    if alias:
        parts.add_aliases(part, alias)
    for other_name in protects or []:
        other = parts.resolve(other_name)
        if other.id == part.id:
            raise _usage(f"{part.name} cannot protect itself; name another part after --protects.")
        if other.id not in part.protects:
            part.protects.append(other.id)
    parts.save(part)
    ui.out().print(f"Saved {part.name}.")


def _usage(message: str) -> Exception:
    from partsjournal.core.errors import UsageError

    return UsageError(message)


def _edit_in_editor(part: Part) -> None:
    """Open a copy of the part's file in $EDITOR; keep it only if it is still valid."""
    import contextlib
    import os
    import shlex
    import subprocess

    from partsjournal.core import parts, store
    from partsjournal.core.errors import JournalError
    from partsjournal.render import ui

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        raise _usage(
            "No editor is set; set $EDITOR (for example EDITOR=nano) "
            "or change fields with options such as --needs."
        )
    path = parts.part_path(part.id)
    original = path.read_bytes()
    draft = path.with_name(f".{part.id}.edit.toml")  # hidden: never read as a part
    store.atomic_write(draft, original)
    try:
        try:
            done = subprocess.run([*shlex.split(editor), str(draft)], check=False)
        except OSError as exc:
            raise JournalError(
                f"Could not start the editor '{editor}' ({exc.strerror}); the part is unchanged."
            ) from None
        if done.returncode != 0:
            raise JournalError("The editor stopped with an error; the part is unchanged.")
        edited = draft.read_bytes()
        if edited == original:
            ui.out().print("No changes.")
            return
        try:
            data = store.read_toml(draft)
        except store.UnreadableFile as exc:
            raise JournalError(
                f"The edited file could not be read ({exc.reason}); the part is unchanged."
            ) from None
        parts.check_edit(data, part)
        store.atomic_write(path, edited)
    finally:
        with contextlib.suppress(FileNotFoundError):
            draft.unlink()
    ui.out().print(f"Saved {part.name}.")


@parts_app.command("rename")
def rename(
    old: Annotated[str, typer.Argument(help="The part's current name or an alias.")],
    new: Annotated[str, typer.Argument(help="Its new name.")],
) -> None:
    """Give a part a new name; the old one still finds it.

    The old name is kept as an alias and every entry stays attached.

    Example: partsjournal parts rename "The Critic" "The Inner Coach"
    """
    from rich.markup import escape

    from partsjournal.core import parts
    from partsjournal.render import ui

    part = parts.resolve(old)
    before = part.name
    parts.rename(part, new)
    ui.out().print(
        f"Renamed {escape(before)} to [bold]{escape(part.name)}[/]; "
        f"'{escape(before)}' still finds it."
    )


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
    from rich.markup import escape

    from partsjournal.core import parts
    from partsjournal.render import ui

    a = parts.resolve(source)
    b = parts.resolve(target)
    parts.merge(a, b)
    ui.out().print(
        f"Merged {escape(a.name)} into [bold]{escape(b.name)}[/]; "
        f"entries that named {escape(a.name)} now count for {escape(b.name)}."
    )


@parts_app.command("map")
def parts_map() -> None:
    """Draw your parts as a tree, with the Self at the root.

    Each protector has the parts it protects beneath it; parts with no known
    relation are listed apart.

    Say who protects whom with: partsjournal parts edit NAME --protects OTHER
    """
    from rich.markup import escape
    from rich.tree import Tree

    from partsjournal.core import parts
    from partsjournal.render import ui

    roots, loose = parts.protection_map(parts.everything())
    console = ui.out()
    if not roots and not loose:
        console.print(
            "No parts yet. A part is added when an exercise names one; "
            "start with: partsjournal exercise protector"
        )
        return
    tree = Tree("[bold]Self[/]")
    stack: list[tuple[Tree, MapNode]] = [(tree, node) for node in reversed(roots)]
    while stack:
        parent, node = stack.pop()
        branch = parent.add(_label(node))
        stack.extend((branch, child) for child in reversed(node.children))
    console.print(tree)
    if not roots:
        console.print(
            "[dim]No relations noted yet. Add one with: "
            "partsjournal parts edit NAME --protects OTHER[/]"
        )
    if loose:
        console.print()
        console.print("[bold]Not yet connected[/]")
        for part in loose:
            console.print(f"  {escape(part.name)}{_role(part)}")


def _role(part: Part) -> str:
    from rich.markup import escape

    return f" [dim]({escape(part.role)})[/]" if part.role else ""


def _label(node: MapNode) -> str:
    from rich.markup import escape

    if node.part is None:
        return f"[dim]{escape(node.missing_id or '?')} (no longer in the registry)[/]"
    if node.repeat:
        return f"{escape(node.part.name)} [dim](see above)[/]"
    return f"{escape(node.part.name)}{_role(node.part)}"
