"""A grounding pause inside another run: the grounding exercise walked through, and what
it showed kept in the run's care (done, or paused partway, and the answers it was given)."""

from __future__ import annotations

import contextlib
from datetime import datetime

from partsjournal.core import care_record as rec
from partsjournal.core import dates
from partsjournal.core import messages as msg
from partsjournal.core import vocabulary as vocab
from partsjournal.core.answers import as_number
from partsjournal.core.errors import JournalError
from partsjournal.flow import exercises
from partsjournal.flow.care_state import SafetyState
from partsjournal.flow.engine import Asker, Paused, Run, run
from partsjournal.flow.exercises import Step
from partsjournal.render import screens, ui

GROUNDING = "grounding"


class _NotSafeInside(Exception):
    """ "Not safe" inside a grounding pause: the outer run takes it from here."""


def ground_inline(asker: Asker, state: SafetyState | None = None) -> Run | None:
    """Walk through the grounding exercise inside another one (not saved as an entry).

    With ``state``, what it showed is kept: grounding done (or paused partway, by Ctrl-C or
    a closed terminal), its distress rating and the answer to "do you feel safe?", as far as
    they were given; a "no" ends the pause there, for the outer run to answer.
    """
    try:
        ex = exercises.get(GROUNDING)
    except JournalError as exc:  # caught here: care goes on without its grounding file
        ui.warn(msg.GROUNDING_UNOPENED.format(reason=exc.message))
        return None
    screens.intro(ex)
    inner = Run(exercise=ex)

    def not_safe_ends_it(cur: Run, step: Step) -> None:
        if step.role == vocab.SAFETY and cur.answers.get(step.id) is False:
            raise _NotSafeInside

    began = dates.now()
    try:
        with contextlib.suppress(_NotSafeInside):
            run(inner, asker, on_answer=not_safe_ends_it)
    except (Paused, KeyboardInterrupt):  # a walk's Ctrl-C at its first step read as "took"
        _kept(inner, state, rec.PAUSED, began)
        raise
    _kept(inner, state, rec.DONE, began)
    return inner


def _kept(inner: Run, state: SafetyState | None, how: str, began: datetime) -> None:
    """What a grounding pause showed, in ``state``: done or paused (dated when it began),
    then the answers it was given."""
    if state is not None:
        state.note(rec.GROUNDING, how, at=began)
        for s in inner.exercise.steps:
            answer = inner.answers.get(s.id)
            if s.role == vocab.DISTRESS and isinstance(answer, int):
                level = as_number(answer)
                if level is not None:
                    state.note(rec.RATING, level, moment=rec.IN_GROUNDING, step=s.id)
            if s.role == vocab.SAFETY and isinstance(answer, bool):
                state.note(rec.SAFE, answer, moment=rec.IN_GROUNDING, step=s.id)
