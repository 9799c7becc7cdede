"""Care around the day of a session: the gentler way on its day, grounding the day after,
and the weeks after a session when the plain question about thoughts of dying is asked."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from partsjournal.core import dates, sessions
from partsjournal.core.sessions import Session
from partsjournal.flow import care_words as words
from partsjournal.flow import exercises, session_plan
from partsjournal.flow.care_ground import ground_inline
from partsjournal.flow.engine import Asker, Paused
from partsjournal.flow.exercises import Exercise
from partsjournal.render import screens, ui

JOURNEY = "journey"  # the capture offered on the day of a session, when it is installed
SESSION_NOTE = "session-note"  # exercises/templates/session-note.toml otherwise
# the plain question about thoughts of ending one's life is asked on days 0-14 after a
# session, and up to six weeks after the latest one when no later session is recorded
# (the end of a course, when the support of sessions stops)
QUESTION_DAYS = 14
QUESTION_DAYS_AFTER_LAST = 42

# what to do on the day of a session (see session_day)
GO_ON, CAPTURE, STOP = "go on", "capture", "stop"


def recent_session(now: datetime) -> tuple[Session | None, int]:
    """The latest session today or yesterday that has started, and the days since it, as
    every count after a session has them (:func:`sessions.days_after`): 0 on its day and
    until ``sessions.MORNING`` the next morning, then 1. A session later today (its time
    still to come) has not happened yet."""
    today = now.date()
    near = [
        s
        for s in sessions.load_window(today - timedelta(days=1), today)
        if s.date <= today and not sessions.still_ahead(s, now)
    ]
    if not near:
        return None, -1
    found = max(near, key=lambda s: (s.date, s.id))
    return found, sessions.days_after(found.date, now)


def is_session_day(now: datetime) -> bool:
    """The day of a session, until the next morning (as :func:`recent_session` counts)."""
    return recent_session(now)[1] == 0


def weeks_after(now: date) -> bool:
    """Days 0-14 after a session, or the six weeks after the latest one with none after it;
    ``now`` is a day or a moment (counted by :func:`sessions.days_after`)."""
    today = now.date() if isinstance(now, datetime) else now
    recorded = sessions.load_window(today - timedelta(days=QUESTION_DAYS_AFTER_LAST), date.max)
    past = [s for s in recorded if s.date <= today]
    if not past:
        return False
    days = sessions.days_after(max(s.date for s in past), now)
    last_of_course = not any(s.date > today for s in recorded)
    return days <= QUESTION_DAYS or (last_of_course and days <= QUESTION_DAYS_AFTER_LAST)


def session_day(ex: Exercise, asker: Asker) -> str:
    """Before an exercise starts: care on the day of a session and the day after.

    A ``deep`` exercise on the day of a session (until the next morning) opens
    with a short note and offers a capture (the ``journey`` exercise if it is
    installed, else a short note), grounding, or going on anyway. An exercise
    with ``ground_after_session`` offers grounding first on days 0 and 1.
    Returns :data:`GO_ON`, :data:`CAPTURE` or :data:`STOP`.
    """
    if not (ex.deep or ex.ground_after_session):
        return GO_ON
    if ex.deep and (later := _later_today(dates.now())) is not None:
        said = session_plan.words().coming_today
        time = dates.clock_text(later.time) if later.time else ""
        ui.say(
            " ".join(said.format(session=later.name, time=time).split()),
            to_stderr=not asker.interactive,
        )
        return GO_ON
    found, days = recent_session(dates.now())
    if found is None or days not in (0, 1):
        return GO_ON
    try:
        if ex.deep and days == 0:
            if not asker.interactive:
                ui.say(words.SESSION_DAY_NOTE.format(session=found.name), to_stderr=True)
                return GO_ON
            return _guard(ex, asker, found)
        if ex.ground_after_session and asker.interactive:
            when = sessions.describe(dates.now(), found, "after")
            screens.blank()
            if asker.confirm(words.GROUND_FIRST.format(when=when)):
                ground_inline(asker)
    except Paused:
        return STOP
    return GO_ON


def _later_today(now: datetime) -> Session | None:
    """A session today whose time is still to come: the day reads "your session is today"."""
    today = now.date()
    return next(
        (s for s in sessions.load_window(today, today) if sessions.still_ahead(s, now)), None
    )


def _guard(ex: Exercise, asker: Asker, found: Session) -> str:
    screens.note_panel(
        words.SESSION_DAY_TITLE.format(session=found.name),
        words.SESSION_DAY.format(session=found.name),
    )
    capture = words.CAPTURE_JOURNEY if JOURNEY in exercises.names() else words.CAPTURE_NOTE
    go_on = words.GO_ON_ANYWAY.format(title=ex.title)
    offered = [capture, words.GROUND_NOW, go_on]
    while True:
        choice = asker.select(words.SESSION_DAY_ASK, offered)
        if choice == words.GROUND_NOW:
            ground_inline(asker)
            offered = [capture, go_on]
            continue
        return CAPTURE if choice == capture else GO_ON


def capture_exercise() -> Exercise:
    """The capture for the day of a session: ``journey`` if installed, else a short note."""
    if JOURNEY in exercises.names():
        return exercises.get(JOURNEY)
    return exercises.template(SESSION_NOTE)
