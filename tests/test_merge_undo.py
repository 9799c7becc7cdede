"""``parts merge`` asks first in a terminal (``--yes`` for scripts, never a prompt
without one) and ``parts unmerge`` gives back both parts as they were."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from tests.askers import Terminal
from tests.conftest import Cli
from tests.helpers import one_line_error


def files(home: Path) -> dict[str, dict[str, Any]]:
    return {
        f.stem: tomllib.loads(f.read_text(encoding="utf-8"))
        for f in sorted((home / "parts").glob("*.toml"))
    }


def test_merge_without_a_terminal_needs_yes_and_changes_nothing(
    three_dialogues: Cli, home: Path
) -> None:
    before = files(home)
    one_line_error(three_dialogues("parts", "merge", "Busy Bee", "The Critic"), 2, "add --yes")
    assert files(home) == before


def test_merge_asks_first_in_a_terminal(
    three_dialogues: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = files(home)
    terminal = Terminal(monkeypatch, False, True)
    declined = three_dialogues("parts", "merge", "Busy Bee", "The Critic")
    assert declined.exit_code == 0 and "Nothing was merged" in declined.stdout
    assert files(home) == before
    agreed = three_dialogues("parts", "merge", "Busy Bee", "The Critic")
    assert agreed.exit_code == 0, agreed.stderr
    assert 'partsjournal parts unmerge "Busy Bee"' in agreed.stdout
    assert files(home)["busy-bee"]["merged_into"] == "the-critic"
    assert all("Merge Busy Bee into The Critic?" in q for q in terminal.questions)


def test_unmerge_gives_back_both_parts_as_they_were(three_dialogues: Cli, home: Path) -> None:
    assert three_dialogues("parts", "edit", "The Critic", "--protects", "Busy Bee").exit_code == 0
    assert three_dialogues("parts", "add", "Little One").exit_code == 0
    assert (
        three_dialogues(
            "parts",
            "edit",
            "Busy Bee",
            "--protects",
            "Little One",
            "--alias",
            "Buzz",
            "--notes",
            "Loud on Mondays.",
            "--body",
            "restless legs",
        ).exit_code
        == 0
    )
    before = files(home)
    shown = three_dialogues("parts", "show", "Busy Bee").stdout
    assert three_dialogues("parts", "merge", "Busy Bee", "The Critic", "--yes").exit_code == 0
    merged = files(home)["the-critic"]
    assert "Buzz" in merged["aliases"] and merged["body"] == "restless legs"
    result = three_dialogues("parts", "unmerge", "buzz")
    assert result.exit_code == 0, result.stderr
    assert "two parts again, as before the merge" in result.stdout
    assert files(home) == before
    assert (
        three_dialogues("parts", "show", "Busy Bee").stdout == shown
    )  # its entries are its own again


def test_unmerge_keeps_what_was_written_since_the_merge(three_dialogues: Cli, home: Path) -> None:
    assert three_dialogues("parts", "merge", "Busy Bee", "The Critic", "--yes").exit_code == 0
    assert (
        three_dialogues("parts", "edit", "The Critic", "--needs", "Quiet evenings").exit_code == 0
    )
    assert three_dialogues("parts", "unmerge", "Busy Bee").exit_code == 0
    after = files(home)
    assert after["the-critic"]["needs"] == "Quiet evenings"
    assert "Busy Bee" not in after["the-critic"].get("aliases", [])
    assert "merged_into" not in after["busy-bee"] and "merge_undo" not in after["busy-bee"]


def test_a_merge_made_before_undo_was_recorded_gives_back_the_names(
    three_dialogues: Cli, home: Path
) -> None:
    assert three_dialogues("parts", "merge", "Busy Bee", "The Critic", "--yes").exit_code == 0
    path = home / "parts" / "busy-bee.toml"
    old = tomllib.loads(path.read_text(encoding="utf-8"))
    del old["merge_undo"]
    import tomli_w

    path.write_text(tomli_w.dumps(old), encoding="utf-8")
    result = three_dialogues("parts", "unmerge", "Busy Bee")
    assert result.exit_code == 0, result.stderr
    assert "keeps anything else it took" in result.stdout
    assert "Busy Bee" not in files(home)["the-critic"].get("aliases", [])
    assert "Busy Bee" in three_dialogues("parts").stdout


def test_unmerge_of_a_part_never_merged_is_refused(three_dialogues: Cli) -> None:
    one_line_error(three_dialogues("parts", "unmerge", "The Critic"), 2, "nothing to unmerge")
