"""Protectors before a session: prepare asks the known parts with recorded fears whether they are
willing to talk and all right with the session going ahead, and records a promise;
after-session opens by keeping it."""

from __future__ import annotations

import tomllib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from partsjournal.core import dates, parts, paths, sessions
from partsjournal.flow import known_parts, runner
from tests.askers import AutoAsker, FakeAsker
from tests.conftest import Cli, entry_files
from tests.helpers import by_step

PREPARE: dict[str, Any] = {
    "session_thoughts": "The room, the chair",
    "activation_before": 5,
    "name_part": "The Nervous One",
    "willing": True,
    "feel_toward": "curious",
    "part_feeling": "nervous",
    "part_fears": "Losing control",
    "part_purpose": "Keep me safe",
    "session_ok": True,
    "part_needs": "A pause signal",
    "other_parts": "",
    "intention": "Meet what is under the tiredness",
    "support_people": "Sam",
    "grounding": "Tea",
    "activation_after": 3,
    "stirred_now": "",  # the optional check in the middle, skipped
}

AFTER: dict[str, Any] = {
    "self_check": False,
    "since_session": "Tired",
    "hard_session": False,
    "activation_before": 4,
    "name_part": "The Worrier",
    "willing": True,
    "feel_toward": "curious",
    "part_since": "Quiet",
    "part_worry": "Change",
    "tender": False,
    "reassured": "it softens a little",
    "new_role": "Lookout",
    "part_needs": "",
    "what_changed": "Softer",
    "activation_after": 3,
    "stirred_now": "",
}


# These journals run into early 2027, and "today" comes after all of them: --at more
# than a day ahead is refused.
pytestmark = pytest.mark.now(datetime(2027, 3, 1, 12, 0, tzinfo=timezone(timedelta(hours=1))))


def known_critic() -> None:
    critic = parts.create("The Critic", met=date(2026, 11, 1))
    critic.fears = "That I will be laughed at"
    parts.save(critic)
    quiet = parts.create("Quiet One", met=date(2026, 11, 2))  # no fears recorded: not asked
    parts.save(quiet)


def run(name: str, answers: dict[str, Any], at: str) -> tuple[list[str], dict[str, Any]]:
    created = dates.entry_time(at)
    linked, _ = sessions.link(created.date())
    # prepare offers to put the support plan's people on the card: not now
    # (prepare's own optional questions, its day plan among them, are left empty)
    ask = AutoAsker if name == "prepare" else FakeAsker
    asker = ask(answers, replies=[("support card", False)] if name == "prepare" else [])
    saved = runner.run_exercise(
        name, at=at, asker=asker, exercise=known_parts.exercise_for(name, linked)
    )
    assert saved is not None and saved.path is not None
    return asker.asked, tomllib.loads(Path(saved.path).read_text(encoding="utf-8"))


def test_prepare_asks_known_parts_with_fears_and_records_a_promise(cli: Cli) -> None:
    known_critic()
    assert cli("session", "add", "2026-11-25").exit_code == 0
    answers = {
        **PREPARE,
        "check_the_critic": True,
        "consent_the_critic": True,
        "session_ok_the_critic": True,
        "needs_the_critic": "Know I can stop",
        "promise_the_critic": True,
    }
    asked, data = run("prepare", answers, "2026-11-20 10:00")
    assert "check_quiet_one" not in asked
    assert asked.index("part_needs") < asked.index("check_the_critic") < asked.index("intention")
    got = by_step(data)
    assert got["check_the_critic"]["prompt"].count("That I will be laughed at") == 1
    assert got["consent_the_critic"]["role"] == "consent"
    assert got["session_ok_the_critic"]["role"] == "session-consent"
    assert got["promise_the_critic"]["role"] == "promise"
    assert {got[s]["part"] for s in ("consent_the_critic", "promise_the_critic")} == {"the-critic"}
    assert got["part_needs"]["part"] == "the-nervous-one"
    assert [p["id"] for p in data["parts"]] == ["the-nervous-one", "the-critic"]
    critic = parts.find("The Critic")
    assert critic is not None and critic.needs == "Know I can stop"

    asked, data = run("after-session", {**AFTER, "how_the_critic": "Calmer"}, "2026-11-26 10:00")
    assert asked.index("kept_the_critic") < asked.index("how_the_critic")
    assert asked.index("how_the_critic") < asked.index("since_session")
    assert by_step(data)["how_the_critic"]["part"] == "the-critic"
    [session] = sessions.load_all()
    opened = known_parts.exercise_for("after-session", session)
    assert opened is not None
    kept = opened.step("kept_the_critic")
    assert kept is not None and "you promised The Critic" in kept.text


def test_a_part_not_asked_is_not_named_and_no_promise_is_kept(cli: Cli) -> None:
    known_critic()
    assert cli("session", "add", "2026-11-25").exit_code == 0
    _, data = run("prepare", {**PREPARE, "check_the_critic": False}, "2026-11-20 10:00")
    assert [p["id"] for p in data["parts"]] == ["the-nervous-one"]
    assert "consent_the_critic" not in by_step(data)
    asked, _ = run("after-session", AFTER, "2026-11-26 10:00")
    assert not any(step.startswith("kept_") for step in asked)


def test_scripted_prepare_and_after_session_keep_the_promise(cli: Cli, tmp_path: Path) -> None:
    known_critic()
    assert cli("session", "add", "2026-11-25").exit_code == 0
    before = tmp_path / "before.toml"
    lines = [f"{k} = {v!r}".replace("'", '"') for k, v in PREPARE.items() if v != ""]
    before.write_text(
        "\n".join(lines).replace("= True", "= true").replace("= False", "= false")
        + "\ncheck_the_critic = true\nconsent_the_critic = true\nsession_ok_the_critic = true\n"
        + "promise_the_critic = true\n",
        encoding="utf-8",
    )
    result = cli("exercise", "prepare", "--answers", str(before), "--at", "2026-11-20 10:00")
    assert result.exit_code == 0, result.output
    after = tmp_path / "after.toml"
    lines = [f"{k} = {v!r}".replace("'", '"') for k, v in AFTER.items() if v != ""]
    text = "\n".join(lines).replace("= False", "= false").replace("= True", "= true")
    after.write_text(text + '\nhow_the_critic = "Relieved"\n', encoding="utf-8")
    result = cli("exercise", "after-session", "--answers", str(after), "--at", "2026-11-26 10:00")
    assert result.exit_code == 0, result.output
    files = entry_files(paths.home())
    got = {a["step"]: a for a in tomllib.loads(files[-1].read_text("utf-8"))["answers"]}
    assert got["how_the_critic"]["value"] == "Relieved"
    assert got["how_the_critic"]["part"] == "the-critic"
