"""Looking after the person while they write: the one owner of care during a run.

Every step boundary of a run asks :class:`Care` what may come next (``after``), and
the run's one safety state (:class:`~partsjournal.flow.care_state.SafetyState`, kept in
the run, its draft and its entry) remembers everything care saw. No exercise decides
this itself. In a terminal:

1. a rating of 8 or more (activation at the start or end, distress, or the optional
   "How stirred up are you now?" in the middle) brings an offer to ground first,
   then "Do you feel safe right now?" with no default answer, then, when more is
   left, "Go on, or stop here for today?" (at 8 or more, stopping comes first);
2. "not safe" brings the support card (whole the first time in a run, then one line
   with the first person to reach and the grounding command) and, once a run, "what
   is going on?", each answer routed to what may help;
3. after "not safe", thoughts of ending one's life or distress still 9-10 after
   grounding, care holds the run: only grounding, the card's people, a free note or
   stopping, and an ending of its own (:class:`Ended`), never the ordinary closing;
4. an ``urges`` choice naming a risk is kept; thoughts of ending one's life bring the
   card, crisis line first (self-harm and a substance bring it through the exercise's
   own ``card = true`` step and its "safe enough to go on?");
5. after a session (``ask_thoughts`` exercises, see ``session_day.weeks_after``) one
   plain question about thoughts of ending one's life, at most once a day; and once
   a run when the person writes such words themselves, showing them which words;
6. after a tender part came close, a distress check with stopping listed first: back
   to the part in focus only when settled (5 or below), otherwise a gentle close;
7. a pause at 8 or more shows the card's people; a resumed run that stopped there first
   asks how stirred up the person is now (after thoughts of ending one's life, plainly).

With ``--answers`` nobody can be asked: what care saw is still kept, 8 or more prints
a short note on stderr, and 9-10, "not safe", a risk or explicit words print the card.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from partsjournal.core import care_record as rec
from partsjournal.core import config, dates
from partsjournal.core import vocabulary as vocab
from partsjournal.core.answers import as_number
from partsjournal.core.entry import Entry
from partsjournal.core.errors import JournalError
from partsjournal.flow import care_tender, exercises, session_day
from partsjournal.flow import care_words as words
from partsjournal.flow.care_ground import GROUNDING, ground_inline
from partsjournal.flow.care_state import CHOOSING, CRISIS_CARD_AT, OFFER_GROUNDING_AT, SafetyState
from partsjournal.flow.care_talk import (
    Ended,
    StopHere,
    Talk,
    asked_today,
    held_earlier,
    hold_question,
    keep_unfinished_note,
)
from partsjournal.flow.engine import Asker, Paused, Run, check_value
from partsjournal.flow.exercises import Step
from partsjournal.render import card, screens, ui
from partsjournal.views import patterns

__all__ = ["GROUNDING", "Care", "Ended", "StopHere", "ground_inline"]

TENDER = "tender-part"  # the steps of a tender part coming close (included by others)
STOP_FIRST = "stop first"  # kept while "Go on, or stop here?" waits, to ask it again alike

MIDWAY_STEP = Step(
    id="stirred_now",
    kind="scale",
    text=words.MIDWAY,
    low=words.MIDWAY_LOW,
    high=words.MIDWAY_HIGH,
    optional=True,
)
RESUME_STEP = Step(
    id="stirred_on_return",
    kind="scale",
    text=words.RESUME_LEVEL,
    low=words.MIDWAY_LOW,
    high=words.MIDWAY_HIGH,
)


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


def explicit_words(value: Any) -> str | None:
    """The words of :data:`care_words.EXPLICIT_WORDS` the person wrote, as they wrote them."""
    if not isinstance(value, str):
        return None
    flat = " ".join(value.replace("\u2019", "'").split())  # a typographic apostrophe too
    for said in words.EXPLICIT_WORDS:
        found = re.search(r"\b" + re.escape(said) + r"\b", flat, flags=re.IGNORECASE)
        if found:
            return found.group(0)
    return None


def _still_to_ask(current: Run) -> list[Step]:
    return care_tender.still_to_ask(current)


def _tender_ids() -> frozenset[str]:
    try:
        return frozenset(s.id for s in exercises.get(TENDER).steps)
    except JournalError:  # caught here: no tender steps to skip if their file cannot be read
        return frozenset()


class Care:
    """The care of one run: asked at every step boundary (see the module's description)."""

    def __init__(
        self,
        asker: Asker,
        current: Run,
        *,
        offer: bool,
        on_note: Callable[[], None] | None = None,
    ) -> None:
        self.state = SafetyState(current, on_note)
        self.talk = Talk(asker, self.state)
        self.asker = self.talk.asker  # one count of care's questions (see ``Talk.hold``)
        self.offer = offer
        self.checked_midway = False
        self.words_read = False  # explicit words seen in a run with nobody to ask
        self.tender = _tender_ids()

    @property
    def holding(self) -> bool:
        """Care holds the run: only grounding, the card's people, a note or stopping (a
        pause there shows the people first, and offers no grounding of its own: the hold
        just did)."""
        return self.state.holding

    # ----------------------------------------------------------------- the hooks

    def begin(self, current: Run, *, resumed: bool) -> None:
        """Before the steps are asked (again): a run resumed after a pause at 8 or more
        first asks how stirred up the person is now; a run care holds goes back to what
        care offers, never to the exercise."""
        if not self.asker.interactive:
            return
        if resumed and self.state.holding:  # what held it is named, as in a new run
            self.resume_check(current, question=hold_question(self.state.items))
        elif resumed and self.state.high:
            self.resume_check(current)
        elif resumed and current.context.get(CHOOSING) and _still_to_ask(current):
            stop_first = current.context[CHOOSING] == STOP_FIRST  # the choice paused, not made
            self.go_on_or_stop(current, self.state.level or 0, stop_first=stop_first)
        elif not resumed and current.exercise.name != GROUNDING:
            earlier = held_earlier()
            if earlier is not None:
                self.resume_check(current, question=earlier)
        care_tender.come_back(self.talk, current)
        if self.state.holding:
            self.talk.hold(current)
        self.talk.kept_when_lifted()

    def after(self, current: Run, step: Step) -> None:
        """After each answer: keep what it means, then whatever care it calls for."""
        value = current.answers.get(step.id, "")
        self.state.saw(step, value)
        if not self.asker.interactive:
            self._scripted(step, value)
            return
        cards = self.talk.cards
        if step.card:
            self.talk.show_card(first=step.card_first)
        risk = vocab.URGE_RISKS.get(str(value)) if step.role == vocab.URGES else None
        if step.role == vocab.SAFETY and value is False:
            self.talk.not_safe()
        elif risk == rec.ENDING_LIFE:
            self.talk.show_card(lead=words.URGE_ENDING_LEAD, first=config.CRISIS_LINE)
        elif self.offer and offers_grounding(step.role, value):
            self.hard_moment(
                current, _number(value) or 0, at_end=step.role == vocab.ACTIVATION_AFTER
            )
        if not self.state.holding:
            self._plain_question(current, step, value)  # their own words come first
        if not self.state.holding and step.role in vocab.PAIN_RISES:
            self.midway(current)
        if not self.state.holding:
            care_tender.after(self.talk, current, step, self.tender)
        if self.state.holding:
            self.talk.hold(current)
        # the card's line: once after a card, and at every step while it is a lot (at every
        # step of a calm run, walks read it as nagging), never right under the card
        owed = self.state.high or self.talk.line_owed
        if current.next_step() is not None and self.talk.cards == cards and owed:
            self.talk.reminder()

    def paused(self) -> None:
        """A pause at 8 or more (or while care held the run): the card's people first; a
        pause after the card was shown in the run: its one line, as at the close."""
        if self.state.high:
            card.show_people(words.CARD, first=self.talk.first())
        else:
            self.talk.reminder()

    def ending(self) -> None:
        """The close of a run care ended (:class:`Ended`)."""
        self.talk.ending(session_day=session_day.is_session_day(dates.now()))

    def close(self) -> None:
        """After the entry is saved: the one line, when the card was shown in this run; the
        card's people, when the run ended at 8 or more without it (a tender part that
        flooded, and stopping at 9)."""
        if self.state.high and not self.state.card_shown:
            card.show_people(words.CARD, first=self.talk.first())
        else:
            self.talk.reminder()

    def kept(self) -> None:
        """Before saving: the run keeps its care record only when care had something to do
        (and the words started in a hold, when it ended before they were finished)."""
        keep_unfinished_note(self.state.current, self.state)
        self.state.current.care = self.state.kept()

    # ----------------------------------------------------------------- what each calls for

    def _scripted(self, step: Step, value: Any) -> None:
        said = explicit_words(value) if step.kind in ("text", "long_text") else None
        risky = step.role == vocab.URGES and value in vocab.URGE_RISKS
        if said and not self.words_read:
            self.words_read = True
            ui.say(words.THOUGHTS_SCRIPTED.format(words=said), to_stderr=True)
            self.talk.show_card(asked=True)
        elif step.card or risky or needs_crisis_card(step.role, value):
            self.talk.show_card(asked=not self.state.card_shown, first=step.card_first)
        if self.offer and offers_grounding(step.role, value):
            screens.rating_note(step.id, value)
        if self.state.holding:
            raise Ended  # the file's later answers are kept all the same (keep_answers)

    def _plain_question(self, current: Run, step: Step, value: Any) -> None:
        said = explicit_words(value) if step.kind in ("text", "long_text") else None
        if said and not self.state.has(rec.THOUGHTS, moment=rec.WORDS):
            opening = words.THOUGHTS_WORDS.format(words=said)
            self.talk.ask_thoughts(rec.WORDS, opening=opening, ends=False)
        elif (
            step.role == vocab.ACTIVATION_BEFORE
            and current.exercise.ask_thoughts
            and not self.state.has(rec.THOUGHTS)
            and session_day.weeks_after(dates.now())
            and not asked_today()
        ):
            self.talk.ask_thoughts(rec.DAILY, opening=words.THOUGHTS_DAILY, ends=False)

    def hard_moment(
        self, current: Run, level: int, *, at_end: bool, moment: str | None = None
    ) -> None:
        """Ground first, then ask about safety, then go on or stop (raises :class:`StopHere`)."""
        try:
            level = self.talk.ground_and_check(level, moment=moment)
            if not self.state.holding and not at_end and _still_to_ask(current):
                self.go_on_or_stop(current, level)
        except Paused:
            raise Paused() from None  # grounding was just offered: do not offer it again

    def midway(self, current: Run) -> None:
        """The optional check after the last of the steps where pain often rises."""
        left = _still_to_ask(current)
        if self.checked_midway or not left or any(s.role in vocab.PAIN_RISES for s in left):
            return
        self.checked_midway = True
        level = _number(self.asker.ask(MIDWAY_STEP, words.MIDWAY, 0, 0))
        if level is not None:
            self.state.note(rec.RATING, level, moment=rec.MIDDLE, step=MIDWAY_STEP.id)
        if level is not None and level >= OFFER_GROUNDING_AT:
            self.hard_moment(current, level, at_end=False)

    def go_on_or_stop(self, current: Run, level: int, *, stop_first: bool = False) -> None:
        both = [words.STOP, words.GO_ON]  # stopping first at 8 or more, and after a hold
        if level < OFFER_GROUNDING_AT and not (stop_first or self.state.ever_held):
            both.reverse()
        screens.blank()
        current.context[CHOOSING] = STOP_FIRST if both[0] == words.STOP else "go on first"
        while True:
            choice = self.asker.select(words.GO_ON_OR_STOP, [*both, words.CARD_CHOICE])
            if choice != words.CARD_CHOICE:
                break
            self.talk.show_card(asked=True)
        current.context.pop(CHOOSING, None)
        if choice == words.STOP:
            self.state.note(rec.STOP, rec.STOPPED)
            raise StopHere
        going = words.GOING_ON if current.answers else words.BEGINNING  # a new run: nothing yet
        ui.say(words.GENTLE_CLOSE if current.close_gently() else going)

    def resume_check(self, current: Run, *, question: str = words.RESUME_LEVEL) -> None:
        """Coming back to a run paused when it was a lot, or starting one after a hold today:
        how is it now? At 8 or more, the care of the run itself (grounding, the safety
        question, stopping first); below that, after a hold or when "safe" was never said
        since it was a lot, the safety question, then going on or stopping, stopping first."""
        earlier = question != words.RESUME_LEVEL or not self.state.safe_asked_since_rating
        level = _number(self.asker.ask(RESUME_STEP, question, 0, 0)) or 0
        self.state.note(rec.RATING, level, moment=rec.RESUME, step=RESUME_STEP.id)
        if question == words.EARLIER_THOUGHTS and self.talk.thoughts_again() == rec.RIGHT_NOW:
            return  # held anew: the hold follows (Care.begin)
        if level >= OFFER_GROUNDING_AT and self.offer:
            self.hard_moment(current, level, at_end=False, moment=rec.RESUME)
        elif self.state.holding or earlier:
            safe = self.asker.confirm(words.SAFE, default=None)
            self.state.note(rec.SAFE, safe, moment=rec.RESUME)
            if not safe:
                self.talk.not_safe()
            elif earlier:
                ui.say(words.EARLIER_EASED)
                self.talk.kept_when_lifted()
                if care_tender.onward(current):  # so soon after a hold, a new run too: stop first
                    self.go_on_or_stop(current, level, stop_first=True)


def ask_plainly(asker: Asker, current: Run, *, moment: str, opening: str) -> str:
    """The graded question about thoughts of ending one's life, for any run (a questionnaire's
    safety item too): "no", "in passing" or "yes, right now" (``care_record.THOUGHTS_ANSWERS``),
    kept in ``current.care`` with ``moment``; ``opening`` is the caller's own sentence for why
    it is asked (words in ``care_words``). "In passing" says to tell the clinic or
    therapist; "yes, right now" shows the card, crisis line first, and raises :class:`Ended`,
    which the runner ends the run with (its care ending, then saving)."""
    return Talk(asker, SafetyState(current)).ask_thoughts(moment, opening=opening)


def keep_answers(current: Run, answers: dict[str, Any]) -> None:
    """A run care ended with nobody to ask (``--answers``): the file's answers to the steps
    not reached are kept all the same, so no written word is lost."""
    for step in current.exercise.steps:
        if step.asks and step.id in answers and step.id not in current.answers:
            current.answers[step.id] = check_value(step, answers[step.id])


def stopped_closing(current: Run, asker: Asker) -> None:
    """The closing step when stopping for today: thanks the part, says how to come back."""
    text = current.render(words.STOPPED_CLOSING if current.part_name else words.STOPPED_NO_PART)
    if asker.interactive:
        asker.ask(Step(id="stopped_closing", kind="guide", text=text), text, 0, 0)
    option = f' --part "{current.part_name}"' if current.part_name else ""
    ui.say(words.STOPPED_HOW.format(exercise=current.exercise.name, part_option=option))


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
        choice = asker.select(
            words.NOTICED_ASK, [words.GROUND_NOW, words.CARD_CHOICE, words.NOT_NOW]
        )
        if choice == words.GROUND_NOW:
            ground_inline(asker)
        elif choice == words.CARD_CHOICE:
            card.show_crisis_card(words.CARD, to_stderr=False, during=False)  # already saved
    except Paused:
        return


def ground_from_pause(asker: Asker, looking_after: Care) -> bool:
    """After "Pause here": offer grounding, then the way back. True to go on with the exercise."""
    try:
        if not asker.confirm(words.PAUSE_GROUNDING):
            return False
        ground_inline(asker, looking_after.state)
        if looking_after.state.holding:
            return True  # the run goes on only to what care offers now
        return asker.confirm(words.PAUSE_BACK, default=False)
    except Paused:
        return False
