"""``partsjournal resume`` and ``partsjournal drafts``: exercises paused part-way."""

from __future__ import annotations

from typing import Annotated

import typer

from partsjournal import prompts
from partsjournal.core import drafts, reading
from partsjournal.core import messages as msg
from partsjournal.flow import runner
from partsjournal.render import drafts as render_drafts
from partsjournal.render import ui
from partsjournal.render.text import plural


def register(app: typer.Typer) -> None:
    app.command("resume")(resume)
    sub = typer.Typer(
        name="drafts",
        help="List paused exercises (drafts), or discard one.",
        invoke_without_command=True,
        no_args_is_help=False,
    )
    sub.callback(invoke_without_command=True)(drafts_list)
    sub.command("discard")(discard)
    app.add_typer(sub, name="drafts")


@reading.each_file_once  # a save reads each file once
def resume(
    draft: Annotated[
        str | None,
        typer.Argument(help="The draft's number or id from 'partsjournal drafts'."),
    ] = None,
    answers: Annotated[
        str | None,
        typer.Option(
            "--answers",
            help="Answer the remaining steps from a TOML file of step id = answer ('-': stdin).",
        ),
    ] = None,
) -> None:
    """Continue a paused exercise from the step where it stopped.

    With no DRAFT, continue the only one, or choose from the list.

    Example: partsjournal resume 1
    """
    runner.resume(draft, answers=answers)


def drafts_list(ctx: typer.Context) -> None:
    """List paused exercises (drafts); each keeps every answer given so far.

    Example: partsjournal drafts discard 1 --yes
    """
    if ctx.invoked_subcommand is not None:
        return
    found = drafts.load_all(warn=ui.warn)
    with ui.paged():
        render_drafts.show_list(found)


def discard(
    draft: Annotated[str, typer.Argument(help="The draft's number or id.")],
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Discard without asking (for scripts).")
    ] = False,
) -> None:
    """Throw away a draft and the answers in it (asks first)."""
    found = drafts.find(draft, drafts.load_all(warn=ui.warn))
    if not prompts.ask_first(
        msg.DRAFT_DISCARD_ASK.format(
            label=drafts.label(found), answers=plural(found.answered, "answer")
        ),
        yes=yes,
        without_terminal=msg.WITHOUT_TERMINAL_YES.format(what="discard a draft"),
    ):
        ui.say(msg.DRAFT_KEPT)
        return
    with drafts.held(found):  # never from under a window that is answering it
        drafts.remove(found)
    ui.say(msg.DRAFT_DISCARDED.format(id=found.id))
