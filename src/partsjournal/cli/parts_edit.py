"""``partsjournal parts edit``: what you know about a part, by options or in $EDITOR.

Kept apart from the other ``parts`` commands because the editing flow can ask to
reopen a refused edit, and the listing must not load the prompts for that (see
:mod:`partsjournal.cli.lazy`).
"""

from __future__ import annotations

from typing import Annotated

import typer

from partsjournal.core import messages as msg
from partsjournal.core import parts
from partsjournal.flow import editing
from partsjournal.render import ui


def register(app: typer.Typer) -> None:
    app.command("edit")(edit)


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
    part = parts.resolve(name, to_add=True)
    protected = [parts.resolve(other, to_add=True) for other in protects or []]
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
        ui.say(msg.NO_CHANGES if edited is None else msg.SAVED_NAME.format(name=edited.name))
        return

    def apply(fresh: parts.Part) -> None:
        for key, value in fields.items():
            if value is not None:
                setattr(fresh, key, value.strip())
        if alias:
            parts.add_aliases(fresh, alias)
        parts.add_protects(fresh, protected)

    saved = parts.update(part.id, apply)
    ui.say(msg.SAVED_NAME.format(name=saved.name))
