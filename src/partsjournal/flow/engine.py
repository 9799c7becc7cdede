"""Walking through an exercise, one step at a time.

The engine knows nothing about terminals: it asks an :class:`Asker` for each
answer. :mod:`partsjournal.prompts` provides the interactive asker (questionary),
:mod:`partsjournal.flow.scripted` the scripted one (``--answers``), and tests
provide their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from partsjournal.core import dates, parts
from partsjournal.core.answers import Answer, AnswerValue
from partsjournal.core.care_record import CareItem
from partsjournal.flow import kinds
from partsjournal.flow.exercises import Condition, Exercise, Step


class Paused(Exception):
    """The person chose to stop here; what they answered so far is kept.

    ``chosen`` is True when they picked "Pause here" from a list (rather than
    pressing Ctrl-C or Ctrl-D): they are then offered grounding. ``step`` and
    ``partial`` carry any text typed into the unfinished answer, so it can be
    kept in the draft and offered again on resume.
    """

    def __init__(
        self, *, chosen: bool = False, step: str | None = None, partial: str | None = None
    ) -> None:
        super().__init__("paused")
        self.chosen = chosen
        self.step = step
        self.partial = partial


class GoBack(Exception):
    """The person asked to return to the previous answered step and change it; ``partial``
    is what they had typed into the question they left, offered again when they come back."""

    def __init__(self, partial: str | None = None) -> None:
        super().__init__("back")
        self.partial = partial


class Asker(Protocol):
    """Everything the flow asks a person goes through one of these.

    :class:`partsjournal.prompts.InteractiveAsker` asks in a terminal,
    :class:`partsjournal.flow.scripted.ScriptedAsker` answers from ``--answers``, and
    tests give their own, which fail loudly on a question they did not expect.
    ``interactive`` is False when nobody is there to be offered anything.
    """

    interactive: bool

    def ask(
        self,
        step: Step,
        text: str,
        number: int,
        total: int,
        typed: str = "",
    ) -> AnswerValue:
        """Return the answer to ``step``, or raise :class:`Paused` or :class:`GoBack`;
        ``typed`` is an earlier answer (text started before a pause, or the answer
        being changed after going back), offered again ready to edit.
        ``number`` of ``total`` is the step counter (:meth:`Run.count`): a total of 0
        promises no number, and a number of 0 shows no counter."""
        ...

    def confirm(self, question: str, *, default: bool | None = None) -> bool:
        """A yes/no question outside the exercise's steps; raises :class:`Paused`.
        By default Enter alone is not an answer; ``default=False`` lets Enter alone mean
        no (for offers where no changes nothing)."""
        ...

    def select(self, question: str, choices: list[str]) -> str:
        """One of ``choices``; raises :class:`Paused`."""
        ...


class _Shape(NamedTuple):
    """What the engine asks of one step at every step of a run, worked out once per
    exercise: the counter looks at every step for each question, so a long exercise
    (integrate's arc has over a hundred steps) paid for these again and again."""

    conditions: tuple[Condition, ...]
    moves_focus: bool

    def shown(
        self, answers: dict[str, Any], phase: str | None, day: int | None, linked: bool
    ) -> bool:
        """:meth:`Step.shown`, from the conditions read once."""
        return all(c.holds(answers, phase, day, linked) for c in self.conditions)


@dataclass
class Run:
    """An exercise in progress: everything needed to save it or resume it."""

    exercise: Exercise
    answers: dict[str, AnswerValue] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)
    part_name: str | None = None
    phase: str | None = None
    context: dict[str, str] = field(default_factory=dict)  # text only: a draft keeps it
    # earlier answers that no longer fit the exercise (resumed after its file
    # changed): {"step", "kind", "role", "prompt", "value"} each; kept, never dropped
    kept: list[Answer] = field(default_factory=list)
    # unfinished text typed before a pause, by step id, offered again on resume
    pending: dict[str, str] = field(default_factory=dict)
    # the run's safety state, written only by flow/care (see core/care_record)
    care: list[CareItem] = field(default_factory=list)
    # steps answered without asking (the part given on the command line)
    unasked: set[str] = field(default_factory=set)
    # the part's name as typed and as shown (the registry's name), looked up once
    _shown_part: tuple[str, str] | None = field(default=None, repr=False)
    # the exercise's steps as the engine reads them (:class:`_Shape`), made once per exercise
    _shaped: tuple[Exercise, dict[str, _Shape], tuple[str, ...]] | None = field(
        default=None, repr=False, compare=False
    )

    def _shapes(self) -> tuple[dict[str, _Shape], tuple[str, ...]]:
        """Each step's :class:`_Shape` by id, and the ids of the steps that name a part."""
        if self._shaped is None or self._shaped[0] is not self.exercise:
            steps = self.exercise.steps
            shapes = {
                s.id: _Shape(
                    conditions=tuple(s.conditions),
                    moves_focus=s.moves_focus,
                )
                for s in steps
            }
            self._shaped = (self.exercise, shapes, tuple(s.id for s in steps if s.names_part))
        return self._shaped[1], self._shaped[2]

    def visible_steps(self) -> list[Step]:
        """Steps that have been or may yet be shown, given the answers so far (see
        :meth:`_visible`)."""
        return [step for step, _ in self._visible()]

    def _visible(self) -> list[tuple[Step, bool]]:
        """Each step that has been or may yet be shown, and whether an answer still to come
        decides it.

        A step whose conditions wait on a step that may still be asked counts as visible,
        so "step 3 of 14" only ever shrinks, never jumps up. A condition that can no longer
        hold (its answer is given and does not fit, or its step will not be asked: passed
        over, or itself not shown) leaves the step out at once: integrate's grounding for a
        realm waits on a "low" question asked only when the realm was rated 0 or 1, and
        kept every total open to the end.
        """
        out: list[tuple[Step, bool]] = []
        answers, phase, day, linked = self.answers, self.phase, self.day, self.linked
        shapes, _ = self._shapes()
        steps = self.reachable()
        place = {s.id: i for i, s in enumerate(steps)}
        coming: set[str] = set()  # steps before this one that may still be asked
        for here, step in enumerate(steps):
            waiting = False
            for c in shapes[step.id].conditions:
                if c.step is not None and c.step not in answers:
                    if c.step in coming or place.get(c.step, -1) > here:
                        waiting = True  # its answer may still come
                        continue
                    break  # its step will not be asked: the condition cannot hold
                if not c.holds(answers, phase, day, linked):
                    break
            else:
                out.append((step, waiting))
                if step.id not in answers:
                    coming.add(step.id)
        return out

    def reachable(self) -> list[Step]:
        """The steps in order, less those passed over: an answered step with
        ``then`` goes on at the step it names, so the ones between are skipped, and
        on the way to a gentle close (:meth:`close_gently`) the steps before it."""
        out = []
        going_to: str | None = None
        answers, phase, day, linked = self.answers, self.phase, self.day, self.linked
        before = self._skipped_before()
        for number, step in enumerate(self.exercise.steps):
            if number < before and step.id not in answers:
                continue  # left out on the way to a gentle close
            if going_to is not None and step.id != going_to:
                continue
            going_to = None
            out.append(step)
            if step.then and step.id in answers and step.shown(answers, phase, day, linked):
                going_to = step.then
        return out

    def next_step(self) -> Step | None:
        """The first step still to ask, or None when the run is complete."""
        answers, phase, day, linked = self.answers, self.phase, self.day, self.linked
        shapes, _ = self._shapes()
        for step in self.reachable():
            if step.id not in answers and shapes[step.id].shown(answers, phase, day, linked):
                return step
        return None

    def close_gently(self) -> bool:
        """Go on by the exercise's shorter way to its close (``close_from``), if it has one.

        Steps before that one that are not answered yet are left out, also after a
        resume (the choice is kept in ``context``). False when there is no such way, and
        when that way speaks to a part ("thank {part}") and no part was met yet: it would
        close a conversation that never took place.
        """
        target = self.exercise.close_from
        if target is None or target in self.answers:
            return False
        steps = self.exercise.steps
        start = next(n for n, s in enumerate(steps) if s.id == target)
        if not self.part_name and any("{part}" in s.text for s in steps[start:]):
            return False
        self.context["close_from"] = target
        return True

    def _skipped_before(self) -> int:
        """How many of the exercise's first steps are left out, unless answered, on the
        way to a gentle close (0 when there is no gentle close under way)."""
        target = self.context.get("close_from")
        if not isinstance(target, str):
            return 0
        ids = [s.id for s in self.exercise.steps]
        return ids.index(target) if target in ids else 0

    @property
    def linked(self) -> bool:
        """Whether the entry belongs to a session (``when = { session = true }``)."""
        return bool(self.context.get("session"))

    def render(self, text: str) -> str:
        """Fill ``{part}`` with the part's name as the registry knows it ("critic" is
        shown as "The Critic"), or "this part" before one is named, and ``{today}``
        with the date."""
        if "{today}" in text:
            text = text.replace("{today}", dates.day_text(dates.now().date()))
        if not self.part_name:
            return text.replace("{part}", "this part").strip()
        if self._shown_part is None or self._shown_part[0] != self.part_name:
            self._shown_part = (self.part_name, parts.shown_name(self.part_name))
        return text.replace("{part}", self._shown_part[1]).strip()

    def count(self) -> tuple[int, int]:
        """The step counter: this step's number, and how many steps the run asks in all
        once that no longer depends on an answer still to come (before then 0: the
        counter shows the number alone and promises no total that could change)."""
        answers = self.answers
        first_focus = self._first_focus()
        counted = [(s, w) for s, w in self._visible() if not self._filled_in(s, first_focus)]
        number = 1 + sum(1 for s, _ in counted if s.id in answers)
        still_open = any(waiting or (s.then and s.id not in answers) for s, waiting in counted)
        return number, 0 if still_open else len(counted)

    def _filled_in(self, step: Step, first_focus: bool) -> bool:
        """A part step answered (or to be answered) with the known part, without asking
        (``first_focus``: :meth:`_first_focus`, worked out once for all the steps)."""
        if step.id in self.unasked:
            return True
        if step.id in self.answers or not self._shapes()[0][step.id].moves_focus:
            return False
        return first_focus and bool(self.part_name)

    def _first_focus(self) -> bool:
        """No step that names a part is answered yet."""
        answers = self.answers
        return not any(naming in answers for naming in self._shapes()[1])

    def go_back(self) -> bool:
        """Undo the latest answered question, and everything after it, to ask it again.

        The removed answers are kept in ``pending``, so each question offers its
        earlier answer ready to edit. Returns False when there is nothing to go
        back to (the first question, or only a part given on the command line).
        """
        order = list(self.answers)
        asked = [
            i
            for i, sid in enumerate(order)
            if sid not in self.unasked and (st := self.exercise.step(sid)) is not None and st.asks
        ]
        if not asked:
            return False
        for sid in order[asked[-1] :]:
            value = self.answers.pop(sid)
            self.shown.pop(sid, None)
            step = self.exercise.step(sid)
            if step is None or not step.asks or sid in self.unasked:
                continue  # guidance, or the part given on the command line: not asked
            self.pending[sid] = as_typed(step, value)
            if step.moves_focus:
                self.part_name = None
        # going back to before the point of a gentle close takes the whole way again
        target, back_to = self.context.get("close_from"), order[asked[-1]]
        ids = [s.id for s in self.exercise.steps]
        if target in ids and back_to in ids and ids.index(back_to) < ids.index(target):
            self.context.pop("close_from")
        return True

    @property
    def day(self) -> int | None:
        """Days after the session (the integration arc), when the run is after one."""
        value = self.context.get("day")  # kept as text, like everything in a draft's context
        return int(value) if isinstance(value, str) and value.isdigit() else None

    @property
    def finished(self) -> bool:
        return all(s.id in self.answers for s in self.visible_steps())


def as_typed(step: Step, value: AnswerValue) -> str:
    """An answer as the text its question offers to edit: "7", "yes", "curious"."""
    return kinds.of(step.kind).as_typed(value)


def check_value(step: Step, value: Any) -> AnswerValue:
    """Check that ``value`` fits ``step`` (its kind's rule); ``ValueError`` with a short reason."""
    return kinds.of(step.kind).check(step, value)


def run(
    current: Run,
    asker: Asker,
    *,
    on_answer: Callable[[Run, Step], None] | None = None,
    on_back: Callable[[Run], None] | None = None,
) -> Run:
    """Ask every step not answered yet; raise :class:`Paused` if the person stops.

    A part given beforehand (``--part``) answers the first part step that sets the
    focus; every later one is asked, since it names another part. :class:`GoBack`
    from the asker undoes the latest answered question and asks again from there;
    ``on_back`` is then called, so a draft follows at once.
    """
    while (step := current.next_step()) is not None:
        text = current.render(step.text)
        if step.moves_focus and current.part_name and current._first_focus():
            value: AnswerValue = current.part_name
            current.unasked.add(step.id)
        else:
            number, total = current.count()
            typed = current.pending.get(step.id, "")
            try:
                value = asker.ask(step, text, number, total, typed)
            except GoBack as back:
                if back.partial:  # what was typed here is offered again on the way forward
                    current.pending[step.id] = back.partial
                if current.go_back() and on_back is not None:
                    on_back(current)
                continue
        current.answers[step.id] = value
        current.shown[step.id] = text
        current.pending.pop(step.id, None)
        if step.moves_focus and isinstance(value, str):
            current.part_name = value.strip()
        if on_answer is not None:
            on_answer(current, step)
    return current
