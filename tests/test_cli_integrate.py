"""``partsjournal integrate`` and ``partsjournal practices`` with --answers."""

from __future__ import annotations

import tomllib
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from partsjournal.core import entry
from partsjournal.views import practices
from tests.conftest import PROTECTOR_ANSWERS, Cli, entry_files
from tests.helpers import RATINGS, by_step

AFTER = (
    RATINGS
    + """
body_after_noticed = "Tired, heavy legs."
mind_after_insight = "I do not have to earn rest."
body_practice = "Walk after lunch"
mind_practice = "Write five minutes each morning"
balance_practice = "Leave work on time on Wednesday"
"""
)

BEFORE = (
    RATINGS
    + """
body_before_needs = "Sleep early for three nights."
balance_before_support = "My sister knows and will pick me up."
emotion_practice = "Tell Anna how I feel"
"""
)


# These journals run into early 2027, and "today" comes after all of them: --at more
# than a day ahead is refused.
pytestmark = pytest.mark.now(datetime(2027, 3, 1, 12, 0, tzinfo=timezone(timedelta(hours=1))))


def write(tmp_path: Path, text: str, name: str = "answers.toml") -> Path:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return f


def saved(home: Path) -> list[dict[str, Any]]:
    return [tomllib.loads(f.read_text(encoding="utf-8")) for f in entry_files(home)]


def run(cli: Cli, tmp_path: Path, text: str, *args: str, name: str = "a.toml") -> Any:
    return cli("integrate", "--answers", str(write(tmp_path, text, name)), *args)


def test_after_a_session_asks_integration_questions_for_all_realms(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    assert cli("session", "add", "2026-11-19").exit_code == 0
    result = run(cli, tmp_path, AFTER, "--at", "2026-11-26 19:00")
    assert result.exit_code == 0, result.output
    assert "day 7 after session 1" in result.stdout
    (data,) = saved(home)
    assert data["exercise"] == "integrate"
    assert (data["session"], data["phase"]) == ("2026-11-19", "after")
    steps = by_step(data)
    for realm, value in [("body", 5), ("mind", 6), ("emotion", 4), ("spirit", 7), ("balance", 3)]:
        rating = steps[f"{realm}_rating"]
        assert rating["role"] == f"realm-rating:{realm}" and rating["value"] == value
        assert steps[f"{realm}_practice"]["role"] == f"practice:{realm}"
        reflections = [a for a in data["answers"] if a.get("role") == f"realm-reflection:{realm}"]
        assert 2 <= len(reflections) <= 4  # day 7 of the arc adds parts and habits
    assert "mind_week_habit" in steps and "emotion_week_parts" in steps
    assert not any(s.endswith(("_month_life", "_early_ground")) for s in steps)
    assert steps["body_after_noticed"]["value"] == "Tired, heavy legs."
    assert steps["mind_after_insight"]["role"] == "realm-reflection:mind"
    assert not any("_before_" in s for s in steps)
    # no earlier check-in: nothing to follow up
    assert not any(s.startswith("followup") for s in steps)


def test_before_a_session_asks_preparation_questions(cli: Cli, home: Path, tmp_path: Path) -> None:
    assert cli("session", "add", "2026-11-19").exit_code == 0
    result = run(cli, tmp_path, BEFORE, "--at", "2026-11-15 19:00")
    assert result.exit_code == 0, result.output
    assert "4 days before session 1" in result.stdout
    (data,) = saved(home)
    assert data["phase"] == "before"
    steps = by_step(data)
    assert steps["body_before_needs"]["value"] == "Sleep early for three nights."
    assert steps["balance_before_support"]["role"] == "realm-reflection:balance"
    assert not any("_after_" in s for s in steps)
    assert "before_frame" not in steps  # guidance is never stored as an answer
    assert steps["emotion_practice"]["value"] == "Tell Anna how I feel"


def test_before_flag_wins_over_a_past_session(cli: Cli, home: Path, tmp_path: Path) -> None:
    assert cli("session", "add", "2026-11-19").exit_code == 0
    result = run(cli, tmp_path, BEFORE, "--at", "2026-11-21 19:00", "--before")
    assert result.exit_code == 0, result.output
    (data,) = saved(home)
    assert data["phase"] == "before" and "session" not in data
    assert "body_before_needs" in by_step(data)


def test_without_a_session_it_says_so_and_asks_integration_questions(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    result = run(cli, tmp_path, AFTER, "--at", "2026-11-26 19:00")
    assert result.exit_code == 0, result.output
    assert "No session is within 14 days" in result.stdout
    (data,) = saved(home)
    assert data["phase"] == "after" and "session" not in data
    # with no session, the questions that name one give way to ones about recent days
    assert "body_after_noticed_lately" in by_step(data)
    assert "body_after_noticed" not in by_step(data)
    assert not [a["prompt"] for a in data["answers"] if "the session" in a["prompt"]]


def test_realm_option_keeps_only_the_chosen_realms(cli: Cli, home: Path, tmp_path: Path) -> None:
    text = 'body_rating = 4\nspirit_rating = 8\nspirit_practice = "Sit by the river"\n'
    result = run(cli, tmp_path, text, "--after", "--realm", "spirit", "--realm", "BODY")
    assert result.exit_code == 0, result.output
    (data,) = saved(home)
    realms = {a["role"].split(":")[1] for a in data["answers"] if ":" in a.get("role", "")}
    assert realms == {"body", "spirit"}


def test_a_missing_rating_is_refused_before_anything_is_saved(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    result = run(cli, tmp_path, "body_rating = 4\n", "--after")
    assert result.exit_code == 2
    assert "mind_rating" in result.stderr
    assert entry_files(home) == []


def first_then_second(cli: Cli, tmp_path: Path, second: str) -> Any:
    assert cli("session", "add", "2026-11-19").exit_code == 0
    first = run(cli, tmp_path, AFTER, "--at", "2026-11-20 19:00", name="first.toml")
    assert first.exit_code == 0, first.output
    return run(cli, tmp_path, second, "--at", "2026-11-27 19:00", name="second.toml")


FOLLOW_UP = """
followup_body = "did it"
followup_body_note = "Three times, it helped."
followup_mind = "partly"
followup_balance = "not yet"
"""


def test_the_next_integrate_asks_about_last_times_practices(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    second = RATINGS.replace("body_rating = 5", "body_rating = 7") + FOLLOW_UP
    result = first_then_second(cli, tmp_path, second)
    assert result.exit_code == 0, result.output
    assert "Body 5 → 7" in result.stdout
    # the day as every other line says one (it read "of 2026-11-20")
    assert "Since your check-in of Fri 20 Nov: Body 5 → 7" in result.stdout
    _, data = saved(home)
    steps = by_step(data)
    assert steps["followup_body"]["value"] == "did it"
    assert steps["followup_body"]["role"] == "practice-outcome:body"
    assert "Walk after lunch" in steps["followup_body"]["prompt"]
    assert steps["followup_body_note"]["role"] == "practice-note:body"
    assert steps["followup_body_note"]["value"] == "Three times, it helped."
    assert steps["followup_mind"]["value"] == "partly"
    assert steps["followup_balance"]["value"] == "not yet"
    # only the realms that had a practice are followed up, and before the realm questions
    assert "followup_spirit" not in steps
    order = [a["step"] for a in data["answers"]]
    assert order.index("followup_balance_note") < order.index("body_rating")


def test_the_follow_up_is_required_when_practices_are_waiting(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    result = first_then_second(cli, tmp_path, RATINGS)
    assert result.exit_code == 2
    assert "followup_body" in result.stderr
    assert len(entry_files(home)) == 1


def test_the_follow_up_is_asked_even_when_realms_are_filtered(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    assert cli("session", "add", "2026-11-19").exit_code == 0
    assert run(cli, tmp_path, AFTER, "--at", "2026-11-20 19:00", name="f.toml").exit_code == 0
    result = run(
        cli, tmp_path, "spirit_rating = 6\n" + FOLLOW_UP, "--realm", "spirit", "--at", "2026-11-27"
    )
    assert result.exit_code == 0, result.output
    assert by_step(saved(home)[1])["followup_mind"]["value"] == "partly"


def table_rows(text: str) -> list[list[str]]:
    """The cells of a rich table's rows, with cells wrapped over several lines joined."""
    rows: list[list[str]] = []
    for line in text.splitlines():
        if not line.startswith("│"):
            continue
        cells = [c.strip() for c in line.strip().strip("│").split("│")]
        if cells[0]:
            rows.append(cells)
        elif rows:
            rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells, strict=True)]
    return rows


def test_practices_lists_and_follows_up_then_integrate_does_not_ask_again(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    assert cli("session", "add", "2026-11-19").exit_code == 0
    assert run(cli, tmp_path, AFTER, "--at", "2026-11-20 19:00", name="f.toml").exit_code == 0

    listing = cli("practices", "--at", "2026-11-24 08:00")
    assert listing.exit_code == 0, listing.output
    assert "Walk after lunch" in listing.stdout and "not asked yet" in listing.stdout
    assert "3 practices" in listing.stdout and "--answers" in listing.stdout
    assert len(entry_files(home)) == 1  # listing without a terminal saves nothing

    answers = write(tmp_path, FOLLOW_UP, "follow.toml")
    checked = cli("practices", "--answers", str(answers), "--at", "2026-11-24 08:00")
    assert checked.exit_code == 0, checked.output
    check = saved(home)[1]
    assert check["exercise"] == "practice-check"
    assert (check["session"], check["phase"]) == ("2026-11-19", "after")
    assert by_step(check)["followup_mind"]["role"] == "practice-outcome:mind"

    again = cli("practices", "--at", "2026-11-25 08:00")
    rows = {cells[2]: " ".join(cells) for cells in table_rows(again.stdout)}
    assert "did it" in rows["Walk after lunch"] and "Three times, it" in rows["Walk after lunch"]
    assert "partly" in rows["Write five minutes each morning"]
    assert "not yet" in rows["Leave work on time on Wednesday"]
    assert "not asked yet" not in again.stdout and "waiting" not in again.stdout

    # the next integrate does not ask again
    result = run(cli, tmp_path, RATINGS, "--at", "2026-11-27 19:00", name="second.toml")
    assert result.exit_code == 0, result.output
    assert not any(s.startswith("followup") for s in by_step(saved(home)[2]))


def test_practices_with_nothing_to_follow_up(cli: Cli, home: Path, tmp_path: Path) -> None:
    answers = write(tmp_path, FOLLOW_UP, "follow.toml")
    result = cli("practices", "--answers", str(answers))
    assert result.exit_code == 0
    assert "No practices chosen" in result.stdout and "nothing was saved" in result.stdout
    assert entry_files(home) == []


def test_finding_the_last_check_in_reads_only_the_newest_entries(
    cli: Cli, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # an old history across several months, then one check-in, then two other entries
    for month in ("2026-03", "2026-05", "2026-07"):
        r = run(cli, tmp_path, RATINGS, "--after", "--at", f"{month}-10 09:00", name="old.toml")
        assert r.exit_code == 0, r.output
    r = run(cli, tmp_path, AFTER, "--after", "--at", "2026-10-30 09:00", name="last.toml")
    assert r.exit_code == 0, r.output
    protector = write(tmp_path, PROTECTOR_ANSWERS, "protector.toml")
    for day in ("2026-11-02", "2026-11-05"):
        r = cli("exercise", "protector", "--answers", str(protector), "--at", day)
        assert r.exit_code == 0, r.output

    loaded: list[Path] = []
    real_load = entry.load

    def counting_load(path: Path) -> entry.Entry:
        loaded.append(path)
        return real_load(path)

    monkeypatch.setattr(entry, "load", counting_load)
    from datetime import datetime

    found, _ = practices.last_integrate(datetime.fromisoformat("2026-11-06T12:00").astimezone())
    assert found is not None and found.created.month == 10
    # the two November entries and the October check-in; March to July were never opened
    assert [p.name[:10] for p in loaded] == ["2026-11-05", "2026-11-02", "2026-10-30"]


def test_exercise_integrate_runs_the_full_check_in(cli: Cli, home: Path, tmp_path: Path) -> None:
    answers = write(tmp_path, AFTER)
    result = cli("exercise", "integrate", "--answers", str(answers), "--at", "2026-11-26")
    assert result.exit_code == 0, result.output
    assert "No session is within 14 days" in result.stdout
    (data,) = saved(home)
    assert data["phase"] == "after" and "body_after_noticed_lately" in by_step(data)
