"""Answering an exercise from an ``--answers`` file: reading the file, and the asker
that answers each step from it (no terminal, so it never asks anything else)."""

from __future__ import annotations

import sys
from typing import Any

from partsjournal.core import messages as msg
from partsjournal.core import store
from partsjournal.core.answers import AnswerValue
from partsjournal.core.errors import UsageError
from partsjournal.flow import kinds
from partsjournal.flow.engine import check_value
from partsjournal.flow.exercises import Exercise, Step

# An answers file holds one exercise's answers; anything bigger (/dev/zero, a disk image)
# is a mistake, and reading it whole would never end or fill the memory.
ANSWERS_LIMIT = 64 * 2**20


class _TooLong(Exception):
    pass


def _read_bounded(source: str) -> str:
    """The answers file (``-`` is standard input) as text, refusing more than the limit."""
    if source == "-":
        raw = sys.stdin.buffer.read(ANSWERS_LIMIT + 1)
    else:
        with open(source, "rb") as f:
            raw = f.read(ANSWERS_LIMIT + 1)
    if len(raw) > ANSWERS_LIMIT:
        raise _TooLong
    return raw.decode("utf-8")


def read_answers_file(source: str, exercise: Exercise) -> dict[str, Any]:
    """Read ``--answers`` (a path, or ``-`` for stdin) as a TOML table of step id -> answer."""
    where = msg.STANDARD_INPUT if source == "-" else source
    try:
        text = _read_bounded(source)
        data = store.loads_toml(text)
    except FileNotFoundError:
        raise UsageError(msg.ANSWERS_FILE_MISSING.format(where=where)) from None
    except _TooLong:
        limit = ANSWERS_LIMIT // 2**20
        raise UsageError(msg.ANSWERS_FILE_TOO_BIG.format(where=where, mib=limit)) from None
    except IsADirectoryError:
        raise UsageError(msg.ANSWERS_FILE_FOLDER.format(where=where)) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or msg.NOT_UTF8
        raise UsageError(msg.ANSWERS_FILE_UNREADABLE.format(where=where, reason=reason)) from None
    except store.TOMLError as exc:
        raise UsageError(msg.ANSWERS_FILE_INVALID.format(where=where, reason=exc.reason)) from None
    known = {s.id for s in exercise.steps}
    unknown = sorted(set(data) - known)
    if unknown:
        raise UsageError(
            msg.ANSWERS_NO_SUCH_STEP.format(
                step=unknown[0], name=exercise.name, steps=", ".join(s.id for s in exercise.steps)
            )
        )
    for step_id, value in data.items():
        step = exercise.step(step_id)
        assert step is not None
        try:
            check_value(step, value)
        except ValueError as exc:
            raise UsageError(
                msg.ANSWERS_STEP_INVALID.format(step=step_id, where=where, reason=exc)
            ) from None
    return data


class ScriptedAsker:
    """Answers from a table; a missing answer to a required question is an error.

    Nobody is there to be offered anything, so the flow never asks it to confirm
    or choose; if it did, that would be a bug, and it says so instead of guessing.
    """

    interactive = False

    def __init__(self, answers: dict[str, Any], exercise: Exercise) -> None:
        self.answers = answers
        self.exercise = exercise

    def ask(
        self,
        step: Step,
        text: str,
        number: int,
        total: int,
        typed: str = "",
    ) -> AnswerValue:
        kind = kinds.of(step.kind)
        if step.id in self.answers:
            return check_value(step, self.answers[step.id])
        if not kind.asks:
            return kind.check(step, True)
        if typed.strip():
            # started before a pause (or being changed after going back) and left out of
            # the file: the earlier answer is kept, never replaced by ""
            try:
                return check_value(step, typed)
            except ValueError:
                pass
        if step.optional:
            return kind.skipped(step)  # left out of the file, as Enter alone in a terminal
        raise UsageError(
            msg.ANSWERS_STEP_MISSING.format(
                step=step.id, name=self.exercise.name, example=kind.example(step)
            )
        )

    def confirm(self, question: str, *, default: bool | None = None) -> bool:
        raise UsageError(msg.NEEDS_TERMINAL_TO_ANSWER.format(question=question))

    def select(self, question: str, choices: list[str]) -> str:
        raise UsageError(msg.NEEDS_TERMINAL_TO_ANSWER.format(question=question))
