from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from partsjournal.core import sessions
from partsjournal.core.answers import first_words
from partsjournal.core.errors import UsageError
from partsjournal.render import ics

NOW = datetime(2026, 11, 1, 9).astimezone()


def add(day: date, kind: str = "ketamine") -> sessions.Session:
    return sessions.add(day, kind=kind, created=NOW)


def test_sessions_are_numbered_by_date_not_by_creation(home: Path) -> None:
    late = add(date(2026, 11, 19))
    early = add(date(2026, 11, 5))
    listed = sessions.load_all()
    assert [s.id for s in listed] == [early.id, late.id]
    assert [s.number for s in listed] == [1, 2]
    assert (home / "sessions" / f"{late.id}.toml").is_file()


def test_two_sessions_on_one_day_get_distinct_ids(home: Path) -> None:
    a, b = add(date(2026, 11, 5)), add(date(2026, 11, 5))
    assert a.id != b.id and len(sessions.load_all()) == 2


def test_find_by_id_number_and_date(home: Path) -> None:
    s1, s2 = add(date(2026, 11, 5)), add(date(2026, 11, 19), "therapy")
    assert sessions.find("2").id == s2.id
    assert sessions.find(s1.id).id == s1.id
    assert sessions.find("2026-11-19").id == s2.id
    with pytest.raises(UsageError, match="no session '7'"):
        sessions.find("7")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 5), (1, "before")),  # 14 days before: inside the window
        (date(2026, 11, 4), (None, None)),  # 15 days before, and no earlier session
        (date(2026, 11, 19), (1, "after")),  # the same day counts as after
        (date(2027, 1, 18), (1, "after")),  # 60 days after: inside
        (date(2027, 1, 19), (None, None)),  # 61 days after: outside
    ],
)
def test_link_window_edges(home: Path, day: date, expected: tuple[int | None, str | None]) -> None:
    add(date(2026, 11, 19))
    session, phase = sessions.link(day)
    assert (session.number if session else None, phase) == expected


def test_link_prefers_the_nearest_and_upcoming_on_ties(home: Path) -> None:
    add(date(2026, 11, 1))
    add(date(2026, 11, 11))
    s, phase = sessions.link(date(2026, 11, 6))  # 5 days after #1, 5 days before #2
    assert (s and s.number, phase) == (2, "before")
    s, phase = sessions.link(date(2026, 11, 3))
    assert (s and s.number, phase) == (1, "after")


def test_override_and_explicit(home: Path) -> None:
    add(date(2026, 11, 1))
    add(date(2026, 11, 11))
    s, phase = sessions.link(date(2026, 11, 6), phase="after")
    assert (s and s.number, phase) == (1, "after")
    s, phase = sessions.link(date(2026, 11, 6), explicit="1")
    assert (s and s.number, phase) == (1, "after")
    s, phase = sessions.link(date(2026, 10, 1), phase="before")
    assert (s, phase) == (None, "before")


def test_describe(home: Path) -> None:
    s = add(date(2026, 11, 19))
    assert sessions.describe(date(2026, 11, 16), s, "before") == "3 days before session 1"
    assert sessions.describe(date(2026, 11, 18), s, "before") == "1 day before session 1"
    assert sessions.describe(date(2026, 11, 26), s, "after") == "day 7 after session 1"
    assert sessions.describe(date(2026, 11, 19), s, "after") == "the day of session 1"


def test_unreadable_session_file_is_skipped_with_a_warning(home: Path) -> None:
    add(date(2026, 11, 19))
    (home / "sessions" / "broken.toml").write_bytes(b"\xff\xfe")
    warnings: list[str] = []
    assert len(sessions.load_all(warn=warnings.append)) == 1
    assert len(warnings) == 1 and "broken.toml" in warnings[0]


def test_ics_lines_fold_at_75_octets_without_splitting_a_character() -> None:
    line = "SUMMARY:" + "é" * 100
    pieces = ics._ics_fold(line)
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert all(p.startswith(" ") for p in pieces[1:])
    assert pieces[0] + "".join(p[1:] for p in pieces[1:]) == line


def test_phase_flags() -> None:
    assert sessions.phase_from_flags(False, False) is None
    assert sessions.phase_from_flags(True, False) == "before"
    assert sessions.phase_from_flags(False, True) == "after"
    with pytest.raises(UsageError, match="not both"):
        sessions.phase_from_flags(True, True)


def test_placement_keeps_a_stored_link_and_survives_a_removed_session(home: Path) -> None:
    from partsjournal.core.answers import Answer
    from partsjournal.core.entry import Entry

    s1, s2 = add(date(2026, 11, 1)), add(date(2026, 11, 20))
    item = Entry(
        id="x",
        created=datetime(2026, 11, 18, 9).astimezone(),
        exercise="protector",
        exercise_version=1,
        title="t",
        answers=[Answer(step="a", kind="long_text", prompt="p", value="one two three")],
        session=s1.id,
        phase="after",
    )
    found = sessions.load_all()
    assert sessions.placement(item, found) == (found[0], "after")  # stored wins over nearest
    item.session = "gone"
    assert sessions.placement(item, found) == (None, "after")
    item.session, item.phase = None, None
    assert sessions.placement(item, found) == (found[1], "before")
    assert s2.id == found[1].id
    assert first_words(item.answers, 9) == "one two…"


def test_window_parses_only_its_sessions_and_numbers_like_load_all(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for month in range(1, 13):
        add(date(2025, month, 10))
    everything = {s.id: s.number for s in sessions.load_all()}
    opened: list[str] = []
    real = sessions.read_toml

    def spy(path: Path) -> dict[str, object]:
        opened.append(path.stem)
        return real(path)

    monkeypatch.setattr(sessions, "read_toml", spy)
    near = sessions.load_window(date(2025, 6, 1), date(2025, 7, 31), ids=["2025-01-10"])
    assert [(s.id, s.number) for s in near] == [
        ("2025-01-10", 1),
        ("2025-06-10", 6),
        ("2025-07-10", 7),
    ]
    assert all(everything[s.id] == s.number for s in near)
    assert sorted(opened) == ["2025-01-10", "2025-06-10", "2025-07-10"]
    assert sessions.count() == 12


def test_a_broken_dated_session_file_keeps_its_number(home: Path) -> None:
    add(date(2025, 1, 10))
    add(date(2025, 3, 10))
    (home / "sessions" / "2025-02-10-ketamine.toml").write_text("date = ", encoding="utf-8")
    warnings: list[str] = []
    listed = sessions.load_all(warn=warnings.append)
    assert [(s.date.month, s.number) for s in listed] == [(1, 1), (3, 3)]
    assert len(warnings) == 1 and "2025-02-10-ketamine.toml" in warnings[0]
    far = sessions.load_window(date(2025, 3, 1), date(2025, 3, 31))
    assert [s.number for s in far] == [3]


def test_saving_an_entry_reads_only_the_sessions_near_it(
    home: Path, monkeypatch: pytest.MonkeyPatch, protector_answers: Path
) -> None:
    from click.testing import CliRunner

    from partsjournal.cli.root import app

    for month in range(1, 13):
        add(date(2025, month, 10))
    opened: list[str] = []
    real = sessions.read_toml

    def spy(path: Path) -> dict[str, object]:
        opened.append(path.stem)
        return real(path)

    monkeypatch.setattr(sessions, "read_toml", spy)
    result = CliRunner().invoke(
        app, ["exercise", "protector", "--answers", str(protector_answers), "--at", "2025-06-12"]
    )
    assert result.exit_code == 0, result.output
    assert "day 2 after session 6" in result.stdout
    # only the sessions inside link()'s windows (60 days back, 14 ahead), not all twelve
    assert set(opened) == {"2025-05-10", "2025-06-10"}
