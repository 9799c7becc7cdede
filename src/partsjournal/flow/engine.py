"""Walking through an exercise, one step at a time.

The engine knows nothing about terminals: it asks an :class:`Asker` for each
answer. :mod:`partsjournal.prompts` provides the interactive asker (questionary)
and the scripted one (``--answers``), and tests provide their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from partsjournal.core import dates, parts
from partsjournal.core.answers import Answer, AnswerValue
from partsjournal.flow.exercises import Exercise, Step


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


class Asker(Protocol):
    """Everything the flow asks a person goes through one of these.

    :class:`partsjournal.prompts.InteractiveAsker` asks in a terminal,
    :class:`partsjournal.prompts.ScriptedAsker` answers from ``--answers``, and
    tests give their own, which fail loudly on a question they did not expect.
    ``interactive`` is False when nobody is there to be offered anything.
    """

    interactive: bool

    def ask(self, step: Step, text: str, number: int, total: int, typed: str = "") -> AnswerValue:
        """Return the answer to ``step`` or raise :class:`Paused`; ``typed`` is text
        started before a pause, offered again as the beginning of the answer."""
        ...

    def confirm(self, question: str, *, default: bool | None = True) -> bool:
        """A yes/no question outside the exercise's steps; raises :class:`Paused`.
        ``default=None``: no default, Enter alone is not an answer."""
        ...

    def select(self, question: str, choices: list[str]) -> str:
        """One of ``choices``; raises :class:`Paused`."""
        ...


@dataclass
class Run:
    """An exercise in progress: everything needed to save it or resume it."""

    exercise: Exercise
    answers: dict[str, AnswerValue] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)
    part_name: str | None = None
    phase: str | None = None
    context: dict[str, Any] = field(default_factory=dict)
    # earlier answers that no longer fit the exercise (resumed after its file
    # changed): {"step", "kind", "role", "prompt", "value"} each; kept, never dropped
    kept: list[Answer] = field(default_factory=list)
    # unfinished text typed before a pause, by step id, offered again on resume
    pending: dict[str, str] = field(default_factory=dict)

    def visible_steps(self) -> list[Step]:
        """Steps that have been or may yet be shown, given the answers so far.

        A step whose condition depends on a step not answered yet counts as
        visible, so "step 3 of 14" only ever shrinks, never jumps up.
        """
        out = []
        for step in self.reachable():
            pending = any(
                c.step is not None and c.step not in self.answers for c in step.conditions
            )
            if pending or step.shown(self.answers, self.phase, self.day):
                out.append(step)
        return out

    def reachable(self) -> list[Step]:
        """The steps in order, less those passed over: an answered step with
        ``then`` goes on at the step it names, so the ones between are skipped, and
        on the way to a gentle close (:meth:`close_gently`) the steps before it."""
        out = []
        going_to: str | None = None
        for step in self.exercise.steps:
            if self.skipped(step):
                continue
            if going_to is not None and step.id != going_to:
                continue
            going_to = None
            out.append(step)
            if (
                step.then
                and step.id in self.answers
                and step.shown(self.answers, self.phase, self.day)
            ):
                going_to = step.then
        return out

    def next_step(self) -> Step | None:
        """The first step still to ask, or None when the run is complete."""
        for step in self.reachable():
            if step.id not in self.answers and step.shown(self.answers, self.phase, self.day):
                return step
        return None

    def close_gently(self) -> bool:
        """Go on by the exercise's shorter way to its close (``close_from``), if it has one.

        Steps before that one that are not answered yet are left out, also after a
        resume (the choice is kept in ``context``). False when there is no such way.
        """
        target = self.exercise.close_from
        if target is None or target in self.answers:
            return False
        self.context["close_from"] = target
        return True

    def skipped(self, step: Step) -> bool:
        """True for a step left out on the way to a gentle close."""
        target = self.context.get("close_from")
        if not isinstance(target, str) or step.id in self.answers:
            return False
        ids = [s.id for s in self.exercise.steps]
        return target in ids and ids.index(step.id) < ids.index(target)

    def render(self, text: str) -> str:
        """Fill ``{part}`` with the part's name (or "this part") and ``{today}`` with the date."""
        if "{today}" in text:
            text = text.replace("{today}", f"{dates.now():%A %d %B %Y}")
        return text.replace("{part}", self.part_name or "this part").strip()

    @property
    def day(self) -> int | None:
        """Days after the session (the integration arc), when the run is after one."""
        value = self.context.get("day")  # kept as text, like everything in a draft's context
        return int(value) if isinstance(value, str) and value.isdigit() else None

    @property
    def finished(self) -> bool:
        return all(s.id in self.answers for s in self.visible_steps())


def check_value(step: Step, value: Any) -> AnswerValue:
    """Check that ``value`` fits ``step``; raise ``ValueError`` with a short reason."""
    if step.kind == "guide":
        return True
    if step.kind == "scale":
        if step.optional and (value is None or (isinstance(value, str) and not value.strip())):
            return ""  # an optional scale left empty
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
            raise ValueError("a whole number from 0 to 10")
        return value
    if step.kind == "yes_no":
        if isinstance(value, str) and value.strip().lower() in {"y", "yes", "true"}:
            return True
        if isinstance(value, str) and value.strip().lower() in {"n", "no", "false"}:
            return False
        if not isinstance(value, bool):
            raise ValueError("true or false")
        return value
    if step.kind == "choice":
        assert step.choices is not None
        if value not in step.choices:
            raise ValueError("one of: " + ", ".join(step.choices))
        return str(value)
    if not isinstance(value, str):
        raise ValueError("text")
    left_empty = step.optional and not value.strip()  # an optional part step names none
    if step.kind == "part" and not left_empty and (problem := parts.name_problem(value)):
        raise ValueError(problem)
    if not step.optional and step.kind in {"text", "long_text"} and not value.strip():
        raise ValueError("some text (this step is not optional)")
    return value


def run(
    current: Run,
    asker: Asker,
    *,
    on_answer: Callable[[Run, Step], None] | None = None,
) -> Run:
    """Ask every step not answered yet; raise :class:`Paused` if the person stops.

    A part given beforehand (``--part``) answers the first part step that sets the
    focus; every later one is asked, since it names another part.
    """
    while (step := current.next_step()) is not None:
        text = current.render(step.text)
        first_focus = not any(
            s.kind == "part" and s.id in current.answers for s in current.exercise.steps
        )
        if step.kind == "part" and step.moves_focus and current.part_name and first_focus:
            value: AnswerValue = current.part_name
        else:
            visible = current.visible_steps()
            number = 1 + sum(1 for s in visible if s.id in current.answers)
            value = asker.ask(step, text, number, len(visible), current.pending.get(step.id, ""))
        current.answers[step.id] = value
        current.shown[step.id] = text
        current.pending.pop(step.id, None)
        if step.kind == "part" and step.moves_focus and isinstance(value, str):
            current.part_name = value.strip()
        if on_answer is not None:
            on_answer(current, step)
    return current
