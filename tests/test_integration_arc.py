"""The integration arc: integrate asks by the day after a session (0-2, ~7, ~30, 90),
`session add --ics` writes days 1, 7, 30 and 90, and `session show` shows the arc."""

from __future__ import annotations

import tomllib
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from partsjournal.core import index, sessions
from partsjournal.flow import exercises
from tests.conftest import Cli, entry_files
from tests.helpers import RATINGS

# These journals run into early 2027, and "today" comes after all of them: --at more
# than a day ahead is refused.
pytestmark = pytest.mark.now(datetime(2027, 3, 1, 12, 0, tzinfo=timezone(timedelta(hours=1))))


def integrate_on(cli: Cli, tmp_path: Path, at: str, extra: str = "") -> dict[str, dict]:
    f = tmp_path / "a.toml"
    f.write_text(RATINGS + extra, encoding="utf-8")
    result = cli("integrate", "--answers", str(f), "--at", at)
    assert result.exit_code == 0, result.output
    data = tomllib.loads(entry_files(tmp_path / "journal")[-1].read_text(encoding="utf-8"))
    return {a["step"]: a for a in data["answers"]}


@pytest.mark.parametrize(
    ("at", "expected", "absent"),
    [
        ("2026-11-20 10:00", "body_early_ground", "mind_week_habit"),  # day 1
        ("2026-11-26 10:00", "emotion_week_parts", "body_early_ground"),  # day 7
        ("2026-12-19 10:00", "emotion_month_people", "emotion_week_parts"),  # day 30
        ("2027-02-17 10:00", "mind_ninety_lookback", "emotion_month_people"),  # day 90
    ],
)
def test_integrate_asks_by_the_day_after_the_session(
    cli: Cli, tmp_path: Path, at: str, expected: str, absent: str
) -> None:
    assert cli("session", "add", "2026-11-19").exit_code == 0
    got = integrate_on(cli, tmp_path, at)
    assert expected in got and absent not in got
    assert got[expected]["role"].startswith("realm-reflection:")


def test_day_90_counts_from_the_session_past_the_60_day_window(cli: Cli, tmp_path: Path) -> None:
    assert cli("session", "add", "2026-11-19").exit_code == 0
    got = integrate_on(cli, tmp_path, "2027-02-17 10:00")
    assert "spirit_ninety_carry" in got and "emotion_ninety_people" in got


def test_without_any_session_no_arc_questions_are_asked(cli: Cli, tmp_path: Path) -> None:
    # every step the arc adds: each one with a day range after a session (arc_*, *_ninety*...)
    arc_steps = {
        s.id
        for s in exercises.get("integrate").steps
        if any(c.days is not None for c in s.conditions)
    }
    assert {"arc_early", "arc_ninety", "body_ninety", "balance_month_people"} <= arc_steps
    got = integrate_on(cli, tmp_path, "2026-11-20 10:00")
    assert got, "the check-in saved no answers to look through"
    assert not arc_steps & set(got)


def test_the_arc_days_in_integrate_match_the_stages() -> None:
    stages = {(first, last) for first, last, _, _ in sessions.ARC_STAGES}
    used = {
        (c.days[0], c.days[1])
        for s in exercises.get("integrate").steps
        for c in s.conditions
        if c.days is not None
    }
    assert used == stages


def test_days_go_with_phase_after(home: Path) -> None:
    from partsjournal.flow.exercises import ExerciseFileError

    folder = home / "exercises"
    folder.mkdir(parents=True)
    (folder / "odd.toml").write_text(
        'name = "odd"\ntitle = "t"\nsummary = "s"\nminutes = 1\n'
        '[[steps]]\nid = "a"\nkind = "guide"\ntext = "A"\n'
        'when = { phase = "before", days = [0, 2] }\n',
        encoding="utf-8",
    )
    with pytest.raises(ExerciseFileError, match="days"):
        exercises.get("odd")


def test_session_show_shows_the_arc(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("session", "add", "2026-11-19").exit_code == 0
    integrate_on(cli, tmp_path, "2026-11-26 10:00")
    shown = " ".join(cli("session", "show", "1").stdout.split())
    assert "Integration arc:" in shown
    assert "around day 7 (Tue 24 Nov to Sun 29 Nov): parts and habits — 1 entry" in shown
    title = exercises.get("integrate").title
    assert f"parts and habits — 1 entry: {title}" in shown  # each stage names what was done
    assert "day 90" in shown and "nothing yet" in shown
    # the same arc when the index is switched off (every entry read from its file)
    monkeypatch.setattr(index, "enabled", False)
    assert " ".join(cli("session", "show", "1").stdout.split()) == shown


def test_each_calendar_check_in_says_what_its_stretch_is_about(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "c.ics"
    assert cli("session", "add", "2026-11-19", "--ics", str(target)).exit_code == 0
    text = target.read_bytes().decode("utf-8").replace("\r\n ", "")
    lines = text.splitlines()
    # each check-in's own description (its alarm has one of its own, further down)
    events = [lines[i:] for i, line in enumerate(lines) if line == "BEGIN:VEVENT"]
    descriptions = [next(x for x in event if x.startswith("DESCRIPTION")) for event in events]
    assert len(descriptions) == 4
    assert "body and grounding first" in descriptions[0] and "journey" in descriptions[0]
    assert "parts and habits" in descriptions[1] and "journey" not in descriptions[1]
    assert "relationships" in descriptions[2]
    assert "a look back over the whole course" in descriptions[3]


def test_the_arc_day_survives_a_pause(cli: Cli, home: Path) -> None:
    from partsjournal.core.answers import AnswerValue
    from partsjournal.flow import integration, runner
    from partsjournal.flow.engine import Paused
    from partsjournal.flow.exercises import Step
    from tests.askers import FakeAsker

    class StopAtBody(FakeAsker):
        def ask(
            self, step: Step, text: str, number: int, total: int, typed: str = "", **_: Any
        ) -> AnswerValue:
            if step.id == "body_rating":
                raise Paused
            return super().ask(step, text, number, total, typed)

    assert cli("session", "add", "2026-11-19").exit_code == 0
    ex = integration.integrate_exercise(["body"], [])
    first = runner.run_exercise(
        "integrate", at="2026-11-20 10:00", exercise=ex, asker=StopAtBody(), phase="after"
    )
    assert first is None

    class Anything(FakeAsker):  # every realm is asked on resume; answer each simply
        def ask(
            self, step: Step, text: str, number: int, total: int, typed: str = "", **_: Any
        ) -> AnswerValue:
            self.asked.append(step.id)
            if step.kind == "scale":
                return 4
            return step.choices[0] if step.choices else (True if step.kind == "guide" else "")

    rest = Anything()
    saved = runner.resume(None, asker=rest)
    assert saved is not None
    assert "body_early_ground" in rest.asked
