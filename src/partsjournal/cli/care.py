"""``partsjournal ground`` and ``partsjournal config``: support when it gets hard."""

from __future__ import annotations

from typing import Annotated

import typer

from partsjournal.cli.typer_options import AnswersOption, AtOption, FutureOption
from partsjournal.core import config, paths, reading
from partsjournal.core import messages as msg
from partsjournal.core.errors import UsageError
from partsjournal.flow import care_words, runner
from partsjournal.render import card, ui


def register(app: typer.Typer) -> None:
    app.command("ground")(ground)
    sub = typer.Typer(
        name="config",
        help="Show or change your settings: the people, therapist and crisis line on the card.",
        invoke_without_command=True,
    )
    sub.callback(invoke_without_command=True)(show)
    contact = typer.Typer(name="contact", help="Add or remove a person on your support card.")
    contact.command("add")(contact_add)
    contact.command("remove")(contact_remove)
    sub.add_typer(contact, name="contact")
    sub.command("crisis-line")(crisis_line)
    sub.command("therapist")(therapist)
    app.add_typer(sub, name="config")


@reading.each_file_once  # a save reads each file once
def ground(
    at: AtOption = None,
    future: FutureOption = False,
    answers: AnswersOption = None,
) -> None:
    """A few slow minutes to come back to here and now: feet, breath, where you are.

    Example: partsjournal ground
    """
    runner.run_exercise("grounding", at=at, future=future, answers=answers)


def show(ctx: typer.Context) -> None:
    """Show your settings and the support card as it will look."""
    if ctx.invoked_subcommand is not None:
        return
    cfg = config.load(warn=ui.warn)
    ui.say(msg.SETTINGS_FILE.format(config_file=paths.config_file()))
    ui.say(msg.CRISIS_LINE_IS.format(line=cfg.crisis_line or msg.NOT_SET))
    if cfg.contacts:
        ui.say(msg.CONTACTS_HEAD)
        for c in cfg.contacts:
            ui.say(f"  {c.name}: {c.reach}")
    else:
        ui.say(msg.CONTACTS_NONE)
    t = cfg.therapist
    if t is not None:
        reach = f": {t.reach}" if t.reach else ""
        after = msg.AFTER_HOURS.format(reach=t.after_hours) if t.after_hours else ""
        ui.say(msg.THERAPIST_IS.format(name=t.name, reach=reach, after=after))
    else:
        ui.say(msg.THERAPIST_NOT_SET)
    ui.out().print(card.crisis_card(cfg, care_words.CARD, console=ui.out()))
    missing = {
        "clinic": t is None or not t.after_hours,
        "crisis line": not cfg.crisis_line,
        "person": not cfg.contacts and not cfg.empty,  # an empty card says it itself
    }
    for what, lacking in missing.items():
        if lacking:
            ui.say(care_words.HOW_TO_ADD[what])


def contact_add(
    name: Annotated[str, typer.Argument(help='Who, for example "Sam" or "my therapist".')],
    how: Annotated[str, typer.Argument(help="How to reach them, for example a phone number.")],
) -> None:
    """Add a person to your support card (or change how to reach them)."""
    c = config.add_contact(name, how)
    ui.say(msg.CONTACT_ON_CARD.format(name=c.name, reach=c.reach))


def contact_remove(
    name: Annotated[str, typer.Argument(help="The contact's name.")],
) -> None:
    """Take a person off your support card."""
    c = config.remove_contact(name)
    ui.say(msg.CONTACT_OFF_CARD.format(name=c.name))


def crisis_line(
    text: Annotated[
        str | None, typer.Argument(help="The crisis line's name and number, as you would dial it.")
    ] = None,
    clear: Annotated[bool, typer.Option("--clear", help="Remove the crisis line.")] = False,
) -> None:
    """Set the crisis line shown on your support card (none is assumed by default)."""
    if clear == (text is not None):
        raise UsageError(msg.CRISIS_LINE_GIVE)
    config.set_crisis_line(None if clear else text)
    ui.say(msg.CRISIS_LINE_REMOVED if clear else msg.CRISIS_LINE_SET.format(text=text))


def therapist(
    name: Annotated[
        str | None, typer.Argument(help='Your therapist or clinic, for example "Dr. Lee".')
    ] = None,
    how: Annotated[str | None, typer.Argument(help="How to reach them in office hours.")] = None,
    after_hours: Annotated[
        str, typer.Option("--after-hours", help="A line to call outside office hours.")
    ] = "",
    clear: Annotated[bool, typer.Option("--clear", help="Remove the therapist.")] = False,
) -> None:
    """Set the therapist or clinic shown on your support card, apart from friends."""
    if clear == (name is not None):
        raise UsageError(msg.THERAPIST_GIVE)
    t = config.set_therapist(None if clear else name, how or "", after_hours)
    ui.say(msg.THERAPIST_REMOVED if t is None else msg.THERAPIST_ON_CARD.format(name=t.name))
