"""Pausing, resuming, and the grounding offer, typed as a person types (in process).

Each test drives the tiny exercise from ``pty_helpers`` (and, where grounding is offered, the
tiny stand-in for ``grounding``), so only these behaviours, not shipped wording, are tested.
Closing the terminal is tested in a real one (``test_pty_signals.py``).
"""

from __future__ import annotations

import tomllib
from datetime import timedelta
from pathlib import Path
from typing import Any

from partsjournal.core.answers import AnswerValue
from partsjournal.flow import exercises, runner
from partsjournal.flow.engine import Paused, Run, check_value
from partsjournal.flow.exercises import Step
from tests.askers import FakeAsker
from tests.conftest import Cli, entry_files
from tests.helpers import WHEN, answers_of
from tests.keys import (
    CTRL_C,
    CTRL_D,
    DOWN,
    ENTER,
    Typing,
    ground_tiny,
    line,
    lines,
    pick,
    shown_in_order,
)
from tests.pty_helpers import Tiny, draft_files, write_tiny, write_tiny_grounding

SITUATION = 'The "big" review \\ on Friday 🌧\nand the email after'


def to_the_part(situation: str, rating: int) -> list[str]:
    """The tiny exercise from its start up to (not into) its part question."""
    return [ENTER, lines(situation), line(str(rating))]


def to_the_needs(rating: int = 6) -> list[str]:
    """The tiny exercise up to the last question, the feeling toward the part the second."""
    return [*to_the_part(SITUATION, rating), line("The Planner"), line("shoulders"), pick(2)]


def test_ctrl_c_in_the_middle_then_resume_keeps_every_answer(
    cli: Cli, terminal: Typing, home: Path
) -> None:
    with terminal.typing(*to_the_needs(), "To keep every", CTRL_C):
        result = cli("exercise", write_tiny(home))
    assert result.exit_code == 0, result.output
    shown_in_order(result.stdout, f"{Tiny.NEEDS} The Planner?", "Paused.", "partsjournal resume")
    assert entry_files(home) == []
    [draft] = draft_files(home)
    kept = answers_of(draft)
    assert kept["situation"] == SITUATION and kept["name_part"] == "The Planner"
    assert kept["feel"] == "tired of it"
    assert "needs" not in kept
    assert tomllib.loads(draft.read_text(encoding="utf-8"))["pending"] == {"needs": "To keep every"}

    # the unfinished text is offered again, to go on from
    with terminal.typing(lines("thing in order."), ENTER):
        result = cli("resume")
    assert result.exit_code == 0, result.output
    shown_in_order(result.stdout, "Welcome back", f"{Tiny.NEEDS} The Planner?", "Saved.")
    [entry] = entry_files(home)
    got = answers_of(entry)
    assert got["situation"] == SITUATION and got["activation"] == 6
    assert got["name_part"] == "The Planner" and got["body"] == "shoulders"
    assert got["feel"] == "tired of it"
    assert got["needs"] == "To keep everything in order."
    assert draft_files(home) == []


def test_rating_of_8_offers_grounding_then_returns_to_the_exercise(
    cli: Cli, terminal: Typing, home: Path
) -> None:
    write_tiny_grounding(home)
    keys = [*to_the_part("The call", 8), pick(1), ground_tiny(distress=4), pick(1), CTRL_C]
    with terminal.typing(*keys):  # calmer now: going on comes first
        result = cli("exercise", write_tiny(home))
    shown_in_order(
        result.stdout,
        "ground yourself first?",
        "Feel both feet",
        "Go on, or stop here for today?",
        "go on from where you were. Take your time",  # the tiny exercise has no shorter way
        Tiny.PART,  # back in the exercise, at the step after the rating
        "Paused.",
    )
    assert "crisis service" not in result.stdout  # 8 offers grounding, not the card
    got = answers_of(draft_files(home)[0])
    assert got["activation"] == 8 and got["situation"] == "The call"
    assert "distress" not in got  # the grounding pause is not mixed into the exercise
    assert entry_files(home) == []


def test_not_safe_shows_the_card_with_the_configured_contact(
    cli: Cli, terminal: Typing, home: Path
) -> None:
    assert cli("config", "contact", "add", "Robin", "text 555 0199").exit_code == 0
    keys = [*to_the_part("The letter", 9), pick(2), line("no"), CTRL_D]
    with terminal.typing(*keys):  # not now; not safe; Ctrl-D at what care asks next
        result = cli("exercise", write_tiny(home))
    assert result.exit_code == 0
    shown_in_order(
        result.stdout,
        "Do you feel safe right now?",
        "not a crisis service",
        "Robin",
        "text 555 0199",
        "What is going on right now?",  # never "go on" to the part after a no
        "If it is still a lot right now:",  # a pause while care holds the run: people first
        "Robin: text 555 0199",
        "Paused.",
    )
    assert Tiny.PART not in result.stdout
    assert answers_of(draft_files(home)[0])["activation"] == 9


def test_pause_choice_offers_grounding_and_keeps_the_draft(
    cli: Cli, terminal: Typing, home: Path
) -> None:
    write_tiny_grounding(home)
    keys = [*to_the_part("The visit", 5), line("The Guard"), line("jaw")]
    keys += [pick(len(Tiny.FEELINGS) + 1)]  # past the feelings (and the line): "Pause here"
    keys += [line("yes"), ground_tiny(), line("no")]  # grounding, then not back to it now
    with terminal.typing(*keys):
        result = cli("exercise", write_tiny(home))
    assert result.exit_code == 0
    shown_in_order(
        result.stdout,
        "a few minutes of grounding",
        "Feel both feet",
        "go back to the exercise now?",
        "Paused.",
    )
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


def test_resume_lets_you_choose_among_drafts_and_discard_asks_first(
    cli: Cli, terminal: Typing, home: Path
) -> None:
    tiny = exercises.get(write_tiny(home))
    for stop_at, when in (("feel", WHEN), ("situation", WHEN + timedelta(days=1))):
        paused = runner.walk_and_save(Run(exercise=tiny), PauseAt(stop_at), when)
        assert paused is None
    # 1: The Critic, paused at "feel"; 2: paused at "situation"
    assert len(draft_files(home)) == 2

    with terminal.typing(
        DOWN + DOWN + ENTER, CTRL_C
    ):  # the second one (nothing is chosen at first)
        result = cli("resume")
    assert result.exit_code == 0
    shown_in_order(result.stdout, "Paused exercises", "Which one", "Welcome back", Tiny.SITUATION)
    shown_in_order(result.stdout, Tiny.SITUATION, "Paused.")
    assert len(draft_files(home)) == 2

    with terminal.typing(ENTER):  # Enter alone is no: nothing is discarded
        result = cli("drafts", "discard", "1")
    shown_in_order(result.stdout, "This cannot be undone.", "Kept. Nothing was discarded.")
    assert len(draft_files(home)) == 2

    with terminal.typing(line("yes")):
        result = cli("drafts", "discard", "1")
    shown_in_order(result.stdout, "This cannot be undone.", "Discarded the draft")
    [left] = draft_files(home)
    assert "name_part" not in answers_of(left)  # the Critic draft was the one discarded
