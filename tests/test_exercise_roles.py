"""Each shipped step's role says what its question asks, so reviews and part records
file the answer under the right heading."""

from __future__ import annotations

import tomllib
from pathlib import Path

from partsjournal.flow import exercises
from tests.conftest import Cli, entry_files
from tests.helpers import PREPARE_ANSWERS


def role_of(exercise: str, step: str) -> str | None:
    found = exercises.get(exercise).step(step)
    assert found is not None
    return found.role


def test_what_a_part_protects_you_from_is_not_filed_as_its_job(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    answers = tmp_path / "prepare.toml"
    answers.write_text(PREPARE_ANSWERS, encoding="utf-8")
    assert cli("exercise", "prepare", "--answers", str(answers)).exit_code == 0
    part = tomllib.loads((home / "parts" / "the-worrier.toml").read_text(encoding="utf-8"))
    assert "current_role" not in part  # "its job" stays empty
    (entry,) = entry_files(home)
    saved = tomllib.loads(entry.read_text(encoding="utf-8"))
    (answer,) = [a for a in saved["answers"] if a["step"] == "part_purpose"]
    assert answer["role"] == "part-protects-from" and answer["part"] == "the-worrier"
    shown = cli("parts", "show", "The Worrier").stdout
    assert "protects from:" in shown and "From being judged." in shown
    assert "its job" not in shown


def test_how_a_part_responds_to_reassurance_is_its_feeling_not_an_unblending() -> None:
    # "How does {part} respond?" is about the part, not about how you feel toward it
    assert role_of("after-session", "reassured") == "part-feelings"


def test_noting_other_parts_is_not_filed_as_what_you_learned() -> None:
    # "Are other parts stirring too?" is a note, not a reflection for the review's highlights
    assert role_of("prepare", "other_parts") is None
