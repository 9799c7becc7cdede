"""The top-level command table in cli.py stays true to the commands it stands for."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
import typer.main

from partsjournal.cli import lazy
from partsjournal.cli import root as cli
from tests.conftest import Cli

MODULES = sorted({module for module, _ in cli.COMMANDS.values()})


def first_paragraph(text: str) -> str:
    return " ".join(text.strip().split("\n\n")[0].split())


@pytest.mark.parametrize("name", list(cli.COMMANDS))
def test_listed_line_is_the_commands_own_help(name: str) -> None:
    command = cli.build_command(name)
    assert command.name == name
    assert first_paragraph(command.help or "") == cli.COMMANDS[name][1]


@pytest.mark.parametrize("module", MODULES)
def test_every_command_a_module_registers_is_in_the_table(module: str) -> None:
    found = importlib.import_module(f"partsjournal.cli.{module}")
    if module in lazy.CLICK_MODULES:  # plain Click: its commands by name
        names = set(found.COMMANDS)
        assert all(c.name == n for n, c in found.COMMANDS.items())
    else:  # Typer: what register() defines
        assert not hasattr(found, "COMMANDS")
        holder = typer.Typer()
        found.register(holder)
        names = set(typer.main.get_group(holder).commands)
    assert names == {n for n, (m, _) in cli.COMMANDS.items() if m == module}


def test_help_lists_every_command_without_importing_them(home: Path) -> None:
    code = (
        "import sys\n"
        "sys.argv = ['partsjournal', '--help']\n"
        "from partsjournal import cli\n"
        "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('partsjournal.cli.'))\n"
        "print('LOADED', loaded, file=sys.stderr)\n"
        "heavy = sorted(m for m in sys.modules if m in ('typer', 'rich', 'pydantic'))\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    env = {**os.environ, "PARTSJOURNAL_HOME": str(home), "COLUMNS": "200"}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    for name, (_, line) in cli.COMMANDS.items():
        assert name in proc.stdout and line[:40] in proc.stdout
    # helptext words the value labels and fills in the listing limit (cli.options: Click and
    # the standard library); no command is built, and neither Typer nor rich nor pydantic
    # is loaded
    loaded = ["helptext", "lazy", "options", "root"]
    assert f"LOADED {[f'partsjournal.cli.{m}' for m in loaded]}" in proc.stderr
    assert "HEAVY []" in proc.stderr


def test_a_mistyped_command_gets_a_suggestion(cli: Cli) -> None:
    result = cli("revew")
    assert result.exit_code == 2
    assert "Did you mean review?" in result.output


def test_a_closed_pipe_ends_quietly(home: Path) -> None:
    env = {**os.environ, "PARTSJOURNAL_HOME": str(home)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "partsjournal", "exercise"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader goes away before partsjournal writes (like `| head -0`)
    err = proc.stderr.read().decode()
    proc.wait(timeout=30)
    assert proc.returncode == 1
    assert err == ""
