"""Optional questions say on their own screen that they can be skipped, and how; Enter
alone skips every one of them (tests/test_keystrokes.py types it for every kind)."""

from __future__ import annotations

import pytest

from partsjournal.flow import exercises, kinds
from partsjournal.flow.exercises import Step
from partsjournal.render import screens


@pytest.mark.parametrize("kind", [k.name for k in kinds.KINDS.values() if k.asks])
def test_an_optional_question_says_how_to_skip_it(
    kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    choices = ["a", "b"] if kind == "choice" else None
    step = Step(id="maybe", kind=kind, text="Anything else?", optional=True, choices=choices)
    screens.step_header(step, "Anything else?", 2, 5, skip=kinds.of(kind).how_to_skip(step))
    shown = capsys.readouterr().out
    assert "Optional: press Enter" in shown and "to skip it" in shown


def test_a_required_question_says_nothing_about_skipping(
    capsys: pytest.CaptureFixture[str],
) -> None:
    step = Step(id="must", kind="text", text="What?")
    assert kinds.of("text").how_to_skip(step) is None
    screens.step_header(step, "What?", 1, 5, skip=None)
    assert "skip" not in capsys.readouterr().out


def test_every_optional_step_shipped_can_be_skipped_as_it_says() -> None:
    """Each optional step in a shipped exercise is of a kind that can be left out, and says so."""
    optional = [(ex, step) for ex in exercises.load_all() for step in ex.steps if step.optional]
    assert len({step.kind for _, step in optional}) >= 2  # several kinds, each checked below
    for ex, step in optional:
        kind = kinds.of(step.kind)
        assert kind.how_to_skip(step), f"{ex.name}.{step.id} says nothing"
        assert kind.check(step, "") == kind.skipped(step) == ""
