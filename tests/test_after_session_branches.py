"""After-session: a hard session or "nothing changed" asks no new role; a new role only when
the part is open to it; a tender part that comes close is greeted from a distance."""

from __future__ import annotations

import tomllib
from typing import Any

from partsjournal.core import parts, paths
from partsjournal.flow import exercises, runner
from partsjournal.flow.engine import Run
from tests.askers import FakeAsker
from tests.conftest import Cli, entry_files
from tests.helpers import WHEN

BASE: dict[str, Any] = {
    "self_check": False,
    "since_session": "Tired, a lot came up",
    "activation_before": 5,
    "name_part": "The Worrier",
    "willing": True,
    "feel_toward": "curious",
    "part_since": "On edge",
    "part_worry": "That we will fall apart",
    "tender": False,
    "reassured": "it softens a little",
    "part_needs": "",
    "what_changed": "Not much yet",
    "activation_after": 4,
    "stirred_now": "",  # the optional check in the middle, skipped
}


def walk(
    replies: list[tuple[str, bool | str]] | None = None, **changes: Any
) -> tuple[list[str], dict[str, Any]]:
    asker = FakeAsker({**BASE, "hard_session": False, **changes}, replies)
    entry = runner.walk_and_save(Run(exercise=exercises.get("after-session")), asker, WHEN)
    assert entry is not None
    [file] = entry_files(paths.home())
    data = tomllib.loads(file.read_text(encoding="utf-8"))
    return asker.asked, {a["step"]: a for a in data["answers"]}


def test_a_part_open_to_it_is_asked_about_a_new_role() -> None:
    asked, got = walk(new_role="A lookout")
    assert "new_role" in asked and got["new_role"]["value"] == "A lookout"
    assert "hard_now" not in asked and "bring_to_therapist" not in asked


def test_a_part_not_convinced_is_not_asked_for_a_new_role() -> None:
    asked, _ = walk(reassured="it is not convinced yet")
    assert "not_yet" in asked and "new_role" not in asked


def test_a_hard_session_asks_what_the_part_needs_and_what_to_bring() -> None:
    asked, got = walk(
        hard_session=True, part_needs="Quiet evenings", bring_to_therapist="The panic on day 2"
    )
    assert "new_role" not in asked
    assert asked.index("hard_now") < asked.index("part_needs") < asked.index("bring_to_therapist")
    assert got["bring_to_therapist"]["role"] == "for-therapist"
    assert got["bring_to_therapist"]["part"] == "the-worrier"


def test_a_tender_part_after_a_session_is_held_for_therapy() -> None:
    asked, got = walk(
        [("What would you like now?", "Go back to The Worrier, gently")],
        new_role="Rest",
        tender=True,
        tender_part="The Kid",
        tender_note="Crying",
        stirred_after_tender=4,  # settled enough to go back to the protector
    )
    assert asked.index("tender_witness") < asked.index("tender_part") < asked.index("reassure")
    assert got["tender_note"]["part"] == "the-kid"
    assert got["part_needs"]["part"] == "the-worrier"
    kid = parts.find("The Kid")
    assert kid is not None and kid.role == "exile"


def test_a_scripted_hard_session_leaves_the_new_role_out(cli: Cli, tmp_path: Any) -> None:
    f = tmp_path / "a.toml"
    f.write_text(
        'since_session = "Hard"\nhard_session = true\nactivation_before = 6\n'
        'name_part = "The Worrier"\nwilling = true\nfeel_toward = "curious"\n'
        'part_since = "Tense"\n'
        'part_worry = "Falling apart"\nreassured = "it is listening but unsure"\n'
        'bring_to_therapist = "Day 2 panic"\nwhat_changed = "Nothing yet"\n'
        "activation_after = 5\n",
        encoding="utf-8",
    )
    result = cli("exercise", "after-session", "--answers", str(f))
    assert result.exit_code == 0, result.output
    [file] = entry_files(paths.home())
    got = {a["step"]: a["value"] for a in tomllib.loads(file.read_text("utf-8"))["answers"]}
    assert "new_role" not in got and got["bring_to_therapist"] == "Day 2 panic"
