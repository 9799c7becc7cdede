"""Trailheads: `note` saves a one-line entry with no prompts, the review lists them, and
`exercise protector --from NOTE_ID` starts from the note's words."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from partsjournal.core import parts
from tests.conftest import PROTECTOR_ANSWERS, Cli, entry_files
from tests.keys import ENTER, Typing, line, lines, pick, shown_in_order
from tests.pty_helpers import Tiny, write_exercise, write_tiny


def only_entry(home: Path) -> dict:
    [file] = entry_files(home)
    return tomllib.loads(file.read_text(encoding="utf-8"))


def test_note_saves_an_ordinary_entry_without_asking(cli: Cli, home: Path) -> None:
    result = cli("note", "snapped at J; chest tight", "--part", "The Critic", "--at",
                 "2026-11-20 18:00")  # fmt: skip
    assert result.exit_code == 0, result.output
    data = only_entry(home)
    assert data["exercise"] == "note"
    got = {a["step"]: a for a in data["answers"]}
    assert got["note"]["value"] == "snapped at J; chest tight"
    assert got["note"]["role"] == "trailhead" and got["note"]["part"] == "the-critic"
    assert parts.find("The Critic") is not None
    assert f"--from {data['id']}" in result.stdout
    listed = json.loads(cli("entries", "--format", "json").stdout)
    assert listed["entries"][0]["first_words"].startswith("snapped at J")


def test_a_note_without_a_part_names_none(cli: Cli, home: Path) -> None:
    assert cli("note", "heavy   morning\nagain").exit_code == 0
    data = only_entry(home)
    assert data["parts"] == [] and data["answers"][0]["value"] == "heavy morning again"
    assert parts.load_all() == []


def test_an_empty_note_is_refused(cli: Cli, home: Path) -> None:
    result = cli("note", "  ")
    assert result.exit_code == 2 and "in quotes" in result.stderr
    assert entry_files(home) == []


def test_the_review_lists_the_weeks_trailheads(cli: Cli) -> None:
    cli("note", "snapped at J", "--part", "The Critic", "--at", "2026-11-20 18:00")
    cli("note", "an old one", "--at", "2026-11-01 18:00")
    args = ("review", "--since", "2026-11-17", "--until", "2026-11-23")
    shown = cli(*args).stdout
    assert "Trailheads" in shown and "snapped at J" in shown and "an old one" not in shown
    data = json.loads(cli(*args, "--format", "json").stdout)
    assert [t["text"] for t in data["trailheads"]] == ["snapped at J"]
    assert data["trailheads"][0]["part"] == "The Critic"


def test_protector_from_a_note_fills_the_situation_and_part(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    cli("note", "snapped at J", "--part", "The Critic", "--at", "2026-11-20 18:00")
    note_id = only_entry(home)["id"]
    rest = tmp_path / "a.toml"
    rest.write_text(
        "\n".join(
            line
            for line in PROTECTOR_ANSWERS.splitlines()
            if not line.startswith(("situation", "name_part"))
        ),
        encoding="utf-8",
    )
    result = cli("exercise", "protector", "--from", note_id[:15], "--answers", str(rest))
    assert result.exit_code == 0, result.output
    [_, file] = entry_files(home)
    got = {a["step"]: a["value"] for a in tomllib.loads(file.read_text("utf-8"))["answers"]}
    assert got["situation"] == "snapped at J" and got["name_part"] == "The Critic"


def test_from_needs_a_note(cli: Cli, home: Path, protector_answers: Path) -> None:
    assert cli("exercise", "protector", "--answers", str(protector_answers)).exit_code == 0
    other = only_entry(home)["id"]
    result = cli("exercise", "protector", "--from", other, "--answers", str(protector_answers))
    assert result.exit_code == 2 and "not a note" in result.stderr


def test_from_a_note_in_a_terminal_offers_the_words_to_edit(
    home: Path, cli: Cli, terminal: Typing
) -> None:
    cli("note", "snapped at J", "--at", "2026-11-20 18:00")
    note_id = only_entry(home)["id"]
    name = write_tiny(home)
    keys = [ENTER, lines(" again"), line("3"), line("The Guard"), line("chest"), pick(1), ENTER]
    with terminal.typing(*keys, ENTER):
        result = cli("exercise", name, "--from", note_id)
    assert result.exit_code == 0, result.output
    shown_in_order(result.stdout, Tiny.SITUATION, "snapped at J")  # the note's words, to edit
    files = entry_files(home)
    got = {a["step"]: a["value"] for a in tomllib.loads(files[-1].read_text("utf-8"))["answers"]}
    assert got["situation"] == "snapped at J again"


def test_an_optional_part_left_empty_in_a_terminal_names_no_part(
    home: Path, cli: Cli, terminal: Typing
) -> None:
    parts.create("The Critic")  # a known part: an empty answer must not be "close" to it
    write_exercise(
        home,
        "jot",
        [
            {"id": "line", "kind": "text", "role": "trailhead", "text": "One line, please."},
            {"id": "who", "kind": "part", "optional": True, "text": "Which part, if any?"},
        ],
    )
    with terminal.typing(line("tight chest"), ENTER):
        result = cli("exercise", "jot")
    assert result.exit_code == 0, result.output
    shown_in_order(result.stdout, "One line, please.", "Which part, if any?", "Saved.")
    assert "Did you mean" not in result.stdout
    data = tomllib.loads(entry_files(home)[-1].read_text(encoding="utf-8"))
    assert data["parts"] == [] and "part" not in data["answers"][0]
