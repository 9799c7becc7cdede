"""The care flow in-process: the shorter way is kept in a draft, and exercise files are checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from partsjournal.core import drafts
from partsjournal.core.answers import AnswerValue
from partsjournal.core.errors import JournalError
from partsjournal.flow import care, care_words, exercises, runner
from partsjournal.flow.draft_keeper import run_from_draft
from partsjournal.flow.engine import Paused, Run
from partsjournal.flow.exercises import Step
from tests.askers import FakeAsker
from tests.helpers import WHEN
from tests.pty_helpers import write_exercise

STEPS = [
    {"id": "level", "kind": "scale", "role": "activation-before", "text": "Level?"},
    {"id": "part", "kind": "part", "role": "part", "text": "Who?"},
    {"id": "fears", "kind": "text", "role": "part-fears", "text": "Fears?"},
    {"id": "thanks", "kind": "guide", "text": "Thank it."},
    {"id": "after", "kind": "scale", "role": "activation-after", "text": "Now?"},
]


class PauseAt(FakeAsker):
    def __init__(self, stop_at: str, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.stop_at = stop_at

    def ask(
        self, step: Step, text: str, number: int, total: int, typed: str = "", **_: Any
    ) -> AnswerValue:
        if step.id == self.stop_at:
            raise Paused(step=step.id)
        return super().ask(step, text, number, total, typed)


def test_going_on_by_the_shorter_way_is_kept_when_paused_and_resumed(home: Path) -> None:
    write_exercise(home, "hard", STEPS, close_from="thanks")
    write_exercise(
        home, "grounding", [{"id": "safe", "kind": "yes_no", "role": "safety", "text": "Safe?"}]
    )
    ex = exercises.get("hard")
    asker = PauseAt(
        "after",
        {"level": 8, "safe": True},
        [("ground yourself first", care_words.GROUND), ("Go on, or stop", care_words.GO_ON)],
    )
    assert runner.walk_and_save(Run(exercise=ex), asker, WHEN) is None
    assert asker.asked == ["level", "safe", "thanks"]
    [draft] = drafts.load_all()
    resumed = run_from_draft(draft, ex)
    assert [s.id for s in resumed.visible_steps()] == ["level", "thanks", "after"]
    back = FakeAsker({"stirred_on_return": 3, "after": 5})  # paused at 8: how is it now?
    entry = runner.walk_and_save(resumed, back, WHEN, draft=draft)
    assert entry is not None
    assert [a.step for a in entry.answers] == ["level", "after"]
    assert back.asked[0] == "stirred_on_return"


def test_stopping_for_today_saves_what_is_there(home: Path) -> None:
    write_exercise(home, "hard", STEPS, close_from="thanks")
    asker = FakeAsker(
        {"level": 9},
        [
            ("ground yourself first", care_words.NOT_NOW),
            ("safe right now", True),
            ("Go on, or stop", care_words.STOP),
        ],
    )
    entry = runner.walk_and_save(Run(exercise=exercises.get("hard")), asker, WHEN)
    assert entry is not None and [a.step for a in entry.answers] == ["level"]
    assert asker.asked == ["level", "stopped_closing"]
    assert drafts.load_all() == []


@pytest.mark.parametrize("part", [None, "The Guard"])
def test_stopping_thanks_a_part_only_when_one_was_met(home: Path, part: str | None) -> None:
    """Walked in a terminal: stopping before any part was named said "Thank this part for
    what it showed you today", a part the person never met (off for parts work)."""
    write_exercise(home, "hard", STEPS, close_from="thanks")
    asker = FakeAsker({}, [])
    current = Run(exercise=exercises.get("hard"), part_name=part)
    care.stopped_closing(current, asker)
    [said] = asker.texts
    assert ("Thank The Guard for what it showed you today" in said) is (part is not None)
    assert "this part" not in said
    assert said == (
        current.render(care_words.STOPPED_CLOSING) if part else care_words.STOPPED_NO_PART
    )


def test_a_rating_at_the_end_does_not_ask_to_go_on_or_stop(home: Path) -> None:
    write_exercise(home, "hard", STEPS, close_from="thanks")
    asker = FakeAsker(
        {"level": 2, "part": "The Guard", "fears": "x", "stirred_now": "", "after": 9},
        [("ground yourself first", care_words.NOT_NOW), ("safe right now", True)],
    )
    assert runner.walk_and_save(Run(exercise=exercises.get("hard")), asker, WHEN) is not None
    assert asker.replies == []


def test_close_from_must_name_a_step(home: Path) -> None:
    write_exercise(home, "hard", STEPS, close_from="nowhere")
    with pytest.raises(JournalError, match="close_from names 'nowhere'"):
        exercises.get("hard")


@pytest.mark.parametrize("name", ["protector", "prepare", "after-session"])
def test_the_deep_exercises_have_a_gentle_close(name: str) -> None:
    ex = exercises.get(name)
    assert ex.close_from is not None and ex.step(ex.close_from) is not None
