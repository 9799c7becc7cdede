"""Shell completion: commands and options, and exercise names, part names and session numbers,
from the folder listings, fast (no exercise models, no prompts, no rich), and never a prompt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.shell_completion import ShellComplete

from partsjournal.cli.root import app
from tests.conftest import Cli
from tests.journal_fixtures import day, make_part, written_once


def completions(*words: str) -> list[str]:
    """What <TAB> offers after ``partsjournal WORDS...``; the last word is the one being typed."""
    *args, incomplete = words
    shell = ShellComplete(app, {}, "partsjournal", "_PARTSJOURNAL_COMPLETE")
    return [item.value for item in shell.get_completions(list(args), incomplete)]


@pytest.fixture
def journal(cli: Cli, home: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Three parts, three sessions and an exercise of the person's own (written once per
    test process, see :func:`written_once`)."""

    def write(folder: Path) -> None:
        for name in ("The Critic", "Busy Bee", "the Watcher"):
            make_part(name, day(1))
        for when in ("2026-10-01", "2026-11-19", "2026-09-14"):
            assert cli("session", "add", when).exit_code == 0
        (folder / "exercises").mkdir()
        (folder / "exercises" / "my-own.toml").write_text("name = 'my-own'\n", encoding="utf-8")

    written_once("completion", home, tmp_path_factory, write)


PARTS = ["Busy Bee", "The Critic", "the Watcher"]
CASES = [
    # exercise names: shipped and the person's own (Typer command, by position)
    (["exercise", "pro"], ["protector"]),
    (["exercise", "my"], ["my-own"]),
    (["exercise", "--part", "The Critic", "prot"], ["protector"]),
    # part names, in any case, wherever a part is named
    (["exercise", "--part", ""], PARTS),
    (["exercise", "protector", "--part", "b"], ["Busy Bee"]),
    (["note", "a moment", "--part", "the"], ["The Critic", "the Watcher"]),
    (["entries", "--part", ""], PARTS),
    (["export", "--part", "busy"], ["Busy Bee"]),
    (["parts", "show", "the w"], ["the Watcher"]),
    (["parts", "rename", "Busy"], ["Busy Bee"]),
    (["parts", "edit", "The"], ["The Critic", "the Watcher"]),
    (["parts", "edit", "The Critic", "--protects", "Bu"], ["Busy Bee"]),
    (["parts", "merge", "The Critic", "the"], ["The Critic", "the Watcher"]),
    (["parts", "unmerge", ""], PARTS),
    # session numbers, from the folder listing (numbered by date)
    (["session", "show", ""], ["1", "2", "3"]),
    (["session", "edit", "3"], ["3"]),
    (["session", "remove", ""], ["1", "2", "3"]),
    (["entries", "--session", ""], ["1", "2", "3"]),
    (["exercise", "protector", "--session", ""], ["1", "2", "3"]),
    (["integrate", "--session", "2"], ["2"]),
    # exercises named as a filter
    (["entries", "--exercise", "after"], ["after-session"]),
    # entries
    (["show", "l"], ["last"]),
    (["edit", ""], ["last"]),
    # commands and options
    (["rev"], ["review"]),
    (["session", "l"], ["list"]),
    (["parts", "m"], ["merge", "map"]),
    (["review", "--mo"], ["--month"]),
    (["exercise", "--fu"], ["--future"]),
    (["session", "add", "2026-11-19", "--la"], ["--label"]),
    (["completion", ""], ["bash", "zsh", "fish"]),
]


@pytest.mark.parametrize(("words", "offered"), CASES, ids=lambda w: " ".join(w) or "-")
def test_tab_offers_what_fits_here(journal: None, words: list[str], offered: list[str]) -> None:
    assert completions(*words) == offered


def test_sessions_are_offered_with_their_dates(journal: None) -> None:
    shell = ShellComplete(app, {}, "partsjournal", "_PARTSJOURNAL_COMPLETE")
    items = shell.get_completions(["session", "show"], "")
    assert [(i.value, i.help) for i in items] == [
        ("1", "2026-09-14"),
        ("2", "2026-10-01"),
        ("3", "2026-11-19"),
    ]


def test_an_empty_journal_offers_no_values_and_no_errors(home: Path) -> None:
    assert completions("parts", "show", "") == []
    assert completions("session", "show", "") == []
    assert "protector" in completions("exercise", "")


def test_a_locked_journal_offers_no_part_names_and_asks_nothing(
    journal: None, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from partsjournal.core import parts

    def locked(**kwargs: object) -> list[parts.Part]:
        from partsjournal.core import crypt

        return [parts.Part(name=crypt.ask_secret("Passphrase for your journal:"))]

    monkeypatch.setattr(parts, "load_all", locked)
    assert completions("parts", "show", "") == []  # asked nobody, said nothing


QUICK = """
import os, sys
from click.shell_completion import ShellComplete
from partsjournal.cli.root import app
shell = ShellComplete(app, {}, "partsjournal", "_PARTSJOURNAL_COMPLETE")
words = sys.argv[1:]
print([i.value for i in shell.get_completions(words[:-1], words[-1])])
heavy = sorted(m for m in ("pydantic", "questionary", "rich", "typer", "prompt_toolkit")
               if m in sys.modules)
print("HEAVY", heavy)
"""


@pytest.mark.parametrize(
    "words",
    [
        ["exercise", ""],
        ["exercise", "--part", ""],
        ["parts", "merge", ""],
        ["session", "show", ""],
        ["entries", "--part", ""],
    ],
    ids=" ".join,
)
def test_values_are_completed_without_heavy_imports(
    journal: None, home: Path, words: list[str]
) -> None:
    env = {**os.environ, "PARTSJOURNAL_HOME": str(home)}
    proc = subprocess.run(
        [sys.executable, "-c", QUICK, *words], capture_output=True, text=True, env=env, check=True
    )
    offered, heavy = proc.stdout.splitlines()
    assert offered != "[]"
    assert heavy == "HEAVY []"


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_prints_the_script_for_a_shell(cli: Cli, shell: str) -> None:
    result = cli("completion", shell)
    assert result.exit_code == 0
    assert "_PARTSJOURNAL_COMPLETE" in result.stdout and f"{shell}_complete" in result.stdout


def test_completion_for_an_unknown_shell_is_a_usage_error(cli: Cli) -> None:
    result = cli("completion", "tcsh")
    assert result.exit_code == 2 and "tcsh" in result.stderr


@pytest.mark.slow  # the real bash, running the real program
def test_the_installed_script_completes_in_bash(journal: None, home: Path) -> None:
    """The whole path, as bash runs it: the script's function asks partsjournal itself."""
    bash = "/bin/bash"
    script = subprocess.run(
        [sys.executable, "-m", "partsjournal", "completion", "bash"],
        capture_output=True, text=True, check=True,
        env={**os.environ, "PARTSJOURNAL_HOME": str(home)},
    ).stdout  # fmt: skip
    program = Path(home.parent / "bin" / "partsjournal")
    program.parent.mkdir()
    program.write_text(f'#!/bin/sh\nexec {sys.executable} -m partsjournal "$@"\n')
    program.chmod(0o755)
    run = (
        f"{script}\nCOMP_WORDS=(partsjournal parts show 'Busy'); COMP_CWORD=3\n"
        "_partsjournal_completion partsjournal\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
    )
    env = {
        **os.environ,
        "PARTSJOURNAL_HOME": str(home),
        "PATH": f"{program.parent}:{os.environ['PATH']}",
    }
    done = subprocess.run([bash, "-c", run], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.splitlines() == ["Busy Bee"]
