"""Optional questions say on their own screen that they can be skipped, and how."""

from __future__ import annotations

import pytest

from partsjournal.flow import exercises
from partsjournal.flow.exercises import Step
from partsjournal.render import screens


@pytest.mark.parametrize(
    ("kind", "how"),
    [
        ("text", "press Enter with nothing written"),
        ("long_text", "to skip it, finish with nothing written"),
        ("yes_no", "answering no skips it"),
    ],
)
def test_an_optional_question_says_how_to_skip_it(
    kind: str, how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    step = Step(id="maybe", kind=kind, text="Anything else?", optional=True)  # type: ignore[arg-type]
    screens.step_header(step, "Anything else?", 2, 5)
    shown = capsys.readouterr().out
    assert "Optional" in shown and how in shown


def test_a_required_question_says_nothing_about_skipping(
    capsys: pytest.CaptureFixture[str],
) -> None:
    screens.step_header(Step(id="must", kind="text", text="What?"), "What?", 1, 5)
    assert "skip" not in capsys.readouterr().out


def test_every_optional_step_shipped_can_be_skipped_as_it_says() -> None:
    """Each optional step in a shipped exercise is of a kind that can be left out."""
    optional = [(ex, step) for ex in exercises.load_all() for step in ex.steps if step.optional]
    assert len({step.kind for _, step in optional}) >= 2  # several kinds, each checked below
    for ex, step in optional:
        assert screens.how_to_skip(step), f"{ex.name}.{step.id} says nothing"
