"""However the terminal goes away, the half-typed answer is kept in the draft.

Closing the window (SIGHUP), SIGTERM and the pseudo-terminal closing under the program
are handled like Ctrl-C: the draft is saved with the pending text, then the program ends
(129 and 143 for the two signals). Ctrl-D at a list pauses like Ctrl-C, and stopping at
"Did you mean ...?" keeps the name just typed. Each test drives the tiny exercise.

The signals and the closing terminal are a real program in a pseudo-terminal, raced by a
real signal: slow by nature, they run in the slow stage (``-m slow``). The quick line
keeps the same rules in process: a signal landing inside a prompt
(``test_prompt_signals``), a terminal failing under a prompt, a hang-up while a pause is
saved and the exit codes (``test_drafts``). The two keys at the end are typed in process.
"""

from __future__ import annotations

import os
import signal
import tomllib
from pathlib import Path
from typing import Any

import pexpect
import pytest

from partsjournal.core import parts
from tests.conftest import Cli, entry_files
from tests.keys import CTRL_C, CTRL_D, Typing, line, lines, shown_in_order
from tests.pty_helpers import (
    ENTER,
    Tiny,
    answer_part,
    answer_text,
    choose,
    draft_files,
    spawn,
    walk_tiny_to_part,
    write_tiny,
)

HALF = "To be asked, not to be"


def draft_of(home: Path) -> dict[str, Any]:
    [draft] = draft_files(home)
    return tomllib.loads(draft.read_text(encoding="utf-8"))


def typing_the_needs(home: Path) -> pexpect.spawn:
    """Up to the last question, with half an answer typed into it and not finished."""
    child = spawn(home, "exercise", write_tiny(home))
    walk_tiny_to_part(child, "The Monday meeting", 5)
    answer_part(child, Tiny.PART, "The Planner")
    answer_text(child, f"{Tiny.BODY} The Planner?", "shoulders")
    child.expect_exact(f"{Tiny.FEEL} The Planner?")
    child.expect_exact("Choose one")
    child.send("1" + ENTER)
    child.expect_exact(f"{Tiny.NEEDS} The Planner?")
    child.expect_exact("Enter on an empty line finishes")
    child.send(HALF)
    child.expect_exact(HALF)  # on the screen, so in the answer's buffer
    return child


@pytest.mark.slow  # a real terminal and a real signal
@pytest.mark.parametrize(("sig", "code"), [(signal.SIGHUP, 129), (signal.SIGTERM, 143)])
def test_a_signal_mid_answer_keeps_the_half_typed_text(
    home: Path, cli: Cli, tmp_path: Path, sig: int, code: int
) -> None:
    child = typing_the_needs(home)
    child.kill(sig)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == code
    draft = draft_of(home)
    assert draft["pending"] == {"needs": HALF}
    assert {a["step"]: a["value"] for a in draft["answers"]}["feel"] == Tiny.FEELINGS[0]
    assert entry_files(home) == []

    # resumed from a file that leaves the step out: the half-typed text is the answer
    nothing = tmp_path / "nothing.toml"
    nothing.write_text("# the rest as it was\n", encoding="utf-8")
    result = cli("resume", "1", "--answers", str(nothing))
    assert result.exit_code == 0, result.stderr
    [entry] = entry_files(home)
    saved = tomllib.loads(entry.read_text(encoding="utf-8"))
    assert {a["step"]: a["value"] for a in saved["answers"]}["needs"] == HALF
    assert draft_files(home) == []


@pytest.mark.slow  # a real terminal and a real signal
def test_closing_the_terminal_mid_exercise_keeps_the_answers(
    home: Path, cli: Cli, terminal: Typing
) -> None:
    child = spawn(home, "exercise", write_tiny(home))
    walk_tiny_to_part(child, "The Monday meeting", 5)
    answer_part(child, Tiny.PART, "The Planner")
    answer_text(child, f"{Tiny.BODY} The Planner?", "shoulders")
    choose(child, f"{Tiny.FEEL} The Planner?", 1)
    child.expect_exact(f"{Tiny.NEEDS} The Planner?")
    child.expect_exact("Enter on an empty line finishes")
    child.kill(signal.SIGHUP)  # what closing the terminal window does
    child.expect(pexpect.EOF)
    child.close()
    assert child.signalstatus == signal.SIGHUP or child.exitstatus != 0
    answers = {a["step"]: a["value"] for a in draft_of(home)["answers"]}
    assert answers["feel"] == "tired of it"  # the last answer before the hang-up
    assert entry_files(home) == []

    with terminal.typing(lines("Planning ahead."), ENTER):
        result = cli("resume", "1")
    assert "Welcome back" in result.stdout and "Saved." in result.stdout
    [entry] = entry_files(home)
    got = {a["step"]: a["value"] for a in tomllib.loads(entry.read_text("utf-8"))["answers"]}
    assert got["situation"] == "The Monday meeting" and got["body"] == "shoulders"
    assert got["needs"] == "Planning ahead."
    assert draft_files(home) == []


@pytest.mark.slow  # a real terminal and a real signal
def test_the_terminal_closing_mid_answer_keeps_the_half_typed_text(home: Path) -> None:
    child = typing_the_needs(home)
    os.close(child.child_fd)  # the terminal goes away under the program
    _, status = os.waitpid(child.pid, 0)
    assert os.WIFEXITED(status) or os.WTERMSIG(status) != signal.SIGKILL
    assert draft_of(home)["pending"] == {"needs": HALF}
    assert entry_files(home) == []


def test_ctrl_d_at_a_choice_list_pauses(home: Path, cli: Cli, terminal: Typing) -> None:
    keys = [ENTER, lines("The Monday meeting"), line("5"), line("The Planner"), line("shoulders")]
    with terminal.typing(*keys, CTRL_D):
        result = cli("exercise", write_tiny(home))
    shown_in_order(result.stdout, f"{Tiny.FEEL} The Planner?", "Choose one", "Paused.")
    assert result.exit_code == 0
    answers = {a["step"]: a["value"] for a in draft_of(home)["answers"]}
    assert answers["body"] == "shoulders" and "feel" not in answers


def test_ctrl_c_at_did_you_mean_keeps_the_name_typed(
    home: Path, cli: Cli, terminal: Typing
) -> None:
    parts.create("The Critic")
    with terminal.typing(ENTER, lines("The Monday meeting"), line("5"), line("the critc"), CTRL_C):
        result = cli("exercise", write_tiny(home))
    shown_in_order(
        result.stdout, Tiny.PART, "The part's name", "Did you mean The Critic?", "Paused."
    )
    assert result.exit_code == 0
    assert draft_of(home)["pending"] == {"name_part": "the critc"}
