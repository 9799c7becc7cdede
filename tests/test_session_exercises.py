"""The shipped data for sessions: integrate's realms, prepare, after-session, follow-up wording."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from partsjournal.core import care_record as rec
from partsjournal.core.entry import load_range
from partsjournal.core.errors import UsageError
from partsjournal.core.vocabulary import OUTCOMES
from partsjournal.core.vocabulary import REALM_KEYS as REALMS
from partsjournal.flow import care_words, exercises, integration, runner
from partsjournal.flow.exercises import ExerciseFileError
from partsjournal.views.practices import Practice
from tests.askers import AutoAsker
from tests.conftest import Cli


def roles(name: str) -> list[str]:
    return [s.role for s in exercises.get(name).steps if s.role]


@pytest.mark.parametrize("realm", REALMS)
def test_integrate_has_rating_questions_and_practice_per_realm(realm: str) -> None:
    steps = [s for s in exercises.get("integrate").steps if s.realm == realm]
    by_role = {s.role for s in steps}
    assert {f"realm-rating:{realm}", f"realm-reflection:{realm}", f"practice:{realm}"} == by_role
    rating = next(s for s in steps if s.role == f"realm-rating:{realm}")
    assert rating.kind == "scale" and rating.conditions == []
    for phase in ("before", "after"):
        for linked in (True, False):
            asked = [
                s
                for s in steps
                if s.role == f"realm-reflection:{realm}" and s.shown({}, phase, session=linked)
            ]
            assert 2 <= len(asked) <= 3, (realm, phase, linked)
            assert all(c.phase in (phase, None) for s in asked for c in s.conditions)
    assert [s.kind for s in steps if s.role == f"practice:{realm}"] == ["text"]


def test_integrate_steps_without_a_realm_are_guidance_a_realms_grounding_or_flashbacks() -> None:
    steps = exercises.get("integrate").steps
    realm_of = {s.id: s.realm for s in steps}
    for s in steps:
        if s.realm is not None or s.kind == "guide":
            continue
        # the grounding offer follows a realm's own rating; flashbacks are asked after every
        # session, whatever realms are chosen
        follows_a_realm = any(c.step is not None and realm_of.get(c.step) for c in s.conditions)
        assert follows_a_realm or s.id.startswith("flashback"), s.id


def test_prepare_meets_a_part_and_sets_intention_and_support_plan() -> None:
    got = roles("prepare")
    for role in ("part", "part-feelings", "part-fears", "part-needs", "intention", "support-plan"):
        assert role in got
    assert got.index("part") < got.index("part-needs") < got.index("intention")
    assert any(s.kind == "part" for s in exercises.get("prepare").steps)


def test_after_session_asks_a_protector_about_a_new_role() -> None:
    got = roles("after-session")
    for role in ("part", "part-fears", "part-new-role", "reflection"):
        assert role in got
    assert got.index("part") < got.index("part-fears") < got.index("part-new-role")


def test_the_follow_up_template_is_valid_and_leaves_realm_labels_to_the_vocabulary() -> None:
    words = integration.template()
    assert not hasattr(words, "realms")
    assert "{practice}" in words.outcome and "{realm}" in words.outcome
    assert "{date}" in words.intro


def test_a_broken_follow_up_template_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "practice-followup.toml"
    bad.write_text('title = "t"\ncolour = "blue"\n', encoding="utf-8")
    monkeypatch.setattr(integration, "template_path", lambda: str(bad))
    integration.template.cache_clear()
    try:
        with pytest.raises(ExerciseFileError, match="not valid"):
            integration.template()
    finally:
        integration.template.cache_clear()


def test_follow_up_steps_carry_the_practice_and_fixed_outcomes() -> None:
    chosen = datetime(2026, 11, 20, 19).astimezone()
    steps = integration.followup_steps(
        [
            Practice("balance", "Leave work on time", chosen, "x"),
            Practice("body", "Walk", chosen, "x"),
        ]
    )
    assert [s.id for s in steps] == [
        "followup",
        "followup_balance",
        "followup_balance_note",
        "followup_body",
        "followup_body_note",
    ]
    assert "Friday 20 November" in steps[0].text
    assert steps[1].choices == list(OUTCOMES) and steps[1].role == "practice-outcome:balance"
    # the realm's label is the vocabulary's, the same one the review and practices show
    assert "Leave work on time" in steps[1].text and "Work/life balance" in steps[1].text
    assert steps[2].optional and steps[2].role == "practice-note:balance"
    assert integration.followup_steps([]) == []


def test_realm_filter_and_follow_up_placement() -> None:
    chosen = datetime(2026, 11, 20, 19).astimezone()
    ex = integration.integrate_exercise(["mind"], [Practice("body", "Walk", chosen, "x")])
    ids = [s.id for s in ex.steps]
    assert ids[:4] == ["arrive", "before_frame", "after_frame", "after_frame_lately"]
    assert ids[4:8] == ["followup", "followup_body", "followup_body_note", "followup_body_keep"]
    assert {s.realm for s in ex.steps[8:]} <= {"mind", None}
    assert ids[-1] == "closing"


def test_unknown_realm_is_a_usage_error() -> None:
    assert integration.check_realms([]) == list(REALMS)
    assert integration.check_realms(["Spirit", "body"]) == ["body", "spirit"]
    with pytest.raises(UsageError, match="no realm 'work'"):
        integration.check_realms(["work"])


# the plain question the weeks after a session bring, answered no
NOT_LATELY = (
    care_words.THOUGHTS_ASK,
    next(shown for shown, said in care_words.THOUGHTS_CHOICES.items() if said == rec.NO),
)
# the shipped exercises about one side of a session, and that side; every other one is filed
# by the nearest session (``core/sessions.link``)
ONE_SIDE = {"prepare": "before", "after-session": "after", "journey": "after"}


def test_every_shipped_exercise_about_one_side_of_a_session_says_which() -> None:
    """Walked in a terminal: ``exercise after-session`` two days after one session and two
    before the next was filed "2 days before session 2" (at equal distance the coming session
    wins, and after-session did not say it is about the session behind)."""
    shipped = {ex.name: ex.phase for ex in exercises.load_all()}
    assert shipped == {name: ONE_SIDE.get(name) for name in shipped}


@pytest.mark.parametrize("name", list(ONE_SIDE))
def test_an_exercise_about_one_side_is_filed_on_that_side_between_two_sessions(
    cli: Cli, name: str
) -> None:
    """Between two sessions at equal distance (and nearer the wrong one), the entry belongs
    to the session on the exercise's side, as the program files it."""
    for day in ("2026-11-05", "2026-11-09", "2026-11-10"):
        assert cli("session", "add", day, "--yes").exit_code == 0
    assert (
        runner.run_exercise(name, at="2026-11-07 10:00", asker=AutoAsker({}, [NOT_LATELY]))
        is not None
    )
    (entry,) = load_range(None, None)
    side = ONE_SIDE[name]
    assert entry.phase == side
    assert entry.session == ("2026-11-05" if side == "after" else "2026-11-09")
