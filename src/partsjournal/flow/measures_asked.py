"""Around taking a measure: how it is introduced, what a safety item brings, and when a
measure is offered after another exercise."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from partsjournal.core import care_record as rec
from partsjournal.core import dates, sessions
from partsjournal.core.entry import Entry
from partsjournal.core.errors import JournalError
from partsjournal.flow import care, measure_file, measure_run
from partsjournal.flow.care_state import SafetyState
from partsjournal.flow.engine import Asker, Paused, Run
from partsjournal.flow.measure_file import Measure
from partsjournal.flow.measure_run import SafetyHook
from partsjournal.flow.session_day import is_session_day
from partsjournal.render import ui
from partsjournal.render.measures import PRESCRIBER, print_result
from partsjournal.views import measures, search

QUESTIONNAIRE = rec.QUESTIONNAIRE  # where the plain question was asked, in the care record

PAUSED = (
    "Stopped before the end: nothing was saved, since a measure counts only when every item "
    "is answered. When you are ready: partsjournal measure take {name}"
)


def intro(measure: Measure) -> str:
    return (
        f"{measure.title}: {len(measure.items)} questions about {measure.period}. Choose the "
        "answer that fits best; there are no right or wrong answers, and Ctrl-C stops without "
        "saving anything."
    )


def safety_answered(measure: Measure, asker: Asker) -> SafetyHook | None:
    """What happens the moment a safety item is answered above its lowest answer: at a
    terminal, care's plain question about thoughts of ending one's life (no / in passing /
    yes, right now; "yes, right now" shows the whole card and ends the run), then, whatever
    the answer, the request to tell the prescriber before the next dose. With ``--answers``
    nobody can be asked: the result says both on stderr (``render/measures.print_result``)."""
    if not asker.interactive:
        return None

    def heard(current: Run, item: int, value: int) -> None:
        try:
            care.ask_plainly(asker, current, moment=QUESTIONNAIRE)
        finally:
            ui.say(PRESCRIBER)

    return heard


# --------------------------------------------------------------------------- when to offer

PREPARE, INTEGRATE = "prepare", "integrate"
YES, NOT_NOW = "Yes, now", "Not now"


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
        except JournalError:
            continue  # not ready (no words yet) or broken: `measure check` says why
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
        question = (
            f"Would you like to take the {measure.title} now? {len(measure.items)} questions "
            f"about {measure.period}."
        )
        try:
            if asker.select(question, [YES, NOT_NOW]) != YES:
                return
            ui.say(intro(measure))
            taken = measure_run.take(measure, asker, on_safety=safety_answered(measure, asker))
        except Paused:
            ui.say(PAUSED.format(name=measure.name))
            return
        if taken.ended:
            return
        if taken.score is not None:
            print_result(measure, taken.score, interactive=True)
