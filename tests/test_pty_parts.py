"""Naming a part you have met before by a close spelling, in a real terminal."""

from __future__ import annotations

from pathlib import Path

import pexpect

from partsjournal.core import entry, parts
from tests.pty_helpers import (
    ENTER,
    answer_long,
    answer_scale,
    answer_text,
    choose,
    press_on,
    spawn,
)


def test_protector_offers_the_known_part_for_a_close_spelling(home: Path) -> None:
    parts.create("The Critic")
    parts.create("Busy Bee")
    child = spawn(home, "exercise", "protector")
    press_on(child, "Find a place")
    press_on(child, "three slow breaths")
    child.expect_exact("Yes or no?")
    child.send("n")
    answer_long(child, "What is the situation", "Sunday evening emails")
    answer_scale(child, "how stirred up", 6)
    child.expect_exact("The part's name")
    child.send("the critc" + ENTER)  # a typo: offered, not taken
    child.expect_exact("Did you mean The Critic?")
    child.send("y")
    answer_text(child, "Invite The Critic", "")  # the known name is used from here on
    answer_text(child, "in your body", "shoulders")
    choose(child, "how do you feel toward it", 0)
    answer_long(child, "What is your job here", "Keeping me safe.")
    answer_long(child, "How do you feel about this situation", "Tired.")
    answer_long(child, "afraid would happen", "That I get sacked.")
    answer_long(child, "strengths", "Thorough.")
    answer_long(child, "What do you need from me", "A day off.")
    press_on(child, "thank The Critic")
    answer_long(child, "what did you learn", "It is exhausted.")
    answer_scale(child, "Thinking of the same situation now", 4)
    choose(child, "What would you like to do with this next", 0)
    press_on(child, "one more slow breath")
    child.expect_exact("Saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    (saved,) = entry.load_range()
    assert [(p.id, p.name) for p in saved.parts] == [("the-critic", "The Critic")]
    assert [p.name for p in parts.load_all()] == ["Busy Bee", "The Critic"]
    critic = parts.get("the-critic")
    assert critic is not None
    assert critic.needs == "A day off." and critic.body == "shoulders"
    assert critic.last_met == saved.day


def test_saying_no_to_the_suggestion_meets_a_new_part(home: Path) -> None:
    parts.create("The Critic")
    child = spawn(home, "exercise", "self-check")
    press_on(child, "Let yourself land")
    for question in (
        "calm",
        "curious",
        "warmth",
        "trust",
        "willing",
        "clearly",
        "open",
        "connected",
    ):
        answer_scale(child, question, 5)
    child.expect_exact("Is there a part close by")
    child.send("y")
    child.expect_exact("The part's name")
    child.send("critical kid" + ENTER)
    child.expect_exact("Did you mean The Critic?")
    child.send("n")
    answer_scale(child, "How much room does critical kid leave", 8)
    answer_long(child, "anything you want to remember", "")
    press_on(child, "Noticing, without judging")
    child.expect_exact("Saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert sorted(p.name for p in parts.load_all()) == ["The Critic", "critical kid"]
    (saved,) = entry.load_range()
    assert saved.by_role("self:calm")[0].value == 5
    assert saved.answer("room_after") is None
