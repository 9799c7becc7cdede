"""What the exercise flow shows between questions: the exercise's opening panel, the
step header, the pause and the welcome back, and the summary of a saved entry.

The flow (:mod:`partsjournal.flow`) decides what happens; it calls these to say
so. Text from exercise files and from the person is passed as literal text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from partsjournal.core import dates
from partsjournal.core import messages as msg
from partsjournal.core.entry import Entry
from partsjournal.core.wording import one_or_many, plural
from partsjournal.render import ui
from partsjournal.render.entry import part_names, parts_said
from partsjournal.render.text import literal, visible

if TYPE_CHECKING:
    from partsjournal.flow.exercises import Exercise, Step

PAUSE_HINT = "Ctrl-C pauses at any prompt; your answers so far are kept."
PAUSE_LINE = "Ctrl-C pauses"


def exercise_list(found: Iterable[Exercise]) -> None:
    from rich.table import Table

    table = Table(title="Exercises", title_justify="left")
    table.add_column("name", style="bold", no_wrap=True)
    table.add_column("title")
    table.add_column("min", justify="right", no_wrap=True)
    table.add_column("what it is")
    for ex in found:
        table.add_row(ex.name, literal(ex.title), str(ex.minutes), literal(ex.summary))
    ui.out().print(table)
    ui.say(msg.EXERCISES_RUN_HINT)


def intro(ex: Exercise) -> None:
    body = f"{ex.summary}\n\nAbout {ex.minutes} minutes. {PAUSE_HINT}"
    if ex.intro:
        body = f"{ex.intro.strip()}\n\n{body}"
    ui.out().print(
        ui.panel(literal(body), literal(ex.title), title_align="left", border_style="cyan")
    )


def step_header(
    step: Step,
    text: str,
    number: int,
    total: int,
    *,
    back: str | None = None,
    skip: str | None = None,
) -> None:
    """ "step 3 of 14" (or "step 3" while the total depends on answers to come), how to
    pause and how to go ``back`` (the asker's words for its key, when there is a step to
    go back to), the question, its hint, and how to ``skip`` it when it is optional."""
    from rich.padding import Padding

    console = ui.out()
    console.print()
    # once on every screen, text prompts included: where you are, how to pause and go back
    said = [f"step {number} of {total}" if total else f"step {number}"] if number else []
    said.append(PAUSE_LINE)
    if back:
        said.append(back)
    console.print(" · ".join(said), style="dim", markup=False)
    console.print(Padding(literal(text), (0, 0, 0, 2)))
    if step.hint:
        console.print(Padding(literal(step.hint, "dim"), (0, 0, 0, 2)))
    if skip:
        console.print(Padding(literal(skip, "dim"), (0, 0, 0, 2)))


def no_session_coming(days: int) -> None:
    """Preparing with no session recorded ahead: say so, and how to add one."""
    ui.say(msg.PREPARE_NO_SESSION.format(days=days))


def pause_line() -> None:
    """The one line, on a screen with no step header, that says how to pause."""
    ui.out().print(PAUSE_LINE, style="dim", markup=False)


def note_panel(title: str, body: str) -> None:
    """A short note in a quiet frame (the day of a session)."""
    ui.out().print()
    ui.out().print(ui.panel(literal(body), literal(title), title_align="left"))


def rating_note(step_id: str, value: object) -> None:
    """A scripted run rated something high: say where help is, on stderr."""
    ui.say(
        msg.HIGH_RATING_NOTE.format(step=step_id, value=value),
        to_stderr=True,
    )


def blank() -> None:
    ui.out().print()


def paused_with_nothing(again: str) -> None:
    """A pause before the first answer; ``again`` is the command that starts afresh."""
    ui.say(
        msg.PAUSED_NOTHING_KEPT.format(again=again),
        lead=msg.PAUSED,
    )


def paused(draft_id: str, answered: int, *, typed: bool) -> None:
    kept = (
        f"Your answers so far ({answered}) are kept safely as a draft."
        if answered
        else "Your place in the exercise is kept as a draft."
    )
    ui.say(msg.PAUSED_TAKE_TIME.format(kept=kept), lead=msg.PAUSED)
    if typed:
        ui.say(msg.PAUSED_TYPING_KEPT)
    ui.say(msg.RESUME_HINT.format(id=draft_id))


def saved(entry: Entry, where: str | None, ref: str, names: dict[str, str] | None = None) -> None:
    """The summary after an entry is saved; ``where`` is its place around a session,
    ``ref`` what names it in a command (``last`` when it is the newest entry),
    ``names`` the registry's names of its parts."""
    from rich.text import Text

    console = ui.out()
    console.print()
    line = Text.assemble(("Saved.", "bold"), " ", literal(entry.title, one_line=True))
    line.append(f", {dates.moment_text(entry.created)}.")
    console.print(line)
    if entry.parts:
        shown = [visible(n, one_line=True) for n in part_names(entry, names)]
        console.print(literal(parts_said(shown, capital=True)))
    act = entry.activation()
    if act is not None:
        console.print(f"Activation: {act[0]} → {act[1]}")
    ui.show(Text.assemble("Entry ", (entry.id, "bold"), literal(f" saved in {entry.path}")))
    if where:
        ui.say(msg.ENTRY_PLACED.format(where=where))
    ui.say(msg.ENTRY_SAVED_HINT.format(ref=ref))


def welcome_back(
    started: str, answered: int, title: str, kept: int, *, checking_first: bool = False
) -> None:
    """The panel of a resumed run; ``checking_first`` when care asks how the person is now
    before any step (a run paused when it was a lot, or while care held it)."""
    after = (
        "Everything you wrote is still here. First, a moment to see how you are now."
        if checking_first
        else "Everything you wrote is still here; we go on from the next step."
    )
    body = f"You started this on {started} and answered {plural(answered, 'question')}. {after}"
    if kept:
        body += (
            f"\n\nThe exercise has changed since then: {kept} earlier "
            f"{one_or_many(kept, 'answer', 'answers')} no longer match a step. "
            "They are kept and will be saved with the entry."
        )
    body += f"\n\n{PAUSE_HINT}"
    ui.out().print(ui.panel(literal(body), literal(f"Welcome back: {title}"), title_align="left"))
