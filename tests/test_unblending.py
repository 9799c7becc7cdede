"""One unblending check in every dialogue that asks how you feel toward a part: the part that
crowds in is asked (never told) to step back; when you are still not open toward the part,
the dialogue turns to the part that stays close (asking it first) or closes gently, and never
carries on with "about the same"."""

from __future__ import annotations

import tomllib
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from partsjournal.core import paths
from partsjournal.core import vocabulary as vocab
from partsjournal.flow import exercises, runner
from partsjournal.flow.engine import Run
from partsjournal.flow.exercises import Exercise, Step
from tests.askers import AutoAsker
from tests.conftest import entry_files

WHEN = datetime(2026, 11, 20, 21, 15, tzinfo=timezone(timedelta(hours=1)))

# the check, in order, as exercises/unblend.toml holds it
CHECK = [
    "feel_toward", "unblend", "unblend_check", "unblend_turn", "unblend_close",
    "blended_part", "blended_willing", "blended_no", "blended_feel", "blended_close",
    "blended_turned",
]  # fmt: skip

# every dialogue with the check: (exercise, the prefix of its check's ids, where a gentle
# close goes on, the first part step before the check)
DIALOGUES = [
    ("protector", "", "closing", "name_part"),
    ("prepare", "", "other_parts", "name_part"),
    ("after-session", "", "what_changed", "name_part"),
    ("firefighter", "", "closing", "name_part"),
    ("polarity", "a_", "closing", "part_a"),
    ("polarity", "b_", "closing", "part_b"),
    ("unblend", "", "closing", "name_part"),
]
IDS = [f"{name}{'-' + prefix if prefix else ''}" for name, prefix, _, _ in DIALOGUES]


def check() -> Exercise:
    return exercises.get("unblend")


def choices(step_id: str) -> list[str]:
    step = check().step(step_id)
    assert step is not None and step.choices
    return step.choices


OPEN = ["curious", "warm or compassionate", "calm and open"]


def not_open() -> list[str]:
    return [c for c in choices("feel_toward") if c not in OPEN]


def walk(name: str, answers: dict[str, Any]) -> tuple[list[str], dict[str, dict[str, Any]]]:
    parts_named = {step: "The Part" for _, _, _, step in DIALOGUES}
    # prepare offers to put the people of its plan on the support card: not now
    replies: list[tuple[str, bool | str]] = [("support card", False)] if name == "prepare" else []
    asker = AutoAsker({**parts_named, **answers}, replies)
    entry = runner.walk_and_save(Run(exercise=exercises.get(name)), asker, WHEN)
    assert entry is not None
    data = tomllib.loads(entry_files(paths.home())[-1].read_text(encoding="utf-8"))
    return asker.asked, {a["step"]: a for a in data["answers"]}


def named(prefix: str, **answers: Any) -> dict[str, Any]:
    return {f"{prefix}{key}": value for key, value in answers.items()}


# --------------------------------------------------------------------------- one check


def test_every_step_that_asks_how_you_feel_toward_a_part_belongs_to_the_one_check() -> None:
    asking = 0
    for name in exercises.names():
        for step in exercises.get(name).steps:
            if step.role != vocab.FEEL_TOWARD:
                continue
            asking += 1
            assert step.id.endswith(("feel_toward", "blended_feel")), (name, step.id)
    assert asking >= len(DIALOGUES) * 2


@pytest.mark.parametrize(("name", "prefix", "target", "part_step"), DIALOGUES, ids=IDS)
def test_each_dialogue_carries_the_check_word_for_word(
    name: str, prefix: str, target: str, part_step: str
) -> None:
    ex, source = exercises.get(name), check()
    ids = [s.id for s in ex.steps]
    where = [ids.index(f"{prefix}{step_id}") for step_id in CHECK]
    assert where == sorted(where) and where[-1] - where[0] == len(CHECK) - 1
    assert ids.index(part_step) < where[0] < ids.index(target)
    for step_id in CHECK:
        theirs, ours = ex.step(f"{prefix}{step_id}"), source.step(step_id)
        assert theirs is not None and ours is not None
        assert (theirs.text, theirs.choices, theirs.role) == (ours.text, ours.choices, ours.role)
        if ours.then is not None:  # each gentle close goes on at the dialogue's own place
            assert theirs.then == target


# --------------------------------------------------------------------------- its paths


@pytest.mark.parametrize(("name", "prefix", "target", "part_step"), DIALOGUES, ids=IDS)
def test_still_not_open_after_asking_never_carries_on(
    name: str, prefix: str, target: str, part_step: str
) -> None:
    for still in choices("unblend_check")[1:]:  # "about the same", "will not step back"
        asked, got = walk(
            name,
            named(
                prefix,
                feel_toward=not_open()[0],
                unblend_check=still,
                unblend_turn="close gently for today",
            ),
        )
        i = asked.index(f"{prefix}unblend_check")
        assert asked[i + 1 : i + 4] == [f"{prefix}unblend_turn", f"{prefix}unblend_close", target]
        questions = vocab.PAIN_RISES | {vocab.PART_PURPOSE, vocab.PART_PROTECTS_FROM}
        assert not [s for s in asked[i + 1 :] if s in got and got[s].get("role") in questions]


@pytest.mark.parametrize(("name", "prefix", "target", "part_step"), DIALOGUES, ids=IDS)
def test_the_part_that_stays_close_is_asked_first_and_a_no_closes_gently(
    name: str, prefix: str, target: str, part_step: str
) -> None:
    asked, got = walk(
        name,
        named(
            prefix,
            feel_toward=not_open()[-1],
            unblend_check=choices("unblend_check")[-1],
            unblend_turn="turn toward the part that stays close",
            blended_part="The Guard",
            blended_willing=False,
        ),
    )
    i = asked.index(f"{prefix}blended_part")
    assert asked[i + 1 : i + 4] == [f"{prefix}blended_willing", f"{prefix}blended_no", target]
    assert got[f"{prefix}blended_willing"]["role"] == vocab.CONSENT
    assert got[f"{prefix}blended_willing"]["part"] == "the-guard"


@pytest.mark.parametrize(("name", "prefix", "target", "part_step"), DIALOGUES, ids=IDS)
def test_not_open_toward_the_part_that_stays_close_either_closes_gently(
    name: str, prefix: str, target: str, part_step: str
) -> None:
    asked, _ = walk(
        name,
        named(
            prefix,
            feel_toward=not_open()[0],
            unblend_check=choices("unblend_check")[1],
            unblend_turn="turn toward the part that stays close",
            blended_part="The Guard",
            blended_willing=True,
            blended_feel=choices("blended_feel")[-1],  # not open toward it either
        ),
    )
    i = asked.index(f"{prefix}blended_feel")
    assert asked[i + 1 : i + 3] == [f"{prefix}blended_close", target]


@pytest.mark.parametrize(("name", "prefix", "target", "part_step"), DIALOGUES, ids=IDS)
def test_open_toward_the_part_that_stays_close_makes_it_the_one_the_questions_are_about(
    name: str, prefix: str, target: str, part_step: str
) -> None:
    asked, got = walk(
        name,
        named(
            prefix,
            feel_toward=not_open()[1],
            unblend_check=choices("unblend_check")[2],
            unblend_turn="turn toward the part that stays close",
            blended_part="The Guard",
            blended_willing=True,
            blended_feel="curious",
        ),
    )
    i = asked.index(f"{prefix}blended_turned")
    after = [got[s] for s in asked[i + 1 :] if s in got and got[s].get("role") in vocab.ABOUT_PART]
    assert after and after[0]["part"] == "the-guard"


@pytest.mark.parametrize(("name", "prefix", "target", "part_step"), DIALOGUES, ids=IDS)
def test_open_toward_the_part_goes_straight_on(
    name: str, prefix: str, target: str, part_step: str
) -> None:
    asked, _ = walk(name, named(prefix, feel_toward="curious"))
    i = asked.index(f"{prefix}feel_toward")
    assert f"{prefix}unblend" not in asked and f"{prefix}unblend_turn" not in asked
    assert asked[i + 1] != target


@pytest.mark.parametrize(("name", "prefix", "target", "part_step"), DIALOGUES, ids=IDS)
def test_more_open_after_asking_goes_on_with_the_same_part(
    name: str, prefix: str, target: str, part_step: str
) -> None:
    asked, got = walk(
        name,
        named(prefix, feel_toward=not_open()[0], unblend_check=choices("unblend_check")[0]),
    )
    assert f"{prefix}unblend_turn" not in asked and f"{prefix}blended_part" not in asked
    assert got[f"{prefix}unblend_check"]["role"] == vocab.UNBLEND


# --------------------------------------------------------------------------- includes


def write(folder: Any, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.toml").write_text(text, encoding="utf-8")


SHARED = """
name = "shared"
title = "t"
summary = "s"
minutes = 1
[[steps]]
id = "ask"
kind = "yes_no"
text = "Willing?"
[[steps]]
id = "no"
kind = "guide"
text = "Thanks."
when = { step = "ask", equals = false }
then = "end"
[[steps]]
id = "end"
kind = "guide"
text = "Bye."
"""


def test_an_include_with_a_prefix_can_bring_the_same_steps_twice(home: Any) -> None:
    write(home / "exercises", "shared", SHARED)
    write(
        home / "exercises",
        "twice",
        'name = "twice"\ntitle = "t"\nsummary = "s"\nminutes = 1\n'
        '[[steps]]\ninclude = "shared"\nonly = ["ask", "no"]\nprefix = "a_"\nthen = "closing"\n'
        '[[steps]]\ninclude = "shared"\nonly = ["ask", "no"]\nprefix = "b_"\nthen = "closing"\n'
        '[[steps]]\nid = "closing"\nkind = "guide"\ntext = "Done."\n',
    )
    ex = exercises.get("twice")
    assert [s.id for s in ex.steps] == ["a_ask", "a_no", "b_ask", "b_no", "closing"]
    b_no = ex.step("b_no")
    assert isinstance(b_no, Step) and b_no.then == "closing"
    assert b_no.shown({"b_ask": False}) and not b_no.shown({"a_ask": False, "b_ask": True})


def test_an_include_can_name_a_shipped_template_of_steps(home: Any) -> None:
    write(
        home / "exercises",
        "light",
        'name = "light"\ntitle = "t"\nsummary = "s"\nminutes = 1\n'
        '[[steps]]\ninclude = "soon-after"\n'
        '[[steps]]\nid = "closing"\nkind = "guide"\ntext = "Done."\n',
    )
    step = exercises.get("light").step("soon_after")
    assert step is not None
    assert step.shown({}, "after", 1) and step.shown({}, "after", 2)
    assert not step.shown({}, "after", 0) and not step.shown({}, "after", 3)


@pytest.mark.parametrize(
    ("include", "problem"),
    [
        ('include = "shared"\nprefix = 3', "are step ids"),
        ('include = "shared"\nthen = ["x"]', "are step ids"),
        ('include = "../shared"', "not another exercise"),
    ],
)
def test_a_broken_prefix_or_then_is_reported(home: Any, include: str, problem: str) -> None:
    write(home / "exercises", "shared", SHARED)
    write(
        home / "exercises",
        "bad",
        f'name = "bad"\ntitle = "t"\nsummary = "s"\nminutes = 1\n[[steps]]\n{include}\n',
    )
    with pytest.raises(exercises.ExerciseFileError, match=problem):
        exercises.get("bad")


def test_the_unblending_practice_is_listed_on_its_own() -> None:
    assert "unblend" in exercises.names()
    ex = check()
    assert ex.minutes <= 5 and not ex.deep
