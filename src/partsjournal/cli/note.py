"""``partsjournal note``: a one-line trailhead, saved at once."""

from __future__ import annotations

from typing import Annotated

import typer

from partsjournal.cli.typer_options import AtOption
from partsjournal.flow import notes
from partsjournal.render import ui


def register(app: typer.Typer) -> None:
    app.command("note")(note)


def note(
    text: Annotated[str, typer.Argument(help="One line about the moment, in quotes.")],
    part: Annotated[
        str | None, typer.Option("--part", help="The part that was stirred, if you know.")
    ] = None,
    at: AtOption = None,
) -> None:
    """Save a one-line note of a moment that stirred a part (a trailhead), with no questions.

    Example: partsjournal note "snapped at J; chest tight" --part "The Critic"
    """
    saved = notes.save_note(text, part=part, at=at)
    ui.say(
        f"Noted ({saved.id}). Explore it later with: "
        f"partsjournal exercise protector --from {saved.id}"
    )
