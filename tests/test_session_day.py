"""Care on the day of a session: the day-0 guard before deep exercises, and grounding
offered first on the day of a session and the day after."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from partsjournal.core import drafts, sessions
from partsjournal.core.answers import AnswerValue
from partsjournal.flow import care_words, runner, session_day
from partsjournal.flow.engine import Paused
from partsjournal.flow.exercises import Step
from tests.askers import FakeAsker
from tests.conftest import Cli
from tests.helpers import TODAY
from tests.pty_helpers import write_exercise

NOW = TODAY
DEEP = [{"id": "talk", "kind": "text", "role": "part-purpose", "text": "Ask the part?"}]
GROUNDING = [{"id": "feet", "kind": "guide", "text": "Feet on the floor."}]


def add_session(days_ago: int) -> None:
    sessions.add(NOW.date() - timedelta(days=days_ago), created=NOW)


def test_the_day_of_a_session_lasts_until_the_next_morning(home: Path) -> None:
    day = datetime(2026, 11, 19, 10, 0).astimezone()
    sessions.add(day.date(), created=day)
    assert session_day.recent_session(day)[1] == 0
    assert session_day.recent_session(day.replace(hour=23))[1] == 0
    next_day = day + timedelta(days=1)
    assert session_day.recent_session(next_day.replace(hour=5))[1] == 0
    assert session_day.recent_session(next_day.replace(hour=7))[1] == 1
    assert session_day.recent_session(day + timedelta(days=2))[0] is None
    assert (
        session_day.recent_session(day - timedelta(days=1))[0] is None
    )  # a coming one is not counted


def test_a_deep_exercise_on_the_day_offers_a_short_note_instead(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(session_day, "JOURNEY", "not-installed")  # the note is the fallback
    write_exercise(home, "deep", DEEP, deep=True)
    add_session(0)
    asker = FakeAsker(
        {"what_came_up": "Colours, and my grandmother's kitchen"},
        [("What would you like to do?", care_words.CAPTURE_NOTE)],
    )
    entry = runner.run_exercise("deep", asker=asker)
    assert entry is not None and entry.exercise == session_day.SESSION_NOTE
    assert entry.answers[0].value == "Colours, and my grandmother's kitchen"
    assert entry.session == sessions.load_all()[0].id and "talk" not in asker.asked


def test_the_journey_exercise_is_the_capture_when_it_exists(home: Path) -> None:
    write_exercise(home, "deep", DEEP, deep=True)
    write_exercise(home, "journey", [{"id": "journey", "kind": "text", "text": "What came?"}])
    add_session(0)
    asker = FakeAsker(
        {"journey": "Light"}, [("What would you like to do?", care_words.CAPTURE_JOURNEY)]
    )
    entry = runner.run_exercise("deep", asker=asker)
    assert entry is not None and entry.exercise == "journey"


def test_grounding_first_then_going_on_anyway_stays_possible(home: Path) -> None:
    write_exercise(home, "deep", DEEP, deep=True, title="Deep talk")
    write_exercise(home, "grounding", GROUNDING)
    add_session(0)
    asker = FakeAsker(
        {"talk": "It keeps me safe"},
        [
            ("What would you like to do?", care_words.GROUND_NOW),
            ("What would you like to do?", care_words.GO_ON_ANYWAY.format(title="Deep talk")),
        ],
    )
    entry = runner.run_exercise("deep", asker=asker)
    assert entry is not None and entry.exercise == "deep"
    assert asker.asked == ["feet", "talk"]


def test_no_guard_the_day_after_or_for_other_exercises(home: Path) -> None:
    write_exercise(home, "deep", DEEP, deep=True)
    write_exercise(home, "light", DEEP)
    add_session(2)
    assert runner.run_exercise("deep", asker=FakeAsker({"talk": "a"})) is not None
    add_session(0)
    assert runner.run_exercise("light", asker=FakeAsker({"talk": "b"})) is not None


def test_scripted_runs_get_a_note_on_stderr(cli: Cli, home: Path, tmp_path: Path) -> None:
    write_exercise(home, "deep", DEEP, deep=True)
    add_session(0)
    answers = tmp_path / "a.toml"
    answers.write_text('talk = "x"\n', encoding="utf-8")
    result = cli("exercise", "deep", "--answers", str(answers))
    assert result.exit_code == 0, result.output
    assert "day of session 1" in result.stderr and "Saved." in result.stdout


def test_grounding_is_offered_first_on_days_0_and_1(home: Path) -> None:
    write_exercise(home, "check", DEEP, ground_after_session=True)
    write_exercise(home, "grounding", GROUNDING)
    add_session(3)
    assert runner.run_exercise("check", asker=FakeAsker({"talk": "day 3: not asked"}))
    add_session(1)
    asker = FakeAsker({"talk": "fine"}, [("grounding before you begin", True)])
    assert runner.run_exercise("check", asker=asker) is not None
    assert asker.asked == ["feet", "talk"]


def test_the_shipped_exercises_say_which_care_they_get() -> None:
    from partsjournal.flow import exercises

    deep = {e.name for e in exercises.load_all() if e.deep}
    ground = {e.name for e in exercises.load_all() if e.ground_after_session}
    assert {"protector", "prepare", "after-session"} <= deep
    assert ground == {"integrate", "after-session"}


class PauseAt(FakeAsker):
    """Pauses (as Ctrl-C would) when it reaches the step ``stop_at``, with half an answer."""

    def __init__(self, stop_at: str, replies: list[tuple[str, bool | str]]) -> None:
        super().__init__({}, replies)
        self.stop_at = stop_at

    def ask(
        self, step: Step, text: str, number: int, total: int, typed: str = "", **_: Any
    ) -> AnswerValue:
        if step.id == self.stop_at:
            raise Paused(step=step.id, partial="Colours, and")
        return super().ask(step, text, number, total, typed)


def test_a_paused_session_day_note_can_be_resumed(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(session_day, "JOURNEY", "not-installed")  # the note is the fallback
    write_exercise(home, "deep", DEEP, deep=True)
    add_session(0)
    paused = PauseAt("what_came_up", [("What would you like to do?", care_words.CAPTURE_NOTE)])
    assert runner.run_exercise("deep", asker=paused) is None
    assert [d.exercise for d in drafts.load_all()] == [session_day.SESSION_NOTE]
    entry = runner.resume(None, asker=FakeAsker({"what_came_up": "Colours, and light"}))
    assert entry is not None and entry.exercise == session_day.SESSION_NOTE
    assert entry.answers[0].value == "Colours, and light"
    assert drafts.load_all() == []
