"""``edit`` with no $VISUAL or $EDITOR falls back as git does: ``editor``, then nano,
then vi, whichever is on the PATH, and says which one it opened."""

from __future__ import annotations

from pathlib import Path

import pytest

from partsjournal.core import entry, parts
from tests.conftest import Cli
from tests.helpers import editor_script
from tests.journal_fixtures import at, day, protector


def install(folder: Path, name: str, body: str) -> None:
    """A fake editor called ``name`` on the PATH: a script that rewrites its file."""
    folder.mkdir(exist_ok=True)
    editor_script(folder / name, body)


@pytest.fixture
def bin_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    return folder


REPLACE = "p.write_text(text.replace('Sunday dread', 'Sunday calm'))"
SPOIL = "p.write_text('this is not what ' + sys.argv[0] + ' should open')"


@pytest.mark.parametrize(
    ("present", "used"),
    [
        (["vi", "nano", "editor"], "editor"),
        (["vi", "nano"], "nano"),
        (["vi"], "vi"),
    ],
)
def test_without_visual_or_editor_the_first_found_is_used_and_named(
    cli: Cli, bin_dir: Path, present: list[str], used: str
) -> None:
    e = protector(at(day(22)), parts.create("The Critic"), situation="Sunday dread")
    for name in present:
        install(bin_dir, name, REPLACE if name == used else SPOIL)
    result = cli("edit", "last")
    assert result.exit_code == 0, result.stderr
    assert f"Opening it in {used}," in result.stdout
    assert entry.load(e.path).answer("situation").value == "Sunday calm"  # type: ignore[arg-type,union-attr]


def test_visual_then_editor_win_over_the_fallbacks(
    cli: Cli, bin_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    e = protector(at(day(22)), parts.create("The Critic"), situation="Sunday dread")
    install(bin_dir, "editor", SPOIL)
    install(bin_dir, "mine", REPLACE)
    monkeypatch.setenv("EDITOR", str(bin_dir / "mine"))
    result = cli("edit", "last")
    assert result.exit_code == 0, result.stderr
    assert "Opening it in" not in result.stdout  # nothing to explain: it is their choice
    assert entry.load(e.path).answer("situation").value == "Sunday calm"  # type: ignore[arg-type,union-attr]


def test_parts_edit_falls_back_too(cli: Cli, bin_dir: Path, home: Path) -> None:
    parts.create("The Critic")
    install(bin_dir, "nano", "p.write_text(text + 'role = \"manager\"\\n')")
    result = cli("parts", "edit", "The Critic")
    assert result.exit_code == 0, result.stderr
    assert "Opening it in nano" in result.stdout
    assert 'role = "manager"' in (home / "parts" / "the-critic.toml").read_text(encoding="utf-8")


def test_no_editor_anywhere_says_what_to_set(cli: Cli, bin_dir: Path) -> None:
    protector(at(day(22)), parts.create("The Critic"))
    result = cli("edit", "last")
    assert result.exit_code == 2
    assert "No editor was found" in result.stderr and "EDITOR=nano" in result.stderr
