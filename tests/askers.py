"""Askers for in-process flow tests: scripted answers, and confirm/select questions that
must be expected, so a flow that asks something new fails loudly instead of guessing."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from partsjournal import prompts
from partsjournal.core.answers import AnswerValue
from partsjournal.flow import kinds
from partsjournal.flow.engine import GoBack, Paused, check_value
from partsjournal.flow.exercises import Step
from partsjournal.render import ui
from tests.conftest import PROTECTOR_ANSWERS
from tests.helpers import draft_answers

BACK = "<go back>"  # an answer that asks to go back one step (Ctrl-B, "Go back one step")
PAUSE = "<pause>"  # an answer that pauses at this step (Ctrl-C)


class Turns:
    """Successive answers to one step, for a step asked again after going back."""

    def __init__(self, *values: Any) -> None:
        self.values = list(values)


class FakeAsker:
    """Answers steps from ``answers`` (guides go on by themselves), and each confirm or
    select from ``replies``: (words the question must contain, the reply), in order."""

    interactive = True

    def __init__(
        self,
        answers: dict[str, Any] | None = None,
        replies: list[tuple[str, bool | str]] | None = None,
    ) -> None:
        self.answers = answers or {}
        self.replies = list(replies or [])
        self.asked: list[str] = []  # step ids, in order
        self.texts: list[str] = []  # each step's text as shown, in order
        self.questions: list[str] = []  # confirm and select questions, in order
        self.counters: list[str] = []  # the step counter as shown: "3 of 14", or "3" alone
        self.offered: list[tuple[str, str]] = []  # (step id, earlier answer offered to edit)

    def ask(
        self,
        step: Step,
        text: str,
        number: int,
        total: int,
        typed: str = "",
    ) -> AnswerValue:
        self.asked.append(step.id)
        self.texts.append(text)
        self.counters.append(f"{number} of {total}" if total else str(number))
        if step.kind == "guide":
            return True
        if step.id not in self.answers:
            raise AssertionError(f"unexpected step {step.id!r}: {text}")
        if typed:
            self.offered.append((step.id, typed))
        value = self.answers[step.id]
        if isinstance(value, Turns):
            assert value.values, f"step {step.id!r} was asked more often than expected"
            value = value.values.pop(0)
        if value == BACK:
            raise GoBack
        if value == PAUSE:
            raise Paused(step=step.id)
        return check_value(step, value)

    def _reply(self, question: str) -> bool | str:
        self.questions.append(question)
        if not self.replies:
            raise AssertionError(f"unexpected question: {question}")
        words, reply = self.replies.pop(0)
        assert words in question, f"expected a question about {words!r}, got: {question}"
        return reply

    def confirm(self, question: str, *, default: bool | None = None) -> bool:
        return bool(self._reply(question))

    def select(self, question: str, choices: list[str]) -> str:
        reply = self._reply(question)
        assert reply in choices, f"{reply!r} is not among {choices}"
        return str(reply)


class AutoAsker(FakeAsker):
    """A :class:`FakeAsker` that also answers the steps it was not given: guides go on,
    optional questions are left empty (as Enter alone leaves them, a yes/no too: it is
    not a no), required text gets a few words,
    a scale 3, a choice its first choice, a part "Part <step id>". Dialogue tests give only
    the answers their behaviour depends on, so an added question does not break them."""

    def ask(
        self,
        step: Step,
        text: str,
        number: int,
        total: int,
        typed: str = "",
    ) -> AnswerValue:
        if step.id not in self.answers and step.kind != "guide":
            self.answers[step.id] = _default(step)
        return super().ask(step, text, number, total, typed)


def _default(step: Step) -> Any:
    if step.optional:
        return kinds.of(step.kind).skipped(step)
    if step.kind == "scale":
        return 3
    if step.kind == "yes_no":
        return True
    if step.kind == "choice":
        return (step.choices or [""])[0]
    if step.kind == "part":
        return f"Part {step.id}"
    return f"Words for {step.id}"


class PausesAt(FakeAsker):
    """A :class:`FakeAsker` that pauses, as Ctrl-C does, at the step whose id is ``at`` or at
    the first confirm or select question containing ``at``; everything before is answered
    as ``FakeAsker`` answers it."""

    def __init__(
        self,
        at: str,
        answers: dict[str, Any] | None = None,
        replies: list[tuple[str, bool | str]] | None = None,
    ) -> None:
        super().__init__(answers, replies)
        self.at = at

    def ask(
        self,
        step: Step,
        text: str,
        number: int,
        total: int,
        typed: str = "",
    ) -> AnswerValue:
        if step.id == self.at:
            self.asked.append(step.id)
            raise Paused(step=step.id)
        return super().ask(step, text, number, total, typed)

    def confirm(self, question: str, *, default: bool | None = None) -> bool:
        if self.at in question:
            self.questions.append(question)
            raise Paused
        return super().confirm(question, default=default)

    def select(self, question: str, choices: list[str]) -> str:
        if self.at in question:
            self.questions.append(question)
            raise Paused
        return super().select(question, choices)


class PauseAtOnce:
    """A terminal where the person pauses at the first question."""

    interactive = True

    def ask(self, *args: Any, **kwargs: Any) -> Any:
        raise Paused

    def confirm(self, question: str, *, default: bool = True) -> bool:
        raise Paused

    def select(self, question: str, choices: list[str]) -> str:
        raise Paused


class Answering:
    """A terminal where every question gets a plain answer; ``pause_after`` answers."""

    interactive = True
    pause_after: int | None = None

    def __init__(self) -> None:
        self.given = 0

    def ask(self, step: Any, text: str, number: int, total: int, typed: str = "", **_: Any) -> Any:
        if self.pause_after is not None and self.given >= self.pause_after:
            raise Paused
        self.given += 1
        if step.kind == "guide":
            return True
        value: Any = {"scale": 5, "yes_no": True}.get(step.kind, "words")
        return step.choices[0] if step.choices else value

    def confirm(self, question: str, *, default: bool = True) -> bool:
        return False

    def select(self, question: str, choices: list[str]) -> str:
        return choices[0]


class Terminal:
    """A terminal whose yes/no answers are given in order; the questions are kept."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *replies: bool) -> None:
        self.replies = list(replies)
        self.questions: list[str] = []
        monkeypatch.setattr(ui, "can_prompt", lambda: True)
        monkeypatch.setattr(prompts, "confirm", self.confirm)

    def confirm(self, question: str, *, default: bool = True) -> bool:
        assert default is False  # hard to take back: no is the default
        self.questions.append(question)
        return self.replies.pop(0)


class StopAfter(FakeAsker):
    """Answers from PROTECTOR_ANSWERS, checking the draft on disk before every question,
    and pauses (as Ctrl-C would) at ``stop_at``."""

    def __init__(self, home: Path, stop_at: str | None = None) -> None:
        super().__init__()
        self.given = tomllib.loads(PROTECTOR_ANSWERS)
        self.home = home
        self.stop_at = stop_at
        self.asked: list[str] = []

    def ask(
        self, step: Step, text: str, number: int, total: int, typed: str = "", **_: Any
    ) -> AnswerValue:
        if step.id == "stirred_now":
            return ""  # the optional check in the middle, not an exercise step: skipped
        on_disk = draft_answers(self.home)
        assert set(on_disk) == set(self.asked), "every earlier answer is on disk before the next"
        if step.id == self.stop_at:
            raise Paused(step=step.id, partial="half a sen")
        self.asked.append(step.id)
        if step.kind == "guide":
            return True
        left_out = False if step.kind == "yes_no" else ""  # optional yes/no: declined
        return check_value(step, self.given.get(step.id, left_out))
