"""After a tender part came close: how the person is, with stopping first and grounding at
hand; back to the part in focus only when settled, otherwise a gentle close.

Part of :mod:`partsjournal.flow.care`, which calls :func:`after` at every step boundary.
"""

from __future__ import annotations

from partsjournal.core import care_record as rec
from partsjournal.core.answers import as_number
from partsjournal.flow import care_words as words
from partsjournal.flow.care_ground import ground_inline
from partsjournal.flow.care_state import OFFER_GROUNDING_AT
from partsjournal.flow.care_talk import StopHere, Talk
from partsjournal.flow.engine import Run
from partsjournal.flow.exercises import Step
from partsjournal.render import ui

SETTLED_AT_MOST = 5  # back to the part in focus only at this or below
CHOOSING = "tender_choice"  # in a run's context while "What would you like now?" waits

TENDER_STEP = Step(
    id="stirred_after_tender",
    kind="scale",
    text=words.TENDER_LEVEL,
    low=words.MIDWAY_LOW,
    high=words.MIDWAY_HIGH,
)


def still_to_ask(current: Run) -> list[Step]:
    """The questions of the run not answered yet (guidance left out)."""
    return [s for s in current.visible_steps() if s.id not in current.answers and s.asks]


def after(talk: Talk, current: Run, step: Step, tender: frozenset[str]) -> None:
    """After the last of a tender part's steps (``tender``, their ids), once a run: the check,
    then the choice (raises :class:`StopHere` when the person stops for today)."""
    state = talk.state
    if step.id not in tender or state.has(rec.RATING, moment=rec.TENDER):
        return
    left = [s for s in current.visible_steps() if s.id not in current.answers]
    if any(s.id in tender for s in left):
        return  # its last words (guidance too) come first
    answer = talk.asker.ask(TENDER_STEP, words.TENDER_LEVEL, 0, 0)
    level = (as_number(answer) if isinstance(answer, int) else None) or 0
    state.note(rec.RATING, level, moment=rec.TENDER, step=TENDER_STEP.id)
    if not still_to_ask(current):
        if level >= OFFER_GROUNDING_AT:
            talk.ground_and_check(level, moment=rec.TENDER)
        return
    choose(talk, current, level)


def onward(current: Run) -> list[Step]:
    """The questions still to ask, for "Go on, or stop here?"; none while the choice after a
    tender part waits (asked again on coming back, it offers stopping first itself)."""
    return [] if current.context.get(CHOOSING) else still_to_ask(current)


def come_back(talk: Talk, current: Run) -> None:
    """A run paused while "What would you like now?" waited asks it again on coming back,
    after the check of how the person is now (a walk's resume went straight back to the
    protector, the young part unmentioned and nothing chosen)."""
    if current.context.get(CHOOSING) and still_to_ask(current):
        choose(talk, current, talk.state.level or 0)


def choose(talk: Talk, current: Run, level: int) -> None:
    """Stopping first, grounding, the card, then onward (back to the part when settled, else
    a gentle close); the choice waits in the run's context until it is made."""
    state = talk.state
    current.context[CHOOSING] = "waiting"  # text, as a draft keeps its context
    while not state.holding:
        offered = [words.TENDER_STOP, words.TENDER_GROUND, words.CARD_CHOICE]
        choice = talk.asker.select(words.TENDER_ASK, [*offered, *_onward(current, level)])
        if choice == words.CARD_CHOICE:
            talk.show_card(asked=True)
        elif choice == words.TENDER_GROUND:
            before = len(state.items)
            ground_inline(talk.asker, state)
            new = [n for i in state.items[before:] if (n := i.number) is not None]
            level = new[-1] if new else level
            if any(i.kind == rec.SAFE and i.value is False for i in state.items[before:]):
                talk.not_safe()
        elif not _safe_enough(talk, level):
            break  # "not safe": care holds the run from here
        else:
            current.context.pop(CHOOSING, None)
            if choice == words.TENDER_STOP:
                state.note(rec.STOP, rec.STOPPED)
                raise StopHere
            if choice == words.TENDER_CLOSE:
                current.close_gently()
                state.note(rec.STOP, rec.CLOSED_GENTLY)
            return
    current.context.pop(CHOOSING, None)


def _safe_enough(talk: Talk, level: int) -> bool:
    """At 8 or more, "Do you feel safe right now?" before going anywhere (unless grounding
    just asked it); "no" brings the card and the follow-up."""
    state = talk.state
    if level < OFFER_GROUNDING_AT or state.safe_asked_since_rating:
        return not state.holding
    safe = talk.asker.confirm(words.SAFE, default=None)
    state.note(rec.SAFE, safe, moment=rec.TENDER)
    if not safe:
        talk.not_safe()
    return safe


def _onward(current: Run, level: int) -> list[str]:
    """Back to the part in focus when settled; else a gentle close, if there is one."""
    if level <= SETTLED_AT_MOST:
        if current.part_name:
            return [current.render(words.TENDER_BACK)]
        return [words.TENDER_ON]
    target = current.exercise.close_from
    if target is not None and target not in current.answers:
        ui.say(current.render(words.TENDER_NOT_SETTLED.replace("{level}", str(level))))
        return [words.TENDER_CLOSE]
    return []
