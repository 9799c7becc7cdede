"""The protector dialogue going slowly: consent, a part that will not step back, a tender
part greeted from a distance, whom the part protects, and reflecting back before the thanks."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

from partsjournal.core import parts
from partsjournal.flow import exercises, runner
from partsjournal.flow.engine import Run
from partsjournal.flow.exercises import ExerciseFileError
from tests.askers import FakeAsker
from tests.conftest import PROTECTOR_ANSWERS, Cli, entry_files
from tests.helpers import WHEN, by_step


def given(**changes: Any) -> dict[str, Any]:
    answers: dict[str, Any] = tomllib.loads(PROTECTOR_ANSWERS)
    answers.update(changes)
    return answers


# after a tender part came close: how stirred up now (settled), then back to the protector
SETTLED_AFTER_TENDER = {"stirred_after_tender": 3}
BACK_TO_CRITIC = [("What would you like now?", "Go back to The Critic, gently")]


def walk(
    answers: dict[str, Any],
    part: str | None = None,
    replies: list[tuple[str, bool | str]] | None = None,
) -> tuple[FakeAsker, dict[str, Any]]:
    asker = FakeAsker({"stirred_now": "", **answers}, replies)  # the optional check in the middle
    for step in exercises.get("protector").steps:  # optional yes/no left out: declined
        if step.kind == "yes_no" and step.optional:
            asker.answers.setdefault(step.id, False)
        if step.kind == "long_text" and step.optional:
            asker.answers.setdefault(step.id, "")
        if step.kind == "text" and step.optional:
            asker.answers.setdefault(step.id, "")
    entry = runner.walk_and_save(
        Run(exercise=exercises.get("protector"), part_name=part), asker, WHEN
    )
    assert entry is not None
    [file] = entry_files_of_home()
    return asker, tomllib.loads(file.read_text(encoding="utf-8"))


def entry_files_of_home() -> list[Path]:
    from partsjournal.core import paths

    return entry_files(paths.home())


# --------------------------------------------------------------------------- consent


def test_a_no_from_the_part_is_thanked_closed_gently_and_saved(home: Path) -> None:
    asker, data = walk(given(willing=False, not_today_note="It is tired"))
    after_no = asker.asked[asker.asked.index("willing") + 1 :]
    assert after_no == ["not_today", "not_today_note", "closing"]
    got = by_step(data)
    assert got["willing"]["value"] is False and got["willing"]["role"] == "consent"
    assert got["willing"]["part"] == "the-critic"
    assert got["not_today_note"]["value"] == "It is tired"
    assert "purpose" not in got and "fears" not in got
    assert parts.find("The Critic") is not None  # still met, even on a no


def test_a_yes_goes_on_to_the_dialogue(home: Path) -> None:
    asker, data = walk(given())
    assert "not_today" not in asker.asked and "purpose" in by_step(data)


def test_a_scripted_no_saves_a_short_entry(cli: Cli, tmp_path: Path, home: Path) -> None:
    f = tmp_path / "a.toml"
    f.write_text(
        'self_check = false\nsituation = "Monday"\nactivation_before = 4\n'
        'name_part = "The Critic"\nwilling = false\n',
        encoding="utf-8",
    )
    result = cli("exercise", "protector", "--answers", str(f))
    assert result.exit_code == 0, result.output
    [file] = entry_files(home)
    assert by_step(tomllib.loads(file.read_text(encoding="utf-8")))["willing"]["value"] is False


# --------------------------------------------------------------------------- will not step back


def stuck(**more: Any) -> dict[str, Any]:
    return given(
        feel_toward="irritated, critical or angry",
        unblend_check="the other part will not step back",
        **more,
    )


def test_the_part_that_stays_close_becomes_the_focus(home: Path) -> None:
    asker, data = walk(
        stuck(
            unblend_turn="turn toward the part that stays close",
            blended_part="The Skeptic",
            blended_willing=True,
            blended_feel="curious",
        ),
        part="The Critic",  # --part fills the first part step only
    )
    assert "blended_part" in asker.asked and "name_part" not in asker.asked
    # it is asked for its consent before anything else
    i = asker.asked.index("blended_part")
    assert asker.asked[i + 1 : i + 3] == ["blended_willing", "blended_feel"]
    got = by_step(data)
    assert got["image"]["part"] == "the-critic"
    assert got["blended_willing"]["part"] == "the-skeptic"
    assert got["purpose"]["part"] == "the-skeptic" and got["needs"]["part"] == "the-skeptic"
    assert "The Skeptic" in got["purpose"]["prompt"]
    assert [p["name"] for p in data["parts"]] == ["The Critic", "The Skeptic"]
    skeptic = parts.find("The Skeptic")
    assert skeptic is not None and skeptic.needs == "To be taken seriously"


def test_closing_gently_when_another_part_stays_close(home: Path) -> None:
    asker, data = walk(stuck(unblend_turn="close gently for today"))
    assert asker.asked[asker.asked.index("unblend_turn") + 1 :] == ["unblend_close", "closing"]
    assert "purpose" not in by_step(data)


# --------------------------------------------------------------------------- tender parts


def test_a_tender_part_is_greeted_from_a_distance_and_kept_for_therapy(home: Path) -> None:
    asker, data = walk(
        given(
            tender=True, tender_part="Little One", tender_note="A small scared feeling",
            **SETTLED_AFTER_TENDER,
        ),
        replies=BACK_TO_CRITIC,
    )  # fmt: skip
    i = asker.asked.index("tender")
    assert asker.asked[i + 1 : i + 7] == [
        "tender_witness", "tender_part", "tender_note", "tender_settle",
        "stirred_after_tender", "tender_back",
    ]  # fmt: skip
    got = by_step(data)
    assert got["tender_part"]["role"] == "exile"
    assert got["tender_note"]["role"] == "for-therapist"
    assert got["tender_note"]["part"] == "little-one"
    # the dialogue stays with the protector: its questions and answers after the tender part
    assert "The Critic" in got["strengths"]["prompt"] or "The Critic" in got["needs"]["prompt"]
    assert got["needs"]["part"] == "the-critic"
    little = parts.find("Little One")
    assert little is not None and little.role == "exile"
    critic = parts.find("The Critic")
    assert critic is not None and critic.needs == "To be taken seriously" and not critic.role


def test_a_known_part_keeps_its_own_role_when_named_as_tender(home: Path) -> None:
    known = parts.create("Little One")
    known.role = "unsure"
    parts.save(known)
    walk(given(tender=True, tender_part="little one", **SETTLED_AFTER_TENDER), None, BACK_TO_CRITIC)
    found = parts.find("Little One")
    assert found is not None and found.role == "unsure"


def tender_journal(cli: Cli, tmp_path: Path) -> None:
    f = tmp_path / "a.toml"
    f.write_text(
        PROTECTOR_ANSWERS
        + 'tender = true\ntender_part = "Little One"\ntender_note = "Shaky, about school"\n',
        encoding="utf-8",
    )
    assert cli("session", "add", "2026-11-10").exit_code == 0
    assert cli("session", "add", "2026-11-30").exit_code == 0
    result = cli("exercise", "protector", "--answers", str(f), "--at", "2026-11-20 21:00")
    assert result.exit_code == 0, result.output


def test_notes_for_the_therapist_are_highlights_of_the_export(cli: Cli, tmp_path: Path) -> None:
    tender_journal(cli, tmp_path)
    result = cli("export", "--since", "2026-11-01", "--until", "2026-11-30", "--only-highlights")
    assert result.exit_code == 0, result.output
    assert "Shaky, about school" in result.stdout
    data = json.loads(
        cli(
            "export", "--since", "2026-11-01", "--until", "2026-11-30", "--only-highlights",
            "--format", "json",
        ).stdout
    )  # fmt: skip
    roles = [a["role"] for e in data["entries"] for a in e["answers"]]
    assert "for-therapist" in roles


def test_session_show_lists_the_notes_to_bring_to_the_next_session(
    cli: Cli, tmp_path: Path
) -> None:
    tender_journal(cli, tmp_path)
    upcoming = cli("session", "show", "2")
    assert "to bring to session 2" in upcoming.stdout
    assert "Little One" in upcoming.stdout and "Shaky, about school" in upcoming.stdout
    earlier = cli("session", "show", "1")
    assert "Shaky, about school" not in earlier.stdout


def test_the_latest_session_shows_notes_to_bring_next_time(cli: Cli, tmp_path: Path) -> None:
    f = tmp_path / "a.toml"
    f.write_text(PROTECTOR_ANSWERS + 'tender = true\ntender_part = "Little One"\n'
                 'tender_note = "The dream about the lake"\n', encoding="utf-8")  # fmt: skip
    assert cli("session", "add", "2026-11-10").exit_code == 0
    assert (
        cli("exercise", "protector", "--answers", str(f), "--at", "2026-11-12 10:00").exit_code == 0
    )
    shown = cli("session", "show", "1").stdout
    assert "to bring next time" in shown and "The dream about the lake" in shown


def test_the_review_lists_notes_for_the_therapist_and_feel_toward_start_and_end(
    cli: Cli, tmp_path: Path
) -> None:
    tender_journal(cli, tmp_path)
    args = ("review", "--since", "2026-11-17", "--until", "2026-11-23")
    shown = cli(*args).stdout
    assert "For your therapist" in shown and "Shaky, about school" in shown
    assert "curious → warm or compassionate" in shown
    markdown = cli(*args, "--format", "markdown").stdout
    assert "## For your therapist" in markdown
    data = json.loads(cli(*args, "--format", "json").stdout)
    assert data["for_therapist"][0]["text"] == "Shaky, about school"
    assert data["for_therapist"][0]["part"] == "Little One"
    assert data["feel_toward"][0]["start"] == "curious"
    assert data["feel_toward"][0]["end"] == "warm or compassionate"


# --------------------------------------------------------------------------- whom it protects


def test_naming_whom_the_part_protects_fills_the_parts_map(cli: Cli, home: Path) -> None:
    walk(given(protects_someone=True, protected_part="Little One"))
    critic = parts.find("The Critic")
    assert critic is not None and critic.protects == ["little-one"]
    shown = cli("parts", "map").stdout
    assert "Little One" in shown


def test_a_tender_part_and_the_protected_part_with_one_name_are_one_part(home: Path) -> None:
    _, data = walk(
        given(
            tender=True, tender_part="Little One", protects_someone=True,
            protected_part="little one", **SETTLED_AFTER_TENDER,
        ),
        replies=BACK_TO_CRITIC,
    )  # fmt: skip
    assert [p["id"] for p in data["parts"]] == ["the-critic", "little-one"]
    critic = parts.find("The Critic")
    assert critic is not None and critic.protects == ["little-one"]


# --------------------------------------------------------------------------- reflect back


def test_reflecting_back_comes_before_the_thanks(home: Path) -> None:
    asker, data = walk(given(heard="You keep watch"))
    assert asker.asked.index("heard") < asker.asked.index("thanks")
    assert asker.asked.index("thanks") < asker.asked.index("feel_toward_end")
    got = by_step(data)
    assert got["heard"]["value"] == "You keep watch"
    assert got["feel_toward_end"]["role"] == "feel-toward-after"
    assert got["feel_toward_end"]["part"] == "the-critic"


# --------------------------------------------------------------------------- the `then` key


def test_then_must_name_a_later_step(home: Path) -> None:
    folder = home / "exercises"
    folder.mkdir(parents=True)
    (folder / "loop.toml").write_text(
        'name = "loop"\ntitle = "t"\nsummary = "s"\nminutes = 1\n'
        '[[steps]]\nid = "a"\nkind = "guide"\ntext = "A"\n'
        '[[steps]]\nid = "b"\nkind = "guide"\ntext = "B"\nthen = "a"\n',
        encoding="utf-8",
    )
    with pytest.raises(ExerciseFileError, match="not a later step"):
        exercises.get("loop")


def test_a_part_step_may_only_have_a_part_role(home: Path) -> None:
    folder = home / "exercises"
    folder.mkdir(parents=True)
    (folder / "odd.toml").write_text(
        'name = "odd"\ntitle = "t"\nsummary = "s"\nminutes = 1\n'
        '[[steps]]\nid = "a"\nkind = "part"\nrole = "situation"\ntext = "Who?"\n',
        encoding="utf-8",
    )
    with pytest.raises(ExerciseFileError, match="part step"):
        exercises.get("odd")
