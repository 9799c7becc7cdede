"""``partsjournal integrate --after`` in a real terminal, following up last time's practices."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta
from pathlib import Path

import pexpect

from tests.conftest import Cli, entry_files
from tests.pty_helpers import answer_long, answer_scale, answer_text, choose, press_on, spawn

FIRST = """
body_rating = 4
mind_rating = 5
emotion_rating = 3
spirit_rating = 6
balance_rating = 2
body_practice = "Walk after lunch"
balance_practice = "Leave work on time on Wednesday"
"""


def test_integrate_after_in_a_real_terminal(cli: Cli, home: Path, tmp_path: Path) -> None:
    answers = tmp_path / "first.toml"
    answers.write_text(FIRST, encoding="utf-8")
    # the terminal run is dated now, so the session and the first check-in are placed before it
    session_day = date.today() - timedelta(days=4)
    first_day = (session_day + timedelta(days=1)).isoformat()
    assert cli("session", "add", session_day.isoformat()).exit_code == 0
    first = cli("integrate", "--after", "--answers", str(answers), "--at", f"{first_day} 09:00")
    assert first.exit_code == 0, first.output

    child = spawn(home, "integrate", "--after")
    child.expect_exact("Integration check-in")
    press_on(child, "Let yourself land")
    press_on(child, "Integration is slow work")
    press_on(child, "you chose a few small practices")
    choose(child, 'you chose "Walk after lunch"', 1)  # partly
    answer_text(child, "Anything you would like to note", "It rained twice.")
    choose(child, 'you chose "Leave work on time on Wednesday"', 2)  # not yet
    answer_text(child, "Anything you would like to note", "")

    answer_scale(child, "Body: how is your body", 6)
    answer_long(child, "what have you noticed in your body", "Lighter in the chest.")
    answer_long(child, "how your body would like", "")
    answer_long(child, "what kind of rest", "Swimming.")
    answer_text(child, "for your body before your next", "Swim on Saturday")

    answer_scale(child, "Mind: how is your thinking", 7)
    answer_long(child, "keeps coming back to you", "I am allowed to rest.")
    answer_long(child, "turn into a habit", "")
    answer_long(child, "keep it alive", "")
    answer_text(child, "practice for your mind", "")

    answer_scale(child, "Emotions: how settled", 5)
    answer_long(child, "Which emotions have been around", "Grief, softer than before.")
    answer_long(child, "How could you look after them", "")
    answer_long(child, "something old has flared up", "")
    answer_text(child, "care for your feelings", "Call my sister")

    answer_scale(child, "Spirit: how connected", 8)
    answer_long(child, "touch anything about meaning", "")
    answer_long(child, "tend that side of your life", "")
    answer_long(child, "asking to be made", "")
    answer_text(child, "practice for your spirit", "")

    answer_scale(child, "Work and play: how balanced", 4)
    answer_long(child, "good balance of work and play", "")
    answer_long(child, "say no to", "Saying no to Saturday overtime.")
    answer_text(child, "small change to your week", "")
    press_on(child, "Thank yourself")
    child.expect_exact("Saved.")
    child.expect_exact("Body 4 → 6")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    newest = entry_files(home)[-1]
    data = tomllib.loads(newest.read_text(encoding="utf-8"))
    got = {a["step"]: a["value"] for a in data["answers"]}
    assert data["phase"] == "after" and data["session"] == f"{session_day}-ketamine"
    assert got["followup_body"] == "partly" and got["followup_body_note"] == "It rained twice."
    assert got["followup_balance"] == "not yet" and got["followup_balance_note"] == ""
    assert got["body_rating"] == 6 and got["balance_rating"] == 4
    assert got["body_after_noticed"] == "Lighter in the chest."
    assert got["balance_after_room"] == "Saying no to Saturday overtime."
    assert got["body_practice"] == "Swim on Saturday" and got["mind_practice"] == ""
    assert got["emotion_practice"] == "Call my sister"
    assert not any("_before_" in step for step in got)
