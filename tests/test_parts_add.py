"""``parts add NAME``: a part no exercise has named yet, so the README's
``--protects "Little One"`` example works as written."""

from __future__ import annotations

import re
import shlex
import tomllib
from pathlib import Path

from partsjournal.core import parts
from tests.conftest import ROOT, Cli


def read(home: Path, part_id: str) -> dict[str, object]:
    return tomllib.loads((home / "parts" / f"{part_id}.toml").read_text(encoding="utf-8"))


def test_add_records_a_new_part_with_role_protects_and_alias(cli: Cli, home: Path) -> None:
    assert cli("parts", "add", "Little One", "--role", "exile").exit_code == 0
    result = cli(
        "parts",
        "add",
        "The Critic",
        "--role",
        "manager",
        "--protects",
        "little one",
        "--alias",
        "Judge",
    )
    assert result.exit_code == 0, result.stderr
    assert "Added The Critic" in result.stdout
    data = read(home, "the-critic")
    assert data["role"] == "manager"
    assert data["protects"] == ["little-one"]
    assert data["aliases"] == ["Judge"]
    assert "last_met" not in data  # not met in any entry yet
    assert "The Critic (manager)" in cli("parts", "map").stdout


def test_readme_parts_lines_run_in_order_on_an_empty_journal(cli: Cli, home: Path) -> None:
    """Every ``partsjournal parts add/edit ... --option`` line of the README's Parts block."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("### Parts", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    lines = [
        shlex.split(line.split("  #", 1)[0])
        for line in block.splitlines()
        if re.match(r"partsjournal parts (add|edit) \S.* --", line)
    ]
    assert [words[2] for words in lines] == ["add", "edit"]
    parts.create("The Critic")  # met in an exercise before
    for words in lines:
        result = cli(*words[1:])
        assert result.exit_code == 0, (words, result.stderr)
    data = read(home, "the-critic")
    assert data["role"] == "manager" and data["protects"] == ["little-one"]


def test_protects_naming_an_unknown_part_changes_nothing_and_says_how_to_add_it(
    cli: Cli, home: Path
) -> None:
    parts.create("The Critic")
    before = (home / "parts" / "the-critic.toml").read_bytes()
    result = cli("parts", "edit", "The Critic", "--role", "manager", "--protects", "Little One")
    assert result.exit_code == 2
    assert 'partsjournal parts add "Little One"' in result.stderr
    assert (home / "parts" / "the-critic.toml").read_bytes() == before
    result = cli("parts", "add", "Guard", "--protects", "Little One")
    assert result.exit_code == 2
    assert not (home / "parts" / "guard.toml").exists()


def test_adding_a_name_already_known_is_refused(cli: Cli, home: Path) -> None:
    parts.create("The Critic")
    result = cli("parts", "add", "critic")
    assert result.exit_code == 2
    assert 'partsjournal parts edit "The Critic"' in result.stderr
    result = cli("parts", "add", "Judge", "--alias", "the critic")
    assert result.exit_code == 2
    assert sorted(p.name for p in (home / "parts").iterdir()) == ["the-critic.toml"]
    assert cli("parts", "add", "  ").exit_code == 2
