"""Running an exercise from start to saved entry: the part shared by every
command that walks through steps (``exercise``, and later ``integrate``)."""

from __future__ import annotations

from datetime import datetime

from partsjournal import dates, exercises, journal, parts, prompts, sessions, ui
from partsjournal.engine import Asker, Run, run
from partsjournal.entry import Entry
from partsjournal.errors import UsageError
from partsjournal.exercises import Exercise


def list_exercises() -> None:
    from rich.table import Table

    table = Table(title="Exercises", title_justify="left")
    table.add_column("name", style="bold")
    table.add_column("title")
    table.add_column("minutes", justify="right")
    table.add_column("what it is")
    for ex in exercises.load_all():
        table.add_row(ex.name, ex.title, str(ex.minutes), ex.summary)
    ui.out().print(table)
    ui.out().print("Run one with: partsjournal exercise NAME")


def make_asker(ex: Exercise, answers: str | None) -> Asker:
    """The scripted asker for ``--answers``, else the terminal one.

    Without a terminal and without ``--answers`` we refuse rather than hang.
    """
    if answers is not None:
        return prompts.ScriptedAsker(prompts.read_answers_file(answers, ex), ex)
    if not prompts.can_prompt():
        raise UsageError(
            "partsjournal needs a terminal to ask its questions; to run without one, "
            "pass --answers FILE (a TOML table of step id = answer, see docs/format.md)."
        )
    return prompts.InteractiveAsker([p.name for p in parts.load_all()])


def entry_time(at: str | None) -> datetime:
    return dates.parse_datetime(at) if at else dates.now()


def run_exercise(
    name: str,
    *,
    part: str | None = None,
    at: str | None = None,
    answers: str | None = None,
    session: str | None = None,
    phase: str | None = None,
    exercise: Exercise | None = None,
) -> Entry | None:
    """Run one exercise and save it; ``exercise`` is for scripts built in code
    (``integrate`` adds its follow-up steps), otherwise ``name`` is looked up.

    ``session`` (``--session``) and ``phase`` (``--before``/``--after``) place
    the entry around a session; without them the nearest session is used.
    """
    ex = exercise if exercise is not None else exercises.get(name)
    created = entry_time(at)
    if part is not None and not part.strip():
        raise UsageError('--part needs the part\'s name, for example --part "The Critic".')
    linked, phase = sessions.link(created.date(), explicit=session, phase=phase)
    asker = make_asker(ex, answers)
    current = Run(exercise=ex, part_name=part.strip() if part else None, phase=phase)
    if linked is not None:
        current.context["session"] = linked.id
    interactive = answers is None
    if interactive:
        _intro(ex)
    run(current, asker)
    entry = journal.save_run(current, created)
    _summary(entry)
    if linked is not None:
        ui.out().print(f"This entry is {sessions.describe(created.date(), linked, phase)}.")
    return entry


def _intro(ex: Exercise) -> None:
    from rich.panel import Panel

    body = f"{ex.summary}\n\nAbout {ex.minutes} minutes. {prompts.PAUSE_HINT}"
    if ex.intro:
        body = f"{ex.intro.strip()}\n\n{body}"
    ui.out().print(Panel(body, title=ex.title, title_align="left", border_style="cyan"))


def _summary(entry: Entry) -> None:
    console = ui.out()
    console.print()
    console.print(f"[bold]Saved.[/] {entry.title}, {entry.created:%A %d %B %Y, %H:%M}.")
    if entry.parts:
        console.print("Part: " + ", ".join(p.name for p in entry.parts))
    before = entry.by_role("activation-before")
    after = entry.by_role("activation-after")
    if before and after:
        console.print(f"Activation: {before[0].value} → {after[0].value}")
    console.print(f"Entry [bold]{entry.id}[/] saved in {entry.path}", soft_wrap=True)
