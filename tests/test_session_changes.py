"""``session add`` on a day that has a session asks first; ``session edit`` corrects a
session (linked entries follow a new date); ``session remove`` keeps every entry and
says how many lose their link. Session ids are whatever the session file is called."""

from __future__ import annotations

import json
import tomllib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.askers import Terminal
from tests.conftest import PROTECTOR_ANSWERS, Cli, entry_files
from tests.helpers import one_line_error

pytestmark = pytest.mark.now(datetime(2027, 1, 5, 12, 0, tzinfo=timezone(timedelta(hours=1))))


def write_entry(cli: Cli, at: str, *more: str) -> None:
    result = cli(
        "exercise", "protector", "--at", at, *more, "--answers", "-", input=PROTECTOR_ANSWERS
    )
    assert result.exit_code == 0, result.stderr


def session_files(home: Path) -> list[str]:
    return sorted(f.stem for f in (home / "sessions").glob("*.toml"))


def links(home: Path) -> list[str | None]:
    return [tomllib.loads(f.read_text(encoding="utf-8")).get("session") for f in entry_files(home)]


def test_a_second_session_on_the_same_day_needs_yes_without_a_terminal(
    cli: Cli, home: Path
) -> None:
    assert cli("session", "add", "2026-11-19").exit_code == 0
    one_line_error(cli("session", "add", "2026-11-19"), 2, "add --yes")
    assert len(session_files(home)) == 1
    assert cli("session", "add", "2026-11-19", "--yes").exit_code == 0
    assert len(session_files(home)) == 2
    assert cli("session", "add", "2026-11-20").exit_code == 0  # another day: no question


def test_a_second_session_on_the_same_day_is_asked_about_in_a_terminal(
    cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("session", "add", "2026-11-19", "--label", "first").exit_code == 0
    terminal = Terminal(monkeypatch, False, True)
    kept = cli("session", "add", "2026-11-19")
    assert kept.exit_code == 0 and "Nothing was added" in kept.stdout
    assert len(session_files(home)) == 1
    assert cli("session", "add", "2026-11-19").exit_code == 0
    assert len(session_files(home)) == 2
    assert "Session 1 (first) is already on Thursday 19 November 2026" in terminal.questions[0]


def test_edit_label_and_kind_keeps_the_id_and_the_entries(cli: Cli, home: Path) -> None:
    assert cli("session", "add", "2026-11-19", "--label", "first").exit_code == 0
    write_entry(cli, "2026-11-20 09:00")
    before = [f.read_bytes() for f in entry_files(home)]
    (sid,) = session_files(home)
    result = cli("session", "edit", "1", "--kind", "therapy", "--label", "with Anna")
    assert result.exit_code == 0, result.stderr
    data = tomllib.loads((home / "sessions" / f"{sid}.toml").read_text(encoding="utf-8"))
    assert (data["kind"], data["label"]) == ("therapy", "with Anna")
    assert session_files(home) == [sid]
    assert [f.read_bytes() for f in entry_files(home)] == before
    assert cli("session", "edit", "1", "--label", "").exit_code == 0
    data = tomllib.loads((home / "sessions" / f"{sid}.toml").read_text(encoding="utf-8"))
    assert "label" not in data


def test_edit_date_moves_the_session_and_its_linked_entries_follow(cli: Cli, home: Path) -> None:
    assert cli("session", "add", "2026-11-19", "--label", "first").exit_code == 0
    write_entry(cli, "2026-11-21 09:00")
    write_entry(cli, "2026-10-01 09:00", "--session", "1")  # far away, linked by hand
    (old,) = session_files(home)
    result = cli("session", "edit", "1", "--date", "2026-11-18")
    assert result.exit_code == 0, result.stderr
    assert "2 linked entries follow it" in result.stdout
    (new,) = session_files(home)
    assert new != old and new.startswith("2026-11-18")
    assert links(home) == [new, new]
    listed = json.loads(cli("entries", "--session", "1", "--format", "json").stdout)
    assert len(listed["entries"]) == 2
    assert "first" in cli("session", "list").stdout


def test_edit_with_nothing_to_change_says_what_to_give(cli: Cli) -> None:
    assert cli("session", "add", "2026-11-19").exit_code == 0
    one_line_error(cli("session", "edit", "1"), 2, "--date, --time, --kind or --label")


def test_remove_asks_first_keeps_every_entry_and_counts_lost_links(
    cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("session", "add", "2026-11-01").exit_code == 0
    assert cli("session", "add", "2026-11-19").exit_code == 0
    write_entry(cli, "2026-11-20 09:00")  # after session 2
    write_entry(cli, "2026-11-21 09:00")  # after session 2
    before = [f.read_bytes() for f in entry_files(home)]
    one_line_error(cli("session", "remove", "2"), 2, "add --yes")
    terminal = Terminal(monkeypatch, False)
    assert "Nothing was removed" in cli("session", "remove", "2").stdout
    assert "2 entries are linked to it" in terminal.questions[0]
    assert len(session_files(home)) == 2
    result = cli("session", "remove", "2", "--yes")
    assert result.exit_code == 0, result.stderr
    assert "2 entries are no longer linked to a session" in result.stdout
    assert len(session_files(home)) == 1
    assert [f.read_bytes() for f in entry_files(home)] == before


def test_remove_says_when_entries_now_belong_to_another_session(cli: Cli, home: Path) -> None:
    write_entry(cli, "2026-11-10 09:00")  # written before any session: placed by the rule
    assert cli("session", "add", "2026-11-01").exit_code == 0
    assert cli("session", "add", "2026-11-19").exit_code == 0  # 9 days ahead: it wins
    result = cli("session", "remove", "2", "--yes")
    assert result.exit_code == 0, result.stderr
    assert "0 entries are no longer linked to a session" in result.stdout
    assert "1 now belongs to another session" in result.stdout


@pytest.mark.parametrize("stem", ["2026-11-19", "2026-11-19-3f9a2c"])
def test_edit_and_remove_work_whatever_the_session_file_is_called(
    cli: Cli, home: Path, stem: str
) -> None:
    folder = home / "sessions"
    folder.mkdir(parents=True)
    (folder / f"{stem}.toml").write_text(
        f'id = "{stem}"\ndate = 2026-11-19\nkind = "ketamine"\n', encoding="utf-8"
    )
    write_entry(cli, "2026-11-20 09:00", "--session", "1")
    assert links(home) == [stem]
    assert cli("session", "edit", "1", "--label", "named").exit_code == 0
    assert session_files(home) == [stem]
    assert cli("session", "edit", "1", "--date", "2026-11-18").exit_code == 0
    (moved,) = session_files(home)
    assert moved.startswith("2026-11-18") and links(home) == [moved]
    assert cli("session", "remove", "1", "--yes").exit_code == 0
    assert session_files(home) == [] and len(entry_files(home)) == 1


def test_listing_sessions_does_not_load_the_prompts(home: Path) -> None:
    """add, edit and remove may ask, so they are built only when run (cli/lazy.py)."""
    import os
    import subprocess
    import sys

    code = (
        "import sys\nfrom partsjournal.cli import app\n"
        "try:\n    app(['session', 'list'])\nexcept SystemExit:\n    pass\n"
        "print('LOADED', 'partsjournal.prompts' in sys.modules)"
    )
    env = {**os.environ, "PARTSJOURNAL_HOME": str(home)}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert "No sessions yet" in proc.stdout
    assert "LOADED False" in proc.stdout
