"""The plan for the day of a session: prepare ends with a checklist (a plan, never a gate) and
a one-page plan; ``session plan N`` shows it again, and prints it as markdown."""

from __future__ import annotations

import stat
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from partsjournal.core import parts, sessions
from partsjournal.core import vocabulary as vocab
from partsjournal.core.answers import Answer
from partsjournal.core.entry import Entry, PartRef, new_id, save_new
from partsjournal.flow import exercises, runner, session_plan
from partsjournal.render import plan as render_plan
from partsjournal.views import plan as plans
from tests.askers import AutoAsker
from tests.conftest import Cli

PARIS = timezone(timedelta(hours=1))
SESSION_DAY = date(2026, 11, 26)


def prepared(
    day: date, answers: list[tuple[str, str, Any, str | None]], session: str | None = None
) -> Entry:
    """A prepare entry: each answer is (step id, role, value, part id or None)."""
    created = datetime(day.year, day.month, day.day, 10, 0, tzinfo=PARIS)
    stored = [
        Answer(
            step=step, kind="text", prompt=f"Asked in {step}?", value=value, role=role, part=part
        )
        for step, role, value, part in answers
    ]
    refs = [PartRef(p.id, p.name) for p in parts.load_all()]
    e = Entry(
        id=new_id(created), created=created, exercise="prepare", exercise_version=2,
        title="Preparing for a session", answers=stored, parts=refs,
        session=session, phase="before" if session else None,
    )  # fmt: skip
    save_new(e)
    return e


def words() -> session_plan.DayWords:
    return session_plan.words()


# --------------------------------------------------------------------------- the checklist


def test_prepare_ends_with_a_checklist_that_never_stands_in_the_way() -> None:
    ex = exercises.get("prepare")
    ids = [s.id for s in ex.steps]
    checklist = [s for s in ex.steps if s.role == vocab.SESSION_PLAN]
    assert len(checklist) >= 6
    assert all(s.optional for s in checklist)  # a plan, never a gate
    after_support = max(i for i, s in enumerate(ex.steps) if s.role == vocab.SUPPORT_PLAN)
    assert all(ids.index(s.id) > after_support for s in checklist)
    assert ids[-1] == "closing"
    # every item has its own short label on the page
    assert {s.id for s in checklist} <= set(words().labels)
    assert {s.id for s in ex.steps if s.role == vocab.SUPPORT_PLAN} <= set(words().labels)


def test_the_checklist_asks_what_the_issue_asks_without_promising_what_cannot_be_known() -> None:
    text = " ".join(
        " ".join(s.text.split()).lower()
        for s in exercises.get("prepare").steps
        if s.role == vocab.SESSION_PLAN
    )
    asked = [
        "take you home", "no driving", "restful", "no alcohol", "medicines", "that evening",
        "after hours", "who will be with you", "how long the effects",
    ]  # fmt: skip
    assert [w for w in asked if w not in text] == []


# --------------------------------------------------------------------------- gathering it


def test_the_plan_gathers_every_preparation_for_the_session(home: Path) -> None:
    session = sessions.add(SESSION_DAY, created=datetime(2026, 11, 1, tzinfo=PARIS))
    worrier = parts.create("The Worrier", met=date(2026, 11, 18))
    guard = parts.create("The Guard", met=date(2026, 11, 18))
    prepared(
        date(2026, 11, 18),
        [
            ("intention", vocab.INTENTION, "Meet the tiredness", None),
            ("part_needs", vocab.PART_NEEDS, "To know someone stays", worrier.id),
            ("promise", vocab.PROMISE, True, worrier.id),
            ("plan_home", vocab.SESSION_PLAN, "", None),
            ("plan_driving", vocab.SESSION_PLAN, False, None),
            ("grounding", vocab.SUPPORT_PLAN, "Tea", None),
        ],
        session=session.id,
    )
    prepared(
        date(2026, 11, 20),
        [
            ("intention", vocab.INTENTION, "Go gently", None),
            ("session_ok", vocab.SESSION_CONSENT, False, guard.id),
            ("promise", vocab.PROMISE, False, guard.id),
            ("plan_home", vocab.SESSION_PLAN, "Anna drives me", None),
        ],
        session=session.id,
    )
    prepared(date(2026, 11, 10), [("intention", vocab.INTENTION, "Too early", None)])
    plan = plans.for_session(sessions.load_all()[0])
    assert plan.intentions == ["Meet the tiredness", "Go gently"]
    assert [(plan.name(p), t) for p, t in plan.needs] == [("The Worrier", "To know someone stays")]
    assert [plan.name(p) for p in plan.promised] == ["The Worrier"]
    assert [plan.name(p) for p in plan.session_no] == ["The Guard"]
    # a later answer to the same question replaces the earlier one, in the same place
    assert [(i.step, i.value) for i in plan.day] == [
        ("plan_home", "Anna drives me"), ("plan_driving", False),
    ]  # fmt: skip
    assert [(i.step, i.value) for i in plan.support] == [("grounding", "Tea")]


def test_the_page_says_planned_not_yet_and_not_written_in_the_templates_words(
    home: Path,
) -> None:
    plan = plans.gather(
        [
            prepared(
                date(2026, 11, 20),
                [
                    ("plan_driving", vocab.SESSION_PLAN, True, None),
                    ("plan_alcohol", vocab.SESSION_PLAN, False, None),
                    ("plan_evening", vocab.SESSION_PLAN, "", None),
                    ("own_item", vocab.SESSION_PLAN, "Mine", None),
                ],
            )
        ],
        None,
    )
    w = words()
    lines = [said + text for kind, said, text in render_plan.blocks(plan, w) if kind == "item"]
    assert lines == [
        f"{w.labels['plan_driving']}: {w.planned}",
        f"{w.labels['plan_alcohol']}: {w.not_yet}",
        f"{w.labels['plan_evening']}: {w.unwritten}",
        "Asked in own_item?: Mine",  # a question of the person's own: its words, to the stop
    ]


# --------------------------------------------------------------------------- the command


def a_prepared_session(cli: Cli) -> None:
    assert cli("session", "add", "2026-11-26", "--time", "14:00").exit_code == 0
    assert cli("session", "add", "2026-12-10").exit_code == 0
    worrier = parts.create("The Worrier", met=date(2026, 11, 20))
    first = sessions.load_all()[0]
    prepared(
        date(2026, 11, 20),
        [
            ("intention", vocab.INTENTION, "Meet *what* is [under] it", None),
            ("part_needs", vocab.PART_NEEDS, "Someone stays", worrier.id),
            ("plan_home", vocab.SESSION_PLAN, "# Anna", None),
        ],
        session=first.id,
    )


@pytest.mark.now(datetime(2026, 11, 23, 12, 0, tzinfo=PARIS))
def test_session_plan_shows_the_next_sessions_page(cli: Cli) -> None:
    a_prepared_session(cli)
    result = cli("session", "plan")
    assert result.exit_code == 0, result.output
    shown = " ".join(result.stdout.split())
    assert words().title.format(session="session 1") in shown
    assert "Thursday 26 November 2026, at 14:00" in shown
    assert "Meet *what* is [under] it" in shown and "The Worrier: Someone stays" in shown
    assert words().again.format(number=1) in shown
    later = cli("session", "plan", "2")
    assert later.exit_code == 0
    assert words().nothing.format(session="session 2") in " ".join(later.stdout.split())


@pytest.mark.now(datetime(2026, 11, 23, 12, 0, tzinfo=PARIS))
def test_session_plan_prints_markdown_with_the_persons_words_escaped(
    cli: Cli, tmp_path: Path
) -> None:
    a_prepared_session(cli)
    result = cli("session", "plan", "1", "--format", "markdown")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "# " + words().title.format(session="session 1")
    assert f"## {words().intention}" in lines
    assert "- Meet \\*what\\* is \\[under\\] it" in lines
    assert any(line.endswith(": \\# Anna") for line in lines)
    out = tmp_path / "plan.md"
    written = cli("session", "plan", "1", "--output", str(out))
    assert written.exit_code == 0 and out.read_text(encoding="utf-8") == result.stdout
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_session_plan_without_sessions_says_how_to_add_one(cli: Cli) -> None:
    result = cli("session", "plan")
    assert result.exit_code == 2 and "session add" in result.stderr


@pytest.mark.now(datetime(2026, 11, 23, 12, 0, tzinfo=PARIS))
def test_session_plan_defaults_to_the_latest_when_none_is_coming(cli: Cli) -> None:
    assert cli("session", "add", "2026-11-01").exit_code == 0
    assert cli("session", "add", "2026-11-10", "--time", "09:00").exit_code == 0
    shown = " ".join(cli("session", "plan").stdout.split())
    assert words().nothing.format(session="session 2") in shown


@pytest.mark.now(datetime(2026, 11, 20, 10, 0, tzinfo=PARIS))
def test_prepare_ends_with_the_page(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sessions.add(SESSION_DAY, created=datetime(2026, 11, 1, tzinfo=PARIS), starts=time(14, 0))
    asker = AutoAsker(
        {
            "name_part": "The Worrier",
            "intention": "Go slowly",
            "plan_home": "Anna",
            "support_people": "Sam, 555 0100",
        },
        [("support card", False)],
    )
    entry = runner.run_exercise("prepare", asker=asker)
    assert entry is not None and entry.session == "2026-11-26"
    shown = " ".join(capsys.readouterr().out.split())
    page = shown[shown.index(words().title.format(session="session 1")) :]
    assert "Go slowly" in page and f"{words().labels['plan_home']}: Anna" in page
    assert page.index(words().intention) < page.index(words().day) < page.index(words().support)


def test_no_line_of_the_day_s_plan_says_a_thing_was_done_when_it_is_still_to_do() -> None:
    """Walked in a terminal: "Will ask on Friday." at the clinic question was shown on the
    plan as "Asked the clinic who will be with me and how long the effects last: Will ask on
    Friday." A label names what the line is about; the person's words say how far it got."""
    for step, label in words().labels.items():
        assert not label.lower().startswith(("asked", "arranged", "planned", "done")), step


def test_a_preparation_stopped_early_with_no_session_near_shows_no_page_at_all(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Walked in a terminal: prepare, "Stop here for today" at the tender part's check, no
    session in the next 14 days: under "Saved." stood the page's footer alone ("A plan, not
    a test: ...") with no plan above it."""
    entry = Entry(
        id=new_id(datetime(2026, 11, 20, 9, tzinfo=PARIS)),
        created=datetime(2026, 11, 20, 9, tzinfo=PARIS),
        exercise=plans.PREPARE,
        exercise_version=1,
        title="Preparing for a session",
    )
    page = plans.for_entry(entry)
    assert page.empty and page.session is None
    render_plan.show(page, words())
    assert capsys.readouterr().out == ""
    assert render_plan.markdown(page, words()) == ""
