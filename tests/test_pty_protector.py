"""The whole protector dialogue typed as a person types, in a real terminal (the slow stage)
and in process (the quick line): full words, Enter after each answer (and Enter on the empty
line after a long one). The saved entry holds exactly what was typed, answer for answer."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pexpect
import pytest

from partsjournal.flow import exercises, kinds
from tests.conftest import Cli, entry_files
from tests.keys import Typing, shown_in_order
from tests.pty_helpers import ENTER, FINISH_LONG, spawn

# (step, what is typed): words for text, yes/no and numbers, a choice by its number, None
# for a page to read (Enter goes on), "" for an optional question left out (Enter alone)
TYPED: list[tuple[str, str | None]] = [
    ("arrive", None),
    ("breathe", None),
    ("self_check", "no"),
    ("situation", 'My sister\'s "birthday" dinner\nand the toast 🌱 \\ afterwards'),
    ("activation_before", "7"),  # below 8: no grounding offer (see test_care_dialogue)
    ("name_part", "The Critic"),
    ("focus", None),
    ("willing", "yes"),
    ("image", "a grey owl"),
    ("body", ""),
    ("feel_toward", "4"),  # irritated, critical or angry
    ("unblend", None),
    ("unblend_check", "1"),  # more open: curious, calm or warm
    ("purpose", "To keep me from being hurt."),
    ("hopes", ""),
    ("feelings", "Worried."),
    ("strengths", "Loyal."),
    ("fears", "They would laugh."),
    ("stirred_now", ""),  # the optional check in the middle: not an answer, left out
    ("tender", "No"),
    ("protects_someone", "NO"),
    ("needs", "Patience."),
    ("heard", "You keep watch so I am not laughed at."),
    ("thanks", None),
    ("feel_toward_end", "2"),  # warm or compassionate
    ("reflection", "It is young."),
    ("activation_after", "5"),
    ("next_step", "2"),  # bring it to my therapist
    ("closing", None),
]
MIDWAY = "How stirred up are you now?"


@pytest.mark.slow  # a real program in a real terminal; typed in process below
def test_protector_typed_as_a_person_types_saves_exactly_what_was_typed(home: Path) -> None:
    protector = exercises.get("protector")
    child = spawn(home, "exercise", "protector")
    child.expect_exact("Meeting a protector part")
    for step_id, typed in TYPED:
        step = protector.step(step_id)
        if step is None:  # the check in the middle, asked by the care that looks after you
            child.expect_exact(MIDWAY)
            child.expect_exact("A number from 0 to 10")
            child.send(ENTER)
            continue
        child.expect_exact(kinds.of(step.kind).question(step, "").label)
        if typed is None:
            child.send(ENTER)
        elif step.kind == "long_text":
            child.send(typed.replace("\n", ENTER) + FINISH_LONG)
        else:
            child.send(typed + ENTER)
    child.expect_exact("Saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    assert saved_as_typed(home) == expected_as_typed(protector)


def test_protector_typed_in_process_saves_exactly_what_was_typed(
    cli: Cli, home: Path, terminal: Typing
) -> None:
    """The same dialogue, the same keys, typed into the real prompts in process."""
    protector = exercises.get("protector")
    keys = []
    for step_id, typed in TYPED:
        step = protector.step(step_id)
        if typed is None or step is None:  # a page, or the check in the middle left out
            keys.append(ENTER)
        elif step.kind == "long_text":
            keys.append(typed.replace("\n", ENTER) + FINISH_LONG)
        else:
            keys.append(typed + ENTER)
    with terminal.typing(*keys):
        result = cli("exercise", "protector")
    assert result.exit_code == 0, result.output
    shown_in_order(result.stdout, "Meeting a protector part", MIDWAY, "Saved.")
    assert saved_as_typed(home) == expected_as_typed(protector)


def saved_as_typed(home: Path) -> dict[str, object]:
    [file] = entry_files(home)
    return {a["step"]: a["value"] for a in tomllib.loads(file.read_text("utf-8"))["answers"]}


def expected_as_typed(protector: exercises.Exercise) -> dict[str, object]:
    """What each answer of :data:`TYPED` is saved as, checked against a few by hand."""
    expected: dict[str, object] = {}
    for step_id, typed in TYPED:
        step = protector.step(step_id)
        if step is None or typed is None:
            continue
        if step.kind == "choice" and typed:
            expected[step_id] = (step.choices or [])[int(typed) - 1]
        elif step.kind in {"text", "long_text", "part"}:
            expected[step_id] = typed  # the text exactly as typed
        else:
            expected[step_id] = kinds.of(step.kind).check(step, typed)
    assert expected["willing"] is True and expected["tender"] is False and expected["body"] == ""
    assert expected["feel_toward"] == "irritated, critical or angry"
    assert expected["unblend_check"] == "more open: curious, calm or warm"
    assert expected["next_step"] == "bring it to my therapist"
    assert expected["self_check"] is False
    return expected
