"""Journey capture (days 0-2 after a session): fragments, no dialogue, and the parts named
are remembered as met in the session."""

from __future__ import annotations

import tomllib
from pathlib import Path

from partsjournal.core import parts
from partsjournal.flow import exercises
from tests.conftest import Cli, entry_files
from tests.keys import ENTER, Typing, line, shown_in_order
from tests.pty_helpers import write_exercise


def test_journey_asks_no_questions_of_parts() -> None:
    ex = exercises.get("journey")
    about_part = {"part-purpose", "part-fears", "part-needs", "feel-toward", "consent"}
    assert not [s.id for s in ex.steps if s.role in about_part]
    assert all(s.role in {"session-part", "exile"} for s in ex.steps if s.kind == "part")
    assert "{part}" not in "".join(s.text for s in ex.steps)


def journey(cli: Cli, tmp_path: Path, extra: str = "") -> None:
    assert cli("session", "add", "2026-11-19").exit_code == 0
    f = tmp_path / "j.toml"
    f.write_text(
        'activation_before = 5\nfragments = "A blue door; my grandmother\'s voice"\n'
        'parts_seen = true\nsession_part_1 = "The Guard"\nmore_parts = true\n'
        'session_part_2 = "The Dreamer"\nactivation_after = 3\n' + extra,
        encoding="utf-8",
    )
    result = cli("exercise", "journey", "--answers", str(f), "--at", "2026-11-20 09:00")
    assert result.exit_code == 0, result.output


def test_parts_named_in_a_journey_are_met_in_the_session(
    cli: Cli, tmp_path: Path, home: Path
) -> None:
    journey(cli, tmp_path)
    [file] = entry_files(home)
    data = tomllib.loads(file.read_text(encoding="utf-8"))
    assert data["session"] == "2026-11-19" and data["phase"] == "after"
    assert [p["name"] for p in data["parts"]] == ["The Guard", "The Dreamer"]
    guard = parts.find("The Guard")
    assert guard is not None and guard.first_met is not None
    assert guard.first_met.isoformat() == "2026-11-19"  # the session's day, not the entry's
    shown = cli("parts", "show", "The Guard").stdout
    assert "showed itself in session 1" in shown
    # sessions added later, one before it on another day, one on its own day: the time
    # line names it by the number every command gives it, reading only the files it needs
    for day in ("2026-11-01", "2026-11-19", "2026-12-01"):
        assert cli("session", "add", day, "--yes").exit_code == 0
    listed = cli("session", "list").stdout
    number = next(
        line.split("│")[1].strip() for line in listed.splitlines() if "2026-11-19 " in line
    )
    assert number == "2"
    assert f"showed itself in session {number}" in cli("parts", "show", "The Guard").stdout


def test_a_tender_part_in_the_journey_is_kept_for_the_therapist(cli: Cli, tmp_path: Path) -> None:
    journey(cli, tmp_path, 'tender = true\ntender_part = "Small One"\ntender_note = "Crying"\n')
    small = parts.find("Small One")
    assert small is not None and small.role == "exile"
    assert "Crying" in cli("session", "show", "1").stdout


def test_journey_without_a_session_still_saves(cli: Cli, tmp_path: Path, home: Path) -> None:
    f = tmp_path / "j.toml"
    f.write_text(
        'activation_before = 5\nfragments = "Light"\nparts_seen = true\n'
        'session_part_1 = "The Guard"\nactivation_after = 3\n',
        encoding="utf-8",
    )
    assert (
        cli("exercise", "journey", "--answers", str(f), "--at", "2026-11-20 09:00").exit_code == 0
    )
    guard = parts.find("The Guard")
    assert guard is not None and guard.first_met is not None
    assert guard.first_met.isoformat() == "2026-11-20"


def test_session_parts_typed_in_a_terminal_are_several_and_none_takes_the_focus(
    cli: Cli, terminal: Typing, home: Path
) -> None:
    write_exercise(
        home,
        "capture",
        [
            {"id": "seen1", "kind": "part", "role": "session-part", "text": "First one seen?"},
            {"id": "seen2", "kind": "part", "role": "session-part", "text": "Second one seen?"},
            {"id": "after", "kind": "guide", "text": "Nothing about {part} here."},
        ],
    )
    with terminal.typing(line("The Guard"), line("The Dreamer"), ENTER):
        result = cli("exercise", "capture")
    assert result.exit_code == 0, result.output
    shown_in_order(result.stdout, "First one seen?", "Second one seen?")
    shown_in_order(result.stdout, "Nothing about this part here.", "Saved.")
    assert {p.name for p in parts.load_all()} == {"The Guard", "The Dreamer"}


def test_the_day_of_a_session_offers_the_shipped_journey_capture(home: Path) -> None:
    from partsjournal.core import dates, sessions
    from partsjournal.flow import care_words, runner
    from tests.askers import FakeAsker

    now = dates.now()
    sessions.add(now.date(), created=now)
    asker = FakeAsker(
        {"activation_before": 4, "fragments": "Light", "activation_after": 3},
        [
            ("What would you like to do?", care_words.CAPTURE_JOURNEY),
            ("thoughts of ending your life", "No"),  # asked once a day after a session
        ],
    )
    for step in exercises.get("journey").steps:  # optional questions left empty or declined
        if step.optional:
            asker.answers.setdefault(step.id, False if step.kind == "yes_no" else "")
    entry = runner.run_exercise("protector", asker=asker)
    assert entry is not None and entry.exercise == "journey"
    assert "situation" not in asker.asked  # the protector dialogue waits for another day
