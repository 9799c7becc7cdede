"""Looking after the person while they write: when to offer grounding, and the card.

A rating whose role is one of :data:`vocabulary.RATINGS` (activation at the
start or end, distress) of 8 or more brings an offer to pause and ground first;
9 or 10, a ``safety`` question answered "no", or a step marked ``card = true``
brings the support card. The
card's wording names no country-specific number: the person adds their own in
``config.toml`` (see :mod:`partsjournal.render.card`).
"""

from __future__ import annotations

from typing import Any

from partsjournal.core import vocabulary as vocab
from partsjournal.core.answers import as_number
from partsjournal.core.errors import JournalError
from partsjournal.flow import exercises
from partsjournal.flow.engine import Asker, Paused, Run, run
from partsjournal.flow.exercises import Step
from partsjournal.render import card, screens, ui

OFFER_GROUNDING_AT = 8
CRISIS_CARD_AT = 9
GROUNDING = "grounding"


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


class Care:
    """After each answer: the grounding offer at 8+, the support card at 9-10 or "not safe"."""

    def __init__(self, asker: Asker, *, offer: bool) -> None:
        self.asker = asker
        self.offer = offer
        self.card_shown = False

    def after(self, current: Run, step: Step) -> None:
        value = current.answers.get(step.id)
        if (step.card or needs_crisis_card(step.role, value)) and not self.card_shown:
            card.show_crisis_card(to_stderr=not self.asker.interactive)
            self.card_shown = True
        if not (self.offer and offers_grounding(step.role, value)):
            return
        if not self.asker.interactive:
            screens.rating_note(step.id, value)
            return
        screens.blank()
        if self.asker.confirm(
            "That is a lot to be holding. Would you like to pause and ground yourself first?"
        ):
            ground_inline(self.asker)
            screens.back_from_grounding()


def ground_inline(asker: Asker) -> None:
    """Walk through the grounding exercise inside another one (not saved as an entry)."""
    try:
        ex = exercises.get(GROUNDING)
    except JournalError as exc:
        ui.warn(f"The grounding exercise could not be opened ({exc.message}).")
        return
    screens.intro(ex)
    inner = Run(exercise=ex)
    looking_after = Care(asker, offer=False)
    run(inner, asker, on_answer=looking_after.after)


def ground_from_pause(asker: Asker) -> bool:
    """After "Pause here": offer grounding, then the way back. True to go on with the exercise."""
    try:
        if not asker.confirm(
            "Would you like a few minutes of grounding before you decide what to do next?"
        ):
            return False
        ground_inline(asker)
        return asker.confirm("Would you like to go back to the exercise now?", default=False)
    except Paused:
        return False
