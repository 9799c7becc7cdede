"""Around taking a measure: how it is introduced, what a safety item brings, what a pause
keeps and going on from it, and when a measure is offered after another exercise."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from partsjournal.core import care_record as rec
from partsjournal.core import dates, drafts, sessions
from partsjournal.core import messages as msg
from partsjournal.core.drafts import Draft
from partsjournal.core.entry import Entry
from partsjournal.core.errors import JournalError, UsageError
from partsjournal.flow import care, care_words, draft_keeper, measure_file, measure_run
from partsjournal.flow.care_state import SafetyState
from partsjournal.flow.engine import Asker, Paused, Run
from partsjournal.flow.measure_file import Measure
from partsjournal.flow.measure_run import SafetyHook, Taken
from partsjournal.flow.session_day import is_session_day
from partsjournal.render import screens, ui
from partsjournal.render.measures import print_result
from partsjournal.views import measures, search

QUESTIONNAIRE = rec.QUESTIONNAIRE  # where the plain question was asked, in the care record


def intro(measure: Measure) -> str:
    return msg.MEASURE_INTRO.format(
        title=measure.title, count=len(measure.items), period=measure.period
    )


def paused(measure: Measure, stop: Paused) -> None:
    """What a pause kept, as every exercise says it: the draft to go on from, or nothing when
    nothing was answered yet."""
    draft = stop.draft if isinstance(stop, measure_run.Stopped) else None
    screens.blank()
    if draft is None:
        screens.paused_with_nothing(f"partsjournal measure take {measure.name}")
    else:
        screens.paused(draft.id, draft.answered, typed=False)


def show_taken(measure: Measure, taken: Taken, asker: Asker) -> None:
    """The result in the measure's own bands (unless care ended the run), and where it is."""
    if taken.score is not None and not taken.ended:
        print_result(
            measure, taken.score, interactive=asker.interactive, words_differ=words_differ(measure)
        )
    where = search.reference(taken.entry.id)
    ui.say(msg.SAVED_READ_AGAIN.format(where=where), to_stderr=not asker.interactive)


def words_differ(measure: Measure) -> bool:
    """Some item or answer label is known to differ from the published wording."""
    return any(fits is False for _, fits in measure_file.wording_matches(measure))


def check_resumable(draft: Draft, answers: str | None, *, terminal: bool) -> None:
    """A measure's draft goes on at a terminal only: its items are answered from a file by
    taking the measure afresh (``measure take --answers``), which needs every item."""
    if answers is None and terminal:
        return
    name = draft.context.get(measure_run.MEASURE, draft.exercise)
    raise UsageError(
        msg.MEASURE_DRAFT_AT_TERMINAL.format(id=draft.id, title=draft.title, name=name)
    )


def resume(draft: Draft, asker: Asker) -> Entry | None:
    """Go on with a measure paused part-way (``partsjournal resume``): the items not answered
    yet, care hearing its safety item as ever, then the result saved and the draft removed."""
    name = draft.context.get(measure_run.MEASURE, draft.exercise)
    try:
        measure = measure_file.load(name)
    except JournalError:  # caught here: said as the draft's, with where its answers are kept
        raise JournalError(msg.MEASURE_DRAFT_ORPHANED.format(name=name, path=draft.path)) from None
    with drafts.held(draft):
        # read again under the lock: another window may have moved it on or finished it
        draft = drafts.reload(draft)
        current = draft_keeper.run_from_draft(draft, measure_run.as_exercise(measure))
        screens.welcome_back(
            dates.moment_text(draft.created), draft.answered, measure.title, len(current.kept)
        )
        try:
            taken = measure_run.carry_on(
                measure,
                asker,
                current,
                draft.created,
                draft=draft,
                on_safety=safety_answered(measure, asker),
            )
        except Paused as stop:
            paused(measure, stop)
            return None
    show_taken(measure, taken, asker)
    return taken.entry


def safety_answered(measure: Measure, asker: Asker) -> SafetyHook | None:
    """What happens the moment a safety item is answered above its lowest answer: at a
    terminal, care's plain question about thoughts of ending one's life (no / in passing /
    yes, right now; "yes, right now" shows the whole card and ends the run), then, whatever
    the answer, the request to tell the prescriber before the next dose. With ``--answers``
    nobody can be asked: the result says both on stderr (``render/measures.print_result``)."""
    if not asker.interactive:
        return None

    def heard(current: Run, item: int, value: int) -> None:
        answer = str(current.answers[measure_run.step_id(item)])  # the words as chosen
        try:
            care.ask_plainly(
                asker,
                current,
                moment=QUESTIONNAIRE,
                opening=care_words.THOUGHTS_QUESTIONNAIRE.format(answer=answer),
            )
        finally:
            ui.say(msg.MEASURE_TELL_PRESCRIBER)

    return heard


# --------------------------------------------------------------------------- when to offer

PREPARE, INTEGRATE = "prepare", "integrate"


def _taken_within(measure: Measure, days: int, today: date) -> bool:
    recent = search.history(today - timedelta(days=days - 1), today).entries()
    return any(e.exercise == measure.name and measures.is_result(e) for e in recent)


def _before_first_session(saved: Entry) -> bool:
    if saved.phase != "before" or saved.session is None:
        return False
    linked = sessions.with_ids([saved.session])
    return bool(linked) and linked[0].number == 1


def due(saved: Entry, current: Run, now: datetime) -> list[Measure]:
    """The measures to offer after ``saved``: a baseline after ``prepare`` before the first
    session; after an ``integrate`` check-in after a session, each measure not taken within
    the days its file chose (``offer_every_days``, 14 unless the person chose otherwise;
    0: never). Never on the day of a session, never when care holds the run or it was a
    lot (the safety state), and never a measure whose words are not all typed in yet."""
    names = measure_file.installed()
    if not names or saved.exercise not in (PREPARE, INTEGRATE):
        return []
    before = saved.exercise == PREPARE and _before_first_session(saved)
    after = saved.exercise == INTEGRATE and saved.phase == "after"
    if not (before or after):
        return []
    if SafetyState(current).high or is_session_day(now):
        return []
    out = []
    for name in names:
        try:
            measure = measure_file.load(name)
        except JournalError:  # caught here: one not ready (no words, broken) is not offered
            continue  # `measure check` says why
        every = measure.offer_every_days
        if every and not _taken_within(measure, every, now.date()):
            out.append(measure)
    return out


def offer(saved: Entry, current: Run, asker: Asker) -> None:
    """After an entry is saved, at a terminal: offer the measures that are due, one by one;
    "Not now" or a pause ends the offers for today's run."""
    if not asker.interactive:
        return
    for measure in due(saved, current, dates.now()):
        question = msg.MEASURE_OFFER.format(
            title=measure.title, count=len(measure.items), period=measure.period
        )
        try:
            if asker.select(question, [msg.YES_NOW, msg.NOT_NOW]) != msg.YES_NOW:
                return
            ui.say(intro(measure))
            taken = measure_run.take(measure, asker, on_safety=safety_answered(measure, asker))
        except Paused as stop:
            paused(measure, stop)
            return
        if taken.ended:
            return
        if taken.score is not None:
            print_result(measure, taken.score, interactive=True, words_differ=words_differ(measure))
