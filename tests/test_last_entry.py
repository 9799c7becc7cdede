"""``show last`` and ``edit last``: the newest entry without its 24-character id, and
the end of an exercise saying how to read or change what was just written."""

from __future__ import annotations

from pathlib import Path

import pytest

from partsjournal.core import entry
from tests.conftest import PROTECTOR_ANSWERS, Cli, entry_files
from tests.helpers import fake_editor
from tests.journal_fixtures import at, day, make_part, protector


def test_show_last_is_the_entry_with_the_latest_date(cli: Cli, home: Path) -> None:
    critic = make_part("The Critic", day(1))
    protector(at(day(22)), critic, situation="Sunday dread")
    protector(at(day(3)), critic, situation="October feelings")  # written later, dated earlier
    for word in ("last", "LAST", " last "):
        result = cli("show", word)
        assert result.exit_code == 0, result.stderr
        assert "Sunday dread" in result.stdout and "October feelings" not in result.stdout


def test_edit_last_opens_the_newest_entry(
    cli: Cli, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    critic = make_part("The Critic", day(1))
    old = protector(at(day(3)), critic, situation="October feelings")
    new = protector(at(day(22)), critic, situation="Sunday dread")
    fake_editor(tmp_path, monkeypatch, "p.write_text(text.replace('Sunday dread', 'Sunday calm'))")
    result = cli("edit", "last")
    assert result.exit_code == 0, result.stderr
    assert entry.load(new.path).answer("situation").value == "Sunday calm"  # type: ignore[arg-type,union-attr]
    assert entry.load(old.path).answer("situation").value == "October feelings"  # type: ignore[arg-type,union-attr]


def test_last_in_an_empty_journal_says_how_to_write_one(cli: Cli) -> None:
    for command in ("show", "edit"):
        result = cli(command, "last")
        assert result.exit_code == 2
        assert "no entries yet" in result.stderr
        assert "partsjournal exercise primer" in result.stderr


def test_the_end_of_an_exercise_names_show_last_and_edit_last(cli: Cli, home: Path) -> None:
    result = cli("exercise", "protector", "--answers", "-", input=PROTECTOR_ANSWERS)
    assert result.exit_code == 0, result.stderr
    assert "partsjournal show last" in result.stdout
    assert "partsjournal edit last" in result.stdout
    (saved,) = entry_files(home)
    assert cli("show", "last").stdout == cli("show", saved.stem).stdout


def test_an_entry_dated_before_the_newest_is_named_by_its_id(cli: Cli, home: Path) -> None:
    protector(at(day(22)), make_part("The Critic", day(1)))
    result = cli(
        "exercise",
        "protector",
        "--at",
        "2026-11-02 08:00",
        "--answers",
        "-",
        input=PROTECTOR_ANSWERS,
    )
    assert result.exit_code == 0, result.stderr
    (saved,) = [f for f in entry_files(home) if f.name.startswith("2026-11-02")]
    assert f"partsjournal show {saved.stem}" in result.stdout
    assert "show last" not in result.stdout
