"""The Self-energy check-in, alone and at the start of the protector dialogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from partsjournal.core import entry, parts
from partsjournal.flow import exercises
from tests.conftest import PROTECTOR_ANSWERS, Cli, entry_files

SELF_ROLES = [
    "self:calm",
    "self:curiosity",
    "self:compassion",
    "self:confidence",
    "self:courage",
    "self:clarity",
    "self:creativity",
    "self:connectedness",
]
SCORES = {
    "self_calm": 3,
    "self_curiosity": 6,
    "self_compassion": 2,
    "self_confidence": 4,
    "self_courage": 5,
    "self_clarity": 1,
    "self_creativity": 7,
    "self_connectedness": 0,
}


def answers_file(tmp_path: Path, **answers: object) -> Path:
    lines = []
    for key, value in answers.items():
        if isinstance(value, bool):
            lines.append(f"{key} = {'true' if value else 'false'}")
        elif isinstance(value, int):
            lines.append(f"{key} = {value}")
        else:
            lines.append(f'{key} = "{value}"')
    f = tmp_path / "check.toml"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f


def test_self_check_rates_the_eight_cs_in_order() -> None:
    ex = exercises.get("self-check")
    roles = [s.role for s in ex.steps if s.role and s.role.startswith("self:")]
    assert roles == SELF_ROLES
    assert all(ex.step(sid) is not None and ex.step(sid).kind == "scale" for sid in SCORES)  # type: ignore[union-attr]


def test_scores_are_stored_and_read_back(cli: Cli, home: Path, tmp_path: Path) -> None:
    f = answers_file(tmp_path, **SCORES, part_near=False)
    result = cli("exercise", "self-check", "--answers", str(f), "--at", "2026-02-01 08:00")
    assert result.exit_code == 0, result.output
    (saved,) = entry.load_range()
    assert {r: saved.by_role(r)[0].value for r in SELF_ROLES} == dict(
        zip(SELF_ROLES, SCORES.values(), strict=True)
    )
    assert saved.exercise == "self-check" and saved.parts == []
    steps = {a.step for a in saved.answers}
    assert "closest_part" not in steps and "room_after" not in steps


def test_low_room_invites_the_closest_part_to_step_back(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    parts.create("The Critic")
    f = answers_file(tmp_path, **SCORES, part_near=True, closest_part="the critic", room=2)
    result = cli("exercise", "self-check", "--answers", str(f))
    # the invitation asks how it went: that answer is required once the room is low
    assert result.exit_code == 2 and "room_after" in result.stderr
    assert entry_files(home) == []
    with f.open("a", encoding="utf-8") as out:
        out.write('room_after = "a little more room"\n')
    assert cli("exercise", "self-check", "--answers", str(f)).exit_code == 0
    (saved,) = entry.load_range()
    assert saved.parts[0].id == "the-critic"
    assert saved.by_role("unblend")[0].value == "a little more room"
    assert saved.by_role("part-room")[0].part == "the-critic"
    assert len(parts.load_all()) == 1


def test_plenty_of_room_skips_the_invitation(cli: Cli, tmp_path: Path) -> None:
    f = answers_file(tmp_path, **SCORES, part_near=True, closest_part="Busy Bee", room=8)
    result = cli("exercise", "self-check", "--answers", str(f))
    assert result.exit_code == 0, result.output
    (saved,) = entry.load_range()
    assert saved.answer("room_after") is None
    assert parts.find("busy bee") is not None


def test_protector_can_begin_with_the_self_check(cli: Cli, tmp_path: Path) -> None:
    extra = "".join(f"{k} = {v}\n" for k, v in SCORES.items())
    f = tmp_path / "p.toml"
    f.write_text(
        PROTECTOR_ANSWERS.replace("self_check = false", "self_check = true") + extra,
        encoding="utf-8",
    )
    result = cli("exercise", "protector", "--answers", str(f))
    assert result.exit_code == 0, result.output
    (saved,) = entry.load_range()
    assert [a.role for a in saved.answers[1:9]] == SELF_ROLES
    assert saved.by_role("self:clarity")[0].value == 1
    assert saved.answers[0].step == "self_check" and saved.answers[0].value is True


def test_protector_asks_for_the_scores_once_the_check_is_chosen(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    f = tmp_path / "p.toml"
    f.write_text(PROTECTOR_ANSWERS.replace("self_check = false", "self_check = true"))
    result = cli("exercise", "protector", "--answers", str(f))
    assert result.exit_code == 2 and "self_calm" in result.stderr
    assert entry_files(home) == []


@pytest.mark.parametrize("leave_out", [True, False])
def test_answers_files_without_the_check_still_work(
    cli: Cli, tmp_path: Path, leave_out: bool
) -> None:
    text = PROTECTOR_ANSWERS
    if leave_out:
        text = text.replace("self_check = false\n", "")
    f = tmp_path / "p.toml"
    f.write_text(text, encoding="utf-8")
    assert cli("exercise", "protector", "--answers", str(f)).exit_code == 0
    (saved,) = entry.load_range()
    # left out of the file, the offer is skipped (empty, not a no); answered, it is the no
    assert saved.answer("self_check").value == ("" if leave_out else False)  # type: ignore[union-attr]
    assert not any(a.role and a.role.startswith("self:") for a in saved.answers)
