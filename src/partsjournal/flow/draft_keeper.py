"""Keeping an exercise in progress as a draft, and rebuilding it from one.

:class:`DraftKeeper` writes the run to ``<home>/drafts/`` after every answered
step, so a closed terminal loses nothing; :func:`run_from_draft` turns a draft
back into a run, keeping aside (never dropping) answers that no longer fit a
changed exercise file.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from types import FrameType

from partsjournal.core import dates, drafts
from partsjournal.core.answers import Answer
from partsjournal.core.drafts import Draft
from partsjournal.flow.engine import Run, check_value
from partsjournal.flow.exercises import Exercise

# Closing the terminal window sends SIGHUP; logging out or `kill` sends SIGTERM.
# (Windows has no SIGHUP.)
STOPPING_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name)
)


def hangup() -> int:
    """The signal a closed terminal sends: SIGHUP, or on Windows (which has none) SIGTERM,
    its nearest, so that a terminal gone under a prompt is still told apart from Ctrl-C."""
    return int(getattr(signal, "SIGHUP", signal.SIGTERM))


class TerminalGone(KeyboardInterrupt):
    """The terminal closed (SIGHUP) or the program was asked to stop (SIGTERM).

    Handled like Ctrl-C: the draft is saved with any half-typed text (``step`` and
    ``partial``, filled in by the asker that was waiting), then the program exits
    with ``128 + signum`` without writing to a terminal that may be gone.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.step: str | None = None
        self.partial: str | None = None

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


@contextmanager
def _stopping_signals_go_to(handler: Callable[[int, FrameType | None], None]) -> Iterator[None]:
    """Inside the block SIGHUP and SIGTERM call ``handler``; after it, what handled them
    before. Only in the main thread, the one signals reach."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, handler) for sig in STOPPING_SIGNALS}
    try:
        yield
    finally:
        for sig, before in previous.items():
            signal.signal(sig, before)


@contextmanager
def stopping_signals_pause() -> Iterator[None]:
    """While an exercise is being asked, SIGHUP and SIGTERM raise :class:`TerminalGone`.

    The first one also ignores any later ones, so saving the draft is never cut short.
    """

    def stop(signum: int, frame: FrameType | None) -> None:
        for sig in STOPPING_SIGNALS:
            signal.signal(sig, signal.SIG_IGN)
        raise TerminalGone(signum)

    with _stopping_signals_go_to(stop):
        yield


@contextmanager
def signals_held() -> Iterator[None]:
    """SIGHUP and SIGTERM wait until the block ends, so saving the draft after a pause is never
    cut short (closing a terminal ends its input first, then sends SIGHUP a moment later);
    one that came meanwhile is raised as :class:`TerminalGone` once the block is done."""
    came: list[int] = []

    def remember(signum: int, frame: FrameType | None) -> None:
        came.append(signum)

    with _stopping_signals_go_to(remember):
        yield
    if came:
        raise TerminalGone(came[0])


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
        if self.draft is None and not (cur.answers or cur.kept or cur.pending):
            return
        fresh = draft_from_run(cur, self.created)
        started = self.draft is None
        if self.draft is not None:
            fresh.id, fresh.path = self.draft.id, self.draft.path
        drafts.save(fresh)
        if started:
            self._hold.enter_context(drafts.held(fresh))
        self.draft = fresh

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
