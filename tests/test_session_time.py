"""A session's time of day: before it starts the day reads as the day the session is coming
(preparing that morning prepares for it); after it, the day-0 note as before; on days 1 and
2 the part dialogues open with a lighter note."""

from __future__ import annotations

import tomllib
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from partsjournal.core import dates, sessions
from partsjournal.flow import care_words, exercises, runner, session_day, session_plan
from tests.askers import AutoAsker, FakeAsker
from tests.conftest import Cli
from tests.pty_helpers import write_exercise

PARIS = timezone(timedelta(hours=1))
DAY = date(2026, 11, 23)  # the day of the session in these tests
MORNING = datetime(2026, 11, 23, 9, 0, tzinfo=PARIS)
AFTERNOON = datetime(2026, 11, 23, 16, 0, tzinfo=PARIS)
DEEP = [{"id": "talk", "kind": "text", "role": "part-purpose", "text": "Ask the part?"}]


def coming_words(session: str = "session 1", at: str = "14:00") -> str:
    said = session_plan.words().coming_today.format(session=session, time=at)
    return " ".join(said.split())


# --------------------------------------------------------------------------- recording it


def test_a_session_can_be_recorded_with_its_time(cli: Cli, home: Path) -> None:
    result = cli("session", "add", "2026-11-26", "--time", "14:00")
    assert result.exit_code == 0, result.output
    assert "at 14:00" in result.stdout
    [file] = (home / "sessions").glob("*.toml")
    assert tomllib.loads(file.read_text(encoding="utf-8"))["time"] == time(14, 0)
    assert sessions.load_all()[0].time == time(14, 0)


@pytest.mark.parametrize("given", ["9:30", "09:30", "9.30", "9h30"])
def test_a_time_is_read_the_ways_people_write_it(given: str) -> None:
    assert dates.parse_time(given) == time(9, 30)


@pytest.mark.parametrize("given", ["25:00", "14", "2pm", "14:60", ""])
def test_a_time_that_is_not_one_is_refused_in_one_sentence(cli: Cli, given: str) -> None:
    result = cli("session", "add", "2026-11-26", "--time", given)
    assert result.exit_code == 2
    assert "HH:MM" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert sessions.load_all() == []


def test_a_time_can_be_corrected_or_cleared(cli: Cli) -> None:
    assert cli("session", "add", "2026-11-26").exit_code == 0
    assert cli("session", "edit", "1", "--time", "10:15").exit_code == 0
    assert sessions.load_all()[0].time == time(10, 15)
    assert cli("session", "edit", "1", "--date", "2026-11-27").exit_code == 0
    assert sessions.load_all()[0].time == time(10, 15)  # a new date keeps the time
    assert cli("session", "edit", "1", "--time", "").exit_code == 0
    assert sessions.load_all()[0].time is None


def test_a_time_that_is_not_a_time_of_day_makes_the_file_unreadable(home: Path) -> None:
    folder = home / "sessions"
    folder.mkdir(parents=True)
    (folder / "2026-11-26.toml").write_text(
        'id = "2026-11-26"\ndate = 2026-11-26\ntime = "two"\n', encoding="utf-8"
    )
    warned: list[str] = []
    assert sessions.load_all(warn=warned.append) == []
    assert "time" in warned[0]


# --------------------------------------------------------------------------- still to come


@pytest.mark.parametrize(
    ("starts", "clock", "ahead"),
    [
        (time(14, 0), time(9, 0), True),
        (time(14, 0), time(13, 59), True),
        (time(14, 0), time(14, 0), False),
        (time(14, 0), time(20, 0), False),
        (None, time(0, 1), False),  # no time: the day counts as the session's, as before
    ],
)
def test_a_session_on_the_entrys_day_is_still_to_come_only_before_its_time(
    home: Path, starts: time | None, clock: time, ahead: bool
) -> None:
    session = sessions.add(DAY, created=MORNING, starts=starts)
    now = datetime.combine(DAY, clock, tzinfo=PARIS)
    assert sessions.still_ahead(session, now) is ahead
    found, phase = sessions.link(DAY, clock=clock)
    assert found is not None and phase == ("before" if ahead else "after")
    assert sessions.link(DAY, phase="before", clock=clock)[0] == (session if ahead else None)


def test_other_days_are_as_before(home: Path) -> None:
    session = sessions.add(DAY, created=MORNING, starts=time(14, 0))
    assert sessions.still_ahead(session, MORNING - timedelta(days=1))
    assert not sessions.still_ahead(session, AFTERNOON + timedelta(days=1))


@pytest.mark.now(MORNING)
def test_preparing_that_morning_prepares_for_the_session(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    assert cli("session", "add", "2026-11-23", "--time", "14:00").exit_code == 0
    f = tmp_path / "p.toml"
    f.write_text(
        'session_thoughts = "Today"\nactivation_before = 5\nname_part = ""\n'
        'intention = "Go gently"\nsupport_people = "Sam"\ngrounding = "Tea"\n'
        "activation_after = 4\n",
        encoding="utf-8",
    )
    result = cli("exercise", "prepare", "--answers", str(f))
    assert result.exit_code == 0, result.output
    assert "the day of session 1" in result.stdout
    assert coming_words() in " ".join(result.stderr.split())
    assert care_words.SESSION_DAY_TITLE.format(session="session 1") not in result.output
    [entry_file] = (home / "entries").rglob("*.toml")
    saved = tomllib.loads(entry_file.read_text(encoding="utf-8"))
    assert saved["phase"] == "before" and saved["session"] == "2026-11-23"


# --------------------------------------------------------------------------- the day's words


@pytest.mark.now(MORNING)
def test_before_the_session_a_deep_exercise_says_it_is_today_and_goes_on(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_exercise(home, "deep", DEEP, deep=True)
    sessions.add(DAY, created=MORNING, starts=time(14, 0))
    asker = FakeAsker({"talk": "Keeping watch"})  # no question about the day is asked
    entry = runner.run_exercise("deep", asker=asker)
    assert entry is not None and entry.exercise == "deep"
    shown = " ".join(capsys.readouterr().out.split())
    assert coming_words() in shown and "You had session 1 today" not in shown


@pytest.mark.now(AFTERNOON)
def test_after_the_session_the_day_0_note_is_as_before(home: Path) -> None:
    write_exercise(home, "deep", DEEP, deep=True)
    title = exercises.get("deep").title
    sessions.add(DAY, created=MORNING, starts=time(14, 0))
    asker = FakeAsker(
        {"talk": "Tired"},
        [(care_words.SESSION_DAY_ASK, care_words.GO_ON_ANYWAY.format(title=title))],
    )
    entry = runner.run_exercise("deep", asker=asker)
    assert entry is not None and asker.questions == [care_words.SESSION_DAY_ASK]
    assert session_day.recent_session(AFTERNOON)[1] == 0


@pytest.mark.now(MORNING)
def test_a_session_with_no_time_keeps_the_day_0_note_all_day(home: Path) -> None:
    sessions.add(DAY, created=MORNING)
    assert session_day.recent_session(MORNING)[1] == 0


@pytest.mark.now(MORNING)
def test_a_session_still_to_come_is_not_the_day_after_yesterdays(home: Path) -> None:
    sessions.add(DAY, created=MORNING, starts=time(14, 0))
    found, _ = session_day.recent_session(MORNING)
    assert found is None


# --------------------------------------------------------------------------- days 1 and 2


PART_DIALOGUES = ["protector", "after-session", "firefighter", "polarity"]


@pytest.mark.parametrize("name", PART_DIALOGUES)
def test_the_part_dialogues_open_lighter_on_days_1_and_2_only(name: str) -> None:
    ex = exercises.get(name)
    ids = [s.id for s in ex.steps]
    step = ex.step("soon_after")
    assert step is not None and ids.index("soon_after") < 3  # at the opening
    shown = [day for day in range(0, 15) if step.shown({}, "after", day, True)]
    assert shown == [1, 2]
    assert not step.shown({}, "before", None, True) and not step.shown({}, None, None)


@pytest.mark.parametrize(("days_ago", "lighter"), [(1, True), (2, True), (3, False)])
def test_the_protector_on_the_days_after_a_session(
    home: Path, days_ago: int, lighter: bool
) -> None:
    sessions.add(DAY - timedelta(days=days_ago), created=MORNING)
    asker = AutoAsker({"name_part": ""})  # nothing came: the shortest way through
    entry = runner.run_exercise("protector", asker=asker)
    assert entry is not None
    assert ("soon_after" in asker.asked) is lighter
