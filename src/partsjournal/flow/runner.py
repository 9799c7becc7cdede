"""Running an exercise from start to saved entry: the part shared by every
command that walks through steps (``exercise``, ``ground``, ``resume``, and later
``integrate``). Drafts, the grounding offer and the crisis card live here, in
:func:`walk_and_save`, so every such command gets them."""

from __future__ import annotations

from datetime import datetime

from partsjournal import prompts
from partsjournal.core import dates, drafts, parts, sessions
from partsjournal.core.drafts import Draft
from partsjournal.core.entry import Answer, Entry
from partsjournal.core.errors import JournalError, UsageError
from partsjournal.flow import care, exercises, journal
from partsjournal.flow.engine import Asker, Paused, Run, check_value, run
from partsjournal.flow.exercises import Exercise, Step
from partsjournal.render import ui


def list_exercises() -> None:
    from rich.table import Table

    table = Table(title="Exercises", title_justify="left")
    table.add_column("name", style="bold", no_wrap=True)
    table.add_column("title", no_wrap=True)
    table.add_column("min", justify="right", no_wrap=True)
    table.add_column("what it is")
    for ex in exercises.load_all():
        table.add_row(ex.name, ex.title, str(ex.minutes), ex.summary)
    ui.out().print(table)
    ui.out().print("Run one with: partsjournal exercise NAME")


def make_asker(
    ex: Exercise, answers: str | None, *, pending: dict[str, str] | None = None
) -> Asker:
    """The scripted asker for ``--answers``, else the terminal one.

    Without a terminal and without ``--answers`` we refuse rather than hang.
    ``pending`` is unfinished text from before a pause, offered again.
    """
    if answers is not None:
        return prompts.ScriptedAsker(prompts.read_answers_file(answers, ex), ex)
    if not prompts.can_prompt():
        raise UsageError(
            "partsjournal needs a terminal to ask its questions; to run without one, "
            "pass --answers FILE (a TOML table of step id = answer, see docs/format.md)."
        )
    return prompts.InteractiveAsker([p.name for p in parts.load_all()], pending)


def entry_time(at: str | None) -> datetime:
    return dates.parse_datetime(at) if at is not None else dates.now()


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
    return walk_and_save(current, asker, created, interactive=interactive)


def walk_and_save(
    current: Run,
    asker: Asker,
    created: datetime,
    *,
    interactive: bool,
    draft: Draft | None = None,
) -> Entry | None:
    """Ask the remaining steps, then save the entry: the flow every command shares.

    In a terminal (and whenever a draft is being resumed) the answers so far are
    written to a draft after every step, so nothing is lost if the terminal is
    closed. High ratings bring the grounding offer and the crisis card. A pause
    (Ctrl-C, Ctrl-D or "Pause here") keeps the draft and says how to go on;
    finishing saves the entry and removes the draft.
    """
    keeper = DraftKeeper(current, created, draft, enabled=interactive or draft is not None)
    looking_after = _Care(asker, interactive=interactive, offer=current.exercise.name != GROUNDING)

    def on_answer(cur: Run, step: Step) -> None:
        keeper.save()
        looking_after.after(cur, step)

    while True:
        try:
            run(current, asker, on_answer=on_answer)
            break
        except (Paused, KeyboardInterrupt) as stop:
            # Ctrl-C between two prompts (while text is printed) is a pause too
            pause = stop if isinstance(stop, Paused) else Paused()
            if pause.step and pause.partial:
                current.pending[pause.step] = pause.partial
            keeper.save()
            if interactive and pause.chosen and _ground_from_pause(asker):
                continue
            _paused(keeper, current)
            return None
    entry = journal.save_run(current, created)
    keeper.discard()
    _summary(entry)
    _placement(entry)
    return entry


GROUNDING = "grounding"


class DraftKeeper:
    """Writes the run in progress to ``<home>/drafts/`` after every step."""

    def __init__(
        self, current: Run, created: datetime, draft: Draft | None, *, enabled: bool
    ) -> None:
        self.current = current
        self.created = created
        self.draft = draft
        self.enabled = enabled

    def save(self) -> None:
        if not self.enabled:
            return
        cur = self.current
        if self.draft is None and not (cur.answers or cur.kept or cur.pending):
            return
        fresh = draft_from_run(cur, self.created)
        if self.draft is not None:
            fresh.id, fresh.path = self.draft.id, self.draft.path
        drafts.save(fresh)
        self.draft = fresh

    def discard(self) -> None:
        if self.draft is not None:
            drafts.remove(self.draft)


def draft_from_run(current: Run, created: datetime) -> Draft:
    """The draft for ``current``: every answer (guidance steps too, so they are not
    shown again), each with its kind, role and the prompt as shown."""
    ex = current.exercise
    rows: list[Answer] = []
    for step_id, value in current.answers.items():
        step = ex.step(step_id)
        rows.append(
            Answer(
                step=step_id,
                kind=step.kind if step else "text",
                prompt=current.shown.get(step_id, step.text if step else ""),
                value=value,
                role=step.role if step else None,
            )
        )
    rows.extend(current.kept)
    return Draft(
        id=drafts.new_id(created),
        exercise=ex.name,
        exercise_version=ex.version,
        title=ex.title,
        created=created,
        updated=dates.now(),
        answers=rows,
        part_name=current.part_name,
        phase=current.phase,
        context=dict(current.context),
        pending=dict(current.pending),
    )


def run_from_draft(draft: Draft, ex: Exercise) -> Run:
    """Rebuild the run; answers that no longer fit the exercise are kept aside, not lost."""
    current = Run(
        exercise=ex,
        part_name=draft.part_name,
        phase=draft.phase,
        context=dict(draft.context),
        pending=dict(draft.pending),
    )
    for a in draft.answers:
        step = ex.step(a.step)
        fits = step is not None and step.kind == a.kind and a.step not in current.answers
        if fits and step is not None:
            try:
                value = check_value(step, a.value)
            except ValueError:
                fits = False
        if fits:
            current.answers[a.step] = value
            current.shown[a.step] = a.prompt
        else:
            current.kept.append(a)
    return current


class _Care:
    """After each answer: the grounding offer at 8+, the crisis card at 9-10 or "not safe"."""

    def __init__(self, asker: Asker, *, interactive: bool, offer: bool) -> None:
        self.asker = asker
        self.interactive = interactive
        self.offer = offer
        self.card_shown = False

    def after(self, current: Run, step: Step) -> None:
        value = current.answers.get(step.id)
        if care.needs_crisis_card(step.role, value) and not self.card_shown:
            care.show_crisis_card(to_stderr=not self.interactive)
            self.card_shown = True
        if not (self.offer and care.offers_grounding(step.role, value)):
            return
        if not self.interactive:
            ui.err().print(
                f"Note: '{step.id}' was rated {value}. If this is stirring up a lot, you can stop "
                "at any time and run: partsjournal ground",
                soft_wrap=True,
            )
            return
        ui.out().print()
        if prompts.confirm(
            "That is a lot to be holding. Would you like to pause and ground yourself first?"
        ):
            ground_inline(self.asker)
            ui.out().print("\n[bold]Welcome back.[/] We will go on from where you were.")


def ground_inline(asker: Asker) -> None:
    """Walk through the grounding exercise inside another one (not saved as an entry)."""
    try:
        ex = exercises.get(GROUNDING)
    except JournalError as exc:
        ui.warn(f"The grounding exercise could not be opened ({exc.message}).")
        return
    _intro(ex)
    inner = Run(exercise=ex)
    looking_after = _Care(asker, interactive=True, offer=False)
    run(inner, asker, on_answer=looking_after.after)


def _ground_from_pause(asker: Asker) -> bool:
    """After "Pause here": offer grounding, then the way back. True to go on with the exercise."""
    try:
        if not prompts.confirm(
            "Would you like a few minutes of grounding before you decide what to do next?"
        ):
            return False
        ground_inline(asker)
        return prompts.confirm("Would you like to go back to the exercise now?", default=False)
    except Paused:
        return False


def _paused(keeper: DraftKeeper, current: Run) -> None:
    console = ui.out()
    console.print()
    draft = keeper.draft
    if draft is None:
        console.print(
            "[bold]Paused.[/] Nothing was answered yet, so there is nothing to keep. "
            f"Start again whenever you like: partsjournal exercise {current.exercise.name}",
            soft_wrap=True,
        )
        return
    kept = (
        f"Your answers so far ({draft.answered}) are kept safely as a draft."
        if draft.answered
        else "Your place in the exercise is kept as a draft."
    )
    console.print(f"[bold]Paused.[/] {kept} Take all the time you need.", soft_wrap=True)
    if current.pending:
        console.print("What you had started typing is kept too.")
    console.print(f"When you are ready to go on: partsjournal resume {draft.id}", soft_wrap=True)


def _intro(ex: Exercise) -> None:
    from rich.panel import Panel

    body = f"{ex.summary}\n\nAbout {ex.minutes} minutes. {prompts.PAUSE_HINT}"
    if ex.intro:
        body = f"{ex.intro.strip()}\n\n{body}"
    ui.out().print(Panel(body, title=ex.title, title_align="left", border_style="cyan"))


def _placement(entry: Entry) -> None:
    """Say where the entry sits around its session ("3 days before session 2")."""
    if entry.session is None:
        return
    for s in sessions.load_window(entry.day, entry.day, ids=[entry.session]):
        if s.id == entry.session:
            ui.out().print(f"This entry is {sessions.describe(entry.day, s, entry.phase)}.")
            return


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


def resume(ref: str | None, *, answers: str | None = None) -> Entry | None:
    """Continue a paused exercise from where it stopped, then save it as an entry."""
    found = drafts.load_all(warn=ui.warn)
    if not found:
        ui.out().print("There are no paused exercises to resume.")
        return None
    if ref is not None:
        draft = drafts.find(ref, found)
    elif len(found) == 1:
        draft = found[0]
    elif answers is None and prompts.can_prompt():
        drafts.show_list(found)
        labels = [drafts.label(d) for d in found]
        try:
            picked = prompts.select("Which one would you like to continue?", [*labels, "Not now"])
        except Paused:
            return None
        if picked not in labels:
            return None
        draft = found[labels.index(picked)]
    else:
        raise UsageError(
            f"There are {len(found)} drafts; say which to continue, for example "
            "'partsjournal resume 1' (see 'partsjournal drafts')."
        )
    try:
        ex = exercises.get(draft.exercise)
    except UsageError:
        raise JournalError(
            f"The exercise '{draft.exercise}' this draft belongs to is no longer installed; "
            f"your answers are still kept in {draft.path}."
        ) from None
    current = run_from_draft(draft, ex)
    asker = make_asker(ex, answers, pending=current.pending)
    interactive = answers is None
    if interactive:
        _welcome_back(draft, ex, current)
    return walk_and_save(current, asker, draft.created, interactive=interactive, draft=draft)


def _welcome_back(draft: Draft, ex: Exercise, current: Run) -> None:
    from rich.panel import Panel

    body = (
        f"You started this on {draft.created:%A %d %B, %H:%M} and answered "
        f"{draft.answered} question{'s' if draft.answered != 1 else ''}. "
        "Everything you wrote is still here; we go on from the next step."
    )
    if current.kept:
        body += (
            f"\n\nThe exercise has changed since then: {len(current.kept)} earlier "
            "answer(s) no longer match a step. They are kept and will be saved with the entry."
        )
    body += f"\n\n{prompts.PAUSE_HINT}"
    ui.out().print(Panel(body, title=f"Welcome back: {ex.title}", title_align="left"))
