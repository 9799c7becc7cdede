"""Askers for in-process flow tests: scripted answers, and confirm/select questions that
must be expected, so a flow that asks something new fails loudly instead of guessing."""

from __future__ import annotations

from typing import Any

from partsjournal.core.answers import AnswerValue
from partsjournal.flow.engine import GoBack, Paused, check_value
from partsjournal.flow.exercises import Step

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
        self.counters: list[str] = []  # the step counter as shown: "3 of 14", "3 of about 14"
        self.offered: list[tuple[str, str]] = []  # (step id, earlier answer offered to edit)

    def ask(
        self,
        step: Step,
        text: str,
        number: int,
        total: int,
        typed: str = "",
        *,
        about: bool = False,
    ) -> AnswerValue:
        self.asked.append(step.id)
        self.texts.append(text)
        self.counters.append(f"{number} of {'about ' if about else ''}{total}")
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

    def confirm(self, question: str, *, default: bool | None = True) -> bool:
        return bool(self._reply(question))

    def select(self, question: str, choices: list[str]) -> str:
        reply = self._reply(question)
        assert reply in choices, f"{reply!r} is not among {choices}"
        return str(reply)
