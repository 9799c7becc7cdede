"""Pausing, closing the terminal, resuming, and the grounding offer, in a real terminal.

Each test drives the tiny exercise from ``pty_helpers`` (and, where grounding is offered, the
tiny stand-in for ``grounding``), so only these behaviours, not shipped wording, are tested.
"""

from __future__ import annotations

import signal
import tomllib
from datetime import timedelta
from pathlib import Path
from typing import Any

import pexpect

from partsjournal.core.answers import AnswerValue
from partsjournal.flow import exercises, runner
from partsjournal.flow.engine import Paused, Run, check_value
from partsjournal.flow.exercises import Step
from tests.askers import FakeAsker
from tests.conftest import Cli, entry_files
from tests.helpers import WHEN, answers_of
from tests.pty_helpers import (
    ENTER,
    FINISH_LONG,
    Tiny,
    answer_long,
    answer_part,
    answer_text,
    choose,
    draft_files,
    finish_tiny,
    ground_tiny,
    pick,
    spawn,
    transcript,
    walk_tiny_to_part,
    write_tiny,
    write_tiny_grounding,
)

SITUATION = 'The "big" review \\ on Friday 🌧\nand the email after'


def start_tiny(child: pexpect.spawn, rating: int = 6) -> None:
    """Answer the tiny exercise up to and including the feel-toward choice."""
    walk_tiny_to_part(child, SITUATION, rating)
    answer_part(child, Tiny.PART, "The Planner")
    answer_text(child, f"{Tiny.BODY} The Planner?", "shoulders")
    choose(child, f"{Tiny.FEEL} The Planner?", 1)


def test_ctrl_c_in_the_middle_then_resume_keeps_every_answer(home: Path) -> None:
    child = spawn(home, "exercise", write_tiny(home))
    start_tiny(child)
    child.expect_exact(f"{Tiny.NEEDS} The Planner?")
    child.expect_exact("Esc then Enter")
    child.send("To keep every")
    child.sendcontrol("c")
    child.expect_exact("Paused.")
    child.expect_exact("partsjournal resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert entry_files(home) == []
    [draft] = draft_files(home)
    kept = answers_of(draft)
    assert kept["situation"] == SITUATION and kept["name_part"] == "The Planner"
    assert kept["feel"] == "tired of it"
    assert "needs" not in kept
    assert tomllib.loads(draft.read_text(encoding="utf-8"))["pending"] == {"needs": "To keep every"}

    child = spawn(home, "resume")
    child.expect_exact("Welcome back")
    child.expect_exact(f"{Tiny.NEEDS} The Planner?")
    child.expect_exact("Esc then Enter")
    child.send("thing in order.")  # the unfinished text is offered again, to go on from
    child.send(FINISH_LONG)
    finish_tiny(child)

    [entry] = entry_files(home)
    got = answers_of(entry)
    assert got["situation"] == SITUATION and got["activation"] == 6
    assert got["name_part"] == "The Planner" and got["body"] == "shoulders"
    assert got["feel"] == "tired of it"
    assert got["needs"] == "To keep everything in order."
    assert draft_files(home) == []


def test_closing_the_terminal_mid_exercise_keeps_the_answers(home: Path) -> None:
    child = spawn(home, "exercise", write_tiny(home))
    start_tiny(child)
    child.expect_exact(f"{Tiny.NEEDS} The Planner?")
    child.expect_exact("Esc then Enter")
    child.kill(signal.SIGHUP)  # what closing the terminal window does
    child.expect(pexpect.EOF)
    child.close()
    assert child.signalstatus == signal.SIGHUP or child.exitstatus != 0
    [draft] = draft_files(home)
    assert answers_of(draft)["feel"] == "tired of it"  # the last answer before the hang-up
    assert entry_files(home) == []

    child = spawn(home, "resume", "1")
    child.expect_exact("Welcome back")
    answer_long(child, f"{Tiny.NEEDS} The Planner?", "Planning ahead.")
    finish_tiny(child)
    got = answers_of(entry_files(home)[0])
    assert got["situation"] == SITUATION and got["body"] == "shoulders"
    assert got["needs"] == "Planning ahead."
    assert draft_files(home) == []


def test_rating_of_8_offers_grounding_then_returns_to_the_exercise(home: Path) -> None:
    write_tiny_grounding(home)
    child = spawn(home, "exercise", write_tiny(home))
    walk_tiny_to_part(child, "The call", 8)
    pick(child, "pause and ground yourself first?", 0)
    ground_tiny(child, distress=4)
    pick(child, "Go on, or stop here for today?", 0)  # calmer now: going on comes first
    child.expect_exact("go on from where you were")  # the tiny exercise has no shorter way
    child.expect_exact(Tiny.PART)  # back in the exercise, at the step after the rating
    child.expect_exact("The part's name")
    child.sendcontrol("c")
    child.expect_exact("Paused.")
    child.expect(pexpect.EOF)
    child.close()
    assert "crisis service" not in transcript(child)  # 8 offers grounding, not the card
    got = answers_of(draft_files(home)[0])
    assert got["activation"] == 8 and got["situation"] == "The call"
    assert "distress" not in got  # the grounding pause is not mixed into the exercise
    assert entry_files(home) == []


def test_not_safe_shows_the_card_with_the_configured_contact(home: Path, cli: Cli) -> None:
    assert cli("config", "contact", "add", "Robin", "text 555 0199").exit_code == 0
    child = spawn(home, "exercise", write_tiny(home))
    walk_tiny_to_part(child, "The letter", 9)
    pick(child, "pause and ground yourself first?", 1)  # not now
    child.expect_exact("Do you feel safe right now?")
    child.send("no" + ENTER)
    child.expect_exact("not a crisis service")
    child.expect_exact("Robin")
    child.expect_exact("text 555 0199")
    child.expect_exact("What is going on right now?")  # never "go on" to the part after a no
    child.expect_exact("Pause here")
    child.sendcontrol("d")
    child.expect_exact("Paused.")
    child.expect_exact("If it is still a lot right now:")  # a pause at 9: the people first
    child.expect_exact("Robin: text 555 0199")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert Tiny.PART not in transcript(child)
    assert answers_of(draft_files(home)[0])["activation"] == 9


def test_pause_choice_offers_grounding_and_keeps_the_draft(home: Path) -> None:
    write_tiny_grounding(home)
    child = spawn(home, "exercise", write_tiny(home))
    walk_tiny_to_part(child, "The visit", 5)
    answer_part(child, Tiny.PART, "The Guard")
    answer_text(child, f"{Tiny.BODY} The Guard?", "jaw")
    # past the feelings (and the line under them): "Pause here"
    choose(child, f"{Tiny.FEEL} The Guard?", len(Tiny.FEELINGS))
    child.expect_exact("Pause here")
    child.expect_exact("a few minutes of grounding")
    child.send("y")
    ground_tiny(child)
    child.expect_exact("go back to the exercise now?")
    child.send("n")
    child.expect_exact("Paused.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    [draft] = draft_files(home)
    got = answers_of(draft)
    assert got["name_part"] == "The Guard" and got["body"] == "jaw"
    assert "feel" not in got  # "Pause here" is not an answer
    assert "Pause here" not in draft.read_text(encoding="utf-8")
    assert "distress" not in got
    assert entry_files(home) == []


class PauseAt(FakeAsker):
    """Answers the tiny exercise in-process and pauses (as Ctrl-C would) at ``stop_at``."""

    def __init__(self, stop_at: str, part: str = "The Critic") -> None:
        super().__init__()
        self.stop_at = stop_at
        self.given: dict[str, AnswerValue] = {
            "situation": "A quiet morning",
            "activation": 3,
            "name_part": part,
            "body": "chest",
        }

    def ask(
        self, step: Step, text: str, number: int, total: int, typed: str = "", **_: Any
    ) -> AnswerValue:
        if step.id == self.stop_at:
            raise Paused(step=step.id)
        return check_value(step, self.given.get(step.id, True))


def test_resume_lets_you_choose_among_drafts_and_discard_asks_first(home: Path) -> None:
    tiny = exercises.get(write_tiny(home))
    for stop_at, when in (("feel", WHEN), ("situation", WHEN + timedelta(days=1))):
        paused = runner.walk_and_save(Run(exercise=tiny), PauseAt(stop_at), when)
        assert paused is None
    # 1: The Critic, paused at "feel"; 2: paused at "situation"
    assert len(draft_files(home)) == 2

    child = spawn(home, "resume")
    child.expect_exact("Paused exercises")
    child.expect_exact("Which one would you like to continue?")
    child.send("\x1b[B" + ENTER)  # the second one
    child.expect_exact("Welcome back")
    child.expect_exact(Tiny.SITUATION)
    child.expect_exact("Esc then Enter")
    child.sendcontrol("c")
    child.expect_exact("Paused.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0 and len(draft_files(home)) == 2

    child = spawn(home, "drafts", "discard", "1")
    child.expect_exact("This cannot be undone.")
    child.send("n")
    child.expect_exact("Kept. Nothing was discarded.")
    child.expect(pexpect.EOF)
    child.close()
    assert len(draft_files(home)) == 2

    child = spawn(home, "drafts", "discard", "1")
    child.expect_exact("This cannot be undone.")
    child.send("y")
    child.expect_exact("Discarded the draft")
    child.expect(pexpect.EOF)
    child.close()
    [left] = draft_files(home)
    assert "name_part" not in answers_of(left)  # the Critic draft was the one discarded
