"""When a measure is offered: a baseline after `prepare` before the first session, then after
an integration check-in every two weeks (or as the person chose); never on a session day,
never in a run care holds, never without a terminal."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from partsjournal.core import care_record as rec
from partsjournal.core import messages as msg
from partsjournal.core import sessions
from partsjournal.core.care_record import CareItem
from partsjournal.core.entry import Entry, load
from partsjournal.flow import exercises, measure_file, measure_setup, measures_asked
from partsjournal.flow.engine import Run
from partsjournal.views import measures
from tests.askers import FakeAsker
from tests.conftest import entry_files
from tests.helpers import TODAY, freeze_today
from tests.journal_fixtures import (
    PLACEHOLDER_LABELS,
    at,
    measure_result,
    set_up_measure,
    write,
)

NOW = TODAY  # Mon 23 Nov 2026, 20:00


def saved(exercise: str, phase: str | None, session: str | None) -> Entry:
    return write(at(NOW.date(), 19), exercise, [("reflection", "ok")], session=session,
                 phase=phase)  # fmt: skip


def run_of(name: str) -> Run:
    return Run(exercise=exercises.get(name))


def names(found: list[measure_file.Measure]) -> list[str]:
    return [m.name for m in found]


def test_prepare_before_the_first_session_offers_a_baseline_of_each_measure(home: Path) -> None:
    first = sessions.add(date(2026, 11, 26), created=TODAY)
    set_up_measure("phq-9")
    set_up_measure("gad-7")
    e = saved("prepare", "before", first.id)
    assert names(measures_asked.due(e, run_of("prepare"), NOW)) == ["gad-7", "phq-9"]


def test_prepare_before_a_later_session_offers_nothing(home: Path) -> None:
    sessions.add(date(2026, 11, 2), created=TODAY)
    second = sessions.add(date(2026, 11, 26), created=TODAY)
    set_up_measure("phq-9")
    assert measures_asked.due(saved("prepare", "before", second.id), run_of("prepare"), NOW) == []


@pytest.mark.parametrize(
    ("days_ago", "offered"), [(None, True), (14, True), (13, False), (0, False)]
)
def test_after_a_session_integrate_offers_a_measure_every_two_weeks(
    home: Path, days_ago: int | None, offered: bool
) -> None:
    s = sessions.add(date(2026, 11, 10), created=TODAY)
    m = set_up_measure("phq-9")
    if days_ago is not None:
        measure_result(at(NOW.date() - timedelta(days=days_ago), 9), m, [0] * 9)
    e = saved("integrate", "after", s.id)
    assert names(measures_asked.due(e, run_of("integrate"), NOW)) == (["phq-9"] if offered else [])


def test_never_more_often_than_the_person_chose_and_never_when_they_chose_never(
    home: Path,
) -> None:
    s = sessions.add(date(2026, 11, 10), created=TODAY)
    m = set_up_measure("phq-9")
    path = measure_file.path_of("phq-9")
    measure_result(at(NOW.date() - timedelta(days=20), 9), m, [0] * 9)
    e = saved("integrate", "after", s.id)
    for every, offered in ((30, []), (14, ["phq-9"]), (0, [])):
        lines = path.read_text(encoding="utf-8").splitlines()
        text = "\n".join(line for line in lines if not line.startswith("offer_every"))
        path.write_text(text.replace("version = 1", f"version = 1\noffer_every_days = {every}", 1))
        assert names(measures_asked.due(e, run_of("integrate"), NOW)) == offered, every


def test_never_on_a_session_day_in_a_run_care_holds_or_after_other_exercises(home: Path) -> None:
    s = sessions.add(date(2026, 11, 10), created=TODAY)
    set_up_measure("phq-9")
    e = saved("integrate", "after", s.id)
    held = run_of("integrate")
    held.care.append(CareItem(NOW, rec.SAFE, False))
    assert measures_asked.due(e, held, NOW) == []
    lot = run_of("integrate")
    lot.care.append(CareItem(NOW, rec.RATING, 8, moment=rec.END))
    assert measures_asked.due(e, lot, NOW) == []
    assert measures_asked.due(saved("protector", "after", s.id), run_of("protector"), NOW) == []
    sessions.add(NOW.date(), created=TODAY)  # today is a session day
    assert measures_asked.due(e, run_of("integrate"), NOW) == []


def test_a_measure_without_its_words_is_not_offered(home: Path) -> None:
    s = sessions.add(date(2026, 11, 10), created=TODAY)
    measure_setup.install("gad-7", [""] * 7, [""] * 4)
    assert measures_asked.due(saved("integrate", "after", s.id), run_of("integrate"), NOW) == []


def test_the_offer_is_a_question_yes_takes_the_measure_and_not_now_stops(home: Path) -> None:
    s = sessions.add(date(2026, 11, 10), created=TODAY)
    set_up_measure("gad-7")
    e = saved("integrate", "after", s.id)
    declined = FakeAsker(replies=[("Would you like to take the GAD-7 now?", msg.NOT_NOW)])
    measures_asked.offer(e, run_of("integrate"), declined)
    assert len(entry_files(home)) == 1
    answers = {f"item_{n}": PLACEHOLDER_LABELS[1] for n in range(1, 8)}
    yes = FakeAsker(answers, [("Would you like to take the GAD-7 now?", msg.YES_NOW)])
    measures_asked.offer(e, run_of("integrate"), yes)
    results = [r for f in entry_files(home) if (r := measures.result(_load(f))) is not None]
    assert [(r.name, r.total) for r in results] == [("gad-7", 7)]


def test_nothing_is_offered_without_a_terminal(home: Path) -> None:
    s = sessions.add(date(2026, 11, 10), created=TODAY)
    set_up_measure("gad-7")

    class Script(FakeAsker):
        interactive = False

    measures_asked.offer(saved("integrate", "after", s.id), run_of("integrate"), Script())
    assert len(entry_files(home)) == 1


def test_an_integrate_run_offers_its_measure_after_it_is_saved(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The offer comes from the one place every exercise is saved (runner.walk_and_save)."""
    from partsjournal.flow import runner

    freeze_today(monkeypatch, datetime(2026, 11, 23, 20, 0, tzinfo=TODAY.tzinfo))
    sessions.add(date(2026, 11, 10), created=TODAY)
    set_up_measure("gad-7")
    asked: list[str] = []
    monkeypatch.setattr(measures_asked, "offer", lambda e, cur, a: asked.append(e.exercise))
    current = run_of("integrate")
    current.phase = "after"
    runner.walk_and_save(current, FakeAsker(_answer_everything(current)), NOW)
    assert asked == ["integrate"]


def _answer_everything(current: Run) -> dict[str, object]:
    out: dict[str, object] = {}
    for step in current.exercise.steps:
        if step.kind == "scale":
            out[step.id] = 5
        elif step.kind == "choice":
            out[step.id] = (step.choices or [""])[0]
        elif step.kind == "yes_no":
            out[step.id] = False
        else:
            out[step.id] = "words"
    return out


def _load(path: Path) -> Entry:
    return load(path)
