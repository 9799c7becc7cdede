"""The support card: shown when it is too much right now.

It names no country-specific number: the person's own crisis line and contacts
come from ``config.toml``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from partsjournal.core import config
from partsjournal.core.config import Config
from partsjournal.render import ui
from partsjournal.render.text import visible

if TYPE_CHECKING:
    from rich.console import Console
    from rich.panel import Panel
    from rich.text import Text


def card_text(cfg: Config, *, during_exercise: bool = False) -> Text:
    from rich.text import Text

    text = Text()
    text.append("You do not have to hold this alone.\n\n", style="bold")
    text.append(
        "partsjournal is a journal, not a crisis service, and it cannot help in an emergency.\n"
        "If you might harm yourself or you do not feel safe, please contact your local "
        "emergency number or a crisis line now, or go to the nearest emergency department.\n"
    )
    if cfg.crisis_line:
        text.append("\nCrisis line: ")
        text.append(visible(cfg.crisis_line, one_line=True), style="bold")
        text.append("\n")
    text.append("\n")
    if cfg.contacts:
        text.append("People you chose to reach out to:")
        for c in cfg.contacts:
            text.append("\n  • ")
            text.append(visible(c.name, one_line=True), style="bold")
            text.append(": " + visible(c.reach, one_line=True))
    else:
        text.append(
            "You can add people you trust to this card with: "
            'partsjournal config contact add "NAME" "HOW TO REACH"'
        )
    if cfg.therapist is not None:
        t = cfg.therapist
        text.append("\n\nYour therapist or clinic: ")
        text.append(visible(t.name, one_line=True), style="bold")
        text.append(": " + visible(t.reach, one_line=True))
        if t.after_hours:
            text.append("\n  After hours: " + visible(t.after_hours, one_line=True))
    if during_exercise:
        text.append(
            "\n\nYour answers are kept. "
            "It is fine to stop here (Ctrl-C) and come back another time."
        )
    return text


def crisis_card(
    cfg: Config, *, during_exercise: bool = False, console: Console | None = None
) -> Panel:
    """The card as a panel; given the ``console`` it goes to, its lines are broken
    between words to fit inside the border, so no command on it is split."""
    from rich.panel import Panel

    text = card_text(cfg, during_exercise=during_exercise)
    if console is not None:
        text = ui.fitted(text, console, width=console.width - 4)  # border and padding
    return Panel(text, title="If it is too much right now", border_style="magenta")


def show_crisis_card(*, to_stderr: bool) -> None:
    """Print the card with the person's own contacts (a broken config falls back to defaults)."""
    cfg = config.load(warn=ui.warn)
    console = ui.err() if to_stderr else ui.out()
    console.print()
    console.print(crisis_card(cfg, during_exercise=not to_stderr, console=console))
