"""Naming a part typed as a person types (in process): "Did you mean ...?" has no default,
never offers a part across the exile/protector line, and after a no asks once whether to
start a new part with the name as typed or to type it again."""

from __future__ import annotations

from pathlib import Path

import pytest

from partsjournal import prompts
from partsjournal.core import entry, parts
from partsjournal.flow.engine import Paused
from partsjournal.flow.exercises import Step
from tests.conftest import Cli
from tests.keys import ENTER, Typing, line, lines, pick, shown_in_order
from tests.pty_helpers import Tiny, write_tiny

CTRL_U = "\x15"  # line editing: clear what is before the cursor


def tiny(cli: Cli, terminal: Typing, home: Path, *keys: str) -> str:
    """The tiny exercise with ``keys`` typed at its part question and after."""
    with terminal.typing(ENTER, lines("Sunday evening emails"), line("6"), *keys):
        result = cli("exercise", write_tiny(home))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_close_spelling_offers_the_known_part(cli: Cli, terminal: Typing, home: Path) -> None:
    parts.create("The Critic")
    parts.create("Busy Bee")
    keys = [line("the critc"), line("yes"), line("shoulders"), pick(1), lines("A day off."), ENTER]
    shown = tiny(cli, terminal, home, *keys)
    # a typo: offered, not taken; the known name from there on
    shown_in_order(shown, "Did you mean The Critic?", f"{Tiny.BODY} The Critic?", "Saved.")
    (saved,) = entry.load_range()
    assert [(p.id, p.name) for p in saved.parts] == [("the-critic", "The Critic")]
    assert [p.name for p in parts.load_all()] == ["Busy Bee", "The Critic"]
    critic = parts.get("the-critic")
    assert critic is not None
    assert critic.needs == "A day off." and critic.body == "shoulders"
    assert critic.last_met == saved.day


def test_saying_no_to_the_suggestion_then_a_new_part_keeps_the_name_typed(
    cli: Cli, terminal: Typing, home: Path
) -> None:
    parts.create("The Critic")
    # the known name inside the new one: offered; Enter alone is no answer; no; a new part
    keys = [line("critical kid"), ENTER, line("no"), pick(1), line("belly"), pick(1), ENTER, ENTER]
    shown = tiny(cli, terminal, home, *keys)
    shown_in_order(
        shown,
        "Did you mean The Critic?",
        "Start a new part called critical kid",
        f"{Tiny.BODY} critical kid?",
        "Saved.",
    )
    assert sorted(p.name for p in parts.load_all()) == ["The Critic", "critical kid"]
    (saved,) = entry.load_range()
    assert [p.name for p in saved.parts] == ["critical kid"]
    needs = saved.answer("needs")
    assert needs is not None and needs.value == ""  # an optional answer left empty is stored
    kid, critic = parts.get("critical-kid"), parts.get("the-critic")
    assert kid is not None and kid.body == "belly"
    assert critic is not None and critic.body == ""  # the known part learned nothing


def test_after_no_the_name_can_be_typed_again(cli: Cli, terminal: Typing, home: Path) -> None:
    parts.create("The Critic")
    keys = [line("the critc"), line("n"), pick(2), CTRL_U + line("Night Owl"), line("chest")]
    shown = tiny(cli, terminal, home, *keys, pick(1), ENTER, ENTER)
    # the name typed is offered again to edit (here cleared and typed anew)
    shown_in_order(shown, "Did you mean The Critic?", "Type the name again", "Night Owl?")
    assert sorted(p.name for p in parts.load_all()) == ["Night Owl", "The Critic"]


@pytest.mark.parametrize(
    ("role", "known_role", "offered"),
    [
        ("exile", "manager", False),  # a tender part is never filed under a protector
        ("exile", "firefighter", False),
        ("exile", "Protector", False),
        ("protected", "manager", False),
        ("exile", "exile", True),
        ("exile", "", True),  # a part with no role is on no side
        ("exile", "the worrier", True),  # nor one with a role in the person's own words
        ("part", "manager", True),
        ("part", "exile", True),
        ("session-part", "manager", True),
    ],
)
def test_did_you_mean_never_crosses_the_exile_protector_line(
    terminal: Typing, home: Path, role: str, known_role: str, offered: bool
) -> None:
    boss = parts.create("The Little Boss")
    parts.update(boss.id, lambda p: setattr(p, "role", known_role) or True)
    step = Step(id="who", kind="part", role=role, text="Who?")
    with terminal.typing(line("the little bos"), line("yes")):
        got = prompts.InteractiveAsker().ask(step, "Who?", 1, 0)
    assert got == ("The Little Boss" if offered else "the little bos")


def test_did_you_mean_has_no_default(terminal: Typing, home: Path) -> None:
    parts.create("The Critic")
    step = Step(id="who", kind="part", role="part", text="Who?")
    with terminal.typing(line("the critc"), ENTER, ENTER), pytest.raises(Paused) as paused:
        prompts.InteractiveAsker().ask(step, "Who?", 1, 0)
    assert (paused.value.step, paused.value.partial) == ("who", "the critc")


def test_typing_the_name_again_starts_from_the_name_as_typed(terminal: Typing, home: Path) -> None:
    parts.create("The Critic")
    step = Step(id="who", kind="part", role="part", text="Who?")
    keys = [line("the critc"), line("no"), pick(2), " jr" + ENTER]
    with terminal.typing(*keys), pytest.raises(Paused) as paused:
        prompts.InteractiveAsker().ask(step, "Who?", 1, 0)
    assert paused.value.partial == "the critc jr"  # " jr" added to the name offered again
