"""``partsjournal session``, the .ics check-ins, and phase linking through the CLI."""

from __future__ import annotations

import os
import re
import stat
import tomllib
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import icalendar
import pytest

from partsjournal.render import ics
from tests.conftest import PROTECTOR_ANSWERS, Cli, entry_files
from tests.helpers import PREPARE_ANSWERS, freeze_today

# These journals run into early 2027, and "today" comes after all of them: --at more
# than a day ahead is refused.
pytestmark = pytest.mark.now(datetime(2027, 3, 1, 12, 0, tzinfo=timezone(timedelta(hours=1))))


def write(tmp_path: Path, name: str, text: str) -> Path:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return f


def load(path: Path) -> dict[str, object]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def protector_at(cli: Cli, home: Path, tmp_path: Path, at: str, *extra: str) -> dict[str, object]:
    """Run the protector exercise dated ``at`` and return the saved entry."""
    answers = write(tmp_path, "protector.toml", PROTECTOR_ANSWERS)
    before = set(entry_files(home))
    result = cli("exercise", "protector", "--answers", str(answers), "--at", at, *extra)
    assert result.exit_code == 0, result.output
    (new,) = set(entry_files(home)) - before
    return load(new)


def test_session_add_writes_a_toml_file_and_says_which_number(cli: Cli, home: Path) -> None:
    result = cli("session", "add", "2026-11-19", "--label", "first one")
    assert result.exit_code == 0, result.output
    assert "session 1" in result.stdout and "2026-11-19" in result.stdout
    data = load(home / "sessions" / "2026-11-19.toml")
    assert data["date"] == date(2026, 11, 19)
    assert data["kind"] == "ketamine" and data["label"] == "first one"
    assert stat.S_IMODE((home / "sessions" / "2026-11-19.toml").stat().st_mode) == 0o600


def test_session_list_counts_before_and_after_entries(cli: Cli, home: Path, tmp_path: Path) -> None:
    assert cli("session", "add", "2026-11-19").exit_code == 0
    assert (
        cli("session", "add", "2026-12-10", "--kind", "therapy", "--label", "second").exit_code == 0
    )
    protector_at(cli, home, tmp_path, "2026-11-10 09:00")  # 9 days before #1
    protector_at(cli, home, tmp_path, "2026-11-21 09:00")  # 2 days after #1
    protector_at(cli, home, tmp_path, "2026-11-22 09:00")  # 3 days after #1
    protector_at(cli, home, tmp_path, "2026-12-09 09:00")  # 1 day before #2
    result = cli("session", "list")
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if "2026-1" in line]
    assert len(rows) == 2
    first = rows[0].replace("│", " ").split()
    second = rows[1].replace("│", " ").split()
    # number, weekday, date, kind, [label...], before, after, id
    assert first[0] == "1" and "2026-11-19" in first and first[-3:-1] == ["1", "2"]
    assert second[0] == "2" and "therapy" in second and "second" in second
    assert second[-3:-1] == ["1", "0"]


def test_session_list_when_there_are_none(cli: Cli) -> None:
    result = cli("session", "list")
    assert result.exit_code == 0
    assert "No sessions yet" in result.stdout


def test_session_show_tells_the_story_in_order(cli: Cli, home: Path, tmp_path: Path) -> None:
    assert cli("session", "add", "2026-11-19", "--label", "first one").exit_code == 0
    prep = write(tmp_path, "prep.toml", PREPARE_ANSWERS)
    after = write(
        tmp_path, "after.toml", PROTECTOR_ANSWERS.replace("The team meeting", "The drive home")
    )
    # written out of order on purpose: show sorts by time
    r1 = cli("exercise", "protector", "--answers", str(after), "--at", "2026-11-26 20:00")
    r2 = cli("exercise", "prepare", "--answers", str(prep), "--at", "2026-11-16 20:00")
    assert r1.exit_code == 0 and r2.exit_code == 0, r1.output + r2.output
    assert "This entry is day 7 after session 1." in r1.stdout
    assert "This entry is 3 days before session 1." in r2.stdout

    result = cli("session", "show", "1")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "3 days before session 1" in out and "day 7 after session 1" in out
    # preparation, then the session, then integration, whatever order they were written in
    order = ["3 days before", "Preparing for", "I picture the", "ketamine session", "day 7 after"]
    places = [out.index(word) for word in order]
    assert places == sorted(places)
    assert out.index("day 7 after") < out.index("The drive")
    # the same session can be named by id or by date
    assert cli("session", "show", "2026-11-19").stdout == out
    assert cli("session", "show", "2026-11-19").stdout == out


def test_session_show_lists_the_first_20_entries_and_counts_the_rest(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    freeze_today(monkeypatch, datetime(2026, 12, 30, 12, 0).astimezone())
    assert cli("session", "add", "2026-11-19").exit_code == 0
    for day in range(1, 26):  # notes on days 1 to 25 after the session
        when = f"{date(2026, 11, 19) + timedelta(days=day)} 09:00"
        assert cli("note", f"note of day {day}", "--at", when).exit_code == 0
    shown = cli("session", "show", "1")
    assert shown.exit_code == 0, shown.output
    assert "day 20 after" in shown.stdout and "day 21 after" not in shown.stdout
    assert "5 later entries not listed: partsjournal session show 1 --all" in shown.stdout
    every = cli("session", "show", "1", "--all").stdout
    assert "day 25 after" in every and "not listed" not in every
    three = cli("session", "show", "1", "-n", "3").stdout
    assert "day 3 after" in three and "day 4 after" not in three
    assert "22 later entries" in three
    both = cli("session", "show", "1", "-n", "3", "--all")
    assert both.exit_code == 2 and "either --all or -n N" in both.stderr


def test_prepare_entry_stores_intention_support_plan_and_part(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    assert cli("session", "add", "2026-11-19").exit_code == 0
    prep = write(tmp_path, "prep.toml", PREPARE_ANSWERS)
    assert cli("exercise", "prepare", "--answers", str(prep), "--at", "2026-11-16").exit_code == 0
    data = load(entry_files(home)[0])
    assert data["session"] == "2026-11-19" and data["phase"] == "before"
    roles: dict[str, list[object]] = {}
    for a in data["answers"]:  # type: ignore[attr-defined]
        roles.setdefault(a.get("role"), []).append(a["value"])
    assert roles["intention"] == ["Meet what is under the tiredness, knowing I can stop."]
    assert roles["support-plan"] == ["Anna, 0123 456", "Peppermint tea and the heavy blanket"]
    assert data["parts"] == [{"id": "the-worrier", "name": "The Worrier"}]
    assert (home / "parts" / "the-worrier.toml").is_file()


def test_entries_written_before_the_session_was_added_are_placed_too(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    entry = protector_at(cli, home, tmp_path, "2026-11-16 09:00")
    assert "session" not in entry and "phase" not in entry
    assert cli("session", "add", "2026-11-19").exit_code == 0
    result = cli("session", "show", "1")
    assert "3 days before session 1" in result.stdout


@pytest.mark.parametrize(
    ("at", "session", "phase"),
    [
        ("2026-11-05 09:00", "2026-11-19", "before"),  # 14 days before: inside
        ("2026-11-04 23:59", None, None),  # 15 days before: outside
        ("2026-11-19 07:00", "2026-11-19", "after"),  # the day itself counts as after
        ("2027-01-18 22:00", "2026-11-19", "after"),  # day 60: inside
        ("2027-01-19 00:01", None, None),  # day 61: outside
    ],
)
def test_automatic_phase_linking_at_the_window_edges(
    cli: Cli, home: Path, tmp_path: Path, at: str, session: str | None, phase: str | None
) -> None:
    assert cli("session", "add", "2026-11-19").exit_code == 0
    data = protector_at(cli, home, tmp_path, at)
    assert data.get("session") == session
    assert data.get("phase") == phase


def test_before_after_and_session_options_override_the_nearest(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    assert cli("session", "add", "2026-11-01").exit_code == 0
    assert cli("session", "add", "2026-11-11").exit_code == 0
    nearest = protector_at(cli, home, tmp_path, "2026-11-06 09:00")  # a tie: upcoming wins
    assert (nearest["session"], nearest["phase"]) == ("2026-11-11", "before")
    after = protector_at(cli, home, tmp_path, "2026-11-06 10:00", "--after")
    assert (after["session"], after["phase"]) == ("2026-11-01", "after")
    explicit = protector_at(cli, home, tmp_path, "2026-11-06 11:00", "--session", "1")
    assert (explicit["session"], explicit["phase"]) == ("2026-11-01", "after")
    both = protector_at(cli, home, tmp_path, "2026-11-06 12:00", "--session", "2", "--after")
    assert (both["session"], both["phase"]) == ("2026-11-11", "after")


def read_calendar(raw: bytes) -> icalendar.Calendar:
    """Parse with icalendar, after checking the framing a lenient parser would forgive.

    RFC 5545 3.1: every line ends in CRLF and no line is longer than 75 octets.
    """
    text = raw.decode("utf-8")
    assert text.endswith("\r\n")
    physical = text.split("\r\n")[:-1]
    assert all("\n" not in line and "\r" not in line for line in physical)
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    calendar = icalendar.Calendar.from_ical(raw)
    assert isinstance(calendar, icalendar.Calendar)
    assert [(c.name, c.errors) for c in calendar.walk() if c.errors] == []
    return calendar


def test_ics_has_check_ins_one_seven_thirty_and_ninety_days_after(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    out_dir = tmp_path / "calendar"
    out_dir.mkdir(mode=0o755)
    os.chmod(out_dir, 0o755)
    target = out_dir / "checkins.ics"
    result = cli(
        "session", "add", "2026-11-19", "--label", "secret; words, here", "--ics", str(target)
    )
    assert result.exit_code == 0, result.output
    assert str(target) in result.stdout
    raw = target.read_bytes()
    calendar = read_calendar(raw)
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["PRODID"])
    events = calendar.walk("VEVENT")
    assert len(events) == 4
    expected = [date(2026, 11, 19) + timedelta(days=n) for n in (1, 7, 30, 90)]
    starts = sorted(e.decoded("DTSTART") for e in events)
    assert starts == expected
    for event in events:
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is date and type(end) is date  # all-day, not a time of day
        assert end == start + timedelta(days=1)
        stamp = event.decoded("DTSTAMP")
        assert isinstance(stamp, datetime) and stamp.utcoffset() == timedelta(0)
        assert "Integration check-in" in str(event["SUMMARY"])
        description = str(event["DESCRIPTION"])
        assert "partsjournal integrate" in description and "," in description
    assert len({str(e["UID"]) for e in events}) == 4
    # the commas read back above were escaped as RFC 5545 asks for TEXT values
    unfolded = raw.decode("utf-8").replace("\r\n ", "")
    lines = unfolded.splitlines()
    descriptions = [line for line in lines if line.startswith("DESCRIPTION")]
    assert len(descriptions) == 8  # each check-in's, and its alarm's
    assert all(re.search(r"(?<!\\),", line) is None for line in descriptions)
    # the long description really was folded, and unfolds back to one line
    assert any(line.startswith(" ") for line in raw.decode("utf-8").split("\r\n"))
    # private words stay out of calendars, and the folder we wrote into keeps its mode
    for word in ("secret", "ketamine"):
        assert word not in unfolded.lower()
    assert stat.S_IMODE(out_dir.stat().st_mode) == 0o755


def test_every_ics_check_in_rings_in_the_morning_of_its_own_day(cli: Cli, tmp_path: Path) -> None:
    """Without an alarm most calendars never notify: each check-in has one display alarm, at
    nine on the day (an all-day event starts at midnight of its day, wherever the calendar is)."""
    target = tmp_path / "c.ics"
    assert cli("session", "add", "2026-11-19", "--ics", str(target)).exit_code == 0
    events = read_calendar(target.read_bytes()).walk("VEVENT")
    assert len(events) == len(ics.CHECK_IN_DAYS)
    for event in events:
        [alarm] = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])  # DISPLAY needs words
        trigger = alarm["TRIGGER"]
        assert trigger.params.get("RELATED", "START") == "START"
        assert alarm.decoded("TRIGGER") == timedelta(hours=9)
        start = event.decoded("DTSTART")
        rings = datetime.combine(start, time()) + alarm.decoded("TRIGGER")
        assert rings.date() == start and 6 <= rings.hour < 12  # the morning of the day itself


@pytest.mark.parametrize(
    ("after", "text"),
    [
        (timedelta(hours=9), "PT9H"),
        (timedelta(hours=8, minutes=30), "PT8H30M"),
        (timedelta(minutes=45), "PT45M"),
        (timedelta(0), "PT0M"),
    ],
)
def test_alarm_durations_read_back_as_the_same_time(after: timedelta, text: str) -> None:
    assert ics._duration(after) == text
    assert icalendar.vDuration.from_ical(text) == after


def test_ics_into_a_folder_gets_a_file_name(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "cal"
    folder.mkdir()
    result = cli("session", "add", "2026-11-19", "--ics", str(folder))
    assert result.exit_code == 0, result.output
    written = read_calendar((folder / "partsjournal-check-ins-2026-11-19.ics").read_bytes())
    assert len(written.walk("VEVENT")) == 4


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["session", "add", "19/11/2026"], "DATE"),
        (["session", "add", "2026-11-19", "--ics", "/no/such/folder/x.ics"], "does not exist"),
        (["session", "show", "7"], "no session '7'"),
        (["exercise", "protector", "--session", "9", "--answers", "-"], "no session '9'"),
        (["exercise", "protector", "--before", "--after", "--answers", "-"], "not both"),
        (["integrate", "--before", "--after", "--answers", "-"], "not both"),
        (["integrate", "--realm", "heart", "--answers", "-"], "no realm 'heart'"),
        (["integrate", "--session", "nope", "--answers", "-"], "no session 'nope'"),
    ],
)
def test_bad_input_is_one_sentence_and_exit_2(
    cli: Cli, home: Path, args: list[str], needle: str
) -> None:
    result = cli(*args, input=PROTECTOR_ANSWERS)
    assert result.exit_code == 2, result.output
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert entry_files(home) == []
    if args[:2] == ["session", "add"]:
        assert not (home / "sessions").exists()


def test_new_session_ids_never_name_the_kind(cli: Cli, home: Path) -> None:
    assert cli("session", "add", "2026-11-19", "--kind", "ketamine").exit_code == 0
    assert cli("session", "add", "2026-11-19", "--kind", "psilocybin", "--yes").exit_code == 0
    names = sorted(f.name for f in (home / "sessions").iterdir())
    assert names == ["2026-11-19-2.toml", "2026-11-19.toml"]
    assert load(home / "sessions" / "2026-11-19-2.toml")["kind"] == "psilocybin"


def test_sessions_with_the_older_kind_in_their_id_keep_working(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    folder = home / "sessions"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "2026-11-19-ketamine.toml").write_text(
        'id = "2026-11-19-ketamine"\ndate = 2026-11-19\nkind = "ketamine"\n', encoding="utf-8"
    )
    entry = protector_at(cli, home, tmp_path, "2026-11-20 09:00")
    assert (entry["session"], entry["phase"]) == ("2026-11-19-ketamine", "after")
    assert "session 1" in cli("session", "show", "2026-11-19-ketamine").stdout


def test_session_show_reads_only_the_session_and_its_neighbours_and_says_the_same(
    cli: Cli, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`session show` parses the session it shows, the one before and the one after (and
    any sharing their days), and shows exactly what reading every session gives."""
    from partsjournal.core import sessions

    days = ["2026-09-01", "2026-09-20", "2026-10-05", "2026-10-05", "2026-10-30", "2026-11-10"]
    for day in days:
        assert cli("session", "add", day, "--yes").exit_code == 0
    for stamp in ("2026-09-18 09:00", "2026-10-06 09:00", "2026-10-31 09:00", "2026-11-11 09:00"):
        protector_at(cli, home, tmp_path, stamp)
    refs = [str(n) for n in range(1, 7)] + ["2026-09-20", "2026-10-05", "7", "nothing"]
    ids = [s.id for s in sessions.load_all()]
    refs += ids

    def shown() -> list[tuple[int, str, str]]:
        out = []
        for ref in refs:
            r = cli("session", "show", ref)
            out.append((r.exit_code, r.stdout, r.stderr))
        return out

    parsed: list[Path] = []
    real = sessions._from_dict
    monkeypatch.setattr(
        sessions, "_from_dict", lambda data, path: parsed.append(path) or real(data, path)
    )
    fast = shown()
    assert cli("session", "show", "2").exit_code == 0
    parsed.clear()
    assert cli("session", "show", "2").exit_code == 0
    # 2 and its neighbours 1 and 3, and 4, which shares 3's day
    assert {p.stem for p in parsed} == set(ids[:4])

    def every(ref: str, *, warn: object = None) -> tuple[object, object]:
        found = sessions.load_all()
        return sessions.find(ref, found), found

    monkeypatch.setattr(sessions, "neighbourhood", every)
    assert shown() == fast
    codes = dict(zip(refs, [code for code, _, _ in fast], strict=True))
    assert codes.pop("7") == codes.pop("nothing") == 2  # said as find says it
    assert set(codes.values()) == {0}
