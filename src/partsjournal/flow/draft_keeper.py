"""A run kept as a draft while it is answered, and a run rebuilt from its draft.

:class:`DraftKeeper` writes the run to ``<home>/drafts/`` after every answered
step, so a closed terminal loses nothing; :func:`run_from_draft` turns a draft
back into a run, keeping aside (never dropping) answers that no longer fit a
changed exercise file. The draft files themselves are :mod:`partsjournal.core.drafts`;
what a signal does to a run is :mod:`partsjournal.flow.interrupts`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import datetime

from partsjournal.core import dates, drafts
from partsjournal.core import messages as msg
from partsjournal.core.answers import Answer
from partsjournal.core.drafts import Draft
from partsjournal.core.errors import JournalError
from partsjournal.flow.engine import Run, check_value
from partsjournal.flow.exercises import Exercise


class DraftKeeper:
    """Writes the run in progress to ``<home>/drafts/`` after every step."""

    def __init__(
        self, current: Run, created: datetime, draft: Draft | None, *, enabled: bool
    ) -> None:
        self.current = current
        self.created = created
        self.draft = draft
        self.enabled = enabled
        self._hold = contextlib.ExitStack()  # the lock on a draft this run started

    def release(self) -> None:
        """Let go of the draft this run started (a resumed one is held by the caller)."""
        self._hold.close()

    def save(self) -> None:
        if not self.enabled:
            return
        cur = self.current
        if self.draft is None and not (cur.answers or cur.kept or cur.pending or cur.care):
            return
        fresh = draft_from_run(cur, self.created)
        started = self.draft is None
        if self.draft is not None:
            fresh.id, fresh.path = self.draft.id, self.draft.path
        drafts.save(fresh)
        if started:
            self._hold.enter_context(drafts.held(fresh))
        self.draft = fresh

    @contextlib.contextmanager
    def saving(self) -> Iterator[None]:
        """Around saving the run as an entry: a refused save also says where the answers are
        still kept (the draft), and goes on to the one catch point."""
        try:
            yield
        except JournalError as exc:  # caught here: the refusal gains where the answers are kept
            if self.draft is None:
                raise
            problem = exc.message.rstrip(".")
            raise JournalError(
                msg.STILL_IN_DRAFT.format(problem=problem, path=self.draft.path)
            ) from None

    def discard(self) -> None:
        if self.draft is not None:
            drafts.remove(self.draft)


def draft_from_run(current: Run, created: datetime) -> Draft:
    """The draft for ``current``: every answer (guidance steps too, so they are not
    shown again), each with its kind, role and the prompt as shown."""
    ex = current.exercise
    rows: list[Answer] = []
    for step_id, value in current.answers.items():
        step = ex.step(step_id)
        rows.append(
            Answer(
                step=step_id,
                kind=step.kind if step else "text",
                prompt=current.shown.get(step_id, step.text if step else ""),
                value=value,
                role=step.role if step else None,
            )
        )
    rows.extend(current.kept)
    return Draft(
        id=drafts.new_id(created),
        exercise=ex.name,
        exercise_version=ex.version,
        title=ex.title,
        created=created,
        updated=dates.now(),
        answers=rows,
        part_name=current.part_name,
        phase=current.phase,
        context=dict(current.context),
        pending=dict(current.pending),
        care=list(current.care),
    )


def run_from_draft(draft: Draft, ex: Exercise) -> Run:
    """Rebuild the run; answers that no longer fit the exercise are kept aside, not lost."""
    current = Run(
        exercise=ex,
        part_name=draft.part_name,
        phase=draft.phase,
        context=dict(draft.context),
        pending=dict(draft.pending),
        care=list(draft.care),
    )
    for a in draft.answers:
        step = ex.step(a.step)
        fits = step is not None and step.kind == a.kind and a.step not in current.answers
        if fits and step is not None:
            try:
                value = check_value(step, a.value)
            except ValueError:
                fits = False
        if fits:
            current.answers[a.step] = value
            current.shown[a.step] = a.prompt
        else:
            current.kept.append(a)
    return current
