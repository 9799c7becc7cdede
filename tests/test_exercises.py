from __future__ import annotations

from pathlib import Path

import pytest

from partsjournal.core.errors import UsageError
from partsjournal.core.vocabulary import SELF_QUALITIES
from partsjournal.flow import exercises
from partsjournal.flow.exercises import Exercise, ExerciseFileError, builtin_dir

SHIPPED = sorted(builtin_dir().glob("*.toml"))


def test_there_are_shipped_exercises() -> None:
    assert "protector" in [p.stem for p in SHIPPED]


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_every_shipped_exercise_is_valid(path: Path) -> None:
    ex = exercises.load_file(path)
    assert ex.name == path.stem
    assert ex.steps
    # every step that asks something is reachable by a stable, unique id
    assert len({s.id for s in ex.steps}) == len(ex.steps)


def test_protector_follows_the_arc() -> None:
    ex = exercises.get("protector")
    roles = [s.role for s in ex.steps if s.role]
    for role in (
        "situation",
        "activation-before",
        "part",
        "feel-toward",
        "part-purpose",
        "part-feelings",
        "part-fears",
        "part-strengths",
        "part-needs",
        "reflection",
        "activation-after",
        "next-step",
    ):
        assert role in roles
    assert roles.index("activation-before") < roles.index("part") < roles.index("activation-after")


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    f = folder / f"{name}.toml"
    f.write_text(text, encoding="utf-8")
    return f


MINIMAL = """
name = "{name}"
title = "{title}"
summary = "s"
minutes = 5
[[steps]]
id = "one"
kind = "text"
text = "Say something"
"""


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        ('colour = "blue"\n', "colour"),
        ('[[steps]]\nid = "two"\nkind = "choice"\ntext = "x"\n', "at least two choices"),
        ('[[steps]]\nid = "two"\nkind = "dance"\ntext = "x"\n', "kind"),
        (
            '[[steps]]\nid = "two"\nkind = "text"\ntext = "x"\n'
            'when = { step = "later", equals = 1 }\n',
            "not an earlier step",
        ),
        ('[[steps]]\nid = "one"\nkind = "text"\ntext = "again"\n', "used twice"),
        (
            '[[steps]]\nid = "two"\nkind = "text"\ntext = "x"\nwhen = { step = "one" }\n',
            "needs a test",
        ),
    ],
)
def test_broken_exercise_names_file_and_problem(tmp_path: Path, extra: str, problem: str) -> None:
    text = MINIMAL.format(name="mine", title="Mine")
    # top-level keys must come before the first [[steps]] table
    text = extra + text if extra.startswith("colour") else text + extra
    f = write(tmp_path, "mine", text)
    with pytest.raises(ExerciseFileError) as info:
        exercises.load_file(f)
    assert str(f) in info.value.message
    assert problem in info.value.message


def test_not_toml_is_reported(tmp_path: Path) -> None:
    f = write(tmp_path, "mine", "name = \n")
    with pytest.raises(ExerciseFileError, match="not valid TOML"):
        exercises.load_file(f)


def test_user_exercise_is_listed_and_wins_over_builtin(home: Path) -> None:
    write(home / "exercises", "mine", MINIMAL.format(name="mine", title="Mine"))
    write(home / "exercises", "protector", MINIMAL.format(name="protector", title="My protector"))
    assert "mine" in exercises.names()
    assert exercises.get("protector").title == "My protector"


def test_unknown_name_suggests_close_ones() -> None:
    with pytest.raises(UsageError, match="Did you mean protector"):
        exercises.get("protecter")


def cond_exercise() -> Exercise:
    return Exercise.model_validate(
        {
            "name": "c",
            "title": "c",
            "summary": "c",
            "minutes": 1,
            "steps": [
                {"id": "feel", "kind": "choice", "text": "t", "choices": ["curious", "angry"]},
                {"id": "rate", "kind": "scale", "text": "t"},
                {
                    "id": "unblend",
                    "kind": "guide",
                    "text": "t",
                    "when": {"step": "feel", "not_in": ["curious"]},
                },
                {
                    "id": "high",
                    "kind": "guide",
                    "text": "t",
                    "when": {"step": "rate", "at_least": 8},
                },
                {
                    "id": "both",
                    "kind": "guide",
                    "text": "t",
                    "when": [{"step": "feel", "equals": "angry"}, {"step": "rate", "at_most": 2}],
                },
                {"id": "pre", "kind": "guide", "text": "t", "when": {"phase": "before"}},
            ],
        }
    )


@pytest.mark.parametrize(
    ("answers", "phase", "shown"),
    [
        ({"feel": "curious", "rate": 3}, None, set()),
        ({"feel": "angry", "rate": 3}, None, {"unblend"}),
        ({"feel": "curious", "rate": 8}, None, {"high"}),
        ({"feel": "angry", "rate": 1}, "before", {"unblend", "both", "pre"}),
        ({"feel": "curious", "rate": 10}, "after", {"high"}),
        ({}, None, set()),
    ],
)
def test_conditions(answers: dict[str, object], phase: str | None, shown: set[str]) -> None:
    ex = cond_exercise()
    conditional = {"unblend", "high", "both", "pre"}
    got = {s.id for s in ex.steps if s.id in conditional and s.shown(answers, phase)}
    assert got == shown


SELF_IDS = [f"self_{q}" for q in SELF_QUALITIES]


@pytest.mark.parametrize("name", ["protector", "after-session"])
def test_self_energy_check_is_offered_from_the_one_self_check_file(name: str) -> None:
    ex = exercises.get(name)
    source = exercises.get("self-check")
    for step_id in SELF_IDS:
        step = ex.step(step_id)
        assert step is not None
        assert step.text == source.step(step_id).text  # type: ignore[union-attr]
        assert step.shown({"self_check": True}) and not step.shown({"self_check": False})


def test_include_keeps_the_included_steps_own_conditions(home: Path) -> None:
    folder = home / "exercises"
    write(
        folder,
        "base",
        MINIMAL.format(name="base", title="Base")
        + '[[steps]]\nid = "two"\nkind = "text"\ntext = "x"\n'
        + 'when = { step = "one", equals = "a" }\n',
    )
    write(
        folder,
        "outer",
        MINIMAL.format(name="outer", title="Outer").replace('id = "one"', 'id = "go"')
        + '[[steps]]\ninclude = "base"\nwhen = { step = "go", equals = "yes" }\n',
    )
    ex = exercises.get("outer")
    assert [s.id for s in ex.steps] == ["go", "one", "two"]
    assert ex.step("two").shown({"go": "yes", "one": "a"})  # type: ignore[union-attr]
    assert not ex.step("two").shown({"go": "yes", "one": "b"})  # type: ignore[union-attr]
    assert not ex.step("one").shown({"go": "no"})  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("include", "problem"),
    [
        ('include = "nowhere"', "not another exercise"),
        ('include = "mine"', "not another exercise"),
        ('include = "self-check"\nonly = ["nope"]', "has no step 'nope'"),
        ('include = "protector"\nid = "x"', "cannot have id"),
        ('include = "protector"', "includes another one itself"),
    ],
)
def test_broken_includes_are_reported(home: Path, include: str, problem: str) -> None:
    f = write(
        home / "exercises",
        "mine",
        MINIMAL.format(name="mine", title="Mine") + f"[[steps]]\n{include}\n",
    )
    with pytest.raises(ExerciseFileError) as info:
        exercises.load_file(f)
    assert str(f) in info.value.message and problem in info.value.message
