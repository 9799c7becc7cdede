"""The protector dialogue in a real terminal, read back from the saved TOML."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pexpect

from tests.conftest import entry_files
from tests.pty_helpers import (
    ENTER,
    answer_long,
    answer_scale,
    answer_text,
    choose,
    press_on,
    skip_self_check,
    spawn,
)

SITUATION = 'My sister\'s "birthday" dinner\nand the toast 🌱 \\ afterwards'


def test_protector_in_a_real_terminal(home: Path) -> None:
    child = spawn(home, "exercise", "protector")
    child.expect_exact("Meeting a protector part")
    press_on(child, "Find a place")
    press_on(child, "three slow breaths")
    skip_self_check(child)
    answer_long(child, "step 4 of", SITUATION)
    answer_scale(child, "how stirred up", 7)  # below 8: no grounding offer (see test_pty_care)
    child.expect_exact("Which part of me")
    child.expect_exact("The part's name")
    child.send("The Critic" + ENTER)
    press_on(child, "Let your attention rest on The Critic")
    child.expect_exact("willing to talk with me today")
    child.expect_exact("Yes or no?")
    child.send("y")
    answer_text(child, "Invite The Critic", "a grey owl")
    answer_text(child, "in your body", "")
    choose(child, "how do you feel toward it", 3)  # irritated, critical or angry
    press_on(child, "step back a little")
    choose(child, "how do you feel toward The Critic now", 0)  # more open
    answer_long(child, "What is your job here", "To keep me from being hurt.")
    answer_long(child, "What are you hoping for", "")
    answer_long(child, "How do you feel about this situation", "Worried.")
    answer_long(child, "strengths", "Loyal.")
    answer_long(child, "afraid would happen", "They would laugh.")
    child.expect_exact("How stirred up are you now?")  # the optional check in the middle
    child.expect_exact("Enter to skip")
    child.send(ENTER)
    child.expect_exact("younger, hurt or frightened")
    child.expect_exact("Yes or no?")
    child.send("n")
    child.expect_exact("that you are protecting")
    child.expect_exact("Yes or no?")
    child.send("n")
    answer_long(child, "What do you need from me", "Patience.")
    answer_long(child, "Did I understand you", "You keep watch so I am not laughed at.")
    press_on(child, "thank The Critic")
    choose(child, "at the close", 1)  # warm or compassionate
    answer_long(child, "what did you learn", "It is young.")
    answer_scale(child, "Thinking of the same situation now", 5)
    choose(child, "What would you like to do with this next", 1)
    press_on(child, "one more slow breath")
    child.expect_exact("Saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    files = entry_files(home)
    assert len(files) == 1
    data = tomllib.loads(files[0].read_text(encoding="utf-8"))
    got = {a["step"]: a["value"] for a in data["answers"]}
    assert got["situation"] == SITUATION
    assert got["activation_before"] == 7 and got["activation_after"] == 5
    assert got["name_part"] == "The Critic"
    assert got["image"] == "a grey owl" and got["body"] == ""
    assert got["feel_toward"] == "irritated, critical or angry"
    assert got["unblend_check"] == "more open: curious, calm or warm"
    assert got["needs"] == "Patience."
    assert got["next_step"] == "bring it to my therapist"
    assert "unblend_turn" not in got and got["hopes"] == ""
    assert got["willing"] is True and got["feel_toward_end"] == "warm or compassionate"
    assert got["self_check"] is False
    assert not any(step.startswith("self_") and step != "self_check" for step in got)
