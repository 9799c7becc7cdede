"""Looking after the person while they write: when to offer grounding, and the crisis card.

A rating whose role is an activation or distress rating (``activation-before``,
``activation-after``, ``distress``, or any role starting with "activation" or
"distress") of 8 or more brings an offer to pause and ground first; 9 or 10, or
a ``safety`` question answered "no", brings the crisis card. The card's wording
names no country-specific number: the person adds their own in ``config.toml``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.panel import Panel

    from partsjournal.core.config import Config

OFFER_GROUNDING_AT = 8
CRISIS_CARD_AT = 9
SAFETY_ROLE = "safety"


def is_rating(role: str | None) -> bool:
    return role is not None and (role.startswith("activation") or role.startswith("distress"))


def _number(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def offers_grounding(role: str | None, value: Any) -> bool:
    number = _number(value)
    return is_rating(role) and number is not None and number >= OFFER_GROUNDING_AT


def needs_crisis_card(role: str | None, value: Any) -> bool:
    """A rating of 9 or 10, or "no" to a safety question."""
    if role == SAFETY_ROLE:
        return value is False
    number = _number(value)
    return is_rating(role) and number is not None and number >= CRISIS_CARD_AT


def card_text(cfg: Config, *, during_exercise: bool = False) -> str:
    lines = [
        "[bold]You do not have to hold this alone.[/]",
        "",
        "partsjournal is a journal, not a crisis service, and it cannot help in an emergency.",
        "If you might harm yourself or you do not feel safe, please contact your local "
        "emergency number or a crisis line now, or go to the nearest emergency department.",
    ]
    if cfg.crisis_line:
        lines += ["", f"Crisis line: [bold]{_plain(cfg.crisis_line)}[/]"]
    lines.append("")
    if cfg.contacts:
        lines.append("People you chose to reach out to:")
        lines += [f"  • [bold]{_plain(c.name)}[/]: {_plain(c.reach)}" for c in cfg.contacts]
    else:
        lines.append(
            "You can add people you trust to this card with: "
            'partsjournal config contact add "NAME" "how to reach them"'
        )
    if during_exercise:
        lines += [
            "",
            "Your answers are kept. It is fine to stop here (Ctrl-C) and come back another time.",
        ]
    return "\n".join(lines)


def _plain(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def crisis_card(cfg: Config, *, during_exercise: bool = False) -> Panel:
    from rich.panel import Panel

    text = card_text(cfg, during_exercise=during_exercise)
    return Panel(text, title="If it is too much right now", border_style="magenta")


def show_crisis_card(*, to_stderr: bool) -> None:
    """Print the card with the person's own contacts (a broken config falls back to defaults)."""
    from partsjournal.core import config
    from partsjournal.render import ui

    cfg = config.load(warn=ui.warn)
    console = ui.err() if to_stderr else ui.out()
    console.print()
    console.print(crisis_card(cfg, during_exercise=not to_stderr))
