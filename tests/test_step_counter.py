"""The step counter ("step 3 of 14") keeps its total for the whole run."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from partsjournal.flow import exercises, runner
from partsjournal.flow.engine import Run
from tests.askers import FakeAsker
from tests.pty_helpers import write_exercise

WHEN = datetime(2026, 11, 20, 21, 0, tzinfo=UTC)

BRANCHING = [
    {"id": "open", "kind": "yes_no", "text": "Go the long way?"},
    {"id": "a", "kind": "text", "text": "A?", "when": {"step": "open", "equals": True}},
    {"id": "b", "kind": "text", "text": "B?", "when": {"step": "open", "equals": True}},
    {"id": "c", "kind": "text", "text": "C?"},
]


def walk(home: Path, answers: dict[str, object], *, part: str | None = None) -> FakeAsker:
    asker = FakeAsker(answers)
    ex = exercises.get("branching")
    runner.walk_and_save(Run(exercise=ex, part_name=part), asker, WHEN)
    return asker


def test_total_never_changes_when_a_branch_is_left_out(home: Path) -> None:
    write_exercise(home, "branching", BRANCHING)
    asker = walk(home, {"open": False, "c": "x"})
    # four steps might be asked; after "no" only two are, and the total stays "about 4"
    assert asker.counters == ["1 of about 4", "2 of about 4"]


def test_total_is_exact_when_nothing_depends_on_later_answers(home: Path) -> None:
    write_exercise(home, "branching", [BRANCHING[0], BRANCHING[3]])
    assert walk(home, {"open": True, "c": "x"}).counters == ["1 of 2", "2 of 2"]


def test_a_part_given_on_the_command_line_is_not_counted(home: Path) -> None:
    steps = [
        {"id": "name_part", "kind": "part", "role": "part", "text": "Which part?"},
        {"id": "body", "kind": "text", "text": "Where is {part}?"},
    ]
    write_exercise(home, "branching", steps)
    assert walk(home, {"body": "chest"}, part="The Critic").counters == ["1 of 1"]
