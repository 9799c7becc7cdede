"""Noticing without judging: patterns said gently at the end of an entry and named in review."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from partsjournal.core import sessions
from partsjournal.core.vocabulary import SELF_QUALITIES
from partsjournal.flow import care_words, runner
from partsjournal.views import patterns
from tests.askers import FakeAsker
from tests.conftest import Cli
from tests.helpers import TODAY
from tests.journal_fixtures import at, protector, self_check, write
from tests.pty_helpers import write_exercise

D = date(2026, 11, 1)
REALMS = ("body", "mind", "emotion", "spirit", "balance")


def integrate(day: int, rating: int, session: str | None = None) -> None:
    write(
        at(D.replace(day=day)),
        "integrate",
        [(f"realm-rating:{r}", rating) for r in REALMS],
        session=session,
        phase="after" if session else None,
    )


def test_review_names_low_realms_after_a_session_and_suggests_a_person(
    cli: Cli, home: Path
) -> None:
    # days 19-21 after the session: past the days a flare-up is watched for (a check-in in
    # a flare-up is named there only, tests/test_weeks_after.py)
    s = sessions.add(D, created=TODAY)
    for day in (20, 21, 22):
        integrate(day, 1, s.id)
    integrate(23, 5, s.id)  # one check-in with more room is not part of it
    result = cli("review", "--week")
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert (
        "3 integration check-ins this week with every realm at 1 or below, all after session 1; "
        "this may be worth bringing to your therapist" in out
    )
    md = cli("review", "--week", "--format", "markdown").stdout
    assert "## Worth noticing" in md and "every realm at 1 or below" in md
    data = json.loads(cli("review", "--week", "--format", "json").stdout)
    assert [(p["kind"], len(p["entries"]), p["session"]) for p in data["patterns"]] == [
        ("low-realms", 3, "session 1"),
    ]


def test_review_names_low_self_energy_and_a_run_of_high_activation(home: Path) -> None:
    from partsjournal.views.period import Period
    from partsjournal.views.review import collect

    self_check(at(D.replace(day=18)), 2)
    self_check(at(D.replace(day=19)), 6)
    for day, after in ((20, 8), (21, 9), (22, 8)):
        protector(at(D.replace(day=day)), None, before=9, after=after)
    r = collect(Period(D.replace(day=17), D.replace(day=23), "week"), today=D.replace(day=23))
    kinds = {p.kind: len(p.entries) for p in r.patterns}
    assert kinds == {patterns.LOW_SELF: 1, patterns.HIGH_ACTIVATION: 3}


def test_nothing_is_named_when_there_is_room(home: Path) -> None:
    from partsjournal.views.period import Period
    from partsjournal.views.review import collect

    integrate(20, 2)  # 2 is not "raw or flooded"
    for day, after in ((21, 8), (22, 5), (23, 9)):  # high, but not in a row
        protector(at(D.replace(day=day)), None, before=9, after=after)
    r = collect(Period(D.replace(day=17), D.replace(day=23), "week"), today=D.replace(day=23))
    assert r.patterns == []


def test_a_self_check_with_everything_low_is_said_gently_with_grounding_and_the_card(
    home: Path,
) -> None:
    steps = [
        {"id": f"self_{q}", "kind": "scale", "role": f"self:{q}", "text": f"{q}?"}
        for q in SELF_QUALITIES
    ]
    write_exercise(home, "little", steps)
    answers = {f"self_{q}": 1 for q in SELF_QUALITIES}
    asker = FakeAsker(answers, [("Would something help", care_words.CARD_CHOICE)])
    assert runner.run_exercise("little", asker=asker) is not None
    assert asker.replies == []

    calmer = FakeAsker({f"self_{q}": 3 for q in SELF_QUALITIES})  # nothing to notice: no question
    assert runner.run_exercise("little", asker=calmer) is not None


def test_the_card_after_saving_does_not_say_how_to_pause(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The card's last line, "It is fine to stop here (Ctrl-C) and come back another time", is
    for a run still going: after the entry is saved there is nothing to pause."""
    steps = [
        {"id": f"self_{q}", "kind": "scale", "role": f"self:{q}", "text": f"{q}?"}
        for q in SELF_QUALITIES
    ]
    write_exercise(home, "little", steps)
    asker = FakeAsker(
        {f"self_{q}": 1 for q in SELF_QUALITIES},
        [("Would something help", care_words.CARD_CHOICE)],
    )
    assert runner.run_exercise("little", asker=asker) is not None
    out = " ".join(capsys.readouterr().out.replace("│", " ").split())
    assert out.index("Saved.") < out.index(care_words.CARD.opening)
    assert care_words.CARD.during_exercise not in out


def test_the_notice_names_no_diagnosis() -> None:
    said = " ".join([*care_words.NOTICED.values(), care_words.NOTICED_PERSON]).lower()
    for word in ("depress", "disorder", "symptom", "diagnos", "crisis"):
        assert word not in said
    assert "therapist" in said
