"""The course as pictures: which sessions make a course, the series read from entries,
and the small charts review and session show draw from them."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partsjournal.core import sessions
from partsjournal.core.entry import load_range
from partsjournal.core.sessions import Session
from partsjournal.render import charts, ui
from partsjournal.views import course
from partsjournal.views.course import Course, Series
from tests.conftest import Cli
from tests.helpers import TODAY, fake_terminal
from tests.journal_fixtures import at, measure_result, protector, self_check, set_up_measure, write

D = date(2026, 10, 1)


def s(day: date, number: int = 1) -> Session:
    return Session(id=day.isoformat(), date=day, number=number)


# --------------------------------------------------------------------------- which course


@pytest.mark.parametrize(
    ("gaps", "day_offset", "expected"),
    [
        ([0, 7, 14], 0, [0, 7, 14]),  # one course, asked on its first session's day
        ([0, 60], 30, [0, 60]),  # 60 days apart: still one course
        ([0, 61], 30, [0]),  # 61 days apart: two courses; day 30 is in the first's window
        ([0, 61], 61, [61]),
        ([0, 7], -14, [0, 7]),  # the preparation window's first day
        ([0, 7], -15, []),  # the day before it
        ([0, 7], 67, [0, 7]),  # the integration window's last day (last session + 60)
        ([0, 7], 68, []),
        ([], 0, []),
    ],
)
def test_sessions_close_together_make_one_course_with_its_windows(
    gaps: list[int], day_offset: int, expected: list[int]
) -> None:
    found = [s(D + timedelta(days=g), n) for n, g in enumerate(gaps, 1)]
    got = course.of_sessions(found, D + timedelta(days=day_offset))
    assert [(x.date - D).days for x in got] == expected


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    gaps=st.lists(st.integers(min_value=1, max_value=150), min_size=1, max_size=8),
    day=st.integers(min_value=-30, max_value=900),
)
def test_the_course_of_a_day_read_from_nearby_files_is_the_one_all_sessions_give(
    home: Path, gaps: list[int], day: int
) -> None:
    shutil.rmtree(home / "sessions", ignore_errors=True)  # each example from no sessions
    when = D
    for g in gaps:
        when += timedelta(days=g)
        sessions.add(when, created=TODAY)
    asked = D + timedelta(days=day)
    expected = course.of_sessions(sessions.load_all(), asked)
    assert [x.id for x in course.around(asked)] == [x.id for x in expected]


def test_a_long_course_is_charted_over_its_last_four_months() -> None:
    found = [s(D + timedelta(days=30 * k), k + 1) for k in range(12)]  # monthly for a year
    since, until = course.span(found, D + timedelta(days=400))
    assert until == D + timedelta(days=330 + 60)
    assert (until - since).days + 1 == course.REACH_DAYS
    assert course.span(found[:1], D + timedelta(days=3)) == (
        D - timedelta(days=14),
        D + timedelta(days=3),
    )


# --------------------------------------------------------------------------- the series


def test_each_rating_becomes_a_dated_series_and_days_outside_are_left_out(home: Path) -> None:
    write(at(D), "integrate", [("realm-rating:body", 3), ("realm-rating:mind", 5)])
    write(at(D + timedelta(days=2)), "integrate", [("realm-rating:body", 6)])
    self_check(at(D + timedelta(days=1)), 4)
    write(at(D + timedelta(days=1), 22), "self-check", [("self:calm", 3), ("self:clarity", 6)])
    protector(at(D + timedelta(days=3)), None, before=8, after=5)
    protector(at(D + timedelta(days=30)), None, before=9, after=9)  # after the span
    m = set_up_measure("phq-9")
    measure_result(at(D), m, [2] * 9)
    measure_result(at(D + timedelta(days=3)), m, [1] * 9)
    entries = load_range()
    built = course.build(entries, [s(D + timedelta(days=1))], D, D + timedelta(days=10))
    by = {x.key: x for x in built.series}
    assert list(by) == [
        "realm:body", "realm:mind", "self", "activation-before", "activation-after",
        "measure:phq-9",
    ]  # fmt: skip
    assert by["realm:body"].points == [(D, 3), (D + timedelta(days=2), 6)]
    assert by["realm:body"].label == "Body rating"
    assert by["self"].points == [(D + timedelta(days=1), 4.0), (D + timedelta(days=1), 4.5)]
    assert by["activation-before"].points == [(D + timedelta(days=3), 8)]
    assert by["activation-after"].points == [(D + timedelta(days=3), 5)]
    phq = by["measure:phq-9"]
    assert (phq.label, phq.low, phq.high) == ("PHQ-9 total", 0, 27)
    assert phq.points == [(D, 18), (D + timedelta(days=3), 9)]
    assert phq.bands == ["moderately severe", "mild"]


def test_a_course_with_nothing_rated_draws_nothing() -> None:
    empty = course.build([], [s(D)], D, D + timedelta(days=5))
    assert empty.empty and charts.lines(empty, 80, plain=False) == []


# --------------------------------------------------------------------------- the charts


def small_course(plain_values: list[tuple[int, float]], high: int = 10) -> Course:
    series = Series("realm:body", "Body rating", 0, high)
    series.points = [(D + timedelta(days=d), v) for d, v in plain_values]
    return Course(D, D + timedelta(days=9), [s(D + timedelta(days=4), 3)], [series], whole=True)


def test_a_chart_says_in_words_what_its_marks_show() -> None:
    found = charts.lines(small_course([(0, 0), (2, 5), (9, 10)]), 24, plain=False)
    assert found == [
        "Across the course, Thu 1 Oct to Sat 10 Oct (higher marks for higher values; "
        "session 3 is marked in each strip):",
        "Body rating: first 0 on Thu 1 Oct, latest 10 on Sat 10 Oct (of 0-10, 3 in all)",
        "  ▁   ▅   │         █",  # 22 columns for 10 days: two per day
        "Sessions:",
        "          3",
    ]


def test_in_plain_mode_the_marks_are_ascii_and_the_words_the_same() -> None:
    unicode = charts.lines(small_course([(0, 0), (2, 5), (9, 10)]), 24, plain=False)
    plain = charts.lines(small_course([(0, 0), (2, 5), (9, 10)]), 24, plain=True)
    assert all(line.isascii() for line in plain)
    assert plain[2] == "  _   =   |         #"
    assert [plain[i] for i in (0, 1, 3, 4)] == [unicode[i] for i in (0, 1, 3, 4)]


@pytest.mark.parametrize(
    ("value", "mark"),
    [(0, "▁"), (0.7, "▁"), (1.5, "▂"), (5, "▅"), (9.2, "▇"), (10, "█")],
)
def test_a_mark_is_as_high_as_its_value_on_the_scale(value: float, mark: str) -> None:
    one = small_course([(0, value)])
    assert charts.strip(one, one.series[0], 24, plain=False)[2] == mark


def test_a_long_course_shares_columns_and_stays_within_the_width() -> None:
    series = Series(
        "self", "Self-energy", 0, 10, [(D + timedelta(days=d), 5) for d in range(0, 200, 3)]
    )
    long = Course(D, D + timedelta(days=199), [s(D + timedelta(days=100), 7)], [series], True)
    found = charts.lines(long, 60, plain=True)
    assert max(len(line) for line in found[2:]) <= 60
    assert found[-1].strip() == "7" and found[-1].index("7") == 2 + 100 * 58 // 200


def test_a_measures_bands_are_named_with_its_scores() -> None:
    series = Series("measure:phq-9", "PHQ-9 total", 0, 27, [(D, 18), (D + timedelta(days=9), 9)])
    series.bands = ["moderately severe", "mild"]
    found = charts.lines(Course(D, D + timedelta(days=9), [], [series]), 80, plain=True)
    assert found[1] == (
        "PHQ-9 total: first 18 (moderately severe) on Thu 1 Oct, latest 9 (mild) on Sat 10 Oct "
        "(of 0-27, 2 in all)"
    )
    assert "Sessions:" not in found


# --------------------------------------------------------------------------- where they are shown


def journal_with_a_course(cli: Cli) -> None:
    for day in ("2026-11-05", "2026-11-12", "2026-11-19"):
        assert cli("session", "add", day).exit_code == 0
    for n in range(10):
        write(at(date(2026, 11, 10) + timedelta(days=n)), "integrate", [("realm-rating:body", n)])


def test_review_draws_the_days_it_reads_and_names_where_the_whole_course_is(cli: Cli) -> None:
    journal_with_a_course(cli)
    shown = cli("review").stdout
    assert (
        "From Tue 10 Nov to Mon 23 Nov (higher marks for higher values; sessions 2 and 3" in shown
    )
    assert (
        "Body rating: first 0 on Tue 10 Nov, latest 9 on Thu 19 Nov (of 0-10, 10 in all)" in shown
    )
    assert shown.rstrip().endswith("The whole course: partsjournal session show 3")
    assert shown.index("From Tue 10 Nov") > shown.index("Parts met")


def test_a_review_away_from_any_session_draws_its_two_weeks_with_no_hint(cli: Cli) -> None:
    write(at(date(2026, 11, 20)), "integrate", [("realm-rating:mind", 4)])
    shown = cli("review").stdout
    assert "From Tue 10 Nov to Mon 23 Nov (higher marks for higher values):" in shown
    assert "Mind rating: 4 on Fri 20 Nov (of 0-10)" in shown
    assert "session show" not in shown


def test_the_review_document_has_the_charts_and_json_stays_as_it_was(cli: Cli) -> None:
    journal_with_a_course(cli)
    document = cli("review", "--format", "markdown").stdout
    assert "## Charts\n\nFrom Tue 10 Nov to Mon 23 Nov" in document
    assert "```text\nBody rating: first 0" in document
    assert "Across the course" not in cli("review", "--format", "json").stdout


def test_session_show_draws_its_course_up_to_today(cli: Cli) -> None:
    journal_with_a_course(cli)
    shown = cli("session", "show", "1").stdout
    assert "Across the course, Thu 22 Oct to Mon 23 Nov" in shown
    assert "Sessions:\n" in shown and "Body rating: first 0" in shown


def test_plain_charts_for_a_terminal_that_cannot_show_blocks(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from rich.console import Console

    journal_with_a_course(cli)
    fake_terminal(monkeypatch, stdout_encoding="ascii", plain=True)  # as it measures one
    raw = io.BytesIO()
    screen = io.TextIOWrapper(raw, encoding="ascii")
    monkeypatch.setattr(ui, "out", lambda: Console(file=screen, width=80))
    pictures = course.collect(date(2026, 11, 19), until=date(2026, 11, 23))
    charts.print_course(pictures)
    screen.flush()
    shown = raw.getvalue().decode("ascii")
    assert "Body rating: first 0" in shown and "  _" in shown


def test_a_review_written_to_a_text_file_keeps_its_charts_within_its_width(
    cli: Cli, tmp_path: Path
) -> None:
    journal_with_a_course(cli)
    out = tmp_path / "week.txt"
    assert cli("review", "--output", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "Body rating: first 0 on Tue 10 Nov" in text
    assert "The whole course: partsjournal session show 3" in text
    assert max(len(line) for line in text.splitlines()) <= 100
