"""Naming a part you have met before by a close spelling, in a real terminal."""

from __future__ import annotations

from pathlib import Path

from partsjournal.core import entry, parts
from tests.pty_helpers import (
    ENTER,
    Tiny,
    answer_long,
    answer_text,
    choose,
    finish_tiny,
    spawn,
    walk_tiny_to_part,
    write_tiny,
)


def test_a_close_spelling_offers_the_known_part(home: Path) -> None:
    parts.create("The Critic")
    parts.create("Busy Bee")
    child = spawn(home, "exercise", write_tiny(home))
    walk_tiny_to_part(child, "Sunday evening emails", 6)
    child.expect_exact(Tiny.PART)
    child.expect_exact("The part's name")
    child.send("the critc" + ENTER)  # a typo: offered, not taken
    child.expect_exact("Did you mean The Critic?")
    child.send("y")
    answer_text(child, f"{Tiny.BODY} The Critic?", "shoulders")  # the known name from here on
    choose(child, f"{Tiny.FEEL} The Critic?", 0)
    answer_long(child, f"{Tiny.NEEDS} The Critic?", "A day off.")
    finish_tiny(child)

    (saved,) = entry.load_range()
    assert [(p.id, p.name) for p in saved.parts] == [("the-critic", "The Critic")]
    assert [p.name for p in parts.load_all()] == ["Busy Bee", "The Critic"]
    critic = parts.get("the-critic")
    assert critic is not None
    assert critic.needs == "A day off." and critic.body == "shoulders"
    assert critic.last_met == saved.day


def test_saying_no_to_the_suggestion_meets_a_new_part(home: Path) -> None:
    parts.create("The Critic")
    child = spawn(home, "exercise", write_tiny(home))
    walk_tiny_to_part(child, "A loud kitchen", 5)
    child.expect_exact(Tiny.PART)
    child.expect_exact("The part's name")
    child.send("critical kid" + ENTER)  # the known name inside the new one: offered
    child.expect_exact("Did you mean The Critic?")
    child.send("n")
    answer_text(child, f"{Tiny.BODY} critical kid?", "belly")  # the typed name is kept
    choose(child, f"{Tiny.FEEL} critical kid?", 0)
    answer_long(child, f"{Tiny.NEEDS} critical kid?", "")  # optional: left empty
    finish_tiny(child)

    assert sorted(p.name for p in parts.load_all()) == ["The Critic", "critical kid"]
    (saved,) = entry.load_range()
    assert [p.name for p in saved.parts] == ["critical kid"]
    needs = saved.answer("needs")
    assert needs is not None and needs.value == ""  # an optional answer left empty is stored
    kid, critic = parts.get("critical-kid"), parts.get("the-critic")
    assert kid is not None and kid.body == "belly"
    assert critic is not None and critic.body == ""  # the known part learned nothing
