"""Running an exercise from start to saved entry: the part shared by every
command that walks through steps (``exercise``, ``ground``, ``resume``,
``integrate``, ``practices``). Drafts, the grounding offer and the support card
live in :func:`walk_and_save`, so every such command gets them."""

from __future__ import annotations

from datetime import datetime

from partsjournal.core import crypt, dates, drafts, parts, paths, reading, sessions
from partsjournal.core import messages as msg
from partsjournal.core import vocabulary as vocab
from partsjournal.core.drafts import Draft
from partsjournal.core.entry import Entry, is_entry_id
from partsjournal.core.errors import JournalError, UsageError
from partsjournal.flow import (
    asking,
    care,
    care_state,
    care_words,
    exercises,
    integration,
    interrupts,
    known_parts,
    measure_run,
    measures_asked,
    saving,
    scripted,
    session_day,
    session_plan,
    support,
)
from partsjournal.flow.draft_keeper import DraftKeeper, run_from_draft
from partsjournal.flow.engine import Asker, Paused, Run, run
from partsjournal.flow.exercises import Exercise, Step
from partsjournal.flow.interrupts import TerminalGone, signals_held, stopping_signals_pause
from partsjournal.render import drafts as render_drafts
from partsjournal.render import screens, ui
from partsjournal.views import practices as practice_log
from partsjournal.views import search
from partsjournal.views.practices import CHECK, INTEGRATE


def make_asker(ex: Exercise, answers: str | None) -> Asker:
    """The scripted asker for ``--answers``, else the terminal one.

    Without a terminal and without ``--answers`` we refuse rather than hang.
    """
    if answers is not None:
        return scripted.ScriptedAsker(scripted.read_answers_file(answers, ex), ex)
    return asking.terminal()


@reading.each_file_once
def run_exercise(
    name: str,
    *,
    part: str | None = None,
    at: str | None = None,
    future: bool = False,
    answers: str | None = None,
    session: str | None = None,
    phase: str | None = None,
    exercise: Exercise | None = None,
    asker: Asker | None = None,
    situation: str | None = None,
    starting: dict[str, str] | None = None,
) -> Entry | None:
    """Run one exercise and save it; ``exercise`` is for scripts built in code
    (``integrate`` adds its follow-up steps), otherwise ``name`` is looked up.

    ``session`` (``--session``) and ``phase`` (``--before``/``--after``) place
    the entry around a session; without them the nearest session is used.
    ``asker`` replaces the one ``answers`` would choose (tests use it).
    ``situation`` is the starting text of the exercise's situation step (a
    trailhead note): offered to edit in a terminal, used as it is by ``--answers``
    files that leave the step out. ``starting`` gives other steps (by id) a starting text
    in a terminal (``integrate`` offers a practice to keep as it was).
    """
    paths.check_folders()
    crypt.check_can_save()  # refused now, before a word is typed, never after
    ex = exercise if exercise is not None else exercises.get(name)
    created = dates.entry_time(at, future=future)
    if part is not None and not part.strip():
        raise UsageError(msg.PART_OPTION_NEEDS_NAME)
    if part is not None:
        part = parts.check_name(part)
    linked, phase = sessions.link(
        created.date(), explicit=session, phase=phase or ex.phase, clock=created.time()
    )
    asker = asker if asker is not None else make_asker(ex, answers)
    current = Run(exercise=ex, part_name=part.strip() if part else None, phase=phase)
    if situation:
        step = next((s for s in ex.steps if s.role == vocab.SITUATION), None)
        if step is None:
            raise UsageError(msg.EXERCISE_NO_SITUATION.format(name=ex.name))
        current.pending[step.id] = situation
    if starting and asker.interactive:
        current.pending.update(starting)
    if linked is not None:
        current.context["session"] = linked.id
    day = sessions.arc_day(created, linked, phase)  # the night after a session is its day
    if day is not None:
        current.context["day"] = str(day)
    if asker.interactive and ex.name != care.GROUNDING:
        try:
            support.offer_setup(asker)
        except Paused:
            screens.blank()
            ui.say(care_words.SETUP_PAUSED, lead=msg.PAUSED)
            return None
    chosen = session_day.session_day(ex, asker)
    if chosen == session_day.STOP:
        ui.say(care_words.NOTHING_STARTED)
        return None
    if chosen == session_day.CAPTURE:
        capture = session_day.capture_exercise()
        return run_exercise(
            capture.name, at=at, future=future, session=session, exercise=capture, asker=asker
        )
    # from the first word of the exercise on, a Ctrl-C is kept for the next question
    with interrupts.kept_for_the_next_prompt(asking=asker.interactive):
        if asker.interactive:
            screens.intro(ex)
        if linked is None and phase == "before" and ex.phase == "before":
            screens.no_session_coming(sessions.BEFORE_WINDOW_DAYS)
        return walk_and_save(current, asker, created)


def walk_and_save(
    current: Run, asker: Asker, created: datetime, *, draft: Draft | None = None
) -> Entry | None:
    """Ask the remaining steps, then save the entry: the flow every command shares.

    In a terminal (and whenever a draft is being resumed) the answers so far are
    written to a draft after every step, so nothing is lost if the terminal is
    closed. High ratings bring the grounding offer and the support card. A pause
    (Ctrl-C, Ctrl-D or "Pause here") keeps the draft and says how to go on;
    finishing saves the entry and removes the draft.
    """
    crypt.unlock_if_encrypted()  # now, not when the support card needs the settings
    crypt.check_can_save()  # and against the key just unlocked, before the next answer
    keeper = DraftKeeper(current, created, draft, enabled=asker.interactive or draft is not None)
    looking_after = care.Care(
        asker, current, offer=current.exercise.name != care.GROUNDING, on_note=keeper.save
    )
    try:
        return _walk(current, asker, created, keeper, looking_after, resumed=draft is not None)
    finally:
        keeper.release()


def _walk(
    current: Run,
    asker: Asker,
    created: datetime,
    keeper: DraftKeeper,
    looking_after: care.Care,
    *,
    resumed: bool,
) -> Entry | None:
    def on_answer(cur: Run, step: Step) -> None:
        keeper.save()
        looking_after.after(cur, step)

    ended = False
    with stopping_signals_pause(), interrupts.kept_for_the_next_prompt(asking=asker.interactive):
        while True:
            try:
                # care first: a resumed run that stopped at 8 or more, or one care holds
                looking_after.begin(current, resumed=resumed)
                resumed = False
                run(current, asker, on_answer=on_answer, on_back=lambda _: keeper.save())
                break
            except care.StopHere:
                # stopping for today saves what is there, with a closing that thanks the part;
                # Ctrl-C at its page stops all the same (it ended in "something went wrong")
                try:
                    care.stopped_closing(current, asker)
                except TerminalGone:
                    raise
                except (Paused, KeyboardInterrupt):
                    pass
                break
            except care.Ended:
                # care held the run: its own ending, never the exercise's closing
                if isinstance(asker, scripted.ScriptedAsker):
                    care.keep_answers(current, asker.answers)
                looking_after.ending()
                ended = True
                break
            except (Paused, KeyboardInterrupt) as stop:
                # Ctrl-C between two prompts (while text is printed) is a pause too;
                # so are a closed terminal and SIGTERM, which then end the program
                step, partial = getattr(stop, "step", None), getattr(stop, "partial", None)
                if step and partial:
                    current.pending[step] = partial
                with signals_held():
                    keeper.save()
                if isinstance(stop, TerminalGone):
                    raise
                held = looking_after.holding  # a person first, as the hold itself put them
                chosen = isinstance(stop, Paused) and stop.chosen and not held
                if asker.interactive and chosen and care.ground_from_pause(asker, looking_after):
                    with signals_held():
                        keeper.save()
                    continue
                screens.blank()
                if held:
                    looking_after.paused()
                if keeper.draft is None:
                    screens.paused_with_nothing(start_command(current.exercise.name))
                else:
                    answered, typed = keeper.draft.answered, bool(current.pending)
                    screens.paused(keeper.draft.id, answered, typed=typed)
                if not held:
                    looking_after.paused()
                return None
    looking_after.kept()
    draft = keeper.draft
    fixed = draft.id if draft is not None and is_entry_id(draft.id) else None
    with keeper.saving():
        entry = saving.save_run(current, created, entry_id=fixed)
    keeper.discard()
    names = parts.current_names(p.id for p in entry.parts)
    screens.saved(entry, _where(entry), search.reference(entry.id), names)
    session_plan.show_after(entry)
    looking_after.close()
    if not ended:
        care.notice(entry, asker)
        support.offer_plan_contacts(entry, asker)
        measures_asked.offer(entry, current, asker)
    return entry


def start_command(name: str) -> str:
    """The command that starts the exercise ``name`` afresh (some are built by their
    own command rather than read from a file, so ``exercise NAME`` cannot start them)."""
    own = {CHECK: "practices", INTEGRATE: "integrate", care.GROUNDING: "ground"}
    return f"partsjournal {own[name]}" if name in own else f"partsjournal exercise {name}"


def _exercise_of(draft: Draft) -> Exercise:
    """The exercise a draft belongs to; the practice follow-up is built again from
    the check-in it follows up, as ``practices`` built it."""
    if draft.exercise == CHECK:
        _, pending = practice_log.pending(draft.created)
        if pending:
            return integration.check_exercise(pending)
    linked = known_parts.session_of(draft.context.get("session"), draft.created.date())
    return known_parts.exercise_for(draft.exercise, linked) or exercises.for_draft(draft.exercise)


def _where(entry: Entry) -> str | None:
    """Where the entry sits around its session ("3 days before session 2")."""
    if entry.session is None:
        return None
    near = sessions.around(entry.day, entry.day, ids=[entry.session])
    found, phase = sessions.placement(entry, near)
    return sessions.describe(entry.created, found, phase) if found is not None else None


@reading.each_file_once
def resume(
    ref: str | None, *, answers: str | None = None, asker: Asker | None = None
) -> Entry | None:
    """Continue a paused exercise from where it stopped, then save it as an entry."""
    found = drafts.load_all(warn=ui.warn)
    if not found:
        ui.out().print(msg.NO_DRAFTS_TO_RESUME)
        return None
    if ref is not None:
        draft = drafts.find(ref, found)
    elif len(found) == 1:
        draft = found[0]
    elif answers is None and (asker is not None or ui.can_prompt()):
        chooser = asker if asker is not None else asking.terminal()
        render_drafts.show_list(found)
        # numbered as in the list above, so two drafts started the same minute differ
        labels = [f"{n}. {drafts.label(d)}" for n, d in enumerate(found, start=1)]
        try:
            picked = chooser.select(msg.RESUME_WHICH_ASK, [*labels, msg.NOT_NOW])
        except Paused:
            return None
        if picked not in labels:
            return None
        draft = found[labels.index(picked)]
    else:
        raise UsageError(msg.RESUME_WHICH.format(count=len(found)))
    paths.check_folders()
    if measure_run.MEASURE in draft.context:  # a questionnaire paused part-way
        measures_asked.check_resumable(
            draft, answers, terminal=asker is not None or ui.can_prompt()
        )
        return measures_asked.resume(draft, asker if asker is not None else asking.terminal())
    try:
        ex = _exercise_of(draft)
    except UsageError:  # caught here: said as the draft's, with where its answers are kept
        raise JournalError(
            msg.EXERCISE_DRAFT_ORPHANED.format(name=draft.exercise, path=draft.path)
        ) from None
    with drafts.held(draft):
        # read again under the lock: another window may have moved it on or finished it
        draft = drafts.reload(draft)
        current = run_from_draft(draft, ex)
        asker = asker if asker is not None else make_asker(ex, answers)
        with interrupts.kept_for_the_next_prompt(asking=asker.interactive):
            if asker.interactive:
                screens.welcome_back(
                    dates.moment_text(draft.created),
                    draft.answered,
                    ex.title,
                    len(current.kept),
                    checking_first=care_state.checks_first(current),
                )
            return walk_and_save(current, asker, draft.created, draft=draft)
