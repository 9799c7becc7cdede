"""The framework's own usage errors come out like ours: one line on stderr, exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Cli


@pytest.mark.parametrize(
    ("args", "needle", "help_of"),
    [
        (["revew"], "No such command 'revew'. Did you mean review?", "partsjournal"),
        (["session", "add"], "Missing argument 'DATE'.", "partsjournal session add"),
        (["review", "--weeks"], "No such option '--weeks'", "partsjournal review"),
        (["practices", "--weeks", "x"], "Invalid value for '--weeks'", "partsjournal practices"),
        (["parts", "nothing-here"], "No such command 'nothing-here'", "partsjournal parts"),
    ],
)
def test_usage_errors_are_one_line_with_the_help_to_read(
    cli: Cli, args: list[str], needle: str, help_of: str
) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("partsjournal: ") and needle in lines[0]
    assert lines[0].endswith(f"See '{help_of} --help'.")
    assert "╭" not in result.stderr and "Traceback" not in result.stderr


def test_no_arguments_prints_the_help(cli: Cli) -> None:
    result = cli()
    assert result.exit_code == 2
    assert "exercise" in result.stdout and "Commands" in result.stdout
    assert result.stderr == ""


def test_a_command_value_is_never_taken_for_an_exit_code(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import click

    from partsjournal.cli import lazy

    def returns_seven() -> int:
        return 7

    monkeypatch.setattr(
        lazy, "command_from", lambda module, name: click.Command(name, callback=returns_seven)
    )
    result = cli("exercise")
    assert result.exit_code == 0


@pytest.mark.parametrize(
    "args", [["drafts"], ["entries"], ["review"], ["session", "add", "2026-11-19"], ["parts"]]
)
def test_a_home_that_is_a_file_is_refused_by_every_command(
    cli: Cli, tmp_path: Path, args: list[str]
) -> None:
    not_a_folder = tmp_path / "journal.txt"
    not_a_folder.write_text("mine", encoding="utf-8")
    result = cli("--home", str(not_a_folder), *args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("partsjournal: The journal folder")
    assert "is a file, not a folder" in result.stderr and len(result.stderr.splitlines()) == 1
    assert not_a_folder.read_text(encoding="utf-8") == "mine"
