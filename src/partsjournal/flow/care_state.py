"""The one safety state of a run: everything care saw and did, and what follows from it.

The state lives in the run (``Run.care``, a list of :class:`CareItem`), so it goes
into the draft at a pause and into the entry when the run is saved. Only
:mod:`partsjournal.flow.care` writes it, through :class:`SafetyState`; every rule
about what may come next is a property here, read from the items in order:

- **holding**: after "not safe", thoughts of ending one's life (a risk chosen, the
  plain question answered "yes, right now", or named after "not safe"), or
  distress still 9-10 after grounding, the run offers only grounding, the card's
  people, a free note or stopping. A resumed run lifts it when the person says they
  feel safe at a rating below 9: a later sitting is never locked out.
- **asked**: the follow-up after "not safe", and the plain question after explicit
  words, are asked once a run.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from partsjournal.core import care_record as rec
from partsjournal.core import dates
from partsjournal.core import vocabulary as vocab
from partsjournal.core.answers import AnswerValue, as_number
from partsjournal.core.care_record import CareItem, CareValue
from partsjournal.flow.engine import Run
from partsjournal.flow.exercises import Step

OFFER_GROUNDING_AT = 8
CRISIS_CARD_AT = 9
CHOOSING = "care_choice"  # in a run's context while "Go on, or stop here?" waits for a choice


def holds(item: CareItem) -> bool:
    """Whether this item makes care hold the run (see the module's description)."""
    if item.kind == rec.SAFE:
        return item.value is False
    if item.kind == rec.RISK:
        return item.value == rec.ENDING_LIFE
    if item.kind == rec.THOUGHTS:
        return item.value == rec.RIGHT_NOW
    if item.kind == rec.GOING_ON:
        return item.value in (rec.THOUGHTS_OF_ENDING, rec.RATHER_NOT_SAY)
    n = item.number
    return item.moment == rec.IN_GROUNDING and n is not None and n >= CRISIS_CARD_AT


def the_hold(items: list[CareItem]) -> list[CareItem]:
    """The items, read in order, of the hold care is in at their end, from what began it
    (empty when nothing holds): a later sitting lifts a hold with a rating below 9, then
    "safe", and what held before that is no longer what holds now."""
    began: int | None = None
    calm_again = False
    for at, item in enumerate(items):
        if holds(item):
            began = at if began is None else began
            calm_again = False
        elif item.kind == rec.RATING and item.moment == rec.RESUME:
            calm_again = (item.number or 0) < CRISIS_CARD_AT
        elif item.kind == rec.SAFE and item.value is True and calm_again:
            began = None
    return [] if began is None else items[began:]


def still_holding(items: list[CareItem]) -> bool:
    """Whether care, reading ``items`` in order, holds at their end (see the module's
    description): a later sitting lifts it with a rating below 9, then "safe"."""
    return bool(the_hold(items))


class SafetyState:
    """The run's care items, and the rules read from them."""

    def __init__(self, current: Run, on_note: Callable[[], None] | None = None) -> None:
        self.current = current
        self.on_note = on_note  # the run's draft follows at once: nothing said is lost

    @property
    def items(self) -> list[CareItem]:
        return self.current.care

    def note(
        self,
        kind: str,
        value: CareValue,
        *,
        moment: str | None = None,
        step: str | None = None,
        at: datetime | None = None,
    ) -> CareItem:
        """Keep one moment of care, dated now (or ``at``, when it was said earlier: it then
        goes in its place in time, before what was said after it)."""
        item = CareItem(at=at or dates.now(), kind=kind, value=value, moment=moment, step=step)
        later = (n for n, i in enumerate(self.items) if at is not None and i.at > at)
        self.items.insert(next(later, len(self.items)), item)
        if self.on_note is not None:
            self.on_note()
        return item

    def saw(self, step: Step, value: AnswerValue) -> None:
        """Keep what an answer means for care: a rating, a safety answer, a risk chosen."""
        number = as_number(value) if isinstance(value, int) else None
        if step.role in vocab.RATINGS and number is not None:
            self.note(rec.RATING, number, moment=vocab.MOMENT_OF_ROLE[step.role], step=step.id)
        elif step.role == vocab.SAFETY and isinstance(value, bool):
            # only grounding asks about distress: its own safety question is in grounding
            asks = {s.role for s in self.current.exercise.steps}
            moment = rec.IN_GROUNDING if vocab.DISTRESS in asks else None
            self.note(rec.SAFE, value, moment=moment, step=step.id)
        elif step.role == vocab.URGES and isinstance(value, str) and value in vocab.URGE_RISKS:
            self.note(rec.RISK, vocab.URGE_RISKS[value], step=step.id)

    # ----------------------------------------------------------------- what follows

    @property
    def holding(self) -> bool:
        return still_holding(self.items)

    @property
    def level(self) -> int | None:
        """The latest rating of the run."""
        return next((n for i in reversed(self.items) if (n := i.number) is not None), None)

    @property
    def high(self) -> bool:
        """It was a lot when last rated (8 or more), or care holds the run."""
        return self.holding or (self.level or 0) >= OFFER_GROUNDING_AT

    @property
    def last_safe(self) -> bool | None:
        """The latest answer to "do you feel safe right now?", None before any."""
        return next((i.value is True for i in reversed(self.items) if i.kind == rec.SAFE), None)

    @property
    def ever_held(self) -> bool:
        """Care held this run at some point, lifted since or not."""
        return any(holds(i) for i in self.items)

    @property
    def card_shown(self) -> bool:
        return any(i.kind == rec.CARD for i in self.items)

    def has(self, kind: str, *, moment: str | None = None) -> bool:
        return any(i.kind == kind and (moment is None or i.moment == moment) for i in self.items)

    @property
    def safe_asked_since_rating(self) -> bool:
        """A safety answer came after the latest rating."""
        for item in reversed(self.items):
            if item.kind == rec.SAFE:
                return True
            if item.kind == rec.RATING:
                return False
        return False

    @property
    def thoughts_right_now(self) -> bool:
        """The latest answer to the plain question was "yes, right now": care holds the run
        without asking "do you feel safe?" on top of it."""
        said = [i.value for i in self.items if i.kind == rec.THOUGHTS]
        return bool(said) and said[-1] == rec.RIGHT_NOW

    @property
    def going_on(self) -> str | None:
        """What the person said is going on, after "not safe"."""
        found = [i.value for i in self.items if i.kind == rec.GOING_ON]
        return str(found[-1]) if found else None

    @property
    def grounding_first(self) -> bool:
        """Whether the hold offers grounding before the people on the card: only when the
        person said it is too much right now, and no grounding since then ended in "not
        safe" or at 9-10 (grounding was tried and did not help: a person comes first)."""
        since: list[CareItem] = []
        for item in self.items:
            since = [] if item.kind == rec.GOING_ON else [*since, item]
        did_not_help = any(i.moment == rec.IN_GROUNDING and holds(i) for i in since)
        return self.going_on == rec.TOO_MUCH and not did_not_help

    def kept(self) -> list[CareItem]:
        """What the entry keeps: everything, unless all there was is calm ratings at the start
        and the end (those are the entry's own answers already)."""
        plain = (rec.START, rec.END)
        for item in self.items:
            calm = item.number is not None and item.number < OFFER_GROUNDING_AT
            if not (calm and item.moment in plain):
                return list(self.items)
        return []


def checks_first(current: Run) -> bool:
    """A resumed run starts with care before any step (see ``care.Care.begin``): it was
    paused at 8 or more, while care held it, or at "Go on, or stop here?"."""
    return SafetyState(current).high or bool(current.context.get(CHOOSING))
