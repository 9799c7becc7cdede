"""Consent that asks: prepare, after-session and polarity ask a part whether it is willing to
talk, and a no is thanked and respected. A part's no to the session going ahead is heard:
postponing is allowed and is the person's and the clinic's call, the therapist can be told
before the session, and the no is kept where the therapist's brief finds it."""

from __future__ import annotations

import json
import tomllib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from partsjournal.core import parts, paths
from partsjournal.core import vocabulary as vocab
from partsjournal.flow import exercises, known_parts, runner
from partsjournal.flow.engine import Run
from tests.askers import AutoAsker
from tests.conftest import Cli, entry_files

WHEN = datetime(2026, 11, 20, 21, 15, tzinfo=timezone(timedelta(hours=1)))


def walk(
    name: str, answers: dict[str, Any], exercise: exercises.Exercise | None = None
) -> tuple[list[str], dict[str, dict[str, Any]]]:
    replies: list[tuple[str, bool | str]] = [("support card", False)] if name == "prepare" else []
    asker = AutoAsker(dict(answers), replies)
    ex = exercise if exercise is not None else exercises.get(name)
    entry = runner.walk_and_save(Run(exercise=ex), asker, WHEN)
    assert entry is not None
    data = tomllib.loads(entry_files(paths.home())[-1].read_text(encoding="utf-8"))
    return asker.asked, {a["step"]: a for a in data["answers"]}


@pytest.mark.parametrize(
    ("name", "part_step", "willing", "thanks", "goes_on_at"),
    [
        ("prepare", "name_part", "willing", "not_today", "other_parts"),
        ("after-session", "name_part", "willing", "not_today", "what_changed"),
        ("firefighter", "name_part", "willing", "not_today", "closing"),
        ("protector", "name_part", "willing", "not_today", "not_today_note"),
        ("polarity", "part_a", "a_willing", "a_not_today", "closing"),
        ("polarity", "part_b", "b_willing", "b_not_today", "closing"),
    ],
)
def test_a_part_is_asked_whether_it_is_willing_and_its_no_is_thanked(
    home: Path, name: str, part_step: str, willing: str, thanks: str, goes_on_at: str
) -> None:
    asked, got = walk(name, {part_step: "The Guard", willing: False})
    i = asked.index(willing)
    assert asked.index(part_step) < i and asked[i + 1 : i + 3] == [thanks, goes_on_at]
    assert got[willing]["role"] == vocab.CONSENT and got[willing]["value"] is False
    assert got[willing]["part"] == "the-guard"
    step = exercises.get(name).step(willing)
    assert step is not None and not step.optional  # never answered by leaving it out


# --------------------------------------------------------------------------- the session


def no_to_the_session(**more: Any) -> dict[str, Any]:
    return {"name_part": "The Nervous One", "session_ok": False, **more}


def test_a_no_to_the_session_is_answered_before_the_part_is_asked_what_it_needs(
    home: Path,
) -> None:
    asked, got = walk("prepare", no_to_the_session(session_not_ok_note="It wants more time"))
    i = asked.index("session_ok")
    assert asked[i + 1 : i + 4] == ["session_not_ok", "session_not_ok_note", "part_needs"]
    assert got["session_ok"]["role"] == vocab.SESSION_CONSENT
    assert got["session_ok"]["value"] is False and got["session_ok"]["part"] == "the-nervous-one"
    note = got["session_not_ok_note"]
    assert note["role"] == vocab.FOR_THERAPIST and note["value"] == "It wants more time"


def test_a_yes_to_the_session_goes_on_to_what_the_part_needs(home: Path) -> None:
    asked, _ = walk("prepare", {"name_part": "The Nervous One", "session_ok": True})
    i = asked.index("session_ok")
    assert asked[i + 1] == "part_needs" and "session_not_ok" not in asked


def test_the_words_for_a_no_say_postponing_is_allowed_and_whose_call_it_is() -> None:
    said = exercises.get("prepare").step("session_not_ok")
    assert said is not None
    text = " ".join(said.text.split()).lower()
    for words in (
        "postponing",
        "allowed",
        "your decision",
        "clinic",
        "therapist before the session",
    ):
        assert words in text


def test_only_a_no_to_the_session_is_a_highlight() -> None:
    assert vocab.is_highlight(vocab.SESSION_CONSENT, False)
    assert not vocab.is_highlight(vocab.SESSION_CONSENT, True)
    assert vocab.SESSION_CONSENT in vocab.ABOUT_PART


def test_the_no_is_kept_in_the_export_for_the_therapist(cli: Cli, tmp_path: Path) -> None:
    for n, answer in enumerate((False, True)):
        f = tmp_path / f"p{n}.toml"
        f.write_text(
            'session_thoughts = "The room"\nactivation_before = 5\n'
            f'name_part = "Part {n}"\nwilling = true\nfeel_toward = "curious"\n'
            'part_feeling = "nervous"\npart_purpose = "Harm"\npart_fears = "Losing control"\n'
            f"session_ok = {str(answer).lower()}\n"
            'part_needs = "Time"\nintention = "Go slowly"\nsupport_people = "Sam"\n'
            'grounding = "Tea"\nactivation_after = 4\n',
            encoding="utf-8",
        )
        result = cli("exercise", "prepare", "--answers", str(f), "--at", "2026-11-20 10:00")
        assert result.exit_code == 0, result.output
    out = cli("export", "--since", "2026-11-01", "--only-highlights", "--format", "json")
    data = json.loads(out.stdout)
    kept = [
        (a["value"], e["parts"][0]["name"])
        for e in data["entries"]
        for a in e["answers"]
        if a["role"] == "session-consent"
    ]
    assert kept == [(False, "Part 0")]  # the yes is not a highlight


def test_a_known_part_is_asked_whether_it_is_willing_then_about_the_session(home: Path) -> None:
    critic = parts.create("The Critic", met=date(2026, 11, 1))
    critic.fears = "Being laughed at"
    parts.save(critic)
    ex = known_parts.exercise_for("prepare", None)
    assert ex is not None
    asked, got = walk(
        "prepare",
        {
            "name_part": "The Nervous One",
            "check_the_critic": True,
            "consent_the_critic": True,
            "session_ok_the_critic": False,
        },
        exercise=ex,
    )
    i = asked.index("consent_the_critic")
    assert asked[i + 1 : i + 4] == [
        "session_ok_the_critic", "session_no_the_critic", "needs_the_critic",
    ]  # fmt: skip
    assert got["session_ok_the_critic"]["role"] == vocab.SESSION_CONSENT
    assert got["session_ok_the_critic"]["part"] == "the-critic"
    own = exercises.get("prepare").step("session_not_ok")
    said = ex.step("session_no_the_critic")
    assert own is not None and said is not None
    assert said.text == own.text.replace("{part}", "The Critic")  # one wording for a no


def test_a_known_part_that_is_not_willing_is_thanked_and_not_asked_more(home: Path) -> None:
    critic = parts.create("The Critic", met=date(2026, 11, 1))
    critic.fears = "Being laughed at"
    parts.save(critic)
    ex = known_parts.exercise_for("prepare", None)
    asked, got = walk(
        "prepare",
        {"name_part": "The Nervous One", "check_the_critic": True, "consent_the_critic": False},
        exercise=ex,
    )
    i = asked.index("consent_the_critic")
    assert asked[i + 1] == "declined_the_critic"
    assert not any(s.endswith("_the_critic") for s in asked[i + 2 :])
    assert got["consent_the_critic"]["value"] is False
