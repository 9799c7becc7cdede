"""The weeks after a session: one low realm is heard at once (grounding offered), a realm low
again and again in the first two weeks is named in the review as a flare-up worth telling the
therapist, flashbacks on two days or more bring the suggestion to contact the therapist now,
each stage's words hold for the days they appear on, and a practice that works carries on."""

from __future__ import annotations

import json
import tomllib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from partsjournal.core import config, sessions
from partsjournal.core import vocabulary as vocab
from partsjournal.flow import exercises, integration, runner
from partsjournal.flow.engine import Run
from partsjournal.render import card
from partsjournal.views import patterns
from partsjournal.views import practices as practice_log
from tests.askers import AutoAsker
from tests.conftest import Cli, entry_files
from tests.helpers import RATINGS
from tests.journal_fixtures import at, write

PARIS = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 23, 20, 0, tzinfo=PARIS)


def check_in(answers: dict[str, Any], *, realms: list[str] | None = None) -> AutoAsker:
    """An integrate run after the session (if any), answered by an AutoAsker."""
    pending = practice_log.pending(NOW)[1]
    ex = integration.integrate_exercise(realms or list(vocab.REALM_KEYS), pending)
    asker = AutoAsker(dict(answers))
    saved = runner.run_exercise(
        practice_log.INTEGRATE, exercise=ex, asker=asker, phase="after",
        starting=integration.starting_text(pending),
    )  # fmt: skip
    assert saved is not None
    return asker


# --------------------------------------------------------------------------- one low realm


@pytest.mark.parametrize("realm", vocab.REALM_KEYS)
def test_a_realm_at_0_or_1_is_answered_with_grounding_at_once(home: Path, realm: str) -> None:
    asker = check_in({f"{realm}_rating": 1, f"{realm}_low": True})
    i = asker.asked.index(f"{realm}_rating")
    grounding = exercises.get("grounding")
    offered = asker.asked[i + 1 : i + 5]
    assert offered[0] == f"{realm}_low"
    assert offered[1:] == [f"{realm}_{s}" for s in ("feet", "breath", "see")]
    texts = [grounding.step(s).text.strip() for s in ("feet", "breath", "see")]  # type: ignore[union-attr]
    assert asker.texts[i + 2 : i + 5] == texts  # the grounding exercise's own words
    # the other realms, at 3, are not
    assert [s for s in asker.asked if s.endswith("_low")] == [f"{realm}_low"]


def test_saying_no_to_grounding_goes_on_with_the_realm(home: Path) -> None:
    asker = check_in({"emotion_rating": 0, "emotion_low": False})
    i = asker.asked.index("emotion_low")
    assert not asker.asked[i + 1].startswith("emotion_feet")


@pytest.mark.parametrize("rating", [2, 10])
def test_a_realm_above_1_is_not_asked_about(home: Path, rating: int) -> None:
    asker = check_in({"body_rating": rating})
    assert "body_low" not in asker.asked


def test_a_check_in_on_some_realms_asks_nothing_that_belongs_to_the_others() -> None:
    ex = integration.integrate_exercise(["body"], [])
    ids = {s.id for s in ex.steps}
    assert not any(s.startswith(("mind_", "emotion_", "spirit_", "balance_")) for s in ids)
    for step in ex.steps:
        assert all(c.step is None or c.step in ids for c in step.conditions), step.id
    assert {"body_low", "body_feet", "flashbacks"} <= ids


# --------------------------------------------------------------------------- a flare-up


def rated(day: date, session: str, hour: int = 21, **low: int) -> None:
    ratings = {r: 5 for r in vocab.REALM_KEYS} | low
    write(
        at(day, hour), "integrate",
        [(vocab.realm_role(vocab.REALM_RATING, r), n) for r, n in ratings.items()],
        session=session, phase="after",
    )  # fmt: skip


def flare_words(realms: str, count: int, session: str = "session 1") -> str:
    from partsjournal.core import shipped

    first, last = patterns.FLARE_DAYS
    return shipped.words("weeks-after")["flare_up"].format(
        realms=realms, low=patterns.REALM_LOW, count=count, session=session, first=first, last=last
    )


def test_a_realm_low_in_two_check_ins_of_the_first_two_weeks_is_named_a_flare_up(
    cli: Cli, home: Path
) -> None:
    s = sessions.add(date(2026, 11, 17), created=NOW)
    rated(date(2026, 11, 18), s.id, emotion=0)  # day 1
    rated(date(2026, 11, 21), s.id, emotion=1, body=1)  # day 4
    rated(date(2026, 11, 22), s.id)  # day 5: no realm low
    data = json.loads(cli("review", "--week", "--format", "json").stdout)
    flares = [p for p in data["patterns"] if p["kind"] == patterns.FLARE_UP]
    assert [(len(p["entries"]), p["session"], p["realms"]) for p in flares] == [
        (2, "session 1", ["emotion"])
    ]
    shown = " ".join(cli("review", "--week").stdout.split())
    assert flare_words("Emotion", 2) in shown
    assert flare_words("Emotion", 2) in cli("review", "--week", "--format", "markdown").stdout


@pytest.mark.parametrize(
    ("days", "flare"),
    [
        ((1, 4), True),
        ((1, 14), True),
        ((0, 4), False),  # the session's own day is not counted
        ((4, 15), False),  # past the first two weeks
        ((3,), False),  # once is not again and again
    ],
)
def test_a_flare_up_is_only_in_days_1_to_14_and_more_than_once(
    home: Path, days: tuple[int, ...], flare: bool
) -> None:
    s = sessions.add(date(2026, 11, 1), created=NOW)
    for d in days:
        rated(date(2026, 11, 1) + timedelta(days=d), s.id, spirit=1)
    from partsjournal.core.entry import load_range

    found = patterns.flare_ups(list(load_range(date(2026, 11, 1), date(2026, 11, 30))), [s])
    assert bool(found) is flare


ALL_LOW = {r: patterns.REALM_LOW for r in vocab.REALM_KEYS}


@pytest.mark.parametrize(
    ("check_ins", "flare_days", "low_days"),
    [
        # (day after the session, every realm low?) -> days named a flare-up, days named low
        (((1, True), (4, True)), (1, 4), ()),  # both in a flare-up: said once, as the flare-up
        (((1, True), (4, False)), (1, 4), ()),  # emotion low twice: the all-low day is in it
        (((1, True), (4, True), (20, True)), (1, 4), (20,)),  # day 20 is past the flare days
        (((1, True), (20, False)), (), (1,)),  # low once in the first weeks: no flare-up
        (((16, True), (20, True)), (), (16, 20)),
        (((1, False), (4, False)), (1, 4), ()),
    ],
)
def test_a_check_in_in_a_flare_up_is_not_named_again_for_low_realms(
    home: Path, check_ins: tuple[tuple[int, bool], ...], flare_days: tuple[int, ...],
    low_days: tuple[int, ...],
) -> None:  # fmt: skip
    start = date(2026, 11, 1)
    s = sessions.add(start, created=NOW)
    for d, all_low in check_ins:
        rated(start + timedelta(days=d), s.id, **(ALL_LOW if all_low else {"emotion": 0}))
    from partsjournal.core.entry import load_range

    every = sorted(load_range(start, start + timedelta(days=30)), key=lambda e: e.created)
    day_of = {e.id: (e.day - start).days for e in every}
    found = patterns.find(every, [s])
    named = {p.kind: tuple(day_of[i] for i in p.entries) for p in found}
    assert named.get(patterns.FLARE_UP, ()) == flare_days
    assert named.get(patterns.LOW_REALMS, ()) == low_days
    listed = [i for p in found for i in p.entries]
    assert len(listed) == len(set(listed))  # each check-in said once


def test_the_review_says_a_flare_up_once(cli: Cli, home: Path) -> None:
    s = sessions.add(date(2026, 11, 17), created=NOW)
    rated(date(2026, 11, 18), s.id, **ALL_LOW)  # days 1 and 4, every realm at 1
    rated(date(2026, 11, 21), s.id, **ALL_LOW)
    shown = " ".join(cli("review", "--week").stdout.split())
    assert flare_words("Body, Mind, Emotion, Spirit and Work/life balance", 2) in shown
    assert "with every realm at" not in shown


@pytest.mark.parametrize(("hour", "flare"), [(1, False), (5, False), (6, True), (23, True)])
def test_the_night_after_the_session_is_its_day_for_a_flare_up_too(
    home: Path, hour: int, flare: bool
) -> None:
    """Days 1-14 are counted as care and the saved entry count them (sessions.days_after):
    a check-in before 6 in the morning after the session belongs to the session's day."""
    start = date(2026, 11, 1)
    s = sessions.add(start, created=NOW)
    rated(start + timedelta(days=1), s.id, hour=hour, spirit=1)
    rated(start + timedelta(days=4), s.id, spirit=1)
    from partsjournal.core.entry import load_range

    found = patterns.flare_ups(list(load_range(start, start + timedelta(days=30))), [s])
    assert bool(found) is flare


# --------------------------------------------------------------------------- flashbacks


@pytest.fixture
def cards(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bool, str | None]]:
    """Each card shown: whether on stderr, and the kind of contact it lists first."""
    shown: list[tuple[bool, str | None]] = []

    def seen(*_: Any, to_stderr: bool, first: str | None = None, **__: Any) -> None:
        shown.append((to_stderr, first))

    monkeypatch.setattr(card, "show_crisis_card", seen)
    return shown


def test_flashbacks_on_two_days_or_more_suggest_the_therapist_now(
    home: Path, cards: list[tuple[bool, str | None]]
) -> None:
    days = exercises.get("integrate").step("flashback_days")
    assert days is not None and days.role == vocab.FLASHBACKS and days.choices
    asker = check_in(
        {"flashbacks": True, "flashback_days": days.choices[-1], "flashbacks_note": "Every night"}
    )
    i = asker.asked.index("flashback_days")
    assert asker.asked[i + 1 : i + 3] == ["flashbacks_now", "flashbacks_note"]
    now = exercises.get("integrate").step("flashbacks_now")
    assert now is not None and now.card and "therapist now" in " ".join(now.text.split())
    assert cards == [(False, config.THERAPIST)]  # the words say "therapist": listed first
    note = exercises.get("integrate").step("flashbacks_note")
    assert note is not None and note.role == vocab.FOR_THERAPIST


@pytest.mark.parametrize("answers", [{"flashbacks": False}, {"flashbacks": True}])
def test_no_flashbacks_or_one_day_asks_nothing_more(
    home: Path, cards: list[tuple[bool, str | None]], answers: dict[str, Any]
) -> None:
    asker = check_in(answers)  # a yes picks the first choice: one day
    assert "flashbacks_now" not in asker.asked and cards == []


def test_flashbacks_are_asked_only_after_a_session() -> None:
    step = exercises.get("integrate").step("flashbacks")
    assert step is not None and step.realm is None and step.optional
    assert step.shown({}, "after") and not step.shown({}, "before")


# --------------------------------------------------------------------------- words that fit


ARC_GUIDES = [s for s in exercises.get("integrate").steps if s.kind == "guide" and s.realm is None]


def shown_words(day_after: int) -> tuple[list[str], list[str]]:
    """The guides (ids, texts) integrate shows with a session ``day_after`` days back."""
    today = NOW.date()
    session = sessions.Session(id="s", date=today - timedelta(days=day_after), number=1)
    linked, phase = sessions.link(today, phase="after", sessions=[session])
    run = Run(exercise=exercises.get("integrate"), phase=phase)
    if linked is not None:
        run.context["session"] = linked.id
    run.context["day"] = str(day_after) if day_after <= sessions.ARC_REACH_DAYS else ""
    shown = [s for s in ARC_GUIDES if s.shown({}, run.phase, run.day, run.linked)]
    return [s.id for s in shown], [" ".join(s.text.split()).lower() for s in shown]


@pytest.mark.parametrize("day_after", range(0, 130))
def test_each_stages_words_hold_on_the_days_they_are_shown(day_after: int) -> None:
    ids, texts = shown_words(day_after)
    stages = [
        s.id
        for s in ARC_GUIDES
        for c in s.conditions
        if c.days is not None and c.days[0] <= day_after <= c.days[1]
    ]
    assert [i for i in ids if i.startswith("arc_")] == stages  # one stage's words, its own days
    assert len([i for i in ids if i.startswith("after_frame")]) == 1
    # no word says a session is missing while one is within the arc's reach
    if day_after <= sessions.ARC_REACH_DAYS:
        assert not any("no session" in t for t in texts), ids
    if day_after == 0:  # the day itself is not "a day or two" from the session
        assert not any("a day or two" in t for t in texts), ids


INTEGRATE_DAYS = {
    s.id: c.days
    for s in exercises.get("integrate").steps
    for c in s.conditions
    if c.days is not None and s.kind != "guide"
}


@pytest.mark.parametrize("first", range(0, 131, 10), ids=lambda d: f"days {d}-{min(d + 9, 130)}")
def test_integrate_says_no_session_is_near_only_beyond_the_arcs_reach(
    cli: Cli, home: Path, tmp_path: Path, first: int
) -> None:
    """A table of days 0-130 after a session: the check-in's own sentence and the arc's
    questions come from one rule, so on days 61-120, where the 90-day look back is
    asked, nothing says there is no session (a check-in on each day, ten days to a
    journal, so the table's parts run side by side)."""
    session = NOW.date() - timedelta(days=130)
    sessions.add(session, created=NOW)
    f = tmp_path / "a.toml"
    f.write_text(RATINGS, encoding="utf-8")
    for day_after in range(first, min(first + 10, 131)):
        at = f"{session + timedelta(days=day_after)} 10:00"
        result = cli("integrate", "--answers", str(f), "--at", at)
        assert result.exit_code == 0, result.output
        said = " ".join(result.output.split())
        beyond = day_after > sessions.ARC_REACH_DAYS
        assert ("No session is within" in said) == beyond, (day_after, said)
        if beyond:  # and the sentence names the reach it keeps to
            assert f"{sessions.ARC_REACH_DAYS} days back" in said
        saved = tomllib.loads(entry_files(home)[-1].read_text(encoding="utf-8"))
        asked = {a["step"] for a in saved["answers"]} & set(INTEGRATE_DAYS)
        due = {s for s, (first, last) in INTEGRATE_DAYS.items() if first <= day_after <= last}
        assert asked == due, day_after


# --------------------------------------------------------------------------- practices


def test_a_practice_that_works_is_kept_and_followed_up_without_choosing_it_again(
    home: Path,
) -> None:
    first = datetime(2026, 11, 20, 20, 0, tzinfo=PARIS)
    write(first, "integrate", [("practice:body", "Walk after dinner")])
    asker = check_in({"followup_body": "did it", "followup_body_keep": "Walk after dinner"})
    # in a terminal the practice is offered as it was: Enter keeps it
    assert ("followup_body_keep", "Walk after dinner") in asker.offered
    assert "body_practice" not in asker.asked and "mind_practice" in asker.asked
    source, waiting = practice_log.pending(NOW + timedelta(days=3))
    assert source is not None and source.day == NOW.date()
    assert [(p.realm, p.text) for p in waiting] == [("body", "Walk after dinner")]


def test_clearing_a_kept_practice_asks_for_a_new_one(home: Path) -> None:
    write(datetime(2026, 11, 20, 20, 0, tzinfo=PARIS), "integrate", [("practice:body", "Walk")])
    asker = check_in(
        {"followup_body": "not yet", "followup_body_keep": "", "body_practice": "Swim"}
    )
    assert asker.asked.index("followup_body_keep") < asker.asked.index("body_practice")
    _, waiting = practice_log.pending(NOW + timedelta(days=3))
    assert [(p.realm, p.text) for p in waiting] == [("body", "Swim")]


def test_an_answers_file_that_leaves_it_out_chooses_as_before(cli: Cli, tmp_path: Path) -> None:
    write(datetime(2026, 11, 20, 20, 0, tzinfo=PARIS), "integrate", [("practice:body", "Walk")])
    f = tmp_path / "a.toml"
    f.write_text(
        'followup_body = "partly"\nbody_rating = 5\nmind_rating = 5\nemotion_rating = 5\n'
        'spirit_rating = 5\nbalance_rating = 5\nbody_practice = "Swim"\n',
        encoding="utf-8",
    )
    assert cli("integrate", "--after", "--answers", str(f)).exit_code == 0
    _, waiting = practice_log.pending(NOW + timedelta(days=3))
    assert [(p.realm, p.text) for p in waiting] == [("body", "Swim")]


def test_the_practices_command_asks_how_it_went_but_chooses_nothing() -> None:
    practice = practice_log.Practice("body", "Walk", NOW, "x")
    ids = [s.id for s in integration.check_exercise([practice]).steps]
    assert "followup_body" in ids and integration.keep_id("body") not in ids
