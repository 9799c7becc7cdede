"""The support card: shown when it is too much right now.

It names no country's number: the person's own lines and people come from
``config.toml``, in the order :meth:`Config.reach_in_order` gives, and an empty
card names an international directory of helplines instead. Every sentence comes
from a :class:`CardWords` (the care words, ``flow/care_words.CARD``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from partsjournal.core import config
from partsjournal.core.config import Config, Reach
from partsjournal.render import ui
from partsjournal.render.text import visible, wrap

if TYPE_CHECKING:
    from rich.console import Console
    from rich.panel import Panel
    from rich.text import Text


BULLET = "  • "
HANG = " " * len(BULLET)  # the rest of a reach line, under its words


@dataclass(frozen=True)
class CardWords:
    """The card's sentences; ``labels`` names each kind of reach (``config.ORDER``)."""

    title: str
    opening: str
    not_a_service: str
    reach_out: str
    labels: dict[str, str]
    empty: str
    no_crisis_line: str
    how_to_add: str
    during_exercise: str
    reminder: str  # one line: {who} and the grounding command
    nobody: str  # {who} in the reminder when the card is empty
    people_title: str  # above the people alone (a pause at 8 or more)
    ground_line: str


def reach_line(r: Reach, words: CardWords) -> str:
    """ "Your clinic after hours (Riverside): 012 345 999", "Sam: call or text 555 0100"."""
    label = words.labels[r.kind].format(name=visible(r.name, one_line=True))
    return f"{label}: {visible(r.how, one_line=True)}"


def reach_in_line(r: Reach, words: CardWords) -> str:
    """Whom to reach as the one line names them, after "If you need someone:": the card's
    own label in lower case and a comma, so the line reads as one sentence ("your crisis
    line, Night line 0800 111", "your clinic after hours (Riverside), 012 345 999"); a
    person by the name the person gave, as the card lists them ("Sam: call 555 0100")."""
    if r.kind == config.PERSON:
        return reach_line(r, words)
    label = words.labels[r.kind]
    label = label[:1].lower() + label[1:]  # the card's word, before any name goes in
    return f"{label.format(name=visible(r.name, one_line=True))}, {visible(r.how, one_line=True)}"


def card_text(
    cfg: Config,
    words: CardWords,
    *,
    lead: str = "",
    first: str | None = None,
    during_exercise: bool = False,
    focus: bool = False,
    width: int | None = None,
) -> Text:
    """The card's text; ``lead`` is said first (what matters now), ``first`` is the kind
    of reach listed first (the crisis line after thoughts of ending one's life). ``focus``
    is the card shown again right after the whole of it: the lead and the people only.
    Given the ``width`` it is drawn in, each reach line that does not fit goes on under its
    own words, not under the bullet."""
    from rich.cells import cell_len
    from rich.text import Text

    text = Text()
    if not focus:
        text.append(words.opening + "\n\n", style="bold")
    if lead:
        text.append(lead + "\n" + ("" if focus else "\n"), style="bold")
    if not focus:
        text.append(words.not_a_service + "\n")
    people = cfg.reach_in_order(first)
    if people:
        text.append("\n" + words.reach_out)
        for r in people:
            line = reach_line(r, words)
            if width is not None:
                line = wrap(line, width - len(BULLET), cell_len).replace("\n", "\n" + HANG)
            text.append("\n" + BULLET)
            text.append(line, style="bold" if r is people[0] else "")
        if not cfg.crisis_line:
            text.append("\n\n" + words.no_crisis_line)
    elif focus:
        text.append("\n" + words.empty)
    else:
        text.append("\n" + words.empty + "\n\n" + words.how_to_add)
    if during_exercise:
        text.append("\n\n" + words.during_exercise)
    return text


def crisis_card(
    cfg: Config,
    words: CardWords,
    *,
    lead: str = "",
    first: str | None = None,
    during_exercise: bool = False,
    focus: bool = False,
    console: Console | None = None,
) -> Panel:
    """The card as a panel; given the ``console`` it goes to, its lines are broken
    between words to fit inside the border, so no command on it is split."""

    width = console.width - 4 if console is not None else None  # border and padding
    if console is not None and not ui.fits_lines(console):
        width = None
    text = card_text(
        cfg,
        words,
        lead=lead,
        first=first,
        during_exercise=during_exercise,
        focus=focus,
        width=width,
    )
    if console is not None:
        text = ui.fitted(text, console, width=console.width - 4)
    return ui.panel(text, words.title, console, border_style="magenta")


def show_crisis_card(
    words: CardWords,
    *,
    to_stderr: bool,
    lead: str = "",
    first: str | None = None,
    focus: bool = False,
    during: bool = True,
) -> None:
    """Print the card with the person's own contacts (a broken config falls back to defaults);
    ``during`` says how to pause (a run goes on after it: not after saving, nor at its end)."""
    cfg = config.load(warn=ui.warn)
    console = ui.err() if to_stderr else ui.out()
    console.print()
    during = during and not to_stderr and not focus
    panel = crisis_card(
        cfg, words, lead=lead, first=first, during_exercise=during, focus=focus, console=console
    )
    console.print(panel)


def reminder(words: CardWords, *, first: str | None = None, to_stderr: bool = False) -> None:
    """One line once the card has been shown: the first one to reach (of kind ``first``,
    if any), and grounding."""
    people = config.load().reach_in_order(first)
    who = reach_in_line(people[0], words) if people else words.nobody
    ui.say(words.reminder.format(who=who), to_stderr=to_stderr)


def show_people(words: CardWords, *, first: str | None = None) -> None:
    """The people on the card and the grounding command, without the rest of the card;
    those of kind ``first`` first (the crisis line after thoughts of ending one's life)."""
    from rich.padding import Padding
    from rich.text import Text

    cfg = config.load(warn=ui.warn)
    lines = [reach_line(r, words) for r in cfg.reach_in_order(first)]
    if cfg.empty:
        lines.append(words.empty)
    lines.append(words.ground_line)
    console = ui.out()
    console.print()
    console.print(Text(words.people_title, style="bold"))
    for line in lines:  # each kept whole, indented under the title however it wraps
        text = ui.fitted(Text(line), console, width=console.width - 2)
        console.print(Padding(text, (0, 0, 0, 2)))
