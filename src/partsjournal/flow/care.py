"""Looking after the person while they write: when to offer grounding, and the card.

The one owner of these rules. In a terminal, a rating whose role is one of
:data:`vocabulary.RATINGS` (activation at the start or end, distress) of 8 or
more, or the optional "How stirred up are you now?" check in the middle, brings:

1. an offer to ground first (the grounding exercise, inside this one);
2. "Do you feel safe right now?", with no default answer (the grounding
   exercise asks it itself, so it is not asked twice);
3. the support card, only when the answer is no, when distress is still 9-10
   after grounding, or whenever the person asks for it;
4. when more of the exercise is left: "Go on, or stop here for today?" (at 8 or
   more, stopping comes first). Stopping saves the entry as it is, with a
   closing that thanks the part; going on takes the exercise's shorter way to a
   gentle close (``close_from``) when it has one.

With ``--answers`` nobody can be asked: 8 or more prints a short note on stderr
and 9-10 (or "not safe") prints the card there. The card's wording names no
country-specific number: the person adds their own in ``config.toml``. A step marked
``card = true`` (a firefighter that involves a substance or self-harm) shows the card too.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from partsjournal.core import dates, sessions
from partsjournal.core import vocabulary as vocab
from partsjournal.core.answers import as_number
from partsjournal.core.entry import Entry
from partsjournal.core.errors import JournalError
from partsjournal.core.sessions import Session
from partsjournal.flow import care_words as words
from partsjournal.flow import exercises, session_plan
from partsjournal.flow.engine import Asker, Paused, Run, run
from partsjournal.flow.exercises import Exercise, Step
from partsjournal.render import card, screens, ui
from partsjournal.views import patterns

OFFER_GROUNDING_AT = 8
CRISIS_CARD_AT = 9
GROUNDING = "grounding"
JOURNEY = "journey"  # the capture offered on the day of a session, when it is installed
SESSION_NOTE = "session-note"  # exercises/templates/session-note.toml otherwise
MORNING = 6  # until 6 in the morning, the day before still counts as the day of a session

# what to do on the day of a session (see session_day)
GO_ON, CAPTURE, STOP = "go on", "capture", "stop"

MIDWAY_STEP = Step(
    id="stirred_now",
    kind="scale",
    text=words.MIDWAY,
    hint=words.MIDWAY_HINT,
    low=words.MIDWAY_LOW,
    high=words.MIDWAY_HIGH,
    optional=True,
)


class StopHere(Exception):
    """The person chose to stop for today: the entry is saved as it is, with a closing."""


def is_rating(role: str | None) -> bool:
    return role in vocab.RATINGS


def _number(value: Any) -> int | None:
    return as_number(value) if isinstance(value, int) else None


def offers_grounding(role: str | None, value: Any) -> bool:
    number = _number(value)
    return is_rating(role) and number is not None and number >= OFFER_GROUNDING_AT


def needs_crisis_card(role: str | None, value: Any) -> bool:
    """A rating of 9 or 10, or "no" to a safety question."""
    if role == vocab.SAFETY:
        return value is False
    number = _number(value)
    return is_rating(role) and number is not None and number >= CRISIS_CARD_AT


def needs_explicit_answer(role: str | None) -> bool:
    """Questions that must never be answered by pressing Enter: "do you feel safe?"."""
    return role == vocab.SAFETY


def _still_to_ask(current: Run) -> list[Step]:
    return [s for s in current.visible_steps() if s.id not in current.answers and s.asks]


class Care:
    """After each answer: grounding first at 8+, then safety, the card when needed, and the
    choice to go on or stop (see the module's description)."""

    def __init__(self, asker: Asker, *, offer: bool) -> None:
        self.asker = asker
        self.offer = offer
        self.card_shown = False
        self.checked_midway = False

    def show_card(self, *, asked: bool = False) -> None:
        """The card, once on its own accord; as often as the person asks for it."""
        if self.card_shown and not asked:
            return
        card.show_crisis_card(to_stderr=not self.asker.interactive)
        self.card_shown = True

    def after(self, current: Run, step: Step) -> None:
        value = current.answers.get(step.id)
        if step.card:
            self.show_card()
        if not (self.offer and self.asker.interactive):
            if needs_crisis_card(step.role, value):
                self.show_card()
            if self.offer and offers_grounding(step.role, value):
                screens.rating_note(step.id, value)
            return
        if step.role == vocab.SAFETY and value is False:
            self.show_card()
        elif offers_grounding(step.role, value):
            self.hard_moment(
                current, _number(value) or 0, at_end=step.role == vocab.ACTIVATION_AFTER
            )
        elif step.role in vocab.PAIN_RISES:
            self.midway(current)

    def midway(self, current: Run) -> None:
        """The optional check after the last of the steps where pain often rises."""
        left = _still_to_ask(current)
        if self.checked_midway or not left or any(s.role in vocab.PAIN_RISES for s in left):
            return
        self.checked_midway = True
        answer = self.asker.ask(MIDWAY_STEP, words.MIDWAY, 0, 0)
        level = _number(answer)
        if level is not None and level >= OFFER_GROUNDING_AT:
            self.hard_moment(current, level, at_end=False)

    def hard_moment(self, current: Run, level: int, *, at_end: bool) -> None:
        """Ground first, then ask about safety, then go on or stop (raises :class:`StopHere`)."""
        try:
            level = self.ground_and_check(level)
            if not at_end and _still_to_ask(current):
                self.go_on_or_stop(current, level)
        except Paused:
            raise Paused() from None  # grounding was just offered: do not offer it again

    def ground_and_check(self, level: int) -> int:
        """The grounding offer and the safety question; returns the distress after grounding."""
        screens.blank()
        choice = self.asker.select(words.OFFER, [words.GROUND, words.NOT_NOW, words.CARD])
        while choice == words.CARD:
            self.show_card(asked=True)
            choice = self.asker.select(words.OFFER_AGAIN, [words.GROUND, words.NOT_NOW])
        safe: bool | None = None
        if choice == words.GROUND:
            inner = ground_inline(self.asker)
            if inner is not None:
                for s in inner.exercise.steps:
                    answer = inner.answers.get(s.id)
                    if s.role == vocab.DISTRESS and _number(answer) is not None:
                        level = _number(answer) or 0
                    if s.role == vocab.SAFETY and isinstance(answer, bool):
                        safe = answer
        if safe is None:
            screens.blank()
            safe = self.asker.confirm(words.SAFE, default=None)
            if not safe:
                self.show_card()
        return level

    def go_on_or_stop(self, current: Run, level: int) -> None:
        both = [words.STOP, words.GO_ON]
        if level < OFFER_GROUNDING_AT:
            both.reverse()
        screens.blank()
        while True:
            choice = self.asker.select(words.GO_ON_OR_STOP, [*both, words.CARD])
            if choice != words.CARD:
                break
            self.show_card(asked=True)
        if choice == words.STOP:
            raise StopHere
        ui.say(words.GENTLE_CLOSE if current.close_gently() else words.GOING_ON)


def stopped_closing(current: Run, asker: Asker) -> None:
    """The closing step when stopping for today: thanks the part, says how to come back."""
    text = current.render(words.STOPPED_CLOSING)
    if asker.interactive:
        asker.ask(Step(id="stopped_closing", kind="guide", text=text), text, 0, 0)
    option = f' --part "{current.part_name}"' if current.part_name else ""
    ui.say(words.STOPPED_HOW.format(exercise=current.exercise.name, part_option=option))


def ground_inline(asker: Asker) -> Run | None:
    """Walk through the grounding exercise inside another one (not saved as an entry)."""
    try:
        ex = exercises.get(GROUNDING)
    except JournalError as exc:
        ui.warn(f"The grounding exercise could not be opened ({exc.message}).")
        return None
    screens.intro(ex)
    inner = Run(exercise=ex)
    looking_after = Care(asker, offer=False)
    run(inner, asker, on_answer=looking_after.after)
    return inner


def notice(entry: Entry, asker: Asker) -> None:
    """After an entry is saved: say gently what its answers show, and offer grounding and
    the card (see :mod:`partsjournal.views.patterns`)."""
    kinds = patterns.in_entry(entry)
    if not kinds:
        return
    screens.blank()
    for kind in kinds:
        ui.say(words.NOTICED[kind], to_stderr=not asker.interactive)
    ui.say(words.NOTICED_PERSON, to_stderr=not asker.interactive)
    if not asker.interactive:
        return
    try:
        choice = asker.select(words.NOTICED_ASK, [words.GROUND_NOW, words.CARD, words.NOT_NOW])
        if choice == words.GROUND_NOW:
            ground_inline(asker)
        elif choice == words.CARD:
            card.show_crisis_card(to_stderr=False)
    except Paused:
        return


def recent_session(now: datetime) -> tuple[Session | None, int]:
    """The latest session today or yesterday that has started, and the days since it: 0 on
    its day and until :data:`MORNING` the next morning, then 1. A session later today (its
    time still to come) has not happened yet."""
    today = now.date()
    near = [
        s
        for s in sessions.load_window(today - timedelta(days=1), today)
        if s.date <= today and not sessions.still_ahead(s, now)
    ]
    if not near:
        return None, -1
    found = max(near, key=lambda s: (s.date, s.id))
    days = (today - found.date).days
    return found, 0 if days == 1 and now.hour < MORNING else days


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
        time = f"{later.time:%H:%M}" if later.time else ""
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
            when = sessions.describe(dates.now().date(), found, "after")
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


def ground_from_pause(asker: Asker) -> bool:
    """After "Pause here": offer grounding, then the way back. True to go on with the exercise."""
    try:
        if not asker.confirm(words.PAUSE_GROUNDING):
            return False
        ground_inline(asker)
        return asker.confirm(words.PAUSE_BACK, default=False)
    except Paused:
        return False
