"""Failures the person can act on end in one useful sentence, never the generic
"something went wrong", and leave nothing half-done."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path
from typing import Any

import pytest

from partsjournal.cli.root import app
from partsjournal.core.errors import UsageError
from partsjournal.render import ics
from tests.conftest import Cli, entry_files

GENERIC = "something went wrong"


def one_sentence(stderr: str) -> str:
    assert GENERIC not in stderr, stderr
    assert stderr.startswith("partsjournal: ") and stderr.count("\n") == 1, stderr
    return stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["review", "--ago", "999999"], "--ago 999999 goes back before 1900"),
        (["review", "--month", "--ago", "99999999999999999999"], "fewer months"),
        (["review", "--since", "2026-01-01", "--until", "9999-12-31"], "between 1900 and 9998"),
        (["export", "--since", "0001-01-01"], "between 1900 and 9998"),
        (["entries", "--since", "9999-12-31"], "between 1900 and 9998"),
    ],
)
def test_dates_out_of_reach_are_one_sentence(cli: Cli, args: list[str], words: str) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert words in one_sentence(result.stderr)


def test_a_session_too_late_for_its_calendar_saves_nothing(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    result = cli("session", "add", "9999-12-31", "--ics", str(tmp_path / "c.ics"))
    assert result.exit_code == 2
    assert "between 1900 and 9998" in one_sentence(result.stderr)
    assert not (home / "sessions").exists() or list((home / "sessions").iterdir()) == []
    assert not (tmp_path / "c.ics").exists()


def test_a_calendar_that_cannot_be_written_takes_the_session_back(
    cli: Cli, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(target: Path, *args: Any) -> None:
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr(ics, "write_ics", refuse)
    result = cli("session", "add", "2026-12-01", "--ics", str(tmp_path / "c.ics"))
    assert result.exit_code == 1
    message = one_sentence(result.stderr)
    assert "Permission denied" in message and "not recorded either" in message
    assert "Added" not in result.stdout
    assert list((home / "sessions").glob("*.toml")) == []
    assert cli("session", "list").stdout.startswith("No sessions")


def test_a_folder_partsjournal_may_not_read_is_named(
    cli: Cli, home: Path, protector_answers: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("exercise", "protector", "--answers", str(protector_answers)).exit_code == 0
    real = os.listdir

    def listdir(path: Any = ".") -> list[str]:
        if str(path).startswith(str(home)):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "listdir", listdir)
    result = cli("entries")
    assert result.exit_code == 1
    message = one_sentence(result.stderr)
    assert "not allowed to use" in message and str(home / "entries") in message


def test_a_folder_partsjournal_may_not_write_changes_nothing(
    cli: Cli, home: Path, protector_answers: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.open

    def refuse_to_create(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT and str(path).startswith(str(home)):  # a read-only folder
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse_to_create)
    result = cli("exercise", "protector", "--answers", str(protector_answers))
    assert result.exit_code == 1
    assert "not allowed to use" in one_sentence(result.stderr)
    monkeypatch.undo()
    assert entry_files(home) == []
    leftovers = [p for p in (home / "entries").rglob("*") if p.is_file()]
    assert leftovers == []


@pytest.mark.parametrize("folder", ["entries", "parts", "sessions", "drafts"])
@pytest.mark.parametrize(
    "args",
    [
        ["entries"],
        ["review"],
        ["parts"],
        ["session", "list"],
        ["drafts"],
        ["exercise", "protector"],
    ],
    ids=" ".join,
)
def test_a_file_where_a_folder_goes_is_named(
    cli: Cli, home: Path, folder: str, args: list[str], protector_answers: Path
) -> None:
    home.mkdir(parents=True)
    (home / folder).write_text("not a folder", encoding="utf-8")
    if args[0] == "exercise":
        args = [*args, "--answers", str(protector_answers)]
    result = cli(*args)
    reads_it = {
        "entries": {"entries", "review", "exercise"},
        "parts": {"parts", "review", "exercise", "entries"},  # entries: parts' names now
        "sessions": {"session", "review", "exercise"},
        "drafts": {"drafts", "exercise"},
    }[folder]
    if args[0] in reads_it:
        assert result.exit_code == 1, result.stdout
        message = one_sentence(result.stderr)
        assert f"{home / folder} is a file" in message and "mv " in message
    else:
        assert result.exit_code == 0, result.stderr
    assert (home / folder).read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize(
    "args", [["entries"], ["review"], ["parts"], ["export", "--since", "today"]]
)
def test_home_given_as_a_file_is_refused_by_reading_commands(
    cli: Cli, tmp_path: Path, args: list[str]
) -> None:
    home_file = tmp_path / "journal.txt"
    home_file.write_text("x", encoding="utf-8")
    result = cli("--home", str(home_file), *args)
    assert result.exit_code == 2
    assert "is a file, not a folder" in one_sentence(result.stderr)


def _python_editor(code: str) -> str:
    return f"{shlex.quote(sys.executable)} -IS -c {shlex.quote(code)}"


@pytest.mark.parametrize(
    ("editor", "words"),
    [
        (_python_editor("import os, sys; os.remove(sys.argv[1])"), "removed the file"),
        (
            _python_editor("import os, sys; os.remove(sys.argv[1]); os.mkdir(sys.argv[1])"),
            "left a folder",
        ),
        ('vim "', "could not be read as a command"),
    ],
    ids=["removes", "folder", "bad-quotes"],
)
def test_an_editor_that_goes_wrong_is_one_sentence(
    cli: Cli,
    home: Path,
    protector_answers: Path,
    monkeypatch: pytest.MonkeyPatch,
    editor: str,
    words: str,
) -> None:
    cli("exercise", "protector", "--answers", str(protector_answers))
    [path] = entry_files(home)
    before = path.read_bytes()
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", editor)
    for args in (["edit", path.stem], ["parts", "edit", "The Critic"]):
        result = cli(*args)
        assert result.exit_code in (1, 2)
        assert words in one_sentence(result.stderr)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no copy left


def test_an_endless_answers_file_is_refused(cli: Cli, home: Path) -> None:
    result = cli("exercise", "protector", "--answers", "/dev/zero")
    assert result.exit_code == 2
    assert "larger than 64 MiB" in one_sentence(result.stderr)
    assert entry_files(home) == []


def test_debug_is_accepted_after_the_command_too(cli: Cli) -> None:
    assert cli("entries", "--debug").exit_code == 0
    result = cli.runner.invoke(app, ["review", "--ago", "-1", "--debug"])
    assert isinstance(result.exception, UsageError)  # raised with its traceback, not caught
    assert cli("entries", "--", "--debug").exit_code == 2  # after "--" it is the person's text


@pytest.mark.parametrize("folder", ["", "entries", "parts", "drafts"])
def test_a_folder_that_cannot_be_written_is_named_before_any_question(
    cli: Cli, home: Path, protector_answers: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    for name in ("entries", "parts", "drafts"):
        (home / name).mkdir(parents=True)
    locked = home / folder if folder else home
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == locked else real(p, mode))
    result = cli("exercise", "protector", "--answers", str(protector_answers))
    assert result.exit_code == 1
    message = one_sentence(result.stderr)
    assert f"may not write in {locked}" in message and "chmod u+rwx" in message
    assert entry_files(home) == []
