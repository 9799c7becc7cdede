from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from partsjournal import __version__
from tests.conftest import PROTECTOR_ANSWERS, Cli, entry_files


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(cli: Cli, flag: str) -> None:
    result = cli(flag)
    assert result.exit_code == 0
    assert result.stdout.strip() == f"partsjournal {__version__}"


def test_help_says_what_it_is_not(cli: Cli) -> None:
    result = cli("--help")
    assert result.exit_code == 0
    assert "not therapy" in result.stdout


def test_listing_exercises(cli: Cli) -> None:
    result = cli("exercise")
    assert result.exit_code == 0
    assert "protector" in result.stdout and "Meeting a protector part" in result.stdout


def test_scripted_protector_run_writes_one_full_entry(
    cli, home: Path, protector_answers: Path
) -> None:
    result = cli(
        "exercise", "protector", "--answers", str(protector_answers), "--at", "2026-11-20 21:15"
    )
    assert result.exit_code == 0, result.output
    files = entry_files(home)
    assert len(files) == 1
    data = tomllib.loads(files[0].read_text(encoding="utf-8"))
    given = tomllib.loads(PROTECTOR_ANSWERS)
    got = {a["step"]: a["value"] for a in data["answers"]}
    # optional questions left out of the answers file are kept as empty answers
    assert got == {
        **given,
        "image": "",
        "body": "",
        "tender": "",  # a yes/no left out is skipped, never taken for a no
        "protects_someone": "",
        "heard": "",
    }
    assert data["exercise"] == "protector" and data["schema"] == 1
    assert data["created"].isoformat().startswith("2026-11-20T21:15:00")
    assert data["parts"] == [{"id": "the-critic", "name": "The Critic"}]
    # the prompt is stored as shown, with the part's name filled in
    needs = next(a for a in data["answers"] if a["step"] == "needs")
    assert "The Critic" in needs["prompt"] and "{part}" not in needs["prompt"]
    assert files[0].name.startswith("2026-11-20T211500-")
    assert str(files[0]) in result.stdout
    assert (home / "parts" / "the-critic.toml").exists()


def test_answers_from_stdin_and_part_option(cli: Cli, home: Path) -> None:
    answers = PROTECTOR_ANSWERS.replace('name_part = "The Critic"\n', "")
    result = cli("exercise", "protector", "--answers", "-", "--part", "Busy Bee", input=answers)
    assert result.exit_code == 0, result.output
    data = tomllib.loads(entry_files(home)[0].read_text(encoding="utf-8"))
    assert data["parts"][0]["name"] == "Busy Bee"


def test_unblending_step_is_asked_only_when_not_curious(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    answers = tmp_path / "a.toml"
    answers.write_text(
        PROTECTOR_ANSWERS.replace('"curious"', '"irritated, critical or angry"'), encoding="utf-8"
    )
    result = cli("exercise", "protector", "--answers", str(answers))
    assert result.exit_code == 2
    assert "unblend_check" in result.stderr
    assert entry_files(home) == []
    with answers.open("a", encoding="utf-8") as f:
        f.write('unblend_check = "more open: curious, calm or warm"\n')
    assert cli("exercise", "protector", "--answers", str(answers)).exit_code == 0
    data = tomllib.loads(entry_files(home)[0].read_text(encoding="utf-8"))
    assert "unblend_check" in {a["step"] for a in data["answers"]}


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["exercise", "protecter", "--answers", "-"], "Did you mean protector"),
        (["exercise", "protector", "--at", "next tuesday-ish", "--answers", "-"], "--at"),
        (["exercise", "protector", "--answers", "/no/such/file.toml"], "does not exist"),
        (["exercise", "protector", "--part", "  ", "--answers", "-"], "--part"),
        (["exercise", "protector"], "--answers"),
    ],
)
def test_bad_input_is_one_sentence_exit_2_nothing_written(
    cli, home: Path, args: list[str], needle: str
) -> None:
    result = cli(*args, input=PROTECTOR_ANSWERS)
    assert result.exit_code == 2
    assert needle in result.stderr
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    assert entry_files(home) == []


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("situation = ", "not valid TOML"),
        ('colour = "x"', "step 'colour'"),
        ("activation_before = 11", "0 to 10"),
        ('next_step = "dance"', "one of"),
    ],
)
def test_bad_answers_file(cli: Cli, home: Path, tmp_path: Path, content: str, needle: str) -> None:
    f = tmp_path / "a.toml"
    f.write_text(content, encoding="utf-8")
    result = cli("exercise", "protector", "--answers", str(f))
    assert result.exit_code == 2
    assert needle in result.stderr
    assert entry_files(home) == []


def test_malformed_user_exercise_file(cli: Cli, home: Path) -> None:
    (home / "exercises").mkdir(parents=True)
    bad = home / "exercises" / "mine.toml"
    bad.write_text('name = "mine"\ntitle = "t"\n', encoding="utf-8")
    result = cli("exercise", "mine", "--answers", "-", input="")
    assert result.exit_code == 1
    assert str(bad) in result.stderr and "not valid" in result.stderr
    assert "Traceback" not in result.output
    assert entry_files(home) == []


def test_home_option_wins_over_environment(
    cli: Cli, tmp_path: Path, protector_answers: Path
) -> None:
    other = tmp_path / "elsewhere"
    result = cli("--home", str(other), "exercise", "protector", "--answers", str(protector_answers))
    assert result.exit_code == 0
    assert len(entry_files(other)) == 1


def test_unexpected_errors_have_no_traceback_unless_debug(
    cli, monkeypatch: pytest.MonkeyPatch, protector_answers: Path
) -> None:
    from partsjournal.flow import saving

    def broken(*_: object, **__: object) -> None:
        raise ValueError("secret journal text")

    monkeypatch.setattr(saving, "save_run", broken)
    result = cli("exercise", "protector", "--answers", str(protector_answers))
    assert result.exit_code == 1
    assert "--debug" in result.stderr
    assert "secret journal text" not in result.output
    debug = cli("--debug", "exercise", "protector", "--answers", str(protector_answers))
    assert isinstance(debug.exception, ValueError)


def test_python_dash_m_works(home: Path) -> None:
    env = {**os.environ, "PARTSJOURNAL_HOME": str(home)}
    proc = subprocess.run(
        [sys.executable, "-m", "partsjournal", "--version"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"partsjournal {__version__}"
