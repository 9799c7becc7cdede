"""The weekly review: every section's numbers on small fixture journals."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from partsjournal.core import layout
from partsjournal.core.errors import UsageError
from partsjournal.views import period, review
from partsjournal.views.period import Period, period_for
from partsjournal.views.review import collect
from tests.journal_fixtures import (
    WEEK,
    at,
    day,
    full_journal,
    make_part,
    protector,
    self_check,
    write,
)


def test_every_section_has_the_numbers_in_the_files(home: Path) -> None:
    ids = full_journal()
    r = collect(WEEK, today=WEEK.until)

    assert (r.entries, r.days_journaled, r.streak) == (6, 6, 5)  # 18 Nov breaks the streak
    assert r.sessions_recorded == 3
    assert [(s.number, s.in_period, s.entries_before, s.entries_after) for s in r.sessions] == [
        (2, True, 1, 5),
        (3, False, 0, 0),  # upcoming, 8 days after the period ends
    ]
    assert r.sessions[1].days_from_end == 8
    assert r.position == "day 4 after session 2"

    assert [(e.name, e.count) for e in r.exercises] == [
        ("protector", 3),
        ("integrate", 2),
        ("self-check", 1),
    ]
    assert [(p.name, p.times, p.new) for p in r.parts] == [
        ("The Critic", 2, False),
        ("Busy Bee", 1, True),
    ]
    assert [(a.before, a.after, a.change) for a in r.activation] == [
        (8, 5, -3),
        (6, 6, 0),
        (7, 3, -4),
    ]
    assert r.average_activation_change == -2.3

    assert r.self_checks == 1 and r.self_checks_previous == 1
    assert {q.name: (q.average, q.previous, q.change) for q in r.self_energy}["courage"] == (
        6.0,
        4.0,
        2.0,
    )
    assert len(r.self_energy) == 8

    realms = {x.realm: x for x in r.realms}
    assert (realms["body"].latest, realms["body"].previous, realms["body"].change) == (7, 5, 2)
    assert realms["body"].latest_day == day(23)
    assert (realms["mind"].latest, realms["mind"].change) == (4, None)
    assert (realms["spirit"].latest, realms["spirit"].previous) == (None, 3)
    assert r.unattended_realms == ["emotion", "spirit", "balance"]

    assert [(p.realm, p.text) for p in r.practices] == [("body", "A ten-minute walk after lunch")]
    assert [(o.realm, o.outcome, o.note, o.entry) for o in r.outcomes] == [
        ("body", "partly", "Walked twice", ids["last"])
    ]

    assert [(q.part, q.text) for q in r.needs] == [
        ("The Critic", "Rest"),
        ("Busy Bee", "To slow down"),
        ("The Critic", "To be taken seriously"),
    ]
    # the same words twice are quoted once, from the latest entry
    assert [q.text for q in r.reflections] == ["It works hard", "It is scared"]
    assert r.reflections[0].day == day(19)


def test_long_quotes_are_shortened_at_a_word(home: Path) -> None:
    long = "word " * 60
    protector(at(day(20)), None, reflection=long)
    r = collect(WEEK, today=WEEK.until)
    text = r.reflections[0].text
    assert len(text) <= review.QUOTE_LENGTH and text.endswith("word…")


def test_an_empty_period_is_not_an_error(home: Path) -> None:
    protector(at(day(2)), None)  # weeks earlier
    r = collect(WEEK, today=WEEK.until)
    assert r.empty and r.entries == 0 and r.days_journaled == 0 and r.streak == 0
    assert r.activation == [] and r.parts == [] and r.self_energy == []
    assert r.to_json()["empty"] is True


def test_missing_optional_data_leaves_sections_empty_not_broken(home: Path) -> None:
    # one plain protector entry: no sessions, no parts, no self-check, no integrate
    protector(at(day(20)), None, needs="", reflection="")
    r = collect(WEEK, today=WEEK.until)
    assert r.entries == 1
    assert r.sessions == [] and r.sessions_recorded == 0 and r.position is None
    assert r.parts == [] and r.parts_known == 0
    assert r.self_energy == [] and r.self_checks == 0
    assert all(x.latest is None and not x.attended for x in r.realms)
    assert r.practices == [] and r.outcomes == [] and r.needs == [] and r.reflections == []
    assert len(r.activation) == 1


def test_entries_exactly_on_the_edges(home: Path) -> None:
    inside = [
        protector(at(day(17), 0, 0), None).id,
        protector(datetime(2026, 11, 23, 23, 59, 59, tzinfo=UTC), None).id,
    ]
    protector(datetime(2026, 11, 16, 23, 59, 59, tzinfo=UTC), None)
    protector(at(day(24), 0, 0), None)
    r = collect(WEEK, today=WEEK.until)
    assert sorted(a.entry for a in r.activation) == sorted(inside)


def test_each_entry_belongs_to_its_own_local_day_whatever_its_offset(home: Path) -> None:
    # 23:30 in California on the 16th is already the 17th in UTC: still the 16th here
    protector(at(day(16), 23, 30, offset_hours=-8), None)
    # 00:30 in Tokyo on the 17th is still the 16th in UTC: the 17th here
    tokyo = protector(at(day(17), 0, 30, offset_hours=9), None)
    # 23:45 in India on the 23rd (+05:30)
    india = protector(at(day(23), 23, 45, offset_hours=5.5), None)
    r = collect(WEEK, today=WEEK.until)
    assert [a.entry for a in r.activation] == [tokyo.id, india.id]
    assert r.days_journaled == 2


def test_previous_period_entries_only_count_for_comparisons(home: Path) -> None:
    self_check(at(day(16)), 9)
    r = collect(WEEK, today=WEEK.until)
    assert r.entries == 0 and r.self_energy == [] and r.self_checks_previous == 1


def test_streak_crosses_month_and_year_folders(home: Path) -> None:
    start = date(2026, 12, 25)
    for n in range(14):  # 25 Dec 2026 .. 7 Jan 2027
        protector(at(start + timedelta(days=n)), None)
    end = date(2027, 1, 7)
    r = collect(Period(end - timedelta(days=6), end, "week"), today=end)
    assert r.streak == 14
    # on the morning of the 8th, before writing, the streak still stands
    assert period.streak_back(end + timedelta(days=1)) == 14
    assert period.streak_back(end + timedelta(days=2)) == 0
    assert period.streak_back(date(2026, 12, 31)) == 7
    assert period.streak_back(date(2026, 12, 24)) == 0


def test_streaks_are_counted_up_to_a_year(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = home / "entries"
    start = date(2025, 1, 1)
    for n in range(500):  # file names are all the streak looks at
        d = start + timedelta(days=n)
        f = folder / f"{d:%Y}" / f"{d:%m}" / f"{d.isoformat()}T090000-abcdef.toml"
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text("not read", encoding="utf-8")
    last = start + timedelta(days=499)
    listed: list[str] = []
    real = os.listdir
    monkeypatch.setattr(layout.os, "listdir", lambda p: listed.append(str(p)) or real(p))
    assert period.streak_back(last) == period.STREAK_CAP
    assert len(listed) <= 14
    assert period.streak_back(start + timedelta(days=40)) == 41


def test_merged_parts_are_counted_under_the_part_that_lives_on(home: Path) -> None:
    from partsjournal.core import parts

    critic = make_part("The Critic", date(2026, 10, 1))
    judge = make_part("The Judge", date(2026, 10, 5))
    protector(at(day(18)), critic)
    protector(at(day(19)), judge)
    judge.merged_into = critic.id
    parts.save(judge)
    r = collect(WEEK, today=WEEK.until)
    assert [(p.id, p.times) for p in r.parts] == [("the-critic", 2)]


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, (date(2026, 11, 17), date(2026, 11, 23), "week")),
        ({"ago": 1}, (date(2026, 11, 10), date(2026, 11, 16), "week")),
        ({"month": True}, (date(2026, 10, 25), date(2026, 11, 23), "month")),
        ({"month": True, "ago": 1}, (date(2026, 9, 25), date(2026, 10, 24), "month")),
        ({"since": date(2026, 11, 1)}, (date(2026, 11, 1), date(2026, 11, 23), "range")),
        (
            {"since": date(2026, 11, 1), "until": date(2026, 11, 1)},
            (date(2026, 11, 1), date(2026, 11, 1), "range"),
        ),
    ],
)
def test_periods(kwargs: dict[str, object], expected: tuple[date, date, str]) -> None:
    p = period_for(date(2026, 11, 23), **kwargs)  # type: ignore[arg-type]
    assert (p.since, p.until, p.kind) == expected
    assert p.previous().until == p.since - timedelta(days=1)
    assert p.previous().days == p.days


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"since": date(2026, 11, 10), "until": date(2026, 11, 1)}, "before --since"),
        ({"until": date(2026, 11, 1)}, "--until needs --since"),
        ({"ago": -1}, "0 or more"),
        ({"since": date(2026, 11, 10), "ago": 2}, "not both"),
    ],
)
def test_bad_periods_are_refused(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        period_for(date(2026, 11, 23), **kwargs)  # type: ignore[arg-type]


def test_each_outcome_is_paired_with_the_practice_it_follows_up(home: Path) -> None:
    # chosen in the previous week, followed up this week, then chosen anew
    write(at(date(2026, 11, 12)), "integrate", [("practice:body", "A walk after lunch")])
    write(
        at(date(2026, 11, 18)),
        "integrate",
        [
            ("practice-outcome:body", "partly"),
            ("practice-note:body", "Walked twice"),
            ("practice:body", "Stretch before bed"),
            ("practice-outcome:mind", "did it"),  # its practice was chosen too long ago
        ],
    )
    write(at(date(2026, 11, 21)), "integrate", [("practice-outcome:body", "did it")])
    r = collect(WEEK, today=WEEK.until)
    assert [(o.day.day, o.realm, o.practice, o.outcome) for o in r.outcomes] == [
        (18, "body", "A walk after lunch", "partly"),
        (18, "mind", "", "did it"),
        (21, "body", "Stretch before bed", "did it"),
    ]
    data = r.to_json()
    assert data["practices"]["outcomes"][0]["practice"] == "A walk after lunch"


def test_recent_days_count_what_was_done_across_month_folders(home: Path) -> None:
    for n in (0, 1, 3, 10, 25, 29, 30, 45):  # days before 7 Jan 2027
        protector(at(date(2027, 1, 7) - timedelta(days=n)), None)
    end = date(2027, 1, 7)
    assert period.recent_days_back(end) == (3, 6)  # 30 and 45 days back are outside
    r = collect(Period(end - timedelta(days=6), end, "week"), today=end)
    assert r.recent == (3, 6)


def test_the_review_reports_days_written_never_a_streak(home: Path) -> None:
    from partsjournal.render.review import header_line, self_footer

    for n in (0, 2, 3):
        protector(at(day(23) - timedelta(days=n)), None)
    self_check(at(day(22)), 5)
    r = collect(WEEK, today=WEEK.until)
    assert header_line(r) == "4 entries · journaled on 4 of the last 7 days; 4 of the last 30"
    earlier = collect(Period(day(10), day(16), "week"), today=WEEK.until)
    assert header_line(earlier) == "0 entries · journaled on 0 of these 7 days"
    words = (header_line(r) + self_footer(r)).lower()
    for shaming in ("streak", "best", "worst", "score to raise"):
        assert shaming not in words
    assert "how much room" in words
