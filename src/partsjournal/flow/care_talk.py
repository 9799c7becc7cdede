"""What care says and asks at the hardest moments: grounding and the safety question,
"not safe" and its one follow-up, holding the run, the plain question about thoughts of
ending one's life, and the ending of a run care held.

Every answer is kept in the run's :class:`~partsjournal.flow.care_state.SafetyState`;
:mod:`partsjournal.flow.care` decides when each of these is asked.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from partsjournal.core import care_record as rec
from partsjournal.core import config, dates, drafts
from partsjournal.core.answers import AnswerValue
from partsjournal.core.care_record import CareItem
from partsjournal.flow import care_words as words
from partsjournal.flow.care_ground import ground_inline
from partsjournal.flow.care_state import (
    CRISIS_CARD_AT,
    OFFER_GROUNDING_AT,
    SafetyState,
    still_holding,
    the_hold,
)
from partsjournal.flow.engine import Asker, Paused, Run
from partsjournal.flow.exercises import Step
from partsjournal.render import card, screens, ui
from partsjournal.views import search

THOUGHTS_STEP = "thoughts"
NOTE_STEP = "hold_note"
NOTE_AT = "hold_note_at"  # in a run's context: when the unfinished words were left by a pause
_NOTE = Step(id=NOTE_STEP, kind="long_text", text=words.HOLD_NOTE_ASK, optional=True)

# the kind of reach listed first after each answer to "what is going on?"
_FIRST = {
    rec.THOUGHTS_OF_ENDING: config.CRISIS_LINE,
    rec.URGE_TO_HURT: config.CRISIS_LINE,
    rec.RATHER_NOT_SAY: config.CRISIS_LINE,
    rec.BODY: config.AFTER_HOURS,
}
_LEAD = {
    rec.THOUGHTS_OF_ENDING: words.CRISIS_LEAD,
    rec.URGE_TO_HURT: words.HURT_LEAD,
    rec.RATHER_NOT_SAY: words.RATHER_NOT_LEAD,
    rec.SOMEONE: words.SOMEONE_LEAD,
    rec.BODY: words.BODY_LEAD,
}


class StopHere(Exception):
    """The person chose to stop for today: the entry is saved as it is, with a closing."""


class Ended(Exception):
    """Care ends the run: it is saved with the care ending, never the ordinary closing."""


class Counted:
    """An asker that counts the questions asked through it, so care knows whether a card it
    printed is still right above the next screen (no question since)."""

    def __init__(self, asker: Asker) -> None:
        self.inner = asker
        self.interactive = asker.interactive
        self.asked = 0

    def ask(self, step: Step, text: str, number: int, total: int, typed: str = "") -> AnswerValue:
        self.asked += 1
        return self.inner.ask(step, text, number, total, typed)

    def confirm(self, question: str, *, default: bool | None = None) -> bool:
        self.asked += 1
        return self.inner.confirm(question, default=default)

    def select(self, question: str, choices: list[str]) -> str:
        self.asked += 1
        return self.inner.select(question, choices)


class Talk:
    """The conversations of care, each keeping what was said in ``state``."""

    def __init__(self, asker: Asker, state: SafetyState) -> None:
        self.asker = asker if isinstance(asker, Counted) else Counted(asker)
        self.state = state
        self.cards = 0  # how often the card (whole or in focus) was printed in this run
        self.card_at = -1  # how many questions had been asked when the last card was printed
        self.line_owed = False  # a card was printed and its one line has not followed it yet

    # ----------------------------------------------------------------- the card

    def show_card(
        self,
        *,
        asked: bool = False,
        lead: str = "",
        first: str | None = None,
        during: bool = True,
    ) -> None:
        """The whole card the first time in a run (and whenever asked for); after that one
        line with the first person to reach and the grounding command. ``during`` is False
        when the run ends right after it: the card then does not say how to pause."""
        shown = self.state.card_shown
        first = first or self.first()
        if shown and not (asked or lead):
            self.reminder(first)
            return
        to_stderr = not self.asker.interactive
        focus = shown and not asked  # the whole card was just shown: what matters now
        card.show_crisis_card(
            words.CARD, to_stderr=to_stderr, lead=lead, first=first, focus=focus, during=during
        )
        self.cards += 1
        self.card_at = self.asker.asked
        self.line_owed = True
        if not shown:
            self.state.note(rec.CARD, rec.SHOWN)
        elif asked:  # reaching for the people again is worth a therapist's knowing
            self.state.note(rec.CARD, rec.ASKED)

    def reminder(self, first: str | None = None, *, anyway: bool = False) -> None:
        """The card's one line, naming the first one to reach (of kind ``first``; else the
        one the card put first for what was said, see :meth:`first`); once a card was shown,
        or ``anyway``."""
        if self.state.card_shown or anyway:
            first = first or self.first()
            card.reminder(words.CARD, first=first, to_stderr=not self.asker.interactive)
            self.card_at = self.asker.asked  # the line is right above, as a card would be
            self.line_owed = False

    def first(self) -> str | None:
        """The kind of reach the card put first for what was said, named first again after
        it (the hold's line, its ending, the close): the crisis line after thoughts of
        ending one's life, the clinic for a body that feels wrong."""
        ending = any(i.kind == rec.RISK and i.value == rec.ENDING_LIFE for i in self.state.items)
        if self.state.thoughts_right_now or ending:
            return config.CRISIS_LINE
        return _FIRST.get(self.state.going_on or "")

    # ----------------------------------------------------------------- a hard moment

    def ground_and_check(self, level: int, *, moment: str | None = None) -> int:
        """The grounding offer and the safety question; returns the distress after grounding.
        "No" brings the card and the follow-up; still 9-10 after grounding brings the card.
        The safety answer is kept with ``moment``, else the moment of the rating that brought
        this (a tender part, the middle, the end), for the review and the export to say where."""
        moment = moment or next(
            (i.moment for i in reversed(self.state.items) if i.number is not None), None
        )
        screens.blank()
        choice = self.asker.select(words.OFFER, [words.GROUND, words.NOT_NOW, words.CARD_CHOICE])
        while choice == words.CARD_CHOICE:
            self.show_card(asked=True)
            choice = self.asker.select(words.OFFER_AGAIN, [words.GROUND, words.NOT_NOW])
        if choice == words.GROUND:
            before = len(self.state.items)
            ground_inline(self.asker, self.state)
            for item in self.state.items[before:]:
                level = item.number if item.number is not None else level
        else:
            self.state.note(rec.GROUNDING, rec.DECLINED)
        if not self.state.safe_asked_since_rating or choice != words.GROUND:
            screens.blank()
            safe = self.asker.confirm(words.SAFE, default=None)
            self.state.note(rec.SAFE, safe, moment=moment)
        self.kept_when_lifted()  # said before anything else is asked, after grounding too
        if self.state.last_safe is False:
            self.not_safe()
        elif choice == words.GROUND and level >= CRISIS_CARD_AT:
            self.show_card()
        elif level >= CRISIS_CARD_AT:  # 9-10, grounding declined, "safe": the line at hand
            self.reminder(anyway=True)
        return level

    # ----------------------------------------------------------------- not safe

    def not_safe(self) -> None:
        """The card (whole the first time; then its one line, thanked for as the first "no"
        was), and once a run: "what is going on?", routed."""
        if self.state.card_shown:  # never "the people on your card" to one who has none yet
            nobody = not config.load().reach_in_order()
            ui.say(words.NOT_SAFE_AGAIN_NOBODY if nobody else words.NOT_SAFE_AGAIN)
        self.show_card()
        if self.state.has(rec.GOING_ON):
            return
        screens.blank()
        shown = self.asker.select(words.GOING_ON_ASK, list(words.GOING_ON_CHOICES))
        said = words.GOING_ON_CHOICES[shown]
        self.state.note(rec.GOING_ON, said)
        if said == rec.TOO_MUCH:
            ui.say(words.TOO_MUCH_LEAD)
            self.ground()
        else:
            self.show_card(lead=_LEAD[said], first=_FIRST.get(said))

    # ----------------------------------------------------------------- holding the run

    def hold(self, current: Run) -> None:
        """Only grounding, the card's people, a free note or stopping; raises :class:`Ended`.
        The card's one line comes before each of its menus, except right under a card (no
        question asked since it was printed): the card has just said as much."""
        if not self.state.safe_asked_since_rating and not self.state.thoughts_right_now:
            screens.blank()
            safe = self.asker.confirm(words.SAFE, default=None)
            self.state.note(rec.SAFE, safe)
            if not safe:
                self.not_safe()
        if not self.state.card_shown:
            self.show_card()
        # grounding first only when the person said it is too much right now and grounding
        # has not failed them since; otherwise (thoughts of ending their life, grounding that
        # left them not safe or at 9 or 10, not safe from someone, the body) a person comes
        # first, as the card just said
        ground_first = self.state.grounding_first and self.first() is None
        screens.blank()
        ui.say(words.HOLD_INTRO if ground_first else words.HOLD_INTRO_REACH)
        ways = [words.HOLD_GROUND, words.HOLD_PEOPLE]
        while True:
            if self.card_at != self.asker.asked:
                self.reminder()
            choices = [*(ways if ground_first else ways[::-1]), words.HOLD_NOTE, words.HOLD_STOP]
            choice = self.asker.select(words.HOLD_ASK, choices)
            if choice == words.HOLD_GROUND:
                self.ground()
            elif choice == words.HOLD_PEOPLE:
                self.show_card(asked=True)
            elif choice == words.HOLD_NOTE:
                self.note(current)
            else:
                self.state.note(rec.STOP, rec.STOPPED)
                raise Ended

    def ground(self) -> None:
        """The grounding pause care offers after "not safe": a "no" inside it is answered as
        any "not safe" is (the grounding step promises the card)."""
        before = len(self.state.items)
        ground_inline(self.asker, self.state)
        if any(i.kind == rec.SAFE and i.value is False for i in self.state.items[before:]):
            self.not_safe()

    def kept_when_lifted(self) -> None:
        """The hold just lifted ("safe" below 9): the words started in it are kept now, and
        said so before anything else is asked."""
        if not self.state.holding and keep_unfinished_note(self.state.current, self.state):
            ui.say(words.HOLD_NOTE_KEPT_LATER)

    def note(self, current: Run) -> None:
        typed = current.pending.get(NOTE_STEP, "")
        try:
            text = self.asker.ask(_NOTE, words.HOLD_NOTE_ASK, 0, 0, typed)
        except Paused as stop:  # words left unfinished are dated when they were written
            if stop.partial:
                current.context[NOTE_AT] = dates.now().isoformat()
            raise
        current.pending.pop(NOTE_STEP, None)
        if isinstance(text, str) and text.strip():
            self.state.note(rec.NOTE, text)
            ui.say(words.HOLD_NOTE_KEPT)

    def ending(self, *, session_day: bool) -> None:
        """The close of a run care held: one next step from the card, nothing is sent
        anywhere, and on the day of a session: do not drive yourself."""
        said = self.state.going_on
        people = config.load().reach_in_order(self.first())
        safer = self.state.last_safe and (self.state.level or 0) < OFFER_GROUNDING_AT
        clinic = (config.AFTER_HOURS, config.THERAPIST)
        if said == rec.SOMEONE:
            step = words.ENDING_EMERGENCY
        elif said == rec.BODY and not any(p.kind in clinic for p in people):
            step = words.ENDING_BODY
        elif people:
            first = people[0]
            how = words.NEXT_STEP[first.kind].format(name=first.name, how=first.how)
            step = (words.ENDING_NEXT_SAFER if safer else words.ENDING_NEXT).format(step=how)
        else:
            step = words.ENDING_NOBODY_SAFER if safer else words.ENDING_NOBODY
        body = [step, words.ENDING_PRIVATE]
        if session_day:
            body.append(words.ENDING_DRIVE)
        if self.asker.interactive:
            screens.note_panel(words.ENDING_TITLE, "\n\n".join(body))
        else:
            for line in body:
                ui.say(line, to_stderr=True)

    # ----------------------------------------------------------------- thoughts of dying

    def thoughts_again(self) -> str:
        """Coming back after a hold for thoughts of ending one's life: the plain question
        again, before a number and a "safe" can lift it ("yes, right now" holds anew). A walk
        paused such a hold and lifted it a minute later with 3 and "safe", never asked."""
        return self.ask_thoughts(rec.RESUME, opening=words.THOUGHTS_AGAIN, ends=False)

    def ask_thoughts(self, moment: str, *, opening: str, ends: bool = True) -> str:
        """The plain question (no / in passing / yes, right now), kept with ``moment``;
        ``opening`` says why it is asked now, in words that are true for the caller
        (``care_words.THOUGHTS_DAILY``, ``THOUGHTS_WORDS``, ``THOUGHTS_QUESTIONNAIRE``).
        "Yes, right now" shows the card, crisis line first; then, with ``ends``, it raises
        :class:`Ended` (a questionnaire), else care holds the run (an exercise: grounding,
        the card's people, a few words or stopping, never the dialogue again)."""
        screens.blank()
        ui.say(opening)
        shown = self.asker.select(words.THOUGHTS_ASK, list(words.THOUGHTS_CHOICES))
        said = words.THOUGHTS_CHOICES[shown]
        self.state.note(rec.THOUGHTS, said, moment=moment)
        if said == rec.NO:
            ui.say(words.THOUGHTS_NO)
        elif said == rec.IN_PASSING:
            ui.say(words.THOUGHTS_IN_PASSING)
        else:
            ui.say(words.THOUGHTS_RIGHT_NOW)
            self.show_card(lead=words.CRISIS_LEAD, first=config.CRISIS_LINE, during=not ends)
            if ends:
                raise Ended
        return said


HELD_FOR_HOURS = 12  # how long a hold is remembered by the next run: past midnight too


def held_earlier() -> str | None:
    """What made care hold a run in the last hours, saved or paused, when nothing since
    lifted it: the words of the question the next run starts with, else None."""
    since = dates.now() - timedelta(hours=HELD_FOR_HOURS)
    said = sorted((i for i in care_kept(since.date()) if i.at >= since), key=lambda i: i.at)
    if not still_holding(said):
        return None
    return hold_question(said)


def hold_question(said: list[CareItem]) -> str:
    """The first question after a hold (a new run, or the held run resumed), naming what
    holds now in ``said`` (never a hold a later sitting lifted): thoughts of ending one's
    life (named first, also when they were what was going on after "not safe"), not feeling
    safe, or very hard even after grounding."""
    said = the_hold(said)
    thoughts = {rec.RIGHT_NOW, rec.ENDING_LIFE, rec.THOUGHTS_OF_ENDING}
    if any(i.value in thoughts for i in said):
        return words.EARLIER_THOUGHTS
    if any(i.kind == rec.SAFE and i.value is False for i in said):
        return words.EARLIER_NOT_SAFE
    return words.EARLIER_HIGH


def asked_today() -> bool:
    """The plain question was answered today, in a saved entry or a paused one."""
    today = dates.now().date()
    return any(i.kind == rec.THOUGHTS and i.at.date() == today for i in care_kept(today))


def care_kept(first_day: date) -> list[CareItem]:
    """What care kept in the entries of ``first_day`` to today and in every paused run."""
    written = search.history(first_day, dates.now().date()).entries()
    return [
        i for care in [e.care for e in written] + [d.care for d in drafts.load_all()] for i in care
    ]


def keep_unfinished_note(current: Run, state: SafetyState) -> bool:
    """The few words a person had started in the hold when they paused, kept as their note
    once the hold's own question will not come back for them (the hold lifted, or the run is
    saved): words written at the hardest moment are never dropped. True when there were some."""
    typed = current.pending.pop(NOTE_STEP, "")
    written = current.context.pop(NOTE_AT, None)
    if not typed.strip():
        return False
    at = datetime.fromisoformat(written) if written else None
    state.note(rec.NOTE, typed, moment=rec.UNFINISHED, at=at)  # said so, for the therapist
    return True
