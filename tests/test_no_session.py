"""Preparing with no session coming, and integrating with no session at all: said
plainly, filed where it belongs, and no question speaks of a session that is not there."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from partsjournal.flow import exercises
from partsjournal.flow.exercises import ExerciseFileError
from tests.conftest import Cli, entry_files
from tests.helpers import PREPARE_ANSWERS
from tests.pty_helpers import write_exercise


def prepare(cli: Cli, home: Path, tmp_path: Path, at: str) -> tuple[str, dict[str, Any]]:
    answers = tmp_path / "prepare.toml"
    answers.write_text(PREPARE_ANSWERS, encoding="utf-8")
    result = cli("exercise", "prepare", "--answers", str(answers), "--at", at)
    assert result.exit_code == 0, result.output
    data = tomllib.loads(entry_files(home)[-1].read_text(encoding="utf-8"))
    return result.stdout, data


def test_preparing_with_only_a_past_session_is_before_no_session(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    assert cli("session", "add", "2026-11-18").exit_code == 0
    out, data = prepare(cli, home, tmp_path, "2026-11-21 19:00")
    # not "day 3 after session 1": it is about a session still to come
    assert data["phase"] == "before" and "session" not in data
    assert "No session is recorded in the next 14 days" in out
    assert "partsjournal session add DATE" in out
    assert "after session 1" not in cli("show", data["id"]).stdout
    listed = cli("session", "list").stdout
    assert "1 entry after" not in listed


def test_a_session_added_later_counts_the_preparation_before_it(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    _, data = prepare(cli, home, tmp_path, "2026-11-21 19:00")
    assert cli("session", "add", "2026-11-25").exit_code == 0
    assert "4 days before session 1" in cli("show", data["id"]).stdout


def test_preparing_with_a_session_coming_links_it_and_says_nothing_more(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    assert cli("session", "add", "2026-11-25").exit_code == 0
    out, data = prepare(cli, home, tmp_path, "2026-11-21 19:00")
    assert data["session"].startswith("2026-11-25") and data["phase"] == "before"
    assert "No session is recorded" not in out


def test_a_session_condition_is_read_from_the_exercise_file(home: Path) -> None:
    write_exercise(
        home,
        "cond",
        [
            {"id": "a", "kind": "guide", "text": "With.", "when": {"session": True}},
            {"id": "b", "kind": "guide", "text": "Without.", "when": {"session": False}},
        ],
    )
    a, b = exercises.get("cond").steps
    assert a.shown({}, None, session=True) and not a.shown({}, None, session=False)
    assert b.shown({}, None, session=False) and not b.shown({}, None, session=True)


def test_a_condition_names_one_subject_only(home: Path) -> None:
    step = {"id": "a", "kind": "guide", "text": "x", "when": {"session": True, "phase": "after"}}
    write_exercise(home, "cond", [step])
    with pytest.raises(ExerciseFileError, match="one of 'step', 'phase' or 'session'"):
        exercises.get("cond")
