"""``partsjournal parts`` and its sub-commands, run as a person would run them."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from partsjournal.core import parts, paths
from tests.conftest import Cli, entry_files
from tests.helpers import fake_editor, one_line_error


def test_listing_with_no_parts_says_how_to_start(cli: Cli) -> None:
    result = cli("parts")
    assert result.exit_code == 0
    assert "No parts yet" in result.stdout and "exercise protector" in result.stdout


def test_listing_counts_meetings_and_shows_needs(three_dialogues: Cli) -> None:
    result = three_dialogues("parts")
    assert result.exit_code == 0, result.output
    rows = [ln for ln in result.stdout.splitlines() if "Critic" in ln or "Busy Bee" in ln]
    assert len(rows) == 2
    bee, critic = rows
    assert "Busy Bee" in bee and " 1 " in bee and "2026-03-03" in bee
    assert "A proper rest after lunch" in bee
    assert "The Critic" in critic and " 2 " in critic and "2026-03-05" in critic
    assert "To be taken seriously" in critic


def test_show_has_the_record_and_a_time_line(three_dialogues: Cli) -> None:
    result = three_dialogues("parts", "show", "THE CRITIC")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Time line (2 entries)" in out
    assert "2026-03-01 09:00" in out and "2026-03-05 21:00" in out
    assert "That I would be laughed at" in out  # the first entry's fear
    assert out.count("Being found out") == 2  # the record (newest) and the second entry
    assert "To be taken seriously" in out
    assert "(as the critic)" in out
    assert "Busy Bee" not in out


def test_show_skips_unreadable_entries_with_a_warning(three_dialogues: Cli, home: Path) -> None:
    broken = home / "entries" / "2026" / "03" / "2026-03-04T100000-abcdef.toml"
    broken.write_text("not = [toml", encoding="utf-8")
    result = three_dialogues("parts", "show", "The Critic")
    assert result.exit_code == 0
    assert "Skipped" in result.stderr and str(broken.name) in result.stderr
    assert "Time line (2 entries)" in result.stdout


@pytest.mark.parametrize("command", ["show", "edit", "rename", "merge"])
def test_an_unknown_part_is_one_sentence_with_suggestions(
    three_dialogues: Cli, command: str
) -> None:
    args = {"show": [], "edit": ["--role", "manager"], "rename": ["X"], "merge": ["Busy Bee"]}
    before = sorted(p.read_bytes() for p in paths.parts_dir().iterdir())
    result = three_dialogues("parts", command, "critc", *args[command])
    one_line_error(result, 2, "There is no part called 'critc'. Did you mean 'The Critic'?")
    assert sorted(p.read_bytes() for p in paths.parts_dir().iterdir()) == before


def test_edit_sets_fields_aliases_and_protects(three_dialogues: Cli, home: Path) -> None:
    parts.create("Little One")
    result = three_dialogues(
        "parts",
        "edit",
        "busy bee",
        "--role",
        "firefighter",
        "--body",
        "restless legs",
        "--new-role",
        "Reminds me to play",
        "--alias",
        "the busy one",
        "--alias",
        "Buzz",
        "--protects",
        "little one",
        "--protects",
        "the critic",
        "--notes",
        "Loud on Mondays.",
    )
    assert result.exit_code == 0, result.output
    data = tomllib.loads((home / "parts" / "busy-bee.toml").read_text(encoding="utf-8"))
    assert data["role"] == "firefighter" and data["body"] == "restless legs"
    assert data["new_role"] == "Reminds me to play" and data["notes"] == "Loud on Mondays."
    assert data["aliases"] == ["the busy one", "Buzz"]
    assert data["protects"] == ["little-one", "the-critic"]
    assert data["needs"] == "A proper rest after lunch"  # untouched fields stay
    assert three_dialogues("parts", "show", "buzz").exit_code == 0


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--protects", "Busy Bee"], "cannot protect itself"),
        (["--alias", "the critic"], "already a name of The Critic"),
        (["--protects", "Nobody"], "no part called 'Nobody'"),
    ],
)
def test_edit_refuses_bad_options(
    three_dialogues: Cli, home: Path, args: list[str], needle: str
) -> None:
    f = home / "parts" / "busy-bee.toml"
    before = f.read_bytes()
    one_line_error(three_dialogues("parts", "edit", "Busy Bee", *args), 2, needle)
    assert f.read_bytes() == before


def test_edit_in_editor_saves_a_valid_edit(
    three_dialogues: Cli, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_editor(
        tmp_path,
        monkeypatch,
        # the copy is in a folder of its own, the person's only, outside the journal
        f"assert not path.resolve().is_relative_to({str(home.resolve())!r})\n"
        "assert path.parent.stat().st_mode & 0o777 == 0o700\n"
        "path.write_text(path.read_text() + '# mine\\nrole = \"manager\"\\n')",
    )
    result = three_dialogues("parts", "edit", "The Critic")
    assert result.exit_code == 0, result.output
    f = home / "parts" / "the-critic.toml"
    assert tomllib.loads(f.read_text(encoding="utf-8"))["role"] == "manager"
    assert "# mine" in f.read_text(encoding="utf-8")  # the person's own comment is kept
    assert sorted(p.name for p in f.parent.iterdir()) == ["busy-bee.toml", "the-critic.toml"]
    assert f.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    ("body", "code", "needle"),
    [
        ("path.write_text('name = ')", 1, "could not be read"),
        ("path.write_text(path.read_text() + 'neds = \"x\"\\n')", 1, "'neds'"),
        ("path.write_text('name = \"Busy Bee\"\\n')", 1, "already a name of Busy Bee"),
        ("sys.exit(3)", 1, "editor stopped with an error"),
    ],
)
def test_a_broken_edit_is_refused_and_the_part_kept(
    three_dialogues: Cli,
    home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    body: str,
    code: int,
    needle: str,
) -> None:
    f = home / "parts" / "the-critic.toml"
    before = f.read_bytes()
    fake_editor(tmp_path, monkeypatch, body)
    result = three_dialogues("parts", "edit", "The Critic")
    one_line_error(result, code, needle)
    assert f.read_bytes() == before
    visible = sorted(p.name for p in f.parent.iterdir() if not p.name.startswith("."))
    assert visible == ["busy-bee.toml", "the-critic.toml"]
    hidden = [p for p in f.parent.iterdir() if p.name.startswith(".")]
    if body == "sys.exit(3)":  # nothing was typed, so nothing is kept
        assert hidden == []
    else:  # what was typed is kept, and the message says where
        [kept] = hidden
        assert f"kept in {kept}" in result.stderr


def test_edit_without_an_editor_says_what_to_set(
    three_dialogues: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "no-editors-here"))  # no editor/nano/vi either
    one_line_error(three_dialogues("parts", "edit", "The Critic"), 2, "$EDITOR")


def test_edit_with_no_changes_says_so(
    three_dialogues: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_editor(tmp_path, monkeypatch, "pass")
    result = three_dialogues("parts", "edit", "The Critic")
    assert result.exit_code == 0 and "No changes" in result.stdout


def test_rename_keeps_every_entry_attached(three_dialogues: Cli, home: Path) -> None:
    before = [p.read_bytes() for p in entry_files(home)]
    result = three_dialogues("parts", "rename", "the critic", "Inner Coach")
    assert result.exit_code == 0, result.output
    assert "Inner Coach" in result.stdout
    assert [p.read_bytes() for p in entry_files(home)] == before  # entries untouched
    shown = three_dialogues("parts", "show", "Inner Coach")
    assert "Time line (2 entries)" in shown.stdout
    assert three_dialogues("parts", "show", "The Critic").stdout == shown.stdout
    listing = three_dialogues("parts").stdout
    assert "Inner Coach" in listing and "The Critic" not in listing
    one_line_error(three_dialogues("parts", "rename", "Inner Coach", "busy bee"), 2, "parts merge")


def test_merge_moves_the_entries_over_and_loses_nothing(three_dialogues: Cli, home: Path) -> None:
    result = three_dialogues("parts", "merge", "Busy Bee", "The Critic", "--yes")
    assert result.exit_code == 0, result.output
    listing = three_dialogues("parts").stdout
    assert "Busy Bee" not in listing and " 3 " in listing
    shown = three_dialogues("parts", "show", "busy bee").stdout  # the old name finds the new home
    assert shown.startswith("The Critic") and "Time line (3 entries)" in shown
    assert "A proper rest after lunch" in shown
    old = tomllib.loads((home / "parts" / "busy-bee.toml").read_text(encoding="utf-8"))
    assert old["merged_into"] == "the-critic" and old["needs"] == "A proper rest after lunch"
    one_line_error(
        three_dialogues("parts", "merge", "busy bee", "the critic"), 2, "already the same"
    )


def test_map_draws_self_protectors_and_the_unconnected(three_dialogues: Cli) -> None:
    parts.create("Little One")
    parts.create("Loner")
    assert three_dialogues("parts", "edit", "Busy Bee", "--protects", "The Critic").exit_code == 0
    assert three_dialogues("parts", "edit", "The Critic", "--protects", "Little One").exit_code == 0
    result = three_dialogues("parts", "map")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Self"
    bee = next(i for i, ln in enumerate(lines) if "Busy Bee" in ln)
    critic = next(i for i, ln in enumerate(lines) if "The Critic" in ln)
    little = next(i for i, ln in enumerate(lines) if "Little One" in ln)
    assert bee < critic < little
    indent = [len(lines[i]) - len(lines[i].lstrip("│├└─ ")) for i in (bee, critic, little)]
    assert indent[0] < indent[1] < indent[2]
    after = lines[lines.index("Not yet connected") :]
    assert any("Loner" in ln for ln in after) and not any("Busy Bee" in ln for ln in after)


def test_map_with_a_cycle_and_a_missing_part(three_dialogues: Cli, home: Path) -> None:
    critic = parts.get("the-critic")
    bee = parts.get("busy-bee")
    assert critic is not None and bee is not None
    critic.protects, bee.protects = ["busy-bee", "vanished"], ["the-critic"]
    parts.save(critic)
    parts.save(bee)
    result = three_dialogues("parts", "map")
    assert result.exit_code == 0, result.output
    assert "see above" in result.stdout
    assert "vanished (no longer in the registry)" in result.stdout


def test_map_with_parts_but_no_relations_says_how_to_add_one(three_dialogues: Cli) -> None:
    result = three_dialogues("parts", "map")
    assert result.exit_code == 0
    assert "--protects" in result.stdout and "Not yet connected" in result.stdout


def test_map_with_no_parts(cli: Cli) -> None:
    result = cli("parts", "map")
    assert result.exit_code == 0 and "No parts yet" in result.stdout


def test_names_with_brackets_are_shown_as_typed(cli: Cli) -> None:
    parts.create("[bold]Shouty[/bold]")
    assert "[bold]Shouty[/bold]" in cli("parts").stdout
    assert "[bold]Shouty[/bold]" in cli("parts", "map").stdout


def test_listing_parts_loads_neither_exercises_nor_questionary(
    three_dialogues: Cli, home: Path
) -> None:
    # (typer itself may load pydantic; partsjournal's exercise models must not be)
    code = (
        "import sys\nfrom partsjournal.cli import app\n"
        "try:\n    app(['parts'])\nexcept SystemExit:\n    pass\n"
        "print('LOADED', 'partsjournal.flow.exercises' in sys.modules,"
        " 'questionary' in sys.modules)"
    )
    env = {**os.environ, "PARTSJOURNAL_HOME": str(home)}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert "Busy Bee" in proc.stdout
    assert "LOADED False False" in proc.stdout


def test_an_entry_naming_two_parts_later_merged_counts_once(cli: Cli, tmp_path: Path) -> None:
    from datetime import datetime

    from partsjournal.core import entry

    a, b = parts.create("Worrier"), parts.create("Fretter")
    e = entry.Entry(
        id="2026-04-01T100000-aaaaaa",
        created=datetime.fromisoformat("2026-04-01T10:00:00+00:00"),
        exercise="mine",
        exercise_version=1,
        title="Two at once",
        parts=[entry.PartRef(a.id, a.name), entry.PartRef(b.id, b.name)],
    )
    entry.save_new(e)
    assert cli("parts", "merge", "Fretter", "Worrier", "--yes").exit_code == 0
    shown = cli("parts", "show", "Worrier").stdout
    assert "Time line (1 entry)" in shown
