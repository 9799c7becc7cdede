"""``partsjournal note``: a one-line trailhead, saved at once."""

from __future__ import annotations

from typing import Annotated

import typer

from partsjournal.cli.typer_options import AtOption
from partsjournal.core import messages as msg
from partsjournal.core import reading
from partsjournal.core.errors import UsageError
from partsjournal.flow import editing, notes
from partsjournal.render import terminal, ui


def register(app: typer.Typer) -> None:
    app.command("note")(note)


@reading.each_file_once  # a save reads each file once
def note(
    text: Annotated[
        str | None,
        typer.Argument(
            help="One line about the moment, in quotes; leave it out (or give -) to type it "
            "in your editor or pass it on standard input, out of the process list and your "
            "shell's history.",
            show_default=False,
        ),
    ] = None,
    part: Annotated[
        str | None, typer.Option("--part", help="The part that was stirred, if you know.")
    ] = None,
    at: AtOption = None,
) -> None:
    """Save a one-line note of a moment that stirred a part (a trailhead), with no questions.

    Example: partsjournal note "snapped at J; chest tight" --part "The Critic"
    """
    saved = notes.save_note(_words(text), part=part, at=at)
    ui.say(msg.NOTE_SAVED.format(id=saved.id))


def _words(text: str | None) -> str:
    """The note as given; ``-`` reads standard input; nothing opens the editor in a
    terminal, and reads standard input when it is a pipe or a file."""
    if text == "-":
        return editing.read_stdin()
    if text is not None:
        return text
    if ui.can_prompt():
        return editing.new_text("note.txt")
    if not terminal.current().stdin_tty:
        return editing.read_stdin()
    raise UsageError(msg.NOTE_GIVE)
