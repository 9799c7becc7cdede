"""``--at`` more than a day ahead (a mistyped year) is refused unless ``--future`` says
it is meant; nothing is written and the part does not learn a date to come."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import PROTECTOR_ANSWERS, Cli, entry_files
from tests.helpers import TODAY

GROUND = "distress = 3\nsafe = true\n"


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (["exercise", "protector"], PROTECTOR_ANSWERS),
        (["ground"], GROUND),
        (["integrate"], "body_rating = 5\n"),
        (["practices"], ""),
    ],
)
def test_a_date_more_than_a_day_ahead_is_refused(
    cli: Cli, home: Path, args: list[str], stdin: str
) -> None:
    result = cli(*args, "--at", "2027-11-23 20:00", "--answers", "-", input=stdin)
    assert result.exit_code == 2
    assert "more than a day ahead" in result.stderr
    assert "--future" in result.stderr
    assert entry_files(home) == []
    assert not (home / "parts").exists()


def test_later_today_and_tomorrow_are_still_accepted(cli: Cli, home: Path) -> None:
    tomorrow = f"{TODAY.date().replace(day=24)} 19:00"
    result = cli("ground", "--at", tomorrow, "--answers", "-", input=GROUND)
    assert result.exit_code == 0, result.stderr
    assert len(entry_files(home)) == 1


def test_future_allows_a_date_ahead_on_purpose(cli: Cli, home: Path) -> None:
    result = cli(
        "exercise",
        "protector",
        "--at",
        "2027-01-01 09:00",
        "--future",
        "--answers",
        "-",
        input=PROTECTOR_ANSWERS,
    )
    assert result.exit_code == 0, result.stderr
    (saved,) = entry_files(home)
    assert saved.name.startswith("2027-01-01T0900")


@pytest.mark.parametrize("value", ["not a date", "2026-13-01", "tomorrow"])
def test_a_now_that_is_not_a_time_is_one_sentence_and_exit_2(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("PARTSJOURNAL_NOW", value)
    result = cli("note", "A thought")
    assert result.exit_code == 2
    assert "PARTSJOURNAL_NOW" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_a_now_without_a_zone_is_taken_as_local_time(
    cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PARTSJOURNAL_NOW", "2027-07-14T09:30")
    assert cli("note", "A summer thought").exit_code == 0
    (saved,) = (home / "entries" / "2027" / "07").glob("*.toml")
    assert "created = 2027-07-14 09:30:00+02:00" in saved.read_text(encoding="utf-8")  # Paris
