"""A part named in another case or without its "The" ("critic" for The Critic) is shown
by its registry name everywhere, while the entry keeps what was typed."""

from __future__ import annotations

import json
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from partsjournal.flow import exercises, runner
from partsjournal.flow.engine import Run
from tests.askers import FakeAsker
from tests.conftest import Cli, entry_files
from tests.pty_helpers import write_exercise

STEPS = [
    {"id": "name_part", "kind": "part", "role": "part", "text": "Which part?"},
    {"id": "needs", "kind": "text", "role": "part-needs", "text": "Ask {part}: what do you need?"},
]


def meet_the_critic_then_type_critic(home: Path) -> tuple[FakeAsker, dict[str, object]]:
    write_exercise(home, "meet", STEPS)
    ex = exercises.get("meet")
    when = datetime(2026, 11, 20, 21, 0, tzinfo=UTC)
    runner.walk_and_save(
        Run(exercise=ex), FakeAsker({"name_part": "The Critic", "needs": "rest"}), when
    )
    asker = FakeAsker({"name_part": "critic", "needs": "quiet"})
    runner.walk_and_save(Run(exercise=ex), asker, when.replace(hour=22))
    latest = tomllib.loads(entry_files(home)[-1].read_text(encoding="utf-8"))
    return asker, latest


def test_questions_name_the_part_as_the_registry_does(home: Path) -> None:
    asker, latest = meet_the_critic_then_type_critic(home)
    assert asker.texts[-1] == "Ask The Critic: what do you need?"
    # the file keeps what was typed, and the id of the part it found
    assert latest["parts"] == [{"id": "the-critic", "name": "critic"}]
    assert latest["answers"][0]["value"] == "critic"
    assert "Ask The Critic:" in latest["answers"][1]["prompt"]


def test_the_saved_summary_names_the_registry_part(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meet_the_critic_then_type_critic(home)
    out = capsys.readouterr().out
    assert out.count("Part: The Critic") == 2 and "Part: critic" not in out


def test_show_entries_and_export_use_the_registry_name(cli: Cli, home: Path) -> None:
    _, latest = meet_the_critic_then_type_critic(home)
    entry_id = str(latest["id"])
    shown = cli("show", entry_id).stdout
    assert "part: The Critic" in shown and "part: critic" not in shown
    listed = json.loads(cli("entries", "--since", "2026-11-20", "--format", "json").stdout)
    assert [e["parts"] for e in listed["entries"]] == [["The Critic"], ["The Critic"]]
    table = cli("entries", "--since", "2026-11-20").stdout
    assert "critic," not in table and table.count("The Critic") == 2
    brief = cli("export", "--since", "2026-11-20", "--until", "2026-11-20").stdout
    assert brief.count("part: The Critic") == 2
    data = json.loads(
        cli("export", "--since", "2026-11-20", "--until", "2026-11-20", "--format", "json").stdout
    )
    assert [e["parts"] for e in data["entries"]][-1] == [{"id": "the-critic", "name": "The Critic"}]
