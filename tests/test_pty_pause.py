"""Pausing, closing the terminal, resuming, and the grounding offer, in a real terminal."""

from __future__ import annotations

import signal
import tomllib
from pathlib import Path

import pexpect

from tests.conftest import Cli, entry_files
from tests.pty_helpers import (
    ENTER,
    FINISH_LONG,
    answer_long,
    answer_scale,
    answer_text,
    choose,
    draft_files,
    press_on,
    skip_self_check,
    spawn,
)

SITUATION = 'The "big" review \\ on Friday 🌧\nand the email after'


def start_protector(child: pexpect.spawn, activation: int = 6) -> None:
    """Answer the protector exercise up to and including the feel-toward choice."""
    child.expect_exact("Meeting a protector part")
    press_on(child, "Find a place")
    press_on(child, "three slow breaths")
    skip_self_check(child)
    answer_long(child, "step 4 of", SITUATION)
    answer_scale(child, "how stirred up", activation)
    if activation >= 8:
        child.expect_exact("pause and ground yourself first?")
        child.send("n")
    child.expect_exact("The part's name")
    child.send("The Planner" + ENTER)
    answer_text(child, "Invite The Planner", "a clipboard")
    answer_text(child, "in your body", "shoulders")
    choose(child, "how do you feel toward it", 0)


def finish_protector(child: pexpect.spawn) -> None:
    answer_long(child, "How do you feel about this situation", "Busy.")
    answer_long(child, "afraid would happen", "Chaos.")
    answer_long(child, "strengths", "Foresight.")
    answer_long(child, "What do you need from me", "Trust.")
    press_on(child, "thank The Planner")
    answer_long(child, "what did you learn", "It is tired.")
    answer_scale(child, "Thinking of the same situation now", 3)
    choose(child, "What would you like to do with this next", 3)
    press_on(child, "one more slow breath")
    child.expect_exact("Saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def answers_of(path: Path) -> dict[str, object]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {a["step"]: a["value"] for a in data["answers"]}


def test_ctrl_c_in_the_middle_then_resume_keeps_every_answer(home: Path) -> None:
    child = spawn(home, "exercise", "protector")
    start_protector(child)
    child.expect_exact("What is your job here")
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
    assert "purpose" not in kept
    assert tomllib.loads(draft.read_text(encoding="utf-8"))["pending"] == {
        "purpose": "To keep every"
    }

    child = spawn(home, "resume")
    child.expect_exact("Welcome back")
    child.expect_exact("What is your job here")
    child.expect_exact("Esc then Enter")
    child.send("thing in order.")  # the unfinished text is offered again, to go on from
    child.send(FINISH_LONG)
    finish_protector(child)

    [entry] = entry_files(home)
    got = answers_of(entry)
    assert got["situation"] == SITUATION
    assert got["activation_before"] == 6 and got["activation_after"] == 3
    assert got["name_part"] == "The Planner"
    assert got["image"] == "a clipboard" and got["body"] == "shoulders"
    assert got["feel_toward"] == "curious"
    assert got["purpose"] == "To keep everything in order."
    assert got["next_step"] == "rest for now and come back later"
    assert draft_files(home) == []


def test_closing_the_terminal_mid_exercise_keeps_the_answers(home: Path, cli: Cli) -> None:
    child = spawn(home, "exercise", "protector")
    start_protector(child)
    child.expect_exact("What is your job here")
    child.expect_exact("Esc then Enter")
    child.kill(signal.SIGHUP)  # what closing the terminal window does
    child.expect(pexpect.EOF)
    child.close()
    assert child.signalstatus == signal.SIGHUP or child.exitstatus != 0
    [draft] = draft_files(home)
    assert answers_of(draft)["body"] == "shoulders"

    child = spawn(home, "resume", "1")
    child.expect_exact("Welcome back")
    answer_long(child, "What is your job here", "Planning ahead.")
    finish_protector(child)
    got = answers_of(entry_files(home)[0])
    assert got["situation"] == SITUATION and got["image"] == "a clipboard"
    assert got["purpose"] == "Planning ahead."
    assert draft_files(home) == []


def test_rating_of_8_offers_grounding_then_returns_to_the_exercise(home: Path) -> None:
    child = spawn(home, "exercise", "protector")
    child.expect_exact("Meeting a protector part")
    press_on(child, "Find a place")
    press_on(child, "three slow breaths")
    skip_self_check(child)
    answer_long(child, "step 4 of", "The call")
    answer_scale(child, "how stirred up", 8)
    child.expect_exact("pause and ground yourself first?")
    child.send("y")
    press_on(child, "feet flat on the floor")
    press_on(child, "count to four")
    press_on(child, "five things you can see")
    press_on(child, "four things you can hear")
    press_on(child, "three things you can feel")
    answer_scale(child, "How much distress", 4)
    child.expect_exact("Do you feel safe right now?")
    child.send("y")
    press_on(child, "Thank yourself")
    child.expect_exact("Welcome back.")
    child.expect_exact("Which part of me")
    child.expect_exact("The part's name")
    child.sendcontrol("c")
    child.expect_exact("Paused.")
    child.expect(pexpect.EOF)
    child.close()
    assert "crisis service" not in (child.before or "")
    got = answers_of(draft_files(home)[0])
    assert got["activation_before"] == 8 and got["situation"] == "The call"
    assert "distress" not in got  # the grounding pause is not mixed into the exercise
    assert entry_files(home) == []


def test_rating_of_9_shows_the_card_with_the_configured_contact(home: Path, cli: Cli) -> None:
    assert cli("config", "contact", "add", "Robin", "text 555 0199").exit_code == 0
    child = spawn(home, "exercise", "protector")
    child.expect_exact("Meeting a protector part")
    press_on(child, "Find a place")
    press_on(child, "three slow breaths")
    skip_self_check(child)
    answer_long(child, "step 4 of", "The letter")
    answer_scale(child, "how stirred up", 9)
    child.expect_exact("not a crisis service")
    child.expect_exact("Robin")
    child.expect_exact("text 555 0199")
    child.expect_exact("pause and ground yourself first?")
    child.send("n")
    child.expect_exact("The part's name")
    child.sendcontrol("d")
    child.expect_exact("Paused.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_pause_choice_offers_grounding_and_keeps_the_draft(home: Path) -> None:
    child = spawn(home, "exercise", "protector")
    child.expect_exact("Meeting a protector part")
    press_on(child, "Find a place")
    press_on(child, "three slow breaths")
    skip_self_check(child)
    answer_long(child, "step 4 of", "The visit")
    answer_scale(child, "how stirred up", 5)
    child.expect_exact("The part's name")
    child.send("The Guard" + ENTER)
    answer_text(child, "Invite The Guard", "")
    answer_text(child, "in your body", "")
    choose(child, "how do you feel toward it", 7)  # past the seven feelings: "Pause here"
    child.expect_exact("Pause here")
    child.expect_exact("a few minutes of grounding")
    child.send("y")
    for text in ("feet flat", "count to four", "five things", "four things", "three things"):
        press_on(child, text)
    answer_scale(child, "How much distress", 2)
    child.expect_exact("Do you feel safe right now?")
    child.send("y")
    press_on(child, "Thank yourself")
    child.expect_exact("go back to the exercise now?")
    child.send("n")
    child.expect_exact("Paused.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    got = answers_of(draft_files(home)[0])
    assert got["name_part"] == "The Guard"
    assert "feel_toward" not in got  # "Pause here" is not an answer
    assert "Pause here" not in draft_files(home)[0].read_text(encoding="utf-8")


def test_resume_lets_you_choose_among_drafts_and_discard_asks_first(home: Path) -> None:
    from datetime import timedelta

    from partsjournal.flow import exercises, runner
    from partsjournal.flow.engine import Run
    from tests.test_drafts import WHEN, StopAfterAny, paused_protector

    paused_protector(home)  # 1: The Critic, paused at "purpose"
    protector = exercises.get("protector")
    runner.walk_and_save(
        Run(exercise=protector), StopAfterAny(), WHEN + timedelta(days=1)
    )  # 2: paused at "situation"
    assert len(draft_files(home)) == 2

    child = spawn(home, "resume")
    child.expect_exact("Paused exercises")
    child.expect_exact("Which one would you like to continue?")
    child.send("\x1b[B" + ENTER)  # the second one
    child.expect_exact("Welcome back")
    child.expect_exact("What is the situation?")
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
